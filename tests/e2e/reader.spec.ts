import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import sqlite3 from 'sqlite3'
import { startHost, type RunningHost } from './serve'

const repoRoot = resolve(__dirname, '..', '..')
const seedPage = resolve(repoRoot, '..', 'shared', 'corpus', 'seed', 'caliber-az-vance-visit.txt')
const screenshots = resolve(
  process.env.LECTERN_SCREENSHOTS_DIR ?? resolve(repoRoot, 'test-results', 'screenshots'),
)
const SEED_TITLE = 'What Vance’s trip means for regional cooperation'
const SENTENCE = 'The symbolism of such visits is rarely accidental.'

const skipWithoutSeed = () =>
  test.skip(
    !existsSync(seedPage),
    `the seed page is missing (${seedPage}); ../shared/corpus is not beside the checkout`,
  )

/** Calls the archive over the host's HTTP API with the page's cookie. */
async function api<T>(page: Page, host: RunningHost, method: string, args: unknown): Promise<T> {
  const response = await page.request.post(`${host.origin}/api/${method}`, { data: args })
  const body = (await response.json()) as { ok: boolean; result?: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.result as T
}

async function importSeed(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(seedPage)
  await expect(page.getByTestId('import-summary')).toBeVisible()
}

async function openSeed(page: Page): Promise<void> {
  await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).first().click()
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE)
}

const frameOf = (page: Page) => page.frameLocator('[data-testid="reader-frame"]')

/** Select `text` inside the reading frame, as a reader dragging over it would. */
async function selectInFrame(page: Page, text: string): Promise<void> {
  await frameOf(page)
    .locator('article')
    .evaluate((article, wanted) => {
      const doc = article.ownerDocument
      const walker = doc.createTreeWalker(article, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted)
        if (at === -1) continue
        const range = doc.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + wanted.length)
        const selection = doc.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return
      }
      throw new Error(`"${wanted}" is not in the article`)
    }, text)
}

/** Rewrite the stored reading copy behind the host's back, as an older extractor might have left it. */
async function makeStoredCopyStale(archiveDir: string, id: number): Promise<void> {
  const db = new sqlite3.Database(join(archiveDir, 'lectern.sqlite'))
  const run = (sql: string, params: unknown[]) =>
    new Promise<void>((done, fail) => db.run(sql, params, (error) => (error ? fail(error) : done())))
  await run('PRAGMA busy_timeout = 5000', [])
  await run(
    `UPDATE articles SET content_text = 'An older preface.' || char(10) || replace(content_text, char(10) || char(10), char(10)),
       content_html = '<p>An older preface.</p>' || content_html WHERE id = ?`,
    [id],
  )
  await new Promise<void>((done) => db.close(() => done()))
}

test.describe('reading', () => {
  let host: RunningHost

  test.beforeAll(async () => {
    host = await startHost()
  })

  test.afterAll(async () => {
    await host?.stop()
  })

  test('import the seed, A+ twice, night, Russian: a screenshot of each', async ({ page }) => {
    skipWithoutSeed()
    await page.goto(host.url)
    await importSeed(page)
    await openSeed(page)
    const body = frameOf(page).locator('body')
    await expect(body).toContainText('The upcoming visit of U.S. Vice President J.D. Vance to Baku')
    await page.screenshot({ path: resolve(screenshots, 'reader-1-opened.png') })

    const size = async () =>
      Number.parseFloat(await body.evaluate((element) => getComputedStyle(element).fontSize))
    const before = await size()
    await page.getByTestId('font-increase').click()
    await expect.poll(size).toBeGreaterThan(before)
    await page.screenshot({ path: resolve(screenshots, 'reader-2-a-plus-once.png') })
    const once = await size()
    await page.getByTestId('font-increase').click()
    await expect.poll(size).toBeGreaterThan(once)
    await page.screenshot({ path: resolve(screenshots, 'reader-3-a-plus-twice.png') })

    await page.getByTestId('theme-toggle').click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'night')
    await expect(frameOf(page).locator('html')).toHaveAttribute('data-theme', 'night')
    await page.screenshot({ path: resolve(screenshots, 'reader-4-night.png') })

    await page.getByTestId('lang-toggle').click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
    await expect(page.getByTestId('reader-words')).toContainText('слов')
    await page.screenshot({ path: resolve(screenshots, 'reader-5-night-ru.png') })

    // Remembered across a reload.
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'night')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
    expect(await size()).toBeCloseTo(once + (once - before), 0)
  })

  test('a highlight with a note survives a reload and a re-extraction', async ({ page }) => {
    skipWithoutSeed()
    await page.goto(host.url)
    if ((await page.getByTestId('article-row').count()) === 0) await importSeed(page)
    await openSeed(page)

    await selectInFrame(page, SENTENCE)
    await expect(page.getByTestId('highlight-toolbar')).toBeVisible()
    await page.getByTestId('highlight-with-note').click()
    await page.getByTestId('highlight-color-green').click()
    await page.getByTestId('highlight-note').fill('Compare with the visit of 2024.')
    await page.getByTestId('highlight-save').click()

    const mark = frameOf(page).locator('mark.lectern-hl')
    await expect(mark).toHaveText(SENTENCE)
    await expect(mark).toHaveAttribute('data-color', 'green')
    await expect(page.getByTestId('note-text')).toHaveText('Compare with the visit of 2024.')
    await page.screenshot({ path: resolve(screenshots, 'reader-6-highlight-note.png') })

    await page.reload()
    await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE)
    await expect(frameOf(page).locator('mark.lectern-hl')).toHaveText(SENTENCE)
    await expect(page.getByTestId('note-text')).toHaveText('Compare with the visit of 2024.')

    // An older extraction left a different text; extracting again must find the highlight anew.
    const id = Number(/#\/article\/(\d+)/.exec(page.url())?.[1])
    await makeStoredCopyStale(host.archiveDir, id)
    await page.reload()
    await expect(frameOf(page).locator('body')).toContainText('An older preface.')
    await page.getByTestId('reader-more').click()
    await page.getByTestId('reextract-button').click()
    await expect(page.getByTestId('reader-message')).toContainText('1')
    await expect(frameOf(page).locator('body')).not.toContainText('An older preface.')
    await page.reload()
    await expect(frameOf(page).locator('mark.lectern-hl')).toHaveText(SENTENCE)
    await expect(page.getByTestId('note-text')).toHaveText('Compare with the visit of 2024.')
    const [highlight] = await api<Array<{ quote: string; orphaned: boolean; note: string }>>(
      page,
      host,
      'listHighlights',
      { articleId: id },
    )
    expect(highlight).toMatchObject({
      quote: SENTENCE,
      orphaned: false,
      note: 'Compare with the visit of 2024.',
    })

    // The notes export carries the quote and the note.
    const { markdown } = await api<{ markdown: string }>(page, host, 'exportNotesMarkdown', {
      articleId: id,
    })
    expect(markdown).toContain(`> ${SENTENCE}`)
    expect(markdown).toContain('Compare with the visit of 2024.')
  })

  test('keyboard: j/k, /, t, h, Ctrl +/-, Esc; favourite and read state; print shows the article only', async ({
    page,
  }) => {
    skipWithoutSeed()
    await page.goto(host.url)
    if ((await page.getByTestId('article-row').count()) === 0) await importSeed(page)
    await page.evaluate(() => (location.hash = '#/library'))
    await expect(page.getByTestId('article-row').first()).toBeVisible()
    await page.locator('body').click({ position: { x: 5, y: 880 } })

    await page.keyboard.press('j')
    await expect(page).toHaveURL(/#\/article\/\d+/)
    const first = page.url()
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    await expect(page).toHaveURL(first)

    const size = page.getByTestId('font-size')
    const before = await size.textContent()
    await page.keyboard.press('Control+=')
    await expect(size).not.toHaveText(before ?? '')
    await page.keyboard.press('Control+-')
    await expect(size).toHaveText(before ?? '')

    await page.keyboard.press('t')
    await expect(page.getByTestId('tag-input')).toBeFocused()
    await page.getByTestId('tag-input').blur()

    await openSeed(page)
    await selectInFrame(page, 'Vance arrives in Baku')
    await page.keyboard.press('h')
    await expect(frameOf(page).locator('mark.lectern-hl', { hasText: 'Vance arrives in Baku' })).toHaveCount(
      1,
    )

    await page.getByTestId('favourite-toggle').click()
    await expect(page.getByTestId('favourite-toggle')).toHaveAttribute('aria-pressed', 'true')
    await page.getByTestId('read-toggle').click()
    await expect(page.getByTestId('reader-read')).toBeVisible()
    await page.reload()
    await expect(page.getByTestId('favourite-toggle')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('reader-read')).toBeVisible()

    await page.emulateMedia({ media: 'print' })
    await expect(page.getByTestId('import-button')).toBeHidden()
    await expect(page.getByTestId('reader-title')).toBeVisible()
    await page.screenshot({ path: resolve(screenshots, 'reader-8-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })

    await page.keyboard.press('/')
    await expect(page.locator('input[type="search"], [data-testid="search-input"]').first()).toBeFocused()
    await page.locator('body').click({ position: { x: 5, y: 880 } })
    await page.keyboard.press('Escape')
    await expect(page).toHaveURL(/#\/library/)
  })

  test('hostile pages make no request off this machine and run no script', async ({ page }) => {
    // Anything the pages' own code reaches for lands here (loopback, so it would not count as
    // outside traffic but would prove a script ran).
    let scriptHits = 0
    const tripwire: Server = createServer((request, response) => {
      scriptHits++
      response.end('')
    })
    await new Promise<void>((done) => tripwire.listen(0, '127.0.0.1', done))
    const trap = `http://127.0.0.1:${(tripwire.address() as AddressInfo).port}`
    const pages = hostilePages(trap)

    const outside: string[] = []
    page.on('request', (request) => {
      const { hostname, protocol } = new URL(request.url())
      const loopback = hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]'
      if (!loopback && protocol !== 'data:' && protocol !== 'blob:' && protocol !== 'about:')
        outside.push(request.url())
    })
    try {
      await page.goto(host.url)
      await page
        .getByTestId('file-input')
        .setInputFiles(
          pages.map(({ name, mimeType, body }) => ({ name, mimeType, buffer: Buffer.from(body, 'utf8') })),
        )
      await expect(page.getByTestId('import-summary')).toBeVisible()
      for (const hostilePage of pages) {
        await page.getByTestId('article-row').filter({ hasText: hostilePage.title }).first().click()
        const frame = frameOf(page)
        await expect(frame.locator('body'), hostilePage.name).toContainText(hostilePage.bodyText)
        await frame
          .locator('p')
          .last()
          .hover({ timeout: 2000 })
          .catch(() => undefined)
        await frame
          .locator('a')
          .first()
          .click({ timeout: 2000 })
          .catch(() => undefined)
        // Give anything that would load or run a moment to do so.
        await page.waitForTimeout(1000)

        expect(outside, hostilePage.name).toEqual([])
        expect(scriptHits, hostilePage.name).toBe(0)
        expect(await page.title(), hostilePage.name).not.toContain('PWNED')
        expect(
          await frame.locator('html').evaluate((html) => html.ownerDocument.title),
          hostilePage.name,
        ).not.toContain('PWNED')
        expect(
          await frame
            .locator('script, iframe, object, embed, link, base, form, meta[http-equiv="refresh"]')
            .count(),
          hostilePage.name,
        ).toBe(0)
        if (hostilePage.name === 'hostile.html')
          await page.screenshot({ path: resolve(screenshots, 'reader-7-hostile.png') })
      }
    } finally {
      await new Promise<void>((done) => tripwire.close(() => done()))
    }
  })
})

interface HostilePage {
  name: string
  mimeType: string
  title: string
  /** Text the reader must still show. */
  bodyText: string
  body: string
}

/** Saved pages built to reach the network or run code in every way a page can try. */
function hostilePages(trap: string): HostilePage[] {
  const paragraph = 'An innocent paragraph about regional cooperation, long enough to be the body text.'
  return [
    {
      name: 'hostile.html',
      mimeType: 'text/html',
      title: 'Hostile page',
      bodyText: 'An innocent paragraph',
      body: `<!doctype html><html><head><title>Hostile page</title>
<link rel="stylesheet" href="http://example.com/style.css">
<link rel="preload" as="image" href="http://example.com/preload.png">
<style>body { background: url(http://example.com/bg.png) } @import url(http://example.com/more.css);</style>
<script>document.title = 'PWNED'; fetch('${trap}/head-script')</script>
<base href="http://example.com/">
<meta http-equiv="refresh" content="0; url=http://example.com/refresh">
</head><body><article><h1>Hostile page</h1>
<p>${paragraph}</p>
<p><img src="http://example.com/tracker.png" onerror="fetch('${trap}/onerror')" alt="tracker">
<img srcset="http://example.com/a.png 1x, http://example.com/b.png 2x" src="relative.png"></p>
<p style="background-image: url('http://example.com/inline.png')" onmouseover="fetch('${trap}/hover')">
Another paragraph with enough words in it to stay in the extracted text of the page.</p>
<iframe src="http://example.com/frame"></iframe>
<object data="http://example.com/object.swf"></object>
<video poster="http://example.com/poster.png" src="http://example.com/video.mp4"></video>
<svg><image href="http://example.com/svg.png"/></svg>
<a href="javascript:fetch('${trap}/link')">a link</a>
<script>parent.document.title = 'PWNED'; fetch('${trap}/body-script')</script>
<img src="x" onerror="parent.document.title='PWNED'">
</article></body></html>`,
    },
    {
      name: 'svg-and-math.html',
      mimeType: 'text/html',
      title: 'Vector tricks',
      bodyText: 'An innocent paragraph',
      body: `<!doctype html><html><head><title>Vector tricks</title></head><body><article><h1>Vector tricks</h1>
<p>${paragraph}</p>
<svg onload="fetch('${trap}/svg-onload')"><script>fetch('${trap}/svg-script')</script>
<foreignObject><iframe src="http://example.com/fo"></iframe></foreignObject>
<a xlink:href="javascript:fetch('${trap}/xlink')"><text>svg link</text></a>
<use href="http://example.com/sprite.svg#icon"/></svg>
<math><mtext><img src="http://example.com/math.png" onerror="fetch('${trap}/math')"></mtext></math>
<p><a href="vbscript:msgbox(1)">vb</a> <a href="data:text/html,<script>fetch('${trap}/data')</script>">data</a></p>
<form action="http://example.com/post"><input name="q" autofocus onfocus="fetch('${trap}/focus')"></form>
<details open ontoggle="fetch('${trap}/toggle')"><summary>More</summary>Hidden words.</details>
<p>A second paragraph that should be kept as ordinary text in the reading copy.</p>
</article></body></html>`,
    },
    {
      name: 'styles-and-meta.html',
      mimeType: 'text/html',
      title: 'Style tricks',
      bodyText: 'An innocent paragraph',
      body: `<!doctype html><html><head><title>Style tricks</title>
<meta http-equiv="Content-Security-Policy" content="default-src *">
<link rel="icon" href="http://example.com/favicon.ico"><link rel="prefetch" href="http://example.com/next">
</head><body><article><h1>Style tricks</h1>
<style>@font-face { font-family: x; src: url(http://example.com/font.woff) } p { cursor: url(http://example.com/c.cur), auto }</style>
<p style="background:url(&quot;http://example.com/entity.png&quot;)">${paragraph}</p>
<p style="behavior:url(http://example.com/x.htc); list-style-image:url(//example.com/li.png)">Protocol-relative and legacy tricks in one paragraph of text.</p>
<picture><source srcset="http://example.com/p.webp"><img src="http://example.com/p.jpg"></picture>
<audio src="http://example.com/a.mp3" autoplay></audio>
<embed src="http://example.com/e.swf"><applet code="x"></applet>
<table background="http://example.com/t.png"><tr><td background="http://example.com/td.png">cell text</td></tr></table>
</article></body></html>`,
    },
    {
      name: 'hostile.mhtml',
      mimeType: 'multipart/related',
      title: 'Archived hostile page',
      bodyText: 'An innocent paragraph',
      body: [
        'From: <Saved by Blink>',
        'Snapshot-Content-Location: http://example.com/archived',
        'Subject: Archived hostile page',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related; type="text/html"; boundary="----BOUNDARY"',
        '',
        '------BOUNDARY',
        'Content-Type: text/html',
        'Content-ID: <frame-main@mhtml.blink>',
        'Content-Transfer-Encoding: quoted-printable',
        'Content-Location: http://example.com/archived',
        '',
        `<html><head><title>Archived hostile page</title><script>fetch('${trap}/mhtml')</script></head><body><article><h1>Archived hostile page</h1><p>${paragraph}</p><p><img src=3D"http://example.com/remote.png" onerror=3D"fetch('${trap}/mhtml-img')"></p><iframe src=3D"cid:frame-2@mhtml.blink"></iframe></article></body></html>`,
        '------BOUNDARY',
        'Content-Type: text/html',
        'Content-ID: <frame-2@mhtml.blink>',
        'Content-Location: cid:frame-2@mhtml.blink',
        '',
        `<html><body><script>parent.document.title='PWNED';fetch('${trap}/subframe')</script></body></html>`,
        '------BOUNDARY--',
        '',
      ].join('\r\n'),
    },
  ]
}

// ---------------------------------------------------------------------------------------------
// Every screen in one language must not show words of the other.

/** Visible text and accessible names of the window (the reading frame is another document). */
async function visibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const strings: string[] = []
    const skip = (element: Element | null) =>
      !element ||
      element.closest('script, style, template, [data-proper-names], [aria-hidden="true"]') !== null ||
      (typeof element.checkVisibility === 'function' && !element.checkVisibility())
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node as Text).data.trim()
      if (text && !skip(node.parentElement)) strings.push(text)
    }
    for (const element of Array.from(
      document.querySelectorAll('[aria-label], [placeholder], [title], [alt]'),
    )) {
      if (skip(element)) continue
      for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(attribute)?.trim()
        if (value) strings.push(value)
      }
    }
    strings.push(document.title)
    return strings
  })
}

const words = (text: string) => text.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? []

/** Every word of the archive's own data (titles, sites, authors, tags, notes, style names...). */
async function dataWords(page: Page, host: RunningHost): Promise<Set<string>> {
  const list = await api<{ items: Array<{ id: number }> }>(page, host, 'listArticles', { limit: 1000 })
  const texts: string[] = []
  for (const { id } of list.items) {
    const article = await api<Record<string, unknown>>(page, host, 'getArticle', { id })
    for (const field of [
      'title',
      'subtitle',
      'siteName',
      'section',
      'url',
      'excerpt',
      'rights',
      'sourceName',
    ]) {
      const value = article[field]
      if (typeof value === 'string') texts.push(value)
    }
    texts.push(...(article.authors as string[]), ...(article.tags as string[]))
    const highlights = await api<Array<{ quote: string; note: string | null }>>(
      page,
      host,
      'listHighlights',
      {
        articleId: id,
      },
    )
    for (const highlight of highlights) texts.push(highlight.quote, highlight.note ?? '')
  }
  const styles = await api<Array<{ title: string }>>(page, host, 'listCiteStyles', {})
  texts.push(...styles.map((style) => style.title))
  texts.push((await api<{ path: string }>(page, host, 'info', {})).path)
  return new Set(texts.flatMap(words).map((word) => word.toLowerCase()))
}

/** Open every screen and dialog in turn; `check` runs on each. */
async function walkScreens(page: Page, check: (screen: string) => Promise<void>): Promise<void> {
  await page.evaluate(() => (location.hash = '#/library'))
  await expect(page.getByTestId('article-row').first()).toBeVisible()
  await check('library')

  await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).first().click()
  await expect(page.getByTestId('reader-title')).toBeVisible()
  if ((await page.getByTestId('notes-panel').count()) === 0) await page.getByTestId('notes-toggle').click()
  await expect(page.getByTestId('notes-panel')).toBeVisible()
  await check('reader with notes')

  await page.getByTestId('reader-more').click()
  await check('reader, more actions')
  await page.getByTestId('reader-more').click()

  await selectInFrame(page, 'Vance arrives in Baku')
  await expect(page.getByTestId('highlight-toolbar')).toBeVisible()
  await page.getByTestId('highlight-with-note').click()
  await check('highlight toolbar')
  await page.keyboard.press('Escape')

  await page.getByTestId('note-edit-button').first().click()
  await check('editing a note')
  await page.keyboard.press('Escape')

  await page.getByTestId('edit-button').click()
  await expect(page.locator('dialog[open]')).toBeVisible()
  await check('edit details dialog')
  await page.keyboard.press('Escape')
  await expect(page.locator('dialog[open]')).toHaveCount(0)

  await page.getByTestId('reader-more').click()
  await page.getByTestId('delete-button').click()
  await expect(page.getByTestId('delete-dialog')).toBeVisible()
  await check('delete dialog')
  await page.keyboard.press('Escape')

  await page.getByTestId('paste-button').click()
  await expect(page.locator('dialog[open]')).toBeVisible()
  await check('paste dialog')
  await page.keyboard.press('Escape')

  await page.evaluate(() => (location.hash = '#/settings'))
  await expect(page.getByTestId('settings')).toBeVisible()
  await check('settings')

  await page.evaluate(() => (location.hash = '#/stats'))
  await expect(page.getByTestId('stats-timeline')).toBeVisible()
  await check('statistics')
}

test.describe('every string translated', () => {
  let host: RunningHost

  test.beforeAll(async () => {
    host = await startHost()
  })

  test.afterAll(async () => {
    await host?.stop()
  })

  test('Russian screens show no English and English screens no Russian', async ({ page }) => {
    skipWithoutSeed()
    test.setTimeout(120_000)
    await page.goto(host.url)
    // First run: the empty library, in both languages.
    await expect(page.getByTestId('empty-library')).toBeVisible()
    const emptyScreens: Record<'en' | 'ru', string[]> = { en: [], ru: [] }
    for (const language of ['ru', 'en'] as const) {
      if ((await page.locator('html').getAttribute('lang')) !== language)
        await page.getByTestId('lang-toggle').click()
      emptyScreens[language] = await visibleStrings(page)
    }
    await importSeed(page)
    await openSeed(page)
    await selectInFrame(page, SENTENCE)
    await page.getByTestId('highlight-color-yellow').click()
    await expect(frameOf(page).locator('mark.lectern-hl')).toHaveCount(1)
    await page.getByTestId('tag-input').fill('caucasus')
    await page.getByTestId('tag-add').click()
    const data = await dataWords(page, host)

    // Names that stay as they are in either language.
    const properNames = new Set(
      [
        'Lectern',
        'EN',
        'RU',
        'URL',
        'PDF',
        'HTML',
        'MHTML',
        'Markdown',
        'English',
        'Русский',
        'px',
        'http',
        'https',
        'Ctrl',
        'Cmd',
      ].map((word) => word.toLowerCase()),
    )
    const problems: string[] = []
    const checkLanguage = (language: 'en' | 'ru', screen: string, strings: string[]) => {
      const foreign = language === 'ru' ? /[A-Za-z]/ : /[А-Яа-яЁё]/
      for (const text of strings) {
        const bad = words(text).filter(
          // Single letters are key names (Ctrl+V), format examples (2026-02-07T19:01) or A+ / A−.
          (word) =>
            word.length > 1 &&
            foreign.test(word) &&
            !properNames.has(word.toLowerCase()) &&
            !data.has(word.toLowerCase()),
        )
        if (bad.length > 0) problems.push(`${language} / ${screen}: "${text}" (${bad.join(', ')})`)
      }
    }
    checkLanguage('ru', 'empty library', emptyScreens.ru)
    checkLanguage('en', 'empty library', emptyScreens.en)

    for (const language of ['ru', 'en'] as const) {
      if ((await page.locator('html').getAttribute('lang')) !== language)
        await page.getByTestId('lang-toggle').click()
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      await walkScreens(page, async (screen) => {
        checkLanguage(language, screen, await visibleStrings(page))
        if (language === 'ru') {
          await page.screenshot({ path: resolve(screenshots, `i18n-ru-${screen.replace(/\W+/g, '-')}.png`) })
        }
      })
    }
    expect(problems).toEqual([])
  })
})
