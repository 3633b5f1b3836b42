import { describe, expect, it } from 'vitest'
import {
  dropCdataMarkers,
  dropLargeDataUris,
  ensureBody,
  maxTagDepth,
  stripHeavyElements,
  stripNavigation,
} from './html-prepare'

describe('HTML preparation', () => {
  it('drops scripts and styles but keeps JSON-LD', () => {
    const html =
      '<p>a</p><script>x()</script><STYLE>p{}</STYLE><script type="application/ld+json">{}</script><svg><g/></svg><p>b'
    expect(stripHeavyElements(html)).toBe('<p>a</p><script type="application/ld+json">{}</script><p>b')
    expect(stripHeavyElements('<p>a</p><script>never closed')).toBe('<p>a</p>')
  })

  it('drops only the tag of an icon left open, and keeps the menu and the page after it', () => {
    expect(
      stripHeavyElements('<nav><a href="/"><svg class="icon"></a></nav><main><p>Consulting</p></main>'),
    ).toBe('<nav><a href="/"></a></nav><main><p>Consulting</p></main>')
  })

  it('drops menus before parsing, but not those in a footer, with a rights line, or never closed', () => {
    expect(stripNavigation('<p>a</p><NAV class="m"><ul><li>x</li></ul><nav>y</nav></NAV><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    )
    expect(stripNavigation('<footer><nav>Terms</nav></footer><nav>Menu</nav>')).toBe(
      '<footer><nav>Terms</nav></footer>',
    )
    expect(stripNavigation('<nav>About · © 2026 Harbour Post</nav><nav>Menu</nav>')).toBe(
      '<nav>About · © 2026 Harbour Post</nav>',
    )
    expect(stripNavigation('<p>a</p><nav><ul><li>never closed')).toBe('<p>a</p><nav><ul><li>never closed')
    expect(stripNavigation('<p>navigation <nav-bar>kept</nav-bar><navigator>too</navigator></p>')).toBe(
      '<p>navigation <nav-bar>kept</nav-bar><navigator>too</navigator></p>',
    )
  })

  it('puts in a <body> when the markup has none', () => {
    expect(ensureBody('<p>x</p>')).toBe('<!doctype html><html><head></head><body><p>x</p></body></html>')
    expect(ensureBody('<html><head><title>t</title></head><p>x</p></html>')).toBe(
      '<html><head><title>t</title></head><body><p>x</p></body></html>',
    )
    expect(ensureBody('<html><body><p>x</p></body></html>')).toBe('<html><body><p>x</p></body></html>')
    expect(ensureBody('<!DOCTYPE html><head><title>t</title></head><body><p>x</p></body>')).toBe(
      '<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>',
    )
  })

  it('reads a CDATA marker in HTML as browsers do, up to its ">", but not inside JSON-LD', () => {
    expect(dropCdataMarkers('<body><![CDATA[<div id="jumpToTop"></div><p>Posts</p></body>')).toBe(
      '<body></div><p>Posts</p></body>',
    )
    const jsonLd = '<script type="application/ld+json">//<![CDATA[ {"@type":"Article"} //]]></script>'
    expect(dropCdataMarkers(`${jsonLd}<![CDATA[ x ]]><p>y</p>`)).toBe(`${jsonLd}<p>y</p>`)
  })

  it('empties long data URIs only', () => {
    const long = `data:image/png;base64,${'A'.repeat(100)}`
    const short = 'data:image/gif;base64,R0lGOD=='
    expect(dropLargeDataUris(`<img src="${long}"><img src="${short}">`, 50)).toBe(
      `<img src=""><img src="${short}">`,
    )
  })

  it('measures nesting as the parser nests: void and implicitly closed tags, and end tags closing what was left open', () => {
    expect(maxTagDepth('<div>'.repeat(11), 100)).toBe(11)
    expect(maxTagDepth('<div>'.repeat(50), 10)).toBe(11)
    expect(maxTagDepth('<div></div>'.repeat(100), 10)).toBe(1)
    expect(maxTagDepth('<p>x<br><img src=a>'.repeat(100), 10)).toBe(0)
    // Spans left open inside each block are closed by the block's end tag.
    expect(maxTagDepth('<DIV><span><b>x</div>'.repeat(100), 1000)).toBe(3)
    // A stray end tag closes nothing.
    expect(maxTagDepth('<div><section></span><i>x</i></section></div>', 10)).toBe(3)
  })
})
