import { describe, expect, it } from 'vitest'
import { splitPatchErrors } from './patchErrors'

describe('splitPatchErrors', () => {
  it('assigns messages to the fields they name', () => {
    const result = splitPatchErrors(
      'updateArticle: patch.publishedAt: expected a date like 2026-02-07; patch.authors.2: Too small; id: bad',
    )
    expect(result.fields).toEqual({ publishedAt: 'expected a date like 2026-02-07', authors: 'Too small' })
    expect(result.general).toEqual(['id: bad'])
  })
})
