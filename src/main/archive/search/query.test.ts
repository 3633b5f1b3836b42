import { describe, expect, it } from 'vitest'
import { buildMatchExpression } from './query'

describe('buildMatchExpression', () => {
  it('quotes every word as a prefix term', () => {
    expect(buildMatchExpression('визит Baku')).toBe('"визит"* "Baku"*')
  })

  it('keeps quoted text as an exact phrase', () => {
    expect(buildMatchExpression('"South Caucasus" trip')).toBe('"South Caucasus" "trip"*')
  })

  it('turns FTS5 syntax typed by the user into plain words', () => {
    expect(buildMatchExpression('"foo AND (')).toBe('"foo"* "AND"*')
    expect(buildMatchExpression('title:x OR y NEAR(z) -w*')).toBe('"title x"* "OR"* "y"* "NEAR z"* "w"*')
    expect(buildMatchExpression('a"b')).toBe('"a"* "b"*')
  })

  it('keeps a word with an apostrophe or hyphen together', () => {
    expect(buildMatchExpression('Vance’s Азербайджано-американские')).toBe(
      '"Vance s"* "Азербайджано американские"*',
    )
  })

  it('returns null when nothing searchable is left', () => {
    expect(buildMatchExpression('')).toBeNull()
    expect(buildMatchExpression('  ( ) " * - ')).toBeNull()
  })
})
