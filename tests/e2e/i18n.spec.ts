import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
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
    // A reference's record: its journal, publisher, place, names, citation key...
    texts.push(...stringsIn(article.item))
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
  const lists = await api<Array<{ name: string }>>(page, host, 'listCitationLists', {})
  texts.push(...lists.map((list) => list.name))
  const styles = await api<Array<{ title: string }>>(page, host, 'listCiteStyles', {})
  texts.push(...styles.map((style) => style.title))
  texts.push((await api<{ path: string }>(page, host, 'info', {})).path)
  return new Set(texts.flatMap(words).map((word) => word.toLowerCase()))
}

/** Every string inside a piece of JSON data. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

const referencesFile = resolve(__dirname, '..', 'fixtures', 'references', 'thesis-sources.bib')
const BOOK = 'Транспортные коридоры Евразии'

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

  // A reference without a page: its record, and the form of its kind.
  await page.getByTestId('article-row').filter({ hasText: BOOK }).click()
  await expect(page.getByTestId('item-record')).toBeVisible()
  await expect(page.getByTestId('record-reference')).toBeVisible()
  await check('reference record')
  await page.getByTestId('edit-button').click()
  await expect(page.getByTestId('edit-missing')).not.toHaveText(/Checking|Проверка/)
  await check('edit dialog of a book')
  await page.keyboard.press('Escape')
  await expect(page.locator('dialog[open]')).toHaveCount(0)

  // The citation list of those references, and importing a reference file into it.
  await page
    .getByTestId('citation-list-row')
    .filter({ hasText: 'Thesis' })
    .getByTestId('citation-list-link')
    .click()
  await expect(page.getByTestId('cite-preview')).toBeVisible()
  await check('citation list')
  await page.getByTestId('cite-import-references').click()
  await expect(page.getByTestId('import-references-dialog')).toBeVisible()
  await check('import references dialog')
  await page.getByTestId('cite-references-input').setInputFiles(referencesFile)
  await page.getByTestId('import-references-start').click()
  await expect(page.getByTestId('cite-import-report')).toBeVisible()
  await check('import references report')
  await page.getByTestId('import-references-done').click()
  await expect(page.locator('dialog[open]')).toHaveCount(0)

  await page.getByTestId('paste-button').click()
  await expect(page.locator('dialog[open]')).toBeVisible()
  await check('paste dialog')
  await page.keyboard.press('Escape')

  await page.keyboard.press('Shift+?')
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible()
  await check('shortcuts sheet')
  await page.keyboard.press('Escape')

  // A narrow window: the sidebar opens over the list.
  await page.setViewportSize({ width: 900, height: 700 })
  await page.getByTestId('sidebar-toggle').click()
  await expect(page.locator('#library-sidebar')).toBeVisible()
  await check('sidebar over the list')
  await page.keyboard.press('Escape')
  await page.setViewportSize({ width: 1400, height: 900 })

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
    // References of every kind, in a citation list.
    await api(page, host, 'importFiles', {
      files: [{ name: 'thesis-sources.bib', dataBase64: readFileSync(referencesFile).toString('base64') }],
      list: 'Thesis',
    })
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
        'DOI',
        'ISBN',
        'ISSN',
        'BibTeX',
        'BibLaTeX',
        'LaTeX',
        'RIS',
        'CSL',
        'CSL-JSON',
        'Alt',
        'Word',
        'LibreOffice',
        'Mac',
        'bib',
        'ris',
        'json',
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
