/**
 * The headline search of the plain-text reader: which line above the body is the article's headline (by
 * its length, its place, the byline or date beside it, and not an item of a menu), the standfirst under
 * it, and a subtitle the copy glued to the headline's line.
 */
import { FUNCTION_WORDS } from './lexicon/function-words'
import { endsLikeSentence, hasLetters } from './signals'
import type { PageLine } from './text-lines'
import { inTagList, isHeadlineMetadata, isMetadataOrChrome, neighbour } from './text-line-roles'
import {
  bylineAuthors,
  isChrome,
  isImprintLine,
  personNames,
  sectionOfLine,
  TEXT_RULE_WEIGHTS,
} from './text-rules'

/**
 * Labels that introduce what follows ("Share on:", "Теги:", "From: Herald Sun"), numbered items, back links
 * and a wiki's section headings ("History[edit]") are not headlines.
 */
const NOT_A_HEADLINE =
  /:\s*$|^\d{1,2}[.)]\s|^[<←]|\[edit\]$|^(?:from|source|via|filed under|posted in|category|categories|tags?|topics?|источник|рубрика|раздел|теги|темы)\s*:/iu

/** Whether a line could be a headline, kept per line: the headline search asks it again and again. */
const headlineShapedLines = new WeakMap<PageLine, boolean>()

/** A line of a headline's length and letters that is no label, imprint, metadata or chrome. */
export function isHeadlineShaped(line: PageLine | undefined): line is PageLine {
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

/** A role is a line of this many words at most. */
const ROLE_MAX_WORDS = 4

/**
 * A few words right under the byline, over a date or the byline's other lines: the author's role
 * ("Обозреватель отдела экономики", "Senior Writer"), not a headline.
 */
function isAuthorsRole(lines: readonly PageLine[], at: number): boolean {
  const [before, line, after] = [lines[at - 1], lines[at], lines[at + 1]]
  if (!before || !line || !after || line.words > ROLE_MAX_WORDS) return false
  const underByline = personNames(before.text) !== null || bylineAuthors(before.text) !== null
  return underByline && isHeadlineMetadata(after)
}

/**
 * Index (in `lines`) of the headline among the lines from `from` to the body's first line (which may be the
 * headline itself when the copy scored it as prose), or -1: the best-scoring headline-shaped line that is
 * not a tag, or the headline printed right above it when that one is its standfirst.
 */
export function findHeadline(lines: readonly PageLine[], from: number, bodyStart: number): number {
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
    if (!isHeadlineShaped(line) || inTagList(lines, i) || isAuthorsRole(lines, i)) continue
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

/** A standfirst printed on its own line between the headline and the body. */
export function findDek(lines: readonly PageLine[]): string | null {
  const dek = lines.find(
    (line) =>
      !isMetadataOrChrome(line.text) && !isImprintLine(line.text) && line.words >= 3 && line.words <= 40,
  )
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
