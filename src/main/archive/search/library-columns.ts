import type { Database } from '../db/database'
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
 * What the library's counts read of every article, in memory: the ids and, at the same index,
 * the article's site, language, publication year, kind of page, read state, whether it has
 * highlights, and its tags. Values are stored once each and referred to by number. Loaded from SQLite when first
 * needed and again whenever library_version (kept by triggers, see db/migrations.ts) has moved
 * on, so a change made by any process is seen.
 */
export interface LibraryColumns {
  version: string
  ids: number[]
  /** Where each id is in `ids`. */
  indexOf: Map<number, number>
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

const loaded = new WeakMap<Database, LibraryColumns>()

/** The columns as of now, reloaded only when something they hold has changed. */
export async function libraryColumns(db: Database): Promise<LibraryColumns> {
  // As text: the version is a 64-bit integer, more than a JavaScript number holds exactly.
  const current = await db.get<{ version: string }>(
    'SELECT CAST(version AS TEXT) AS version FROM library_version',
  )
  // Read before the columns: a change landing in between only makes the next call load again.
  // Without a version to check against (its row removed by hand), nothing is kept.
  if (current === undefined) return loadColumns(db, '')
  const kept = loaded.get(db)
  if (kept && kept.version === current.version) return kept
  const columns = await loadColumns(db, current.version)
  loaded.set(db, columns)
  return columns
}

interface ColumnRow {
  ids: string
  sites: string
  languages: string
  years: string
  pageKinds: string
  read: string
}

async function loadColumns(db: Database, version: string): Promise<LibraryColumns> {
  // One scan of the narrow index, each column as one JSON array: far fewer crossings into
  // JavaScript than a row per article.
  const row = await db.get<ColumnRow>(
    `SELECT json_group_array(id) AS ids, json_group_array(site_name) AS sites,
       json_group_array(language) AS languages, json_group_array(substr(published_at, 1, 4)) AS years,
       json_group_array(page_kind) AS pageKinds, json_group_array(read_at IS NOT NULL) AS read
     FROM articles INDEXED BY articles_filter_fields`,
  )
  const ids = JSON.parse(row?.ids ?? '[]') as number[]
  const count = ids.length
  const siteValues = new Dictionary()
  const site = siteValues.encode(JSON.parse(row?.sites ?? '[]') as (string | null)[])
  const languageValues = new Dictionary()
  const language = languageValues.encode(JSON.parse(row?.languages ?? '[]') as (string | null)[])
  const yearValues = new Dictionary()
  const year = yearValues.encode(JSON.parse(row?.years ?? '[]') as (string | null)[])
  const pageKindValues = new Dictionary()
  const pageKind = pageKindValues.encode(JSON.parse(row?.pageKinds ?? '[]') as (string | null)[])
  const read = Uint8Array.from(JSON.parse(row?.read ?? '[]') as number[])

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

  const indexOf = new Map<number, number>()
  ids.forEach((id, index) => indexOf.set(id, index))

  const annotated = new Uint8Array(count)
  const highlighted = await db.get<{ ids: string }>(
    'SELECT json_group_array(article_id) AS ids FROM (SELECT DISTINCT article_id FROM highlights)',
  )
  for (const id of JSON.parse(highlighted?.ids ?? '[]') as number[]) {
    const index = indexOf.get(id)
    if (index !== undefined) annotated[index] = 1
  }

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

  const pairs = await db.get<{ pairs: string }>(
    'SELECT json_group_array(json_array(article_id, tag_id)) AS pairs FROM article_tags',
  )
  const tagsOf = new Map<number, number[]>()
  for (const [articleId, tagId] of JSON.parse(pairs?.pairs ?? '[]') as [number, number][]) {
    const index = indexOf.get(articleId)
    const tag = tagIndexOfId.get(tagId)
    if (index === undefined || tag === undefined) continue
    const list = tagsOf.get(index)
    if (list) list.push(tag)
    else tagsOf.set(index, [tag])
  }
  const tagStart = new Int32Array(count + 1)
  const tagList = new Int32Array([...tagsOf.values()].reduce((sum, list) => sum + list.length, 0))
  let next = 0
  for (let index = 0; index < count; index++) {
    tagStart[index] = next
    for (const tag of tagsOf.get(index) ?? []) tagList[next++] = tag
  }
  tagStart[count] = next

  return {
    version,
    ids,
    indexOf,
    sites: siteValues.values,
    siteGroups,
    site,
    languages: languageValues.values,
    language,
    years: yearValues.values,
    year,
    pageKinds: pageKindValues.values,
    pageKind,
    read,
    annotated,
    tags,
    tagStart,
    tagList,
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
