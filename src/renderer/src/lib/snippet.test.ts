import { describe, expect, it } from 'vitest'
import { splitSnippet } from './snippet'
import { MATCH_END as E, MATCH_START as S } from '../../../common/snippet'

describe('splitSnippet', () => {
  it('marks the runs between U+0002 and U+0003', () => {
    expect(splitSnippet(`перед ${S}визитом${E} Вэнса`)).toEqual([
      { text: 'перед ', marked: false },
      { text: 'визитом', marked: true },
      { text: ' Вэнса', marked: false },
    ])
  })

  it('keeps markup-looking text as text', () => {
    expect(splitSnippet(`<b>${S}x${E}</b>`)).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ])
  })
})
