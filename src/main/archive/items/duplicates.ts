/**
 * When two bibliographic items are one: the same identifiers (DOI, ISBN, citation key) where both
 * have them, and the same title, first author, year and container. A shared URL alone never makes
 * two items one, and two chapters of one book (one ISBN, two titles) stay two.
 */
import type { CslItem } from '../../../common/csl'
import type { Database } from '../db/database'
import { ITEM_COLUMNS, itemOfRow, mirrorOf, type ItemRow } from './record'

export interface ItemMatch {
  id: number
  title: string
}

/** The first stored item that is `item`, if any. */
export async function findItemDuplicate(db: Database, item: CslItem): Promise<ItemMatch | undefined> {
  const doi = identifier(item.DOI)
  const key = item['citation-key']?.trim()
  const rows = await db.all<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM articles a
     WHERE lower(a.title) = lower($title)
        OR ($doi IS NOT NULL AND a.csl IS NOT NULL AND lower(json_extract(a.csl, '$.DOI')) = $doi)
        OR ($key IS NOT NULL AND a.citation_key = $key)
     ORDER BY a.id LIMIT 50`,
    { $title: mirrorOf(item).title, $doi: doi, $key: key ?? null },
  )
  for (const row of rows) {
    if (sameItem(item, itemOfRow(row))) return { id: row.id, title: row.title }
  }
  return undefined
}

/** Whether two items describe one publication. */
export function sameItem(left: CslItem, right: CslItem): boolean {
  for (const variable of ['DOI', 'ISBN', 'citation-key'] as const) {
    const a = identifier(left[variable])
    const b = identifier(right[variable])
    if (a !== null && b !== null && a !== b) return false
  }
  return (
    left.type === right.type &&
    folded(left.title) === folded(right.title) &&
    folded(left.subtitle) === folded(right.subtitle) &&
    year(left) === year(right) &&
    folded(firstPerson(left)) === folded(firstPerson(right)) &&
    folded(left['container-title']) === folded(right['container-title']) &&
    folded(left.page) === folded(right.page)
  )
}

function identifier(value: string | number | undefined): string | null {
  const text = value === undefined ? '' : String(value).trim().toLowerCase()
  return text === '' ? null : text.replace(/^https?:\/\/(dx\.)?doi\.org\//, '')
}

function folded(value: string | number | undefined): string {
  return value === undefined
    ? ''
    : String(value)
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
}

function year(item: CslItem): string {
  const parts = item.issued?.['date-parts']?.[0]
  return parts?.[0] !== undefined ? String(parts[0]) : (item.issued?.raw ?? item.issued?.literal ?? '')
}

function firstPerson(item: CslItem): string | undefined {
  const name = item.author?.[0] ?? item.editor?.[0]
  return name?.family ?? name?.literal
}
