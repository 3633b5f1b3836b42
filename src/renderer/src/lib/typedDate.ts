import { firstDateParts, type CslDate } from '../../../common/csl'

/**
 * Dates as people type them: ISO (2026, 2026-02, 2026-02-07, 2026-02-07 19:01) in either language,
 * the day-first dotted form Russian writes (07.02.2026, 02.2026), the month-first form of American
 * English (2/7/2026), and month names in both languages (7 February 2026, February 7, 2026,
 * 7 февраля 2026 г., февраль 2026). Each is read into the ISO form the archive stores.
 */

export type DateLanguage = 'en' | 'ru'

interface DateParts {
  year: number
  month?: number
  day?: number
  hour?: number
  minute?: number
}

const MONTHS: Array<[RegExp, number]> = [
  [/^(jan|янв)/, 1],
  [/^(feb|фев)/, 2],
  [/^(mar|мар)/, 3],
  [/^(apr|апр)/, 4],
  [/^(may|ма[йя])/, 5],
  [/^(jun|июн)/, 6],
  [/^(jul|июл)/, 7],
  [/^(aug|авг)/, 8],
  [/^(sep|сен)/, 9],
  [/^(oct|окт)/, 10],
  [/^(nov|ноя)/, 11],
  [/^(dec|дек)/, 12],
]

function monthNumber(word: string): number | undefined {
  const lower = word.toLocaleLowerCase()
  return MONTHS.find(([pattern]) => pattern.test(lower))?.[1]
}

const ISO = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2}))?)?)?$/
const DOTTED_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/
const DOTTED_MONTH = /^(\d{1,2})\.(\d{4})$/
const US_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const DAY_MONTH_YEAR = /^(\d{1,2})\s+(\p{L}+)\.?,?\s+(\d{4})$/u
const MONTH_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u
const MONTH_YEAR = /^(\p{L}+)\.?\s+(\d{4})$/u

function readParts(text: string, language: DateLanguage): DateParts | null {
  const value = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*(г\.|года?)$/u, '')
  const number = (part: string | undefined) => (part === undefined ? undefined : Number(part))
  let match = ISO.exec(value)
  if (match)
    return {
      year: Number(match[1]),
      month: number(match[2]),
      day: number(match[3]),
      hour: number(match[4]),
      minute: number(match[5]),
    }
  match = DOTTED_DAY.exec(value)
  if (match)
    return {
      year: Number(match[3]),
      month: Number(match[2]),
      day: Number(match[1]),
      hour: number(match[4]),
      minute: number(match[5]),
    }
  match = DOTTED_MONTH.exec(value)
  if (match) return { year: Number(match[2]), month: Number(match[1]) }
  match = US_DAY.exec(value)
  if (match && language === 'en')
    return { year: Number(match[3]), month: Number(match[1]), day: Number(match[2]) }
  match = DAY_MONTH_YEAR.exec(value)
  if (match) {
    const month = monthNumber(match[2]!)
    return month ? { year: Number(match[3]), month, day: Number(match[1]) } : null
  }
  match = MONTH_DAY_YEAR.exec(value)
  if (match) {
    const month = monthNumber(match[1]!)
    return month ? { year: Number(match[3]), month, day: Number(match[2]) } : null
  }
  match = MONTH_YEAR.exec(value)
  if (match) {
    const month = monthNumber(match[1]!)
    return month ? { year: Number(match[2]), month } : null
  }
  return null
}

function isReal(parts: DateParts): boolean {
  const { year, month, day, hour, minute } = parts
  if (year < 1 || year > 9999) return false
  if (month !== undefined && (month < 1 || month > 12)) return false
  if (day !== undefined) {
    const lastDay = new Date(Date.UTC(year, month!, 0)).getUTCDate()
    if (day < 1 || day > lastDay) return false
  }
  if (hour !== undefined && (hour > 23 || minute! > 59)) return false
  return true
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function isoOf(parts: DateParts): string {
  let iso = pad(parts.year, 4)
  if (parts.month !== undefined) iso += `-${pad(parts.month)}`
  if (parts.day !== undefined) iso += `-${pad(parts.day)}`
  if (parts.hour !== undefined) iso += `T${pad(parts.hour)}:${pad(parts.minute!)}`
  return iso
}

/**
 * The ISO date ("2026", "2026-02", "2026-02-07", or with `withTime` "2026-02-07T19:01") that `text`
 * writes, or null when it is not a date of the calendar in a form this reads.
 */
export function parseTypedDate(
  text: string,
  language: DateLanguage,
  options: { withTime?: boolean } = {},
): string | null {
  const parts = readParts(text, language)
  if (!parts || !isReal(parts)) return null
  if (parts.hour !== undefined && !options.withTime) return null
  return isoOf(parts)
}

/** How the date field shows a stored ISO date: 07.02.2026 in Russian, 2026-02-07 in English. */
export function formatTypedDate(iso: string | null | undefined, language: DateLanguage): string {
  if (!iso) return ''
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/.exec(iso.trim())
  if (!match) return iso
  const [, year, month, day, hour, minute] = match
  const time = hour !== undefined && `${hour}:${minute}` !== '00:00' ? ` ${hour}:${minute}` : ''
  if (language === 'ru') return [day, month, year].filter(Boolean).join('.') + time
  return [year, month, day].filter(Boolean).join('-') + time
}

/** A CSL date as the field shows it: a single date in the language's form, a range or free text as written. */
export function cslDateText(date: CslDate | undefined, language: DateLanguage): string {
  if (!date) return ''
  const ranges = date['date-parts'] ?? []
  const parts = firstDateParts(date)
  if (ranges.length === 1 && parts) {
    const [year, month, day] = parts
    return formatTypedDate(isoOf({ year: year!, month, day }), language)
  }
  if (ranges.length === 2) {
    return ranges.map((range) => range.join('-')).join('/')
  }
  return (date.literal ?? date.raw ?? '').trim()
}

/** The CSL date of an ISO date ("2026-02-07" -> date-parts [[2026, 2, 7]]). */
export function cslDateOf(iso: string): CslDate {
  return { 'date-parts': [iso.slice(0, 10).split('-').map(Number)] }
}
