/** People's names from a byline or a metadata value: split apart, and cleared of addresses, credits and job titles. */
import { decodeEntities, squash } from './article'
import { NAME_JOINERS } from './lexicon/names'
import { isCreditForName, isDomainLike, looksLikeUrl } from './signals'

const NAME_SEPARATOR = new RegExp(`\\s*[,;]\\s*|\\s+(?:${NAME_JOINERS})\\s+`, 'u')

/**
 * "Jane Doe, John Roe and Ann Poe" (or "og", "und", "et", ...) -> three names; URLs, photo credits and
 * empty parts dropped. Parts that read as a job title, an affiliation or the site ("Jane Doe, staff
 * writer, example.com") are dropped too when a name remains.
 */
export function splitNames(text: string): string[] {
  const cleaned = squash(decodeEntities(text)).replace(/^(?:by|автор[ы]?:?)\s+/i, '')
  if (!cleaned || looksLikeUrl(cleaned)) return []
  if (isCreditForName(cleaned)) return []
  const parts = cleaned
    .split(NAME_SEPARATOR)
    // "Elena Oberholzer (obe)": the initials a paper signs with are not part of the name.
    .map((name) => name.replace(/\s*\(\p{L}{1,5}\.?\)$/u, '').trim())
    .filter(
      (name) => /\p{L}/u.test(name) && !looksLikeUrl(name) && !isCreditForName(name) && name.length <= 100,
    )
  const names = parts.filter((part) => !isRoleOrPlace(part))
  return names.length > 0 ? names : parts
}

/** "staff writer", "professor at the Faculty of ...", "example.com": words beside a name that are not one. */
function isRoleOrPlace(part: string): boolean {
  if (isDomainLike(part)) return true
  const words = part.split(' ')
  const lowerCaseWords = words.filter((word) => /^\p{Ll}/u.test(word)).length
  return words.length > 6 || lowerCaseWords * 2 > words.length
}

/**
 * "Lopez, Maria", "Lopez, M. A.", "Иванов, Иван Иванович", "de Jong, Michiel", "Jong, Michiel de": one
 * person, family name first (with its particle before it or after the given names).
 */
const INVERTED_NAME =
  /^((?:\p{Ll}{1,3}\s+){0,2}\p{Lu}[\p{L}'’-]+),\s*((?:\p{Lu}[\p{L}'’-]*\.?\s*){1,3}(?:\p{Ll}{1,3}\s*){0,2})$/u

/**
 * The people a citation tag names (citation_author, DC.creator). These carry one person each, often as
 * catalogues write it ("Lopez, Maria"), which is turned to the order a byline prints ("Maria Lopez")
 * instead of being split at its comma; any other value is read as a list of names.
 */
export function catalogueNames(text: string): string[] {
  const inverted = INVERTED_NAME.exec(squash(decodeEntities(text)))
  if (inverted?.[1] && inverted[2]) return [`${inverted[2].trim()} ${inverted[1]}`]
  return splitNames(text)
}
