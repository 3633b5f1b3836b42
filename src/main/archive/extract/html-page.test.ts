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
import {
  isCommentsHeading,
  isEmbedPlaceholder,
  isPaywallBadge,
  isPaywallCut,
  isRelativeStampLine,
  isSignUpConsent,
  isSourceCredit,
  isStaffCredits,
  isTipLineCall,
} from './text-rules'

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

describe('readHtmlPage: what is kept out of the running text', () => {
  const sentence = (topic: string): string =>
    `The harbour board met on Tuesday to discuss the ${topic} and agreed on a plan for the coming year. `.repeat(
      3,
    )
  const first = sentence('new ferry timetable')
  const second = sentence('repairs to the old pier')
  const third = sentence('rising cost of dredging')
  /** The body text of a page whose article holds `inner`, one block a line. */
  const blocksOf = (inner: string, head = '', before = ''): string[] =>
    readHtmlPage(
      `<html><head><title>Harbour plans | Harbour Post</title>${head}</head><body>${before}<article>${inner}</article></body></html>`,
      { url: null, fallbackTitle: 'x' },
    ).contentText.split('\n\n')

  it('ends the body at a paywall notice and drops a paywall badge', () => {
    const blocks = blocksOf(`<p>Article réservé aux abonnés</p><p>${first}</p><p>${second}</p>
      <p><strong>Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.</strong></p>
      <p>Vous pouvez lire ce journal sur un seul appareil à la fois.</p><p>${third}</p>`)
    expect(blocks).toEqual([first.trim(), second.trim()])
  })

  it('ends the body at a comments heading in its second half only', () => {
    const tail = `<p>${first}</p><p>${second}</p><p>${third}</p><h3>Forum: 5 Postings</h3>
      <p>Your opinion counts, and the comments here are the readers' own.</p>`
    expect(blocksOf(tail)).toEqual([first.trim(), second.trim(), third.trim()])
    const early = `<p>${first}</p><h3>Comments (2)</h3><p>${second}</p><p>${third}</p>`
    expect(blocksOf(early)).toEqual([first.trim(), 'Comments (2)', second.trim(), third.trim()])
  })

  it('drops an embed waiting for consent with its label, source credits, sign-up consent, staff credits and tip calls', () => {
    const blocks = blocksOf(`<p>Quelle: dpa Sport</p><p>${first}</p><p>Empfohlener redaktioneller Inhalt</p>
      <p>An dieser Stelle finden Sie externen Inhalt, der den Artikel ergänzt. Sie können ihn mit einem Klick anzeigen lassen.</p>
      <p>${second}</p>
      <p>Do you work at a port authority and have a tip? Contact our reporter securely via Signal: harbour.01</p>
      <p>${third}</p><p>Redaktion: Marcus Roe, Elena Doe<br>Faktencheck: Marcus Roe</p>
      <p>By subscribing you agree to the processing of your data under our privacy policy.</p>`)
    expect(blocks).toEqual([first.trim(), second.trim(), third.trim()])
  })

  it('drops captions printed beside their picture, matched by the image description', () => {
    const caption = 'Four women from the support group in the courtroom in Oslo on Monday.'
    const blocks = blocksOf(`<p>${first}</p>
      <div><img src="https://img.example/a.jpg" alt="Four women from the support group in the courtroom …"></div>
      <div><span>${caption}</span> <span>Photo/Private</span></div><p>${second}</p>`)
    expect(blocks).toEqual([first.trim(), second.trim()])
    // The page's own description is never taken for a caption, even when a picture carries it.
    const described = blocksOf(
      `<p>${first}</p><img src="https://img.example/a.jpg" alt="${caption}"><p>${caption}</p><p>${second}</p>`,
      `<meta name="description" content="${caption}">`,
    )
    expect(described).toEqual([first.trim(), caption, second.trim()])
    // On a photo gallery the captions are the text, and stay.
    const pictures = ['the pier at dawn', 'the ferry in a storm', 'the dredger at work', 'the old lighthouse']
    const gallery = blocksOf(
      `<p>${first}</p>${pictures
        .map(
          (picture) =>
            `<div><img src="https://img.example/a.jpg" alt="A photograph of ${picture} taken from the harbour wall"></div>
             <div>A photograph of ${picture} taken from the harbour wall, on a grey morning in the second week of December.</div>`,
        )
        .join('')}`,
    )
    expect(gallery).toHaveLength(5)
  })

  it('does not put back a lead that is a picture caption or a byline', () => {
    const figure = blocksOf(
      `<p>${first}</p><p>${second}</p>`,
      '',
      `<h1>Harbour plans</h1><figure><figure class="fig fig--lead"><img src="https://img.example/a.jpg" alt="x">
       <figcaption>The old pier seen from the water at low tide Foto: Harbour Archive</figcaption></figure></figure>`,
    )
    expect(figure).toEqual([first.trim(), second.trim()])
    const byline = blocksOf(
      `<p>${first}</p><p>${second}</p>`,
      '<meta name="author" content="Jane Roe">',
      `<h1>Harbour plans</h1><div><p class="lead">Jane Roe, professor of maritime history at the Harbour College, 31.03.2024 19:59</p></div>`,
    )
    expect(byline).toEqual([first.trim(), second.trim()])
  })

  it('drops the labels above the header lines or the subtitle, author lines and relative stamps, but keeps the subtitle', () => {
    const subtitle = 'The board wants a new timetable before the summer season starts.'
    const aboveDate = blocksOf(
      `<p>Extremism</p><p>2min</p><p>7 February 2026</p><p>${first}</p><p>${second}</p>`,
    )
    expect(aboveDate).toEqual([first.trim(), second.trim()])
    const aboveSubtitle = blocksOf(
      `<p>MEETING:</p><h1>Harbour plans</h1><h2 class="subtitle">${subtitle}</h2><p>Jane Roe Ann Doe</p>
       <p>Online since today, 7:57</p><p>${first}</p><p>${second}</p>`,
      '<meta name="author" content="Jane Roe, Ann Doe">',
    )
    expect(aboveSubtitle).toEqual([subtitle, first.trim(), second.trim()])
  })

  it('drops a run of headlines after the last sentence when it has an article pager, and keeps a closing list', () => {
    const pager = blocksOf(`<p>${first}</p><p>${second}</p><p>Lifestyle</p><p>Sarcasm…</p><p>Next</p>
      <p>A painting travels abroad for the first time in decades</p><p>Previous</p>
      <p>Download the app for your phone</p>`)
    expect(pager).toEqual([first.trim(), second.trim()])
    const list = blocksOf(`<p>${first}</p><p>${second}</p><p>The plan has three parts:</p>
      <ul><li>A new ferry timetable</li><li>Repairs to the old pier</li><li>Dredging the north channel</li></ul>
      <p>Next</p>`)
    expect(list.slice(-3)).toEqual([
      'A new ferry timetable',
      'Repairs to the old pier',
      'Dredging the north channel',
    ])
  })
})

describe('line rules of the HTML post-processing', () => {
  it('tell paywall notices, embeds, credits and sign-up lines from prose about the same things', () => {
    expect(isPaywallCut('The rest of this article is for subscribers only.')).toBe(true)
    expect(isPaywallCut('Subscribers of the harbour newsletter met on Tuesday.')).toBe(false)
    expect(isPaywallBadge('Subscribers only')).toBe(true)
    expect(isPaywallBadge('Subscribers only pay half the fare on the ferry.')).toBe(false)
    expect(isEmbedPlaceholder('Click here to load external content from a third party.')).toBe(true)
    expect(isEmbedPlaceholder('External content of the report was shown to the board.')).toBe(false)
    expect(isSourceCredit('Источник: пресс-служба')).toBe(true)
    expect(isSourceCredit('Source: the ministry said on Monday that the plan would go ahead.')).toBe(false)
    expect(isSignUpConsent('By signing up you accept our privacy policy.')).toBe(true)
    expect(isSignUpConsent('The privacy policy of the port was criticised by the board.')).toBe(false)
    expect(isSignUpConsent('Die Datenschutzbehörde hat die Registrierung der Daten geprüft.')).toBe(false)
    expect(isStaffCredits('Editing: Jane Roe and Ann Doe\nFact-checking: Max Mustermann')).toBe(true)
    expect(isStaffCredits('Redaktion: die Zeitung hat entschieden')).toBe(false)
    expect(isStaffCredits('Design: Brushed Aluminium')).toBe(false)
    expect(isTipLineCall('Have a tip? Reach our reporter via Signal: harbour.01')).toBe(true)
    expect(isTipLineCall('The minister sent the message via Signal on Monday.')).toBe(false)
    expect(isCommentsHeading('Comments (12)')).toBe(true)
    expect(isCommentsHeading('12 Kommentare')).toBe(true)
    expect(isCommentsHeading('Forum: 5 Postings')).toBe(true)
    expect(isCommentsHeading('Comment')).toBe(false)
    expect(isCommentsHeading('Comments on the budget')).toBe(false)
    expect(isRelativeStampLine('Online seit heute, 7.57 Uhr')).toBe(true)
    expect(isRelativeStampLine('Today the ferry left at 7:57 for the island.')).toBe(false)
  })

  it('leaves what it drops from the text out of the reading copy too, but for captions', () => {
    const body = 'Body sentence with enough words to count as an article paragraph. '.repeat(8)
    const caption = 'Cranes on the quay at dawn over the harbour water, photographed by a reader.'
    const page = `<html><head><title>Harbour reopens</title></head><body><article>
      <h1>Harbour reopens</h1><div class="meta"><p>07.02.2026 19:01</p></div><p>${body}</p>
      <figure><img src="https://img.example/a.jpg" alt="${caption}"></figure><p>${caption}</p>
      <p>${body}</p></article></body></html>`
    const fields = readHtmlPage(page, { url: null, fallbackTitle: 'x' })
    expect(fields.contentText).not.toContain('07.02.2026')
    expect(fields.contentText).not.toContain('Cranes on the quay')
    expect(fields.contentHtml).not.toContain('07.02.2026')
    expect(fields.contentHtml).not.toContain('<h1>')
    expect(fields.contentHtml).toContain(`<p>${caption}</p>`)
    expect(fields.contentHtml).toContain('Body sentence')
  })

  it('drops tags or breadcrumbs that open the content block, but not a linked phrase in the text', () => {
    const body = 'Body sentence with enough words to count as an article paragraph. '.repeat(8)
    const page = `<html><head><title>Harbour reopens</title></head><body><article>
      <ul><li><a href="/politics">Politics</a></li><li><a href="/unions">Unions</a></li></ul>
      <p>${body}</p><p>See <a href="/port">the port</a> for details. ${body}</p></article></body></html>`
    const fields = readHtmlPage(page, { url: 'https://post.example/story', fallbackTitle: 'x' })
    expect(fields.contentText.startsWith('Body sentence')).toBe(true)
    expect(fields.contentText).toContain('See the port for details.')
    expect(fields.contentHtml).not.toContain('Politics')
    expect(fields.contentHtml).toContain('<a href="https://post.example/port">the port</a>')
  })

  it('keeps an opening paragraph that repeats the subtitle in the text, not twice on screen', () => {
    const body = 'Body sentence with enough words to count as an article paragraph. '.repeat(8)
    const standfirst = 'Ships return to the harbour after a month of repairs to the quay'
    const page = `<html><head><title>Harbour reopens</title></head><body><article>
      <h1>Harbour reopens</h1><p class="subtitle">${standfirst}</p><p>${body}</p><p>${body}</p>
      </article></body></html>`
    const fields = readHtmlPage(page, { url: null, fallbackTitle: 'x' })
    expect(fields.subtitle).toBe(standfirst)
    expect(fields.contentText.startsWith(standfirst)).toBe(true)
    expect(fields.contentHtml).not.toContain(standfirst)
    expect(fields.contentHtml).toContain('Body sentence')
  })
})
