// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createLecternI18n } from './index'
import { russianPluralIndex } from './plural'

describe('russianPluralIndex', () => {
  it('chooses one / few / many by the last digits', () => {
    const forms = ['статья', 'статьи', 'статей']
    const pick = (n: number) => forms[russianPluralIndex(n, 3)]
    expect(pick(1)).toBe('статья')
    expect(pick(2)).toBe('статьи')
    expect(pick(4)).toBe('статьи')
    expect(pick(5)).toBe('статей')
    expect(pick(0)).toBe('статей')
    expect(pick(11)).toBe('статей')
    expect(pick(12)).toBe('статей')
    expect(pick(14)).toBe('статей')
    expect(pick(21)).toBe('статья')
    expect(pick(22)).toBe('статьи')
    expect(pick(111)).toBe('статей')
    expect(pick(101)).toBe('статья')
    expect(pick(1004)).toBe('статьи')
  })
})

describe('the configured i18n instance', () => {
  it('pluralises Russian messages with the Russian rule', () => {
    const i18n = createLecternI18n('ru')
    const { t } = i18n.global
    expect(t('count.articles', 1)).toBe('1 статья')
    expect(t('count.articles', 2)).toBe('2 статьи')
    expect(t('count.articles', 5)).toBe('5 статей')
    expect(t('count.articles', 21)).toBe('21 статья')
    expect(t('count.articles', 11)).toBe('11 статей')
  })

  it('pluralises English messages', () => {
    const { t } = createLecternI18n('en').global
    expect(t('count.articles', 1)).toBe('1 article')
    expect(t('count.articles', 3)).toBe('3 articles')
  })
})
