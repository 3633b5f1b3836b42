import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Download, type Page } from '@playwright/test'
import { corpusAvailable, corpusPath } from '../support/paths'
import { startHost, type RunningHost } from './serve'

const repoRoot = resolve(__dirname, '..', '..')
const seedPage = corpusPath('seed', 'caliber-az-vance-visit.txt')
const ruPage = corpusPath('ru-pages', 'pages', 'gazeta.ru--nlpclean-gazeta.html')
const enPage = corpusPath('readability-pages', 'aclu', 'source.html')
const screenshots = resolve(
  process.env.LECTERN_SCREENSHOTS_DIR ?? resolve(repoRoot, 'test-results', 'screenshots'),
)

const SEED_TITLE = 'What Vance’s trip means for regional cooperation'
const RU_TITLE = 'Февральское обновление Windows 10 вызывает сбои в работе ОС'
const EN_TITLE = 'Facebook Is Tracking Me Even Though I’m Not on Facebook'

let host: RunningHost
let scratch: string

test.beforeAll(async () => {
  host = await startHost()
  scratch = mkdtempSync(join(tmpdir(), 'lectern-cite-e2e-'))
})

test.afterAll(async () => {
  await host?.stop()
  if (scratch) rmSync(scratch, { recursive: true, force: true })
})

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

async function downloadText(page: Page, testid: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()])
  return { name: download.suggestedFilename(), text: await readDownload(download) }
}

async function readDownload(download: Download): Promise<string> {
  const path = await download.path()
  return readFileSync(path, 'utf8')
}

async function itemTitles(page: Page): Promise<string[]> {
  return page.getByTestId('cite-item-title').allTextContents()
}

test('build a citation list, switch styles, reorder, fix, copy, export, add a style', async ({ page }) => {
  test.skip(
    !corpusAvailable(seedPage, ruPage, enPage),
    `corpus pages are missing (${[seedPage, ruPage, enPage].join(', ')}); ../shared/corpus is not beside the checkout`,
  )

  await page.goto(host.url)
  await page.getByTestId('file-input').setInputFiles([seedPage, ruPage, enPage])
  await expect(page.getByTestId('import-summary')).toContainText('3')

  // A new list from the sidebar opens its workspace.
  await page.getByTestId('citation-list-create').click()
  await page.getByTestId('citation-list-name').fill('Thesis sources')
  await page.getByTestId('citation-list-name').press('Enter')
  await expect(page).toHaveURL(/#\/lists\/\d+/)
  await expect(page.getByTestId('cite-list-title')).toHaveText('Thesis sources')
  await expect(page.getByTestId('cite-empty')).toBeVisible()

  // Several articles at once from the library picker.
  await page.getByTestId('cite-add-articles').click()
  await expect(page.getByTestId('cite-picker-row')).toHaveCount(3)
  // The picker searches the archive (titles and full text, any inflection).
  await page.getByTestId('cite-picker-search').fill('обновление')
  await expect(page.getByTestId('cite-picker-row')).toHaveCount(1)
  await expect(page.getByTestId('cite-picker-row')).toContainText(RU_TITLE)
  await page.getByTestId('cite-picker-search').fill('')
  await expect(page.getByTestId('cite-picker-row')).toHaveCount(3)
  await page.getByTestId('cite-picker-all').check()
  await page.getByTestId('cite-picker-add').click()
  await expect(page.getByTestId('cite-item')).toHaveCount(3)
  await expect(page.getByTestId('citation-list-count')).toHaveText('3')

  // GOST in Russian.
  await page.getByTestId('cite-style-select').selectOption('gost-r-7.0.100-2018')
  await page.getByTestId('cite-locale-select').selectOption('ru-RU')
  const preview = page.getByTestId('cite-preview')
  await expect(preview).toContainText('Текст : электронный')
  await expect(preview).toContainText('дата обращения')
  await expect(preview.locator('p')).toHaveCount(3)

  // APA and MLA in English.
  await page.getByTestId('cite-locale-select').selectOption('en-US')
  await page.getByTestId('cite-style-select').selectOption('apa')
  await expect(preview).toContainText('Gillmor, D. K. (2018, April 5).')
  await expect(preview).not.toContainText('Текст : электронный')
  await page.getByTestId('cite-style-select').selectOption('mla')
  await expect(preview).toContainText('Gillmor, Daniel Kahn.')
  await expect(preview.locator('i').first()).toBeVisible()

  // Reorder by drag: the last item goes to the top, and the order is kept by the archive.
  const before = await itemTitles(page)
  const items = page.getByTestId('cite-item')
  await items.nth(2).dragTo(items.nth(0), { targetPosition: { x: 40, y: 5 } })
  await expect.poll(() => itemTitles(page)).toEqual([before[2], before[0], before[1]])
  // The archive keeps it (and the list is settled before the keyboard moves an item again).
  await page.reload()
  await expect.poll(() => itemTitles(page)).toEqual([before[2], before[0], before[1]])
  // ... and by keyboard: Alt+Down moves the focused item one place down.
  await items.nth(0).focus()
  await page.keyboard.press('Alt+ArrowDown')
  await expect.poll(() => itemTitles(page)).toEqual([before[0], before[2], before[1]])
  await page.reload()
  await expect.poll(() => itemTitles(page)).toEqual([before[0], before[2], before[1]])

  // Sort by style puts the list in MLA's alphabetical order.
  await page.getByTestId('cite-sort-style').click()
  await expect.poll(() => itemTitles(page)).toEqual([EN_TITLE, SEED_TITLE, RU_TITLE])

  // The seed page has no URL: the warning's Fix opens the article's details.
  const seedItem = page.getByTestId('cite-item').filter({ hasText: SEED_TITLE })
  await expect(seedItem.getByTestId('cite-item-warning')).toContainText('No URL')
  await seedItem.getByTestId('cite-item-fix').click()
  await expect(page.getByTestId('edit-dialog')).toBeVisible()
  await page.getByTestId('edit-url').fill('https://caliber.az/en/post/what-vance-s-trip-means')
  await page.getByTestId('edit-accessed').fill('2026-02-10')
  await page.getByTestId('edit-save').click()
  await expect(page.getByTestId('edit-dialog')).toBeHidden()
  await expect(seedItem.getByTestId('cite-item-warning')).not.toContainText('No URL')
  await expect(preview).toContainText('caliber.az/en/post/what-vance-s-trip-means')

  // Copy as rich text and as plain text, read back from the clipboard.
  await page.getByTestId('cite-copy-rich').click()
  await expect(page.getByTestId('cite-copy-status')).toHaveText('Copied')
  const rich = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    if (!item) return { html: '', text: '' }
    const html = await (await item.getType('text/html')).text()
    const text = await (await item.getType('text/plain')).text()
    return { html, text }
  })
  expect(rich.html).toContain('<i>American Civil Liberties Union</i>')
  expect(rich.html).not.toMatch(/<script|onerror|href=/i)
  expect(rich.text).toContain('Gillmor, Daniel Kahn.')
  expect(rich.text).not.toContain('<i>')
  await page.getByTestId('cite-copy-plain').click()
  await expect(page.getByTestId('cite-copy-status')).toHaveText('Copied')
  const plain = await page.evaluate(() => navigator.clipboard.readText())
  expect(plain.trim().split('\n')).toHaveLength(3)
  expect(plain).toContain(RU_TITLE)

  // Every export format downloads with a name after the list.
  const bibtex = await downloadText(page, 'cite-export-bibtex')
  expect(bibtex.name).toBe('Thesis-sources.bib')
  expect(bibtex.text).toMatch(/^@\w+\{/m)
  const biblatex = await downloadText(page, 'cite-export-biblatex')
  expect(biblatex.name).toBe('Thesis-sources-biblatex.bib')
  expect(biblatex.text).toContain('@')
  const ris = await downloadText(page, 'cite-export-ris')
  expect(ris.name).toBe('Thesis-sources.ris')
  expect(ris.text.match(/^TY {2}- /gm)).toHaveLength(3)
  const cslJson = await downloadText(page, 'cite-export-csl-json')
  expect(cslJson.name).toBe('Thesis-sources.json')
  const parsed: unknown = JSON.parse(cslJson.text)
  expect(Array.isArray(parsed) && parsed.length).toBe(3)
  const html = await downloadText(page, 'cite-export-html')
  expect(html.name).toBe('Thesis-sources.html')
  expect(html.text).toContain('<!doctype html>')
  expect(html.text.match(/class="csl-entry"/g)).toHaveLength(3)
  const markdown = await downloadText(page, 'cite-export-markdown')
  expect(markdown.name).toBe('Thesis-sources.md')
  expect(markdown.text).toContain('*American Civil Liberties Union*')

  // A user's .csl file joins the style picker and is chosen for the list.
  const styleFile = join(scratch, 'my-house-style.csl')
  writeFileSync(
    styleFile,
    readFileSync(resolve(repoRoot, 'resources', 'csl', 'apa.csl'), 'utf8').replace(
      /<title>[^<]*<\/title>/,
      '<title>My house style</title>',
    ),
  )
  await page.getByTestId('cite-style-input').setInputFiles(styleFile)
  await expect(page.getByTestId('cite-tools-message')).toContainText('My house style')
  await expect(page.getByTestId('cite-style-select').locator('option:checked')).toHaveText('My house style')
  await expect(preview).toContainText('Gillmor, D. K. (2018, April 5).')

  // References from a BibTeX file become articles and can join the list.
  const bibFile = join(scratch, 'extra.bib')
  writeFileSync(
    bibFile,
    '@article{doe2020,\n  title = {A Study of Offline Archives},\n  author = {Doe, Jane},\n  journal = {Journal of Tests},\n  year = {2020}\n}\n',
  )
  await page.getByTestId('cite-import-references').click()
  await page.getByTestId('cite-references-input').setInputFiles(bibFile)
  await expect(page.getByTestId('import-references-list').locator('option:checked')).toHaveText(
    'Thesis sources',
  )
  await page.getByTestId('import-references-start').click()
  await expect(page.getByTestId('cite-import-report')).toContainText('1 imported')
  await expect(page.getByTestId('cite-import-report')).toContainText('Added to “Thesis sources”.')
  await page.getByTestId('import-references-done').click()
  await expect(page.getByTestId('cite-item')).toHaveCount(4)
  await expect(preview).toContainText('Doe, J. (2020).')

  // Screenshots in both languages and themes.
  await page.getByTestId('cite-style-select').selectOption('gost-r-7.0.100-2018')
  await page.getByTestId('cite-locale-select').selectOption('ru-RU')
  await expect(preview).toContainText('Текст : электронный')
  await page.screenshot({ path: resolve(screenshots, 'cite-light-en.png') })
  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'night')
  await page.screenshot({ path: resolve(screenshots, 'cite-night-en.png') })
  await page.getByTestId('lang-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByTestId('cite-list-count')).toHaveText('4 источника')
  await page.screenshot({ path: resolve(screenshots, 'cite-night-ru.png') })
  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.screenshot({ path: resolve(screenshots, 'cite-light-ru.png') })
  await page.getByTestId('lang-toggle').click()
  await page.getByTestId('theme-toggle').click()

  // Rename and delete from the sidebar; the articles stay in the archive.
  const row = page.getByTestId('citation-list-row').filter({ hasText: 'Thesis sources' })
  await row.hover()
  await row.getByTestId('citation-list-rename').click()
  await page.getByTestId('citation-list-rename-input').fill('Chapter 2')
  await page.getByTestId('citation-list-rename-input').press('Enter')
  await expect(page.getByTestId('cite-list-title')).toHaveText('Chapter 2')
  const renamed = page.getByTestId('citation-list-row').filter({ hasText: 'Chapter 2' })
  await renamed.hover()
  await renamed.getByTestId('citation-list-delete').click()
  await page.getByTestId('citation-list-delete-confirm').click()
  await expect(page).toHaveURL(/#\/library/)
  await expect(page.getByTestId('citation-list-row')).toHaveCount(0)
  await expect(page.getByTestId('library-count')).toHaveText('4')
})

test('add the open article to a new list from the reader', async ({ page }) => {
  test.skip(!corpusAvailable(seedPage), `the seed page is missing (${seedPage})`)
  await page.goto(host.url)
  // The first test left the seed in the archive; import it again if this test runs alone.
  if ((await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).count()) === 0) {
    await page.getByTestId('file-input').setInputFiles(seedPage)
  }
  await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).click()
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE)

  await page.getByTestId('cite-add-menu-button').click()
  await page.getByTestId('cite-add-menu-new').click()
  await page.getByTestId('cite-add-menu-name').fill('From the reader')
  await page.getByTestId('cite-add-menu-create').click()
  await expect(page.getByTestId('cite-add-menu-result')).toContainText('Added to “From the reader”')
  await page.getByTestId('cite-add-menu-result').getByRole('link').click()
  await expect(page).toHaveURL(/#\/lists\/\d+/)
  await expect.poll(() => itemTitles(page)).toEqual([SEED_TITLE])
})
