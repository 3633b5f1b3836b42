/**
 * The bibliographic item behind every article row. A row with a stored record (csl) is that record; a
 * saved page without one is described from its own fields (title, authors, site, dates), its access
 * date and its citation kind. The library's columns (title, authors, site, date) mirror the record, so
 * lists, filters and search read the same values the citations print.
 */
import type { CslDate, CslItem, CslItemType, CslName } from '../../../common/csl'
import { CSL_ITEM_TYPES, firstDateParts } from '../../../common/csl'
import {
  PAGE_KINDS,
  type CiteKind,
  type ExtractedArticle,
  type PageKind,
  type SourceFormat,
} from '../../../common/types'
import { articleToCsl } from '../citations/csl-item'

/** The columns an item is read from (articles.*). */
export interface ItemRow {
  id: number
  title: string
  subtitle: string | null
  authors: string
  site_name: string | null
  section: string | null
  published_at: string | null
  language: string | null
  url: string | null
  format: string
  added_at: string
  accessed_at: string | null
  cite_kind: string | null
  csl: string | null
  citation_key: string | null
  page_kind: string | null
}

/** The item columns of a query over `articles a`. */
export const ITEM_COLUMNS = `a.id, a.title, a.subtitle, a.authors, a.site_name, a.section, a.published_at, a.language,
  a.url, a.format, a.added_at, a.accessed_at, a.cite_kind, a.csl, a.citation_key, a.page_kind`

const ITEM_TYPES: ReadonlySet<string> = new Set(CSL_ITEM_TYPES)

/** A stored page kind, or null for none (or one this version does not know). */
export function pageKindOf(value: string | null): PageKind | null {
  return value !== null && (PAGE_KINDS as readonly string[]).includes(value) ? (value as PageKind) : null
}

/** The stored record of a row, or null when it has none (or it cannot be read). */
export function storedRecord(csl: string | null): Omit<CslItem, 'id'> | null {
  if (csl === null) return null
  try {
    const value: unknown = JSON.parse(csl)
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null
    const record = value as Partial<CslItem>
    return {
      ...record,
      type: ITEM_TYPES.has(String(record.type)) ? (record.type as CslItemType) : 'document',
    }
  } catch {
    return null
  }
}

/** The item of a row, with the row's id as its id and the row's citation key. */
export function itemOfRow(row: ItemRow): CslItem {
  const record = storedRecord(row.csl)
  const item: CslItem = record
    ? { ...record, id: String(row.id) }
    : articleToCsl(
        {
          id: row.id,
          title: row.title,
          subtitle: row.subtitle,
          authors: parseStringList(row.authors),
          siteName: row.site_name,
          section: row.section,
          publishedAt: row.published_at,
          language: row.language,
          url: row.url,
          // A reference without a record keeps its kind in cite_kind; the format only helps guess a page's.
          format: row.format === 'reference' ? undefined : (row.format as SourceFormat),
          addedAt: row.added_at,
          pageKind: pageKindOf(row.page_kind),
        },
        { accessed: row.accessed_at ?? undefined, kind: (row.cite_kind as CiteKind | null) ?? undefined },
      )
  if (row.citation_key) item['citation-key'] = row.citation_key
  else delete item['citation-key']
  return item
}

/**
 * The record of a page whose extraction found what it is as a publication (a paper's DOI, journal,
 * volume and pages): the page's own item with those variables; undefined when it found nothing.
 */
export function pageRecord(extracted: ExtractedArticle, addedAt: string): Omit<CslItem, 'id'> | undefined {
  if (!extracted.bibliographic || Object.keys(extracted.bibliographic).length === 0) return undefined
  const { id: _id, ...page } = articleToCsl({ ...extracted, id: 0, addedAt })
  const record: Omit<CslItem, 'id'> = { ...page, ...extracted.bibliographic }
  // A whole book, thesis or report is not "in" the site it was saved from.
  if (WHOLE_WORKS.has(record.type) && !extracted.bibliographic['container-title'])
    delete record['container-title']
  return record
}

const WHOLE_WORKS: ReadonlySet<CslItemType> = new Set(['book', 'thesis', 'report', 'dataset', 'software'])

const KIND_OF_TYPE: Partial<Record<CslItemType, CiteKind>> = {
  'article-newspaper': 'news',
  webpage: 'webpage',
  'post-weblog': 'blog',
  report: 'report',
  document: 'document',
}

/**
 * The access date and the page kind as the article's fields show them: from the record when there is
 * one (a kind no page kind names is null there: see the item's type), from their columns otherwise.
 */
export function citationFieldsOf(
  row: ItemRow,
  item: CslItem,
): { accessedAt: string | null; citeKind: CiteKind | null } {
  if (row.csl === null) return { accessedAt: row.accessed_at, citeKind: row.cite_kind as CiteKind | null }
  const accessed = isoDate(item.accessed)
  return {
    accessedAt: accessed && /^\d{4}-\d{2}-\d{2}$/.test(accessed) ? accessed : null,
    citeKind: KIND_OF_TYPE[item.type] ?? null,
  }
}

/** What the library's columns show of an item. */
export interface MirrorColumns {
  title: string
  subtitle: string | null
  authors: string[]
  siteName: string | null
  section: string | null
  publishedAt: string | null
  language: string | null
  url: string | null
}

/** The library's columns for an item: title, people, where it appeared, when, in which language. */
export function mirrorOf(item: CslItem): MirrorColumns {
  const people = item.author?.length ? item.author : (item.editor ?? [])
  return {
    title: text(item.title) ?? text(item['container-title']) ?? text(item['citation-key']) ?? 'Untitled',
    subtitle: text(item.subtitle),
    authors: people.map(nameText).filter((name) => name !== ''),
    siteName: text(item['container-title']) ?? text(item.publisher),
    section: text(item.section),
    publishedAt: isoDate(item.issued),
    language: languageCode(item.language),
    url: text(item.URL),
  }
}

/** "Family, Given" (particles with the family name, then a suffix), or the literal name: the form
 * the library shows and that parseName (citations/csl-item.ts) reads back exactly. */
export function nameText(name: CslName): string {
  if (name.literal) return name.literal.trim()
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ').trim()
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ').trim()
  if (!family) return given
  return [family, given, name.suffix].filter(Boolean).join(', ')
}

/** An ISO 639 code ("en", "ru") from a CSL language ("en-GB", "ru"); null for anything else. */
export function languageCode(language: string | undefined): string | null {
  const match = /^([a-z]{2,3})(?:[-_]|$)/i.exec(language?.trim() ?? '')
  return match ? match[1]!.toLowerCase() : null
}

/** "2024", "2024-03" or "2024-03-07" from a CSL date; a raw ISO-like text gives its date; otherwise null. */
export function isoDate(date: CslDate | undefined): string | null {
  const parts = firstDateParts(date)
  if (parts && parts[0]! > 0 && parts[0]! < 10_000) {
    const [year, month, day] = parts
    let iso = String(year).padStart(4, '0')
    if (month !== undefined && month >= 1 && month <= 12) {
      iso += `-${String(month).padStart(2, '0')}`
      if (day !== undefined && day >= 1 && day <= 31) iso += `-${String(day).padStart(2, '0')}`
    }
    return iso
  }
  const raw = (date?.raw ?? date?.literal ?? '').trim()
  const match = /^(\d{4})(-\d{2}(-\d{2})?)?\b/.exec(raw)
  return match && match[1] !== '0000' ? match[0] : null
}

/**
 * The searchable text of an item without a page: its abstract, keywords and note, its series and event,
 * and its identifiers (title, people and where it appeared are searched in their own columns).
 */
export function recordText(item: CslItem): string {
  return [
    item.abstract,
    item.keyword,
    item.note,
    item['collection-title'],
    item['event-title'],
    item.genre,
    item.DOI,
    item.ISBN,
  ]
    .map(text)
    .filter((part): part is string => part !== null)
    .join('\n\n')
}

function text(value: string | number | undefined): string | null {
  if (value === undefined) return null
  const trimmed = String(value).replace(/\s+/g, ' ').trim()
  return trimmed === '' ? null : trimmed
}

function parseStringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
  } catch {
    return []
  }
}
