import { describe, expect, it } from 'vitest'
import { locateQuote, selectorAt } from '../../../common/textAnchor'

const TEXT = [
  'The visit opens a new chapter in regional cooperation.',
  'Officials said the talks covered energy and transport.',
  'The visit opens a new chapter, officials added, for trade.',
].join('\n\n')

const slice = (text: string, range: { start: number; end: number } | null) =>
  range ? text.slice(range.start, range.end) : null

describe('locateQuote', () => {
  it('finds a quote with its context exactly, across paragraph breaks and spacing', () => {
    const start = TEXT.indexOf('energy')
    const selector = selectorAt(TEXT, start, start + 'energy and transport'.length)
    expect(selector.quote).toBe('energy and transport')
    const range = locateQuote(TEXT.replace(/\n\n/g, '\n   \n'), selector)
    expect(range?.method).toBe('exact')
    expect(slice(TEXT.replace(/\n\n/g, '\n   \n'), range)).toBe('energy and transport')
  })

  it('tells repeated quotes apart by their context', () => {
    const second = TEXT.lastIndexOf('The visit opens')
    const selector = selectorAt(TEXT, second, second + 'The visit opens'.length)
    const range = locateQuote(TEXT, selector)
    expect(range).toMatchObject({ start: second, method: 'exact' })
  })

  it('falls back to the quote nearest the offset hint when the context changed', () => {
    const second = TEXT.lastIndexOf('The visit opens')
    const range = locateQuote(TEXT, {
      quote: 'The visit opens',
      prefix: 'xxxx',
      suffix: 'yyyy',
      textOffset: second,
    })
    expect(range).toMatchObject({ start: second, method: 'quote' })
    const first = locateQuote(TEXT, {
      quote: 'The visit opens',
      prefix: 'xxxx',
      suffix: 'yyyy',
      textOffset: 0,
    })
    expect(first?.start).toBe(0)
  })

  it('matches a quote across a line break and a paragraph boundary', () => {
    const range = locateQuote(TEXT, { quote: 'cooperation. Officials said', prefix: '', suffix: '' })
    expect(slice(TEXT, range)).toBe('cooperation.\n\nOfficials said')
  })

  it('finds a passage whose middle was edited (fuzzy)', () => {
    const quote = 'Officials said the talks covered energy and transport.'
    const edited = TEXT.replace('covered energy', 'dealt with energy')
    const range = locateQuote(edited, { quote, prefix: 'cooperation.', suffix: 'The visit' })
    expect(range?.method).toBe('fuzzy')
    expect(slice(edited, range)).toBe('Officials said the talks dealt with energy and transport.')
  })

  it('returns null when the passage is gone', () => {
    expect(
      locateQuote(TEXT, { quote: 'nothing like this is in the text', prefix: '', suffix: '' }),
    ).toBeNull()
    expect(locateQuote(TEXT, { quote: '   ', prefix: '', suffix: '' })).toBeNull()
  })
})

describe('selectorAt', () => {
  it('keeps at most the given context on each side, whitespace collapsed', () => {
    const start = TEXT.indexOf('Officials')
    const selector = selectorAt(TEXT, start, start + 9, 10)
    expect(selector.prefix.length).toBeLessThanOrEqual(10)
    expect(selector.prefix).toBe('peration. ')
    expect(selector.suffix).toBe(' said the ')
    expect(selector.textOffset).toBe(start)
  })
})
