import type { Database } from '../db/database'
import { countArticles } from '../db/articles'
import { TAG_PATH_SEPARATOR } from '../db/tags'

/** A site name as SQLite's NOCASE collation compares it: ASCII letters folded, nothing else. */
function nocaseKey(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
}

/** One tag and the tags whose subtree counts include its articles. */
export interface ColumnTag {
  name: string
  color: string | null
  /** Indexes (into LibraryColumns.tags) of this tag and of every tag it is nested under. */
  selfAndAncestors: number[]
}

/**
 * What the library's counts read of every article, in memory: the ids in ascending order and, at
 * the same position, the article's site, language, publication year, kind of page, read state,
 * whether it has highlights, and its tags. Values are stored once each and referred to by number. Loaded from
 * SQLite when first needed and again whenever library_version (kept by triggers, see
 * db/migrations.ts) has moved on, so a change made by any process is seen.
 */
export interface LibraryColumns {
  version: string
  ids: Float64Array
  /** Where an id is in `ids`, or -1. */
  positionOf: (id: number) => number
  /** Site spellings; `siteGroups[i]` is the NOCASE group spelling i counts in. */
  sites: (string | null)[]
  siteGroups: number[]
  site: Int32Array
  languages: (string | null)[]
  language: Int32Array
  /** Publication years as the counts group them: substr(published_at, 1, 4). */
  years: (string | null)[]
  year: Int32Array
  pageKinds: (string | null)[]
  pageKind: Int32Array
  read: Uint8Array
  annotated: Uint8Array
  tags: ColumnTag[]
  /** Article i carries tags tagList[tagStart[i]] up to tagList[tagStart[i + 1]]. */
  tagStart: Int32Array
  tagList: Int32Array
}

/** How the columns are read: a bounded number of rows per statement, so other calls get in between. */
export interface ColumnLoading {
  chunkRows: number
  /**
   * Up to this many articles, a list call that wants the counts loads the columns itself (a few
   * tens of milliseconds); above it the list answers without them and they load in the background.
   */
  inlineUpTo: number
}

// At a million items the whole load takes about a second of this machine's time; 50,000 rows a
// statement is some 40 ms, the most another call waits behind it.
export const COLUMN_LOADING: ColumnLoading = { chunkRows: 50_000, inlineUpTo: 50_000 }

const loaded = new WeakMap<Database, LibraryColumns>()
/** A load under way, and the version it reads. */
const inFlight = new WeakMap<Database, { version: string; columns: Promise<LibraryColumns> }>()

/** The version the columns must be at; null when its row is gone (then nothing is kept). */
async function currentVersion(db: Database): Promise<string | null> {
  // As text: the version is a 64-bit integer, more than a JavaScript number holds exactly.
  const row = await db.get<{ version: string }>(
    'SELECT CAST(version AS TEXT) AS version FROM library_version',
  )
  return row?.version ?? null
}

/**
 * The columns as of now, loaded only when something they hold has changed. The load reads a chunk
 * per statement and other calls run in between; never call this inside `db.exclusive` (it may wait
 * for a load whose reads queue behind the lock).
 */
export async function libraryColumns(
  db: Database,
  loading: ColumnLoading = COLUMN_LOADING,
): Promise<LibraryColumns> {
  // Read before the columns: a change landing in between only makes the next call load again.
  const version = await currentVersion(db)
  if (version === null) return loadColumns(db, '', loading)
  const kept = loaded.get(db)
  if (kept && kept.version === version) return kept
  const running = inFlight.get(db)
  if (running && running.version === version) return running.columns
  const columns = loadColumns(db, version, loading).then(
    (fresh) => {
      // Kept only if no newer load started meanwhile: an older version never replaces a newer one.
      if (inFlight.get(db)?.columns === columns) {
        inFlight.delete(db)
        loaded.set(db, fresh)
      }
      return fresh
    },
    (error: unknown) => {
      if (inFlight.get(db)?.columns === columns) inFlight.delete(db)
      throw error
    },
  )
  inFlight.set(db, { version, columns })
  return columns
}

/**
 * The columns if they are current, for a call inside `db.exclusive` that must answer now: loaded
 * on the spot for a small archive, null for a large one whose columns are not loaded yet (see
 * loadLibraryColumnsLater).
 */
export async function currentLibraryColumns(
  db: Database,
  loading: ColumnLoading = COLUMN_LOADING,
): Promise<LibraryColumns | null> {
  const version = await currentVersion(db)
  const kept = loaded.get(db)
  if (version !== null && kept?.version === version) return kept
  if ((await countArticles(db)) > loading.inlineUpTo) return null
  // Read here, not by waiting for a load under way: that load's reads queue behind this call's lock.
  const columns = await loadColumns(db, version ?? '', loading)
  if (version !== null) loaded.set(db, columns)
  return columns
}

/** Start loading the columns without waiting for them; a failure shows at the next call that waits. */
export function loadLibraryColumnsLater(db: Database, loading: ColumnLoading = COLUMN_LOADING): void {
  libraryColumns(db, loading).catch(() => undefined)
}

interface ChunkRow {
  rows: number
  last: number | null
  ids: string
  sites: string
  languages: string
  years: string
  pageKinds: string
  read: string
}

/** One chunk of articles, in id order, and the tags each carries. */
interface ColumnChunk {
  ids: Float64Array
  site: Int32Array
  language: Int32Array
  year: Int32Array
  pageKind: Int32Array
  read: Uint8Array
  tagCounts: Int32Array
  tagList: Int32Array
}

async function loadColumns(db: Database, version: string, loading: ColumnLoading): Promise<LibraryColumns> {
  const tagRows = await db.all<{ id: number; name: string; name_key: string; color: string | null }>(
    'SELECT id, name, name_key, color FROM tags',
  )
  const tagIndexOfKey = new Map(tagRows.map((tag, index) => [tag.name_key, index]))
  const tagIndexOfId = new Map(tagRows.map((tag, index) => [tag.id, index]))
  const tags = tagRows.map((tag) => ({
    name: tag.name,
    color: tag.color,
    selfAndAncestors: pathPrefixes(tag.name_key).flatMap((key) => {
      const found = tagIndexOfKey.get(key)
      return found === undefined ? [] : [found]
    }),
  }))

  const siteValues = new Dictionary()
  const languageValues = new Dictionary()
  const yearValues = new Dictionary()
  const pageKindValues = new Dictionary()
  const chunks: ColumnChunk[] = []
  let after = Number.MIN_SAFE_INTEGER
  for (;;) {
    // Each column of the chunk as one JSON array, read from the narrow index in id order: far
    // fewer crossings into JavaScript than a row per article.
    const row = await db.get<ChunkRow>(
      `SELECT count(*) AS rows, max(id) AS last, json_group_array(id) AS ids,
         json_group_array(site_name) AS sites, json_group_array(language) AS languages,
         json_group_array(substr(published_at, 1, 4)) AS years, json_group_array(page_kind) AS pageKinds,
         json_group_array(read_at IS NOT NULL) AS read
       FROM (SELECT id, site_name, language, published_at, page_kind, read_at
             FROM articles INDEXED BY articles_filter_fields WHERE id > ? ORDER BY id LIMIT ?)`,
      [after, loading.chunkRows],
    )
    if (!row || row.rows === 0 || row.last === null) break
    const ids = Float64Array.from(JSON.parse(row.ids) as number[])
    const pairs = await db.get<{ articles: string; tags: string }>(
      `SELECT json_group_array(article_id) AS articles, json_group_array(tag_id) AS tags
       FROM (SELECT article_id, tag_id FROM article_tags WHERE article_id > ? AND article_id <= ?
             ORDER BY article_id)`,
      [after, row.last],
    )
    chunks.push({
      ids,
      site: siteValues.encode(JSON.parse(row.sites) as (string | null)[]),
      language: languageValues.encode(JSON.parse(row.languages) as (string | null)[]),
      year: yearValues.encode(JSON.parse(row.years) as (string | null)[]),
      pageKind: pageKindValues.encode(JSON.parse(row.pageKinds) as (string | null)[]),
      read: Uint8Array.from(JSON.parse(row.read) as number[]),
      ...chunkTags(
        ids,
        JSON.parse(pairs?.articles ?? '[]') as number[],
        (JSON.parse(pairs?.tags ?? '[]') as number[]).map((tagId) => tagIndexOfId.get(tagId) ?? -1),
      ),
    })
    after = row.last
    if (row.rows < loading.chunkRows) break
  }

  const ids = concat(Float64Array, chunks, (chunk) => chunk.ids)
  const positionOf = idPositions(ids)
  const tagCounts = concat(Int32Array, chunks, (chunk) => chunk.tagCounts)
  const tagStart = new Int32Array(ids.length + 1)
  for (let position = 0; position < ids.length; position++)
    tagStart[position + 1] = tagStart[position]! + tagCounts[position]!

  const annotated = new Uint8Array(ids.length)
  const highlighted = await db.get<{ ids: string }>(
    'SELECT json_group_array(article_id) AS ids FROM (SELECT DISTINCT article_id FROM highlights)',
  )
  for (const id of JSON.parse(highlighted?.ids ?? '[]') as number[]) {
    const position = positionOf(id)
    if (position !== -1) annotated[position] = 1
  }

  const groupOfKey = new Map<string | null, number>()
  const siteGroups = siteValues.values.map((value) => {
    const key = value === null ? null : nocaseKey(value)
    let group = groupOfKey.get(key)
    if (group === undefined) {
      group = groupOfKey.size
      groupOfKey.set(key, group)
    }
    return group
  })

  return {
    version,
    ids,
    positionOf,
    sites: siteValues.values,
    siteGroups,
    site: concat(Int32Array, chunks, (chunk) => chunk.site),
    languages: languageValues.values,
    language: concat(Int32Array, chunks, (chunk) => chunk.language),
    years: yearValues.values,
    year: concat(Int32Array, chunks, (chunk) => chunk.year),
    pageKinds: pageKindValues.values,
    pageKind: concat(Int32Array, chunks, (chunk) => chunk.pageKind),
    read: concat(Uint8Array, chunks, (chunk) => chunk.read),
    annotated,
    tags,
    tagStart,
    tagList: concat(Int32Array, chunks, (chunk) => chunk.tagList),
  }
}

/**
 * How many tags each article of a chunk carries and the tags themselves in article order, from
 * the chunk's (article, tag) pairs sorted by article. A pair of an article not in the chunk (added
 * between the two reads) or of an unknown tag is left out.
 */
function chunkTags(
  ids: Float64Array,
  pairArticles: readonly number[],
  pairTags: readonly number[],
): Pick<ColumnChunk, 'tagCounts' | 'tagList'> {
  const tagCounts = new Int32Array(ids.length)
  const tagList: number[] = []
  let position = 0
  pairArticles.forEach((articleId, pair) => {
    while (position < ids.length && ids[position]! < articleId) position++
    const tag = pairTags[pair]!
    if (position === ids.length || ids[position] !== articleId || tag === -1) return
    tagCounts[position]!++
    tagList.push(tag)
  })
  return { tagCounts, tagList: Int32Array.from(tagList) }
}

type TypedArray = Float64Array | Int32Array | Uint8Array

function concat<T extends TypedArray>(
  make: new (length: number) => T,
  chunks: readonly ColumnChunk[],
  part: (chunk: ColumnChunk) => T,
): T {
  const joined = new make(chunks.reduce((sum, chunk) => sum + part(chunk).length, 0))
  let offset = 0
  for (const chunk of chunks) {
    joined.set(part(chunk), offset)
    offset += part(chunk).length
  }
  return joined
}

/**
 * Finds an id's position in ascending `ids`: a table indexed by id where ids are dense enough
 * (4 bytes per possible id), a binary search where they are sparse.
 */
export function idPositions(ids: Float64Array): (id: number) => number {
  const count = ids.length
  const largest = count === 0 ? 0 : ids[count - 1]!
  if (count > 0 && ids[0]! >= 0 && largest <= 4 * count + 1024) {
    const table = new Int32Array(largest + 1).fill(-1)
    ids.forEach((id, position) => (table[id] = position))
    return (id) => (Number.isInteger(id) && id >= 0 && id <= largest ? table[id]! : -1)
  }
  return (id) => {
    let low = 0
    let high = count - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const found = ids[middle]!
      if (found === id) return middle
      if (found < id) low = middle + 1
      else high = middle - 1
    }
    return -1
  }
}

/** "a/b/c" -> "a", "a/b", "a/b/c": the keys of a tag and of the tags it is nested under. */
function pathPrefixes(key: string): string[] {
  const prefixes: string[] = []
  let end = key.indexOf(TAG_PATH_SEPARATOR)
  while (end !== -1) {
    prefixes.push(key.slice(0, end))
    end = key.indexOf(TAG_PATH_SEPARATOR, end + 1)
  }
  prefixes.push(key)
  return prefixes
}

/** Distinct values numbered in order of first appearance. */
class Dictionary {
  readonly values: (string | null)[] = []
  private readonly numbers = new Map<string | null, number>()

  encode(column: readonly (string | null)[]): Int32Array {
    const encoded = new Int32Array(column.length)
    column.forEach((value, index) => {
      let number = this.numbers.get(value)
      if (number === undefined) {
        number = this.values.length
        this.values.push(value)
        this.numbers.set(value, number)
      }
      encoded[index] = number
    })
    return encoded
  }
}
