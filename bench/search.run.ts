/**
 * Search benchmark (`npm run bench:search`). Builds an archive of BENCH_ARTICLES (default
 * 100 000) articles mixed from the corpus pages' paragraphs, Russian and English, then times a
 * fixed query mix through the engine's search (ranking and snippets included) and the same
 * words through a plain LIKE scan. Prints figures; asserts nothing about time.
 *
 * BENCH_ARTICLES=n    archive size
 * BENCH_DIR=path      build there and keep the archive (default: a temporary folder, removed)
 * BENCH_REUSE=1       with BENCH_DIR: time the archive already built there instead of building
 * CORPUS_DIR=path     default ../shared/corpus
 */
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'
import type { ExtractedArticle } from '../src/common/types'
import { insertArticle } from '../src/main/archive/db/articles'
import { listArticles } from '../src/main/archive/search/library'
import type { Database } from '../src/main/archive/db/database'
import { openArchiveDatabase } from '../src/main/archive/db/index'
import { addTags } from '../src/main/archive/db/tags'
import { DATABASE_FILE } from '../src/main/archive/paths'
import { countFacets } from '../src/main/archive/search/facets'
import { flushSearchIndex } from '../src/main/archive/search/indexer'
import { parseQuery, type QueryNode } from '../src/main/archive/search/query'
import { searchArticles } from '../src/main/archive/search/search'
import { loadParagraphs, type ParagraphPools } from './lib/corpus'
import { QUERY_MIX } from './lib/queries'
import { formatBytes, formatMs, seededRandom, summarize } from './lib/stats'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000)
const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? '../shared/corpus')
const BATCH = 500
const TIMED_RUNS = 5
const PAGE = 20

const EN_SITES = [
  'World Ledger',
  'Harbour Post',
  'Caliber.az',
  'Policy Review',
  'Daily Meridian',
  'Tech Quarterly',
]
const RU_SITES = ['Вестник', 'Городская газета', 'Обозреватель', 'Деловой курьер', 'Спорт-обзор']
const EN_AUTHORS = ['Anna Smith', 'John Carter', 'Mary Jones', 'Peter Brown', 'Laura Chen']
const RU_AUTHORS = ['Андрей Сидорчик', 'Мария Иванова', 'Олег Петров', 'Елена Смирнова']
const TAGS: [string, number][] = [
  ['region/caucasus', 0.02],
  ['region/europe', 0.05],
  ['energy', 0.03],
  ['politics', 0.1],
  ['sport', 0.04],
]

it('search benchmark', async () => {
  const pools = await loadParagraphs(CORPUS_DIR)
  if (pools.en.length === 0 || pools.ru.length === 0) {
    console.log(`Corpus not found at ${CORPUS_DIR}; set CORPUS_DIR. Skipping the benchmark.`)
    return
  }
  const keep = process.env.BENCH_DIR !== undefined
  const dir = keep ? resolve(process.env.BENCH_DIR!) : await mkdtemp(join(tmpdir(), 'lectern-bench-'))
  await mkdir(dir, { recursive: true })
  const file = join(dir, DATABASE_FILE)
  const reuse = keep && process.env.BENCH_REUSE === '1' && (await fileExists(file))
  if (!reuse) {
    await rm(file, { force: true })
    await rm(`${file}-wal`, { force: true })
    await rm(`${file}-shm`, { force: true })
  }
  const db = await openArchiveDatabase(file)
  // Vitest prints each console.log under its own header; the report goes out in one piece.
  const lines: string[] = []
  const print = (line = '') => lines.push(line)
  try {
    print(`Corpus: ${pools.en.length} English and ${pools.ru.length} Russian paragraphs from ${CORPUS_DIR}`)
    if (reuse) {
      print(`Reusing the archive in ${dir}`)
    } else {
      console.log(`Building ${ARTICLES} articles in ${dir} ...`)
      const build = await buildArchive(db, pools)
      print(
        `Built ${ARTICLES} articles in ${(build.totalMs / 1000).toFixed(1)} s ` +
          `(of which indexing ${(build.indexMs / 1000).toFixed(1)} s); ` +
          `${formatBytes(build.textBytes)} of article text`,
      )
    }
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    const size = (await stat(file)).size
    const indexSize = await ftsSize(db)
    const articleCount = (await listArticles(db, { limit: 1 })).total
    print(
      `Archive: ${articleCount} articles, ${formatBytes(size)}` +
        (indexSize === null ? '' : ` (full-text index ${formatBytes(indexSize)})`),
    )
    print()

    const all: number[] = []
    const likeAll: number[] = []
    print(`Search (limit ${PAGE}, snippets included), ${TIMED_RUNS} runs per query after one warm-up.`)
    print(
      `LIKE: one run of title/body LIKE '%word%' for every plain word, first ${PAGE} rows, no ranking ` +
        '(stops early for common words; scans everything for rare ones).',
    )
    print(pad(['class', 'p50', 'p95', 'max', 'LIKE p50', 'LIKE p95', 'LIKE max']))
    for (const [label, queries] of Object.entries(QUERY_MIX)) {
      const samples: number[] = []
      const likeSamples: number[] = []
      for (const query of queries) {
        await searchArticles(db, { query, limit: PAGE })
        for (let run = 0; run < TIMED_RUNS; run++)
          samples.push(await timed(() => searchArticles(db, { query, limit: PAGE })))
        likeSamples.push(await timed(() => likeScan(db, query)))
      }
      all.push(...samples)
      likeAll.push(...likeSamples)
      const s = summarize(samples)
      const l = summarize(likeSamples)
      print(
        pad([
          label,
          formatMs(s.p50),
          formatMs(s.p95),
          formatMs(s.max),
          formatMs(l.p50),
          formatMs(l.p95),
          formatMs(l.max),
        ]),
      )
    }
    const s = summarize(all)
    const l = summarize(likeAll)
    print(
      pad([
        'all',
        formatMs(s.p50),
        formatMs(s.p95),
        formatMs(s.max),
        formatMs(l.p50),
        formatMs(l.p95),
        formatMs(l.max),
      ]),
    )
    print(`Goal p95 <= 30 ms: ${s.p95 <= 30 ? 'met' : 'NOT met'} (p95 ${formatMs(s.p95)})`)
    print()

    print('Per query (FTS p50 / LIKE, matching articles):')
    for (const queries of Object.values(QUERY_MIX)) {
      for (const query of queries) {
        const samples: number[] = []
        for (let run = 0; run < 3; run++)
          samples.push(await timed(() => searchArticles(db, { query, limit: PAGE })))
        const matching = (await listArticles(db, { query, limit: 1 })).total
        const like = await timed(() => likeScan(db, query))
        print(
          `  ${query.padEnd(28)} ${formatMs(summarize(samples).p50).padStart(9)} / ${formatMs(like).padStart(9)}   ${matching}`,
        )
      }
    }
    print()

    print('Library calls:')
    const calls: [string, () => Promise<unknown>][] = [
      ['list, newest first', () => listArticles(db, { limit: 50 })],
      ['list, tags any of two', () => listArticles(db, { tags: ['energy', 'sport'], limit: 50 })],
      [
        'list, by title, lang:ru',
        () => listArticles(db, { language: 'ru', sort: 'title', order: 'asc', limit: 50 }),
      ],
      [
        'list, query "путин" by date',
        () => listArticles(db, { query: 'путин', sort: 'publishedAt', limit: 50 }),
      ],
      ['facets, everything', () => countFacets(db, {})],
      ['facets, query "президент"', () => countFacets(db, { query: 'президент' })],
      ['facets, query "the"', () => countFacets(db, { query: 'the' })],
    ]
    for (const [label, call] of calls) {
      await call()
      const samples: number[] = []
      for (let run = 0; run < 3; run++) samples.push(await timed(call))
      print(`  ${label.padEnd(30)} p50 ${formatMs(summarize(samples).p50)}`)
    }
  } finally {
    console.log(lines.join('\n'))
    await db.close()
    if (!keep) await rm(dir, { recursive: true, force: true })
  }
  expect(lines.length).toBeGreaterThan(0)
})

async function buildArchive(
  db: Database,
  pools: ParagraphPools,
): Promise<{ totalMs: number; indexMs: number; textBytes: number }> {
  const random = seededRandom(20260207)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const started = performance.now()
  let indexMs = 0
  let textBytes = 0
  const tagged = new Map<string, number[]>(TAGS.map(([name]) => [name, []]))
  const readIds: number[] = []
  for (let first = 0; first < ARTICLES; first += BATCH) {
    await db.transaction(async () => {
      for (let i = first; i < Math.min(ARTICLES, first + BATCH); i++) {
        const russian = random() < 0.45
        const pool = russian ? pools.ru : pools.en
        const paragraphs = Array.from({ length: 4 + Math.floor(random() * 9) }, () => pick(pool))
        const contentText = paragraphs.join('\n\n')
        textBytes += Buffer.byteLength(contentText)
        const year = 2012 + Math.floor(random() * 15)
        const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
        const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
        const extracted: ExtractedArticle = {
          format: 'html',
          title: titleFrom(pick(pool)),
          subtitle: random() < 0.3 ? titleFrom(pick(pool)) : null,
          authors: [pick(russian ? RU_AUTHORS : EN_AUTHORS)],
          siteName: pick(russian ? RU_SITES : EN_SITES),
          section: null,
          publishedAt: random() < 0.95 ? `${year}-${month}-${day}` : null,
          language: russian ? 'ru' : 'en',
          url: `https://example.org/${i}`,
          excerpt: paragraphs[0]!.slice(0, 200),
          rights: null,
          wordCount: contentText.split(/\s+/).length,
          contentText,
          contentHtml: paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
          warnings: [],
        }
        const bytes = Buffer.from(`bench original ${i}`)
        const id = await insertArticle(db, {
          extracted,
          sourceName: `page-${i}.html`,
          original: {
            sha256: createHash('sha256').update(bytes).digest('hex'),
            bytes,
            name: `page-${i}.html`,
          },
          addedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        })
        for (const [name, share] of TAGS) if (random() < share) tagged.get(name)!.push(id)
        if (random() < 0.3) readIds.push(id)
      }
      const indexStarted = performance.now()
      await flushSearchIndex(db)
      indexMs += performance.now() - indexStarted
    })
  }
  await db.transaction(async () => {
    for (const [name, ids] of tagged) await addTags(db, ids, [name])
    await db.run(
      `UPDATE articles SET read_at = '2026-03-01T00:00:00Z' WHERE id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(readIds)],
    )
  })
  await db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
  await db.exec('ANALYZE')
  return { totalMs: performance.now() - started, indexMs, textBytes }
}

/** A title from a paragraph's first words. */
function titleFrom(paragraph: string): string {
  return paragraph
    .split(/\s+/)
    .slice(0, 4 + (paragraph.length % 7))
    .join(' ')
    .replace(/[,.:;]$/, '')
}

/**
 * The same query's plain words as a LIKE scan over title and body (every word must occur,
 * no stemming, no ranking, first PAGE rows): what search would cost without an index.
 */
async function likeScan(db: Database, query: string): Promise<number> {
  const words = plainWords(parseQuery(query))
  if (words.length === 0) return 0
  const where = words.map(() => '(title LIKE ? OR content_text LIKE ?)').join(' AND ')
  const rows = await db.all<{ id: number }>(`SELECT id FROM articles WHERE ${where} LIMIT ${PAGE}`, [
    ...words.flatMap((word) => [`%${word}%`, `%${word}%`]),
  ])
  return rows.length
}

function plainWords(node: QueryNode | null): string[] {
  if (!node) return []
  switch (node.kind) {
    case 'word':
    case 'phrase':
      return [node.text]
    case 'and':
      return node.children.flatMap(plainWords)
    case 'or':
      return plainWords(node.children[0] ?? null)
    default:
      return []
  }
}

async function ftsSize(db: Database): Promise<number | null> {
  try {
    const row = await db.get<{ bytes: number }>(
      "SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'articles_fts%'",
    )
    return row?.bytes ?? null
  } catch {
    return null
  }
}

async function fileExists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

function pad(cells: string[]): string {
  return `  ${cells[0]!.padEnd(12)}${cells
    .slice(1)
    .map((cell) => cell.padStart(10))
    .join('')}`
}
