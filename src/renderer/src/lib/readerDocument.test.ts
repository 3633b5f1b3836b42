import { describe, expect, it } from 'vitest'
import { buildReaderDocument, READER_CSP } from './readerDocument'

describe('buildReaderDocument', () => {
  it('puts the CSP meta first in the head, before the content', () => {
    const doc = buildReaderDocument({
      contentHtml: '<p>Hi</p>',
      language: 'ru',
      theme: 'night',
      fontSize: 20,
    })
    const cspAt = doc.indexOf(`content="${READER_CSP.replace(/'/g, "'")}"`)
    expect(cspAt).toBeGreaterThan(0)
    expect(cspAt).toBeLessThan(doc.indexOf('<p>Hi</p>'))
    expect(doc).toContain('data-theme="night"')
    expect(doc).toContain('lang="ru"')
    expect(doc).toContain('font-size: 20px')
  })

  it('drops a language value that is not a plain code', () => {
    const doc = buildReaderDocument({
      contentHtml: '',
      language: 'en" onload="x',
      theme: 'light',
      fontSize: 18,
    })
    expect(doc).not.toContain('onload')
  })

  it('gives the frame document a title and its article a main landmark', () => {
    const doc = buildReaderDocument({
      contentHtml: '<p>Hi</p>',
      title: 'Article: <Baku> & "Tbilisi"',
      language: 'en',
      theme: 'light',
      fontSize: 18,
    })
    expect(doc).toContain('<title>Article: &lt;Baku&gt; &amp; &quot;Tbilisi&quot;</title>')
    expect(doc).toContain('<main><article><p>Hi</p></article></main>')
  })
})
