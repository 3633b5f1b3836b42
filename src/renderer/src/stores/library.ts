import { defineStore } from 'pinia'
import { computed, ref, shallowReactive, shallowRef } from 'vue'
import type {
  ArchiveInfo,
  ArticleFilter,
  ArticleSummary,
  Facets,
  SearchHit,
  SortField,
  SortOrder,
  TagCount,
} from '../../../common/types'
import { errorMessage, getClient } from '../api/client'
import type { Route } from '../router'
import { pagesForRange, type VisibleRange } from '../lib/virtualList'
import {
  EMPTY_SELECTION,
  isSelected,
  rangeFromAnchor,
  selectAll,
  selectedCount as countSelected,
  selectRange,
  toggleRow,
  type Selection,
} from '../lib/virtualSelection'

/** Rows per request; the virtual list asks for the pages its visible rows fall in. */
export const PAGE_SIZE = 100
/** Pages kept in memory; the ones farthest from the view go first. */
const MAX_CACHED_PAGES = 40
/** Fastest rate of page requests while the list scrolls. */
const FETCH_INTERVAL_MS = 80
/** listArticles' largest page: used to collect every id of a "select all". */
const ID_PAGE_SIZE = 1_000
/** Ids per bulk call, so one request never carries a huge id list. */
const BULK_CHUNK = 1_000

/** Relevance exists only while searching: the engine's own order of the hits. */
export type ListSort = SortField | 'relevance'

/** The natural direction for each sort: newest first for dates, A to Z for names. */
export const DEFAULT_ORDER: Record<SortField, SortOrder> = {
  addedAt: 'desc',
  publishedAt: 'desc',
  title: 'asc',
  siteName: 'asc',
}

const SORTS: readonly ListSort[] = ['relevance', 'addedAt', 'publishedAt', 'title', 'siteName']

/** Everything that decides which articles the list shows and in what order; the address holds it. */
export interface LibraryView extends ArticleFilter {
  query: string
  tags: string[]
  tagMode: 'any' | 'all'
  /** null: the default (relevance while searching, date added otherwise). */
  sort: ListSort | null
  /** null: the sort's natural direction. */
  order: SortOrder | null
}

export const EMPTY_VIEW: LibraryView = { query: '', tags: [], tagMode: 'any', sort: null, order: null }

/** One list row, from an article summary or a search hit. */
export interface ListRow {
  id: number
  title: string
  siteName: string | null
  publishedAt: string | null
  language: string | null
  excerpt: string | null
  /** Search snippet with U+0002/U+0003 around matches; null outside relevance search. */
  snippet: string | null
  read: boolean
}

/** The sort in effect: relevance only while there is a query. */
export function effectiveSort(view: LibraryView): ListSort {
  const searching = view.query.trim() !== ''
  if (view.sort === null) return searching ? 'relevance' : 'addedAt'
  if (view.sort === 'relevance' && !searching) return 'addedAt'
  return view.sort
}

export function effectiveOrder(view: LibraryView): SortOrder {
  const sort = effectiveSort(view)
  if (view.order) return view.order
  return sort === 'relevance' ? 'desc' : DEFAULT_ORDER[sort]
}

/** The filters of a view, as the API's ArticleFilter (only the ones set). */
export function viewFilter(view: LibraryView): ArticleFilter {
  const filter: ArticleFilter = {}
  if (view.tags.length > 0) filter.tags = [...view.tags]
  if (view.tags.length > 1 && view.tagMode === 'all') filter.tagMode = 'all'
  if (view.site !== undefined) filter.site = view.site
  if (view.language !== undefined) filter.language = view.language
  if (view.dateFrom) filter.dateFrom = view.dateFrom
  if (view.dateTo) filter.dateTo = view.dateTo
  if (view.read !== undefined) filter.read = view.read
  if (view.hasNotes !== undefined) filter.hasNotes = view.hasNotes
  if (view.collection !== undefined) filter.collection = view.collection
  return filter
}

const DATE_PARAM = /^\d{4}(-\d{2}(-\d{2})?)?$/
const LANGUAGE_PARAM = /^[a-z]{2,3}$/

/**
 * Reads a view from the library address. Unknown or malformed parameters are dropped, so a
 * hand-edited address never turns into a failing request. `site=` / `lang=` (empty) select
 * articles without a site or language.
 */
export function viewFromRoute(route: { query: string; tag: string | null; filters?: string }): LibraryView {
  const params = new URLSearchParams(route.filters ?? '')
  const tags = [route.tag, ...params.getAll('tag')].filter((tag): tag is string => !!tag && tag.trim() !== '')
  const uniqueTags = [...new Set(tags)]
  const view: LibraryView = {
    query: route.query,
    tags: uniqueTags,
    // "All of them" means something only with two tags or more.
    tagMode: params.get('mode') === 'all' && uniqueTags.length > 1 ? 'all' : 'any',
    sort: null,
    order: null,
  }
  const site = params.get('site')
  if (site !== null) view.site = site === '' ? null : site
  const language = params.get('lang')
  if (language !== null && (language === '' || LANGUAGE_PARAM.test(language))) {
    view.language = language === '' ? null : language
  }
  const from = params.get('from')
  if (from && DATE_PARAM.test(from)) view.dateFrom = from
  const to = params.get('to')
  if (to && DATE_PARAM.test(to)) view.dateTo = to
  const read = params.get('read')
  if (read === 'read' || read === 'unread') view.read = read === 'read'
  const notes = params.get('notes')
  if (notes === 'with' || notes === 'without') view.hasNotes = notes === 'with'
  const collection = Number(params.get('collection'))
  if (Number.isSafeInteger(collection) && collection > 0) view.collection = collection
  const sort = params.get('sort') as ListSort | null
  if (sort && SORTS.includes(sort)) view.sort = sort
  const order = params.get('order')
  if (order === 'asc' || order === 'desc') view.order = order
  return view
}

/** The library address for a view (the inverse of `viewFromRoute`). */
export function routeForView(view: LibraryView): Extract<Route, { name: 'library' }> {
  const params = new URLSearchParams()
  for (const tag of view.tags.slice(1)) params.append('tag', tag)
  if (view.tags.length > 1 && view.tagMode === 'all') params.set('mode', 'all')
  if (view.site !== undefined) params.set('site', view.site ?? '')
  if (view.language !== undefined) params.set('lang', view.language ?? '')
  if (view.dateFrom) params.set('from', view.dateFrom)
  if (view.dateTo) params.set('to', view.dateTo)
  if (view.read !== undefined) params.set('read', view.read ? 'read' : 'unread')
  if (view.hasNotes !== undefined) params.set('notes', view.hasNotes ? 'with' : 'without')
  if (view.collection !== undefined) params.set('collection', String(view.collection))
  if (view.sort) params.set('sort', view.sort)
  if (view.order) params.set('order', view.order)
  const filters = params.toString()
  return {
    name: 'library',
    query: view.query,
    tag: view.tags[0] ?? null,
    ...(filters ? { filters } : {}),
  }
}

/** A view built from a saved search's query and filters. */
export function viewFromSaved(query: string, filters: ArticleFilter): LibraryView {
  return {
    ...EMPTY_VIEW,
    ...filters,
    query,
    tags: filters.tags ?? [],
    tagMode: filters.tagMode ?? 'any',
  }
}

function rowFromSummary(article: ArticleSummary): ListRow {
  return {
    id: article.id,
    title: article.title,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
    language: article.language,
    excerpt: article.excerpt,
    snippet: null,
    read: !!article.readAt,
  }
}

function rowFromHit(hit: SearchHit): ListRow {
  return {
    id: hit.id,
    title: hit.title,
    siteName: hit.siteName,
    publishedAt: hit.publishedAt,
    language: null,
    excerpt: null,
    snippet: hit.snippet,
    read: false,
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}

/**
 * The middle pane: the current view (query, filters, sort), its rows fetched page by page for
 * the virtual list, the counts per filter, the checked rows and the bulk actions on them.
 */
export const useLibraryStore = defineStore('library', () => {
  const view = ref<LibraryView>({ ...EMPTY_VIEW })
  const total = ref(0)
  const facets = ref<Facets | null>(null)
  const tags = ref<TagCount[]>([])
  const info = ref<ArchiveInfo | null>(null)
  const selection = shallowRef<Selection>(EMPTY_SELECTION)

  // Loaded pages by page index; while a reload runs, the previous rows stay on screen.
  const pages = shallowReactive(new Map<number, ListRow[]>())
  const stalePages = shallowRef(new Map<number, ListRow[]>())
  const pending = new Set<number>()
  let lastRange: VisibleRange = { start: 0, end: PAGE_SIZE }

  const loading = ref(false)
  const loadError = ref<string | null>(null)
  /** Set once the first answer for the current view has arrived (so empty states do not flash). */
  const loaded = ref(false)
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
  const selectedCount = computed(() => countSelected(selection.value, total.value))

  // Answers to older requests must not overwrite newer ones (fast typing, quick filter clicks).
  let generation = 0

  function rowAt(index: number): ListRow | undefined {
    const page = Math.floor(index / PAGE_SIZE)
    const offset = index % PAGE_SIZE
    return pages.get(page)?.[offset] ?? stalePages.value.get(page)?.[offset]
  }

  async function fetchPage(page: number): Promise<{ rows: ListRow[]; total: number | null }> {
    const current = view.value
    const offset = page * PAGE_SIZE
    if (effectiveSort(current) === 'relevance') {
      const hits = await getClient().search({
        query: current.query.trim(),
        offset,
        limit: PAGE_SIZE,
        ...viewFilter(current),
      })
      // A short page is the end of the hits: the exact total.
      return { rows: hits.map(rowFromHit), total: hits.length < PAGE_SIZE ? offset + hits.length : null }
    }
    const listSort = effectiveSort(current) as SortField
    const result = await getClient().listArticles({
      offset,
      limit: PAGE_SIZE,
      sort: listSort,
      order: effectiveOrder(current),
      ...(current.query.trim() ? { query: current.query.trim() } : {}),
      ...viewFilter(current),
    })
    return { rows: result.items.map(rowFromSummary), total: result.total }
  }

  function evictFarPages(): void {
    if (pages.size <= MAX_CACHED_PAGES) return
    const centre = Math.floor((lastRange.start + lastRange.end) / 2 / PAGE_SIZE)
    const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    for (const page of byDistance.slice(0, pages.size - MAX_CACHED_PAGES)) pages.delete(page)
  }

  async function loadPage(page: number, mine: number): Promise<void> {
    pending.add(page)
    try {
      const result = await fetchPage(page)
      if (mine !== generation) return
      pages.set(page, result.rows)
      if (stalePages.value.has(page)) {
        const stale = new Map(stalePages.value)
        stale.delete(page)
        stalePages.value = stale
      }
      // A full page of hits says only that there are at least this many; the facets tell the rest.
      total.value = result.total ?? Math.max(total.value, page * PAGE_SIZE + result.rows.length)
      loadError.value = null
      evictFarPages()
    } catch (err) {
      if (mine === generation) loadError.value = errorMessage(err)
    } finally {
      if (mine === generation) pending.delete(page)
    }
  }

  // While the list flies past, pages are asked for at most every FETCH_INTERVAL_MS, for where it
  // is then (plus the page ahead in the scroll direction), not for every page it crossed.
  let lastFetchAt = 0
  let fetchTimer: ReturnType<typeof setTimeout> | undefined
  let scrollDirection = 1

  function fetchAroundView(): void {
    lastFetchAt = Date.now()
    const mine = generation
    const ahead =
      scrollDirection > 0
        ? { start: lastRange.start, end: lastRange.end + PAGE_SIZE / 2 }
        : { start: Math.max(0, lastRange.start - PAGE_SIZE / 2), end: lastRange.end }
    const lastRow = Math.max(total.value, lastRange.end)
    for (const page of pagesForRange({ start: ahead.start, end: Math.min(ahead.end, lastRow) }, PAGE_SIZE)) {
      if (!pages.has(page) && !pending.has(page)) void loadPage(page, mine)
    }
  }

  /** The virtual list shows rows `range`: fetch the pages it needs that are not here yet. */
  function ensureRange(range: VisibleRange): void {
    if (range.start !== lastRange.start) scrollDirection = range.start > lastRange.start ? 1 : -1
    lastRange = range
    const waited = Date.now() - lastFetchAt
    if (waited >= FETCH_INTERVAL_MS) {
      clearTimeout(fetchTimer)
      fetchTimer = undefined
      fetchAroundView()
    } else if (fetchTimer === undefined) {
      fetchTimer = setTimeout(() => {
        fetchTimer = undefined
        fetchAroundView()
      }, FETCH_INTERVAL_MS - waited)
    }
  }

  async function loadFacets(mine: number): Promise<void> {
    try {
      const counts = await getClient().facets({
        ...(searching.value ? { query: view.value.query.trim() } : {}),
        ...filter.value,
      })
      if (mine !== generation) return
      facets.value = counts
      // Relevance search reports no total of its own: the facets' total is the hit count.
      if (effectiveSort(view.value) === 'relevance') total.value = counts.total
    } catch (err) {
      if (mine === generation) loadError.value = errorMessage(err)
    }
  }

  /**
   * Fetch the first rows of the view again. `keepRows`: an archive change, so the rows on screen
   * stay until their fresh copies arrive and the scroll position holds.
   */
  async function reload(keepRows: boolean): Promise<void> {
    const mine = ++generation
    pending.clear()
    stalePages.value = keepRows ? new Map(pages) : new Map()
    pages.clear()
    if (!keepRows) {
      lastRange = { start: 0, end: PAGE_SIZE }
      total.value = 0
    }
    loading.value = true
    loadError.value = null
    // An empty list shows no rows, but the first page must still be asked for.
    const visiblePages = pagesForRange(lastRange, PAGE_SIZE)
    const pagesToLoad = visiblePages.length > 0 ? visiblePages : [0]
    const rowsDone = Promise.all(pagesToLoad.map((page) => loadPage(page, mine)))
    if (effectiveSort(view.value) === 'relevance') {
      // Relevance search learns its total from the facets: both before the list counts as loaded.
      await Promise.all([rowsDone, loadFacets(mine)])
    } else {
      // The engine answers one call at a time: the rows first, so counting never delays them.
      await rowsDone
      void loadFacets(mine)
    }
    if (mine !== generation) return
    stalePages.value = new Map()
    loaded.value = true
    loading.value = false
  }

  function loadFirstPage(): Promise<void> {
    return reload(false)
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
    }
  }

  function setView(next: LibraryView): void {
    view.value = next
    selection.value = EMPTY_SELECTION
    loaded.value = false
    viewVersion.value++
    void reload(false)
  }

  /** Applies the view from the address; reloads only when it changed. */
  function applyFilter(nextQuery: string, nextTag: string | null, filters?: string): void {
    const next = viewFromRoute({ query: nextQuery, tag: nextTag, filters })
    if (loaded.value && JSON.stringify(next) === JSON.stringify(view.value)) return
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
        await Promise.all([reload(true), loadTags(), loadInfo()])
      } while (reloadAgain)
    })()
    try {
      await reloadRunning
    } finally {
      reloadRunning = null
    }
  }

  // Selection

  function isRowSelected(id: number): boolean {
    return isSelected(selection.value, id)
  }

  function toggleSelected(id: number, index: number): void {
    selection.value = toggleRow(selection.value, id, index)
  }

  /** Shift-click: the rows between the anchor and `index` (pages not loaded yet are fetched). */
  async function selectTo(index: number): Promise<void> {
    const { from, to } = rangeFromAnchor(selection.value, index)
    const mine = generation
    const needed = pagesForRange({ start: from, end: to + 1 }, PAGE_SIZE).filter((page) => !pages.has(page))
    await Promise.all(needed.map((page) => loadPage(page, mine)))
    if (mine !== generation) return
    const ids: number[] = []
    for (let row = from; row <= to; row++) {
      const found = rowAt(row)
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
    const scope = {
      ...(searching.value ? { query: view.value.query.trim() } : {}),
      ...filter.value,
    }
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
    view,
    query,
    tag,
    sort,
    order,
    filter,
    hasFilters,
    total,
    facets,
    tags,
    info,
    selection,
    selectedCount,
    loading,
    loadError,
    loaded,
    viewVersion,
    listScrollTop,
    searching,
    libraryCount,
    currentRoute,
    rowAt,
    ensureRange,
    loadFirstPage,
    loadTags,
    loadInfo,
    applyFilter,
    setView,
    setSort,
    toggleOrder,
    reloadAll,
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
})
