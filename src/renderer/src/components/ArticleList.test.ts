// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ArticleList from './ArticleList.vue'
import { createLecternI18n } from '../i18n'
import { useLibraryStore } from '../stores/library'

describe('ArticleList', () => {
  beforeEach(() => {
    window.localStorage.clear()
    setActivePinia(createPinia())
  })

  it('renders search snippets with <mark> around matches and page text as text', () => {
    const library = useLibraryStore()
    library.query = 'визит'
    library.hits = [
      {
        id: 12,
        title: 'Вэнс в Баку',
        siteName: 'Caliber.Az',
        publishedAt: '2026-02-07T19:01',
        snippet: 'перед \u0002визитом\u0003 <img src=x onerror=alert(1)> вице-президента',
        score: 1,
      },
    ]
    library.loaded = true

    const wrapper = mount(ArticleList, { global: { plugins: [createLecternI18n('ru')] } })

    const rows = wrapper.findAll('[data-testid="article-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.attributes('data-id')).toBe('12')
    expect(rows[0]!.attributes('href')).toBe('#/article/12')

    const snippet = wrapper.get('[data-testid="article-snippet"]')
    const marks = snippet.findAll('mark')
    expect(marks.map((mark) => mark.text())).toEqual(['визитом'])
    // The angle brackets stay text: no element was created from the page's words.
    expect(snippet.find('img').exists()).toBe(false)
    expect(snippet.text()).toContain('<img src=x onerror=alert(1)>')
    expect(wrapper.text()).toContain('7 февр. 2026 г.')
  })

  it('shows the helpful empty state when the library has no articles', () => {
    const library = useLibraryStore()
    library.loaded = true
    library.total = 0
    const wrapper = mount(ArticleList, { global: { plugins: [createLecternI18n('en')] } })
    expect(wrapper.get('[data-testid="empty-library"]').text()).toContain(
      'No articles yet — drop saved pages here or press Import.',
    )
  })

  it('pluralises the count in Russian', () => {
    const library = useLibraryStore()
    library.loaded = true
    library.total = 21
    library.articles = Array.from({ length: 21 }, (_, index) => ({
      id: index + 1,
      title: `Статья ${index + 1}`,
      subtitle: null,
      authors: [],
      siteName: null,
      section: null,
      publishedAt: null,
      language: 'ru',
      url: null,
      excerpt: null,
      wordCount: 10,
      format: 'text' as const,
      addedAt: '2026-02-08T10:00:00Z',
      updatedAt: '2026-02-08T10:00:00Z',
      tags: [],
    }))
    const wrapper = mount(ArticleList, { global: { plugins: [createLecternI18n('ru')] } })
    expect(wrapper.get('[data-testid="list-count"]').text()).toBe('21 статья')
  })
})
