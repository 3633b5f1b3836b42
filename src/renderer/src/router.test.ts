// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { formatHash, parseHash } from './router'

describe('parseHash', () => {
  it('reads the library route with a query and a tag', () => {
    expect(parseHash('#/library?q=%D0%B2%D0%B8%D0%B7%D0%B8%D1%82&tag=baku')).toEqual({
      name: 'library',
      query: 'визит',
      tag: 'baku',
    })
  })

  it('reads a bare library route', () => {
    expect(parseHash('#/library')).toEqual({ name: 'library', query: '', tag: null })
  })

  it('reads an article id', () => {
    expect(parseHash('#/article/42')).toEqual({ name: 'article', id: 42 })
  })

  it('rejects article ids that are not positive integers', () => {
    for (const hash of ['#/article/0', '#/article/-3', '#/article/1.5', '#/article/abc', '#/article/']) {
      expect(parseHash(hash).name).toBe('library')
    }
  })

  it('reads settings, with or without a trailing slash', () => {
    expect(parseHash('#/settings')).toEqual({ name: 'settings' })
    expect(parseHash('#/settings/')).toEqual({ name: 'settings' })
  })

  it('reads citation list addresses', () => {
    expect(parseHash('#/lists/12')).toEqual({ name: 'citeList', id: 12 })
    expect(parseHash('#/lists/0')).toEqual({ name: 'library', query: '', tag: null })
    expect(parseHash('#/lists/x')).toEqual({ name: 'library', query: '', tag: null })
  })

  it('falls back to the library for empty and unknown hashes', () => {
    expect(parseHash('')).toEqual({ name: 'library', query: '', tag: null })
    expect(parseHash('#/nowhere')).toEqual({ name: 'library', query: '', tag: null })
  })

  it('round-trips through formatHash', () => {
    const routes = [
      { name: 'library', query: 'a & b?', tag: 'тег' },
      { name: 'library', query: '', tag: null },
      { name: 'article', id: 7 },
      { name: 'settings' },
      { name: 'citeList', id: 3 },
    ] as const
    for (const route of routes) expect(parseHash(formatHash(route))).toEqual(route)
  })
})
