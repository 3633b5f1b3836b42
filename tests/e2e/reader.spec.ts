import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import sqlite3 from 'sqlite3'
import {
  api,
  frameOf,
  importSeed,
  openSeed,
  screenshots,
  SEED_TITLE,
  selectInFrame,
  SENTENCE,
  skipWithoutSeed,
} from './seed'
import { startHost, type RunningHost } from './serve'

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

    // "t" acts on the open article: wait until it has loaded (a loaded machine can be slow to answer).
    await expect(page.getByTestId('reader-title')).toBeVisible()
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
