import { describe, expect, it } from 'vitest'
import { renderSnippet } from './output'
import { MATCH_END as E, MATCH_START as S } from '../../common/snippet'

describe('snippets', () => {
  it('bolds matches only for a terminal', () => {
    expect(renderSnippet(`a ${S}b${E} c`, true)).toBe('a \u001b[1mb\u001b[22m c')
    expect(renderSnippet(`a ${S}b${E} c`, false)).toBe('a b c')
  })
})
