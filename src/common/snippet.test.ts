import { describe, expect, it } from 'vitest'
import { MATCH_END as E, MATCH_START as S, splitSnippet } from './snippet'

describe('splitSnippet', () => {
  it('turns match markers into plain text and offsets', () => {
    expect(splitSnippet(`Вэнс прибыл с ${S}визитом${E} в ${S}Баку${E}.`)).toEqual({
      text: 'Вэнс прибыл с визитом в Баку.',
      highlights: [
        [14, 21],
        [24, 28],
      ],
    })
  })

  it('survives unbalanced or empty markers', () => {
    expect(splitSnippet(`a ${E}b ${S}${E}c ${S}tail`)).toEqual({
      text: 'a b c tail',
      highlights: [[6, 10]],
    })
    expect(splitSnippet('no matches')).toEqual({ text: 'no matches', highlights: [] })
  })
})
