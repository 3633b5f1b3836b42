// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../common/api'
import type { ArticleSummary, ListQuery } from '../../../common/types'
import { setClient } from '../api/client'
import { PAGE_SIZE, useLibraryStore } from './library'

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
  }
}

const TOTAL = PAGE_SIZE + 7

describe('library store', () => {
  let listArticles: ReturnType<typeof vi.fn>
  let search: ReturnType<typeof vi.fn>

  beforeEach(() => {
    setActivePinia(createPinia())
    listArticles = vi.fn(async (query: ListQuery) => {
      const offset = query.offset ?? 0
      const ids = Array.from({ length: TOTAL }, (_, index) => index + 1).slice(
        offset,
        offset + (query.limit ?? 50),
      )
      return { items: ids.map(summary), total: TOTAL }
    })
    search = vi.fn(async () => [
      { id: 3, title: 'Article 3', siteName: null, publishedAt: null, snippet: 'x', score: 1 },
    ])
    setClient({ listArticles, search } as unknown as ArchiveClient)
  })
  afterEach(() => setClient(null))

  it('loads pages with offset and limit until the total is reached', async () => {
    const library = useLibraryStore()
    library.applyFilter('', 'baku')
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(listArticles).toHaveBeenLastCalledWith({
      offset: 0,
      limit: PAGE_SIZE,
      sort: 'addedAt',
      order: 'desc',
      tag: 'baku',
    })
    expect(library.articles).toHaveLength(PAGE_SIZE)
    expect(library.canLoadMore).toBe(true)
    await library.loadMore()
    expect(listArticles).toHaveBeenLastCalledWith(expect.objectContaining({ offset: PAGE_SIZE }))
    expect(library.articles).toHaveLength(TOTAL)
    expect(library.canLoadMore).toBe(false)
  })

  it('uses search while a query is set and the list otherwise', async () => {
    const library = useLibraryStore()
    library.applyFilter('визит', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(search).toHaveBeenCalledWith({ query: 'визит', limit: PAGE_SIZE })
    expect(library.hits.map((hit) => hit.id)).toEqual([3])
    expect(listArticles).not.toHaveBeenCalled()
  })

  it('keeps a search inside the selected tag', async () => {
    const library = useLibraryStore()
    library.applyFilter('визит', 'baku')
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    expect(search).toHaveBeenCalledWith({ query: 'визит', limit: PAGE_SIZE, tags: ['baku'] })
  })

  it('ignores an older answer that arrives after a newer one', async () => {
    let releaseFirst: () => void = () => undefined
    search.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          releaseFirst = () =>
            resolve([{ id: 1, title: 'stale', siteName: null, publishedAt: null, snippet: '', score: 1 }])
        }),
    )
    const library = useLibraryStore()
    library.applyFilter('vis', null)
    library.applyFilter('visit', null)
    await vi.waitFor(() => expect(library.loaded).toBe(true))
    releaseFirst()
    await Promise.resolve()
    expect(library.hits.map((hit) => hit.id)).toEqual([3])
  })

  it('picks the natural order when the sort field changes', () => {
    const library = useLibraryStore()
    library.setSort('title')
    expect(library.order).toBe('asc')
    library.setSort('publishedAt')
    expect(library.order).toBe('desc')
  })
})
