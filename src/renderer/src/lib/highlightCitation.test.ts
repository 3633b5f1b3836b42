import { describe, expect, it } from 'vitest'
import { inTextCitation, quoteWithCitation } from './highlightCitation'

const article = {
  authors: ['Elnur Aliyev'],
  siteName: 'Caliber.az',
  title: 'What Vance’s trip means for regional cooperation',
  publishedAt: '2026-02-07T19:01',
}

describe('inTextCitation', () => {
  it('follows the style family', () => {
    expect(inTextCitation(article, 'apa', 'en-US')).toBe('(Aliyev, 2026)')
    expect(inTextCitation(article, 'mla', 'en-US')).toBe('(Aliyev)')
    expect(inTextCitation(article, 'ieee', 'en-US')).toBe('[1]')
    expect(inTextCitation(article, 'gost-r-7.0.100-2018', 'ru-RU')).toBe('[Aliyev, 2026]')
  })

  it('falls back to the site and says "no date" in the locale', () => {
    const anonymous = { ...article, authors: [], publishedAt: null }
    expect(inTextCitation(anonymous, 'apa', 'en-US')).toBe('(Caliber.az, n.d.)')
    expect(inTextCitation(anonymous, 'gost-r-7.0.100-2018', 'ru-RU')).toBe('[Caliber.az, б. г.]')
    expect(inTextCitation({ ...article, authors: ['A. One', 'B. Two', 'C. Three'] }, 'apa', 'en-US')).toBe(
      '(One et al., 2026)',
    )
  })
})

describe('quoteWithCitation', () => {
  it('gives text and escaped HTML with the locale’s quotation marks', () => {
    const copied = quoteWithCitation('a <b> quote', '(Aliyev, 2026)', { text: 'Ref.', html: '' }, 'ru-RU')
    expect(copied.text).toBe('«a <b> quote» (Aliyev, 2026)\n\nRef.\n')
    expect(copied.html).toContain('«a &lt;b&gt; quote»')
    expect(copied.html).toContain('<p>Ref.</p>')
  })
})
