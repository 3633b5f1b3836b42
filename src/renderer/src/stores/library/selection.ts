import { computed, shallowRef, type Ref } from 'vue'
import { getClient } from '../../api/client'
import {
  EMPTY_SELECTION,
  isSelected,
  rangeFromAnchor,
  selectAll,
  selectedCount as countSelected,
  selectRange,
  toggleRow,
  type Selection,
} from '../../lib/virtualSelection'
import type { ListRow } from './pages'
import { viewScope, type LibraryView } from './view'

/** listArticles' largest page: used to collect every id of a "select all". */
const ID_PAGE_SIZE = 1_000
/** Ids per bulk call, so one request never carries a huge id list. */
const BULK_CHUNK = 1_000

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}

/** The checked rows of the library list and the bulk actions on them. */
export function createSelection(list: {
  view: Ref<LibraryView>
  total: Ref<number>
  rowAt: (index: number) => ListRow | undefined
  loadRows: (from: number, to: number) => Promise<boolean>
}) {
  const { view } = list
  const selection = shallowRef<Selection>(EMPTY_SELECTION)
  const selectedCount = computed(() => countSelected(selection.value, list.total.value))

  function isRowSelected(id: number): boolean {
    return isSelected(selection.value, id)
  }

  function toggleSelected(id: number, index: number): void {
    selection.value = toggleRow(selection.value, id, index)
  }

  /** Shift-click: the rows between the anchor and `index` (pages not loaded yet are fetched). */
  async function selectTo(index: number): Promise<void> {
    const { from, to } = rangeFromAnchor(selection.value, index)
    if (!(await list.loadRows(from, to))) return
    const ids: number[] = []
    for (let row = from; row <= to; row++) {
      const found = list.rowAt(row)
      if (found) ids.push(found.id)
    }
    selection.value = selectRange(selection.value, index, ids)
  }

  function selectEverything(): void {
    selection.value = selectAll()
  }

  function clearSelection(): void {
    selection.value = EMPTY_SELECTION
  }

  /** The checked ids; a "select all" asks the engine for every id the view holds. */
  async function selectedIds(): Promise<number[]> {
    const current = selection.value
    if (!current.allSelected) return [...current.ids]
    const ids: number[] = []
    const scope = viewScope(view.value)
    for (let offset = 0; ; offset += ID_PAGE_SIZE) {
      const page = await getClient().listArticles({ ...scope, offset, limit: ID_PAGE_SIZE })
      for (const article of page.items) if (!current.ids.has(article.id)) ids.push(article.id)
      if (page.items.length < ID_PAGE_SIZE || offset + ID_PAGE_SIZE >= page.total) break
    }
    return ids
  }

  /** Run a bulk call over the checked articles in chunks; returns how many were affected. */
  async function bulk(run: (ids: number[]) => Promise<unknown>): Promise<number> {
    const ids = await selectedIds()
    for (const part of chunks(ids, BULK_CHUNK)) await run(part)
    return ids.length
  }

  function bulkTag(tagName: string, add: boolean): Promise<number> {
    return bulk((ids) => getClient().tagArticles(add ? { ids, add: [tagName] } : { ids, remove: [tagName] }))
  }

  function bulkSetRead(read: boolean): Promise<number> {
    return bulk((ids) => getClient().setRead({ ids, read }))
  }

  function bulkAddToCollection(collectionId: number): Promise<number> {
    return bulk((articleIds) => getClient().addToCollection({ id: collectionId, articleIds }))
  }

  /** The articles leave the list shown (the collection's own), so the selection goes too. */
  async function bulkRemoveFromCollection(collectionId: number): Promise<number> {
    const count = await bulk((articleIds) =>
      getClient().removeFromCollection({ id: collectionId, articleIds }),
    )
    clearSelection()
    return count
  }

  async function bulkDelete(): Promise<number> {
    const count = await bulk((ids) => getClient().deleteArticles({ ids }))
    clearSelection()
    return count
  }

  return {
    selection,
    selectedCount,
    isRowSelected,
    toggleSelected,
    selectTo,
    selectEverything,
    clearSelection,
    selectedIds,
    bulkTag,
    bulkSetRead,
    bulkAddToCollection,
    bulkRemoveFromCollection,
    bulkDelete,
  }
}
