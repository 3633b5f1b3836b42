import { describe, expect, it } from 'vitest'
import { dropIndex, moveByStep, moveItem } from './citeOrder'

describe('moveItem', () => {
  it('moves forward and backward without touching the input', () => {
    const items = [1, 2, 3, 4]
    expect(moveItem(items, 0, 2)).toEqual([2, 3, 1, 4])
    expect(moveItem(items, 3, 0)).toEqual([4, 1, 2, 3])
    expect(items).toEqual([1, 2, 3, 4])
  })

  it('ignores indexes outside the list', () => {
    expect(moveItem([1, 2], 0, 5)).toEqual([1, 2])
    expect(moveItem([1, 2], -1, 0)).toEqual([1, 2])
  })
})

describe('dropIndex', () => {
  it('places an item dropped before or after another', () => {
    // [a, b, c, d]: drag a onto c
    expect(dropIndex(0, 2, false)).toBe(1)
    expect(dropIndex(0, 2, true)).toBe(2)
    // drag d onto b
    expect(dropIndex(3, 1, false)).toBe(1)
    expect(dropIndex(3, 1, true)).toBe(2)
    // onto itself stays
    expect(dropIndex(2, 2, false)).toBe(2)
    expect(dropIndex(2, 2, true)).toBe(2)
  })

  it('agrees with moveItem on the final order', () => {
    const items = ['a', 'b', 'c', 'd']
    expect(moveItem(items, 0, dropIndex(0, 3, true))).toEqual(['b', 'c', 'd', 'a'])
    expect(moveItem(items, 3, dropIndex(3, 0, false))).toEqual(['d', 'a', 'b', 'c'])
  })
})

describe('moveByStep', () => {
  it('moves one place and stops at the ends', () => {
    expect(moveByStep([1, 2, 3], 1, -1)).toEqual([2, 1, 3])
    expect(moveByStep([1, 2, 3], 1, 1)).toEqual([1, 3, 2])
    expect(moveByStep([1, 2, 3], 0, -1)).toBeNull()
    expect(moveByStep([1, 2, 3], 2, 1)).toBeNull()
  })
})
