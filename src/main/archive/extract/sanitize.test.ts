import { describe, expect, it } from 'vitest'
import { safeUrl, sanitizeHtml } from './sanitize'

const clean = (html: string, base: string | null = 'https://site.example/a/page.html'): string =>
  sanitizeHtml(html, base).html

describe('sanitizeHtml', () => {
  it('drops scripts, frames, forms, styles and their content', () => {
    const html = clean(
      '<p>keep</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.example"></iframe>' +
        '<object data="x"></object><embed src="x"><noscript><img src="https://t.example/p.gif"></noscript>' +
        '<template><p>t</p></template><svg><script>alert(2)</script></svg><math><mi>x</mi></math>' +
        '<base href="https://evil.example/"><meta http-equiv="refresh" content="0"><link rel="stylesheet" href="x.css">',
    )
    expect(html).toBe('<p>keep</p>')
  })

  it('keeps the content of a form but not the form or its controls', () => {
    expect(
      clean(
        '<form action="/x"><p>inside</p><input value="v"><button>Go</button><textarea>t</textarea></form>',
      ),
    ).toBe('<p>inside</p>')
  })

  it('writes no event handlers, styles or classes from the page', () => {
    const html = clean(
      '<p onclick="x()" onmouseover="y()" style="background:url(https://t.example/a.png)" class="c">t</p>',
    )
    expect(html).toBe('<p>t</p>')
  })

  it('keeps safe links, resolves relative ones and drops script and data URLs', () => {
    expect(clean('<a href="/b">rel</a>')).toBe('<a href="https://site.example/b">rel</a>')
    expect(clean('<a href="#fn1">note</a>')).toBe('<a href="#fn1">note</a>')
    expect(clean('<a href="mailto:a@b.example">m</a>')).toBe('<a href="mailto:a@b.example">m</a>')
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'jav&#x09;ascript:alert(1)',
      'java\nscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
    ]) {
      expect(clean(`<a href="${bad}">x</a>`)).toBe('<a>x</a>')
    }
    expect(clean('<a href="/b">rel</a>', null)).toBe('<a>rel</a>')
  })

  it('turns remote images and media into placeholders that show the URL', () => {
    expect(clean('<img src="pic.jpg" alt="A &quot;cat&quot;" onerror="x()">')).toBe(
      '<span class="lectern-remote-image" data-src="https://site.example/a/pic.jpg">[image: A &#34;cat&#34;] https://site.example/a/pic.jpg</span>',
    )
    expect(
      clean('<img data-src="https://cdn.example/lazy.jpg" src="data:image/gif;base64,R0lGOD">'),
    ).toContain('data-src="https://cdn.example/lazy.jpg"')
    expect(
      clean(
        '<picture><source srcset="https://cdn.example/a.webp"><img srcset="https://cdn.example/b.jpg 2x"></picture>',
      ),
    ).toBe(
      '<span class="lectern-remote-image" data-src="https://cdn.example/b.jpg">[image] https://cdn.example/b.jpg</span>',
    )
    expect(clean('<video poster="https://t.example/p.jpg" src="https://v.example/v.mp4"></video>')).toContain(
      '[video] https://v.example/v.mp4',
    )
    expect(clean('<img src="javascript:alert(1)">')).toBe('')
    expect(clean('<p>x</p>')).not.toMatch(/src=/)
  })

  it('keeps inline raster images but not SVG data', () => {
    const png = `data:image/png;base64,${'A'.repeat(400)}`
    expect(clean(`<img src="${png}" alt="chart">`)).toBe(`<img src="${png}" alt="chart">`)
    expect(clean(`<img src="data:image/svg+xml;base64,${'A'.repeat(400)}">`)).toBe('')
  })

  it('keeps structure: headings, lists, quotes, tables, figures', () => {
    const html =
      '<h2 id="s1">Part</h2><ol start="3"><li>one</li></ol><blockquote cite="https://q.example"><p>q</p></blockquote>' +
      '<table><caption>c</caption><tr><th scope="col">h</th><td colspan="2">d</td></tr></table>' +
      '<figure><figcaption>cap</figcaption></figure><pre>  a\n  b</pre>'
    expect(clean(html)).toBe(
      '<h2 id="s1">Part</h2><ol start="3"><li>one</li></ol><blockquote cite="https://q.example/"><p>q</p></blockquote>' +
        '<table><caption>c</caption><tr><th scope="col">h</th><td colspan="2">d</td></tr></table>' +
        '<figure><figcaption>cap</figcaption></figure><pre>  a\n  b</pre>',
    )
  })

  it('escapes text and rejects attribute values that could break out', () => {
    expect(clean('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;</p>')).toBe(
      '<p>&#60;script&#62;alert(1)&#60;/script&#62; &#38;</p>',
    )
    expect(clean("<abbr title='\"><script>alert(1)</script>'>x</abbr>")).toBe('<abbr>x</abbr>')
    expect(clean('<p id="a&quot; onclick=&quot;x">x</p>')).toBe('<p>x</p>')
  })

  it('unwraps unknown elements and survives very deep nesting', () => {
    expect(clean('<custom-card><p>inner</p></custom-card><font color="red">f</font>')).toBe('<p>inner</p>f')
    const deep = `${'<div>'.repeat(5000)}deep text${'</div>'.repeat(5000)}`
    const result = sanitizeHtml(deep, null)
    expect(result.blocks).toEqual(['deep text'])
  })

  it('collects the text of each block', () => {
    const { blocks } = sanitizeHtml(
      '<h2>Head</h2><p>a <b>bold</b><br>second line</p><ul><li>x</li><li>y</li></ul><table><tr><td>1</td><td>2</td></tr></table>',
      null,
    )
    expect(blocks).toEqual(['Head', 'a bold\nsecond line', 'x', 'y', '1 | 2'])
  })

  it('collects figure captions apart from the running text', () => {
    const result = sanitizeHtml(
      '<p>before</p><figure><figcaption>A caption</figcaption></figure><p>after</p>',
      null,
    )
    expect(result.blocks).toEqual(['before', 'after'])
    expect(result.captions).toEqual(['A caption'])
    expect(result.html).toContain('<figcaption>A caption</figcaption>')
  })
})

describe('captions', () => {
  it("takes a short line right under a picture, or an element marked as its caption, for the picture's caption", () => {
    const image = '<img src="https://img.example/quay.jpg" alt="The quay">'
    const credited = sanitizeHtml(
      `<div>${image}</div><p>freeimages</p><p>The quay was rebuilt in stone.</p>`,
      null,
    )
    expect(credited.captions).toEqual(['freeimages'])
    expect(credited.blocks).toEqual(['The quay was rebuilt in stone.'])
    const marked = sanitizeHtml(
      `${image}<div itemprop="caption">Cranes at dawn, seen from the pier</div><p>Text.</p>`,
      null,
    )
    expect(marked.captions).toEqual(['Cranes at dawn, seen from the pier'])
    // A sentence, or a heading, under a picture is text.
    const text = sanitizeHtml(`${image}<p>Ships came in.</p><p>Later</p>${image}<h2>Repairs</h2>`, null)
    expect(text.blocks).toEqual(['Ships came in.', 'Later', 'Repairs'])
  })
})

describe('safeUrl', () => {
  it('accepts http(s), mailto and fragments only', () => {
    expect(safeUrl('https://a.example/x', null)).toBe('https://a.example/x')
    expect(safeUrl('//a.example/x', 'http://b.example/')).toBe('http://a.example/x')
    expect(safeUrl('ftp://a.example/x', null)).toBeNull()
    expect(safeUrl('  ', null)).toBeNull()
  })
})

describe('leaving blocks out of the reading copy', () => {
  const content = sanitizeHtml(
    '<h2>Section</h2><div class="promo"><p>Read also: another story</p></div>' +
      '<p>Body text.</p><p><img src="data:image/png;base64,' +
      'A'.repeat(300) +
      '">Caption beside a picture</p><div>Mixed <p>inner</p> tail</div>',
    null,
  )

  it('numbers the blocks as the text has them', () => {
    expect(content.blocks).toEqual([
      'Section',
      'Read also: another story',
      'Body text.',
      'Caption beside a picture',
      'Mixed',
      'inner',
      'tail',
    ])
  })

  it('drops a block with its element, and a wrapper that holds only that block', () => {
    expect(content.htmlWithout(new Set([1]))).toBe(
      content.html.replace('<div><p>Read also: another story</p></div>', ''),
    )
    expect(content.htmlWithout(new Set([0, 2]))).not.toMatch(/Section|Body text/)
    expect(content.htmlWithout(new Set())).toBe(content.html)
  })

  it('drops a list with its items when all of them are left out', () => {
    const list = sanitizeHtml('<ul><li><a href="#a">Politics</a></li><li>Unions</li></ul><p>Body.</p>', null)
    expect(list.htmlWithout(new Set([0, 1]))).toBe('<p>Body.</p>')
    expect(list.htmlWithout(new Set([1]))).toBe('<ul><li><a href="#a">Politics</a></li></ul><p>Body.</p>')
  })

  it('keeps a block that shares its element with a picture or with other blocks', () => {
    expect(content.htmlWithout(new Set([3]))).toBe(content.html)
    expect(content.htmlWithout(new Set([4, 6]))).toBe(content.html)
    expect(content.htmlWithout(new Set([5]))).toBe(content.html.replace('<p>inner</p>', ''))
  })
})
