import { describe, expect, it } from 'vitest'
import { cslDateText, formatTypedDate, parseTypedDate } from './typedDate'

describe('typed dates', () => {
  it('reads the dotted day-first form Russian writes, and ISO, in either language', () => {
    expect(parseTypedDate('07.02.2026', 'ru')).toBe('2026-02-07')
    expect(parseTypedDate('7.2.2026', 'en')).toBe('2026-02-07')
    expect(parseTypedDate('02.2026', 'ru')).toBe('2026-02')
    expect(parseTypedDate('2026', 'ru')).toBe('2026')
    expect(parseTypedDate('2026-02-07', 'ru')).toBe('2026-02-07')
    expect(parseTypedDate(' 2026-2 ', 'en')).toBe('2026-02')
  })

  it('reads month names in both languages and the American month-first form in English only', () => {
    expect(parseTypedDate('7 февраля 2026 г.', 'ru')).toBe('2026-02-07')
    expect(parseTypedDate('май 2024', 'ru')).toBe('2024-05')
    expect(parseTypedDate('March 2024', 'en')).toBe('2024-03')
    expect(parseTypedDate('February 7, 2026', 'en')).toBe('2026-02-07')
    expect(parseTypedDate('7 Feb 2026', 'en')).toBe('2026-02-07')
    expect(parseTypedDate('2/7/2026', 'en')).toBe('2026-02-07')
    expect(parseTypedDate('2/7/2026', 'ru')).toBeNull()
  })

  it('keeps a time only where the field takes one', () => {
    expect(parseTypedDate('07.02.2026 19:01', 'ru', { withTime: true })).toBe('2026-02-07T19:01')
    expect(parseTypedDate('2026-02-07T19:01', 'en', { withTime: true })).toBe('2026-02-07T19:01')
    expect(parseTypedDate('07.02.2026 19:01', 'ru')).toBeNull()
  })

  it('refuses what is not a day of the calendar', () => {
    for (const text of ['31.02.2026', '2026-13', '29.02.2025', '00.01.2026', 'вчера', '2026-02-07T25:00', ''])
      expect(parseTypedDate(text, 'ru', { withTime: true })).toBeNull()
    expect(parseTypedDate('29.02.2024', 'ru')).toBe('2024-02-29')
  })

  it('shows a stored date the way the language writes it, and a range or a season as written', () => {
    expect(formatTypedDate('2026-02-07T19:01', 'ru')).toBe('07.02.2026 19:01')
    expect(formatTypedDate('2026-02-07T00:00', 'ru')).toBe('07.02.2026')
    expect(formatTypedDate('2026-02', 'ru')).toBe('02.2026')
    expect(formatTypedDate('2026-02-07', 'en')).toBe('2026-02-07')
    expect(cslDateText({ 'date-parts': [[2024, 3]] }, 'ru')).toBe('03.2024')
    expect(cslDateText({ 'date-parts': [['2024', '3', '9']] }, 'en')).toBe('2024-03-09')
    expect(cslDateText({ 'date-parts': [[2019], [2020]] }, 'en')).toBe('2019/2020')
    expect(cslDateText({ literal: 'Spring 2020' }, 'en')).toBe('Spring 2020')
    expect(cslDateText(undefined, 'en')).toBe('')
  })
})
