/**
 * The search benchmark's archive: `count` articles mixed from the corpus paragraphs, Russian and
 * English, with sites, dates, tags and read states. Building 100,000 takes minutes, so the built
 * archive is kept in a cache folder outside the repository, under a name made from a hash of
 * everything that decides its bytes: this generator, the engine code that stores and indexes
 * articles (schema included), the article count and the paragraphs. A change to any of them
 * builds a new one; the caches of other versions are removed then, as each takes about 1 GB.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ExtractedArticle } from '../../src/common/types'
import { insertArticle } from '../../src/main/archive/db/articles'
import type { Database } from '../../src/main/archive/db/database'
import { openArchiveDatabase } from '../../src/main/archive/db/index'
import { addTags } from '../../src/main/archive/db/tags'
import { DATABASE_FILE } from '../../src/main/archive/paths'
import { flushSearchIndex } from '../../src/main/archive/search/indexer'
import type { ParagraphPools } from './corpus'
import { seededRandom } from './stats'

const REPO_ROOT = resolve(__dirname, '..', '..')

/** Files whose content decides what the generator writes, besides the paragraphs and the count. */
const GENERATOR_SOURCES = [
  'bench/lib/search-archive.ts',
  'bench/lib/stats.ts',
  'src/main/archive/db/migrations.ts',
  'src/main/archive/db/articles.ts',
  'src/main/archive/db/tags.ts',
  'src/main/archive/items/record.ts',
  'src/main/archive/search/indexer.ts',
  'src/main/archive/search/normalize.ts',
]

const BATCH = 500

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
/** Tags and the share of articles that carry each. */
const TAGS: [string, number][] = [
  ['region/caucasus', 0.02],
  ['region/europe', 0.05],
  ['energy', 0.03],
  ['politics', 0.1],
  ['sport', 0.04],
]
/** The share of articles marked read. */
const READ_SHARE = 0.3

export interface BenchArchive {
  db: Database
  file: string
  /** How the archive was come by: built now (with its timings) or found in the cache. */
  built: { totalMs: number; indexMs: number; textBytes: number } | null
}

/** The default cache folder: $BENCH_CACHE, else $XDG_CACHE_HOME/lectern-bench, else ~/.cache/lectern-bench. */
export function benchCacheDir(): string {
  if (process.env.BENCH_CACHE) return resolve(process.env.BENCH_CACHE)
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'lectern-bench')
}

/**
 * Open the cached archive of `count` articles, building it first when the cache has none for
 * this generator (or when `rebuild` is set).
 */
export async function openSearchArchive(
  pools: ParagraphPools,
  count: number,
  { cacheDir = benchCacheDir(), rebuild = false, log = console.log } = {},
): Promise<BenchArchive> {
  const name = `search-${count}-${await generatorHash(pools, count)}`
  const folder = join(cacheDir, name)
  const file = join(folder, DATABASE_FILE)
  if (!rebuild && (await isFile(file))) return { db: await openArchiveDatabase(file), file, built: null }

  await mkdir(cacheDir, { recursive: true })
  // Built beside its final place and moved there whole, so an interrupted build is never reused.
  const partial = join(cacheDir, `${name}.partial-${process.pid}`)
  await rm(partial, { recursive: true, force: true })
  await mkdir(partial)
  log(`Building ${count} articles in ${partial} ...`)
  const db = await openArchiveDatabase(join(partial, DATABASE_FILE))
  let built: BenchArchive['built']
  try {
    built = await buildArchive(db, pools, count)
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  } finally {
    await db.close()
  }
  await rm(folder, { recursive: true, force: true })
  await rename(partial, folder)
  for (const entry of await readdir(cacheDir)) {
    if (entry.startsWith(`search-${count}-`) && entry !== name && !entry.includes('.partial-')) {
      await rm(join(cacheDir, entry), { recursive: true, force: true })
    }
  }
  return { db: await openArchiveDatabase(file), file, built }
}

async function generatorHash(pools: ParagraphPools, count: number): Promise<string> {
  const hash = createHash('sha256')
  hash.update(`${count}\n`)
  for (const source of GENERATOR_SOURCES) {
    hash.update(`${source}\n`)
    hash.update(await readFile(join(REPO_ROOT, source)))
  }
  for (const paragraph of [...pools.en, '', ...pools.ru]) hash.update(`${paragraph}\n`)
  return hash.digest('hex').slice(0, 16)
}

async function buildArchive(
  db: Database,
  pools: ParagraphPools,
  count: number,
): Promise<{ totalMs: number; indexMs: number; textBytes: number }> {
  const random = seededRandom(20260207)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const started = performance.now()
  let indexMs = 0
  let textBytes = 0
  const tagged = new Map<string, number[]>(TAGS.map(([name]) => [name, []]))
  const readIds: number[] = []
  for (let first = 0; first < count; first += BATCH) {
    await db.transaction(async () => {
      for (let i = first; i < Math.min(count, first + BATCH); i++) {
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
        if (random() < READ_SHARE) readIds.push(id)
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

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}
