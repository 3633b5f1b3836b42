/** The rows a fixed-height virtual list renders for one scroll position. */
export interface VisibleRange {
  /** First row index to render (inclusive). */
  start: number
  /** One past the last row index to render. */
  end: number
}

export interface ViewportMetrics {
  scrollTop: number
  viewportHeight: number
  rowHeight: number
  rowCount: number
  /** Extra rows rendered above and below the viewport so fast scrolling does not show gaps. */
  overscan: number
}

/** Rows that intersect the viewport, widened by `overscan` on both sides and clamped to the list. */
export function visibleRange(metrics: ViewportMetrics): VisibleRange {
  const { scrollTop, viewportHeight, rowHeight, rowCount, overscan } = metrics
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0 }
  const firstVisible = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const lastVisible = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight)
  const start = clamp(firstVisible - overscan, 0, rowCount)
  const end = clamp(lastVisible + overscan, start, rowCount)
  return { start, end }
}

/** Page indexes (page = `pageSize` consecutive rows) that hold the rows of `range`. */
export function pagesForRange(range: VisibleRange, pageSize: number): number[] {
  if (range.end <= range.start || pageSize <= 0) return []
  const first = Math.floor(range.start / pageSize)
  const last = Math.floor((range.end - 1) / pageSize)
  const pages: number[] = []
  for (let page = first; page <= last; page++) pages.push(page)
  return pages
}

/**
 * The scrollTop that brings row `index` fully into view, moving as little as possible;
 * the current scrollTop when it is already visible.
 */
export function scrollTopToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const rowTop = index * rowHeight
  const rowBottom = rowTop + rowHeight
  if (rowTop < scrollTop) return rowTop
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight)
  return scrollTop
}

/** How many whole rows fit in the viewport (at least one): the step of Page Up / Page Down. */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight))
}

/** The row a navigation key moves to from `current`, clamped to the list; null for other keys. */
export function targetRowForKey(
  key: string,
  current: number,
  rowCount: number,
  pageRows: number,
): number | null {
  if (rowCount <= 0) return null
  const from = current < 0 ? -1 : current
  const moves: Record<string, number> = {
    ArrowDown: from + 1,
    ArrowUp: from < 0 ? 0 : from - 1,
    PageDown: from + pageRows,
    PageUp: from - pageRows,
    Home: 0,
    End: rowCount - 1,
  }
  const target = moves[key]
  return target === undefined ? null : clamp(target, 0, rowCount - 1)
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}
