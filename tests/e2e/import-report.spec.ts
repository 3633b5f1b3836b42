import { expect, test } from '@playwright/test'
import { startHost, type RunningHost } from './serve'

let host: RunningHost

test.beforeAll(async () => {
  host = await startHost()
})

test.afterAll(async () => {
  await host?.stop()
})

const page = (title: string, text: string) =>
  Buffer.from(
    `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
      `<p>${text}</p><p>${text} The second paragraph repeats it for length.</p></article></body></html>`,
  )

test('the import summary lists the files that are not pages, each with its reason', async ({ page: tab }) => {
  await tab.goto(host.url)
  await tab.getByTestId('file-input').setInputFiles([
    {
      name: 'harbour.html',
      mimeType: 'text/html',
      buffer: page('The harbour reopens', 'Ferries ran again on Monday after the storm had closed the port.'),
    },
    {
      name: 'LICENSE.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('MIT License\n\nPermission is hereby granted, free of charge, to any person'),
    },
    { name: 'expected.json', mimeType: 'application/json', buffer: Buffer.from('{"title": "x"}') },
  ])
  const summary = tab.getByTestId('import-summary')
  await expect(summary.getByTestId('import-imported')).toHaveText('1 imported')
  await expect(summary.getByTestId('import-skipped-count')).toHaveText('2 skipped')
  const skipped = summary.getByTestId('import-skipped').locator('li')
  await expect(skipped).toHaveCount(2)
  await expect(skipped.nth(0)).toContainText('LICENSE.txt')
  await expect(skipped.nth(0)).toContainText('a licence text, not a saved page')
  await expect(skipped.nth(1)).toContainText('expected.json')
  await expect(skipped.nth(1)).toContainText('data, not a page or a reference file')
  await expect(tab.getByTestId('article-row')).toHaveCount(1)
})
