/**
 * The plain-text page reader: a whole web page selected and copied as text (site chrome included)
 * turned into an article. Every line gets a score (text-rules.ts); the body is the best-scoring run
 * of lines, and the headline, date, byline, section, site and rights lines are looked for around it.
 */
import { hostOf } from '../../../common/text'
import type { ExtractedArticle } from '../../../common/types'
import { countWords, detectLanguage, makeExcerpt, paragraphsToHtml, squash } from './article'
import { FUNCTION_WORDS } from './lexicon/function-words'
import {
  DOMAIN_TOKENS,
  endsLikeSentence,
  hasLetters,
  isDomainLike,
  isPhotoCredit,
  nameFromCopyright,
} from './signals'
import {
  bylineAuthors,
  dateOfLine,
  isChrome,
  isClockStampLine,
  isRightsNotice,
  isTimestampLine,
  isUpdateLine,
  proseScore,
  rightsStrength,
  sectionOfLine,
  TEXT_RULE_WEIGHTS,
} from './text-rules'

/** Text beyond this is not read (a copied page is far smaller; this keeps huge inputs bounded). */
export const MAX_TEXT_PAGE_CHARS = 5_000_000
/** How many lines above the body may hold the headline, date, byline and section. */
const HEADER_WINDOW = 30
/** How many lines below the body may hold a signature, date or section. */
const FOOTER_WINDOW = 15

export interface PageLine {
  text: string
  words: number
  score: number
}

export type TextPageFields = Omit<ExtractedArticle, 'format'>

export function readTextPage(
  input: string,
  options: { url: string | null; fallbackTitle: string },
): TextPageFields {
  const warnings: string[] = []
  let text = input
  if (text.length > MAX_TEXT_PAGE_CHARS) {
    text = text.slice(0, MAX_TEXT_PAGE_CHARS)
    warnings.push(`only the first ${MAX_TEXT_PAGE_CHARS} characters were read`)
  }
  const lines: PageLine[] = []
  for (const raw of text.split(/\r\n?|\n|\u2028|\u2029/)) {
    const line = squash(raw)
    if (!line) continue
    const words = countWords(line)
    lines.push({ text: line, words, score: proseScore(line, words) })
  }
  demoteRepeatedProse(lines)

  const run = bestRun(lines.map((line) => line.score))
  let paragraphs: string[]
  let bodyStart: number
  let bodyEnd: number
  let outsideBody = lines
  /** Lines between a detached lead and the rest of the body: teasers, but also the date or byline. */
  let gapLines: PageLine[] = []
  if (run) {
    ;[bodyStart, bodyEnd] = run
    const lead = detachedLead(lines, bodyStart)
    const bodyLines = lines.slice(bodyStart, bodyEnd + 1)
    outsideBody = [...lines.slice(0, bodyStart), ...lines.slice(bodyEnd + 1)]
    if (lead) {
      const [leadStart, leadEnd] = lead
      bodyLines.unshift(...lines.slice(leadStart, leadEnd + 1))
      outsideBody = [
        ...lines.slice(0, leadStart),
        ...lines.slice(leadEnd + 1, bodyStart),
        ...lines.slice(bodyEnd + 1),
      ]
      gapLines = lines.slice(leadEnd + 1, bodyStart)
      bodyStart = leadStart
    }
    paragraphs = bodyLines.filter((line) => !isChrome(line.text)).map((line) => line.text)
  } else {
    warnings.push('no article body was recognised; kept every line that is not page chrome')
    bodyStart = 0
    bodyEnd = lines.length - 1
    paragraphs = lines.filter((line) => !isChrome(line.text)).map((line) => line.text)
  }

  const header = lines.slice(Math.max(0, bodyStart - HEADER_WINDOW), bodyStart)
  const footer = lines.slice(bodyEnd + 1, bodyEnd + 1 + FOOTER_WINDOW)
  const titleAt = run ? findHeadline(header) : -1
  const headlineLine = titleAt >= 0 ? header[titleAt]?.text : undefined
  const betweenTitleAndBody = titleAt >= 0 ? header.slice(titleAt + 1) : []
  const aboveTitle = titleAt >= 0 ? header.slice(0, titleAt).reverse() : [...header].reverse()
  // Metadata is looked for nearest the headline first, then above it, then below the body.
  const metadataOrder = [...betweenTitleAndBody, ...gapLines, ...aboveTitle, ...footer]

  const bodyText = paragraphs.join('\n\n')
  let title = headlineLine ?? ''
  let subtitle: string | null = null
  if (headlineLine) {
    const split = splitGluedSubtitle(headlineLine, bodyText)
    if (split) ({ title, subtitle } = split)
    else subtitle = findDek(betweenTitleAndBody)
  }
  if (!title) {
    title = options.fallbackTitle
    warnings.push('no headline was recognised')
  }

  const rightsLine = findRights(outsideBody)
  return {
    title,
    subtitle,
    authors: firstOf(metadataOrder, (line) => bylineAuthors(line.text)) ?? [],
    siteName: findSiteName(outsideBody, lines.slice(bodyEnd + 1, bodyEnd + 4), options.url),
    section: firstOf(metadataOrder, (line) => sectionOfLine(line.text)),
    publishedAt: findPublished(metadataOrder),
    language: detectLanguage(bodyText || title),
    url: options.url,
    excerpt: makeExcerpt(bodyText),
    rights: rightsLine,
    wordCount: countWords(bodyText),
    contentText: bodyText,
    contentHtml: paragraphsToHtml(paragraphs),
    warnings,
  }
}

/**
 * Prose printed again and again on one page (a subscription pitch in every teaser, a repeated promo) is
 * the site's template, not the article; a pull quote repeats a sentence only once.
 */
function demoteRepeatedProse(lines: PageLine[]): void {
  const counts = new Map<string, number>()
  for (const line of lines) if (line.score > 0) counts.set(line.text, (counts.get(line.text) ?? 0) + 1)
  for (const line of lines) {
    if ((counts.get(line.text) ?? 0) >= TEXT_RULE_WEIGHTS.repeatedProseMinCount)
      line.score = TEXT_RULE_WEIGHTS.repeatedProse
  }
}

/** The contiguous run of lines with the highest total score (Kadane), or null when no line scores above 0. */
export function bestRun(scores: readonly number[]): [number, number] | null {
  let best: [number, number] | null = null
  let bestSum = 0
  let sum = 0
  let start = 0
  scores.forEach((score, i) => {
    if (sum <= 0) {
      sum = 0
      start = i
    }
    sum += score
    if (sum > bestSum) {
      bestSum = sum
      best = [start, i]
    }
  })
  return best
}

/**
 * A lead paragraph (one or two prose lines, the last a finished sentence) standing above the body's
 * run, kept apart from it only by lines that are not prose: a box of teasers for other stories, an ad
 * slot, a photo credit, the date. A headline above a date or byline in between means the article's own
 * header sits there, so the prose above it belongs to something else; more prose right above means a
 * block of its own. Returns the lead's first and last line, or null.
 */
export function detachedLead(lines: readonly PageLine[], runStart: number): [number, number] | null {
  const w = TEXT_RULE_WEIGHTS
  const gapLimit = Math.max(0, runStart - w.leadMaxGapLines)
  const isProse = (at: number): boolean => (lines[at]?.score ?? 0) > 0
  let i = runStart - 1
  let belowDate = false
  for (; i >= gapLimit && !isProse(i); i--) {
    const line = lines[i]
    if (!line) break
    if (dateOfLine(line.text) !== null || isTimestampLine(line.text) || bylineAuthors(line.text) !== null)
      belowDate = true
    else if (belowDate && line.words >= 5 && !isChrome(line.text)) return null
  }
  const leadEnd = i
  if (i < gapLimit || !endsLikeSentence(lines[leadEnd]?.text ?? '')) return null
  let best = 0
  for (; i >= 0 && isProse(i) && leadEnd - i < w.leadMaxLines; i--)
    best = Math.max(best, lines[i]?.score ?? 0)
  if (i >= 0 && isProse(i)) return null
  return best >= w.leadMinScore ? [i + 1, leadEnd] : null
}

function firstOf<T>(lines: readonly PageLine[], read: (line: PageLine) => T | null): T | null {
  for (const line of lines) {
    const value = read(line)
    if (value !== null) return value
  }
  return null
}

function isMetadataOrChrome(text: string): boolean {
  return (
    isChrome(text) ||
    isRightsNotice(text) ||
    dateOfLine(text) !== null ||
    isTimestampLine(text) ||
    isClockStampLine(text) ||
    isPhotoCredit(text) ||
    bylineAuthors(text) !== null ||
    sectionOfLine(text) !== null
  )
}

function isHeadlineShaped(line: PageLine | undefined): line is PageLine {
  return (
    line !== undefined &&
    line.words >= 2 &&
    line.words <= 40 &&
    hasLetters(line.text) &&
    !isMetadataOrChrome(line.text)
  )
}

/**
 * Index (in `header`) of the headline: a headline-shaped line, the nearer the body the better. When the
 * line right above it is headline-shaped too and no longer, that one is the headline and this its standfirst.
 */
function findHeadline(header: readonly PageLine[]): number {
  let bestIndex = -1
  let bestScore = -Infinity
  header.forEach((line, i) => {
    if (!isHeadlineShaped(line)) return
    const distance = header.length - i
    let score = 10 - distance * 0.6
    if (line.words >= 4 && line.words <= 25) score += 1
    if (/\.["”»’)]*$/u.test(line.text)) score -= 3
    if (score > bestScore) {
      bestScore = score
      bestIndex = i
    }
  })
  const above = header[bestIndex - 1]
  const chosen = header[bestIndex]
  if (
    chosen &&
    isHeadlineShaped(above) &&
    above.words >= 3 &&
    above.words <= chosen.words &&
    !endsLikeSentence(above.text)
  ) {
    return bestIndex - 1
  }
  return bestIndex
}

/** A standfirst printed on its own line between the headline and the body. */
function findDek(lines: readonly PageLine[]): string | null {
  const dek = lines.find((line) => !isMetadataOrChrome(line.text) && line.words >= 3 && line.words <= 40)
  return dek?.text ?? null
}

/**
 * A subtitle glued to its headline by the copy ("... regional cooperation Reassessing the South Caucasus"):
 * a capitalised word right after a lowercase content word, which the body itself uses in lowercase
 * (so it is an ordinary word starting a new phrase, not a proper name).
 */
export function splitGluedSubtitle(
  line: string,
  bodyText: string,
): { title: string; subtitle: string } | null {
  const words = line.split(' ')
  if (words.length < 5) return null
  const usage = wordUsage(bodyText)
  let best: { at: number; score: number } | null = null
  for (let i = 3; i <= words.length - 2; i++) {
    const previous = words[i - 1] ?? ''
    const word = words[i] ?? ''
    if (!/^\p{Ll}/u.test(previous) || /[.!?:;,)"”»]$/u.test(previous)) continue
    if (FUNCTION_WORDS.has(previous.toLowerCase())) continue
    if (!/^\p{Lu}\p{Ll}/u.test(word)) continue
    const core = word.replace(/[^\p{L}'’-]/gu, '').toLowerCase()
    let score = 1
    if (usage.lowercase.has(core)) score += 2
    if (usage.capitalisedMidSentence.has(core)) score -= 2
    if (!endsLikeSentence(words.slice(i).join(' ')) || /[?!]$/.test(line)) score += 1
    if (score >= 3 && (!best || score > best.score)) best = { at: i, score }
  }
  if (!best) return null
  return { title: words.slice(0, best.at).join(' '), subtitle: words.slice(best.at).join(' ') }
}

/** Which words the text writes in lowercase, and which it capitalises in mid-sentence (names). */
function wordUsage(text: string): { lowercase: Set<string>; capitalisedMidSentence: Set<string> } {
  const lowercase = new Set<string>()
  const capitalisedMidSentence = new Set<string>()
  let sentenceStart = true
  for (const token of text.slice(0, 200_000).split(/\s+/)) {
    const core = token.replace(/[^\p{L}'’-]/gu, '')
    if (core) {
      if (/^\p{Ll}/u.test(core)) lowercase.add(core.toLowerCase())
      else if (!sentenceStart && /^\p{Lu}/u.test(core)) capitalisedMidSentence.add(core.toLowerCase())
    }
    sentenceStart = token === '' || /[.!?…:"“«]["'”»’)\]]*$/u.test(token) || /^["“«]/u.test(token)
  }
  return { lowercase, capitalisedMidSentence }
}

function findPublished(lines: readonly PageLine[]): string | null {
  for (const line of lines) {
    if (!isUpdateLine(line.text)) {
      const date = dateOfLine(line.text)
      if (date) return date
    }
  }
  return firstOf(lines, (line) => dateOfLine(line.text))
}

/** The line that best states reuse terms: usage conditions over "all rights reserved" over a bare ©. */
function findRights(lines: readonly PageLine[]): string | null {
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
function findSiteName(
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
