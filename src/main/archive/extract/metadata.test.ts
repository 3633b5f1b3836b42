import { describe, expect, it } from 'vitest'
import { parseDocument } from './dom'
import { readMetadata } from './metadata'

const page = (head: string, body = ''): ReturnType<typeof readMetadata> =>
  readMetadata(parseDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`))

const jsonLd = (value: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`

const ARTICLE_TEXT = '<p>Some text of the article that is long enough to read as a body paragraph.</p>'

describe('authors', () => {
  it('keeps a JSON-LD Person even when it carries the site name, and leaves out Organization authors', () => {
    const signedBySite = page(
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Storm closes the harbour',
        author: { '@type': 'Person', name: 'harbourtimes.example' },
        publisher: { '@type': 'Organization', name: 'harbourtimes.example' },
      }),
    )
    expect(signedBySite.authors).toEqual(['harbourtimes.example'])

    const organisation = page(
      jsonLd({
        '@type': 'NewsArticle',
        headline: 'Урожай зерна вырос',
        author: { '@type': 'NewsMediaOrganization', name: 'Вечерние вести' },
      }) + '<meta name="author" content="Анна Смирнова">',
    )
    // The organisation is not a person, so the next source is read.
    expect(organisation.authors).toEqual(['Анна Смирнова'])
  })

  it('drops a <meta name=author> that names the site (its declared name or its host)', () => {
    const byHost = page(
      '<link rel="canonical" href="https://www.vesti-kraya.example/news/1">' +
        '<meta name="author" content="VESTI-KRAYA.EXAMPLE"><meta property="og:title" content="Урожай зерна вырос">',
    )
    expect(byHost.authors).toEqual([])

    const byName = page(
      '<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Harbour Times">',
    )
    expect(byName.authors).toEqual([])

    const person = page(
      '<meta property="og:site_name" content="Harbour Times"><meta name="author" content="Jane Doe">',
    )
    expect(person.authors).toEqual(['Jane Doe'])
  })

  it('keeps the JSON-LD author name but not the job title or site printed after it', () => {
    const metadata = page(
      jsonLd({
        '@type': 'Article',
        author: [
          {
            '@type': 'Person',
            name: 'Jane Doe, professor of history at the University of Leeds, Example.com',
          },
        ],
      }),
    )
    expect(metadata.authors).toEqual(['Jane Doe'])
  })
})

describe('headline', () => {
  it('uses the declared spelling when the <h1> markup loses a space', () => {
    const metadata = page(
      '<meta property="og:title" content="Police caught two thieves: stolen gold found">',
      `<article><h1><span>Police caught two thieves:</span>stolen gold found</h1>${ARTICLE_TEXT}</article>`,
    )
    expect(metadata.headline).toBe('Police caught two thieves: stolen gold found')
  })

  it('takes the kicker the declared title puts before the visible headline (EN and RU)', () => {
    const english = page(
      '<meta property="og:title" content="After the vote: Minister resigns">',
      `<h1>Minister resigns</h1>${ARTICLE_TEXT}`,
    )
    expect(english.headline).toBe('After the vote: Minister resigns')

    const russian = page(
      jsonLd({ '@type': 'NewsArticle', headline: 'После голосования: министр ушёл в отставку' }),
      `<h1>Министр ушёл в отставку</h1>${ARTICLE_TEXT}`,
    )
    expect(russian.headline).toBe('После голосования: министр ушёл в отставку')
  })

  it('keeps the <h1> when a declared title equals it or the prefix is the site name', () => {
    const sectionSuffix = page(
      jsonLd({ '@type': 'NewsArticle', headline: 'After the vote: Minister resigns | Politics' }) +
        '<meta property="og:title" content="Minister resigns">',
      `<h1>Minister resigns</h1>${ARTICLE_TEXT}`,
    )
    expect(sectionSuffix.headline).toBe('Minister resigns')

    const siteFirst = page(
      '<meta property="og:site_name" content="Daily Planet">' +
        '<meta property="og:title" content="Daily Planet: Minister resigns">',
      `<h1>Minister resigns</h1>${ARTICLE_TEXT}`,
    )
    expect(siteFirst.headline).toBe('Minister resigns')
  })

  it('without a declared title, takes an <h1> only when it is the <title> or a part of it', () => {
    const product = page('<title>Moment.js | Home</title>', `<h1>Moment.js 2.14.1</h1>${ARTICLE_TEXT}`)
    expect(product.headline).toBeNull()

    const article = page(
      '<title>Урожай зерна вырос - Вечерние вести</title>',
      `<h1>Урожай зерна вырос</h1>${ARTICLE_TEXT}`,
    )
    expect(article.headline).toBe('Урожай зерна вырос')
  })
})

describe('lead and subtitle', () => {
  it('takes a lead or subtitle marked by its class, but never from a picture and its caption', () => {
    const marked = page(
      '<title>Harbour reopens - Post</title>',
      '<h1>Harbour reopens</h1><p class="subtitle">Ships return after a month of repairs</p>' +
        '<div class="article-lead">The harbour opened again on Monday after four weeks of repairs to the quay.</div>',
    )
    expect(marked.subtitle).toBe('Ships return after a month of repairs')
    expect(marked.lead).toBe('The harbour opened again on Monday after four weeks of repairs to the quay.')

    const pictured = page(
      '<title>Harbour reopens - Post</title>',
      '<h1>Harbour reopens</h1><figure class="lead-image"><img src="a.jpg" alt="">' +
        '<figcaption class="lead-caption">Cranes on the quay at dawn, photographed by a reader</figcaption></figure>' +
        ARTICLE_TEXT,
    )
    expect(pictured.subtitle).toBeNull()
    expect(pictured.lead).toBeNull()
  })

  it('never takes a teaser for another story as the lead, whatever its class says', () => {
    const teased = page(
      '<title>Harbour reopens - Post</title>',
      '<h1>Harbour reopens</h1><a class="announcement_description" href="/other">Why the quay was closed for so long, and who paid for it</a>' +
        ARTICLE_TEXT,
    )
    expect(teased.lead).toBeNull()
  })
})
