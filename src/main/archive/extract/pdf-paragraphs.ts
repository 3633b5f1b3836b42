/**
 * A PDF's lines as headings (larger-font lines) and paragraphs (by line gaps and first-line indents), a
 * paragraph joined across page and column breaks and its hyphenated line breaks undone.
 */
import { median } from './pdf-items'
import type { Line } from './pdf-lines'
import { endsPdfLineLikeSentence } from './signals'

/** A line this much larger than the body font is a heading. */
const HEADING_SCALE = 1.2
/** Longer lines are never headings, whatever their font. */
const MAX_HEADING_CHARS = 160

export interface Block {
  heading: boolean
  text: string
}

/** Joins a line to the paragraph before it, undoing a hyphenated break ("exam-" + "ple"). */
function joinLine(paragraph: string, line: string): string {
  if (/\p{L}[-\u00ad\u2010]$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line
  return `${paragraph} ${line}`
}

/** Lines of one column share a left margin and a right edge (a page without columns is one column). */
const columnKey = (line: Line): string => `${line.page}:${line.column}`

const sameRegion = (previous: Line, line: Line): boolean =>
  previous.page === line.page && previous.band === line.band && previous.column === line.column

/**
 * The text runs straight on from one line to the next: within one column, or from a full-width
 * block into the first column just below it (the short last line of an abstract sits there).
 */
const runsStraightOn = (previous: Line, line: Line): boolean =>
  sameRegion(previous, line) ||
  (previous.page === line.page &&
    previous.column === 0 &&
    line.column === 1 &&
    line.band === previous.band + 1)

/** Lines -> headings and paragraphs. */
export function buildBlocks(lines: readonly Line[]): Block[] {
  const bodySize = median(
    lines.flatMap((line) => Array<number>(Math.min(line.text.length, 200)).fill(line.size)),
  )
  const isHeading = (line: Line): boolean =>
    line.size >= bodySize * HEADING_SCALE && line.text.length <= MAX_HEADING_CHARS
  // The usual distance between body lines, and the usual left edge and right edge of a column's body.
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]
    const line = lines[i]
    if (!previous || !line || !sameRegion(previous, line) || isHeading(line) || isHeading(previous)) continue
    const gap = previous.y - line.y
    if (gap > 0 && gap < line.size * 3) gaps.push(gap)
  }
  const lineGap = median(gaps) || bodySize * 1.2
  const bodyByColumn = new Map<string, Line[]>()
  for (const line of lines) {
    if (isHeading(line)) continue
    const key = columnKey(line)
    const body = bodyByColumn.get(key) ?? []
    body.push(line)
    bodyByColumn.set(key, body)
  }
  const margins = new Map<string, number>()
  const rightEdges = new Map<string, number>()
  for (const [key, body] of bodyByColumn) {
    margins.set(key, median(body.map((line) => Math.round(line.x))))
    rightEdges.set(
      key,
      body.reduce((edge, line) => Math.max(edge, line.end), 0),
    )
  }

  const blocks: Block[] = []
  let previous: Line | null = null
  for (const line of lines) {
    const heading = isHeading(line)
    const last = blocks[blocks.length - 1]
    let continues = false
    if (previous && last && last.heading === heading) {
      const margin = margins.get(columnKey(line)) ?? line.x
      const indented = !heading && line.x - margin > line.size * 0.8 && line.x - margin < line.size * 8
      if (previous.page !== line.page) {
        // A paragraph runs on over a page break when it did not end a sentence.
        continues = !heading && !endsPdfLineLikeSentence(last.text)
      } else if (!runsStraightOn(previous, line)) {
        // ...and from the foot of one column to the head of the next one.
        const nextColumn =
          line.band === previous.band && previous.column > 0 && line.column === previous.column + 1
        continues = nextColumn && !heading && !indented && !endsPdfLineLikeSentence(last.text)
      } else {
        const gap = previous.y - line.y
        const previousShort =
          !heading &&
          endsPdfLineLikeSentence(previous.text) &&
          previous.end < (rightEdges.get(columnKey(previous)) ?? previous.end) - line.size * 4
        continues =
          gap > 0 &&
          gap < lineGap * (heading ? 1.8 : 1.45) &&
          Math.abs(line.size - previous.size) < bodySize * 0.1 &&
          !indented &&
          !previousShort
      }
    }
    if (continues && last) last.text = joinLine(last.text, line.text)
    else blocks.push({ heading, text: line.text })
    previous = line
  }
  return blocks
}
