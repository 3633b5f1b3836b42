// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type { Article } from '../../../../common/types'
import { bookRecord } from '../../../../../tests/support/item-articles'
import { setClient } from '../../api/client'
import { createLecternI18n } from '../../i18n'
import ReaderPane from './ReaderPane.vue'

const article: Article = {
  id: 1,
  title: 'What Vance’s trip means for regional cooperation',
  subtitle: 'Reassessing the South Caucasus',
  authors: [],
  siteName: 'Caliber.az',
  section: 'Analytics',
  publishedAt: '2026-02-07T19:01',
  language: 'en',
  url: 'https://caliber.az/en/post/vance',
  excerpt: null,
  wordCount: 947,
  format: 'text',
  addedAt: '2026-02-08T10:00:00Z',
  updatedAt: '2026-02-08T10:00:00Z',
  tags: ['baku'],
  itemType: 'article-newspaper',
  item: { id: '1', type: 'article-newspaper', title: 'What Vance’s trip means for regional cooperation' },
  citationKey: null,
  rights: 'Any use of materials is allowed only if there is a hyperlink to Caliber.az',
  contentText: 'The upcoming visit…',
  contentHtml: '<p>The upcoming visit…</p>',
  sourceName: 'caliber-az-vance-visit.txt',
  originalSha256: 'c271',
  warnings: [],
}

describe('ReaderPane', () => {
  beforeEach(() => {
    window.localStorage.clear()
    setActivePinia(createPinia())
    setClient({ getArticle: async () => article } as unknown as ArchiveClient)
  })
  afterEach(() => setClient(null))

  it('shows the header in Russian and the body in a locked-down frame', async () => {
    const wrapper = mount(ReaderPane, {
      props: { articleId: 1 },
      global: { plugins: [createLecternI18n('ru')] },
    })
    await flushPromises()

    expect(wrapper.get('[data-testid="reader-title"]').text()).toBe(article.title)
    expect(wrapper.get('[data-testid="reader-date"]').text()).toBe('7 февраля 2026 г. в 19:01')
    expect(wrapper.get('[data-testid="reader-words"]').text()).toBe('947 слов')
    expect(wrapper.get('[data-testid="reader-time"]').text()).toBe('5 минут чтения')
    expect(wrapper.get('[data-testid="reader-rights"]').text()).toContain('hyperlink to Caliber.az')

    const frame = wrapper.get('[data-testid="reader-frame"]')
    expect(frame.attributes('sandbox')).toBe('allow-same-origin')
    const srcdoc = frame.attributes('srcdoc') ?? ''
    expect(srcdoc).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'">`,
    )
    expect(srcdoc).toContain('<p>The upcoming visit…</p>')
  })

  it('says so when the article is gone', async () => {
    setClient({
      getArticle: async () => {
        throw Object.assign(new Error('no article 5'), { code: 'not-found' })
      },
    } as unknown as ArchiveClient)
    const wrapper = mount(ReaderPane, {
      props: { articleId: 5 },
      global: { plugins: [createLecternI18n('en')] },
    })
    await flushPromises()
    expect(wrapper.text()).toContain('This article is no longer in the archive.')
  })

  it('shows a reference without a page as its record, with no words to count and nothing to highlight', async () => {
    setClient({
      getArticle: async () => bookRecord,
      listCiteStyles: async () => [],
      formatCitations: async () => ({ output: '', entries: [], entryIds: [], warnings: [] }),
    } as unknown as ArchiveClient)
    const wrapper = mount(ReaderPane, {
      props: { articleId: 2 },
      global: { plugins: [createLecternI18n('en')] },
    })
    await flushPromises()
    expect(wrapper.get('[data-testid="reader-title"]').text()).toBe('Транспортные коридоры Евразии')
    expect(wrapper.get('.facts [data-testid="item-kind"]').text()).toBe('BookRecord')
    expect(wrapper.get('[data-testid="reader-date"]').text()).toBe('2019')
    expect(wrapper.find('[data-testid="reader-words"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="reader-frame"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="notes-toggle"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="item-record"]').text()).toContain('No reading copy yet')
    expect(wrapper.get('[data-testid="attach-button"]').text()).toBe('Attach a page or PDF…')
  })

  it('says in its facts that a saved page is documentation, in either language', async () => {
    const docsPage: Article = {
      ...article,
      id: 3,
      itemType: 'webpage',
      pageKind: 'documentation',
      item: { id: '3', type: 'webpage', title: 'Configuring the harbour CLI' },
    }
    setClient({ getArticle: async () => docsPage } as unknown as ArchiveClient)
    for (const [language, name, tooltip] of [
      ['en', 'Docs or wiki', 'Documentation or wiki page. Kind of source: Web page'],
      ['ru', 'Документация, вики', 'Документация или статья вики. Вид источника: Веб-страница'],
    ] as const) {
      const wrapper = mount(ReaderPane, {
        props: { articleId: 3 },
        global: { plugins: [createLecternI18n(language)] },
      })
      await flushPromises()
      const kind = wrapper.get('.facts [data-testid="item-kind"]')
      expect(kind.text()).toBe(name)
      expect(kind.attributes('title')).toBe(tooltip)
      expect(kind.attributes('data-page-kind')).toBe('documentation')
      wrapper.unmount()
    }
  })
})
