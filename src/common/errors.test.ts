import { describe, expect, it } from 'vitest'
import { ApiError, messageRefOf } from './errors'
import { parseArgs } from './schema'

describe('error message keys', () => {
  it('travel with an ApiError across a transport and back', () => {
    const error = new ApiError('conflict', 'a collection named "Chapter 2" already exists', {
      messageKey: 'collection-name-taken',
      params: { name: 'Chapter 2' },
    })
    const shape = JSON.parse(JSON.stringify(error.toJSON())) as unknown
    expect(shape).toEqual({
      code: 'conflict',
      message: 'a collection named "Chapter 2" already exists',
      messageKey: 'collection-name-taken',
      params: { name: 'Chapter 2' },
    })
    const again = ApiError.fromShape(shape, 'failed')
    expect(again.messageKey).toBe('collection-name-taken')
    expect(again.params).toEqual({ name: 'Chapter 2' })
    // The CLI's shape stays code and message when there is no key.
    expect(new ApiError('internal', 'boom').toJSON()).toEqual({ code: 'internal', message: 'boom' })
  })

  it('drop keys they do not know and parameters that are not text or numbers', () => {
    expect(messageRefOf({ messageKey: 'from-a-newer-version' })).toBeNull()
    expect(
      messageRefOf({ messageKey: 'file-too-large', params: { size: 300, limit: 200, extra: {} } }),
    ).toEqual({
      messageKey: 'file-too-large',
      params: { size: 300, limit: 200 },
    })
  })

  it('say a date that is not one is the invalid-date message, naming the field', () => {
    let caught: unknown
    try {
      parseArgs('listArticles', { dateFrom: '07.02.2026' })
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ApiError)
    expect((caught as ApiError).messageKey).toBe('invalid-date')
    expect((caught as ApiError).params).toEqual({ field: 'dateFrom' })
  })
})
