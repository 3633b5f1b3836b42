import { describe, expect, it } from 'vitest'
import { readHtmlPage, siteNameFromTitle } from './html-page'

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
