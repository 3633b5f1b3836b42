import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { axeViolations, seriousOrCritical } from './axe'
import { api, importSeed, skipWithoutSeed } from './seed'
import { startHost, type RunningHost } from './serve'

// axe-core on the main views, in both languages and both themes: no serious or critical violation.

let host: RunningHost

test.beforeAll(async () => {
  host = await startHost()
})

test.afterAll(async () => {
  await host?.stop()
})

const referencesFile = resolve(__dirname, '..', 'fixtures', 'references', 'thesis-sources.bib')
const threadFile = resolve(__dirname, '..', 'fixtures', 'page-kinds', 'forum-thread.html')

interface View {
  name: string
  hash: string
  ready: (page: Page) => Promise<void>
}

async function setLanguageAndTheme(page: Page, language: 'en' | 'ru', theme: 'light' | 'night') {
  if ((await page.locator('html').getAttribute('lang')) !== language)
    await page.getByTestId('lang-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('lang', language)
  if ((await page.locator('html').getAttribute('data-theme')) !== theme)
    await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

test('the library, the reader, a citation list, statistics, settings and the dialogs have no serious axe violation', async ({
  page,
}) => {
  skipWithoutSeed()
  test.setTimeout(240_000)
  await page.goto(host.url)
  await importSeed(page)
  await api(page, host, 'importFiles', {
    files: [{ name: 'thesis-sources.bib', dataBase64: readFileSync(referencesFile).toString('base64') }],
    list: 'Thesis',
  })
  await api(page, host, 'importFiles', {
    files: [{ name: 'forum-thread.html', dataBase64: readFileSync(threadFile).toString('base64') }],
  })
  const lists = await api<Array<{ id: number; name: string }>>(page, host, 'listCitationLists', {})
  const thesis = lists.find((list) => list.name === 'Thesis')!
  const articles = await api<{ items: Array<{ id: number; format: string; pageKind?: string | null }> }>(
    page,
    host,
    'listArticles',
    { limit: 100 },
  )
  const seed = articles.items.find((item) => item.format === 'text')!
  const thread = articles.items.find((item) => item.pageKind === 'forum')!

  const views: View[] = [
    {
      name: 'library',
      hash: '#/library',
      ready: (p) => expect(p.getByTestId('article-row').first()).toBeVisible(),
    },
    {
      name: 'reader',
      hash: `#/article/${seed.id}`,
      ready: async (p) => {
        await expect(p.getByTestId('reader-title')).toBeVisible()
        if ((await p.getByTestId('notes-panel').count()) === 0) await p.getByTestId('notes-toggle').click()
        await expect(p.getByTestId('notes-panel')).toBeVisible()
      },
    },
    {
      name: 'a forum thread in the reader, its kind in the list and the facts',
      hash: `#/article/${thread.id}`,
      ready: async (p) => {
        await expect(p.locator('.facts [data-testid="item-kind"]')).toHaveAttribute('data-page-kind', 'forum')
        await expect(p.getByTestId('article-row').locator('[data-page-kind="forum"]')).toBeVisible()
      },
    },
    {
      name: 'citation list',
      hash: `#/lists/${thesis.id}`,
      ready: (p) => expect(p.getByTestId('cite-preview')).toBeVisible(),
    },
    {
      name: 'statistics',
      hash: '#/stats',
      ready: (p) => expect(p.getByTestId('stats-timeline')).toBeVisible(),
    },
    { name: 'settings', hash: '#/settings', ready: (p) => expect(p.getByTestId('settings')).toBeVisible() },
  ]

  // Dialogs open over the reader: each is checked open, then closed with Esc.
  const dialogs: Array<{ name: string; open: (page: Page) => Promise<void> }> = [
    { name: 'edit dialog', open: (p) => p.getByTestId('edit-button').click() },
    { name: 'paste dialog', open: (p) => p.getByTestId('paste-button').click() },
    { name: 'shortcuts sheet', open: (p) => p.keyboard.press('Shift+?') },
  ]

  const problems: string[] = []
  const check = async (name: string, language: string, theme: string) => {
    for (const problem of seriousOrCritical(await axeViolations(page))) {
      problems.push(
        `${name} (${language}, ${theme}): ${problem.rule} [${problem.impact}] ${problem.help}\n    ${problem.targets.join('\n    ')}`,
      )
    }
  }
  for (const language of ['en', 'ru'] as const) {
    for (const theme of ['light', 'night'] as const) {
      await setLanguageAndTheme(page, language, theme)
      for (const view of views) {
        await page.evaluate((hash) => (location.hash = hash), view.hash)
        await view.ready(page)
        await check(view.name, language, theme)
      }
      await page.evaluate((hash) => (location.hash = hash), `#/article/${seed.id}`)
      await expect(page.getByTestId('reader-title')).toBeVisible()
      for (const dialog of dialogs) {
        await dialog.open(page)
        await expect(page.locator('dialog[open]')).toBeVisible()
        await check(dialog.name, language, theme)
        await page.keyboard.press('Escape')
        await expect(page.locator('dialog[open]')).toHaveCount(0)
      }
    }
  }
  expect(problems, problems.join('\n')).toEqual([])
})
