import { ref, shallowReactive, shallowRef, type Ref } from 'vue'
import type { CslItemType } from '../../../../common/csl'
import type { Facets, ListItem, PageKind } from '../../../../common/types'
import { errorMessage, getClient } from '../../api/client'
import { pagesForRange, type VisibleRange } from '../../lib/virtualList'
import { effectiveOrder, effectiveSort, viewScope, type LibraryView } from './view'

/** Rows per request; the virtual list asks for the pages its visible rows fall in. */
export const PAGE_SIZE = 100
/** Pages kept in memory; the ones farthest from the view go first. */
const MAX_CACHED_PAGES = 40
/** Fastest rate of page requests while the list scrolls. */
const FETCH_INTERVAL_MS = 80

/** One list row. */
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
  /** The kind of source. */
  itemType: CslItemType
  /** What kind of page it was recognised as (a thread, documentation…); null when not a page. */
  pageKind: PageKind | null
  /** A bibliographic record without a reading copy (a reference imported from a file). */
  record: boolean
  authors: string[]
}

function rowFromItem(item: ListItem): ListRow {
  return {
    id: item.id,
    title: item.title,
    siteName: item.siteName,
    publishedAt: item.publishedAt,
    language: item.language,
    excerpt: item.excerpt,
    snippet: item.snippet ?? null,
    read: !!item.readAt,
    itemType: item.itemType,
    pageKind: item.pageKind ?? null,
    record: item.format === 'reference',
    authors: item.authors,
  }
}

/**
 * The rows of the current view, fetched page by page as the virtual list needs them and kept in
 * a bounded cache, with the view's total and its counts per filter. A new view costs one call:
 * its first page comes with the total and the counts.
 */
export function createPageCache(view: Ref<LibraryView>) {
  const total = ref(0)
  const facets = ref<Facets | null>(null)

  // Loaded pages by page index; while a reload runs, the previous rows stay on screen.
  const pages = shallowReactive(new Map<number, ListRow[]>())
  const stalePages = shallowRef(new Map<number, ListRow[]>())
  const pending = new Set<number>()
  let lastRange: VisibleRange = { start: 0, end: PAGE_SIZE }

  const loading = ref(false)
  const loadError = ref<string | null>(null)
  /** Set once the first answer for the current view has arrived (so empty states do not flash). */
  const loaded = ref(false)

  // Answers to older requests must not overwrite newer ones (fast typing, quick filter clicks).
  let generation = 0

  function rowAt(index: number): ListRow | undefined {
    const page = Math.floor(index / PAGE_SIZE)
    const offset = index % PAGE_SIZE
    return pages.get(page)?.[offset] ?? stalePages.value.get(page)?.[offset]
  }

  async function fetchPage(page: number, withFacets: boolean) {
    const current = view.value
    const sort = effectiveSort(current)
    return getClient().listArticles({
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
      sort,
      ...(sort === 'relevance' ? {} : { order: effectiveOrder(current) }),
      ...viewScope(current),
      ...(withFacets ? { facets: true } : {}),
    })
  }

  function evictFarPages(): void {
    if (pages.size <= MAX_CACHED_PAGES) return
    const centre = Math.floor((lastRange.start + lastRange.end) / 2 / PAGE_SIZE)
    const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    for (const page of byDistance.slice(0, pages.size - MAX_CACHED_PAGES)) pages.delete(page)
  }

  async function loadPage(page: number, mine: number, withFacets = false): Promise<void> {
    pending.add(page)
    try {
      const result = await fetchPage(page, withFacets)
      if (mine !== generation) return
      pages.set(page, result.items.map(rowFromItem))
      if (stalePages.value.has(page)) {
        const stale = new Map(stalePages.value)
        stale.delete(page)
        stalePages.value = stale
      }
      total.value = result.total
      if (result.facets) facets.value = result.facets
      else if (withFacets) void loadFacets(mine)
      loadError.value = null
      evictFarPages()
    } catch (err) {
      if (mine === generation) loadError.value = errorMessage(err)
    } finally {
      if (mine === generation) pending.delete(page)
    }
  }

  /**
   * The counts alone: a large archive answers its first page before its counts are ready (they
   * load in the engine meanwhile), and this call waits for them.
   */
  async function loadFacets(mine: number): Promise<void> {
    try {
      const counted = await getClient().facets(viewScope(view.value))
      if (mine === generation) facets.value = counted
    } catch (err) {
      if (mine === generation) loadError.value = errorMessage(err)
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
    // The counts come with the first page asked for, from the same selection as its rows.
    await Promise.all(pagesToLoad.map((page, index) => loadPage(page, mine, index === 0)))
    if (mine !== generation) return
    stalePages.value = new Map()
    loaded.value = true
    loading.value = false
  }

  /**
   * Fetches the pages of rows `from` to `to` (inclusive) that are not here yet. False when the
   * view changed meanwhile, so the rows no longer belong to it.
   */
  async function loadRows(from: number, to: number): Promise<boolean> {
    const mine = generation
    const needed = pagesForRange({ start: from, end: to + 1 }, PAGE_SIZE).filter((page) => !pages.has(page))
    await Promise.all(needed.map((page) => loadPage(page, mine)))
    return mine === generation
  }

  return { total, facets, loading, loadError, loaded, rowAt, ensureRange, reload, loadRows }
}
