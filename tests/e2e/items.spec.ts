// Items of every kind in the window: a .bib file in, a list of a book, a chapter, a journal article and
// a web page, the edit dialog per kind, both styles, copying, exporting, screenshots in both languages.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { api, screenshots } from './seed'
import { startHost, type RunningHost } from './serve'

const repoRoot = resolve(__dirname, '..', '..')
const bibFile = resolve(repoRoot, 'tests', 'fixtures', 'references', 'thesis-sources.bib')
const pageFile = resolve(repoRoot, 'tests', 'fixtures', 'zanzibar-spice-trade.html')
const threadFile = resolve(repoRoot, 'tests', 'fixtures', 'page-kinds', 'forum-thread.html')
const docsFile = resolve(repoRoot, 'tests', 'fixtures', 'page-kinds', 'docs-page.html')

const BOOK = 'Транспортные коридоры Евразии'
const CHAPTER = 'Ports and Power in the Black Sea Region'
const ARTICLE = 'Frozen No More: Pipeline Politics after the Caspian Settlement'
const WEB_PAGE = 'Freight Volumes on the Trans-Caspian Route'
const THREAD = 'How do you keep saved pages citable after the site goes down?'
const DOCS = 'Configuring citation styles'

let host: RunningHost

test.beforeAll(async () => {
  host = await startHost()
})

test.afterAll(async () => {
  await host?.stop()
})

// The smallest window the app supports: the edit dialog must keep its Save button in view there.
test.use({ viewport: { width: 1280, height: 720 }, permissions: ['clipboard-read', 'clipboard-write'] })

const item = (page: Page, title: string) => page.getByTestId('cite-item').filter({ hasText: title })
const preview = (page: Page) => page.getByTestId('cite-preview')

async function clipboardText(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText())
}

async function setStyle(page: Page, style: string, locale: 'en-US' | 'ru-RU'): Promise<void> {
  await page.getByTestId('cite-style-select').selectOption(style)
  await page.getByTestId('cite-locale-select').selectOption(locale)
}

/** Sets the theme and language as the settings would (a dialog open in the window stays open). */
async function setLook(page: Page, theme: 'light' | 'night', language: 'en' | 'ru'): Promise<void> {
  await api(page, host, 'setPreferences', { patch: { theme, language } })
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

/** A screen in light and night, English and Russian; it ends light and English. */
async function screenshotsOf(page: Page, name: string, ready: (language: 'en' | 'ru') => Promise<void>) {
  for (const [theme, language] of [
    ['light', 'en'],
    ['night', 'en'],
    ['night', 'ru'],
    ['light', 'ru'],
  ] as const) {
    await setLook(page, theme, language)
    await ready(language)
    await page.screenshot({ path: resolve(screenshots, `items-${name}-${theme}-${language}.png`) })
  }
  await setLook(page, 'light', 'en')
}

test('a .bib file becomes a citation list of a book, a chapter, a journal article and a web page', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.goto(host.url)

  // A list, and the references imported straight into it.
  await page.getByTestId('citation-list-create').click()
  await page.getByTestId('citation-list-name').fill('Thesis')
  await page.getByTestId('citation-list-name').press('Enter')
  await expect(page.getByTestId('cite-empty')).toBeVisible()
  await page.getByTestId('cite-import-references').click()
  await page.getByTestId('cite-references-input').setInputFiles(bibFile)
  await expect(page.getByTestId('import-references-file')).toHaveText('thesis-sources.bib')
  await expect(page.getByTestId('import-references-list').locator('option:checked')).toHaveText('Thesis')
  await page.getByTestId('import-references-start').click()
  const report = page.getByTestId('cite-import-report')
  await expect(report).toContainText('thesis-sources.bib: 4 imported, 0 already in the archive, 0 failed.')
  await expect(report).toContainText('Added to “Thesis”.')
  await expect(report.getByTestId('import-entry')).toHaveCount(4)
  await expect(report.locator('.key')).toHaveText(['kv2024', 'ivanova2019', 'hart2021', 'corridor2025'])
  await page.getByTestId('import-references-done').click()
  await expect(page.getByTestId('cite-item')).toHaveCount(4)
  await expect(page.getByTestId('citation-list-count')).toHaveText('4')

  // Each reference says what kind of source it is, and that it is a record without a page.
  const kinds = page.getByTestId('cite-item').getByTestId('item-kind')
  await expect(kinds).toHaveText([
    'Journal articleRecord',
    'BookRecord',
    'Book chapterRecord',
    'Web pageRecord',
  ])

  // GOST in Russian: the book lacks its place of publication; the edit dialog adds it.
  await setStyle(page, 'gost-r-7.0.100-2018', 'ru-RU')
  await expect(preview(page)).toContainText('Текст : непосредственный')
  await expect(preview(page)).toContainText('дата обращения: 15.01.2026')
  await expect(item(page, BOOK).getByTestId('cite-item-warning')).toContainText('No place of publication')
  await item(page, BOOK).getByTestId('cite-item-fix').click()
  const dialog = page.getByTestId('edit-dialog')
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('edit-kind')).toHaveValue('book')
  await expect(page.getByTestId('edit-citation-key')).toHaveValue('ivanova2019')
  await expect(page.getByTestId('edit-missing')).toContainText('No place of publication')
  // At 1280 × 720 the fields scroll inside the dialog and Save stays in view.
  await expect(page.getByTestId('edit-save')).toBeInViewport({ ratio: 1 })
  const bodyScrolls = await page
    .getByTestId('edit-body')
    .evaluate((body) => body.scrollHeight > body.clientHeight)
  expect(bodyScrolls).toBe(true)
  await page.getByTestId('edit-field-publisher-place').fill('Москва')
  await expect(page.getByTestId('edit-missing')).toContainText('Nothing GOST R 7.0.100-2018')
  await page.getByTestId('edit-save').scrollIntoViewIfNeeded()
  await page.getByTestId('edit-save').click()
  await expect(dialog).toBeHidden()
  await expect(item(page, BOOK).getByTestId('cite-item-warning')).toHaveCount(0)
  await expect(preview(page)).toContainText('Москва : Наука, 2019')

  // The chapter's editors, typed as a list of names.
  await item(page, CHAPTER).getByTestId('cite-item-title').click()
  await expect(page).toHaveURL(/#\/article\/\d+/)
  await expect(page.getByTestId('item-record')).toBeVisible()
  await page.getByTestId('edit-button').click()
  await expect(page.getByTestId('edit-kind')).toHaveValue('chapter')
  await page.getByTestId('name-add-editor').click()
  const editors = page.getByTestId('edit-names-editor')
  await editors.getByTestId('name-family').last().fill('Lindqvist')
  await editors.getByTestId('name-given').last().fill('Anna')
  await editors.getByTestId('name-add-editor').click()
  await editors.getByTestId('name-family').last().fill('Moreau')
  await editors.getByTestId('name-given').last().fill('Paul')
  await page.getByTestId('edit-save').click()
  await expect(page.getByTestId('edit-dialog')).toBeHidden()
  await expect(page.getByTestId('record-fields')).toContainText('Anna Lindqvist, Paul Moreau')
  await page.goBack()
  await expect(page.getByTestId('cite-workspace')).toBeVisible()

  // APA in English: the chapter in its edited book, the citation in the text.
  await setStyle(page, 'apa', 'en-US')
  await expect(preview(page)).toContainText(
    'Hart, E. (2021). Ports and Power in the Black Sea Region. In A. Lindqvist & P. Moreau (Eds.)',
  )
  await expect(preview(page)).toContainText('Kvaratskhelia, N., & O’Brien, S. P. (2024).')
  await item(page, ARTICLE).getByTestId('cite-item-copy-citation').click()
  await expect(item(page, ARTICLE).getByTestId('cite-item-copy-status')).toHaveText('Citation copied')
  expect(await clipboardText(page)).toBe('(Kvaratskhelia & O’Brien, 2024)')
  await item(page, WEB_PAGE).getByTestId('cite-item-copy-reference').click()
  await expect(item(page, WEB_PAGE).getByTestId('cite-item-copy-status')).toHaveText('Reference copied')
  expect(await clipboardText(page)).toBe(
    'Middle Corridor Observatory. (2025, June 30). Freight Volumes on the Trans-Caspian Route. https://example.org/middle-corridor/freight-2025',
  )

  // GOST again: the book's reference copied from the list, the citation in GOST's brackets.
  await setStyle(page, 'gost-r-7.0.100-2018', 'ru-RU')
  await item(page, BOOK).getByTestId('cite-item-copy-reference').click()
  await expect(item(page, BOOK).getByTestId('cite-item-copy-status')).toHaveText('Reference copied')
  const gostBook = await clipboardText(page)
  expect(gostBook).toContain('Иванова, М. П. Транспортные коридоры Евразии : история и современность')
  expect(gostBook).toContain('Москва : Наука, 2019')
  expect(gostBook).toContain('Текст : непосредственный')
  await item(page, BOOK).getByTestId('cite-item-copy-citation').click()
  await expect(item(page, BOOK).getByTestId('cite-item-copy-status')).toHaveText('Citation copied')
  expect(await clipboardText(page)).toBe('[Иванова, 2019]')

  await screenshotsOf(page, 'workspace', async (language) => {
    await expect(page.getByTestId('cite-list-count')).toHaveText(
      language === 'ru' ? '4 источника' : '4 references',
    )
    await expect(preview(page)).toContainText('Москва : Наука, 2019')
  })

  // The library shows the records beside pages; a page attached to the web page makes it readable.
  await page.evaluate(() => (location.hash = '#/library'))
  const rows = page.getByTestId('article-row')
  await expect(rows).toHaveCount(4)
  await expect(rows.filter({ hasText: BOOK }).getByTestId('item-kind')).toHaveAttribute('data-kind', 'book')
  await expect(rows.filter({ hasText: CHAPTER }).getByTestId('row-authors')).toHaveText('Hart, Eleanor')
  await rows.filter({ hasText: BOOK }).click()
  await expect(page.getByTestId('reader-title')).toHaveText(BOOK)
  await expect(page.getByTestId('record-fields')).toContainText('Place of publication')
  await expect(page.getByTestId('record-fields')).toContainText('Москва')
  // The record cites in the window's style: APA for an English window.
  await expect(page.getByTestId('record-reference')).toContainText('Иванова, М. П. (2019).')
  await expect(page.getByTestId('record-citation')).toHaveText('(Иванова, 2019)')
  await screenshotsOf(page, 'record', async (language) => {
    await expect(page.getByTestId('item-record')).toContainText(
      language === 'ru' ? 'Текста для чтения пока нет' : 'No reading copy yet',
    )
    await expect(page.getByTestId('record-reference')).toContainText('2019')
  })
  await page.getByTestId('edit-button').click()
  await expect(page.getByTestId('edit-save')).toBeInViewport({ ratio: 1 })
  await screenshotsOf(page, 'edit-book', async (language) => {
    await expect(page.getByTestId('edit-dialog').getByRole('heading')).toHaveText(
      language === 'ru' ? 'Описание источника' : 'Edit details',
    )
    await expect(page.getByTestId('edit-missing')).not.toContainText(
      language === 'ru' ? 'Проверка' : 'Checking',
    )
  })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('edit-dialog')).toBeHidden()

  await rows.filter({ hasText: WEB_PAGE }).click()
  await expect(page.getByTestId('item-record')).toBeVisible()
  await page.getByTestId('attach-input').setInputFiles(pageFile)
  await expect(page.getByTestId('reader-frame')).toBeVisible()
  await expect(page.getByTestId('item-record')).toHaveCount(0)
  await expect(page.frameLocator('[data-testid="reader-frame"]').locator('body')).toContainText(
    'clove plantations of Zanzibar',
  )
  // The record stays: its title, kind and key are the reference's, not the page's.
  await expect(page.getByTestId('reader-title')).toHaveText(WEB_PAGE)
  await expect(page.locator('.facts [data-testid="item-kind"]')).toHaveText('Web page')
})

test('the exported BibTeX keeps every citation key and field the .bib file and the edits gave', async ({
  page,
}) => {
  await page.goto(host.url)
  // The first test built the list; this one reads what it exports.
  await page.getByTestId('citation-list-row').filter({ hasText: 'Thesis' }).click()
  await expect(page.getByTestId('cite-item')).toHaveCount(4)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('cite-export-bibtex').click(),
  ])
  expect(download.suggestedFilename()).toBe('Thesis.bib')
  const bibtex = readFileSync(await download.path(), 'utf8')
  const entry = (key: string): string => {
    const match = new RegExp(`@(\\w+)\\{${key},[\\s\\S]*?\\n\\}`).exec(bibtex)
    if (!match) throw new Error(`no entry ${key} in:\n${bibtex}`)
    return match[0]
  }
  const field = (name: string, value: string) => new RegExp(`^\\s*${name}\\s*=\\s*\\{${value}\\},?$`, 'm')

  const article = entry('kv2024')
  expect(article).toMatch(/^@article\{/)
  expect(article).toMatch(field('journal', 'Europe-Asia Studies'))
  expect(article).toMatch(field('volume', '76'))
  expect(article).toMatch(field('number', '3'))
  expect(article).toMatch(field('pages', '412--437'))
  expect(article).toMatch(field('doi', '10.1080/09668136.2024.2311408'))
  expect(article).toMatch(field('issn', '0966-8136'))

  const book = entry('ivanova2019')
  expect(book).toMatch(/^@book\{/)
  expect(book).toMatch(field('publisher', 'Наука'))
  expect(book).toMatch(field('address', 'Москва'))
  expect(book).toMatch(field('edition', '2'))
  expect(book).toMatch(field('pagetotal', '356'))
  expect(book).toMatch(field('isbn', '978-5-02-040123-4'))
  expect(book).toMatch(field('series', 'Библиотека востоковеда'))

  const chapter = entry('hart2021')
  expect(chapter).toMatch(/^@incollection\{/)
  expect(chapter).toMatch(field('booktitle', 'Maritime Corridors of the Twenty-First Century'))
  expect(chapter).toMatch(field('editor', 'Lindqvist, Anna and Moreau, Paul'))
  expect(chapter).toMatch(field('pages', '145--162'))
  expect(chapter).toMatch(field('publisher', 'Routledge'))
  expect(chapter).toMatch(field('address', 'London'))

  const web = entry('corridor2025')
  expect(web).toMatch(/^@online\{/)
  expect(web).toMatch(field('url', 'https://example.org/middle-corridor/freight-2025'))
  expect(web).toMatch(field('urldate', '2026-01-15'))
})

test('a forum thread and a documentation page say what they are in the list, the reader and the filters', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 900, height: 700 })
  await page.goto(host.url)
  await page.getByTestId('file-input').setInputFiles([threadFile, docsFile])
  await expect(page.getByTestId('import-summary')).toBeVisible()
  const rows = page.getByTestId('article-row')
  const kindOf = (title: string) => rows.filter({ hasText: title }).getByTestId('item-kind')
  const readerKind = page.locator('.facts [data-testid="item-kind"]')
  const names = {
    en: { thread: 'Forum thread', docs: 'Docs or wiki', filter: 'Forum thread (1)' },
    ru: { thread: 'Обсуждение', docs: 'Документация, вики', filter: 'Обсуждение (1)' },
  }

  // The list names the two pages by their kind, with the kind of source in the tooltip.
  await expect(kindOf(THREAD)).toHaveText(names.en.thread)
  await expect(kindOf(THREAD)).toHaveAttribute('data-page-kind', 'forum')
  await expect(kindOf(THREAD)).toHaveAttribute('title', 'Forum or Q&A thread. Kind of source: Online post')
  await expect(kindOf(DOCS)).toHaveText(names.en.docs)
  await expect(kindOf(DOCS)).toHaveAttribute('data-page-kind', 'documentation')

  // The reader says the same in its facts.
  await rows.filter({ hasText: THREAD }).click()
  await expect(page.getByTestId('reader-title')).toHaveText(THREAD)
  await expect(readerKind).toHaveText(names.en.thread)
  await expect(page.frameLocator('[data-testid="reader-frame"]').locator('body')).toContainText(
    'the date-and-site names already found me two quotations',
  )
  await screenshotsOf(page, 'forum-thread-900x700', async (language) => {
    await expect(kindOf(THREAD)).toHaveText(names[language].thread)
    await expect(readerKind).toHaveText(names[language].thread)
  })
  await rows.filter({ hasText: DOCS }).click()
  await expect(page.getByTestId('reader-title')).toHaveText(DOCS)
  await expect(readerKind).toHaveText(names.en.docs)
  await expect(page.frameLocator('[data-testid="reader-frame"]').locator('pre').first()).toContainText(
    'default_style',
  )
  await screenshotsOf(page, 'docs-page-900x700', async (language) => {
    await expect(kindOf(DOCS)).toHaveText(names[language].docs)
    await expect(readerKind).toHaveText(names[language].docs)
  })

  // The filter panel offers the kinds with their counts; the address and a chip keep the choice.
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('reader-title')).toBeHidden()
  await page.getByTestId('filters-toggle').click()
  const kindFilter = page.getByTestId('filter-page-kind')
  await expect(kindFilter.locator('option')).toHaveText(['Any kind', 'Docs or wiki (1)', names.en.filter])
  await kindFilter.selectOption('forum')
  await expect(rows).toHaveCount(1)
  await expect(page).toHaveURL(/kind=forum/)
  await expect(page.getByTestId('filter-chips')).toContainText(names.en.thread)
  await screenshotsOf(page, 'kind-filter-900x700', async (language) => {
    await expect(kindFilter.locator('option:checked')).toHaveText(names[language].filter)
  })
  await page.getByTestId('filter-chip-remove').click()
  await expect(rows).toHaveCount(6)

  // The query language says it too.
  await page.getByTestId('search-input').fill('kind:docs')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText(DOCS)
  await page.getByTestId('search-input').fill('-kind:forum вид:документация')
  await expect(rows).toHaveCount(1)
})
