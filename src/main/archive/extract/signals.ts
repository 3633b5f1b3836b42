/**
 * The small signals every reader tests text for, each defined once: where a sentence ends, what parts a
 * page title has, what a credit or a copyright mark looks like, a domain, an address, a time of day. The
 * word lists they use are in lexicon/; the rules that weigh them are in text-rules.ts and block-rules.ts.
 */
import {
  CAPTION_BLOCK_CREDIT_LABELS,
  CAPTION_LINE_CREDIT_LABELS,
  CREDIT_LINE_LABELS,
  CREDIT_NAME_LABELS,
  PHOTO_AGENCIES,
} from './lexicon/credits'

// ---------------------------------------------------------------- sentence ends

/** Stops that end a sentence in Latin and Cyrillic text. */
const LATIN_STOPS = '.!?…:;'
/** Full-width stops of Chinese and Japanese. */
const FULL_WIDTH_STOPS = '。！？'
/** The Arabic and Urdu question mark and full stop, and the Devanagari danda and double danda. */
const ARABIC_AND_INDIC_STOPS = '؟۔।॥'
/** Closing quotes and brackets that may follow a stop (the PDF line test takes only the first set). */
const LATIN_CLOSERS = `"'”»)\\]`
const MORE_CLOSERS = '’」』）'

const SENTENCE_END = new RegExp(`[${LATIN_STOPS}${FULL_WIDTH_STOPS}][${LATIN_CLOSERS}${MORE_CLOSERS}]*$`, 'u')
const ARABIC_OR_INDIC_SENTENCE_END = new RegExp(
  `[${ARABIC_AND_INDIC_STOPS}][${LATIN_CLOSERS}${MORE_CLOSERS}]*$`,
  'u',
)
const PDF_LINE_END = new RegExp(`[${LATIN_STOPS}${LATIN_CLOSERS}]$`, 'u')

/** The text ends like a sentence: a stop, then perhaps closing quotes or brackets ("… said.»"). */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text)
}

/**
 * `endsLikeSentence`, also for Arabic, Urdu and Devanagari stops: the HTML reader's test. The plain-text
 * reader keeps the narrower one: with these stops it takes a Hindi photo caption for a lead.
 */
export function endsLikeSentenceInMoreScripts(text: string): boolean {
  return SENTENCE_END.test(text) || ARABIC_OR_INDIC_SENTENCE_END.test(text)
}

/**
 * A PDF line that may close a paragraph: its last character is a Latin stop or a closing quote or bracket,
 * with or without a stop before it. A paragraph runs on over a page or column break only after a line that
 * does not; this looser test is the one PDF paragraphs have always been joined by.
 */
export function endsPdfLineLikeSentence(line: string): boolean {
  return PDF_LINE_END.test(line)
}

// ---------------------------------------------------------------- titles

/**
 * Between the parts of a page's <title>: "Headline | Section | Site", "Headline – Site", "Site :: Headline",
 * "News » Headline", "Headline / Site".
 */
export const TITLE_SEPARATOR = /\s+[|–—-]\s+|\s+::\s+|\s+[»/]\s+/

/**
 * `TITLE_SEPARATOR`, also a middle dot and a colon set apart by spaces ("Headline · Site", "Site : Headline"):
 * for taking a site's known name off a title. Too loose for finding the name ("Deploy apps · Fly").
 */
export const SITE_NAME_SEPARATOR = new RegExp(`${TITLE_SEPARATOR.source}|\\s+[·:]\\s+`)

// ---------------------------------------------------------------- credits

const CREDIT_LINE = new RegExp(
  [
    `^(?:${CREDIT_LINE_LABELS})\\s*[:©]`,
    // "Image credit: Amazon", "Photo by Jane Roe", "Illustration by …"
    `^(?:${CREDIT_LINE_LABELS}|header image|featured image|cover image)\\s+credits?\\s*:`,
    `^(?:photo(?:graph)?s?|illustrations?|images?|artwork|фото(?:графия)?|иллюстрация)\\s+(?:by|courtesy of|via)\\s`,
    // A caption that ends with its credit, even glued to it by the copy: "… в РоссииФото: Shutterstock".
    `(?:^|[\\s(]|(?<=\\p{L}))(?:${CAPTION_LINE_CREDIT_LABELS})\\s*:\\s*[^.:]{1,60}\\)?$`,
    `[.!?»"”]\\s+(?:фото|photo)\\s+[^.:]{1,40}$`,
  ].join('|'),
  'iu',
)
const CAPTION_BLOCK_CREDIT = new RegExp(
  `(?:^|\\s)(?:${CAPTION_BLOCK_CREDIT_LABELS})\\s?:\\s*[^.!?]{1,60}$`,
  'iu',
)
const CREDIT_NAME = new RegExp(`^(?:${CREDIT_NAME_LABELS})(?![\\p{L}])`, 'iu')

/** A photo credit or a caption line ending in one ("Фото: пресс-служба", "… Photo: Reuters"): not a headline. */
export function isPhotoCredit(text: string): boolean {
  return text.length <= 200 && (CREDIT_LINE.test(text) || isAgencyCredit(text))
}

const CREDIT_PART_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u

/**
 * A credit that names a photo agency or bank, alone or with the photographer: "Shutterstock / FOTODOM",
 * "РИА Новости / Иван Петров", "© Depositphotos", "Getty Images".
 */
function isAgencyCredit(text: string): boolean {
  if (text.length > 80) return false
  const parts = text
    .replace(/^(?:фото|photo|foto)\s*:?\s*/iu, '')
    .split(/\s*[/,;|©]\s*/u)
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.length === 0) return false
  let agencies = 0
  for (const part of parts) {
    if (PHOTO_AGENCIES.has(part.toLowerCase())) agencies++
    else if (!CREDIT_PART_NAME.test(part)) return false
  }
  return agencies > 0
}

/** "Jona Niemiec (r.) will abziehen … Foto: Getty Images": a caption block that ends with its photo credit. */
export function isCaptionWithCredit(block: string): boolean {
  return block.length <= 250 && CAPTION_BLOCK_CREDIT.test(block)
}

/** A credit given where a name is expected ("Фото: Иван Петров", "Photos by …", "Video: …"): no author. */
export function isCreditForName(text: string): boolean {
  return CREDIT_NAME.test(text)
}

// ---------------------------------------------------------------- rights

/** A copyright mark in text: ©, "(c) 2026", the word copyright. "(c)" alone is a list item's label. */
export const COPYRIGHT_MARK = /©|\(c\)\s*\d{4}|\bcopyright\b|копирайт/iu

/** The sign before a copyright holder's name ("© Site", "(c) Site", "Copyright Site"). */
const COPYRIGHT_SIGN = /©|\(c\)|\bcopyright\b/iu

/** A rights line in raw markup, before parsing: the sign as written or as an entity, or the words. */
export const COPYRIGHT_IN_MARKUP = /©|&copy;|&#169;|copyright|все права/i

const COPYRIGHT_SIGNS = new RegExp(COPYRIGHT_SIGN.source, 'giu')

/** The holder a copyright line names: "Caliber.az © 2026. ." -> "Caliber.az"; "© 2026 Все права защищены" -> null. */
export function nameFromCopyright(line: string): string | null {
  if (!COPYRIGHT_SIGN.test(line)) return null
  const name = line
    .replace(COPYRIGHT_SIGNS, ' ')
    .replace(/\b(?:19|20)\d{2}\b(?:\s*[-–—]\s*\b(?:19|20)\d{2}\b)?/gu, ' ')
    .replace(/all rights reserved|все права защищены|права защищены|все права охраняются/giu, ' ')
    .replace(/^[\s.,;:|–—-]+|[\s.,;:|–—-]+$/gu, '')
    .replace(/\s+/g, ' ')
  const words = name.split(' ').length
  return name && hasLetters(name) && words <= 5 && name.length <= 60 ? name : null
}

// ---------------------------------------------------------------- addresses and domains

const DOMAIN = String.raw`[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}`
const DOMAIN_LIKE = new RegExp(`^${DOMAIN}$`, 'u')

/** Every domain-shaped token of a text ("Caliber.Az", "meduza.io"), for match(). */
export const DOMAIN_TOKENS = new RegExp(DOMAIN, 'gu')

/** "Caliber.Az", "meduza.io": a site's name printed as its domain. */
export function isDomainLike(text: string): boolean {
  return text.length <= 60 && DOMAIN_LIKE.test(text.trim())
}

/** "https://…", "//cdn…", "www.…": an address, not a name or a title. */
export function looksLikeUrl(text: string): boolean {
  return /^(?:https?:)?\/\/|^www\./i.test(text)
}

// ---------------------------------------------------------------- letters and times

export function hasLetters(text: string): boolean {
  return /\p{L}/u.test(text)
}

/** The last line keyed: the rules test one line for several things in a row, each by its key. */
let lastKeyed = { text: '', key: '' }

/** Lowercased, separators unified, edge punctuation dropped: "Night_Theme!" -> "night theme". */
export function lineKey(text: string): string {
  if (text === lastKeyed.text) return lastKeyed.key
  const key = text
    .toLowerCase()
    .replace(/[_·•|]+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ')
  lastKeyed = { text, key }
  return key
}

/** The scripts of Chinese, Japanese and Korean (Han, kana, Hangul), where words are not set apart by spaces. */
export const CJK_SCRIPTS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`

/** Each CJK character of a text (for match() and replace()). */
export const CJK_CHARACTERS = new RegExp(`[${CJK_SCRIPTS}]`, 'gu')

/** A time of day: 20:22. */
export const CLOCK_TIME = /(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)/u

/** A time of day as stamps print it: 20:22, or 13.05 when marked as a time ("kl. 13.05", "7.57 Uhr"). */
export const STAMP_TIME = new RegExp(
  `${CLOCK_TIME.source}|\\bkl\\.?\\s*(?:[01]?\\d|2[0-3])\\.[0-5]\\d(?!\\d)|(?<!\\d)(?:[01]?\\d|2[0-3])\\.[0-5]\\d\\s*(?:uhr|h)\\b`,
  'iu',
)
