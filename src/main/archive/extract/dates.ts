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
const GLOBAL_PATTERNS: ReadonlyArray<readonly [RegExp, Reader]> = PATTERNS.map(
  ([pattern, read]) => [new RegExp(pattern.source, `${pattern.flags}g`), read] as const,
)

/** The first date (with its time, when printed next to it) found in a short piece of text. */
export function findDate(text: string): FoundDate | null {
  const sample = text.length > 400 ? text.slice(0, 400) : text
  // Every pattern needs a four-digit year: most lines are ruled out without running them.
  if (!FOUR_DIGITS.test(sample)) return null
  let best: FoundDate | null = null
  for (const [pattern, read] of GLOBAL_PATTERNS) {
    pattern.lastIndex = 0
    // A match that does not read as a date ("hDECEMBER 22" where the copy glued words) is tried again
    // one character on.
    for (let match = pattern.exec(sample); match; match = pattern.exec(sample)) {
      const iso = read(match)
      if (iso) {
        const found = { iso, start: match.index, end: match.index + match[0].length }
        // Prefer the earliest match; on a tie, the longer one (it carries the time).
        if (!best || found.start < best.start || (found.start === best.start && found.end > best.end))
          best = found
        break
      }
      pattern.lastIndex = match.index + 1
    }
  }
  return best
}

// ---------------------------------------------------------------- dates told against the day of saving

/** The local date and time at which a page was saved or pasted: what "today" and "2 hours ago" count from. */
export interface SavedMoment {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** The saved moment of a Date, in the computer's local time (a paste is saved when it is made). */
export function savedMomentOf(date: Date): SavedMoment {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
  }
}

/** A date found in text that may need the saved moment to be told: iso is null when it was not given. */
export interface FoundRelativeDate {
  iso: string | null
  start: number
  end: number
}

const TIME_OF_DAY = String.raw`(\d{1,2})[:.](\d{2})(?:\s*([ap]\.?m\.?))?`
const RELATIVE_DAY = new RegExp(
  String.raw`(?<!\p{L})(сегодня|вчера|позавчера|today|yesterday)(?!\p{L})(?:\s*(?:,|в|at|-|–)?\s*${TIME_OF_DAY}(?!\d))?`,
  'iu',
)
const DAYS_BACK: Readonly<Record<string, number>> = {
  сегодня: 0,
  today: 0,
  вчера: 1,
  yesterday: 1,
  позавчера: 2,
}
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  одну: 1,
  один: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
}
const TIME_AGO = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(\d{1,3}|an?|one|two|three|одну|один|одна|два|две|три|четыре|пять)\s+)?(минут\p{L}*|мин\.?|секунд\p{L}*|час\p{L}*|дн(?:я|ей)|день|недел\p{L}*|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+(?:назад|ago)(?!\p{L})|(?<!\p{L})(только что|just now)(?!\p{L})`,
  'iu',
)
const STRICT_MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  /^(?:января|jan(?:uary|\.)?)$/,
  /^(?:февраля|feb(?:ruary|\.)?)$/,
  /^(?:марта|mar(?:ch|\.)?)$/,
  /^(?:апреля|apr(?:il|\.)?)$/,
  /^(?:мая|may)$/,
  /^(?:июня|june?)$/,
  /^(?:июля|july?)$/,
  /^(?:августа|aug(?:ust|\.)?)$/,
  /^(?:сентября|sept?(?:ember|\.)?)$/,
  /^(?:октября|oct(?:ober|\.)?)$/,
  /^(?:ноября|nov(?:ember|\.)?)$/,
  /^(?:декабря|dec(?:ember|\.)?)$/,
].map((pattern, index) => [pattern, index + 1] as const)

function strictMonth(word: string | undefined): number | null {
  const lower = (word ?? '').toLowerCase()
  for (const [pattern, month] of STRICT_MONTHS) if (pattern.test(lower)) return month
  return null
}

// "8 января, 17:46", "8 января в 17:46", "Jan 8, 5:46 PM": a day and month with no year after them.
const DAY_MONTH_NO_YEAR = new RegExp(
  String.raw`(?<![\d.])(\d{1,2})\s+(\p{L}{3,9}\.?)(?!\s*,?\s*\d{4})(?:\s*(?:,|в|at|-|–)?\s*${TIME_OF_DAY}(?!\d))?`,
  'giu',
)
const MONTH_DAY_NO_YEAR = new RegExp(
  String.raw`(?<!\p{L})(\p{L}{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d:])(?!\s*,?\s*\d{4})(?:\s*(?:,|at|-|–)?\s*${TIME_OF_DAY}(?!\d))?`,
  'giu',
)

const DAY_MS = 86_400_000
const RELATIVE_DAY_HINT = /сегодня|вчера|позавчера|today|yesterday/iu
const TIME_AGO_HINT = /назад|ago|только что|just now/iu
const MONTH_HINT =
  /январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu

/** The saved moment moved back by some milliseconds, as the date (and time) it falls on. */
function momentBefore(saved: SavedMoment, back: number): SavedMoment {
  const when = new Date(Date.UTC(saved.year, saved.month - 1, saved.day, saved.hour, saved.minute) - back)
  return {
    year: when.getUTCFullYear(),
    month: when.getUTCMonth() + 1,
    day: when.getUTCDate(),
    hour: when.getUTCHours(),
    minute: when.getUTCMinutes(),
  }
}

function yearlessIso(
  saved: SavedMoment,
  month: number,
  day: number,
  time: { hour: number; minute: number } | undefined,
): string | null {
  // The latest such day not after the day of saving: "8 января" saved in February is this year's.
  const after = month > saved.month || (month === saved.month && day > saved.day)
  return toIso(after ? saved.year - 1 : saved.year, month, day, time)
}

/**
 * A date told against the day the page was saved: "сегодня, 19:20", "вчера в 10:05", "2 часа назад",
 * "yesterday at 7:05 pm", "3 days ago", or a day and month without the year ("8 января, 17:46"). Without
 * the saved moment the date is found but not told (iso null): nothing is made up.
 */
export function findRelativeDate(text: string, saved: SavedMoment | null): FoundRelativeDate | null {
  const sample = text.length > 400 ? text.slice(0, 400) : text
  // Each form has its words (or a month's name and a digit): most lines are ruled out without its patterns.
  const day = RELATIVE_DAY_HINT.test(sample) ? RELATIVE_DAY.exec(sample) : null
  if (day) {
    const back = DAYS_BACK[(day[1] ?? '').toLowerCase()] ?? 0
    const time = parseTime(day[2], day[3], day[4])
    const moment = saved ? momentBefore(saved, back * DAY_MS) : null
    const iso = moment ? toIso(moment.year, moment.month, moment.day, time) : null
    return { iso, start: day.index, end: day.index + day[0].length }
  }
  const ago = TIME_AGO_HINT.test(sample) ? TIME_AGO.exec(sample) : null
  if (ago) {
    const amount = ago[1] ? Number(ago[1]) || NUMBER_WORDS[ago[1].toLowerCase()] || 1 : 1
    const unit = (ago[2] ?? '').toLowerCase()
    const unitMs = /^(?:дн|день|day)/.test(unit)
      ? DAY_MS
      : /^(?:недел|week)/.test(unit)
        ? 7 * DAY_MS
        : /^(?:час|hour|hr)/.test(unit)
          ? 3_600_000
          : 60_000
    const moment = saved ? momentBefore(saved, ago[3] ? 0 : amount * unitMs) : null
    // Only the day is told: "2 hours ago" does not say the minute.
    const iso = moment ? toIso(moment.year, moment.month, moment.day) : null
    return { iso, start: ago.index, end: ago.index + ago[0].length }
  }
  if (!/\d/.test(sample) || !MONTH_HINT.test(sample)) return null
  for (const [pattern, dayAt, monthAt] of [
    [DAY_MONTH_NO_YEAR, 1, 2],
    [MONTH_DAY_NO_YEAR, 2, 1],
  ] as const) {
    for (const match of sample.matchAll(pattern)) {
      const month = strictMonth(match[monthAt])
      const dayOfMonth = Number(match[dayAt])
      if (month === null || dayOfMonth < 1 || dayOfMonth > 31) continue
      const time = parseTime(match[3], match[4], match[5])
      const iso = saved ? yearlessIso(saved, month, dayOfMonth, time) : null
      return { iso, start: match.index, end: match.index + match[0].length }
    }
  }
  return null
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
