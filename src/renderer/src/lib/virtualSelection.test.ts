import { describe, expect, it } from 'vitest'
import {
  EMPTY_SELECTION,
  isSelected,
  rangeFromAnchor,
  selectAll,
  selectedAmong,
  selectedCount,
  selectRange,
  toggleRow,
} from './virtualSelection'

describe('selection over a virtual list', () => {
  it('toggles single rows and remembers the anchor', () => {
    let selection = toggleRow(EMPTY_SELECTION, 11, 0)
    selection = toggleRow(selection, 12, 1)
    expect(selectedCount(selection, 100)).toBe(2)
    expect(selection.anchor).toBe(1)
    selection = toggleRow(selection, 11, 0)
    expect(isSelected(selection, 11)).toBe(false)
    expect(isSelected(selection, 12)).toBe(true)
  })

  it('shift-click selects from the anchor in either direction', () => {
    const anchored = toggleRow(EMPTY_SELECTION, 15, 5)
    expect(rangeFromAnchor(anchored, 2)).toEqual({ from: 2, to: 5 })
    expect(rangeFromAnchor(anchored, 8)).toEqual({ from: 5, to: 8 })
    const ranged = selectRange(anchored, 8, [15, 16, 17, 18])
    expect(selectedAmong(ranged, [14, 15, 16, 17, 18, 19])).toEqual([15, 16, 17, 18])
    expect(ranged.anchor).toBe(5)
  })

  it('without an anchor a shift-click covers just the row', () => {
    expect(rangeFromAnchor(EMPTY_SELECTION, 4)).toEqual({ from: 4, to: 4 })
  })

  it('select all counts the whole list and keeps exceptions', () => {
    let selection = selectAll()
    expect(selectedCount(selection, 100_000)).toBe(100_000)
    expect(isSelected(selection, 99_999)).toBe(true)
    selection = toggleRow(selection, 7, 6)
    expect(isSelected(selection, 7)).toBe(false)
    expect(selectedCount(selection, 100_000)).toBe(99_999)
    selection = toggleRow(selection, 7, 6)
    expect(selectedCount(selection, 100_000)).toBe(100_000)
  })

  it('does not change the selection it was given', () => {
    const before = toggleRow(EMPTY_SELECTION, 1, 0)
    toggleRow(before, 2, 1)
    selectRange(before, 3, [1, 2, 3])
    expect([...before.ids]).toEqual([1])
  })
})
