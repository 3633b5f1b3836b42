/**
 * BibTeX name lists, both ways: "and"-separated names in the three forms BibTeX reads ("First von Last",
 * "von Last, First", "von Last, Jr, First"), {Braced Organisations} as literal names, "and others",
 * particles ("van der", "de la") and suffixes ("Jr."); TeX decoded in every part.
 */
import type { CslName } from '../csl-item'
import { decodeTex, escapeTex, type EscapeOptions } from './tex'

/** What "and others" becomes: a name of its own, so the list says the authors go on. */
export const OTHERS: Readonly<CslName> = { literal: 'others' }

/** Splits a name list on "and" outside braces (any case, any whitespace around it). */
export function splitNames(raw: string): string[] {
  const names: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!
    if (char === '{') depth++
    else if (char === '}') depth--
    else if (depth === 0 && /\s/.test(char)) {
      const match = /\s+and\s+/iy
      match.lastIndex = index
      const found = match.exec(raw)
      if (found) {
        names.push(raw.slice(start, index))
        index += found[0].length - 1
        start = index + 1
      }
    }
  }
  names.push(raw.slice(start))
  return names.map((name) => name.trim()).filter(Boolean)
}

/** Splits on a separator (a comma, or whitespace) outside braces. */
function splitTopLevel(text: string, separator: 'comma' | 'space'): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of text) {
    if (char === '{') depth++
    else if (char === '}') depth--
    const splits = depth === 0 && (separator === 'comma' ? char === ',' : /\s/.test(char))
    if (splits) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts.map((part) => part.trim())
}

function isOneGroup(text: string): boolean {
  if (!text.startsWith('{') || !text.endsWith('}')) return false
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '{') depth++
    else if (text[index] === '}') depth--
    if (depth === 0 && index < text.length - 1) return false
  }
  return depth === 0
}

/**
 * BibTeX's rule for the "von" part: a word whose first letter is lower case. A braced word counts as
 * upper case ("{von} Neumann"), unless its first thing is a TeX command ("{\'e}tienne" is lower case).
 */
function isLowerWord(word: string): boolean {
  if (word.startsWith('{') && !word.startsWith('{\\')) return false
  const letter = /\p{L}/u.exec(decodeTex(word))
  return (
    letter !== null &&
    letter[0] !== letter[0].toLocaleUpperCase() &&
    letter[0] === letter[0].toLocaleLowerCase()
  )
}

function words(text: string): string[] {
  return splitTopLevel(text, 'space').filter(Boolean)
}

function decodedWords(list: readonly string[]): string {
  return decodeTex(list.join(' '))
}

/** One BibTeX name -> a CSL name. */
export function parseName(raw: string): CslName {
  const trimmed = raw.trim()
  if (trimmed.toLowerCase() === 'others') return { ...OTHERS }
  if (isOneGroup(trimmed)) return { literal: decodeTex(trimmed.slice(1, -1)) }
  const parts = splitTopLevel(trimmed, 'comma')
  if (parts.length >= 2) {
    // von Last, [Jr,] First
    const head = words(parts[0]!)
    let vonEnd = 0
    for (let index = 0; index < head.length - 1; index++) if (isLowerWord(head[index]!)) vonEnd = index + 1
    const name: CslName = { family: decodedWords(head.slice(vonEnd)) }
    const given = decodeTex(parts.slice(parts.length >= 3 ? 2 : 1).join(', '))
    if (given) name.given = given
    if (vonEnd > 0) name['non-dropping-particle'] = decodedWords(head.slice(0, vonEnd))
    if (parts.length >= 3 && parts[1]) name.suffix = decodeTex(parts[1])
    return name
  }
  // First von Last
  const list = words(trimmed)
  if (list.length === 1) return { family: decodeTex(list[0]!) }
  let vonStart = -1
  let vonEnd = -1
  for (let index = 0; index < list.length - 1; index++) {
    if (isLowerWord(list[index]!)) {
      if (vonStart < 0) vonStart = index
      vonEnd = index + 1
    }
  }
  if (vonStart < 0) {
    return { family: decodeTex(list[list.length - 1]!), given: decodedWords(list.slice(0, -1)) }
  }
  const name: CslName = {
    family: decodedWords(list.slice(vonEnd)),
    'non-dropping-particle': decodedWords(list.slice(vonStart, vonEnd)),
  }
  if (vonStart > 0) name.given = decodedWords(list.slice(0, vonStart))
  return name
}

export function parseNames(raw: string): CslName[] {
  return splitNames(raw).map(parseName)
}

function isOthers(name: CslName): boolean {
  return name.literal === OTHERS.literal && !name.family && !name.given
}

/** A part of a name: escaped, and braced when it holds a comma or the word "and" that would split it. */
function namePart(text: string, options: EscapeOptions): string {
  const escaped = escapeTex(text, options)
  return /,|\band\b/i.test(text) ? `{${escaped}}` : escaped
}

/** CSL names -> "Doe, Jane and {Reuters} and others". */
export function formatNames(names: readonly CslName[], options: EscapeOptions = {}): string {
  return names.map((name) => formatName(name, options)).join(' and ')
}

function formatName(name: CslName, options: EscapeOptions): string {
  if (isOthers(name)) return 'others'
  if (name.literal !== undefined && !name.family) return `{${escapeTex(name.literal, options)}}`
  const particle = name['non-dropping-particle'] ?? name['dropping-particle']
  const family = name.family ?? ''
  // A family name of several words, or one in lower case, is braced so it is not split into parts.
  const familyPart =
    family.includes(' ') || isLowerWord(family)
      ? `{${escapeTex(family, options)}}`
      : namePart(family, options)
  const last = particle ? `${escapeTex(particle, options)} ${familyPart}` : familyPart
  if (!name.given && !name.suffix) return particle || familyPart.startsWith('{') ? `${last},` : last
  const parts = [last]
  if (name.suffix) parts.push(namePart(name.suffix, options))
  parts.push(name.given ? namePart(name.given, options) : '')
  return parts.join(', ').trimEnd()
}
