import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh temporary folder per test, removed by `cleanup`. */
export async function tempFolder(prefix: string): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `lectern-${prefix}-`))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** A word that only page `index` contains, so a search can find exactly that page. */
export function uniqueWord(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  let word = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) word = letters[(n - 1) % 26] + word
  return `zq${word}marker`
}

/** A small, valid saved page in English or Russian. */
export function samplePage(index: number, language: 'en' | 'ru' = index % 2 === 0 ? 'en' : 'ru'): string {
  const title =
    language === 'en' ? `Trade routes of the Caspian, part ${index}` : `Торговые пути Каспия, часть ${index}`
  const paragraph =
    language === 'en'
      ? 'Merchants crossed the sea with silk, salt and news, and every port kept its own ledger of who came and went.'
      : 'Купцы пересекали море с шёлком, солью и новостями, и каждый порт вёл свою книгу прибывших и отбывших.'
  const body = Array.from(
    { length: 4 },
    (_, n) => `<p>${paragraph} ${n === 0 ? uniqueWord(index) : ''}</p>`,
  ).join('\n')
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="Harbour Notes">
<meta property="article:published_time" content="2025-0${(index % 9) + 1}-1${index % 10}">
</head><body><article><h1>${title}</h1>
${body}
</article></body></html>`
}

/** Write `count` sample pages into `dir` (page-0001.html ...); returns their paths. */
export async function writeSamplePages(dir: string, count: number): Promise<string[]> {
  const paths: string[] = []
  for (let index = 0; index < count; index++) {
    const path = join(dir, `page-${String(index).padStart(4, '0')}.html`)
    await writeFile(path, samplePage(index))
    paths.push(path)
  }
  return paths
}
