/**
 * Columns on a PDF page, found by their gutters: vertical gaps that most rows of text leave empty, with
 * running text on both sides. The work stays linear in the page's items however hostile the page.
 */
import { type PdfTextItem, itemSize, median } from './pdf-items'

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
 * A region of a page read in columns: a band of the page (top-down) and a column within the band
 * (1 = leftmost; 0 = a full-width band).
 */
export interface PageRegion {
  band: number
  column: number
  items: PdfTextItem[]
}

/**
 * A page's text items by the region they are read in, in reading order, or null when the page is not set
 * in columns. The page is cut into bands top-down: rows crossing a gutter (a title, an abstract, a wide
 * caption) form full-width bands, and the rows between them are read column by column. Turned text (a
 * margin stamp) comes last.
 */
export function columnRegions(items: readonly PdfTextItem[]): PageRegion[] | null {
  const { placed, aside } = placeItems(items)
  const rows = groupRows(placed)
  const gutters = findGutters(rows, placed)
  if (gutters.length === 0) return null

  const regions: PageRegion[] = []
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
  return regions
}
