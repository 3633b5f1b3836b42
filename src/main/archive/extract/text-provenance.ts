/**
 * Where a copied page's article comes from: when it was published, who holds its rights and which site
 * printed it, read from the lines around the body.
 */
import { hostOf } from '../../../common/text'
import { type SavedMoment, findDate } from './dates'
import { DOMAIN_TOKENS, isDomainLike, nameFromCopyright } from './signals'
import { firstOf, type PageLine } from './text-lines'
import { bylineAuthors, dateOfLine, isUpdateLine, rightsStrength } from './text-rules'

export function findPublished(lines: readonly PageLine[], saved: SavedMoment | null): string | null {
  // A date line, or the date on a byline's line ("3 марта 2020 · Текст: Анна Миллионова").
  const dateOf = (text: string): string | null =>
    dateOfLine(text, saved) ?? (bylineAuthors(text) !== null ? (findDate(text)?.iso ?? null) : null)
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
