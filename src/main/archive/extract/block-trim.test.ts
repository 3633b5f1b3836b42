import { describe, expect, it } from 'vitest'
import { readHtmlPage } from './html-page'

// The trimming is seen through readHtmlPage: it works on the content block the page's reader found.
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

describe('readHtmlPage: the reading copy', () => {
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
