import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { api, frameOf, importSeed, openSeed, screenshots, SEED_TITLE, skipWithoutSeed } from './seed'
import { startHost, type RunningHost } from './serve'

// The window at the sizes a laptop gives it, and from the keyboard.

let host: RunningHost

test.beforeAll(async () => {
  host = await startHost()
})

test.afterAll(async () => {
  await host?.stop()
})

const referencesFile = resolve(__dirname, '..', 'fixtures', 'references', 'thesis-sources.bib')

/** The seed page with a tag, and a citation list of references: every sidebar section has something. */
async function fillArchive(page: Page): Promise<void> {
  const articles = await api<{ items: unknown[] }>(page, host, 'listArticles', { limit: 1 })
  if (articles.items.length > 0) return
  await importSeed(page)
  await openSeed(page)
  await page.getByTestId('tag-input').fill('caucasus')
  await page.getByTestId('tag-add').click()
  await api(page, host, 'importFiles', {
    files: [{ name: 'thesis-sources.bib', dataBase64: readFileSync(referencesFile).toString('base64') }],
    list: 'Thesis',
  })
  await api(page, host, 'createCollection', { name: 'Dissertation chapter two: the Caucasus corridor' })
  await page.evaluate(() => (location.hash = '#/library'))
}

/** What has the focus, the reading frame's document included. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null
    if (active?.tagName === 'IFRAME') return 'reader-frame'
    return active?.dataset.testid ?? active?.className ?? ''
  })
}

test('at 900 x 700 the sidebar opens over the list from the toolbar and Ctrl+B, with every section in reach', async ({
  page,
}) => {
  skipWithoutSeed()
  await page.setViewportSize({ width: 900, height: 700 })
  await page.goto(host.url)
  await fillArchive(page)
  await page.reload()

  const sidebar = page.locator('#library-sidebar')
  const toggle = page.getByTestId('sidebar-toggle')
  await expect(page.getByTestId('article-row').first()).toBeVisible()
  await expect(sidebar).toBeHidden()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(toggle).toHaveAttribute('aria-keyshortcuts', 'Control+B Meta+B')

  await toggle.click()
  await expect(sidebar).toBeVisible()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  // It covers the list rather than pushing the list aside.
  const sidebarBox = (await sidebar.boundingBox())!
  const listBox = (await page.locator('.pane-list').boundingBox())!
  expect(sidebarBox.x).toBeLessThanOrEqual(listBox.x)
  for (const testid of ['library-link', 'unread-link', 'tag-link', 'collection-link', 'citation-list-link'])
    await expect(sidebar.getByTestId(testid).first()).toBeVisible()
  // A name cut off by the sidebar's width keeps it whole in its tooltip.
  await expect(sidebar.getByTestId('collection-link')).toHaveAttribute(
    'title',
    /Dissertation chapter two: the Caucasus corridor/,
  )
  await page.screenshot({ path: resolve(screenshots, 'window-900-sidebar-light-en.png') })

  // Going somewhere closes it.
  await sidebar.getByTestId('unread-link').click()
  await expect(sidebar).toBeHidden()
  await expect(page.getByTestId('list-heading')).toHaveText('Unread')

  // Ctrl+B opens it, Esc closes it and gives the focus back to the toggle; so does the scrim.
  await page.keyboard.press('Control+b')
  await expect(sidebar).toBeVisible()
  await expect(sidebar.getByTestId('library-link')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(sidebar).toBeHidden()
  await expect(toggle).toBeFocused()
  await toggle.click()
  await page.getByTestId('sidebar-scrim').click({ position: { x: 850, y: 300 } })
  await expect(sidebar).toBeHidden()

  // A wide window shows it as a column; hidden there, it stays hidden after a restart.
  await page.setViewportSize({ width: 1400, height: 900 })
  await expect(sidebar).toBeVisible()
  await toggle.click()
  await expect(sidebar).toBeHidden()
  await page.reload()
  await expect(page.getByTestId('article-row').first()).toBeVisible()
  await expect(sidebar).toBeHidden()
  // With a Russian keyboard layout the same key types и.
  await page.evaluate(() =>
    window.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'и',
        code: 'KeyB',
        ctrlKey: true,
        bubbles: true,
        cancelable: true,
      }),
    ),
  )
  await expect(sidebar).toBeVisible()
  await page.reload()
  await expect(sidebar).toBeVisible()
})

test('Esc closes the innermost thing open: the menu, then a dialog, then the notes, then the article', async ({
  page,
}) => {
  skipWithoutSeed()
  await page.goto(host.url)
  await fillArchive(page)
  await openSeed(page)
  if ((await page.getByTestId('notes-panel').count()) === 0) await page.getByTestId('notes-toggle').click()
  await expect(page.getByTestId('notes-panel')).toBeVisible()

  await page.getByTestId('reader-more').click()
  await expect(page.getByTestId('delete-button')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('delete-button')).toBeHidden()
  await expect(page.getByTestId('reader-more')).toBeFocused()
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE)

  await page.getByTestId('edit-button').click()
  await expect(page.locator('dialog[open]')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.locator('dialog[open]')).toHaveCount(0)
  await expect(page.getByTestId('notes-panel')).toBeVisible()

  // Esc typed while reading (in the frame) reaches the window.
  await frameOf(page).locator('p').first().click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('notes-panel')).toHaveCount(0)
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE)
  await page.keyboard.press('Escape')
  await expect(page).toHaveURL(/#\/library/)
  await expect(page.getByTestId('reader-title')).toHaveCount(0)
})

test('Tab leaves the reading frame of an article without links for the toolbar, and comes back round', async ({
  page,
}) => {
  skipWithoutSeed()
  await page.goto(host.url)
  await fillArchive(page)
  await openSeed(page)
  await expect(frameOf(page).locator('a[href]')).toHaveCount(0)
  await frameOf(page).locator('p').first().click()
  expect(await focused(page)).toBe('reader-frame')

  await page.keyboard.press('Tab')
  // Nothing follows the article (the notes are closed), so the focus wraps round to the top.
  expect(await focused(page)).toBe('skip-link')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('sidebar-toggle')

  // Shift+Tab from the frame goes to the control just above the article.
  await frameOf(page).locator('p').first().click()
  await page.keyboard.press('Shift+Tab')
  expect(await focused(page)).not.toBe('reader-frame')
  const above = await page.evaluate(() => {
    const frame = document.querySelector('[data-testid="reader-frame"]')!
    const active = document.activeElement!
    return (active.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
  })
  expect(above).toBe(true)

  // Going forwards from there reaches the frame again.
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('reader-frame')
})

test('? opens the shortcuts sheet, which lists every shortcut; the controls say theirs', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.getByTestId('import-button')).toBeVisible()
  await expect(page.getByTestId('import-button')).toHaveAttribute('aria-keyshortcuts', 'Control+O Meta+O')
  await expect(page.getByTestId('font-increase')).toHaveAttribute('aria-keyshortcuts', 'Control+= Meta+=')
  await expect(page.getByTestId('search-input')).toHaveAttribute('aria-keyshortcuts', 'Control+F Meta+F /')

  await page.keyboard.press('Shift+?')
  const sheet = page.getByTestId('shortcuts-dialog')
  await expect(sheet).toBeVisible()
  await expect(sheet.getByTestId('shortcut-row')).toHaveCount(12)
  await expect(sheet).toContainText('Show or hide the sidebar')
  await page.screenshot({ path: resolve(screenshots, 'shortcuts-light-en.png') })
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  // Typed into a field, ? is just a character.
  await page.getByTestId('search-input').fill('')
  await page.getByTestId('search-input').press('Shift+?')
  await expect(sheet).toBeHidden()
  await page.getByTestId('search-input').fill('')

  await page.getByTestId('shortcuts-button').click()
  await expect(sheet).toBeVisible()
  await page.getByTestId('shortcuts-close').click()
  await expect(sheet).toBeHidden()
})

const SIZES = [
  { width: 900, height: 700 },
  { width: 1280, height: 720 },
  { width: 1400, height: 900 },
]

test('screenshots at 900 x 700, 1280 x 720 and 1400 x 900 in both themes and languages; the title keeps whole words with the notes open', async ({
  page,
}) => {
  skipWithoutSeed()
  test.setTimeout(180_000)
  await page.goto(host.url)
  await fillArchive(page)
  await openSeed(page)
  if ((await page.getByTestId('notes-panel').count()) === 0) await page.getByTestId('notes-toggle').click()

  for (const size of SIZES) {
    await page.setViewportSize(size)
    for (const language of ['en', 'ru'] as const) {
      if ((await page.locator('html').getAttribute('lang')) !== language)
        await page.getByTestId('lang-toggle').click()
      for (const theme of ['light', 'night'] as const) {
        if ((await page.locator('html').getAttribute('data-theme')) !== theme)
          await page.getByTestId('theme-toggle').click()
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        await expect(page.getByTestId('notes-panel')).toBeVisible()

        // The article keeps a readable width beside (or under) the notes: no line of the title holds
        // a single word while it has more words than lines.
        const title = page.getByTestId('reader-title')
        const { lines, words, width } = await title.evaluate((element) => {
          const lineHeight = parseFloat(getComputedStyle(element).lineHeight)
          return {
            lines: Math.round(element.getBoundingClientRect().height / lineHeight),
            words: (element.textContent ?? '').trim().split(/\s+/).length,
            width: element.getBoundingClientRect().width,
          }
        })
        expect(width, `title width at ${size.width} x ${size.height}`).toBeGreaterThanOrEqual(380)
        expect(lines, `title lines at ${size.width} x ${size.height}`).toBeLessThan(words / 2)

        await page.screenshot({
          path: resolve(screenshots, `window-${size.width}x${size.height}-${theme}-${language}.png`),
        })
      }
    }
  }

  // Printed from a narrow window, notes that opened over the article follow it instead.
  await page.setViewportSize({ width: 900, height: 700 })
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.pane-list')).toBeHidden()
  expect(await page.getByTestId('notes-panel').evaluate((panel) => getComputedStyle(panel).position)).toBe(
    'static',
  )
  await page.emulateMedia({ media: 'screen' })
})
