import { describe, expect, it } from 'vitest'
import { renderSnippet, splitSnippet } from './output'

describe('snippets', () => {
  it('turns match markers into plain text and offsets', () => {
    expect(splitSnippet('Вэнс прибыл с \u0002визитом\u0003 в \u0002Баку\u0003.')).toEqual({
      text: 'Вэнс прибыл с визитом в Баку.',
      highlights: [
        [14, 21],
        [24, 28],
      ],
    })
  })

  it('survives unbalanced or empty markers', () => {
    expect(splitSnippet('a \u0003b \u0002\u0003c \u0002tail')).toEqual({
      text: 'a b c tail',
      highlights: [[6, 10]],
    })
    expect(splitSnippet('no matches')).toEqual({ text: 'no matches', highlights: [] })
  })

  it('bolds matches only for a terminal', () => {
    expect(renderSnippet('a \u0002b\u0003 c', true)).toBe('a \u001b[1mb\u001b[22m c')
    expect(renderSnippet('a \u0002b\u0003 c', false)).toBe('a b c')
  })
})
