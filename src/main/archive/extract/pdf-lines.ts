/**
 * A PDF page's text items as lines (by baseline) in reading order, and the running headers, footers and
 * page numbers that repeat at the edges of the pages dropped.
 */
import { squash } from './article'
import { columnRegions } from './pdf-columns'
import { type PdfTextItem, itemSize } from './pdf-items'

export interface Line {
  text: string
  x: number
  y: number
  /** Right edge of the line. */
  end: number
  size: number
  page: number
  /**
   * Where the line sits on a page read in columns: a band of the page (top-down) and its column
   * within the band (1 = leftmost; 0 = a full-width band, and every line of a page without columns).
   */
  band: number
  column: number
  /** Position among its page's lines and how many lines the page has (for headers/footers). */
  index: number
  pageLines: number
}

/** Groups text items into lines by baseline, in the order given. */
function groupLines(items: readonly PdfTextItem[], page: number, band = 0, column = 0): Line[] {
  const lines: Line[] = []
  let current: Line | null = null
  let lastEnd = 0
  let lineBroken = false
  for (const item of items) {
    const [, , , , x = 0, y = 0] = item.transform
    const size = itemSize(item)
    if (item.str.length > 0) {
      const sameLine =
        current !== null && !lineBroken && Math.abs(current.y - y) < Math.max(current.size, size) * 0.5
      if (current && sameLine) {
        const gap = x - lastEnd
        const needsSpace =
          gap > Math.min(current.size, size) * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)
        current.text += (needsSpace ? ' ' : '') + item.str
        current.size = Math.max(current.size, size)
        current.end = Math.max(current.end, x + item.width)
      } else {
        current = {
          text: item.str,
          x,
          y,
          end: x + item.width,
          size,
          page,
          band,
          column,
          index: 0,
          pageLines: 0,
        }
        lines.push(current)
      }
      lastEnd = x + item.width
      lineBroken = false
    }
    if (item.hasEOL) lineBroken = true
  }
  return lines.map((line) => ({ ...line, text: squash(line.text) })).filter((line) => line.text.length > 0)
}

/** A page read in one column: its lines are numbered in the order they were written. */
function numberInStreamOrder(lines: Line[]): Line[] {
  lines.forEach((line, index) => {
    line.index = index
    line.pageLines = lines.length
  })
  return lines
}

/** A page read in columns: lines side by side share a number, counted from the top. */
function numberByRows(lines: Line[]): Line[] {
  const fromTop = [...lines].sort((p, q) => q.y - p.y)
  let row = -1
  let rowY = 0
  let rowSize = 0
  for (const line of fromTop) {
    if (row < 0 || rowY - line.y >= Math.max(rowSize, line.size) * 0.5) {
      row++
      rowY = line.y
      rowSize = line.size
    }
    line.index = row
  }
  for (const line of lines) line.pageLines = row + 1
  return lines
}

/**
 * One page's lines in reading order: column by column when the page is set in columns (pdf-columns.ts),
 * else in content-stream order.
 */
export function pageLines(items: readonly PdfTextItem[], page: number): Line[] {
  const regions = columnRegions(items)
  if (regions === null) return numberInStreamOrder(groupLines(items, page))
  return numberByRows(
    regions.flatMap((region) =>
      groupLines(region.items, page, region.band, region.column).sort((p, q) => q.y - p.y),
    ),
  )
}

const PAGE_NUMBER =
  /^(?:(?:page|p\.|стр\.?|страница|seite|página)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|из|\/)\s*\d{1,4})?$/iu
/** Front-matter page numbers (i … xxxix), lower case only, so a word like "Civil" is not one. */
const ROMAN_PAGE_NUMBER = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/

/** Lines within this many places of a page's top or bottom can be running headers or footers. */
const EDGE_LINES = 3

const isAtEdge = (line: Line): boolean => line.index < EDGE_LINES || line.index >= line.pageLines - EDGE_LINES

/** The same header on every page, with its page number or date changed, has the same key. */
const runningKey = (text: string): string => text.toLowerCase().replace(/\d+/g, '#')

/** Drops page numbers and the header/footer lines that repeat at the edges of most pages. */
export function dropRunningLines(lines: readonly Line[], pageCount: number): Line[] {
  const pagesByKey = new Map<string, Set<number>>()
  for (const line of lines) {
    if (!isAtEdge(line)) continue
    const key = runningKey(line.text)
    const pages = pagesByKey.get(key) ?? new Set<number>()
    pages.add(line.page)
    pagesByKey.set(key, pages)
  }
  const needed = Math.max(2, Math.ceil(pageCount * 0.5))
  return lines.filter((line) => {
    if (!isAtEdge(line)) return true
    if (PAGE_NUMBER.test(line.text) || ROMAN_PAGE_NUMBER.test(line.text)) return false
    return pageCount < 2 || (pagesByKey.get(runningKey(line.text))?.size ?? 0) < needed
  })
}
