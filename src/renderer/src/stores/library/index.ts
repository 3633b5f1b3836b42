import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ArchiveInfo, BackupRestore, TagCount } from '../../../../common/types'
import { errorMessage, getClient } from '../../api/client'
import { createPageCache } from './pages'
import { createSelection } from './selection'
import {
  EMPTY_VIEW,
  effectiveOrder,
  effectiveSort,
  routeForView,
  viewFilter,
  viewFromRoute,
  type LibraryView,
  type ListSort,
} from './view'

export { PAGE_SIZE, type ListRow } from './pages'
export { EMPTY_VIEW, routeForView, viewFilter, viewFromSaved, type LibraryView, type ListSort } from './view'

/**
 * The middle pane: the current view (query, filters, sort), its rows fetched page by page for
 * the virtual list (pages.ts), the counts per filter, the checked rows and the bulk actions on
 * them (selection.ts).
 */
export const useLibraryStore = defineStore('library', () => {
  const view = ref<LibraryView>({ ...EMPTY_VIEW })
  const tags = ref<TagCount[]>([])
  const info = ref<ArchiveInfo | null>(null)
  /** Set once the first answer to `info` (or its failure) is in: until then the window waits. */
  const infoLoaded = ref(false)
  const list = createPageCache(view)
  const { total, loadError, loaded } = list
  const selection = createSelection({ view, total, rowAt: list.rowAt, loadRows: list.loadRows })

  /** Counts up on every change of view: the list scrolls back to the top then. */
  const viewVersion = ref(0)
  /** Where the list was scrolled to, so it comes back there after the settings screen. */
  const listScrollTop = ref(0)

  const query = computed(() => view.value.query)
  /** The first tag filter (the address's `tag`); kept for the links other panes build. */
  const tag = computed(() => view.value.tags[0] ?? null)
  const searching = computed(() => view.value.query.trim() !== '')
  const sort = computed(() => effectiveSort(view.value))
  const order = computed(() => effectiveOrder(view.value))
  const filter = computed(() => viewFilter(view.value))
  const hasFilters = computed(() => Object.keys(filter.value).length > 0)
  const libraryCount = computed(() => info.value?.articleCount ?? null)
  const currentRoute = computed(() => routeForView(view.value))

  function loadFirstPage(): Promise<void> {
    return list.reload(false)
  }

  async function loadTags(): Promise<void> {
    try {
      tags.value = await getClient().listTags({})
    } catch (err) {
      loadError.value = errorMessage(err)
    }
  }

  async function loadInfo(): Promise<void> {
    try {
      info.value = await getClient().info({})
    } catch (err) {
      loadError.value = errorMessage(err)
    } finally {
      infoLoaded.value = true
    }
  }

  /** The archive is damaged: put its newest good backup in place, then show what it holds. */
  async function restoreLatestBackup(): Promise<BackupRestore> {
    const restored = await getClient().restoreLatestBackup({})
    await reloadAll()
    return restored
  }

  function setView(next: LibraryView): void {
    view.value = next
    selection.clearSelection()
    loaded.value = false
    viewVersion.value++
    void list.reload(false)
  }

  /** Applies the view from the address; reloads only when it changed (or was never loaded). */
  function applyFilter(nextQuery: string, nextTag: string | null, filters?: string): void {
    const next = viewFromRoute({ query: nextQuery, tag: nextTag, filters })
    const shown = loaded.value || list.loading.value
    if (shown && JSON.stringify(next) === JSON.stringify(view.value)) return
    setView(next)
  }

  function setSort(field: ListSort): void {
    setView({ ...view.value, sort: field, order: null })
  }

  function toggleOrder(): void {
    setView({ ...view.value, order: order.value === 'asc' ? 'desc' : 'asc' })
  }

  // Archive changes arrive in bursts (a bulk action is several calls): one reload at a time,
  // and one more after it when changes came in meanwhile.
  let reloadRunning: Promise<void> | null = null
  let reloadAgain = false

  /** Something changed in the archive: refresh everything the pane shows, keeping the place. */
  async function reloadAll(): Promise<void> {
    if (reloadRunning) {
      reloadAgain = true
      return reloadRunning
    }
    reloadRunning = (async () => {
      do {
        reloadAgain = false
        await Promise.all([list.reload(true), loadTags(), loadInfo()])
      } while (reloadAgain)
    })()
    try {
      await reloadRunning
    } finally {
      reloadRunning = null
    }
  }

  return {
    view,
    query,
    tag,
    sort,
    order,
    filter,
    hasFilters,
    total,
    facets: list.facets,
    tags,
    info,
    infoLoaded,
    selection: selection.selection,
    selectedCount: selection.selectedCount,
    loading: list.loading,
    loadError,
    loaded,
    viewVersion,
    listScrollTop,
    searching,
    libraryCount,
    currentRoute,
    rowAt: list.rowAt,
    ensureRange: list.ensureRange,
    loadFirstPage,
    loadTags,
    loadInfo,
    restoreLatestBackup,
    applyFilter,
    setView,
    setSort,
    toggleOrder,
    reloadAll,
    isRowSelected: selection.isRowSelected,
    toggleSelected: selection.toggleSelected,
    selectTo: selection.selectTo,
    selectEverything: selection.selectEverything,
    clearSelection: selection.clearSelection,
    selectedIds: selection.selectedIds,
    bulkTag: selection.bulkTag,
    bulkSetRead: selection.bulkSetRead,
    bulkAddToCollection: selection.bulkAddToCollection,
    bulkRemoveFromCollection: selection.bulkRemoveFromCollection,
    bulkDelete: selection.bulkDelete,
  }
})
