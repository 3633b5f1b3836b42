/**
 * A copied page's lines: the text split into lines (paragraphs the page wrapped at a fixed width joined
 * again), each scored as prose or chrome by text-rules.ts, then scored again for what the lines around it
 * show: prose the page repeats, the items of a list, readers' comments, boxes of teasers.
 */
import { countWords, squash } from './article'
import { findDate, findRelativeDate } from './dates'
import { endsLikeSentence, lineKey } from './signals'
import {
  bylineAuthors,
  isChrome,
  isClockStampLine,
  isCommentsHeading,
  isDateLine,
  isSectionBreak,
  isTeaserLabel,
  proseScore,
  TEXT_RULE_WEIGHTS,
} from './text-rules'

export interface PageLine {
  text: string
  words: number
  score: number
  /** A headline of another story under a "Читайте также" label: never part of the body. */
  teaser?: boolean
}

/** The page's lines, each scored, the scores adjusted for what the lines around it show. */
export function scorePageLines(text: string): PageLine[] {
  const lines: PageLine[] = []
  for (const line of unwrap(text.split(/\r\n?|\n|\u2028|\u2029/))) {
    const words = countWords(line)
    lines.push({ text: line, words, score: proseScore(line, words) })
  }
  demoteRepeatedProse(lines)
  markTeasers(lines)
  markTeaserList(lines)
  demoteComments(lines)
  liftListItems(lines)
  return lines
}

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

/**
 * A line that goes on with the sentence before it: in lower case, of some words, not a stamp, chrome or a
 * byline ("by Jane Doe" under a headline that has no full stop).
 */
function continuesSentence(line: string): boolean {
  return (
    /^\p{Ll}/u.test(line) &&
    countWords(line) >= 3 &&
    !isDateLine(line) &&
    !isClockStampLine(line) &&
    !isChrome(line) &&
    bylineAuthors(line) === null
  )
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
/** How many signatures in a row make a thread of comments, and how far apart they may stand. */
const SIGNATURES_MIN = 3
const SIGNATURE_MAX_GAP_LINES = 15
/** A commenter's name (or nickname) is a line of this many words at most. */
const SIGNATURE_NAME_MAX_WORDS = 4

/**
 * Readers' comments can be longer than the article they follow: once a comments heading stands below some
 * prose, and comments follow it (a reply button or a date shortly after it), the prose after it counts for
 * little, so the article stays the body. A thread printed without a heading is known by its signatures:
 * a name over a date, again and again. A comment counter in the article's header changes nothing.
 */
function demoteComments(lines: PageLine[]): void {
  const threadStart = signedThreadStart(lines)
  let proseAbove = 0
  let inComments = false
  lines.forEach((line, i) => {
    if (inComments) {
      if (line.score > 0) line.score *= TEXT_RULE_WEIGHTS.commentProseShare
    } else if (line.score > 0) proseAbove++
    if (inComments || proseAbove < TEXT_RULE_WEIGHTS.commentsAfterProseLines) return
    inComments =
      i === threadStart ||
      (line.score <= 0 &&
        isCommentsHeading(line.text) &&
        lines
          .slice(i + 1, i + 1 + COMMENT_SIGNS_REACH)
          .some((next) => COMMENT_BUTTON.test(lineKey(next.text)) || isDateLine(next.text)))
  })
}

/**
 * Where a thread of comments printed without a heading starts: the first of SIGNATURES_MIN signatures
 * (a short line that is not prose, the commenter's name, over a date line and prose), each within
 * SIGNATURE_MAX_GAP_LINES lines of the one before, found below some prose. An article's own byline over
 * its date is one signature; a box of other stories has their headlines, not prose, under each author and date.
 */
function signedThreadStart(lines: readonly PageLine[]): number {
  let proseAbove = 0
  let runStart = -1
  let runLength = 0
  let lastSignature = -Infinity
  for (let i = 0; i + 2 < lines.length; i++) {
    const line = lines[i]
    if (!line) continue
    if (line.score > 0) proseAbove++
    if (proseAbove < TEXT_RULE_WEIGHTS.commentsAfterProseLines || !isSignature(lines, i)) continue
    if (i - lastSignature > SIGNATURE_MAX_GAP_LINES) {
      runStart = i
      runLength = 0
    }
    runLength++
    lastSignature = i
    if (runLength >= SIGNATURES_MIN) return runStart
  }
  return -1
}

/** A comment's signature at `at`: the commenter's name, the date under it, and the comment's prose under that. */
function isSignature(lines: readonly PageLine[], at: number): boolean {
  const [name, date, comment] = [lines[at], lines[at + 1], lines[at + 2]]
  if (!name || !date || !comment) return false
  return (
    comment.score > 0 &&
    name.score <= 0 &&
    date.score <= 0 &&
    name.words <= SIGNATURE_NAME_MAX_WORDS &&
    (isDateLine(date.text) || isClockStampLine(date.text)) &&
    !isDateLine(name.text) &&
    !isClockStampLine(name.text) &&
    !isChrome(name.text)
  )
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
/** How many teasers in a row make a list of other stories. */
const TEASER_LIST_MIN_ITEMS = 3
/** A teaser's headline is a line of this many words; its summary one line of prose of at most this many. */
const TEASER_HEADLINE_WORDS = [5, 20] as const
const TEASER_SUMMARY_MAX_WORDS = 50
/** Lines of furniture (a kicker, the author and date, "read more") a teaser may have after its two lines. */
const TEASER_FURNITURE_MAX_LINES = 2
/** A numbered or labelled step opens a section of the article, not a teaser: "6. The roof", "Tip #1: …". */
const ENUMERATED = /^(?:\d+[.):]|#\d|(?:tip|step|part|chapter|шаг|часть)\s*#?\d)/iu
const ELLIPSIS_END = /(?:…|\.\.\.)["'”»’)\]]*$/u

/**
 * A list of other stories beside an article: each a headline over a one-line summary, the summaries cut
 * short with an ellipsis or each story dated on a short line of its own, under any heading or none. The
 * summaries are prose, but no part of the body. An article's own sections differ: more than one paragraph
 * under a subheading, a short or numbered subheading, no date between the sections. A page whose prose is
 * mostly in such lists (a listing, a blog's front page, a service's features) keeps them.
 */
function markTeaserList(lines: PageLine[]): void {
  const lists = teaserLists(lines)
  if (lists.length === 0) return
  const inLists = new Set(lists.flat())
  const proseScore = (indices: Iterable<number>): number => {
    let sum = 0
    for (const at of indices) sum += Math.max(0, lines[at]?.score ?? 0)
    return sum
  }
  const articleProse = proseScore([...lines.keys()].filter((at) => !inLists.has(at)))
  if (proseScore(inLists) >= articleProse) return
  for (const at of inLists) {
    const summary = lines[at]
    if (!summary) continue
    summary.score = TEXT_RULE_WEIGHTS.shortFragment
    summary.teaser = true
  }
}

/** The lists of teasers on the page, each as the indices of its summaries. */
function teaserLists(lines: readonly PageLine[]): number[][] {
  const lists: number[][] = []
  let items: { summaryAt: number; dated: boolean }[] = []
  const flush = (): void => {
    const cut = items.filter((item) => ELLIPSIS_END.test(lines[item.summaryAt]?.text ?? '')).length
    const dated = items.filter((item) => item.dated).length
    if (items.length >= TEASER_LIST_MIN_ITEMS && Math.max(cut, dated) * 2 >= items.length)
      lists.push(items.map((item) => item.summaryAt))
    items = []
  }
  let i = 0
  while (i < lines.length) {
    const summaryAt = teaserSummaryAt(lines, i)
    if (summaryAt < 0) {
      flush()
      i++
      continue
    }
    i = summaryAt + 1
    let furniture = 0
    let dated = false
    while (
      furniture < TEASER_FURNITURE_MAX_LINES &&
      teaserSummaryAt(lines, i) < 0 &&
      isTeaserFurniture(lines[i])
    ) {
      dated ||= isDated(lines[i]?.text ?? '')
      furniture++
      i++
    }
    items.push({ summaryAt, dated })
  }
  flush()
  return lists
}

/** A teaser's headline at `at` with its summary on the next line: the summary's index, or -1. */
function teaserSummaryAt(lines: readonly PageLine[], at: number): number {
  const [headline, summary, after] = [lines[at], lines[at + 1], lines[at + 2]]
  if (!headline || !summary) return -1
  const [minWords, maxWords] = TEASER_HEADLINE_WORDS
  // A second paragraph under the headline makes it a section of the article.
  if (summary.score <= 0 || summary.words > TEASER_SUMMARY_MAX_WORDS || (after && after.score > 0)) return -1
  const isHeadline =
    headline.score < 0 &&
    headline.words >= minWords &&
    headline.words <= maxWords &&
    !endsLikeSentence(headline.text) &&
    !/[:?]\s*$/u.test(headline.text) &&
    !ENUMERATED.test(headline.text) &&
    !isChrome(headline.text) &&
    !isDated(headline.text)
  return isHeadline ? at + 1 : -1
}

/** The line states a date, told or relative ("13.12.2023", "52 mins ago"). */
function isDated(text: string): boolean {
  return findDate(text) !== null || findRelativeDate(text, null) !== null
}

/** A short line that is not prose: a kicker, an author and date, a "read more" link. */
function isTeaserFurniture(line: PageLine | undefined): boolean {
  return line !== undefined && line.score <= 0 && line.words <= 8
}

/** The first value `read` finds in the lines, in their order, or null. */
export function firstOf<T>(lines: readonly PageLine[], read: (line: PageLine) => T | null): T | null {
  for (const line of lines) {
    const value = read(line)
    if (value !== null) return value
  }
  return null
}
