/**
 * The byline search of the plain-text reader: a byline line, a byline label with the names under it, or
 * a line of names alone beside the headline or the body.
 */
import { firstOf, type PageLine } from './text-lines'
import { inTagList, isHeadlineMetadata, isPassedOver, neighbour } from './text-line-roles'
import {
  bylineAuthors,
  isBylineLabel,
  isClockStampLine,
  isDateLine,
  isNameShaped,
  isReadingTime,
  isTimestampLine,
  personNames,
} from './text-rules'

function isDateOrReadingTime(text: string): boolean {
  return isDateLine(text) || isTimestampLine(text) || isClockStampLine(text) || isReadingTime(text)
}

/** "ByTrevor Jones": the copy glued a byline's label to the name (two elements of the page without a space). */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u
/** "By Bhaval Patel   Last Updated: December 6, 2024": the update stamp after the names, not one of them. */
const STAMP_AFTER_NAMES =
  /\s+[–—|·•-]?\s*(?:last\s+)?(?:updated|modified|published|обновлено|изменено|опубликовано)(?![\p{L}]).*$/iu

/** The names of a byline line as a copy gives it: its label perhaps glued to the name, a stamp after them. */
function copiedBylineAuthors(text: string): string[] | null {
  return bylineAuthors(text.replace(GLUED_BY, 'By ').replace(STAMP_AFTER_NAMES, ''))
}

/** How far from the headline or the body a line of names alone is taken for the byline. */
const NAME_LINE_REACH = 3

/**
 * The article's authors: a byline line ("By …", "Автор: …"), a byline label with the names on the next line
 * ("Авторы:" / "Дмитрий Попов"), or a line of names alone right under or above the headline, just above the
 * body or right after it (a signature). Names after a tag list's label are tags, not authors.
 */
export function findAuthors(
  lines: readonly PageLine[],
  where: { titleAt: number; bodyStart: number; bodyEnd: number; metadataOrder: readonly PageLine[] },
): string[] {
  const labelled = firstOf(where.metadataOrder, (line) => copiedBylineAuthors(line.text))
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
