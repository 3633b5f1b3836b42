import { describe, expect, it } from 'vitest'
import {
  dropLargeDataUris,
  ensureBody,
  maxTagDepth,
  readHtmlPage,
  siteNameFromTitle,
  stripHeavyElements,
  stripNavigation,
} from './html-page'

describe('HTML preparation', () => {
  it('drops scripts and styles but keeps JSON-LD', () => {
    const html =
      '<p>a</p><script>x()</script><STYLE>p{}</STYLE><script type="application/ld+json">{}</script><svg><g/></svg><p>b'
    expect(stripHeavyElements(html)).toBe('<p>a</p><script type="application/ld+json">{}</script><p>b')
    expect(stripHeavyElements('<p>a</p><script>never closed')).toBe('<p>a</p>')
  })

  it('drops menus before parsing, but not those in a footer, with a rights line, or never closed', () => {
    expect(stripNavigation('<p>a</p><NAV class="m"><ul><li>x</li></ul><nav>y</nav></NAV><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    )
    expect(stripNavigation('<footer><nav>Terms</nav></footer><nav>Menu</nav>')).toBe(
      '<footer><nav>Terms</nav></footer>',
    )
    expect(stripNavigation('<nav>About · © 2026 Harbour Post</nav><nav>Menu</nav>')).toBe(
      '<nav>About · © 2026 Harbour Post</nav>',
    )
    expect(stripNavigation('<p>a</p><nav><ul><li>never closed')).toBe('<p>a</p><nav><ul><li>never closed')
    expect(stripNavigation('<p>navigation <nav-bar>kept</nav-bar><navigator>too</navigator></p>')).toBe(
      '<p>navigation <nav-bar>kept</nav-bar><navigator>too</navigator></p>',
    )
  })

  it('puts in a <body> when the markup has none', () => {
    expect(ensureBody('<p>x</p>')).toBe('<!doctype html><html><head></head><body><p>x</p></body></html>')
    expect(ensureBody('<html><head><title>t</title></head><p>x</p></html>')).toBe(
      '<html><head><title>t</title></head><body><p>x</p></body></html>',
    )
    expect(ensureBody('<body><p>x</p></body>')).toBe('<body><p>x</p></body>')
  })

  it('empties long data URIs only', () => {
    const long = `data:image/png;base64,${'A'.repeat(100)}`
    const short = 'data:image/gif;base64,R0lGOD=='
    expect(dropLargeDataUris(`<img src="${long}"><img src="${short}">`, 50)).toBe(
      `<img src=""><img src="${short}">`,
    )
  })

  it('measures nesting as the parser nests: void and implicitly closed tags, and end tags closing what was left open', () => {
    expect(maxTagDepth('<div>'.repeat(11), 100)).toBe(11)
    expect(maxTagDepth('<div>'.repeat(50), 10)).toBe(11)
    expect(maxTagDepth('<div></div>'.repeat(100), 10)).toBe(1)
    expect(maxTagDepth('<p>x<br><img src=a>'.repeat(100), 10)).toBe(0)
    // Spans left open inside each block are closed by the block's end tag.
    expect(maxTagDepth('<DIV><span><b>x</div>'.repeat(100), 1000)).toBe(3)
    // A stray end tag closes nothing.
    expect(maxTagDepth('<div><section></span><i>x</i></section></div>', 10)).toBe(3)
  })
})

describe('site name from <title>', () => {
  it('takes the last part, or the first when the last is page chrome', () => {
    expect(siteNameFromTitle('Headline text | В мире | Политика | Аргументы и Факты', 'Headline text')).toBe(
      'Аргументы и Факты',
    )
    expect(siteNameFromTitle('Moment.js | Home', null)).toBe('Moment.js')
    expect(siteNameFromTitle('How Japan changed - by Noah Smith', 'How Japan changed')).toBeNull()
    expect(siteNameFromTitle('Just a title', null)).toBeNull()
  })
})

describe('readHtmlPage', () => {
  it('takes the visible headline over a different og:title, and a lead outside the content block', () => {
    const page = `<html><head><title>Other words entirely | Site</title>
      <meta property="og:title" content="Other words entirely"></head><body>
      <h1 itemprop="headline">The visible headline of the story</h1>
      <div class="article__lead">A lead paragraph that sums up the story in one sentence.</div>
      <article><p>${'Body sentence with enough words to count as an article paragraph. '.repeat(8)}</p>
      <p>${'Another body paragraph that keeps the article long enough for detection. '.repeat(8)}</p></article>
      </body></html>`
    const fields = readHtmlPage(page, { url: null, fallbackTitle: 'x' })
    expect(fields.title).toBe('The visible headline of the story')
    expect(fields.siteName).toBe('Site')
    expect(fields.contentText.split('\n\n')[0]).toBe(
      'A lead paragraph that sums up the story in one sentence.',
    )
  })

  it('keeps figure captions, navigation and asides out of the running text', () => {
    const body = 'Body sentence with enough words to count as an article paragraph. '.repeat(8)
    const page = `<html><head><title>Story</title></head><body>
      <nav><p>${'Sections of the site listed here for readers to browse. '.repeat(6)}</p></nav>
      <article><p>${body}</p>
      <figure><img src="https://img.example/a.jpg" alt="A quay"><figcaption>Cranes on the quay at dawn.</figcaption></figure>
      <p>${body}</p>
      <aside><p>${'Related stories that a reader might also want to open next. '.repeat(6)}</p></aside></article>
      </body></html>`
    const fields = readHtmlPage(page, { url: null, fallbackTitle: 'x' })
    expect(fields.contentHtml).toContain('<figcaption>Cranes on the quay at dawn.</figcaption>')
    expect(fields.contentText).toContain('Body sentence')
    expect(fields.contentText).not.toContain('Cranes on the quay')
    expect(fields.contentText).not.toContain('Sections of the site')
    expect(fields.contentText).not.toContain('Related stories')
  })

  it('prefers the canonical URL over the saved one, and the given URL over both', () => {
    const page =
      '<html><head><link rel="canonical" href="https://a.example/story"></head><body><p>Some text for the page body here.</p></body></html>'
    expect(
      readHtmlPage(page, { url: null, savedUrl: 'https://a.example/story?utm=x', fallbackTitle: 'x' }).url,
    ).toBe('https://a.example/story')
    expect(readHtmlPage(page, { url: 'https://given.example/', fallbackTitle: 'x' }).url).toBe(
      'https://given.example/',
    )
  })

  const articleBody = `<article><p>${'Body sentence with enough words to count as an article paragraph. '.repeat(8)}</p></article>`

  it('keeps a JSON-LD person signed with the site name, but not a byline naming the site', () => {
    const jsonLd = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'A story',
      author: { '@type': 'Person', name: 'Harbour Post' },
      publisher: { '@type': 'Organization', name: 'Harbour Post' },
    })
    const signed = `<html><head><title>A story | Harbour Post</title>
      <script type="application/ld+json">${jsonLd}</script></head><body>${articleBody}</body></html>`
    expect(readHtmlPage(signed, { url: null, fallbackTitle: 'x' }).authors).toEqual(['Harbour Post'])
    const byline = `<html><head><title>A story | Harbour Post</title>
      <meta property="og:site_name" content="Harbour Post"></head><body>
      <article><p class="byline">By Harbour Post</p>${articleBody}</article></body></html>`
    expect(readHtmlPage(byline, { url: null, fallbackTitle: 'x' }).authors).toEqual([])
  })

  it('does not cut a title down to a menu word when the site name is taken off', () => {
    const page = `<html><head><title>Moment.js | Home</title></head><body>
      <h1>Moment.js 2.14.1</h1>${articleBody}</body></html>`
    expect(readHtmlPage(page, { url: null, fallbackTitle: 'x' }).title).toBe('Moment.js | Home')
  })
})
