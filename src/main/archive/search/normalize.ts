import { stemmer as englishStemmer } from '@orama/stemmers/english'
import { stemmer as russianStemmer } from '@orama/stemmers/russian'

/**
 * The one text normalisation shared by indexing, queries and snippets, so that a word typed in
 * a query meets the same token that was stored: NFC, lower case, ё→е, Latin diacritics folded
 * (café→cafe; Cyrillic й is left alone), then Snowball stems: Cyrillic words through the
 * Russian stemmer, Latin words through the English one, everything else (digits, other scripts)
 * as it is.
 */

/** Letters, digits and combining marks; everything else separates words. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN_WORD = /^[a-z0-9]+$/
const COMBINING_MARKS = /\p{M}/gu

/** Longer runs (hashes, base64, glued garbage) are not words anybody searches for. */
export const MAX_WORD_LENGTH = 64

const CACHE_LIMIT = 200_000
const stemCache = new Map<string, string>()
const wordCache = new Map<string, AnalysedWord>()

/** A word as the index sees it. */
export interface AnalysedWord {
  /** Lower case, ё→е, Latin diacritics dropped. */
  folded: string
  /** The index token. */
  stem: string
}

export interface WordSpan {
  /** The word as written. */
  text: string
  start: number
  end: number
}

/** The words of a text with their offsets (UTF-16 units). */
export function* words(text: string): Generator<WordSpan> {
  for (const match of text.matchAll(WORD)) {
    yield { text: match[0], start: match.index, end: match.index + match[0].length }
  }
}

/** Lower case, ё→е, Latin diacritics dropped. */
export function foldWord(word: string): string {
  const lower = word.normalize('NFC').toLowerCase()
  if (CYRILLIC.test(lower)) return lower.replace(/ё/g, 'е')
  const bare = lower.normalize('NFD').replace(COMBINING_MARKS, '')
  return LATIN_WORD.test(bare) ? bare : lower
}

/** The index token of a folded word. */
export function stemFolded(folded: string): string {
  const cached = stemCache.get(folded)
  if (cached !== undefined) return cached
  let stem = folded
  if (/^\d+$/.test(folded)) stem = folded
  else if (CYRILLIC.test(folded)) stem = russianStemmer(folded)
  else if (LATIN_WORD.test(folded)) stem = englishStemmer(folded)
  if (stem === '') stem = folded
  if (stemCache.size >= CACHE_LIMIT) stemCache.clear()
  stemCache.set(folded, stem)
  return stem
}

/** Fold and stem a word as written (cached: texts repeat their words); null when too long. */
export function analyseWord(word: string): AnalysedWord | null {
  if (word.length > MAX_WORD_LENGTH) return null
  const cached = wordCache.get(word)
  if (cached !== undefined) return cached
  const folded = foldWord(word)
  const analysed = { folded, stem: stemFolded(folded) }
  if (wordCache.size >= CACHE_LIMIT) wordCache.clear()
  wordCache.set(word, analysed)
  return analysed
}

/**
 * The text the full-text index stores for a field: its tokens separated by spaces. Words whose
 * stem differs from the folded word are added to `inflections` (folded word → stem).
 */
export function indexText(text: string | null | undefined, inflections?: Map<string, string>): string {
  if (!text) return ''
  const tokens: string[] = []
  for (const word of words(text)) {
    const analysed = analyseWord(word.text)
    if (analysed === null) continue
    tokens.push(analysed.stem)
    if (inflections && analysed.stem !== analysed.folded) inflections.set(analysed.folded, analysed.stem)
  }
  return tokens.join(' ')
}

/**
 * The tokens a query word may meet in the index. Besides its stem this includes the folded word
 * itself and the stem of the stem, because Snowball sometimes cuts a base form shorter than its
 * inflections (визит→виз, but визитом→визит): "визит" then still finds "визитом" and back.
 */
export function queryTokens(word: string): string[] {
  if (word.length > MAX_WORD_LENGTH) return []
  const folded = foldWord(word)
  const stem = stemFolded(folded)
  return [...new Set([stem, folded, stemFolded(stem)])]
}
