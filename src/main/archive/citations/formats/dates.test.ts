import { describe, expect, it } from 'vitest'
import { formatIsoDate, monthNumber, parseIsoDate, parseYearMonthDay } from './dates'

describe('biblatex dates', () => {
  it('reads dates, ranges, seasons and approximate dates, and writes them back the same', () => {
    const cases: [string, object][] = [
      ['2020', { 'date-parts': [[2020]] }],
      ['2020-03-05', { 'date-parts': [[2020, 3, 5]] }],
      ['2020/2021', { 'date-parts': [[2020], [2021]] }],
      ['1999-04/2000', { 'date-parts': [[1999, 4], [2000]] }],
      ['2020-22', { 'date-parts': [[2020]], season: 2 }],
      ['1850~', { 'date-parts': [[1850]], circa: true }],
    ]
    for (const [text, date] of cases) {
      expect(parseIsoDate(text)).toEqual(date)
      expect(formatIsoDate(parseIsoDate(text))).toBe(text)
    }
  })

  it('keeps what is no calendar date as literal text', () => {
    expect(parseIsoDate('2020/')).toEqual({ literal: '2020/' })
    expect(parseIsoDate('Spring 2020')).toEqual({ literal: 'Spring 2020' })
    expect(parseIsoDate('2020-13-01')).toEqual({ literal: '2020-13-01' })
  })
})

describe('BibTeX year, month and day', () => {
  it('reads month names, abbreviations and numbers', () => {
    expect(['3', '03', 'mar', 'March', 'Mar.'].map(monthNumber)).toEqual([3, 3, 3, 3, 3])
    expect(monthNumber('Spring')).toBeUndefined()
  })

  it('reads year ranges and refuses years that are none', () => {
    expect(parseYearMonthDay('2020', 'mar', '5')).toEqual({ 'date-parts': [[2020, 3, 5]] })
    expect(parseYearMonthDay('2020--2021', undefined, undefined)).toEqual({ 'date-parts': [[2020], [2021]] })
    expect(parseYearMonthDay('in press', undefined, undefined)).toBeUndefined()
    expect(parseYearMonthDay('0000', undefined, undefined)).toBeUndefined()
  })
})
