import { describe, expect, it } from 'vitest'
import { parseDocument } from './dom'
import { indexPage } from './page-index'

const page = `<!doctype html><html><head>
  <title>First title</title><title>Second title</title>
  <base href="https://a.example/"><link rel="stylesheet" href="s.css"><link rel="Canonical" href="/story">
  <meta property="og:title" content="Story"><meta name="author" content="A. Writer">
  <script type="application/ld+json">{"@type":"NewsArticle"}</script><script>ignored()</script>
</head><body>
  <nav><a href="/">Home</a></nav>
  <div role="navigation">Sections</div><div role="main">main</div><div hidden>gone</div>
  <article itemscope itemtype="https://schema.org/NewsArticle">
    <h1 itemprop="headline">Story</h1>
    <time>yesterday</time><time datetime="2026-02-07">7 Feb</time>
    <p>Body <small>aside note</small></p>
  </article>
  <aside>Related</aside>
  <p class="site-copyright-line">© 2026 Harbour Post</p>
  <footer><div><p>About</p><span>© 2026 Harbour Post. All rights reserved.</span></div></footer>
</body></html>`

describe('indexPage', () => {
  const index = indexPage(parseDocument(page))
  const names = (elements: readonly { localName: string }[]): string[] => elements.map((e) => e.localName)

  it('finds the first title, base, canonical link and dated time', () => {
    expect(index.title?.textContent).toBe('First title')
    expect(index.base?.getAttribute('href')).toBe('https://a.example/')
    expect(index.canonical?.getAttribute('href')).toBe('/story')
    expect(index.firstDatedTime?.getAttribute('datetime')).toBe('2026-02-07')
  })

  it('lists JSON-LD scripts, metas, headings, times and microdata in document order', () => {
    expect(index.jsonLdScripts.map((script) => script.textContent)).toEqual(['{"@type":"NewsArticle"}'])
    expect(index.metas.map((meta) => meta.getAttribute('content'))).toEqual(['Story', 'A. Writer'])
    expect(names(index.headings)).toEqual(['h1'])
    expect(index.times.map((time) => time.textContent)).toEqual(['yesterday', '7 Feb'])
    expect(names(index.microdata)).toEqual(['h1'])
  })

  it('marks menus, asides, footers, navigation roles and hidden elements as furniture', () => {
    expect(index.furniture.map((element) => element.textContent?.trim())).toEqual([
      'Home',
      'Sections',
      'gone',
      'Related',
      'About© 2026 Harbour Post. All rights reserved.',
    ])
  })

  it('offers footers and their text first, then small print and copyright classes, as rights candidates', () => {
    expect(names(index.rightsCandidates)).toEqual(['footer', 'div', 'p', 'span', 'small', 'p'])
  })
})
