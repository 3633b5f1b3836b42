/**
 * Search benchmark (`npm run bench:search`). Opens an archive of BENCH_ARTICLES (default 100 000)
 * articles mixed from the corpus pages' paragraphs, Russian and English (built once and kept in a
 * cache folder, see lib/search-archive.ts), then times a fixed query mix three ways, each next to
 * the same words through a plain LIKE scan:
 *
 *   search      the engine's search (ranking and snippets included), a page of 20 hits;
 *   keystroke   what the library asks for per keystroke: listArticles by relevance, a page of 100
 *               rows with the total and the counts per filter, in one call;
 *   facets      the counts per filter value alone.
 *
 * Prints figures; asserts nothing about time.
 *
 * BENCH_ARTICLES=n    archive size
 * BENCH_CACHE=path    where built archives are kept (default $XDG_CACHE_HOME/lectern-bench or
 *                     ~/.cache/lectern-bench); BENCH_REBUILD=1 builds again
 * CORPUS_DIR=path     default ../shared/corpus
 */
import { stat } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'
import type { Database } from '../src/main/archive/db/database'
import { countFacets } from '../src/main/archive/search/facets'
import { listArticles } from '../src/main/archive/search/library'
import { parseQuery, type QueryNode } from '../src/main/archive/search/query'
import { searchArticles } from '../src/main/archive/search/search'
import { loadParagraphs } from './lib/corpus'
import { openSearchArchive } from './lib/search-archive'
import { formatBytes, formatMs, summarize } from './lib/stats'
import { QUERY_MIX } from './lib/queries'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000)
const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? '../shared/corpus')
const TIMED_RUNS = 5
const PAGE = 20
/** The library list's page (PAGE_SIZE in the renderer's stores/library/pages.ts). */
const LIBRARY_PAGE = 100
/** Goals of issue #14, at 100,000 articles. */
const SEARCH_P95_GOAL_MS = 30
const COMMON_WORD_FACETS_GOAL_MS = 150

/** One timed way of answering a query. */
const CALLS: Record<string, (db: Database, query: string) => Promise<unknown>> = {
  search: (db, query) => searchArticles(db, { query, limit: PAGE }),
  keystroke: (db, query) => listArticles(db, { query, sort: 'relevance', limit: LIBRARY_PAGE, facets: true }),
  facets: (db, query) => countFacets(db, { query }),
}

it('search benchmark', async () => {
  const pools = await loadParagraphs(CORPUS_DIR)
  if (pools.en.length === 0 || pools.ru.length === 0) {
    console.log(`Corpus not found at ${CORPUS_DIR}; set CORPUS_DIR. Skipping the benchmark.`)
    return
  }
  const archive = await openSearchArchive(pools, ARTICLES, { rebuild: process.env.BENCH_REBUILD === '1' })
  const { db } = archive
  // Vitest prints each console.log under its own header; the report goes out in one piece.
  const lines: string[] = []
  const print = (line = '') => lines.push(line)
  try {
    print(`Corpus: ${pools.en.length} English and ${pools.ru.length} Russian paragraphs from ${CORPUS_DIR}`)
    if (archive.built) {
      const { totalMs, indexMs, textBytes } = archive.built
      print(
        `Built ${ARTICLES} articles in ${(totalMs / 1000).toFixed(1)} s ` +
          `(of which indexing ${(indexMs / 1000).toFixed(1)} s); ${formatBytes(textBytes)} of article text`,
      )
    } else {
      print(`Reusing the archive built earlier: ${archive.file}`)
    }
    const indexSize = await ftsSize(db)
    const articleCount = (await listArticles(db, { limit: 1 })).total
    print(
      `Archive: ${articleCount} articles, ${formatBytes((await stat(archive.file)).size)}` +
        (indexSize === null ? '' : ` (full-text index ${formatBytes(indexSize)})`),
    )
    print(`Load average at the start: ${loadAverage()}`)
    print()

    print(
      `${TIMED_RUNS} runs of each query after one warm-up. search: ${PAGE} hits with snippets; keystroke: ` +
        `${LIBRARY_PAGE} rows by relevance with the total and the counts (one listArticles call); ` +
        'facets: the counts alone.',
    )
    print(
      `LIKE: one run of title/body LIKE '%word%' for every plain word, first ${PAGE} rows, no ranking ` +
        '(stops early for common words; scans everything for rare ones).',
    )
    print(
      pad(['class', 'search p50', 'p95', 'max', 'keys p50', 'p95', 'facets p50', 'p95', 'LIKE p50', 'p95']),
    )
    const samples: Record<string, Record<string, number[]>> = {}
    const likeSamples: Record<string, number[]> = {}
    for (const [label, queries] of Object.entries(QUERY_MIX)) {
      samples[label] = Object.fromEntries(Object.keys(CALLS).map((name) => [name, []]))
      likeSamples[label] = []
      for (const query of queries) {
        // The ways alternate run by run, so a burst of load on the machine hits them alike.
        for (const call of Object.values(CALLS)) await call(db, query)
        for (let run = 0; run < TIMED_RUNS; run++) {
          for (const [name, call] of Object.entries(CALLS))
            samples[label]![name]!.push(await timed(() => call(db, query)))
        }
        likeSamples[label]!.push(await timed(() => likeScan(db, query)))
      }
    }
    const row = (label: string, of: Record<string, number[]>, like: number[]) => {
      const search = summarize(of.search!)
      const keystroke = summarize(of.keystroke!)
      const facets = summarize(of.facets!)
      const scan = summarize(like)
      return pad([
        label,
        ...[search.p50, search.p95, search.max, keystroke.p50, keystroke.p95, facets.p50, facets.p95].map(
          formatMs,
        ),
        formatMs(scan.p50),
        formatMs(scan.p95),
      ])
    }
    for (const label of Object.keys(QUERY_MIX)) print(row(label, samples[label]!, likeSamples[label]!))
    const merged = (name: string) => Object.values(samples).flatMap((of) => of[name]!)
    print(
      row(
        'all',
        Object.fromEntries(Object.keys(CALLS).map((name) => [name, merged(name)])),
        Object.values(likeSamples).flat(),
      ),
    )
    const worstSearch = Object.entries(samples)
      .map(([label, of]) => ({ label, p95: summarize(of.search!).p95 }))
      .sort((a, b) => b.p95 - a.p95)[0]!
    print(
      `Goal search p95 <= ${SEARCH_P95_GOAL_MS} ms in every class: ` +
        `${worstSearch.p95 <= SEARCH_P95_GOAL_MS ? 'met' : 'NOT met'} (worst: ${worstSearch.label}, p95 ${formatMs(worstSearch.p95)})`,
    )
    const commonFacets = summarize(samples['very common']!.facets!)
    print(
      `Goal facets for a common word <= ${COMMON_WORD_FACETS_GOAL_MS} ms: ` +
        `${commonFacets.p95 <= COMMON_WORD_FACETS_GOAL_MS ? 'met' : 'NOT met'} ` +
        `(very common words: p50 ${formatMs(commonFacets.p50)}, p95 ${formatMs(commonFacets.p95)})`,
    )
    print()

    print('Per query (search p50 / keystroke p50 / LIKE, matching articles):')
    for (const queries of Object.values(QUERY_MIX)) {
      for (const query of queries) {
        const searchRuns: number[] = []
        const keystrokeRuns: number[] = []
        for (let run = 0; run < 3; run++) {
          searchRuns.push(await timed(() => CALLS.search!(db, query)))
          keystrokeRuns.push(await timed(() => CALLS.keystroke!(db, query)))
        }
        const matching = (await listArticles(db, { query, limit: 1 })).total
        const like = await timed(() => likeScan(db, query))
        print(
          `  ${query.padEnd(28)} ${formatMs(summarize(searchRuns).p50).padStart(9)} / ` +
            `${formatMs(summarize(keystrokeRuns).p50).padStart(9)} / ${formatMs(like).padStart(9)}   ${matching}`,
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
      [
        'list + facets, "the" by date',
        () => listArticles(db, { query: 'the', sort: 'publishedAt', limit: LIBRARY_PAGE, facets: true }),
      ],
      ['facets, everything', () => countFacets(db, {})],
      ['facets, query "президент"', () => countFacets(db, { query: 'президент' })],
      ['facets, query "the"', () => countFacets(db, { query: 'the' })],
      ['facets, "the" lang:en unread', () => countFacets(db, { query: 'the', language: 'en', read: false })],
    ]
    for (const [label, call] of calls) {
      await call()
      const runs: number[] = []
      for (let run = 0; run < 3; run++) runs.push(await timed(call))
      print(`  ${label.padEnd(30)} p50 ${formatMs(summarize(runs).p50)}`)
    }
    print()
    print(`Load average at the end: ${loadAverage()}`)
  } finally {
    console.log(lines.join('\n'))
    await db.close()
  }
  expect(lines.length).toBeGreaterThan(0)
})

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

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await work()
  return performance.now() - started
}

function pad(cells: string[]): string {
  return `  ${cells[0]!.padEnd(12)}${cells
    .slice(1)
    .map((cell) => cell.padStart(11))
    .join('')}`
}

function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')
}
