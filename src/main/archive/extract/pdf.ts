/**
 * The PDF path (pdf.js, text only): text items -> lines (by baseline) -> paragraphs (by gaps and
 * first-line indents), running headers/footers and page numbers dropped, hyphenated line breaks
 * joined, larger-font lines kept as headings. A page set in columns is read column by column,
 * whatever order its content stream has. Metadata comes from the Info dictionary.
 */
import { escapeHtmlNumeric } from '../../../common/text'
import type { ExtractedArticle } from '../../../common/types'
import { countWords, detectLanguage, makeExcerpt, squash } from './article'
import { ExtractError } from './errors'
import { splitNames } from './names'
import { sanitizeHtml } from './sanitize'
import { endsPdfLineLikeSentence } from './signals'

export type PdfFields = Omit<ExtractedArticle, 'format'>

/** Pages beyond this are not read (a book-length PDF still gives its first chapters). */
export const MAX_PDF_PAGES = 1500
/** Text beyond this many characters is not kept. */
const MAX_PDF_TEXT_CHARS = 5_000_000
/** A line this much larger than the body font is a heading. */
const HEADING_SCALE = 1.2
/** Longer lines are never headings, whatever their font. */
const MAX_HEADING_CHARS = 160

interface PdfTextItem {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL: boolean
}

interface Line {
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

interface Block {
  heading: boolean
  text: string
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let pdfJsLoading: Promise<PdfJs> | null = null

/**
 * pdf.js runs its parser on the calling thread: the worker module is loaded here and handed over
 * through `globalThis.pdfjsWorker`, so no separate worker file has to be found at run time.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfJsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return pdfJsLoading
}

/** "D:20260301093000+01'00'" -> "2026-03-01T09:30:00+01:00", as stated (no zone invented). */
export function pdfDateToIso(value: string | null | undefined): string | null {
  const match =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      value?.trim() ?? '',
    )
  if (!match) return null
  const [, year, month, day, hour, minute, second, zulu, sign, offsetHours, offsetMinutes] = match
  if (!year || Number(year) < 1900) return null
  if (!month || !day) return month ? `${year}-${month}` : year
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null
  const date = `${year}-${month}-${day}`
  if (!hour) return date
  const time = `${hour}:${minute ?? '00'}${second ? `:${second}` : ''}`
  const zone = zulu ? 'Z' : sign ? `${sign}${offsetHours}:${offsetMinutes ?? '00'}` : ''
  return `${date}T${time}${zone}`
}

/** Titles that authoring tools write instead of the real one. */
function isPlaceholderTitle(title: string): boolean {
  return (
    /^(?:untitled|document\d*|title|slide \d+|microsoft word\s*-.*|.*\.(?:docx?|pdf|odt|rtf|tex|dvi|indd|pptx?))$/i.test(
      title,
    ) || !/\p{L}/u.test(title)
  )
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

const itemSize = (item: PdfTextItem): number => {
  const [a = 0, b = 0, c = 0, d = 0] = item.transform
  return Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1
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

/** A text item's place on the page, for finding columns. */
interface PlacedItem {
  /** Position in the page's content stream. */
  order: number
  start: number
  end: number
  y: number
  size: number
  chars: number
}

interface Span {
  start: number
  end: number
}

/** Items on one baseline and the stretches of x their text covers. */
interface Row {
  y: number
  size: number
  items: PlacedItem[]
  spans: Span[]
}

/** A page is split into columns only along a gutter at least this many body-font sizes wide. */
const MIN_GUTTER_EMS = 0.6
/** ...that no more than this share of the page's rows crosses (full-width titles, abstracts, captions). */
const MAX_CROSSING_SHARE = 0.5
/** Each column is at least this share of the text's width (a margin note is no column). */
const MIN_COLUMN_SHARE = 0.15
/**
 * Each side of a gutter has at least this many rows of text, with this many characters in a
 * typical row (a table of short cells is no pair of columns).
 */
const MIN_COLUMN_ROWS = 3
const MIN_COLUMN_ROW_CHARS = 15
/**
 * Columns differ in width by at most this factor, a gutter is at most this share of the narrowest
 * column, and a typical line fills this share of its column.
 */
const MAX_COLUMN_WIDTH_RATIO = 1.6
const MAX_GUTTER_SHARE = 0.5
const MIN_COLUMN_FILL = 0.7
/** The text's width is cut into this many slices to count the rows crossing each. */
const GUTTER_SLICES = 400
/** At most this many strips (the emptiest) are tried as gutters, each in one pass over the rows. */
const MAX_GUTTER_TRIES = 12

/** Upright text with usable coordinates is placed; turned or broken items are set aside. */
function placeItems(items: readonly PdfTextItem[]): { placed: PlacedItem[]; aside: number[] } {
  const placed: PlacedItem[] = []
  const aside: number[] = []
  items.forEach((item, order) => {
    const chars = item.str.trim().length
    if (chars === 0) return
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform
    const size = itemSize(item)
    const upright = a > 0 && Math.abs(b) + Math.abs(c) <= 0.05 * (a + Math.abs(d))
    if (upright && [x, y, item.width, size].every(Number.isFinite))
      placed.push({ order, start: x, end: x + Math.max(0, item.width), y, size, chars })
    else aside.push(order)
  })
  return { placed, aside }
}

/** Rows top-down; each row's spans are its items' extents, merged where they touch. */
function groupRows(placed: readonly PlacedItem[]): Row[] {
  const rows: Row[] = []
  let row: Row | null = null
  for (const item of [...placed].sort((p, q) => q.y - p.y)) {
    if (row && row.y - item.y < Math.max(row.size, item.size) * 0.5) {
      row.items.push(item)
      row.size = Math.max(row.size, item.size)
    } else {
      row = { y: item.y, size: item.size, items: [item], spans: [] }
      rows.push(row)
    }
  }
  for (const each of rows) {
    const byStart = [...each.items].sort((p, q) => p.start - q.start)
    for (const item of byStart) {
      const last = each.spans[each.spans.length - 1]
      if (last && item.start <= last.end) last.end = Math.max(last.end, item.end)
      else each.spans.push({ start: item.start, end: item.end })
    }
  }
  return rows
}

const crosses = (row: Row, gutter: Span): boolean =>
  row.spans.some((span) => span.start < gutter.end && span.end > gutter.start)

/**
 * Most rows leave the gutter empty, and those rows hold text on both sides of it, in lines long
 * enough to be running text.
 */
function splitsIntoColumns(rows: readonly Row[], gutter: Span): boolean {
  const leftChars: number[] = []
  const rightChars: number[] = []
  let crossing = 0
  for (const row of rows) {
    if (crosses(row, gutter)) {
      crossing++
      continue
    }
    let left = 0
    let right = 0
    for (const item of row.items) {
      if (item.end <= gutter.start) left += item.chars
      else right += item.chars
    }
    if (left > 0) leftChars.push(left)
    if (right > 0) rightChars.push(right)
  }
  return (
    crossing <= rows.length * MAX_CROSSING_SHARE &&
    [leftChars, rightChars].every(
      (side) => side.length >= MIN_COLUMN_ROWS && median(side) >= MIN_COLUMN_ROW_CHARS,
    )
  )
}

interface Gap extends Span {
  /** Rows with text in the gap. */
  crossing: number
}

/**
 * The gap through a strip: rows with text in the strip cross it (full-width rows); the gap reaches
 * from the last text left of the strip to the first text right of it in all other rows (an open
 * side is infinite).
 */
function gapThrough(rows: readonly Row[], strip: Span): Gap {
  let start = -Infinity
  let end = Infinity
  let crossing = 0
  for (const row of rows) {
    if (crosses(row, strip)) {
      crossing++
      continue
    }
    for (const span of row.spans) {
      if (span.end <= strip.start) start = Math.max(start, span.end)
      else end = Math.min(end, span.start)
    }
  }
  return { start, end, crossing }
}

/**
 * Gutters between columns: vertical gaps, inside the text's width, that most rows leave empty,
 * with column text on both sides. The width is cut into slices and the rows with text in each
 * slice counted; the emptiest strips are tried first and each try costs one pass over the rows,
 * so the work stays linear in the items however hostile the page.
 */
function findGutters(rows: readonly Row[], placed: readonly PlacedItem[]): Span[] {
  if (rows.length < MIN_COLUMN_ROWS) return []
  let left = Infinity
  let right = -Infinity
  for (const item of placed) {
    left = Math.min(left, item.start)
    right = Math.max(right, item.end)
  }
  const width = right - left
  const bodySize = median(placed.map((item) => item.size))
  if (!(width > bodySize * 10)) return []
  const sliceWidth = width / GUTTER_SLICES
  const sliceAt = (x: number, round: (value: number) => number): number =>
    Math.min(GUTTER_SLICES, Math.max(0, round((x - left) / sliceWidth)))
  // Rows with text in each slice: a difference array, then summed up.
  const counts = new Int32Array(GUTTER_SLICES + 1)
  for (const row of rows) {
    for (const span of row.spans) {
      const from = sliceAt(span.start, Math.floor)
      const to = Math.max(from + 1, sliceAt(span.end, Math.ceil))
      counts[from] = (counts[from] ?? 0) + 1
      counts[to] = (counts[to] ?? 0) - 1
    }
  }
  for (let index = 1; index < GUTTER_SLICES; index++)
    counts[index] = (counts[index] ?? 0) + (counts[index - 1] ?? 0)

  // A strip as wide as the narrowest gutter: a word gap in a full-width line does not open it, and
  // the ragged ends of column lines do not reach into one placed in the middle of a gutter.
  const reach = Math.ceil((bodySize * MIN_GUTTER_EMS) / 2 / sliceWidth)
  const maxCrossing = rows.length * MAX_CROSSING_SHARE
  const strips: Array<{ middle: number; crossing: number }> = []
  for (let middle = reach; middle < GUTTER_SLICES - reach; middle++) {
    let crossing = 0
    for (let index = middle - reach; index <= middle + reach; index++)
      crossing = Math.max(crossing, counts[index] ?? 0)
    if (crossing <= maxCrossing) strips.push({ middle, crossing })
  }
  strips.sort((p, q) => p.crossing - q.crossing)

  const tried = new Uint8Array(GUTTER_SLICES)
  const markTried = (from: number, to: number): void => {
    tried.fill(1, Math.max(0, from), Math.min(GUTTER_SLICES, to + 1))
  }
  const gaps: Gap[] = []
  let tries = 0
  for (const { middle } of strips) {
    if (tries >= MAX_GUTTER_TRIES) break
    if (tried[middle]) continue
    tries++
    const strip = {
      start: left + (middle - reach) * sliceWidth,
      end: left + (middle + reach + 1) * sliceWidth,
    }
    const gap = gapThrough(rows, strip)
    markTried(middle - reach, middle + reach)
    // No text beyond the strip on one side: everything out to that edge is margin.
    if (gap.start === -Infinity) markTried(0, middle)
    if (gap.end === Infinity) markTried(middle, GUTTER_SLICES)
    if (Number.isFinite(gap.start) && Number.isFinite(gap.end)) {
      markTried(sliceAt(gap.start, Math.floor), sliceAt(gap.end, Math.ceil))
      gaps.push(gap)
    }
  }

  const minColumn = width * MIN_COLUMN_SHARE
  const accepted: Span[] = []
  gaps
    .filter(
      (gap) =>
        gap.end - gap.start >= bodySize * MIN_GUTTER_EMS &&
        gap.start - left >= minColumn &&
        right - gap.end >= minColumn,
    )
    // Strips near a column's ragged edge give wider gaps by taking its longer lines for full-width
    // ones: the gap crossed by the fewest rows is the real gutter.
    .sort((p, q) => p.crossing - q.crossing || q.end - q.start - (p.end - p.start))
    .forEach((gap) => {
      const roomy = accepted.every(
        (other) => gap.end + minColumn <= other.start || other.end + minColumn <= gap.start,
      )
      if (roomy && splitsIntoColumns(rows, gap)) accepted.push({ start: gap.start, end: gap.end })
    })
  accepted.sort((p, q) => p.start - q.start)
  return accepted.length > 0 && columnsHoldText(rows, accepted) ? accepted : []
}

/** Which column of a row split by the gutters an item is in (0 = leftmost). */
const columnOf = (item: PlacedItem, gutters: readonly Span[]): number => {
  const middle = (item.start + item.end) / 2
  return gutters.filter((gutter) => (gutter.start + gutter.end) / 2 < middle).length
}

/**
 * Columns of running text are about as wide as each other, much wider than the gutters between
 * them, and their lines mostly fill them; the cells of a table or the notes beside a code listing
 * are not.
 */
function columnsHoldText(rows: readonly Row[], gutters: readonly Span[]): boolean {
  const columns = Array.from({ length: gutters.length + 1 }, () => ({
    start: Infinity,
    end: -Infinity,
    lines: [] as Span[],
  }))
  for (const row of rows) {
    if (gutters.some((gutter) => crosses(row, gutter))) continue
    const lines = new Map<number, Span>()
    for (const item of row.items) {
      const index = columnOf(item, gutters)
      const line = lines.get(index)
      if (line) {
        line.start = Math.min(line.start, item.start)
        line.end = Math.max(line.end, item.end)
      } else lines.set(index, { start: item.start, end: item.end })
    }
    for (const [index, line] of lines) {
      const column = columns[index]
      if (!column) continue
      column.start = Math.min(column.start, line.start)
      column.end = Math.max(column.end, line.end)
      column.lines.push(line)
    }
  }
  const widths = columns.map((column) => column.end - column.start)
  const narrowest = Math.min(...widths)
  if (Math.max(...widths) > narrowest * MAX_COLUMN_WIDTH_RATIO) return false
  if (gutters.some((gutter) => gutter.end - gutter.start > narrowest * MAX_GUTTER_SHARE)) return false
  const fills = columns.map((column, index) =>
    median(column.lines.map((line) => (line.end - line.start) / (widths[index] || 1))),
  )
  return fills.every((fill) => fill >= MIN_COLUMN_FILL)
}

/**
 * One page's lines in reading order. A page without columns is read in content-stream order.
 * A page with columns is cut into bands top-down: rows crossing a gutter (a title, an abstract,
 * a wide caption) form full-width bands, and the rows between them are read column by column.
 * Turned text (a margin stamp) comes last.
 */
function pageLines(items: readonly PdfTextItem[], page: number): Line[] {
  const { placed, aside } = placeItems(items)
  const rows = groupRows(placed)
  const gutters = findGutters(rows, placed)
  if (gutters.length === 0) return numberInStreamOrder(groupLines(items, page))

  const regions: Array<{ band: number; column: number; items: PdfTextItem[] }> = []
  const regionOf = new Int32Array(items.length).fill(-1)
  let band = -1
  let bandIsFull = false
  for (const row of rows) {
    const full = gutters.some((gutter) => crosses(row, gutter))
    if (band < 0 || full !== bandIsFull) {
      band++
      bandIsFull = full
      const columns = full ? [0] : gutters.map((_, index) => index + 1).concat(gutters.length + 1)
      for (const column of columns) regions.push({ band, column, items: [] })
    }
    const firstRegion = regions.length - (full ? 1 : gutters.length + 1)
    for (const item of row.items) {
      regionOf[item.order] = firstRegion + (full ? 0 : columnOf(item, gutters))
    }
  }
  if (aside.length > 0) {
    regions.push({ band: band + 1, column: 0, items: [] })
    for (const order of aside) regionOf[order] = regions.length - 1
  }
  // Items without text (line ends) stay with the item written before them.
  let previousRegion = -1
  items.forEach((item, order) => {
    const region = regionOf[order] ?? -1
    if (region >= 0) previousRegion = region
    regions[region >= 0 ? region : previousRegion]?.items.push(item)
  })
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
function dropRunningLines(lines: readonly Line[], pageCount: number): Line[] {
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
function buildBlocks(lines: readonly Line[]): Block[] {
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

interface PdfInfo {
  Title?: unknown
  Author?: unknown
  Subject?: unknown
  CreationDate?: unknown
}

const infoString = (value: unknown): string | null =>
  typeof value === 'string' && squash(value) ? squash(value) : null

function damaged(name: string, error: unknown): ExtractError {
  const detail = error instanceof Error ? error.message : String(error)
  if (error instanceof Error && error.name === 'PasswordException')
    return new ExtractError(name, 'the PDF is protected by a password')
  return new ExtractError(name, `the PDF is damaged: ${detail.slice(0, 200)}`)
}

export async function readPdf(
  bytes: Uint8Array,
  options: { name: string; url: string | null; fallbackTitle: string },
): Promise<PdfFields> {
  const { name } = options
  const pdfjs = await loadPdfJs()
  const warnings: string[] = []
  // pdf.js takes ownership of the buffer it is given; the caller's bytes are stored as the original.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  try {
    let document
    try {
      document = await task.promise
    } catch (error) {
      throw damaged(name, error)
    }
    const info = ((await document.getMetadata().catch(() => null))?.info ?? {}) as PdfInfo
    const pageCount = Math.min(document.numPages, MAX_PDF_PAGES)
    if (document.numPages > MAX_PDF_PAGES)
      warnings.push(`only the first ${MAX_PDF_PAGES} of ${document.numPages} pages were read`)
    const lines: Line[] = []
    let characters = 0
    let unreadablePages = 0
    for (let number = 1; number <= pageCount && characters < MAX_PDF_TEXT_CHARS; number++) {
      try {
        const page = await document.getPage(number)
        const content = await page.getTextContent()
        const items: PdfTextItem[] = content.items.flatMap((item) => ('str' in item ? [item] : []))
        const found = pageLines(items, number)
        for (const line of found) characters += line.text.length
        lines.push(...found)
        page.cleanup()
      } catch {
        unreadablePages++
      }
    }
    if (unreadablePages === pageCount && pageCount > 0)
      throw new ExtractError(name, 'the PDF is damaged: none of its pages could be read')
    if (unreadablePages > 0) warnings.push(`${unreadablePages} damaged page(s) were skipped`)
    if (characters >= MAX_PDF_TEXT_CHARS)
      warnings.push('the PDF has too much text; only its first pages were read')
    if (lines.length === 0)
      throw new ExtractError(name, 'the PDF has no text layer (it may be scanned images); nothing to read')

    const blocks = buildBlocks(dropRunningLines(lines, pageCount))
    const infoTitle = infoString(info.Title)
    const firstHeading = blocks.find((block) => block.heading)?.text ?? null
    const title =
      (infoTitle && !isPlaceholderTitle(infoTitle) ? infoTitle : null) ??
      firstHeading ??
      options.fallbackTitle
    // The title printed at the top is metadata, not body text.
    const opening = blocks[0]
    if (opening?.heading && squash(opening.text).toLowerCase() === title.toLowerCase() && blocks.length > 1)
      blocks.shift()

    const contentText = blocks.map((block) => block.text).join('\n\n')
    const markup = blocks
      .map((block) =>
        block.heading
          ? `<h2>${escapeHtmlNumeric(block.text)}</h2>`
          : `<p>${escapeHtmlNumeric(block.text)}</p>`,
      )
      .join('\n')
    const subject = infoString(info.Subject)
    return {
      title,
      subtitle: null,
      authors: splitNames(infoString(info.Author) ?? ''),
      siteName: null,
      section: null,
      publishedAt: pdfDateToIso(infoString(info.CreationDate)),
      language: detectLanguage(contentText || title),
      url: options.url,
      excerpt: makeExcerpt(subject ?? contentText),
      rights: null,
      wordCount: countWords(contentText),
      contentText,
      contentHtml: sanitizeHtml(markup, null).html,
      warnings,
    }
  } finally {
    await task.destroy().catch(() => undefined)
  }
}
