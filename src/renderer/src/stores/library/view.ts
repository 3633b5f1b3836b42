// What the library list shows (query, filters, sort) and how that maps to and from its address.

import {
  PAGE_KINDS,
  type ArticleFilter,
  type ListSort,
  type PageKind,
  type SortField,
  type SortOrder,
} from '../../../../common/types'
import type { Route } from '../../router'

/** Relevance exists only while searching: the engine's own order of the hits. */
export type { ListSort }

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
  if (view.pageKind !== undefined) filter.pageKind = view.pageKind
  return filter
}

/** The query (while searching) and the filters of a view: what its counts and id listings cover. */
export function viewScope(view: LibraryView): ArticleFilter & { query?: string } {
  const query = view.query.trim()
  return { ...(query ? { query } : {}), ...viewFilter(view) }
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
  const pageKind = params.get('kind')
  if (pageKind !== null && (PAGE_KINDS as readonly string[]).includes(pageKind))
    view.pageKind = pageKind as PageKind
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
  if (view.pageKind !== undefined) params.set('kind', view.pageKind)
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
