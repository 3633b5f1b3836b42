/**
 * Dates of reference files <-> CSL dates: biblatex's ISO 8601-2 dates and ranges ("2020-03-05",
 * "1999-04/2000", "2020/2021", "2020~"), BibTeX's year + month + day, seasons (months 21-24). What
 * cannot be read as a calendar date is kept as the date's literal text, never guessed at.
 */
import type { CslDate } from '../csl-item'

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const

const DATE_PART = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/

type Parts = number[]

function readPart(text: string): Parts | undefined {
  const match = DATE_PART.exec(text)
  if (!match) return undefined
  const parts = [Number(match[1])]
  if (match[2]) {
    const month = Number(match[2])
    if (!((month >= 1 && month <= 12) || (month >= 21 && month <= 24))) return undefined
    parts.push(month)
    if (match[3]) {
      const day = Number(match[3])
      if (day < 1 || day > 31 || month > 12) return undefined
      parts.push(day)
    }
  }
  return parts
}

/** A season is a CSL date's own field, not a month. */
function withSeason(parts: Parts): { parts: Parts; season?: number } {
  const month = parts[1]
  if (month !== undefined && month >= 21) return { parts: [parts[0]!], season: month - 20 }
  return { parts }
}

/**
 * A biblatex date ("2020", "2020-03-05", "1999-04/2000", "2020/2021", "2020~", "2020-21") -> a CSL
 * date; anything else -> `{literal}`. Open ranges keep their text, so they are written back the same.
 */
export function parseIsoDate(value: string): CslDate | undefined {
  const text = value.trim()
  if (!text) return undefined
  let body = text
  let circa = false
  if (/[~%]$/.test(body)) {
    circa = true
    body = body.slice(0, -1)
  }
  const [startText, endText, ...rest] = body.split('/')
  if (rest.length > 0 || startText === undefined) return { literal: text }
  const start = readPart(startText)
  if (!start) return { literal: text }
  const date: CslDate = {}
  if (endText === undefined) {
    const { parts, season } = withSeason(start)
    date['date-parts'] = [parts]
    if (season !== undefined) date.season = season
  } else {
    const end = readPart(endText)
    if (!end || start[1]! >= 21 || end[1]! >= 21) return { literal: text }
    date['date-parts'] = [start, end]
  }
  if (circa) date.circa = true
  return date
}

/** A CSL date -> biblatex's form; undefined when it has neither parts nor literal text. */
export function formatIsoDate(date: CslDate | undefined): string | undefined {
  if (!date) return undefined
  const ranges = date['date-parts']
  if (!ranges?.[0]?.length) return date.literal ?? date.raw
  const pad = (parts: readonly (number | string)[]): string =>
    parts
      .map((part, index) => (index === 0 ? String(part).padStart(4, '0') : String(part).padStart(2, '0')))
      .join('-')
  const start =
    date.season !== undefined && ranges[0].length === 1 ? [...ranges[0], 20 + Number(date.season)] : ranges[0]
  const text = ranges.length > 1 && ranges[1]?.length ? `${pad(start)}/${pad(ranges[1])}` : pad(start)
  return date.circa ? `${text}~` : text
}

const FULL_MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** "3", "03", "mar", "March", "Mar.", "sept" -> 3 or 9; undefined otherwise. */
export function monthNumber(value: string): number | undefined {
  const text = value.trim().toLowerCase().replace(/\.$/, '')
  if (/^\d{1,2}$/.test(text)) {
    const number = Number(text)
    return number >= 1 && number <= 12 ? number : undefined
  }
  if (text === 'sept') return 9
  const index = Math.max((MONTH_NAMES as readonly string[]).indexOf(text), FULL_MONTHS.indexOf(text))
  return index >= 0 ? index + 1 : undefined
}

export function monthMacro(month: number): string | undefined {
  return MONTH_NAMES[month - 1]
}

/**
 * BibTeX's year (+ month + day) -> a CSL date. "2020", "2020--2021" and "2020/2021" are dates; any other
 * year ("in press", "1999a", "0000") is no calendar date and is left to the caller to keep as text.
 */
export function parseYearMonthDay(
  year: string,
  month: string | undefined,
  day: string | undefined,
): CslDate | undefined {
  const text = year.trim()
  const range = /^(\d{4})\s*(?:--?|–|\/)\s*(\d{4})$/.exec(text)
  if (range) return { 'date-parts': [[Number(range[1])], [Number(range[2])]] }
  if (!/^\d{4}$/.test(text) || text === '0000') return undefined
  const parts = [Number(text)]
  if (month !== undefined) {
    const number = monthNumber(month)
    if (number === undefined) return undefined
    parts.push(number)
    if (day !== undefined) {
      if (!/^\d{1,2}$/.test(day.trim())) return undefined
      const dayNumber = Number(day)
      if (dayNumber < 1 || dayNumber > 31) return undefined
      parts.push(dayNumber)
    }
  } else if (day !== undefined) return undefined
  return { 'date-parts': [parts] }
}
