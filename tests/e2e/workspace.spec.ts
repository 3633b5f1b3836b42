import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { corpusAvailable, corpusPath } from '../support/paths'
import { startHost, type RunningHost } from './serve'

const seedPage = corpusPath('seed', 'caliber-az-vance-visit.txt')
// `npm run screenshots` points this at docs/screenshots (the README's pictures); test runs keep theirs apart.
const screenshots = resolve(
  process.env.LECTERN_SCREENSHOTS_DIR ?? resolve(__dirname, '..', '..', 'test-results', 'screenshots'),
)

let host: RunningHost

test.beforeAll(async () => {
  host = await startHost()
})

test.afterAll(async () => {
  await host?.stop()
})

test('import the seed page through the file picker, read it, switch to Russian and night', async ({
  page,
}) => {
  test.skip(
    !corpusAvailable(seedPage),
    `the seed page is missing (${seedPage}); ../shared/corpus is not beside the checkout`,
  )
  const title = 'What Vance’s trip means for regional cooperation'

  await page.goto(host.url)
  await expect(page.getByTestId('empty-library')).toBeVisible()
  await page.screenshot({ path: resolve(screenshots, 'empty-light-en.png') })

  await page.getByTestId('file-input').setInputFiles(seedPage)
  await expect(page.getByTestId('import-summary')).toContainText('1')
  const row = page.getByTestId('article-row').filter({ hasText: title })
  await expect(row).toBeVisible()

  await row.click()
  await expect(page).toHaveURL(/#\/article\/\d+/)
  await expect(page.getByTestId('reader-title')).toHaveText(title)
  const body = page.frameLocator('[data-testid="reader-frame"]').locator('body')
  await expect(body).toContainText('The upcoming visit of U.S. Vice President J.D. Vance to Baku')
  await expect(body).not.toContainText('play market')
  await page.screenshot({ path: resolve(screenshots, 'reader-light-en.png') })

  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'night')
  await page.screenshot({ path: resolve(screenshots, 'reader-night-en.png') })

  await page.getByTestId('lang-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByTestId('import-button')).toContainText('Импорт')
  await page.screenshot({ path: resolve(screenshots, 'reader-night-ru.png') })

  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await page.screenshot({ path: resolve(screenshots, 'reader-light-ru.png') })

  // Theme, language and the open article survive a reload.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
  await expect(page.getByTestId('reader-title')).toHaveText(title)
})
