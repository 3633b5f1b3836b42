// The seed page and the reading frame: what the reading and translation specs share.
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { corpusAvailable, corpusPath } from '../support/paths'
import type { RunningHost } from './serve'

const repoRoot = resolve(__dirname, '..', '..')
const seedPage = corpusPath('seed', 'caliber-az-vance-visit.txt')
export const screenshots = resolve(
  process.env.LECTERN_SCREENSHOTS_DIR ?? resolve(repoRoot, 'test-results', 'screenshots'),
)
export const SEED_TITLE = 'What Vance’s trip means for regional cooperation'
export const SENTENCE = 'The symbolism of such visits is rarely accidental.'

export const skipWithoutSeed = () =>
  test.skip(
    !corpusAvailable(seedPage),
    `the seed page is missing (${seedPage}); ../shared/corpus is not beside the checkout`,
  )

/** Calls the archive over the host's HTTP API with the page's cookie. */
export async function api<T>(page: Page, host: RunningHost, method: string, args: unknown): Promise<T> {
  const response = await page.request.post(`${host.origin}/api/${method}`, { data: args })
  const body = (await response.json()) as { ok: boolean; result?: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.result as T
}

export async function importSeed(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(seedPage)
  await expect(page.getByTestId('import-summary')).toBeVisible()
}

export async function openSeed(page: Page): Promise<void> {
  await page.getByTestId('article-row').filter({ hasText: SEED_TITLE }).first().click()
  await expect(page.getByTestId('reader-title')).toHaveText(SEED_TITLE)
}

export const frameOf = (page: Page) => page.frameLocator('[data-testid="reader-frame"]')

/** Select `text` inside the reading frame, as a reader dragging over it would. */
export async function selectInFrame(page: Page, text: string): Promise<void> {
  await frameOf(page)
    .locator('article')
    .evaluate((article, wanted) => {
      const doc = article.ownerDocument
      const walker = doc.createTreeWalker(article, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted)
        if (at === -1) continue
        const range = doc.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + wanted.length)
        const selection = doc.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return
      }
      throw new Error(`"${wanted}" is not in the article`)
    }, text)
}
