import { describe, expect, it } from 'vitest'
import { formatStatedDate, readingMinutes } from './format'

describe('formatStatedDate', () => {
  it('formats a full date per language', () => {
    expect(formatStatedDate('2026-02-07', 'ru')).toBe('7 февраля 2026 г.')
    expect(formatStatedDate('2026-02-07', 'en')).toBe('February 7, 2026')
  })

  it('keeps a stated time without shifting it', () => {
    const ru = formatStatedDate('2026-02-07T19:01', 'ru') ?? ''
    expect(ru).toContain('7 февраля 2026 г.')
    expect(ru).toContain('19:01')
  })

  it('shows the wall-clock time the page stated, whatever its offset', () => {
    expect(formatStatedDate('2020-10-19T06:34+03:00', 'ru')).toContain('06:34')
    expect(formatStatedDate('2020-10-19T06:34:10Z', 'en')).toContain('6:34')
  })

  it('leaves out a midnight time, which pages use for "no time"', () => {
    expect(formatStatedDate('2017-01-13T00:00:00Z', 'en')).toBe('January 13, 2017')
  })

  it('formats partial dates without inventing a day', () => {
    expect(formatStatedDate('2026', 'en')).toBe('2026')
    expect(formatStatedDate('2026-02', 'en')).toBe('February 2026')
  })

  it('returns null for no date', () => {
    expect(formatStatedDate(null, 'en')).toBeNull()
  })
})

describe('readingMinutes', () => {
  it('never says zero minutes', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(1000)).toBe(5)
  })
})
