/** Locale-aware formatting of the dates and numbers the archive stores. */

/** Year, month, day, hour, minute; seconds and a stated UTC offset are accepted and not shown. */
const PARTIAL_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/

export type DateStyle = 'long' | 'short'

/**
 * Formats a date as the page stated it ("2026", "2026-02", "2026-02-07", "2026-02-07T19:01",
 * "2020-10-19T06:34+03:00") without converting time zones: the stated wall-clock time is shown.
 */
export function formatStatedDate(
  value: string | null,
  locale: string,
  style: DateStyle = 'long',
): string | null {
  if (!value) return null
  const match = PARTIAL_DATE.exec(value.trim())
  if (!match) return formatInstant(value, locale, style)
  const [, year, month, day, hour, minute] = match
  const date = new Date(
    Date.UTC(
      Number(year),
      month ? Number(month) - 1 : 0,
      day ? Number(day) : 1,
      Number(hour ?? 0),
      Number(minute ?? 0),
    ),
  )
  const monthStyle = style === 'long' ? 'long' : 'short'
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' }
  if (month) options.month = day ? monthStyle : 'long'
  if (day) options.day = 'numeric'
  // Sites that know only the day often publish it as midnight; a stated 00:00 adds nothing.
  const statesTime = hour !== undefined && !(hour === '00' && minute === '00')
  if (statesTime && style === 'long') {
    // English reads "7:01 PM"; most other languages write a 24-hour "19:01" with two digits.
    options.hour = locale.startsWith('en') ? 'numeric' : '2-digit'
    options.minute = '2-digit'
  }
  return new Intl.DateTimeFormat(locale, options).format(date)
}

/** Formats a full timestamp (e.g. when an article was added) in the reader's own time zone. */
export function formatInstant(
  value: string | null,
  locale: string,
  style: DateStyle = 'long',
): string | null {
  if (!value) return null
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    ...(style === 'long' ? { hour: 'numeric', minute: '2-digit' } : {}),
  }).format(date)
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value)
}

const WORDS_PER_MINUTE = 200

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE))
}
