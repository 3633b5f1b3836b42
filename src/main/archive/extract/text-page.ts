/**
 * The plain-text page reader: a whole web page selected and copied as text (site chrome included)
 * turned into an article. Every line gets a score (text-rules.ts); the body is the best-scoring run
 * of lines, and the headline, date, byline, section, site and rights lines are looked for around it.
 */
import { hostOf } from '../../../common/text'
import type { ExtractedArticle } from '../../../common/types'
import { countWords, detectLanguage, makeExcerpt, paragraphsToHtml, squash } from './article'
import { type SavedMoment, findDate } from './dates'
import { FUNCTION_WORDS } from './lexicon/function-words'
import {
  DOMAIN_TOKENS,
  endsLikeSentence,
  hasLetters,
  isDomainLike,
  isPhotoCredit,
  lineKey,
  nameFromCopyright,
} from './signals'
import {
  bylineAuthors,
  dateOfLine,
  isBylineLabel,
  isChrome,
  isClockStampLine,
  isCommentsHeading,
  isDateLine,
  isImprintLine,
  isNameShaped,
  isReadingTime,
  isRightsNotice,
  isSectionBreak,
  isTeaserLabel,
  isTimestampLine,
  isUpdateLine,
  personNames,
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

/** A line of nothing but zero-width characters (a spacer the page's markup left): no line at all. */
const INVISIBLE_LINE = /^[\s\u200b-\u200d\u2060\ufeff]*$/u

/** A line this long that stops mid-sentence, with a line in lower case after it, was wrapped by the page. */
const WRAPPED_LINE_MIN_CHARS = 55

/**
 * The page's lines, squashed, without empty ones, and with paragraphs the page wrapped at a fixed width
 * (hard line breaks in mid-sentence, the next line going on in lower case) joined again.
 */
function unwrap(rawLines: readonly string[]): string[] {
  const lines: string[] = []
  let wrapped = false
  for (const raw of rawLines) {
    const line = squash(raw)
    if (!line || INVISIBLE_LINE.test(line)) continue
    const previous = lines[lines.length - 1]
    if (wrapped && previous !== undefined && continuesSentence(line))
      lines[lines.length - 1] = `${previous} ${line}`
    else lines.push(line)
    const last = lines[lines.length - 1] ?? ''
    wrapped = line.length >= WRAPPED_LINE_MIN_CHARS && !/[.!?…:;]["'”»’)\]]*$/u.test(last)
  }
  return lines
}

/** A line that goes on with the sentence before it: in lower case, of some words, not a stamp or chrome. */
function continuesSentence(line: string): boolean {
  return (
    /^\p{Ll}/u.test(line) &&
    countWords(line) >= 3 &&
    !isDateLine(line) &&
    !isClockStampLine(line) &&
    !isChrome(line)
  )
}

export interface PageLine {
  text: string
  words: number
  score: number
  /** A headline of another story under a "Читайте также" label: never part of the body. */
  teaser?: boolean
}

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
  const lines: PageLine[] = []
  for (const line of unwrap(text.split(/\r\n?|\n|\u2028|\u2029/))) {
    const words = countWords(line)
    lines.push({ text: line, words, score: proseScore(line, words) })
  }
  demoteRepeatedProse(lines)
  markTeasers(lines)
  demoteComments(lines)
  liftListItems(lines)

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

/** How many items a list introduced by a colon may have. */
const LIST_MAX_ITEMS = 30

/**
 * The items of a list the text introduces with a colon ("Ask yourselves:", "Include:") are short lines, but
 * part of the body: they score as list items, not as menu entries, up to the next line of prose.
 */
function liftListItems(lines: PageLine[]): void {
  lines.forEach((line, i) => {
    if (!/:\s*$/u.test(line.text) || isChrome(line.text) || isTeaserLabel(line.text)) return
    for (const item of lines.slice(i + 1, i + 1 + LIST_MAX_ITEMS)) {
      if (item.score > 0 || item.score <= TEXT_RULE_WEIGHTS.chrome || isChrome(item.text)) break
      item.score = Math.max(item.score, TEXT_RULE_WEIGHTS.listItem)
    }
  })
}

/** How far below a comments heading the first comment's signs (a reply button, a date) are looked for. */
const COMMENT_SIGNS_REACH = 8
/** A comment's own buttons ("Reply", "Ответить"). */
const COMMENT_BUTTON = /^(?:reply|report|like|ответить|пожаловаться|нравится|цитировать)$/iu

/**
 * Readers' comments can be longer than the article they follow: once a comments heading stands below some
 * prose, and comments follow it (a reply button or a date shortly after it), the prose after it counts for
 * little, so the article stays the body. A comment counter in the article's header changes nothing.
 */
function demoteComments(lines: PageLine[]): void {
  let proseAbove = 0
  let inComments = false
  lines.forEach((line, i) => {
    if (inComments) {
      if (line.score > 0) line.score *= TEXT_RULE_WEIGHTS.commentProseShare
    } else if (line.score > 0) proseAbove++
    else if (
      proseAbove >= TEXT_RULE_WEIGHTS.commentsAfterProseLines &&
      isCommentsHeading(line.text) &&
      lines
        .slice(i + 1, i + 1 + COMMENT_SIGNS_REACH)
        .some((next) => COMMENT_BUTTON.test(lineKey(next.text)) || isDateLine(next.text))
    )
      inComments = true
  })
}

/** How many headlines of other stories a "Читайте также" label may have under it. */
const TEASERS_PER_LABEL = 3

/**
 * A box of links to other stories set into the text ("Читайте также" and the headlines under it) is no part
 * of the body, but only a low wall in it: the body is joined across it when it goes on below, as across an ad.
 */
function markTeasers(lines: PageLine[]): void {
  lines.forEach((line, i) => {
    if (!isTeaserLabel(line.text)) return
    line.score = TEXT_RULE_WEIGHTS.adLabel
    for (const teaser of lines.slice(i + 1, i + 1 + TEASERS_PER_LABEL)) {
      if (endsLikeSentence(teaser.text) || isSectionBreak(teaser.text) || isChrome(teaser.text)) break
      teaser.score = TEXT_RULE_WEIGHTS.shortFragment
      teaser.teaser = true
    }
  })
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
    isReadingTime(text) ||
    isRightsNotice(text) ||
    isDateLine(text) ||
    isTimestampLine(text) ||
    isClockStampLine(text) ||
    isPhotoCredit(text) ||
    bylineAuthors(text) !== null ||
    isBylineLabel(text) ||
    personNames(text) !== null ||
    sectionOfLine(text) !== null
  )
}

function isDateOrReadingTime(text: string): boolean {
  return isDateLine(text) || isTimestampLine(text) || isClockStampLine(text) || isReadingTime(text)
}

/** What a line was found to be, kept for the lines the headline and byline searches test again and again. */
const metadataLines = new WeakMap<PageLine, boolean>()
const headlineShapedLines = new WeakMap<PageLine, boolean>()
const passedOverLines = new WeakMap<PageLine, boolean>()

/** A line that says who wrote the article or when: what stands around a headline. */
function isHeadlineMetadata(line: PageLine): boolean {
  let known = metadataLines.get(line)
  if (known === undefined) {
    known = statesWhoOrWhen(line.text)
    metadataLines.set(line, known)
  }
  return known
}

function statesWhoOrWhen(text: string): boolean {
  return (
    isDateLine(text) ||
    isTimestampLine(text) ||
    isClockStampLine(text) ||
    isReadingTime(text) ||
    isBylineLabel(text) ||
    bylineAuthors(text) !== null ||
    personNames(text) !== null
  )
}

/**
 * Labels that introduce what follows ("Share on:", "Теги:", "From: Herald Sun"), numbered items, back links
 * and a wiki's section headings ("History[edit]") are not headlines.
 */
const NOT_A_HEADLINE =
  /:\s*$|^\d{1,2}[.)]\s|^[<←]|\[edit\]$|^(?:from|source|via|filed under|posted in|category|categories|tags?|topics?|источник|рубрика|раздел|теги|темы)\s*:/iu

/** Where the names of a tag or topic list start: what follows is not a byline or a headline. */
const TAG_LABEL = /^(?:tags|topics|теги|метки|темы|персоны|организации|сюжет|рубрики)\s*:?$/iu

/** A short line in a list of tags: after a tag label with only short lines between. */
function inTagList(lines: readonly PageLine[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 12; i--) {
    const line = lines[i]
    if (!line) return false
    if (line.words <= 2 && TAG_LABEL.test(line.text)) return true
    if (line.words > 5 || endsLikeSentence(line.text)) return false
  }
  return false
}

function isHeadlineShaped(line: PageLine | undefined): line is PageLine {
  if (line === undefined) return false
  let known = headlineShapedLines.get(line)
  if (known === undefined) {
    known = readsAsHeadline(line)
    headlineShapedLines.set(line, known)
  }
  return known
}

function readsAsHeadline(line: PageLine): boolean {
  return (
    line.words >= 2 &&
    line.words <= 40 &&
    hasLetters(line.text) &&
    !NOT_A_HEADLINE.test(line.text) &&
    !isImprintLine(line.text) &&
    !isMetadataOrChrome(line.text)
  )
}

/** Furniture a headline's neighbours are looked for across: menus, share bars, credits, ad labels. */
function isPassedOver(line: PageLine): boolean {
  let known = passedOverLines.get(line)
  if (known === undefined) {
    known =
      !isHeadlineMetadata(line) &&
      (line.score <= TEXT_RULE_WEIGHTS.chrome || isChrome(line.text) || isPhotoCredit(line.text))
    passedOverLines.set(line, known)
  }
  return known
}

/** How many lines of furniture a neighbour is looked for across. */
const NEIGHBOUR_REACH = 8

/**
 * The index of the nearest line before (step -1) or after (step 1) `at` that is not furniture, within
 * NEIGHBOUR_REACH lines, or -1.
 */
function neighbour(lines: readonly PageLine[], at: number, step: 1 | -1): number {
  for (let i = at + step; i >= 0 && i < lines.length && Math.abs(i - at) <= NEIGHBOUR_REACH; i += step) {
    const line = lines[i]
    if (line && !isPassedOver(line)) return i
  }
  return -1
}

/** A line of a few words, no sentence and no metadata: what menus and lists of links are made of. */
function isShortItem(lines: readonly PageLine[], at: number): boolean {
  const line = lines[at]
  return (
    line !== undefined &&
    line.words <= 4 &&
    !endsLikeSentence(line.text) &&
    !isHeadlineMetadata(line) &&
    sectionOfLine(line.text) === null
  )
}

/** A short line between short lines: an item of a menu or a list of links, not a headline. */
function inMenu(lines: readonly PageLine[], at: number): boolean {
  return isShortItem(lines, at) && isShortItem(lines, at - 1) && isShortItem(lines, at + 1)
}

const H = TEXT_RULE_WEIGHTS

/** Most words capitalised, as English headlines are set ("How We Built It"). */
function isTitleCased(text: string): boolean {
  const words = text.split(' ')
  return words.filter((word) => /^\p{Lu}/u.test(word)).length >= words.length * 0.6
}

/**
 * How much a headline-shaped line looks like the article's headline: near the body, of a headline's length,
 * with the byline or date right after it (or the date right before), printed again elsewhere on the page,
 * not an item of a menu, not a sentence.
 */
function headlineScore(
  lines: readonly PageLine[],
  at: number,
  bodyStart: number,
  repeats: ReadonlyMap<string, number>,
): number {
  const line = lines[at]
  if (!line) return -Infinity
  let score = -H.headlineDistance * Math.log2(1 + Math.max(0, bodyStart - at))
  if (line.words >= 4 && line.words <= 25) score += H.headlineLength
  else if (line.words === 3) score += H.headlineThreeWords
  else if (line.words === 2) score += H.headlineTwoWords
  if (/\.["”»’)]*$/u.test(line.text)) score += H.headlineSentence
  if (/^\d/u.test(line.text)) score += H.headlineNumber
  for (let i = at, seen = 0; seen < 3; seen++) {
    i = neighbour(lines, i, 1)
    if (i < 0 || i > bodyStart + 1) break
    const next = lines[i]
    if (next && isHeadlineMetadata(next)) {
      score += seen === 0 ? H.headlineMetadataAfter : H.headlineMetadataNear
      break
    }
  }
  const before = lines[neighbour(lines, at, -1)]
  if (before && (isHeadlineMetadata(before) || sectionOfLine(before.text) !== null))
    score += H.headlineMetadataBefore
  if (line.words >= 3 && isTitleCased(line.text)) score += H.headlineTitleCase
  if (/\S:\s\S/u.test(line.text)) score += H.headlineKicker
  if (inMenu(lines, at)) score += H.headlineInMenu
  if (line.words >= 3 && (repeats.get(line.text) ?? 0) >= 2) score += H.headlineRepeated
  return score
}

/**
 * Index (in `lines`) of the headline among the lines from `from` to the body's first line (which may be the
 * headline itself when the copy scored it as prose), or -1: the best-scoring headline-shaped line that is
 * not a tag, or the headline printed right above it when that one is its standfirst.
 */
function findHeadline(lines: readonly PageLine[], from: number, bodyStart: number): number {
  // How often the page prints each line that could be the headline.
  const repeats = new Map<string, number>()
  for (const line of lines.slice(from, bodyStart + 1)) if (line.words >= 3) repeats.set(line.text, 0)
  for (const line of lines) {
    const seen = repeats.get(line.text)
    if (seen !== undefined) repeats.set(line.text, seen + 1)
  }
  let bestIndex = -1
  let bestScore = -Infinity
  for (let i = from; i <= bodyStart; i++) {
    const line = lines[i]
    if (!isHeadlineShaped(line) || inTagList(lines, i)) continue
    let score = headlineScore(lines, i, bodyStart, repeats)
    if (i === bodyStart) {
      // The body's first line only when it is no sentence and a longer paragraph follows it.
      const next = lines[neighbour(lines, i, 1)]
      if (line.words > 30 || /\.["”»’)]*$/u.test(line.text) || !next || next.words <= line.words) continue
      score += H.headlineFirstBodyLine
    }
    if (score > bestScore) {
      bestScore = score
      bestIndex = i
    }
  }
  return headlineOverStandfirst(lines, bestIndex)
}

/**
 * A headline and its standfirst printed on two lines in a row: when the best line has a headline-shaped line
 * right above it, and that line comes after a date, a byline, a section label or furniture (the end of a
 * menu, so it is not one more item of a list), the line above is the headline. A line of two words only
 * after a date or byline.
 */
function headlineOverStandfirst(lines: readonly PageLine[], best: number): number {
  const chosen = lines[best]
  const above = lines[best - 1]
  if (!chosen || !isHeadlineShaped(above) || endsLikeSentence(above.text) || inMenu(lines, best - 1))
    return best
  const before: PageLine | undefined = lines[best - 2]
  const afterMetadata = before === undefined || isHeadlineMetadata(before)
  const afterFurniture =
    afterMetadata ||
    before.words === 1 ||
    isChrome(before.text) ||
    sectionOfLine(before.text) !== null ||
    (isShortItem(lines, best - 2) &&
      isShortItem(lines, best - 3) &&
      above.words >= 5 &&
      above.words >= 2 * before.words)
  return afterMetadata || (above.words >= 3 && afterFurniture) ? best - 1 : best
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

/** A standfirst printed on its own line between the headline and the body. */
function findDek(lines: readonly PageLine[]): string | null {
  const dek = lines.find(
    (line) =>
      !isMetadataOrChrome(line.text) && !isImprintLine(line.text) && line.words >= 3 && line.words <= 40,
  )
  return dek?.text ?? null
}

/** How far from the headline or the body a line of names alone is taken for the byline. */
const NAME_LINE_REACH = 3

/**
 * The article's authors: a byline line ("By …", "Автор: …"), a byline label with the names on the next line
 * ("Авторы:" / "Дмитрий Попов"), or a line of names alone right under or above the headline, just above the
 * body or right after it (a signature). Names after a tag list's label are tags, not authors.
 */
function findAuthors(
  lines: readonly PageLine[],
  where: { titleAt: number; bodyStart: number; bodyEnd: number; metadataOrder: readonly PageLine[] },
): string[] {
  const labelled = firstOf(where.metadataOrder, (line) => bylineAuthors(line.text))
  if (labelled) return labelled
  const afterLabel = (at: number): string[] | null => {
    const line = lines[at]
    if (!line || !isBylineLabel(line.text)) return null
    const next = lines[at + 1]
    return next ? personNames(next.text) : null
  }
  const positions = new Map<PageLine, number>(lines.map((line, index) => [line, index]))
  for (const line of where.metadataOrder) {
    const names = afterLabel(positions.get(line) ?? -1)
    if (names) return names
  }
  const { titleAt, bodyStart, bodyEnd } = where
  // From the headline down and up, from the body's first line up and from its last line down, across
  // furniture and dates only: the byline printed without a label, or the signature under the text.
  const walks: Array<[number, 1 | -1]> = [
    [bodyEnd, 1],
    [bodyStart, -1],
  ]
  if (titleAt >= 0) walks.unshift([titleAt, 1], [titleAt, -1])
  for (const [from, step] of walks) {
    for (
      let at = from + step, seen = 0;
      at >= 0 && at < lines.length && seen < NAME_LINE_REACH;
      at += step, seen++
    ) {
      const line = lines[at]
      if (!line || (step === 1 && at >= bodyStart && at <= bodyEnd)) break
      const names = inTagList(lines, at) ? null : personNames(line.text)
      if (names) return names
      // A name the lexicon does not know, right under the headline and right above the date.
      const next = lines[neighbour(lines, at, 1)]
      if (from === titleAt && step === 1 && isNameShaped(line.text) && next && isDateOrReadingTime(next.text))
        return [line.text]
      if (!isPassedOver(line) && !isHeadlineMetadata(line) && at !== titleAt + 1) break
    }
  }
  return []
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

function findPublished(lines: readonly PageLine[], saved: SavedMoment | null): string | null {
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
