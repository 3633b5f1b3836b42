import { describe, expect, it } from 'vitest'
import { formatHash, parseHash } from '../../router'
import {
  EMPTY_VIEW,
  routeForView,
  viewFilter,
  viewFromRoute,
  viewFromSaved,
  viewScope,
  type LibraryView,
} from './view'

describe('library address state', () => {
  it('round-trips every filter through the hash', () => {
    const view: LibraryView = {
      query: 'визит "South Caucasus"',
      tags: ['region/caucasus', 'тег & co'],
      tagMode: 'all',
      site: 'Caliber.Az',
      language: 'ru',
      dateFrom: '2025',
      dateTo: '2026-02-07',
      read: false,
      hasNotes: true,
      collection: 3,
      pageKind: 'forum',
      sort: 'title',
      order: 'desc',
    }
    const hash = formatHash(routeForView(view))
    expect(hash.startsWith('#/library?q=')).toBe(true)
    const route = parseHash(hash)
    expect(route.name).toBe('library')
    if (route.name !== 'library') return
    expect(viewFromRoute(route)).toEqual(view)
  })

  it('keeps the "has notes" filter in the address and sends it to the engine', () => {
    const withNotes: LibraryView = { ...EMPTY_VIEW, hasNotes: true }
    const route = routeForView(withNotes)
    expect(route.filters).toBe('notes=with')
    const parsed = parseHash(formatHash(route))
    if (parsed.name !== 'library') throw new Error('not the library')
    expect(viewFromRoute(parsed)).toEqual(withNotes)
    expect(viewFilter(viewFromRoute(parsed))).toEqual({ hasNotes: true })
    expect(viewFromRoute({ query: '', tag: null, filters: 'notes=without' })).toEqual({
      ...EMPTY_VIEW,
      hasNotes: false,
    })
    expect(routeForView({ ...withNotes, hasNotes: undefined }).filters).toBeUndefined()
  })

  it('keeps "no site" and "unknown language" apart from "any"', () => {
    const view: LibraryView = { ...EMPTY_VIEW, site: null, language: null }
    const route = parseHash(formatHash(routeForView(view)))
    if (route.name !== 'library') throw new Error('not the library')
    expect(viewFromRoute(route)).toEqual(view)
    expect(viewFromRoute({ query: '', tag: null })).toEqual(EMPTY_VIEW)
  })

  it('drops malformed parameters instead of sending them to the engine', () => {
    const view = viewFromRoute({
      query: '',
      tag: null,
      filters:
        'lang=Russian&from=last-year&read=maybe&notes=1&collection=-2&kind=video&sort=random&order=up&mode=all',
    })
    expect(view).toEqual(EMPTY_VIEW)
  })

  it('turns a saved search back into a view', () => {
    expect(viewFromSaved('nato', { tags: ['a', 'b'], tagMode: 'all', read: true })).toEqual({
      ...EMPTY_VIEW,
      query: 'nato',
      tags: ['a', 'b'],
      tagMode: 'all',
      read: true,
    })
  })

  it('scopes counts and id listings by the trimmed query and the filters', () => {
    expect(viewScope({ ...EMPTY_VIEW, query: '  визит ', read: false })).toEqual({
      query: 'визит',
      read: false,
    })
    expect(viewScope({ ...EMPTY_VIEW, query: '   ', tags: ['a'] })).toEqual({ tags: ['a'] })
  })
})
