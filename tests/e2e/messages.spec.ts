import { expect, test, type Page } from '@playwright/test'
import { api, frameOf } from './seed'
import { startHost, type RunningHost } from './serve'

// What the window says, in the interface language: engine failures, pictures left behind, pastes.

let host: RunningHost

test.beforeAll(async () => {
  host = await startHost()
})

test.afterAll(async () => {
  await host?.stop()
})

const PAGE_WITH_REMOTE_PICTURE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Cranes of the Caspian ports</title><meta property="og:site_name" content="Harbour Notes">
<meta property="article:published_time" content="2025-03-14"></head><body><article>
<h1>Cranes of the Caspian ports</h1>
<p>The new cranes at Alat were delivered in March, and the port says they doubled the number of containers handled a day.</p>
<img src="https://cdn.example/cranes.jpg" alt="Harbour cranes at dusk">
<p>Further north, the port of Aktau is still waiting for its own, which were ordered two years ago from the same yard.</p>
</article></body></html>`

async function toRussian(page: Page): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== 'ru')
    await page.getByTestId('lang-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')
}

test('a failed import gives its reason in Russian; a picture the page did not keep is described in Russian', async ({
  page,
}) => {
  await page.goto(host.url)
  await toRussian(page)
  await page.getByTestId('file-input').setInputFiles([
    {
      name: 'bare.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<html><body><img src="a.png"></body></html>'),
    },
    { name: 'cranes.html', mimeType: 'text/html', buffer: Buffer.from(PAGE_WITH_REMOTE_PICTURE) },
  ])
  const failures = page.getByTestId('import-failures')
  await expect(failures).toContainText('bare.html')
  await expect(failures).toContainText('в нём не нашлось текста, который можно прочитать')
  await expect(failures).not.toContainText('no readable text')

  await page.getByTestId('article-row').filter({ hasText: 'Cranes of the Caspian ports' }).click()
  const placeholder = frameOf(page).locator('.lectern-remote-image')
  await expect(placeholder).toHaveAttribute(
    'data-label',
    'Изображение, которое не сохранилось со страницей: Harbour cranes at dusk',
  )
  const shown = await placeholder.evaluate((element) => getComputedStyle(element, '::before').content)
  expect(shown).toContain('Изображение, которое не сохранилось со страницей')
  await expect(placeholder).toHaveAttribute('title', 'https://cdn.example/cranes.jpg')
  // The interface language changes the words, not the stored copy.
  await page.getByTestId('lang-toggle').click()
  await expect(placeholder).toHaveAttribute(
    'data-label',
    'A picture the saved page did not keep: Harbour cranes at dusk',
  )
})

test('Paste takes an address without https://, and a second paste of the same article says it is there with a link', async ({
  page,
}) => {
  await page.goto(host.url)
  const text =
    'Ferry timetables on the Caspian\n\nThe ferries between Baku and Turkmenbashi still leave when they are full, not at set hours, and drivers wait for days at the port.'
  await page.getByTestId('paste-button').click()
  await page.getByTestId('paste-text').fill(text)
  await page.getByTestId('paste-url').fill('harbour-notes.example/ferries')
  await page.getByTestId('paste-submit').click()
  await expect(page.getByTestId('paste-dialog')).toBeHidden()
  await expect(page).toHaveURL(/#\/article\/\d+/)
  const id = Number(/#\/article\/(\d+)/.exec(page.url())![1])
  const stored = await api<{ url: string | null }>(page, host, 'getArticle', { id })
  expect(stored.url).toBe('https://harbour-notes.example/ferries')

  await page.evaluate(() => (location.hash = '#/library'))
  await page.getByTestId('paste-button').click()
  await page.getByTestId('paste-text').fill(text)
  await page.getByTestId('paste-url').fill('harbour-notes.example/ferries')
  await page.getByTestId('paste-submit').click()
  const duplicate = page.getByTestId('paste-duplicate')
  await expect(duplicate).toContainText('is already in the archive')
  await expect(page).toHaveURL(/#\/library/)
  await expect(page.getByTestId('paste-duplicate-link')).toHaveAttribute('href', `#/article/${id}`)
  await page.getByTestId('paste-duplicate-link').click()
  await expect(page.getByTestId('paste-dialog')).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/article/${id}$`))
})

test('the Unread view is headed Unread in Russian too; a month of the statistics opens that month', async ({
  page,
}) => {
  await page.goto(host.url)
  await toRussian(page)
  await page.getByTestId('unread-link').click()
  await expect(page.getByTestId('list-heading')).toHaveText('Непрочитанные')

  await page.evaluate(() => (location.hash = '#/stats'))
  const month = page.getByTestId('stats-month').first()
  await expect(month).toBeVisible()
  const key = await month.getAttribute('data-month')
  const width = await month.locator('rect.bar').evaluate((bar) => bar.getBoundingClientRect().width)
  expect(width).toBeGreaterThan(7)
  await month.click()
  await expect(page).toHaveURL(new RegExp(`#/library\\?from=${key}&to=${key}`))
  await expect(page.getByTestId('article-row').first()).toBeVisible()
})
