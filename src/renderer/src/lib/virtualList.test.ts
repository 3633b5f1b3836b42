import { describe, expect, it } from 'vitest'
import { pagesForRange, rowsPerPage, scrollTopToReveal, targetRowForKey, visibleRange } from './virtualList'

describe('visibleRange', () => {
  const base = { rowHeight: 100, viewportHeight: 450, overscan: 2, rowCount: 100_000 }

  it('covers the viewport plus the overscan at the top of the list', () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 7 })
  })

  it('covers a partly visible first row deep in the list', () => {
    // Rows 500 (half visible) to 504 are on screen; two more on each side.
    expect(visibleRange({ ...base, scrollTop: 50_050 })).toEqual({ start: 498, end: 507 })
  })

  it('stops at the end of the list', () => {
    expect(visibleRange({ ...base, scrollTop: 9_999_700 })).toEqual({ start: 99_995, end: 100_000 })
  })

  it('renders nothing for an empty list and survives odd input', () => {
    expect(visibleRange({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 })
    expect(visibleRange({ ...base, rowCount: 3, scrollTop: -40 })).toEqual({ start: 0, end: 3 })
    expect(visibleRange({ ...base, rowCount: 10, scrollTop: 5_000 })).toEqual({ start: 10, end: 10 })
  })
})

describe('pagesForRange', () => {
  it('lists every page the rows fall in', () => {
    expect(pagesForRange({ start: 95, end: 205 }, 100)).toEqual([0, 1, 2])
    expect(pagesForRange({ start: 100, end: 200 }, 100)).toEqual([1])
    expect(pagesForRange({ start: 5, end: 5 }, 100)).toEqual([])
  })
})

describe('scrollTopToReveal', () => {
  it('scrolls only as far as needed', () => {
    expect(scrollTopToReveal(3, 0, 450, 100)).toBe(0)
    expect(scrollTopToReveal(5, 0, 450, 100)).toBe(150)
    expect(scrollTopToReveal(2, 400, 450, 100)).toBe(200)
  })
})

describe('keyboard targets', () => {
  it('moves by one, by a page and to the ends, clamped to the list', () => {
    expect(rowsPerPage(450, 100)).toBe(4)
    expect(targetRowForKey('ArrowDown', -1, 10, 4)).toBe(0)
    expect(targetRowForKey('ArrowDown', 9, 10, 4)).toBe(9)
    expect(targetRowForKey('ArrowUp', 0, 10, 4)).toBe(0)
    expect(targetRowForKey('PageDown', 3, 10, 4)).toBe(7)
    expect(targetRowForKey('PageUp', 2, 10, 4)).toBe(0)
    expect(targetRowForKey('End', 2, 10, 4)).toBe(9)
    expect(targetRowForKey('Home', 7, 10, 4)).toBe(0)
    expect(targetRowForKey('a', 2, 10, 4)).toBeNull()
    expect(targetRowForKey('ArrowDown', 0, 0, 4)).toBeNull()
  })
})
