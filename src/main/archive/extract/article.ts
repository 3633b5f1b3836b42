/** Small pieces every extraction path shares: words, excerpts, escaping, language. */
import { francAll } from 'franc-min'
import { escapeHtmlNumeric } from '../../../common/text'
import { CJK_CHARACTERS, CJK_SCRIPTS } from './signals'

const ISO_639_3_TO_1: Readonly<Record<string, string>> = {
  rus: 'ru',
  eng: 'en',
  ukr: 'uk',
  bel: 'be',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  pol: 'pl',
  ces: 'cs',
  slk: 'sk',
  bul: 'bg',
  srp: 'sr',
  hrv: 'hr',
  nld: 'nl',
  swe: 'sv',
  ron: 'ro',
  hun: 'hu',
  ell: 'el',
  tur: 'tr',
  azj: 'az',
  kaz: 'kk',
  uzn: 'uz',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  arb: 'ar',
  pes: 'fa',
  heb: 'he',
  hin: 'hi',
}

/** Enough text for a stable guess; more only costs time. */
const LANGUAGE_SAMPLE_CHARS = 2000

const ISO_639_1_TO_3: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ISO_639_3_TO_1).map(([three, one]) => [one, three]),
)

/** A declared language this close to the best guess (franc's 0..1 scores) is believed. */
const DECLARED_LANGUAGE_MARGIN = 0.9

/**
 * ISO 639-1 code of the text's language. A declared language (<html lang>) is believed when the text
 * fits it nearly as well as the best guess, or when it is one the detector does not know (Danish,
 * Norwegian, ...); otherwise the guess wins. With too little text, the declared language is used.
 */
export function detectLanguage(text: string, declared: string | null = null): string | null {
  const declaredCode = normaliseLanguageTag(declared)
  const ranking = francAll(text.slice(0, LANGUAGE_SAMPLE_CHARS), { minLength: 20 })
  const [best] = ranking
  if (!best || best[0] === 'und') return declaredCode
  if (declaredCode) {
    const declaredThree = ISO_639_1_TO_3[declaredCode]
    if (!declaredThree) return declaredCode
    const declaredScore = ranking.find(([code]) => code === declaredThree)?.[1] ?? 0
    if (declaredScore >= best[1] * DECLARED_LANGUAGE_MARGIN) return declaredCode
  }
  return ISO_639_3_TO_1[best[0]] ?? declaredCode
}

/** "en-US" -> "en", "RU" -> "ru"; null for anything that is not a language tag. */
export function normaliseLanguageTag(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return /^[a-z]{2}$/.test(primary) ? primary : null
}

const NEITHER_CJK_NOR_PUNCTUATION = new RegExp(`[^${CJK_SCRIPTS}\\p{P}]`, 'u')

/** Words separated by spaces; Chinese, Japanese and Korean characters count one each (no spaces there). */
export function countWords(text: string): number {
  let count = 0
  for (const token of text.split(/\s+/)) {
    const cjk = token.match(CJK_CHARACTERS)?.length ?? 0
    if (cjk > 0)
      count +=
        cjk +
        (NEITHER_CJK_NOR_PUNCTUATION.test(token) && /[\p{L}\p{N}]/u.test(token.replace(CJK_CHARACTERS, ''))
          ? 1
          : 0)
    else if (/[\p{L}\p{N}]/u.test(token)) count++
  }
  return count
}

const EXCERPT_CHARS = 300

/** About the first 300 characters of the text, cut at a word boundary. */
export function makeExcerpt(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (!flat) return null
  if (flat.length <= EXCERPT_CHARS) return flat
  const cut = flat.slice(0, EXCERPT_CHARS)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > EXCERPT_CHARS / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:–—-]+$/, '')}…`
}

/** Collapses runs of whitespace (including no-break spaces) to one space. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim()
}

/** A reading copy for text without markup: one <p> per paragraph. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtmlNumeric(p)}</p>`).join('\n')
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** The few HTML entities JSON-LD and meta values carry (&amp;, &#8217; …), decoded. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole
    }
    return ENTITIES[code.toLowerCase()] ?? whole
  })
}

/** The first value that is a non-blank string. */
export const firstValue = (...values: ReadonlyArray<string | null | undefined>): string | null =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null
