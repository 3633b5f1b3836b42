import { describe, expect, it } from 'vitest'
import { isWebUrl } from './patchErrors'
import { withWebScheme } from './webAddress'

describe('withWebScheme', () => {
  it('adds https:// to an address typed without it', () => {
    expect(withWebScheme('caliber.az/en/post/vance-visit')).toBe('https://caliber.az/en/post/vance-visit')
    expect(withWebScheme(' www.kommersant.ru/doc/123?from=main ')).toBe(
      'https://www.kommersant.ru/doc/123?from=main',
    )
    expect(withWebScheme('новости.рф/статья')).toBe('https://новости.рф/статья')
    expect(withWebScheme('example.org:8080/a')).toBe('https://example.org:8080/a')
    expect(withWebScheme('//cdn.example.org/a')).toBe('https://cdn.example.org/a')
    expect(isWebUrl(withWebScheme('caliber.az'))).toBe(true)
  })

  it('leaves an address with a scheme, or text that is no address, as typed', () => {
    expect(withWebScheme('http://example.org/a')).toBe('http://example.org/a')
    expect(withWebScheme('ftp://example.org/a')).toBe('ftp://example.org/a')
    expect(withWebScheme('not an address')).toBe('not an address')
    expect(withWebScheme('report')).toBe('report')
  })
})
