// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type {
  ArticleSummary,
  FacetCount,
  Facets,
  ListItem,
  ListPage,
  ListQuery,
} from '../../../../common/types'
import { setClient } from '../../api/client'
import ArticleList from './ArticleList.vue'
import { createLecternI18n } from '../../i18n'
import { useLibraryStore } from '../../stores/library'

function summary(id: number, language = 'ru'): ArticleSummary {
  return {
    id,
    title: `Статья ${id}`,
    subtitle: null,
    authors: [],
    siteName: 'Caliber.Az',
    section: null,
    publishedAt: null,
    language,
    url: null,
    excerpt: null,
    wordCount: 10,
    format: 'text',
    addedAt: '2026-02-08T10:00:00Z',
    updatedAt: '2026-02-08T10:00:00Z',
    tags: [],
    itemType: 'webpage',
  }
}

/** A page of summaries, or the one search hit when the list is sorted by relevance. */
function clientWith(total: number): Record<string, ReturnType<typeof vi.fn>> {
  return {
    listArticles: vi.fn(async (query: ListQuery) => {
      if (query.sort === 'relevance') {
        const hit: ListItem = {
          ...summary(12),
          title: 'Вэнс в Баку',
          publishedAt: '2026-02-07T19:01',
          snippet: 'перед \u0002визитом\u0003 <img src=x onerror=alert(1)> вице-президента',
          score: 1,
        }
        return { items: [hit], total: 1 }
      }
      const offset = query.offset ?? 0
      const count = Math.max(0, Math.min(query.limit ?? 50, total - offset))
      return { items: Array.from({ length: count }, (_, index) => summary(offset + index + 1)), total }
    }),
    listCollections: vi.fn(async () => []),
  }
}

async function mountList(
  language: 'en' | 'ru',
  setup: (library: ReturnType<typeof useLibraryStore>) => void,
) {
  const library = useLibraryStore()
  setup(library)
  await vi.waitFor(() => expect(library.loaded).toBe(true))
  const wrapper = mount(ArticleList, {
    global: { plugins: [createLecternI18n(language)] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, library }
}

describe('ArticleList', () => {
  beforeEach(() => {
    window.localStorage.clear()
    window.location.hash = ''
    setActivePinia(createPinia())
  })
  afterEach(() => {
    setClient(null)
    document.body.innerHTML = ''
  })

  it('renders search snippets with <mark> around matches and page text as text', async () => {
    setClient(clientWith(0) as unknown as ArchiveClient)
    const { wrapper } = await mountList('ru', (library) => library.applyFilter('визит', null))

    const rows = wrapper.findAll('[data-testid="article-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.attributes('data-id')).toBe('12')
    const snippet = wrapper.get('[data-testid="article-snippet"]')
    expect(snippet.findAll('mark').map((mark) => mark.text())).toEqual(['визитом'])
    // The angle brackets stay text: no element was created from the page's words.
    expect(snippet.find('img').exists()).toBe(false)
    expect(snippet.text()).toContain('<img src=x onerror=alert(1)>')
    expect(wrapper.text()).toContain('7 февр. 2026 г.')
  })

  it('shows the helpful empty state when the library has no articles', async () => {
    setClient(clientWith(0) as unknown as ArchiveClient)
    const { wrapper } = await mountList('en', (library) => library.applyFilter('', null))
    expect(wrapper.get('[data-testid="empty-library"]').text()).toContain(
      'No articles yet — drop saved pages here or press Import.',
    )
  })

  it('pluralises the count in Russian', async () => {
    setClient(clientWith(21) as unknown as ArchiveClient)
    const { wrapper } = await mountList('ru', (library) => library.applyFilter('', null))
    expect(wrapper.get('[data-testid="list-count"]').text()).toBe('21 статья')
  })

  it('renders only the rows in view of 100,000 and follows the scroll', async () => {
    const client = clientWith(100_000)
    setClient(client as unknown as ArchiveClient)
    const { wrapper } = await mountList('en', (library) => library.applyFilter('', null))

    const rows = wrapper.findAll('[data-testid="article-row"]')
    expect(rows.length).toBeGreaterThan(3)
    expect(rows.length).toBeLessThan(30)
    const list = wrapper.get('[data-testid="article-list"]')
    expect(list.attributes('role')).toBe('listbox')

    const scroller = list.element as HTMLElement
    scroller.scrollTop = 5_000 * 104
    await list.trigger('scroll')
    await vi.waitFor(() =>
      expect(client.listArticles).toHaveBeenCalledWith(expect.objectContaining({ offset: 4_900 })),
    )
    await flushPromises()
    const positions = wrapper.findAll('[role="option"]').map((row) => Number(row.attributes('aria-posinset')))
    expect(positions).toContain(5_001)
    expect(Math.max(...positions) - Math.min(...positions)).toBeLessThan(30)
    expect(wrapper.find('[data-id="5001"]').exists()).toBe(true)
  })

  it('moves with the arrow keys, opens with Enter and selects everything with Ctrl+A', async () => {
    setClient(clientWith(300) as unknown as ArchiveClient)
    const { wrapper } = await mountList('en', (library) => library.applyFilter('', null))
    const list = wrapper.get('[data-testid="article-list"]')

    await list.trigger('keydown', { key: 'ArrowDown' })
    await list.trigger('keydown', { key: 'ArrowDown' })
    expect(list.attributes('aria-activedescendant')).toBe('article-row-1')
    await list.trigger('keydown', { key: 'Enter' })
    expect(window.location.hash).toBe('#/article/2')

    await list.trigger('keydown', { key: 'a', ctrlKey: true })
    expect(wrapper.get('[data-testid="bulk-count"]').text()).toBe('Selected: 300 articles')
  })

  it('extends the selection with Shift and the arrow keys from the focused row', async () => {
    setClient(clientWith(300) as unknown as ArchiveClient)
    const { wrapper, library } = await mountList('en', (lib) => lib.applyFilter('', null))
    const list = wrapper.get('[data-testid="article-list"]')
    await list.trigger('keydown', { key: 'ArrowDown' })
    await list.trigger('keydown', { key: 'ArrowDown', shiftKey: true })
    await list.trigger('keydown', { key: 'ArrowDown', shiftKey: true })
    await flushPromises()
    expect(library.selectedCount).toBe(3)
    expect(wrapper.findAll('[aria-selected="true"]').map((row) => row.attributes('data-id'))).toEqual([
      '1',
      '2',
      '3',
    ])
  })

  it('checks rows with the box and selects a range with shift-click', async () => {
    setClient(clientWith(300) as unknown as ArchiveClient)
    const { wrapper, library } = await mountList('en', (lib) => lib.applyFilter('', null))
    const checks = wrapper.findAll('[data-testid="row-check"]')
    await checks[1]!.trigger('click')
    await checks[4]!.trigger('click', { shiftKey: true })
    await flushPromises()
    expect(library.selectedCount).toBe(4)
    expect(wrapper.findAll('[aria-selected="true"]').map((row) => row.attributes('data-id'))).toEqual([
      '2',
      '3',
      '4',
      '5',
    ])
  })

  it('shows each item’s kind beside the pages, a thread’s page kind in words, and a reference as a record', async () => {
    const client = clientWith(0)
    client.listArticles = vi.fn(async () => ({
      items: [
        { ...summary(1, 'en'), itemType: 'article-newspaper' as const },
        {
          ...summary(2, 'en'),
          title: 'Ports and Power in the Black Sea Region',
          itemType: 'chapter' as const,
          format: 'reference' as const,
          authors: ['Hart, Eleanor'],
          wordCount: 0,
        },
        { ...summary(3, 'en'), itemType: 'post' as const, pageKind: 'forum' as const },
        { ...summary(4, 'en'), pageKind: 'article' as const },
      ],
      total: 4,
    }))
    setClient(client as unknown as ArchiveClient)
    const { wrapper } = await mountList('en', (library) => library.applyFilter('', null))
    const rows = wrapper.findAll('[data-testid="article-row"]')
    const [page, record, thread, article] = rows.map((row) => row.get('[data-testid="item-kind"]'))
    // A thread says so in words; an ordinary article keeps the calm icon alone.
    expect(thread!.text()).toBe('Forum thread')
    expect(thread!.find('.visually-hidden').exists()).toBe(false)
    expect(thread!.attributes('title')).toBe('Forum or Q&A thread. Kind of source: Online post')
    expect(article!.get('.name').classes()).toContain('visually-hidden')
    expect(article!.attributes('data-page-kind')).toBeUndefined()
    expect(page!.text()).toBe('News article')
    expect(page!.classes()).not.toContain('record')
    expect(record!.text()).toBe('Book chapterRecord')
    expect(record!.classes()).toContain('record')
    expect(record!.attributes('title')).toBe('Book chapter: a bibliographic record without a reading copy')
    // A record has its authors where a page has its first lines, and nothing to mark unread.
    expect(rows[1]!.get('[data-testid="row-authors"]').text()).toBe('Hart, Eleanor')
    expect(rows[1]!.find('[data-testid="unread-dot"]').exists()).toBe(false)
    expect(rows[0]!.find('[data-testid="unread-dot"]').exists()).toBe(true)
  })

  it('offers the kinds of page the rows name, with their counts, and only once the archive holds one', async () => {
    const facetsWith = (pageKinds: FacetCount[]): Facets => ({
      total: 5,
      tags: [],
      sites: [],
      languages: [],
      years: [],
      pageKinds,
      read: 0,
      unread: 5,
      withNotes: 0,
      withoutNotes: 5,
    })
    const client = clientWith(5)
    const list = client.listArticles!.getMockImplementation() as (query: ListQuery) => Promise<ListPage>
    let pageKinds: FacetCount[] = [
      { value: 'article', count: 2 },
      { value: 'service', count: 1 },
      { value: null, count: 2 },
    ]
    client.listArticles = vi.fn(async (query: ListQuery) => ({
      ...(await list(query)),
      facets: facetsWith(pageKinds),
    }))
    setClient(client as unknown as ArchiveClient)
    const { wrapper, library } = await mountList('ru', (library) => library.applyFilter('', null))
    await wrapper.get('[data-testid="filters-toggle"]').trigger('click')
    expect(wrapper.find('[data-testid="filter-page-kind"]').exists()).toBe(false)

    pageKinds = [
      { value: 'article', count: 2 },
      { value: 'forum', count: 2 },
      { value: 'documentation', count: 1 },
      { value: 'service', count: 1 },
    ]
    library.applyFilter('', 'region')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="filter-page-kind"]').exists()).toBe(true))
    const options = wrapper.findAll('[data-testid="filter-page-kind"] option')
    expect(options.map((option) => option.text())).toEqual([
      'Любой вид',
      'Обсуждение (2)',
      'Документация, вики (1)',
    ])
    expect(options.map((option) => option.attributes('value'))).toEqual([
      '\u0000any',
      'forum',
      'documentation',
    ])
  })
})
