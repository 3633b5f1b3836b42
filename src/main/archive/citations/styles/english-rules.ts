/**
 * What the English styles (APA, MLA, Chicago, Harvard, IEEE) need from an item before CSL sees it: the
 * rules a CSL file cannot state (Chicago 18's title case, the wording of a thesis's degree, MLA's "UP").
 */

/** Articles, coordinating conjunctions and "to"/"as", lowercased inside a title in every title-case style. */
const ALWAYS_LOWER = ['a', 'an', 'the', 'and', 'but', 'for', 'or', 'nor', 'to', 'as']

/**
 * Prepositions of four letters or fewer: Chicago 18 (8.160) lowercases these and capitalises the longer
 * ones ("After", "Since"), where the 17th edition and citeproc-js lowercase every preposition.
 */
const SHORT_PREPOSITIONS = [
  'amid',
  'at',
  'atop',
  'by',
  'down',
  'from',
  'in',
  'into',
  'like',
  'near',
  'of',
  'off',
  'on',
  'onto',
  'out',
  'over',
  'past',
  'per',
  'plus',
  'than',
  'till',
  'unto',
  'up',
  'upon',
  'via',
  'with',
  'v.',
  'vs.',
]

const CHICAGO_LOWER = new Set([...ALWAYS_LOWER, ...SHORT_PREPOSITIONS])

const HAS_CAPITAL_INSIDE = /^.+\p{Lu}/u
const INNER_DOT = /\p{L}\.\p{L}/u

function capitaliseFirstLetter(word: string): string {
  return word.replace(/\p{L}/u, (letter) => letter.toLocaleUpperCase('en'))
}

function titleCaseWord(word: string, mustCapitalise: boolean): string {
  const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}.]*)$/u.exec(word)
  const [, lead = '', core = '', trail = ''] = match ?? []
  if (!core || INNER_DOT.test(core)) return word
  const parts = core.split('-')
  const cased = parts.map((part, index) => {
    // Numbers ("12th", "1bn"), words with their own capitals ("iPhone", "EU") and domains stay as written.
    if (!/^\p{L}/u.test(part) || HAS_CAPITAL_INSIDE.test(part) || part === part.toLocaleUpperCase('en'))
      return part
    const lower = part.toLocaleLowerCase('en')
    if ((index > 0 || !mustCapitalise) && CHICAGO_LOWER.has(lower)) return lower
    return capitaliseFirstLetter(part)
  })
  return `${lead}${cased.join('-')}${trail}`
}

/**
 * Title case as The Chicago Manual of Style, 18th ed. (8.159–8.161) gives it: the first and last words and
 * the first word after a colon capitalised, articles, "and but for or nor", "to", "as" and prepositions of
 * four letters or fewer lowercased; words that carry their own capitals are kept as written.
 */
export function chicagoTitleCase(title: string): string {
  const tokens = title.split(/(\s+)/)
  const wordIndexes = tokens.flatMap((token, index) => (/\S/.test(token) ? [index] : []))
  const last = wordIndexes.at(-1)
  let startsPhrase = true
  return tokens
    .map((token, index) => {
      if (!/\S/.test(token)) return token
      const cased = titleCaseWord(token, startsPhrase || index === last)
      startsPhrase = /[:?!—]$/.test(token)
      return cased
    })
    .join('')
}

/** Capitalises the first letter of a subtitle ("оценка после…" → "Оценка после…"). */
export function capitaliseSubtitle(subtitle: string): string {
  return capitaliseFirstLetter(subtitle)
}

export type ThesisDegree = 'doctoral' | 'masters'

const DOCTORAL = /^(ph\.?\s?d\.?|d\.?\s?phil\.?|doctoral|doctorate)\s+(thesis|dissertation|diss\.?)$/i
const MASTERS =
  /^(master['’]?s|m\.?\s?a\.?|m\.?\s?sc?\.?|m\.?\s?phil\.?|m\.?\s?res\.?)\s+(thesis|dissertation|diss\.?)$/i

/** The degree an English description of a thesis names ("PhD thesis", "Master's dissertation"), if any. */
export function thesisDegree(genre: string | undefined): ThesisDegree | undefined {
  const text = genre?.trim()
  if (!text) return undefined
  if (DOCTORAL.test(text)) return 'doctoral'
  if (MASTERS.test(text)) return 'masters'
  return undefined
}

/** MLA 9: "University Press" is "UP", and elsewhere in a publisher's name "University" is "U", "Press" "P". */
export function mlaPublisher(publisher: string): string {
  return publisher
    .replace(/\bUniversity Press\b/g, 'UP')
    .replace(/\bUniversity\b/g, 'U')
    .replace(/\bPress\b/g, 'P')
}

/** A DOI as CSL wants it, without "https://doi.org/" or "doi:" in front. */
export function bareDoi(doi: string): string {
  return doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
}
