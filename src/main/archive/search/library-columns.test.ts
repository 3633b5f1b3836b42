import { describe, expect, it } from 'vitest'
import { idPositions } from './library-columns'

describe('idPositions', () => {
  const lookups = (ids: number[], probes: number[]) => {
    const positionOf = idPositions(Float64Array.from(ids))
    return probes.map((id) => positionOf(id))
  }

  it('finds every id of a dense list and nothing else', () => {
    const ids = [1, 2, 3, 5, 8, 13, 21]
    expect(lookups(ids, [...ids, 0, 4, 22, -1, 2.5, 1e9])).toEqual([
      0, 1, 2, 3, 4, 5, 6, -1, -1, -1, -1, -1, -1,
    ])
  })

  it('finds every id of a sparse list (a table would be too large) and nothing else', () => {
    const ids = [-7, 3, 40_000, 2 ** 40, 2 ** 52]
    expect(lookups(ids, [...ids, 0, 4, 39_999, 2 ** 40 + 1])).toEqual([0, 1, 2, 3, 4, -1, -1, -1, -1])
  })

  it('finds nothing in an empty list', () => {
    expect(lookups([], [0, 1])).toEqual([-1, -1])
  })
})
