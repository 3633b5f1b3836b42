/** Dates as pages print them (RU/EN), turned into ISO 8601 without inventing a time zone. */

export interface FoundDate {
  /** "2026-02-07" or "2026-02-07T19:01". */
  iso: string
  start: number
  end: number
}

const MONTH_PREFIXES: ReadonlyArray<readonly [RegExp, number]> = [
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

/** Month number for an English or Russian month name or abbreviation, else null. */
export function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '')
  if (lower.length < 3) return null
  for (const [pattern, month] of MONTH_PREFIXES) if (pattern.test(lower)) return month
  return null
}

const pad = (n: number): string => String(n).padStart(2, '0')

function toIso(
  year: number,
  month: number,
  day: number,
  time?: { hour: number; minute: number },
): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  const date = `${year}-${pad(month)}-${pad(day)}`
  if (!time) return date
  if (time.hour > 23 || time.minute > 59) return null
  return `${date}T${pad(time.hour)}:${pad(time.minute)}`
}

function parseTime(
  hour?: string,
  minute?: string,
  meridiem?: string,
): { hour: number; minute: number } | undefined {
  if (hour === undefined || minute === undefined) return undefined
  let h = Number(hour)
  const marker = meridiem?.toLowerCase().replace(/\./g, '')
  if (marker === 'pm' && h < 12) h += 12
  if (marker === 'am' && h === 12) h = 0
  return { hour: h, minute: Number(minute) }
}

const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:\s*([ap]\.?m\.?))?`
// Between a date and its time: "2026, 19:01", "2026 г., 19:01", "2026 в 19:01", "2026 at 7:01 PM", "2026 | 19:01".
const SEP = String.raw`(?:\s*(?:,|в|at|года|г\.?|[-–—|/•]))?(?:\s*(?:,|в|at|[-–—|/•]))?\s*`
const MONTH_WORD = String.raw`(\p{L}{3,9}\.?)`

// Each pattern: a regex and how to read its groups.
type Reader = (m: RegExpExecArray) => string | null
const PATTERNS: ReadonlyArray<readonly [RegExp, Reader]> = [
  // 2026-02-07, 2026-02-07T19:01, 2026-02-07 19:01
  [
    /(?<![\d.])(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2}))?(?![\d])/u,
    (m) => toIso(Number(m[1]), Number(m[2]), Number(m[3]), parseTime(m[4], m[5])),
  ],
  // 19:01, 7 февраля 2026 / 19:01 07.02.2026
  [
    new RegExp(String.raw`(?<![\d.:])${TIME}\s*[,|–—-]?\s*(\d{1,2})\s+${MONTH_WORD}\s+(\d{4})(?![\d])`, 'iu'),
    (m) => readDayMonthWord(m[4], m[5], m[6], parseTime(m[1], m[2], m[3])),
  ],
  [
    new RegExp(String.raw`(?<![\d.:])${TIME}\s*[,|–—-]?\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])`, 'iu'),
    (m) => toIso(Number(m[6]), Number(m[5]), Number(m[4]), parseTime(m[1], m[2], m[3])),
  ],
  // 7 февраля 2026, 19:01 / 07 February 2026 19:01 / 7 февраля 2026 г.
  [
    new RegExp(
      String.raw`(?<![\d.])(\d{1,2})\s+${MONTH_WORD}\s+(\d{4})(?![\d])(?:${SEP}${TIME}(?![\d]))?`,
      'iu',
    ),
    (m) => readDayMonthWord(m[1], m[2], m[3], parseTime(m[4], m[5], m[6])),
  ],
  // February 7, 2026, 7:05 PM
  [
    new RegExp(
      String.raw`${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\d])(?:${SEP}${TIME}(?![\d]))?`,
      'iu',
    ),
    (m) => readDayMonthWord(m[2], m[1], m[3], parseTime(m[4], m[5], m[6])),
  ],
  // 07.02.2026, 07.02.2026 19:01
  [
    new RegExp(String.raw`(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])(?:${SEP}${TIME}(?![\d]))?`, 'u'),
    (m) => toIso(Number(m[3]), Number(m[2]), Number(m[1]), parseTime(m[4], m[5], m[6])),
  ],
]

function readDayMonthWord(
  day: string | undefined,
  monthWord: string | undefined,
  year: string | undefined,
  time: { hour: number; minute: number } | undefined,
): string | null {
  const month = monthNumber(monthWord ?? '')
  if (month === null) return null
  return toIso(Number(year), month, Number(day), time)
}

const FOUR_DIGITS = /\d{4}/

/** The first date (with its time, when printed next to it) found in a short piece of text. */
export function findDate(text: string): FoundDate | null {
  const sample = text.length > 400 ? text.slice(0, 400) : text
  // Every pattern needs a four-digit year: most lines are ruled out without running them.
  if (!FOUR_DIGITS.test(sample)) return null
  let best: FoundDate | null = null
  for (const [pattern, read] of PATTERNS) {
    const match = pattern.exec(sample)
    if (!match) continue
    const iso = read(match)
    if (!iso) continue
    const found = { iso, start: match.index, end: match.index + match[0].length }
    // Prefer the earliest match; on a tie, the longer one (it carries the time).
    if (!best || found.start < best.start || (found.start === best.start && found.end > best.end))
      best = found
  }
  return best
}

/**
 * Normalises a machine-readable date (JSON-LD, meta, <time datetime>) to ISO 8601 as stated: seconds and
 * time zone are kept when the source gives them and never invented.
 */
export function normaliseIsoDate(value: string): string | null {
  const trimmed = value.trim()
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      trimmed,
    )
  if (iso) {
    const date = toIso(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    if (!date) return null
    if (iso[4] === undefined) return date
    const seconds = iso[6] ? `:${iso[6]}` : ''
    const zone = iso[7] ? normaliseZone(iso[7]) : ''
    return `${date}T${iso[4]}:${iso[5]}${seconds}${zone}`
  }
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(trimmed)
  if (slashed) return toIso(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]))
  if (/^(?:1[89]|2[01])\d{2}$/.test(trimmed)) return trimmed
  if (/^(\d{4})-(\d{2})$/.test(trimmed)) return trimmed
  return findDate(trimmed)?.iso ?? null
}

function normaliseZone(zone: string): string {
  if (zone.toUpperCase() === 'Z') return 'Z'
  const digits = zone.replace(':', '')
  return `${digits.slice(0, 3)}:${digits.slice(3)}`
}
