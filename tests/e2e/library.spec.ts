import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startHost, type RunningHost } from './serve'

const screenshots = resolve(
  process.env.LECTERN_SCREENSHOTS_DIR ?? resolve(__dirname, '..', '..', 'test-results', 'screenshots'),
)

interface FixturePage {
  file: string
  lang: string
  site: string
  title: string
  date: string
  paragraphs: string[]
}

// Small pages written for this test: two Russian and two English, from three sites.
const PAGES: FixturePage[] = [
  {
    file: 'ru-visit.html',
    lang: 'ru',
    site: 'Каспийский вестник',
    title: 'Вице-президент прибыл в Баку',
    date: '2026-02-07',
    paragraphs: [
      'Перед визитом вице-президента в столице усилили меры безопасности, а переговоры готовили несколько недель.',
      'Стороны обсудят транспортные коридоры, поставки энергоносителей и региональное сотрудничество на Южном Кавказе.',
      'Эксперты считают, что поездка откроет новый этап отношений между странами и укрепит доверие партнёров.',
    ],
  },
  {
    file: 'ru-grain.html',
    lang: 'ru',
    site: 'Каспийский вестник',
    title: 'Урожай зерна оказался выше прогнозов',
    date: '2025-10-12',
    paragraphs: [
      'Аграрии собрали больше зерна, чем ожидали аналитики, несмотря на засушливое лето и поздние заморозки.',
      'Министерство сельского хозяйства объяснило рост новыми сортами пшеницы и современной техникой на полях.',
      'Часть урожая направят на экспорт, остальное пополнит государственные резервы и запасы мукомольных заводов.',
    ],
  },
  {
    file: 'en-harbour.html',
    lang: 'en',
    site: 'Harbour Review',
    title: 'A new ferry line links the Caspian ports',
    date: '2026-01-20',
    paragraphs: [
      'The new ferry line connects two Caspian ports and cuts the crossing time for freight by almost a day.',
      'Shipping companies expect the route to carry grain, steel and containers bound for Central Asian markets.',
      'Port officials say the terminals will need further investment before the line can run every single day.',
    ],
  },
  {
    file: 'en-grid.html',
    lang: 'en',
    site: 'Grid Weekly',
    title: 'Pipelines and power lines across the mountains',
    date: '2024-06-03',
    paragraphs: [
      'Engineers are surveying a corridor for new pipelines and high-voltage power lines across the mountains.',
      'The project would let the region export electricity from hydropower plants during the spring floods.',
      'Environmental groups have asked for an independent review of the route before any construction begins.',
    ],
  },
]

function pageHtml(page: FixturePage): string {
  const body = page.paragraphs.map((text) => `<p>${text}</p>`).join('\n')
  return `<!doctype html>
<html lang="${page.lang}"><head><meta charset="utf-8"><title>${page.title}</title>
<meta property="og:site_name" content="${page.site}">
<meta property="og:title" content="${page.title}">
<meta property="article:published_time" content="${page.date}">
</head><body><main><article><h1>${page.title}</h1>${body}</article></main></body></html>`
}

let host: RunningHost
let fixtureDir: string

test.beforeAll(async () => {
  host = await startHost()
  fixtureDir = mkdtempSync(join(tmpdir(), 'lectern-library-pages-'))
  for (const page of PAGES) writeFileSync(join(fixtureDir, page.file), pageHtml(page))
})

test.afterAll(async () => {
  await host?.stop()
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true })
})

const rows = (page: Page) => page.getByTestId('article-row')
const rowNamed = (page: Page, title: string) => rows(page).filter({ hasText: title })

async function checkRow(page: Page, title: string): Promise<void> {
  await rowNamed(page, title).getByTestId('row-check').click()
}

test('search, filter, bulk-tag, manage tags, collections and saved searches', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.getByTestId('empty-library')).toBeVisible()
  await page.getByTestId('file-input').setInputFiles(PAGES.map((fixture) => join(fixtureDir, fixture.file)))
  await expect(page.getByTestId('import-summary')).toContainText('4')
  await expect(rows(page)).toHaveCount(4)

  // A Russian stem: "визит" finds "визитом"; the query goes into the address.
  await page.getByTestId('search-input').fill('визит')
  await expect(rows(page)).toHaveCount(1)
  await expect(rowNamed(page, 'Вице-президент прибыл в Баку')).toBeVisible()
  await expect(page.getByTestId('article-snippet').locator('mark').first()).toHaveText(/визит/i)
  await expect(page).toHaveURL(/#\/library\?q=%D0%B2%D0%B8%D0%B7%D0%B8%D1%82/)
  await page.getByTestId('search-input').press('Escape')
  await expect(rows(page)).toHaveCount(4)

  // Filter by site through the filter panel; the address keeps it.
  await page.getByTestId('filters-toggle').click()
  await page.getByTestId('filter-site').selectOption('Harbour Review')
  await expect(rows(page)).toHaveCount(1)
  await expect(page).toHaveURL(/site=Harbour\+Review/)
  await page.reload()
  await expect(rows(page)).toHaveCount(1)
  await expect(rowNamed(page, 'A new ferry line links the Caspian ports')).toBeVisible()
  await page.getByTestId('filter-chip-remove').click()
  await expect(rows(page)).toHaveCount(4)

  // Bulk-tag two articles with a nested tag.
  await checkRow(page, 'Вице-президент прибыл в Баку')
  await checkRow(page, 'A new ferry line links the Caspian ports')
  await expect(page.getByTestId('bulk-count')).toContainText('2')
  await page.getByTestId('bulk-tag').click()
  await page.getByTestId('bulk-tag-input').fill('region/caucasus')
  await page.getByTestId('bulk-tag-add').click()
  await expect(page.getByTestId('bulk-status')).toContainText('region/caucasus')
  const nestedTag = page.locator('[data-testid="tag-link"][data-tag="region/caucasus"]')
  await expect(nestedTag).toContainText('caucasus')
  await expect(nestedTag).toContainText('2')
  await expect(page.locator('[data-testid="tag-link"][data-tag="region"]')).toContainText('2')
  await page.getByTestId('bulk-clear').click()

  // Filter by tag from the sidebar.
  await nestedTag.click()
  await expect(rows(page)).toHaveCount(2)
  await expect(page).toHaveURL(/tag=region%2Fcaucasus/)
  await page.screenshot({ path: resolve(screenshots, 'library-light-en.png') })

  // Rename the tag; the list filter follows it.
  await page.locator('[data-testid="tag-menu-button"][data-tag="region/caucasus"]').click()
  await page.getByTestId('tag-rename').click()
  await page.getByTestId('tag-rename-input').fill('region/south-caucasus')
  await page.getByTestId('tag-rename-input').press('Enter')
  const renamed = page.locator('[data-testid="tag-link"][data-tag="region/south-caucasus"]')
  await expect(renamed).toBeVisible()
  await expect(page.locator('[data-testid="tag-link"][data-tag="region/caucasus"]')).toHaveCount(0)
  await expect(rows(page)).toHaveCount(2)

  // Delete it and undo.
  await page.locator('[data-testid="tag-menu-button"][data-tag="region/south-caucasus"]').click()
  await page.getByTestId('tag-delete').click()
  await expect(page.getByTestId('undo-toast')).toBeVisible()
  await expect(renamed).toHaveCount(0)
  await page.getByTestId('undo-button').click()
  await expect(renamed).toContainText('2')

  // A collection, filled from the bulk bar.
  await page.getByTestId('library-link').click()
  await expect(rows(page)).toHaveCount(4)
  await page.getByTestId('collection-create').click()
  await page.getByTestId('collection-create-input').fill('Paper on corridors')
  await page.getByTestId('collection-create-input').press('Enter')
  const collection = page.locator('[data-testid="collection-link"][data-collection="Paper on corridors"]')
  await expect(collection).toContainText('0')
  await checkRow(page, 'Pipelines and power lines across the mountains')
  await page.getByTestId('bulk-collection').selectOption({ label: 'Paper on corridors' })
  await expect(collection).toContainText('1')
  await page.getByTestId('bulk-clear').click()
  await collection.click()
  await expect(rows(page)).toHaveCount(1)
  await expect(rowNamed(page, 'Pipelines and power lines across the mountains')).toBeVisible()
  await expect(page.getByTestId('list-heading')).toHaveText('Paper on corridors')
  // Taken out again from the collection's own view; the article stays in the archive.
  await checkRow(page, 'Pipelines and power lines across the mountains')
  await page.getByTestId('bulk-collection-remove').click()
  await expect(collection).toContainText('0')
  await expect(rows(page)).toHaveCount(0)
  await expect(page.getByTestId('no-results')).toBeVisible()

  // Save a search with a filter and restore it later.
  await page.getByTestId('library-link').click()
  await page.getByTestId('search-input').fill('урожай')
  await page.getByTestId('search-input').press('Enter')
  await expect(rows(page)).toHaveCount(1)
  await page.getByTestId('search-save').click()
  await page.getByTestId('search-save-input').fill('Harvest')
  await page.getByTestId('search-save-input').press('Enter')
  const saved = page.locator('[data-testid="saved-search-link"][data-name="Harvest"]')
  await expect(saved).toBeVisible()
  await page.getByTestId('library-link').click()
  await expect(rows(page)).toHaveCount(4)
  await expect(page.getByTestId('search-input')).toHaveValue('')
  await saved.click()
  await expect(page.getByTestId('search-input')).toHaveValue('урожай')
  await expect(rows(page)).toHaveCount(1)
  await expect(rowNamed(page, 'Урожай зерна оказался выше прогнозов')).toBeVisible()

  // Back returns to the list before the saved search.
  await page.goBack()
  await expect(page.getByTestId('search-input')).toHaveValue('')

  // "Has notes": a highlight added through the API leaves only its article; clearing brings all back.
  const api = (method: string, args: object) =>
    page.request.post(new URL(`/api/${method}`, host.url).href, { data: args })
  const listed = (await (await api('listArticles', { limit: 10 })).json()) as {
    result: { items: { id: number; title: string }[] }
  }
  const ferry = listed.result.items.find((item) => item.title === 'A new ferry line links the Caspian ports')
  expect(ferry).toBeDefined()
  const added = await api('addHighlight', {
    articleId: ferry!.id,
    quote: 'cuts the crossing time',
    prefix: 'ports and ',
    suffix: ' for freight',
    color: 'yellow',
  })
  expect(added.status()).toBe(200)
  await expect(page.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'false')
  await page.getByTestId('filters-toggle').click()
  await expect(page.getByTestId('filter-has-notes-count')).toHaveText('1')
  await page.getByTestId('filter-has-notes').check()
  await expect(rows(page)).toHaveCount(1)
  await expect(rowNamed(page, 'A new ferry line links the Caspian ports')).toBeVisible()
  await expect(page).toHaveURL(/notes=with/)
  await expect(page.getByTestId('filter-chips')).toContainText('with notes')
  await page.getByTestId('filters-clear').click()
  await expect(rows(page)).toHaveCount(4)
  await expect(page.getByTestId('filter-has-notes')).not.toBeChecked()
  await page.getByTestId('filters-toggle').click()

  // Screens in both themes and languages, with the filters and a selection showing.
  await page.getByTestId('filters-toggle').click()
  await checkRow(page, 'Вице-президент прибыл в Баку')
  await page.screenshot({ path: resolve(screenshots, 'library-filters-light-en.png') })
  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'night')
  await page.screenshot({ path: resolve(screenshots, 'library-filters-night-en.png') })
  await page.getByTestId('lang-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByTestId('bulk-count')).toContainText('Выбрано')
  await page.screenshot({ path: resolve(screenshots, 'library-filters-night-ru.png') })
  await page.getByTestId('theme-toggle').click()
  await page.getByTestId('query-help-toggle').click()
  await expect(page.getByTestId('query-help')).toContainText('Как искать')
  await page.screenshot({ path: resolve(screenshots, 'library-help-light-ru.png') })
  await page.keyboard.press('Escape')

  // Bulk delete asks first; the archive then holds three articles.
  await page.getByTestId('bulk-delete').click()
  await expect(page.getByTestId('bulk-delete-dialog')).toBeVisible()
  await page.getByTestId('bulk-delete-confirm').click()
  await expect(rows(page)).toHaveCount(3)
  await expect(page.getByTestId('library-count')).toHaveText('3')
  await expect(rowNamed(page, 'Вице-президент прибыл в Баку')).toHaveCount(0)
})
