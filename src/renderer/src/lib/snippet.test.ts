import { describe, expect, it } from 'vitest'
import { splitSnippet } from './snippet'

describe('splitSnippet', () => {
  it('marks the runs between U+0002 and U+0003', () => {
    expect(splitSnippet('перед \u0002визитом\u0003 Вэнса')).toEqual([
      { text: 'перед ', marked: false },
      { text: 'визитом', marked: true },
      { text: ' Вэнса', marked: false },
    ])
  })

  it('keeps markup-looking text as text', () => {
    expect(splitSnippet('<b>\u0002x\u0003</b>')).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ])
  })
})
