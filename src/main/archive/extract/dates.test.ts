import { describe, expect, it } from 'vitest'
import { findDate, findRelativeDate, normaliseIsoDate, savedMomentOf } from './dates'

describe('findDate', () => {
  it.each([
    ['07 February 2026 19:01', '2026-02-07T19:01'],
    ['7 февраля 2026, 19:01', '2026-02-07T19:01'],
    ['7 февраля 2026 г., 19:01', '2026-02-07T19:01'],
    ['7 февраля 2026 в 19:01', '2026-02-07T19:01'],
    ['19:01, 7 февраля 2026', '2026-02-07T19:01'],
    ['07.02.2026', '2026-02-07'],
    ['07.02.2026 19:01', '2026-02-07T19:01'],
    ['19:01 07.02.2026', '2026-02-07T19:01'],
    ['February 7, 2026', '2026-02-07'],
    ['Feb. 7, 2026, 7:01 PM', '2026-02-07T19:01'],
    ['March 3rd, 2025 at 12:15 am', '2025-03-03T00:15'],
    ['Published: 2026-02-07', '2026-02-07'],
    ['3 марта 2020', '2020-03-03'],
    ['1 мая 2021', '2021-05-01'],
  ])('reads %s', (text, iso) => {
    expect(findDate(text)?.iso).toBe(iso)
  })

  it('reads a date the copy glued to the words around it', () => {
    expect(findDate('Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026')?.iso).toBe('2022-12-22')
    expect(findDate('By thegrangehallFebruary 16, 2026No Comments')?.iso).toBe('2026-02-16')
  })

  it('refuses impossible dates and plain numbers', () => {
    expect(findDate('31 February 2026')).toBeNull()
    expect(findDate('32.01.2026')).toBeNull()
    expect(findDate('Views: 120')).toBeNull()
    expect(findDate('version 10.2.2026.1')).toBeNull()
  })
})

describe('findRelativeDate', () => {
  const saved = { year: 2026, month: 2, day: 7, hour: 19, minute: 45 }

  it.each([
    ['Сегодня, 19:20', '2026-02-07T19:20'],
    ['сегодня в 05:46, просмотров: 237', '2026-02-07T05:46'],
    ['Вчера в 10:05', '2026-02-06T10:05'],
    ['позавчера', '2026-02-05'],
    ['yesterday at 7:05 pm', '2026-02-06T19:05'],
    ['Today', '2026-02-07'],
    ['2 часа назад', '2026-02-07'],
    ['20 hours ago', '2026-02-06'],
    ['5 минут назад', '2026-02-07'],
    ['3 дня назад', '2026-02-04'],
    ['неделю назад', '2026-01-31'],
    ['an hour ago', '2026-02-07'],
    ['только что', '2026-02-07'],
    ['8 января, 17:46', '2026-01-08T17:46'],
    ['Jan 8, 5:46 PM', '2026-01-08T17:46'],
    // A day later in the year than the day of saving is last year's.
    ['30 декабря в 12:00', '2025-12-30T12:00'],
  ])('tells %s against the day of saving', (text, iso) => {
    expect(findRelativeDate(text, saved)?.iso).toBe(iso)
  })

  it('finds a relative date without the day of saving, but tells no day', () => {
    expect(findRelativeDate('Сегодня, 19:20', null)).toEqual({ iso: null, start: 0, end: 14 })
    expect(findRelativeDate('8 января, 17:46', null)?.iso).toBeNull()
  })

  it('takes no word that merely starts like a month for one', () => {
    expect(findRelativeDate('5 маршрутов', saved)).toBeNull()
    expect(findRelativeDate('Top 10 picks', saved)).toBeNull()
    expect(findRelativeDate('Прошло 3 года', saved)).toBeNull()
  })

  it('counts back across the turn of a month and a year', () => {
    const newYear = { year: 2026, month: 1, day: 1, hour: 1, minute: 0 }
    expect(findRelativeDate('вчера в 23:10', newYear)?.iso).toBe('2025-12-31T23:10')
    expect(findRelativeDate('2 hours ago', newYear)?.iso).toBe('2025-12-31')
  })

  it('reads the saved moment of a Date in local time', () => {
    expect(savedMomentOf(new Date(2026, 1, 7, 19, 45))).toEqual(saved)
  })
})

describe('normaliseIsoDate', () => {
  it('keeps what the source states and invents nothing', () => {
    expect(normaliseIsoDate('2026-02-07T19:01:00+0300')).toBe('2026-02-07T19:01:00+03:00')
    expect(normaliseIsoDate('2026-02-07T19:01Z')).toBe('2026-02-07T19:01Z')
    expect(normaliseIsoDate('2026-02-07')).toBe('2026-02-07')
    expect(normaliseIsoDate('2020/05/14')).toBe('2020-05-14')
    expect(normaliseIsoDate('2020')).toBe('2020')
    expect(normaliseIsoDate('7 февраля 2026')).toBe('2026-02-07')
    expect(normaliseIsoDate('not a date')).toBeNull()
  })
})
