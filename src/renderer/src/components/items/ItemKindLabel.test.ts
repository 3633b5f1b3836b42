// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { CSL_ITEM_TYPES } from '../../../../common/csl'
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
})
