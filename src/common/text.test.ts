import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeHtmlNumeric, hostOf } from './text'

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and attributes, as named entities', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    )
    expect(escapeHtml('plain text, «кавычки»')).toBe('plain text, «кавычки»')
  })

  it('writes the same escapes as numeric references', () => {
    expect(escapeHtmlNumeric(`<p class="a">Tom & Jerry's</p>`)).toBe(
      '&#60;p class=&#34;a&#34;&#62;Tom &#38; Jerry&#39;s&#60;/p&#62;',
    )
    expect(escapeHtmlNumeric('nothing to escape')).toBe('nothing to escape')
  })
})

describe('hostOf', () => {
  it('gives the host without www', () => {
    expect(hostOf('https://www.caliber.az/post/1')).toBe('caliber.az')
    expect(hostOf('http://news.example.org:8080/a?b')).toBe('news.example.org')
  })

  it('gives null for no address, one that does not parse, or one without a host', () => {
    expect(hostOf(null)).toBeNull()
    expect(hostOf('')).toBeNull()
    expect(hostOf('not a url')).toBeNull()
    expect(hostOf('file:///home/me/page.html')).toBeNull()
  })
})
