/**
 * Where a copied page's article comes from: when it was published, who holds its rights and which site
 * printed it, read from the lines around the body.
 */
import { hostOf } from '../../../common/text'
import { type SavedMoment, findDate } from './dates'
import { DOMAIN_TOKENS, endsLikeSentence, isDomainLike, nameFromCopyright } from './signals'
import { firstOf, type PageLine } from './text-lines'
import { bylineAuthors, dateOfLine, isUpdateLine, rightsStrength } from './text-rules'

/** What separates the parts of a stamp line: "Zach Lezberg | May 22, 2025", "Dec 26, 2025 • Mahua Das". */
const STAMP_SEPARATOR = /\s+[|•·⋅—–]\s+/u
/** A stamp line is short, and each of its other parts a name, a role or a reading time. */
const STAMP_MAX_CHARS = 120
const STAMP_PART_MAX_WORDS = 6

/**
 * The date of a line of parts set apart by bars or bullets, one of them a date and the others short labels
 * (a name, a role, a section, a reading time), not a sentence: "Aaron Ricadela | Senior Writer | July 2, 2025".
 */
function stampLineDate(text: string, saved: SavedMoment | null): string | null {
  if (text.length > STAMP_MAX_CHARS) return null
  const parts = text.split(STAMP_SEPARATOR)
  if (parts.length < 2) return null
  let date: string | null = null
  for (const part of parts) {
    const partDate = dateOfLine(part, saved)
    if (partDate !== null) date ??= partDate
    else if (part.split(/\s+/).length > STAMP_PART_MAX_WORDS || endsLikeSentence(part)) return null
  }
  return date
}

export function findPublished(lines: readonly PageLine[], saved: SavedMoment | null): string | null {
  // A date line, the date on a byline's line ("3 марта 2020 · Текст: Анна Миллионова"), or a stamp line.
  const dateOf = (text: string): string | null => {
    const dated = dateOfLine(text, saved)
    if (dated !== null) return dated
    const onBylineLine = bylineAuthors(text) !== null ? findDate(text) : null
    return onBylineLine?.iso ?? stampLineDate(text, saved)
  }
  for (const line of lines) {
    if (!isUpdateLine(line.text)) {
      const date = dateOf(line.text)
      if (date) return date
    }
  }
  return firstOf(lines, (line) => dateOf(line.text))
}

/** The line that best states reuse terms: usage conditions over "all rights reserved" over a bare ©. */
export function findRights(lines: readonly PageLine[]): string | null {
  let best: string | null = null
  let bestStrength = 0
  for (const line of lines) {
    const strength = rightsStrength(line.text)
    if (strength > bestStrength) {
      bestStrength = strength
      best = line.text
    }
  }
  return best?.replace(/(?:\s*\.){2,}\s*$/u, '.').trim() ?? null
}

/** The site's name from its copyright line, its rights line, a signature below the body, or the URL. */
export function findSiteName(
  lines: readonly PageLine[],
  afterBody: readonly PageLine[],
  url: string | null,
): string | null {
  const notices = lines.filter((line) => rightsStrength(line.text) > 0).map((line) => line.text)
  const spellings = new Map<string, string>()
  for (const notice of notices) {
    for (const token of notice.match(DOMAIN_TOKENS) ?? []) {
      if (!spellings.has(token.toLowerCase())) spellings.set(token.toLowerCase(), token)
    }
  }
  const candidates: string[] = []
  for (const notice of notices) {
    const name = nameFromCopyright(notice)
    if (name) candidates.push(name)
  }
  candidates.push(...spellings.values())
  for (const line of afterBody) if (isDomainLike(line.text)) candidates.push(line.text)
  const chosen = candidates[0]
  if (chosen) return spellings.get(chosen.toLowerCase()) ?? chosen
  return hostOf(url)
}
