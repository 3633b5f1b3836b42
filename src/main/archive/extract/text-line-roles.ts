/**
 * What a line of a copied page was found to be around the article: a line that says who wrote it or
 * when, furniture to look across (menus, share bars, credits), a tag in a tag list. The headline and
 * byline searches ask the same lines again and again, so the answers are kept per line.
 */
import { endsLikeSentence, isPhotoCredit } from './signals'
import type { PageLine } from './text-lines'
import {
  bylineAuthors,
  isBylineLabel,
  isChrome,
  isClockStampLine,
  isDateLine,
  isReadingTime,
  isRightsNotice,
  isTimestampLine,
  personNames,
  sectionOfLine,
  TEXT_RULE_WEIGHTS,
} from './text-rules'

/** A line of the page around the article: chrome, or a date, byline, credit, rights or section line. */
export function isMetadataOrChrome(text: string): boolean {
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

/** What a line was found to be, kept for the lines the headline and byline searches test again and again. */
const metadataLines = new WeakMap<PageLine, boolean>()
const passedOverLines = new WeakMap<PageLine, boolean>()

/** A line that says who wrote the article or when: what stands around a headline. */
export function isHeadlineMetadata(line: PageLine): boolean {
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

/** Where the names of a tag or topic list start: what follows is not a byline or a headline. */
const TAG_LABEL = /^(?:tags|topics|теги|метки|темы|персоны|организации|сюжет|рубрики)\s*:?$/iu

/** A short line in a list of tags: after a tag label with only short lines between. */
export function inTagList(lines: readonly PageLine[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 12; i--) {
    const line = lines[i]
    if (!line) return false
    if (line.words <= 2 && TAG_LABEL.test(line.text)) return true
    if (line.words > 5 || endsLikeSentence(line.text)) return false
  }
  return false
}

/** Furniture a headline's neighbours are looked for across: menus, share bars, credits, ad labels. */
export function isPassedOver(line: PageLine): boolean {
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
export function neighbour(lines: readonly PageLine[], at: number, step: 1 | -1): number {
  for (let i = at + step; i >= 0 && i < lines.length && Math.abs(i - at) <= NEIGHBOUR_REACH; i += step) {
    const line = lines[i]
    if (line && !isPassedOver(line)) return i
  }
  return -1
}
