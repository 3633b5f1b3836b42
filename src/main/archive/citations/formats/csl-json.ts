/** CSL-JSON in and out: an array of items, one item, or `{"items": [...]}`; items written as they are. */
import { CSL_ITEM_TYPES, type CslItem, type CslItemType } from '../../../../common/csl'
import type { ReferenceProblem } from './problems'

const ITEM_TYPES = new Set<string>(CSL_ITEM_TYPES)

export interface CslJsonReadResult {
  items: CslItem[]
  problems: ReferenceProblem[]
}

/** The items of parsed CSL-JSON data; undefined when the data is not CSL-JSON at all. */
export function readCslJson(data: unknown): CslJsonReadResult | undefined {
  const list = Array.isArray(data)
    ? data
    : isRecord(data) && Array.isArray(data.items)
      ? data.items
      : isRecord(data)
        ? [data]
        : undefined
  if (!list) return undefined
  const items: CslItem[] = []
  const problems: ReferenceProblem[] = []
  const ids = new Set<string>()
  list.forEach((value: unknown, index) => {
    const number = index + 1
    if (!isRecord(value)) {
      problems.push({
        severity: 'error',
        entry: `item ${number}`,
        message: `item ${number} is not an object`,
      })
      return
    }
    if (typeof value.title !== 'string' && !Array.isArray(value.author)) {
      problems.push({
        severity: 'error',
        entry: `item ${number}`,
        message: `item ${number} has neither a title nor authors`,
      })
      return
    }
    const fileId = typeof value.id === 'string' || typeof value.id === 'number' ? String(value.id) : undefined
    const item = { ...value } as CslItem
    let id = fileId ?? `item-${number}`
    if (ids.has(id)) {
      problems.push({
        severity: 'warning',
        entry: id,
        message: `item ${number} ("${id}"): another item has the same id`,
      })
      for (let suffix = 2; ids.has(id); suffix++) id = `${fileId ?? 'item'}-${suffix}`
    }
    ids.add(id)
    item.id = id
    if (typeof value.type !== 'string' || !ITEM_TYPES.has(value.type)) {
      problems.push({
        severity: 'warning',
        entry: id,
        message: `item ${number} ("${id}"): the type "${String(value.type ?? '')}" is not a CSL type; it is read as "document"`,
      })
      item.type = 'document' satisfies CslItemType
    }
    // An id that is a word, not a number, is the key the file cites the item by.
    if (typeof value['citation-key'] !== 'string' && typeof value.id === 'string' && !/^\d+$/.test(value.id))
      item['citation-key'] = value.id
    items.push(item)
  })
  return { items, problems }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** CSL-JSON export: the items as they are, subtitle kept apart, two-space indented. */
export function toCslJson(items: readonly CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n'
}
