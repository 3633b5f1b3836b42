// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type { ArticleSummary, ListItem, ListQuery } from '../../../../common/types'
import { setClient } from '../../api/client'
import { PAGE_SIZE, useLibraryStore } from '.'

function summary(id: number): ArticleSummary {
  return {
    id,
    title: `Article ${id}`,
    subtitle: null,
    authors: [],
    siteName: null,
    section: null,
    publishedAt: null,
    language: 'en',
    url: null,
    excerpt: null,
    wordCount: 100,
    format: 'html',
    addedAt: '2026-02-08T10:00:00Z',
    updatedAt: '2026-02-08T10:00:00Z',
    tags: [],
    itemType: 'webpage',
  }
}

const TOTAL = PAGE_SIZE * 2 + 7

const emptyFacets = {
  total: 42,
  tags: [],
  sites: [],
  languages: [],
  years: [],
  pageKinds: [],
  read: 0,
  unread: 42,
  withNotes: 0,
  withoutNotes: 42,
}

/** What the engine answers: a sorted page, or one search hit when sorted by relevance. */
function listFrom(query: ListQuery, total = TOTAL) {
  const facets = query.facets ? { facets: emptyFacets } : {}
  if (query.sort === 'relevance') {
    const hit: ListItem = { ...summary(3), snippet: 'x', score: 1 }
    return { items: (query.offset ?? 0) === 0 ? [hit] : [], total: 1, ...facets }
  }
  const offset = query.offset ?? 0
  const ids = Array.from({ length: total }, (_, index) => index + 1).slice(
    offset,
    offset + (query.limit ?? 50),
  )
  return { items: ids.map(summary), total, ...facets }
}

describe('library store', () => {
  let listArticles: ReturnType<typeof vi.fn>
  let search: ReturnType<typeof vi.fn>
  let facets: ReturnType<typeof vi.fn>
  let tagArticles: ReturnType<typeof vi.fn>

  beforeEach(() => {
    setActivePinia(createPinia())
    listArticles = vi.fn(async (query: ListQuery) => listFrom(query))
    search = vi.fn()
    facets = vi.fn()
    tagArticles = vi.fn(async (args: { ids: number[] }) => ({ changed: args.ids.length }))
    setClient({ listArticles, search, facets, tagArticles } as unknown as ArchiveClient)
  })
  afterEach(() => setClient(null))

  it('fetches the pages the visible rows need, by offset', async () => {
    const library = useLibraryStore()
    library.applyFilter('', 'baku', 'lang=ru')
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(listArticles).toHaveBeenLastCalledWith({
      offset: 0,
      limit: PAGE_SIZE,
      sort: 'addedAt',
      order: 'desc',
      tags: ['baku'],
      language: 'ru',
      facets: true,
    })
    expect(library.facets).toEqual(emptyFacets)
    expect(library.total).toBe(TOTAL)
    expect(library.rowAt(PAGE_SIZE * 2)).toBeUndefined()

    library.ensureRange({ start: PAGE_SIZE * 2 - 3, end: PAGE_SIZE * 2 + 5 })
    await vi.waitFor(() => expect(library.rowAt(PAGE_SIZE * 2)?.id).toBe(PAGE_SIZE * 2 + 1))
    // Later pages come without the counts.
    expect(listArticles).toHaveBeenCalledWith(expect.not.objectContaining({ facets: true }))
    expect(listArticles).toHaveBeenCalledWith(expect.objectContaining({ offset: PAGE_SIZE }))
    expect(listArticles).toHaveBeenCalledWith(expect.objectContaining({ offset: PAGE_SIZE * 2 }))
  })

  it('searches by relevance with snippets, the total and the counts in one call', async () => {
    const library = useLibraryStore()
    library.applyFilter('визит', null, 'read=unread')
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(listArticles).toHaveBeenCalledTimes(1)
    expect(listArticles).toHaveBeenCalledWith({
      query: 'визит',
      sort: 'relevance',
      offset: 0,
      limit: PAGE_SIZE,
      read: false,
      facets: true,
    })
    expect(library.rowAt(0)).toMatchObject({ id: 3, snippet: 'x', language: 'en' })
    expect(library.total).toBe(1)
    expect(library.facets).toEqual(emptyFacets)
    expect(search).not.toHaveBeenCalled()
    expect(facets).not.toHaveBeenCalled()
  })

  it('asks the engine once per keystroke and keeps only the answer to the last one', async () => {
    const answers: { query: ListQuery; release: (total: number) => void }[] = []
    listArticles.mockImplementation(
      (query: ListQuery) =>
        new Promise((resolve) =>
          answers.push({
            query,
            release: (total) =>
              resolve({ items: [summary(total)], total, facets: { ...emptyFacets, total } }),
          }),
        ),
    )
    const library = useLibraryStore()
    const typed = ['в', 'ви', 'виз', 'визи', 'визит']
    for (const text of typed) library.applyFilter(text, null)
    expect(answers.map((answer) => answer.query.query)).toEqual(typed)
    expect(answers.every((answer) => answer.query.facets === true)).toBe(true)
    // The last keystroke is answered first; the older answers arrive after it.
    answers.at(-1)!.release(5)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    answers.slice(0, -1).forEach((answer, index) => answer.release(index + 1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(listArticles).toHaveBeenCalledTimes(typed.length)
    expect(search).not.toHaveBeenCalled()
    expect(facets).not.toHaveBeenCalled()
    expect(library.total).toBe(5)
    expect(library.facets?.total).toBe(5)
    expect(library.rowAt(0)?.id).toBe(5)
  })

  it('shows the first page without its counts when they are not ready, then asks for the counts', async () => {
    listArticles.mockImplementation(async (query: ListQuery) => {
      const { facets: _counts, ...page } = listFrom(query)
      return page
    })
    let releaseCounts: () => void = () => undefined
    facets.mockImplementation(
      () => new Promise((resolve) => (releaseCounts = () => resolve({ ...emptyFacets, total: 7 }))),
    )
    const library = useLibraryStore()
    library.applyFilter('визит', 'baku')
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(library.rowAt(0)?.id).toBe(3)
    expect(library.facets).toBeNull()
    expect(facets).toHaveBeenCalledTimes(1)
    expect(facets).toHaveBeenCalledWith({ query: 'визит', tags: ['baku'] })
    releaseCounts()
    await vi.waitFor(() => expect(library.facets?.total).toBe(7))
  })

  it('drops counts that arrive after the view changed', async () => {
    listArticles.mockImplementation(async (query: ListQuery) => {
      const { facets: _counts, ...page } = listFrom(query)
      return page
    })
    const releases: (() => void)[] = []
    facets.mockImplementation(
      (query: { query?: string }) =>
        new Promise((resolve) =>
          releases.push(() => resolve({ ...emptyFacets, total: query.query === 'visit' ? 2 : 1 })),
        ),
    )
    const library = useLibraryStore()
    library.applyFilter('vis', null)
    await vi.waitFor(() => expect(releases).toHaveLength(1))
    library.applyFilter('visit', null)
    await vi.waitFor(() => expect(releases).toHaveLength(2))
    releases[1]!()
    await vi.waitFor(() => expect(library.facets?.total).toBe(2))
    releases[0]!()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(library.facets?.total).toBe(2)
  })

  it('asks once when the address gives the same view again while its first page loads', async () => {
    const library = useLibraryStore()
    // At start the address is read twice (the window's first view, then the router's).
    library.applyFilter('', null)
    library.applyFilter('', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(listArticles).toHaveBeenCalledTimes(1)
    library.applyFilter('', null)
    expect(listArticles).toHaveBeenCalledTimes(1)
  })

  it('sorts a search by date through listArticles when asked', async () => {
    const library = useLibraryStore()
    library.applyFilter('визит', null, 'sort=publishedAt')
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(listArticles).toHaveBeenCalledWith(
      expect.objectContaining({ query: 'визит', sort: 'publishedAt', order: 'desc' }),
    )
    expect(search).not.toHaveBeenCalled()
  })

  it('ignores an older answer that arrives after a newer one', async () => {
    let releaseFirst: () => void = () => undefined
    listArticles.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          releaseFirst = () =>
            resolve({ items: [{ ...summary(1), title: 'stale', snippet: '', score: 1 }], total: 1 })
        }),
    )
    const library = useLibraryStore()
    library.applyFilter('vis', null)
    library.applyFilter('visit', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    releaseFirst()
    await Promise.resolve()
    expect(library.rowAt(0)?.id).toBe(3)
  })

  it('keeps the rows on screen while an archive change reloads them', async () => {
    const library = useLibraryStore()
    library.applyFilter('', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    let release: () => void = () => undefined
    listArticles.mockImplementationOnce(
      (query: ListQuery) => new Promise((resolve) => (release = () => resolve(listFrom(query, TOTAL - 1)))),
    )
    const reloading = library.reloadAll()
    expect(library.rowAt(0)?.id).toBe(1)
    release()
    await reloading
    expect(library.total).toBe(TOTAL - 1)
  })

  it('asks for the first page again after an empty list gets its first article', async () => {
    listArticles.mockImplementationOnce(async () => ({ items: [], total: 0 }))
    const library = useLibraryStore()
    library.applyFilter('', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    // The empty list reports an empty visible range.
    library.ensureRange({ start: 0, end: 0 })
    await library.reloadAll()
    expect(library.total).toBe(TOTAL)
    expect(library.rowAt(0)?.id).toBe(1)
  })

  it('shift-click selects a range and select-all collects every id for a bulk action', async () => {
    const library = useLibraryStore()
    library.applyFilter('', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    library.toggleSelected(2, 1)
    await library.selectTo(4)
    expect(library.selectedCount).toBe(4)
    expect((await library.selectedIds()).sort((a, b) => a - b)).toEqual([2, 3, 4, 5])

    library.selectEverything()
    library.toggleSelected(7, 6)
    expect(library.selectedCount).toBe(TOTAL - 1)
    await library.bulkTag('region/caucasus', true)
    const tagged = tagArticles.mock.calls.flatMap(([args]) => (args as { ids: number[] }).ids)
    expect(tagged).toHaveLength(TOTAL - 1)
    expect(tagged).not.toContain(7)
    expect(tagArticles).toHaveBeenCalledWith(expect.objectContaining({ add: ['region/caucasus'] }))
  })

  it('forgets the selection when the view changes', async () => {
    const library = useLibraryStore()
    library.applyFilter('', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    library.toggleSelected(1, 0)
    library.applyFilter('', 'baku')
    expect(library.selectedCount).toBe(0)
  })
})
