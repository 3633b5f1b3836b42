// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { CSL_ITEM_TYPES } from '../../../../common/csl'
import { TELLING_PAGE_KINDS } from '../../lib/itemKinds'
import { createLecternI18n } from '../../i18n'
import ItemKindLabel from './ItemKindLabel.vue'

function label(language: 'en' | 'ru', props: InstanceType<typeof ItemKindLabel>['$props']) {
  return mount(ItemKindLabel, { props, global: { plugins: [createLecternI18n(language)] } })
}

describe('ItemKindLabel', () => {
  it('names every CSL kind in both languages, each name its own', () => {
    for (const language of ['en', 'ru'] as const) {
      const names = CSL_ITEM_TYPES.map((type) => label(language, { type }).get('.name').text())
      expect(names.filter((name) => name.startsWith('kinds.'))).toEqual([])
      expect(new Set(names).size).toBe(CSL_ITEM_TYPES.length)
      const foreign = language === 'ru' ? /[A-Za-z]/ : /[А-Яа-яЁё]/
      expect(names.filter((name) => foreign.test(name))).toEqual([])
    }
  })

  it('says the kind in its tooltip and draws an icon', () => {
    const wrapper = label('en', { type: 'article-journal' })
    expect(wrapper.text()).toBe('Journal article')
    expect(wrapper.attributes('title')).toBe('Kind of source: Journal article')
    expect(wrapper.attributes('data-kind')).toBe('article-journal')
    expect(wrapper.find('svg path').attributes('d')).toBeTruthy()
  })

  it('marks a record without a reading copy; where room is short, the icon alone with its name in the tooltip', () => {
    const record = label('ru', { type: 'book', record: true })
    expect(record.classes()).toContain('record')
    expect(record.text()).toBe('КнигаЗапись')
    expect(record.attributes('title')).toBe('Книга: библиографическая запись без текста для чтения')
    const compact = label('ru', { type: 'book', record: true, compact: true })
    expect(compact.findAll('.visually-hidden').map((part) => part.text())).toEqual(['Книга', 'Запись'])
    expect(compact.attributes('title')).toBe('Книга: библиографическая запись без текста для чтения')
    expect(label('ru', { type: 'book' }).classes()).not.toContain('record')
  })

  it('names every telling page kind in both languages, each name its own, an article or service page not at all', () => {
    const telling = [...TELLING_PAGE_KINDS]
    for (const language of ['en', 'ru'] as const) {
      const labels = telling.map((pageKind) => label(language, { type: 'webpage', pageKind }))
      const names = labels.map((wrapper) => wrapper.get('.name').text())
      const tooltips = labels.map((wrapper) => wrapper.attributes('title') ?? '')
      expect(names.filter((name) => name.startsWith('pageKinds.'))).toEqual([])
      expect(tooltips.filter((tooltip) => tooltip.includes('pageKinds.'))).toEqual([])
      expect(new Set(names).size).toBe(telling.length)
      expect(new Set(labels.map((wrapper) => wrapper.get('svg path').attributes('d'))).size).toBe(
        telling.length,
      )
      const foreign = language === 'ru' ? /[A-Za-z]/ : /[А-Яа-яЁё]/
      expect([...names, ...tooltips].filter((text) => foreign.test(text))).toEqual([])
      expect(labels.map((wrapper) => wrapper.attributes('data-page-kind'))).toEqual(telling)
    }
    const article = label('ru', { type: 'webpage', pageKind: 'article' })
    expect(article.text()).toBe('Веб-страница')
    expect(article.attributes('title')).toBe('Вид источника: Веб-страница')
    expect(article.attributes('data-page-kind')).toBeUndefined()
    expect(article.html()).toBe(label('ru', { type: 'webpage' }).html())
    expect(label('en', { type: 'webpage', pageKind: 'service' }).html()).toBe(
      label('en', { type: 'webpage' }).html(),
    )
  })

  it('names a thread or a docs page by its page kind in place of a generic type, the type in the tooltip', () => {
    const thread = label('en', { type: 'post', pageKind: 'forum' })
    expect(thread.text()).toBe('Forum thread')
    expect(thread.attributes('title')).toBe('Forum or Q&A thread. Kind of source: Online post')
    expect(thread.attributes('data-kind')).toBe('post')
    expect(thread.attributes('data-page-kind')).toBe('forum')
    expect(thread.get('svg path').attributes('d')).not.toBe(
      label('en', { type: 'post' }).get('svg path').attributes('d'),
    )
    const docs = label('ru', { type: 'webpage', pageKind: 'documentation' })
    expect(docs.text()).toBe('Документация, вики')
    expect(docs.attributes('title')).toBe('Документация или статья вики. Вид источника: Веб-страница')
    expect(label('ru', { type: 'post', pageKind: 'forum' }).attributes('title')).toBe(
      'Тема форума или вопрос с ответами. Вид источника: Публикация в сети',
    )
  })

  it('keeps a type that says something of its own and puts the page kind beside it', () => {
    const report = label('en', { type: 'report', pageKind: 'documentation' })
    expect(report.get('.name').text()).toBe('Report')
    expect(report.get('[data-testid="page-kind"]').text()).toBe('Docs or wiki')
    expect(report.attributes('title')).toBe('Documentation or wiki page. Kind of source: Report')
    const news = label('ru', { type: 'article-newspaper', pageKind: 'listing' })
    expect(news.text()).toBe('Новостная статьяСписок')
    expect(
      label('en', { type: 'report', pageKind: 'article' }).find('[data-testid="page-kind"]').exists(),
    ).toBe(false)
  })

  it('shows a telling page kind in a compact label, where an ordinary item shows its icon alone', () => {
    const thread = label('ru', { type: 'post', pageKind: 'forum', compact: true })
    expect(thread.findAll('.visually-hidden')).toEqual([])
    expect(thread.text()).toBe('Обсуждение')
    const news = label('en', { type: 'article-newspaper', pageKind: 'product', compact: true })
    expect(news.findAll('.visually-hidden').map((part) => part.text())).toEqual(['News article'])
    expect(news.get('[data-testid="page-kind"]').text()).toBe('Product page')
    const article = label('en', { type: 'webpage', pageKind: 'article', compact: true })
    expect(article.findAll('.visually-hidden').map((part) => part.text())).toEqual(['Web page'])
  })

  it('gives a record no page kind: it has no page', () => {
    const record = label('en', { type: 'webpage', record: true, pageKind: 'forum' })
    expect(record.text()).toBe('Web pageRecord')
    expect(record.attributes('data-page-kind')).toBeUndefined()
  })
})
