import type { FacetCount, FacetQuery, Facets, TagCount } from '../../../common/types'
import type { Database } from '../db/database'
import { compareTagNames, parentTagName } from '../db/tags'
import { filterConditions } from './filters'
import { ensureSearchIndex } from './indexer'
import { COLUMN_LOADING, libraryColumns, type ColumnLoading, type LibraryColumns } from './library-columns'
import { selectArticles, selectedIds } from './selection'

/** Longer value lists (sites of a huge archive) are cut to the most frequent. */
const MAX_VALUES = 500

/**
 * How many articles the query and filters select, in total and split by tag, site, language,
 * publication year, kind of page, read state and annotation.
 */
export async function countFacets(
  db: Database,
  query: FacetQuery,
  loading: ColumnLoading = COLUMN_LOADING,
): Promise<Facets> {
  const text = query.query?.trim() ?? ''
  if (text !== '') await ensureSearchIndex(db)
  // Outside the lock: loading the columns of a large archive leaves room for other calls. A change
  // landing between the load and the count shows in the next call's counts.
  const columns = await libraryColumns(db, loading)
  return db.exclusive(async () => {
    const selection = await selectArticles(db, text, filterConditions(query))
    return countSelected(columns, await selectedIds(db, selection))
  })
}

/**
 * The counts of a selection of articles (null: all of them), from the library's columns in
 * memory: one pass over the selected ids, whatever their number.
 */
export function countSelected(columns: LibraryColumns, ids: readonly number[] | null): Facets {
  const counts = new Counts(columns)
  if (ids === null) {
    for (let position = 0; position < columns.ids.length; position++) counts.add(position)
  } else {
    for (const id of ids) {
      const position = columns.positionOf(id)
      if (position !== -1) counts.add(position)
    }
  }
  return counts.facets()
}

class Counts {
  private total = 0
  private read = 0
  private annotated = 0
  private readonly perSiteGroup: number[]
  /** Per site group, the article with the highest id: its spelling names the group. */
  private readonly newestInSiteGroup: number[]
  private readonly perLanguage: number[]
  private readonly perYear: number[]
  private readonly perPageKind: number[]
  private readonly perTag: number[]
  private readonly perSubtree: number[]
  /** The last article (index + 1) counted in each subtree, so an article counts there once. */
  private readonly lastInSubtree: Int32Array

  constructor(private readonly columns: LibraryColumns) {
    const groups = columns.siteGroups.reduce((most, group) => Math.max(most, group + 1), 0)
    this.perSiteGroup = new Array<number>(groups).fill(0)
    this.newestInSiteGroup = new Array<number>(groups).fill(-1)
    this.perLanguage = new Array<number>(columns.languages.length).fill(0)
    this.perYear = new Array<number>(columns.years.length).fill(0)
    this.perPageKind = new Array<number>(columns.pageKinds.length).fill(0)
    this.perTag = new Array<number>(columns.tags.length).fill(0)
    this.perSubtree = new Array<number>(columns.tags.length).fill(0)
    this.lastInSubtree = new Int32Array(columns.tags.length)
  }

  add(index: number): void {
    const { columns } = this
    this.total++
    this.read += columns.read[index]!
    this.annotated += columns.annotated[index]!
    const group = columns.siteGroups[columns.site[index]!]!
    this.perSiteGroup[group]!++
    const newest = this.newestInSiteGroup[group]!
    if (newest === -1 || columns.ids[index]! > columns.ids[newest]!) this.newestInSiteGroup[group] = index
    this.perLanguage[columns.language[index]!]!++
    this.perYear[columns.year[index]!]!++
    this.perPageKind[columns.pageKind[index]!]!++
    for (let at = columns.tagStart[index]!; at < columns.tagStart[index + 1]!; at++) {
      const tag = columns.tagList[at]!
      this.perTag[tag]!++
      for (const subtree of columns.tags[tag]!.selfAndAncestors) {
        if (this.lastInSubtree[subtree] === index + 1) continue
        this.lastInSubtree[subtree] = index + 1
        this.perSubtree[subtree]!++
      }
    }
  }

  facets(): Facets {
    const { columns } = this
    const tags: TagCount[] = columns.tags
      .map((tag, index) => ({
        name: tag.name,
        count: this.perTag[index]!,
        total: this.perSubtree[index]!,
        parent: parentTagName(tag.name),
        color: tag.color,
      }))
      .sort((a, b) => compareTagNames(a.name, b.name))
    const sites = this.newestInSiteGroup.flatMap((newest, group) =>
      newest === -1
        ? []
        : [{ value: columns.sites[columns.site[newest]!]!, count: this.perSiteGroup[group]! }],
    )
    const years = mostFrequent(valueCounts(columns.years, this.perYear))
    years.sort((a, b) => (b.value ?? '').localeCompare(a.value ?? ''))
    return {
      total: this.total,
      tags,
      // Spellings that differ only in case count as one site, named as its newest article spells it.
      sites: mostFrequent(sites),
      languages: mostFrequent(valueCounts(columns.languages, this.perLanguage)),
      years,
      pageKinds: mostFrequent(valueCounts(columns.pageKinds, this.perPageKind)),
      read: this.read,
      unread: this.total - this.read,
      withNotes: this.annotated,
      withoutNotes: this.total - this.annotated,
    }
  }
}

function valueCounts(values: readonly (string | null)[], counts: readonly number[]): FacetCount[] {
  return values.flatMap((value, index) => (counts[index]! > 0 ? [{ value, count: counts[index]! }] : []))
}

/** Most frequent first, ties by value as SQLite orders text (missing first, then by UTF-8 bytes). */
function mostFrequent(counts: FacetCount[]): FacetCount[] {
  return counts.sort((a, b) => b.count - a.count || compareAsSqlite(a.value, b.value)).slice(0, MAX_VALUES)
}

function compareAsSqlite(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return -1
  if (b === null) return 1
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}
