/**
 * The plain-text page reader: a whole web page selected and copied as text (site chrome included)
 * turned into an article. Every line gets a score (text-rules.ts); the body is the best-scoring run
 * of lines, and the headline, date, byline, section, site and rights lines are looked for around it.
 */
import type { ExtractedArticle } from '../../../common/types'
import { countWords, detectLanguage, makeExcerpt, paragraphsToHtml } from './article'
import type { SavedMoment } from './dates'
import { endsLikeSentence, isPhotoCredit } from './signals'
import { findAuthors } from './text-byline'
import { findDek, findHeadline, isHeadlineShaped, splitGluedSubtitle } from './text-headline'
import { isMetadataOrChrome, neighbour } from './text-line-roles'
import { firstOf, type PageLine, scorePageLines } from './text-lines'
import { findPublished, findRights, findSiteName } from './text-provenance'
import {
  bylineAuthors,
  dateOfLine,
  isChrome,
  isTimestampLine,
  sectionOfLine,
  TEXT_RULE_WEIGHTS,
} from './text-rules'

/** Text beyond this is not read (a copied page is far smaller; this keeps huge inputs bounded). */
export const MAX_TEXT_PAGE_CHARS = 5_000_000
/** How many lines above the body may hold the headline, date, byline and section. */
const HEADER_WINDOW = 30
/** How many lines below the body may hold a signature, date or section. */
const FOOTER_WINDOW = 15

export type TextPageFields = Omit<ExtractedArticle, 'format'>

export interface TextPageOptions {
  url: string | null
  fallbackTitle: string
  /** When the page was saved or pasted, if known: relative dates ("вчера", "2 hours ago") are told from it. */
  savedAt?: SavedMoment | null
}

export function readTextPage(input: string, options: TextPageOptions): TextPageFields {
  const warnings: string[] = []
  let text = input
  if (text.length > MAX_TEXT_PAGE_CHARS) {
    text = text.slice(0, MAX_TEXT_PAGE_CHARS)
    warnings.push(`only the first ${MAX_TEXT_PAGE_CHARS} characters were read`)
  }
  const lines = scorePageLines(text)

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
    paragraphs = bodyLines
      .filter((line) => !line.teaser && !isChrome(line.text) && !isPhotoCredit(line.text))
      .map((line) => line.text)
  } else {
    warnings.push('no article body was recognised; kept every line that is not page chrome')
    bodyStart = 0
    bodyEnd = lines.length - 1
    paragraphs = lines.filter((line) => !isChrome(line.text)).map((line) => line.text)
  }

  const headerStart = Math.max(0, bodyStart - HEADER_WINDOW)
  const header = lines.slice(headerStart, bodyStart)
  const footer = lines.slice(bodyEnd + 1, bodyEnd + 1 + FOOTER_WINDOW)
  const titleAt = run ? findHeadline(lines, headerStart, bodyStart) : -1
  // The body's first line may be the headline itself, scored as prose (a question, a long headline).
  if (titleAt === bodyStart) {
    paragraphs = paragraphs.slice(1)
    bodyStart++
  }
  const leadAt = leadUnderMetadata(lines, titleAt, bodyStart)
  if (leadAt >= 0) {
    paragraphs = [
      ...lines
        .slice(leadAt, bodyStart)
        .filter((line) => !isMetadataOrChrome(line.text))
        .map((line) => line.text),
      ...paragraphs,
    ]
    bodyStart = leadAt
  }
  const headlineLine = titleAt >= 0 ? lines[titleAt]?.text : undefined
  const betweenTitleAndBody = titleAt >= 0 && titleAt < bodyStart ? lines.slice(titleAt + 1, bodyStart) : []
  const aboveTitle = (titleAt >= 0 ? lines.slice(headerStart, titleAt) : header).reverse()
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
  const saved = options.savedAt ?? null

  const rightsLine = findRights(outsideBody)
  return {
    title,
    subtitle,
    authors: findAuthors(lines, { titleAt, bodyStart, bodyEnd, metadataOrder }),
    siteName: findSiteName(outsideBody, lines.slice(bodyEnd + 1, bodyEnd + 4), options.url),
    section: firstOf(metadataOrder, (line) => sectionOfLine(line.text)),
    publishedAt: findPublished(metadataOrder, saved),
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

function isCyrillic(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  return letters > 0 && (text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0) > letters / 2
}

/** A lead without a full stop has this many words at least; a subheading between it and the body fewer. */
const LEAD_MIN_WORDS = 10

/**
 * A lead printed as a line of its own without a full stop ("Адвокаты считают, что шансы … повысились"),
 * under the headline's byline and date rather than right under the headline (where it would be the
 * standfirst), right above the body or a subheading of it: the index of its line, or -1. Russian news
 * pages print their lead (лид) as the article's first paragraph; an English standfirst in that place is a
 * deck, not part of the text, so only a Cyrillic lead is taken.
 */
function leadUnderMetadata(lines: readonly PageLine[], titleAt: number, bodyStart: number): number {
  if (titleAt < 0 || titleAt >= bodyStart) return -1
  let at = neighbour(lines, bodyStart, -1)
  const subheading = lines[at]
  if (subheading && isHeadlineShaped(subheading) && subheading.words < LEAD_MIN_WORDS)
    at = neighbour(lines, at, -1)
  const lead = lines[at]
  if (at <= titleAt || !lead || !isHeadlineShaped(lead) || lead.words < LEAD_MIN_WORDS) return -1
  if (endsLikeSentence(lead.text) || neighbour(lines, at, -1) === titleAt || !isCyrillic(lead.text)) return -1
  return at
}
