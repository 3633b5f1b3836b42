import { describe, expect, it } from 'vitest'
import { findDate, normaliseIsoDate } from './dates'

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

  it('refuses impossible dates and plain numbers', () => {
    expect(findDate('31 February 2026')).toBeNull()
    expect(findDate('32.01.2026')).toBeNull()
    expect(findDate('Views: 120')).toBeNull()
    expect(findDate('version 10.2.2026.1')).toBeNull()
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
