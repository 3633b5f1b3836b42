// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import {
  entriesToClipboardHtml,
  entriesToExportHtml,
  sanitizeCitationHtml,
  safeNodesToHtml,
  safeNodesToText,
  type SafeNode,
} from './citeHtml'

const roundTrip = (html: string) => safeNodesToHtml(sanitizeCitationHtml(html))

function everyTag(nodes: SafeNode[]): string[] {
  return nodes.flatMap((node) => (node.kind === 'text' ? [] : [node.tag, ...everyTag(node.children)]))
}

describe('sanitizeCitationHtml', () => {
  it('keeps citeproc formatting and unwraps the entry divs', () => {
    const html =
      '<div class="csl-entry">Gillmor, D. K. (2018). <i>Facebook</i>. <span style="font-variant:small-caps;">ACLU</span>.</div>'
    expect(roundTrip(html)).toBe(
      'Gillmor, D. K. (2018). <i>Facebook</i>. <span style="font-variant:small-caps">ACLU</span>.',
    )
  })

  it('keeps the number column of numbered styles as a span with its class', () => {
    const html =
      '<div class="csl-entry"><div class="csl-left-margin">[1]</div><div class="csl-right-inline">Title</div></div>'
    expect(roundTrip(html)).toBe(
      '<span class="csl-left-margin">[1]</span><span class="csl-right-inline">Title</span>',
    )
  })

  it('turns hostile markup into inert text', () => {
    const hostile =
      '<img src=x onerror="alert(1)"><script>alert(2)</script><b onclick="alert(3)">bold</b>' +
      '<a href="javascript:alert(4)">link</a><style>*{color:red}</style><object data="x">obj</object>' +
      '<span style="background:url(https://evil.test/x)">styled</span><svg><script>alert(5)</script></svg>'
    const nodes = sanitizeCitationHtml(hostile)
    const html = safeNodesToHtml(nodes)
    expect(html).toBe('<b>bold</b><span class="csl-link">link</span><span>styled</span>')
    expect(html).not.toMatch(/on\w+=|javascript:|href|src=|url\(/i)
    expect(everyTag(nodes).every((tag) => ['b', 'span'].includes(tag))).toBe(true)
  })

  it('keeps escaped markup as visible text and escapes it again on the way out', () => {
    const nodes = sanitizeCitationHtml('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; B')
    expect(safeNodesToText(nodes)).toBe('A <script>alert(1)</script> & B')
    expect(safeNodesToHtml(nodes)).toBe('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; B')
  })

  it('does not let attribute values break out of the serialised tags', () => {
    const nodes = sanitizeCitationHtml('<span class="csl-indent &quot; onmouseover=&quot;x">t</span>')
    expect(safeNodesToHtml(nodes)).toBe('<span class="csl-indent">t</span>')
  })

  it('builds one paragraph per reference for the clipboard', () => {
    const entries = ['<div class="csl-entry">One <i>A</i></div>', '<div class="csl-entry">Two</div>'].map(
      sanitizeCitationHtml,
    )
    expect(entriesToClipboardHtml(entries)).toBe('<meta charset="utf-8">\n<p>One <i>A</i></p>\n<p>Two</p>')
  })

  it('keeps one entry block per reference in the HTML export', () => {
    const html = entriesToExportHtml([
      '<div class="csl-entry">One <b onclick="x()">A</b></div>',
      '<div class="csl-entry">Two<script>alert(1)</script></div>',
    ])
    expect(html).toBe(
      '<div class="csl-bib-body">\n<div class="csl-entry">One <b>A</b></div>\n<div class="csl-entry">Two</div>\n</div>',
    )
  })
})
