import { describe, expect, it } from 'vitest'
import { cslItemSchema, MAX_ITEM_DEPTH, withinDepth } from './csl-schema'

describe('CSL item schema', () => {
  it('accepts a full item and reads a bare date string as raw text', () => {
    const item = cslItemSchema.parse({
      id: 7,
      type: 'chapter',
      title: 'Ports, rails and the new middle corridor',
      author: [{ family: 'Mehdiyev', given: 'Farid' }, { literal: 'World Bank' }],
      editor: [{ family: 'Lindqvist', given: 'Maria', 'non-dropping-particle': 'van' }],
      volume: 76,
      page: '145-162',
      issued: { 'date-parts': [[2022, 3]] },
      accessed: '2026-11-27',
      custom: { bibtex: { type: 'incollection', fields: { keywords: 'ports' } } },
      'x-unknown': { kept: ['as', 'it', 'came'] },
    })
    expect(item.accessed).toEqual({ raw: '2026-11-27' })
    expect(item['x-unknown']).toEqual({ kept: ['as', 'it', 'came'] })
  })

  it('names the variable that has the wrong kind of value', () => {
    const failures = [
      [{ id: 'a', author: [{ family: {} }] }, 'author.0.family'],
      [{ id: 'a', author: 'Jane Doe' }, 'author'],
      [{ id: 'a', issued: { 'date-parts': [[{}]] } }, 'issued'],
      [{ id: 'a', title: ['x'] }, 'title'],
      [{ id: 'a', type: 'not-a-type' }, 'type'],
      [{ id: {} }, 'id'],
    ] as const
    for (const [input, path] of failures) {
      const result = cslItemSchema.safeParse(input)
      expect(result.success, JSON.stringify(input)).toBe(false)
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path)
    }
  })

  it('refuses plain JSON nested deeper than the limit, at any depth, without recursion', () => {
    let nested: unknown = 'deep'
    for (let level = 0; level < 100_000; level++) nested = { inner: nested }
    expect(withinDepth(nested, MAX_ITEM_DEPTH)).toBe(false)
    const result = cslItemSchema.safeParse({ id: 'a', note2: nested, custom: { deep: nested } })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['note2', 'custom.deep']),
    )
    expect(withinDepth({ a: [{ b: 1 }] }, MAX_ITEM_DEPTH)).toBe(true)
  })
})
