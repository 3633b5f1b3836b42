import { ref, shallowReactive, shallowRef, type Ref } from 'vue'
import type { CslItemType } from '../../../../common/csl'
import type { ArticleSummary, Facets, SearchHit, SortField } from '../../../../common/types'
import { errorMessage, getClient } from '../../api/client'
import { pagesForRange, type VisibleRange } from '../../lib/virtualList'
import { effectiveOrder, effectiveSort, viewFilter, viewScope, type LibraryView } from './view'

/** Rows per request; the virtual list asks for the pages its visible rows fall in. */
export const PAGE_SIZE = 100
/** Pages kept in memory; the ones farthest from the view go first. */
const MAX_CACHED_PAGES = 40
/** Fastest rate of page requests while the list scrolls. */
const FETCH_INTERVAL_MS = 80

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
  /** The kind of source; null for a search hit (hits do not carry it). */
  itemType: CslItemType | null
  /** A bibliographic record without a reading copy (a reference imported from a file). */
  record: boolean
  authors: string[]
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
    itemType: article.itemType,
    record: article.format === 'reference',
    authors: article.authors,
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
    itemType: null,
    record: false,
    authors: [],
  }
}

/**
 * The rows of the current view, fetched page by page as the virtual list needs them and kept in
 * a bounded cache, with the view's total and its counts per filter.
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
      ...viewScope(current),
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
      const counts = await getClient().facets(viewScope(view.value))
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
