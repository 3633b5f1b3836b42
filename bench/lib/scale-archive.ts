/**
 * A large archive for bench:scale, built once into a cache folder outside the checkout and reused:
 * saved pages (70%) with their original HTML, reading copy, search index entry and text fingerprint,
 * and references (30%) from generated .bib files (journal articles, books, chapters), each file kept
 * once as the original of its entries. Paragraphs come from the corpus, as in bench/search.run.ts.
 * Written through the engine's own storage functions in transactions of BATCH items, as imports
 * write them; a build that did not finish is never reused (it is built under a .partial name).
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CslItem, CslName } from '../../src/common/csl'
import { escapeHtml } from '../../src/common/text'
import type { ExtractedArticle } from '../../src/common/types'
import { insertArticle } from '../../src/main/archive/db/articles'
import { openArchiveDatabase, type Database } from '../../src/main/archive/db/index'
import { MIGRATIONS } from '../../src/main/archive/db/migrations'
import { addTags } from '../../src/main/archive/db/tags'
import { saveFingerprint } from '../../src/main/archive/import/duplicates'
import { textSignature } from '../../src/main/archive/import/signature'
import { mirrorOf, recordText } from '../../src/main/archive/items/record'
import { DATABASE_FILE } from '../../src/main/archive/paths'
import { flushSearchIndex } from '../../src/main/archive/search/indexer'
import type { ParagraphPools } from './corpus'
import { seededRandom } from './stats'

/** Bumped whenever what is built changes, so an old cache is rebuilt instead of measured. */
const BUILD_VERSION = 1

/**
 * The schema's history, one fingerprint per migration. A cache built at an earlier point of the same
 * history is brought up to date by the migrations it lacks (before anything is timed); one whose
 * history differs (migrations renumbered or changed before a release) is built again.
 */
function migrationFingerprints(): string[] {
  return MIGRATIONS.map((migration) =>
    createHash('sha256').update(`${migration.version}\n${migration.sql}`).digest('hex').slice(0, 16),
  )
}

interface BuildMarker {
  version: number
  migrations?: string[]
  items: number
  buildMs: number
}

const BATCH = 1_000
const REFERENCES_PER_FILE = 40
const REFERENCE_SHARE = 0.3

export const SCALE_TAGS: readonly (readonly [string, number])[] = [
  ['region/caucasus', 0.02],
  ['region/europe', 0.05],
  ['energy', 0.03],
  ['politics', 0.1],
  ['sport', 0.04],
]

const EN_SITES = [
  'World Ledger',
  'Harbour Post',
  'Caliber.az',
  'Policy Review',
  'Daily Meridian',
  'Tech Quarterly',
]
const RU_SITES = ['Вестник', 'Городская газета', 'Обозреватель', 'Деловой курьер', 'Спорт-обзор']
const EN_PEOPLE: CslName[] = [
  { family: 'Smith', given: 'Anna' },
  { family: 'Carter', given: 'John' },
  { family: 'Jones', given: 'Mary' },
  { family: 'Brown', given: 'Peter' },
  { family: 'Chen', given: 'Laura' },
]
const RU_PEOPLE: CslName[] = [
  { family: 'Сидорчик', given: 'Андрей' },
  { family: 'Иванова', given: 'Мария' },
  { family: 'Петров', given: 'Олег' },
  { family: 'Смирнова', given: 'Елена' },
]
const JOURNALS = ['Journal of Eurasian Studies', 'Post-Soviet Affairs', 'Вопросы экономики', 'Полис']
const PUBLISHERS = [
  ['Routledge', 'London'],
  ['Oxford University Press', 'Oxford'],
  ['Наука', 'Москва'],
] as const

export interface ScaleArchive {
  /** The archive folder (holds lectern.sqlite). */
  dir: string
  items: number
  /** How long building took when it was built (now or by an earlier run). */
  buildMs: number
  /** True when this run built it. */
  builtNow: boolean
  bytes: number
}

/** Where scale archives are kept: $LECTERN_BENCH_CACHE, or ~/.cache/lectern-bench. */
export function benchCacheDir(env: NodeJS.ProcessEnv): string {
  return env.LECTERN_BENCH_CACHE ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'lectern-bench')
}

/** The archive of `items` items in `cacheDir`, built first when it is not there yet. */
export async function scaleArchive(
  cacheDir: string,
  items: number,
  pools: ParagraphPools,
  log: (line: string) => void,
): Promise<ScaleArchive> {
  const dir = join(cacheDir, `scale-${items}`)
  const marker = join(dir, 'build.json')
  if (existsSync(marker)) {
    const built = JSON.parse(await readFile(marker, 'utf8')) as BuildMarker
    const current = migrationFingerprints()
    const history = built.migrations ?? []
    if (
      built.version === BUILD_VERSION &&
      history.length > 0 &&
      history.every((fingerprint, at) => current[at] === fingerprint)
    ) {
      if (history.length < current.length) {
        log(`Bringing the cached archive in ${dir} up to schema version ${current.length} ...`)
        await (await openArchiveDatabase(join(dir, DATABASE_FILE))).close()
        await writeFile(marker, JSON.stringify({ ...built, migrations: current }))
      }
      return { dir, items, buildMs: built.buildMs, builtNow: false, bytes: await archiveBytes(dir) }
    }
    log(`The cached archive in ${dir} was built by an older bench or another schema; building it again.`)
  }
  await rm(dir, { recursive: true, force: true })
  const partial = `${dir}.partial`
  await rm(partial, { recursive: true, force: true })
  await mkdir(partial, { recursive: true })
  log(`Building ${items.toLocaleString('en')} items in ${partial} ...`)
  const started = performance.now()
  const db = await openArchiveDatabase(join(partial, DATABASE_FILE))
  try {
    await fill(db, items, pools, log)
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  } finally {
    await db.close()
  }
  const buildMs = performance.now() - started
  await writeFile(
    join(partial, 'build.json'),
    JSON.stringify({ version: BUILD_VERSION, migrations: migrationFingerprints(), items, buildMs }),
  )
  await rename(partial, dir)
  return { dir, items, buildMs, builtNow: true, bytes: await archiveBytes(dir) }
}

async function archiveBytes(dir: string): Promise<number> {
  let total = 0
  for (const suffix of ['', '-wal']) {
    const file = join(dir, `${DATABASE_FILE}${suffix}`)
    if (existsSync(file)) total += (await stat(file)).size
  }
  return total
}

async function fill(
  db: Database,
  count: number,
  pools: ParagraphPools,
  log: (line: string) => void,
): Promise<void> {
  const random = seededRandom(20261127 + count)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const tagged = new Map<string, number[]>(SCALE_TAGS.map(([name]) => [name, []]))
  const readIds: number[] = []
  let referenceFile: { bytes: Buffer; sha256: string; name: string } | null = null
  let referencesInFile = 0
  let lastReport = performance.now()
  const started = performance.now()

  for (let first = 0; first < count; first += BATCH) {
    await db.transaction(async () => {
      for (let n = first; n < Math.min(count, first + BATCH); n++) {
        const russian = random() < 0.45
        const pool = russian ? pools.ru : pools.en
        const addedAt = new Date(Date.UTC(2019, 0, 1) + n * 150_000).toISOString()
        let id: number
        if (random() < REFERENCE_SHARE) {
          if (referenceFile === null || referencesInFile === REFERENCES_PER_FILE) {
            referenceFile = bibFile(n, pick(pool), random)
            referencesInFile = 0
          }
          referencesInFile++
          const item = referenceItem(n, russian, pool, random, pick)
          id = await insertReference(db, item, referenceFile, addedAt)
        } else {
          const page = savedPage(n, russian, pool, random, pick)
          id = await insertArticle(db, {
            extracted: page.extracted,
            sourceName: page.name,
            original: { sha256: sha256(page.original), bytes: page.original, name: page.name },
            addedAt,
          })
          await saveFingerprint(db, id, textSignature(page.extracted.contentText))
        }
        for (const [name, share] of SCALE_TAGS) if (random() < share) tagged.get(name)!.push(id)
        if (random() < 0.3) readIds.push(id)
      }
      await flushSearchIndex(db)
    })
    const now = performance.now()
    if (now - lastReport > 60_000) {
      lastReport = now
      const done = Math.min(count, first + BATCH)
      const rate = done / ((now - started) / 1000)
      log(`  ${done.toLocaleString('en')} items, ${rate.toFixed(0)}/s`)
    }
  }
  await db.transaction(async () => {
    for (const [name, ids] of tagged) {
      for (let start = 0; start < ids.length; start += 10_000)
        await addTags(db, ids.slice(start, start + 10_000), [name])
    }
    for (let start = 0; start < readIds.length; start += 10_000) {
      await db.run(
        `UPDATE articles SET read_at = '2026-03-01T00:00:00Z' WHERE id IN (SELECT value FROM json_each(?))`,
        [JSON.stringify(readIds.slice(start, start + 10_000))],
      )
    }
  })
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A saved page: its reading copy and the whole page it came from (head, site menu, article, footer). */
function savedPage(
  n: number,
  russian: boolean,
  pool: readonly string[],
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): { extracted: ExtractedArticle; original: Buffer; name: string } {
  const paragraphs = Array.from({ length: 3 + Math.floor(random() * 8) }, () => pick(pool))
  const contentText = paragraphs.join('\n\n')
  const year = 2010 + Math.floor(random() * 17)
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
  const title = titleFrom(pick(pool))
  const siteName = pick(russian ? RU_SITES : EN_SITES)
  const author = pick(russian ? RU_PEOPLE : EN_PEOPLE)
  const contentHtml = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
  const url = `https://${russian ? 'news.example.ru' : 'news.example.org'}/${year}/${month}/${n}`
  const extracted: ExtractedArticle = {
    format: 'html',
    title,
    subtitle: random() < 0.3 ? titleFrom(pick(pool)) : null,
    authors: [`${author.family}, ${author.given}`],
    siteName,
    section: random() < 0.5 ? (russian ? 'Политика' : 'World') : null,
    publishedAt: random() < 0.95 ? `${year}-${month}-${day}` : null,
    language: russian ? 'ru' : 'en',
    url,
    excerpt: paragraphs[0]!.slice(0, 200),
    rights: null,
    wordCount: contentText.split(/\s+/).length,
    contentText,
    contentHtml,
    warnings: [],
  }
  const original = Buffer.from(
    `<!doctype html><html lang="${extracted.language}"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${escapeHtml(siteName)}</title>
<meta property="og:site_name" content="${escapeHtml(siteName)}"><link rel="canonical" href="${url}">
<meta property="article:published_time" content="${extracted.publishedAt ?? ''}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/economy">Economy</a></nav>
<article><h1>${escapeHtml(title)}</h1><p class="byline">${escapeHtml(extracted.authors[0]!)}</p>
${contentHtml}</article><footer>© ${escapeHtml(siteName)}</footer></body></html>`,
  )
  return { extracted, original, name: `page-${n}.html` }
}

function referenceItem(
  n: number,
  russian: boolean,
  pool: readonly string[],
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): CslItem {
  const people = russian ? RU_PEOPLE : EN_PEOPLE
  const author = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(people))
  const year = 1990 + Math.floor(random() * 36)
  const kind = random()
  const base: CslItem = {
    id: `ref${n}`,
    type: 'article-journal',
    'citation-key': `${author[0]!.family}${year}ref${n}`,
    title: titleFrom(pick(pool)),
    author,
    issued: { 'date-parts': [[year]] },
    language: russian ? 'ru' : 'en',
    ...(random() < 0.5 ? { abstract: pick(pool) } : {}),
  }
  if (kind < 0.6)
    return {
      ...base,
      'container-title': pick(JOURNALS),
      volume: String(1 + Math.floor(random() * 40)),
      issue: String(1 + Math.floor(random() * 12)),
      page: `${10 + Math.floor(random() * 200)}-${220 + Math.floor(random() * 40)}`,
      DOI: `10.5555/bench.${n}`,
    }
  const [publisher, place] = pick(PUBLISHERS)
  if (kind < 0.85) return { ...base, type: 'book', publisher, 'publisher-place': place }
  return {
    ...base,
    type: 'chapter',
    'container-title': titleFrom(pick(pool)),
    editor: [pick(people)],
    publisher,
    'publisher-place': place,
    page: `${1 + Math.floor(random() * 100)}-${120 + Math.floor(random() * 30)}`,
  }
}

/** The bytes of a .bib file that stands for the file a run of references came from. */
function bibFile(
  n: number,
  paragraph: string,
  random: () => number,
): { bytes: Buffer; sha256: string; name: string } {
  const entries = Array.from(
    { length: REFERENCES_PER_FILE },
    (_, k) =>
      `@article{ref${n + k},\n  title = {${titleFrom(paragraph)} ${k}},\n  author = {Smith, Anna},\n  year = {${1990 + Math.floor(random() * 36)}},\n  journal = {${JOURNALS[k % JOURNALS.length]}},\n  abstract = {${paragraph}}\n}\n`,
  )
  const bytes = Buffer.from(entries.join('\n'))
  return { bytes, sha256: sha256(bytes), name: `library-${n}.bib` }
}

/** Stored as import/references.ts stores an entry: its record, citation key and searchable text. */
function insertReference(
  db: Database,
  item: CslItem,
  file: { bytes: Buffer; sha256: string; name: string },
  addedAt: string,
): Promise<number> {
  const { id: _id, 'citation-key': citationKey, ...record } = item
  const abstract = typeof item.abstract === 'string' ? item.abstract : ''
  return insertArticle(db, {
    extracted: {
      format: 'text',
      ...mirrorOf(item),
      excerpt: abstract ? abstract.slice(0, 300) : null,
      rights: null,
      wordCount: abstract ? abstract.split(' ').length : 0,
      contentText: recordText(item),
      contentHtml: abstract ? `<p>${escapeHtml(abstract)}</p>` : '',
      warnings: [],
    },
    format: 'reference',
    sourceName: file.name,
    original: { sha256: file.sha256, bytes: file.bytes, name: file.name },
    addedAt,
    record,
    citationKey: citationKey ?? null,
  })
}

function titleFrom(paragraph: string): string {
  return paragraph
    .split(/\s+/)
    .slice(0, 4 + (paragraph.length % 7))
    .join(' ')
    .replace(/[,.:;]$/, '')
}
