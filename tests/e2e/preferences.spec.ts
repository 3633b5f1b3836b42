import { expect, test } from '@playwright/test'
import { startHost, type RunningHost } from './serve'

let host: RunningHost

test.beforeAll(async () => {
  host = await startHost()
})

test.afterAll(async () => {
  await host?.stop()
})

test('a window follows the theme and language another window saves (preferencesChanged over HTTP)', async ({
  context,
}) => {
  const watching = await context.newPage()
  await watching.goto(host.url)
  await expect(watching.getByTestId('empty-library')).toBeVisible()
  await expect(watching.locator('html')).toHaveAttribute('lang', 'en')

  // Another client of the same archive saves preferences (as a second window or the desktop menu would).
  const other = await context.newPage()
  await other.goto(host.url)
  const saved = await other.request.post(`${host.origin}/api/setPreferences`, {
    data: { patch: { theme: 'night', language: 'ru' } },
  })
  expect(saved.status()).toBe(200)

  await expect(watching.locator('html')).toHaveAttribute('data-theme', 'night')
  await expect(watching.locator('html')).toHaveAttribute('lang', 'ru')
  // The interface itself follows, not only the document's attributes.
  await expect(watching.getByRole('button', { name: 'Импорт', exact: false }).first()).toBeVisible()
})
