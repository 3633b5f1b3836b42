/**
 * The pass over an HTML page's markup before it is parsed: what is never shown (scripts, styles, menus,
 * big embedded images) goes, a <body> is put in where the markup has none, and markup nested too deeply to
 * parse in reasonable time is flattened to its paragraphs. Linear scans, no parser.
 */
import { MAX_INLINE_IMAGE_CHARS } from './sanitize'
import { COPYRIGHT_IN_MARKUP } from './signals'

/** Markup beyond this is not parsed (after scripts and styles are dropped); keeps huge saves bounded. */
const MAX_HTML_CHARS = 12_000_000

/**
 * Drops <script> (except JSON-LD), <style>, <svg> and <template> before parsing: they are never
 * shown, and on big saved pages they are most of the bytes. One linear scan.
 */
export function stripHeavyElements(html: string): string {
  const opening = /<(script|style|svg|template)\b/gi
  const closings: Record<string, RegExp> = {}
  const parts: string[] = []
  let kept = 0
  let match: RegExpExecArray | null
  while ((match = opening.exec(html))) {
    const tagEnd = html.indexOf('>', match.index)
    if (tagEnd < 0) break
    const name = (match[1] ?? '').toLowerCase()
    if (name === 'script' && /ld\+json/i.test(html.slice(match.index, Math.min(tagEnd, match.index + 500))))
      continue
    // A case-insensitive search instead of a lower-cased copy of the whole page.
    const closing = (closings[name] ??= new RegExp(`</${name}`, 'gi'))
    closing.lastIndex = tagEnd
    const close = closing.exec(html)?.index ?? -1
    parts.push(html.slice(kept, match.index))
    const closeEnd = close < 0 ? -1 : html.indexOf('>', close)
    // A script or style left open runs to the end of the page; an <svg> or <template> left open is only its
    // tag, since a browser leaves a drawing at the next HTML block and shows the page after it.
    kept = closeEnd >= 0 ? closeEnd + 1 : name === 'script' || name === 'style' ? html.length : tagEnd + 1
    opening.lastIndex = kept
  }
  parts.push(html.slice(kept))
  return parts.join('')
}

/**
 * Drops <nav> elements before parsing: site menus are about a fifth of a typical page's markup, and the
 * article finder removes them after parsing anyway (nothing the metadata reader uses sits in a menu).
 * Menus inside a page footer stay, since the footer is where the rights line is looked for. Nested
 * menus are matched; a menu whose end is missing is left for the parser.
 */
export function stripNavigation(html: string): string {
  const tag = /<(\/?)(nav|footer)(?=[\s/>])[^>]*>/gi
  const parts: string[] = []
  let kept = 0
  let navDepth = 0
  let footerDepth = 0
  let start = 0
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const closing = match[1] === '/'
    if ((match[2] ?? '').toLowerCase() === 'footer') {
      if (navDepth === 0) footerDepth = closing ? Math.max(0, footerDepth - 1) : footerDepth + 1
    } else if (!closing) {
      if (navDepth++ === 0) start = match.index
    } else if (navDepth > 0 && --navDepth === 0) {
      const end = match.index + match[0].length
      // A rights line may sit in a menu ("© 2026 Site" beside the links): such a menu stays for the rights reader.
      if (footerDepth > 0 || COPYRIGHT_IN_MARKUP.test(html.slice(start, end))) continue
      parts.push(html.slice(kept, start))
      kept = end
    }
  }
  parts.push(html.slice(kept))
  return parts.join('')
}

/**
 * In HTML (outside SVG and MathML) `<![CDATA[` opens a bogus comment that ends at the next ">", as browsers
 * read it; linkedom's parser reads a CDATA section to "]]>" instead, which may hide the rest of the page.
 * Each is dropped up to its ">", but inside the scripts kept (JSON-LD), where it is plain text.
 */
export function dropCdataMarkers(html: string): string {
  if (!html.includes('<![CDATA[')) return html
  return html
    .split(/(<script\b[\s\S]*?<\/script\s*>)/i)
    .map((part, at) => (at % 2 === 1 ? part : part.replace(/<!\[CDATA\[[^>]*>/g, '')))
    .join('')
}

/**
 * Empties base64 data URIs longer than `maxChars` (SingleFile embeds every image and font that way).
 * One linear scan; the reading copy could not keep them anyway.
 */
export function dropLargeDataUris(html: string, maxChars: number): string {
  const start = /data:[\w.+/-]{1,100}(?:;[\w=.+-]{1,100})*;base64,/gi
  const payload = /[A-Za-z0-9+/=\s]*/y
  const parts: string[] = []
  let kept = 0
  for (let match = start.exec(html); match; match = start.exec(html)) {
    payload.lastIndex = match.index + match[0].length
    payload.exec(html)
    const end = payload.lastIndex
    if (end - match.index > maxChars) {
      parts.push(html.slice(kept, match.index))
      kept = end
    }
    start.lastIndex = end
  }
  parts.push(html.slice(kept))
  return parts.join('')
}

/** Nesting beyond this (by a tag count) is hostile or broken markup; parsing it costs minutes. */
const MAX_TAG_DEPTH = 1000
/** Elements that never hold others: void, or closed by the next of their kind. */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option'.split(
    ' ',
  ),
)

/**
 * How deep elements nest, read from the tags as the parser reads them: an end tag closes the elements
 * opened inside its element and left open; a stray end tag closes nothing. A linear scan that stops
 * once the depth passes `stopAbove`.
 */
export function maxTagDepth(html: string, stopAbove: number): number {
  const open: string[] = []
  const openCount = new Map<string, number>()
  let deepest = 0
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    const name = (match[2] ?? '').toLowerCase()
    if (NOT_NESTING.has(name) || match[3]) continue
    if (!match[1]) {
      open.push(name)
      openCount.set(name, (openCount.get(name) ?? 0) + 1)
      deepest = Math.max(deepest, open.length)
      if (deepest > stopAbove) return deepest
    } else if (openCount.get(name)) {
      for (let closed = open.pop(); closed !== undefined; closed = open.pop()) {
        openCount.set(closed, (openCount.get(closed) ?? 1) - 1)
        if (closed === name) break
      }
    }
  }
  return deepest
}

/** Keeps only paragraph-level tags, so hostile nesting cannot reach the parser. */
function flattenMarkup(html: string): string {
  return html.replace(
    /<\/?(?!(?:p|h[1-6]|li|br|title|meta|link|head|body|html|script)\b)[a-zA-Z][\w-]*[^<>]*>/gi,
    ' ',
  )
}

/**
 * linkedom builds no implied <html> or <body>: content of a page without a <body> tag (or of a pasted
 * fragment) would sit outside document.body, and a page without an <html> tag parses with its first
 * element as the document's root and an empty body. Both are put in.
 */
export function ensureBody(html: string): string {
  if (/<body[\s>]/i.test(html)) {
    if (/<html[\s>]/i.test(html)) return html
    const doctype = /^\s*<!doctype[^>]*>/i.exec(html)?.[0] ?? ''
    return `${doctype}<html>${html.slice(doctype.length)}</html>`
  }
  const headEnd = /<\/head\s*>/i.exec(html)
  const rest = (headEnd ? html.slice(headEnd.index + headEnd[0].length) : html)
    .replace(/^\s*(?:<!doctype[^>]*>\s*)?(?:<html[^>]*>)?/i, '')
    .replace(/<\/html\s*>\s*$/i, '')
  const head = headEnd ? `${html.slice(0, headEnd.index)}</head>` : '<!doctype html><html><head></head>'
  return `${head}<body>${rest}</body></html>`
}

/** Markup ready to parse, how deep its elements nest, and what was left out on the way. */
export interface PreparedHtml {
  html: string
  depth: number
  warnings: string[]
}

export function prepareHtml(rawHtml: string): PreparedHtml {
  const warnings: string[] = []
  let html = ensureBody(
    dropLargeDataUris(dropCdataMarkers(stripNavigation(stripHeavyElements(rawHtml))), MAX_INLINE_IMAGE_CHARS),
  )
  if (html.length > MAX_HTML_CHARS) {
    html = dropLargeDataUris(html, 0)
    warnings.push('embedded images were left out to keep the page within the size limit')
  }
  if (html.length > MAX_HTML_CHARS) {
    html = html.slice(0, MAX_HTML_CHARS)
    warnings.push(`the page was too large; only its first ${MAX_HTML_CHARS} characters were read`)
  }
  let depth = maxTagDepth(html, MAX_TAG_DEPTH)
  if (depth > MAX_TAG_DEPTH) {
    html = flattenMarkup(html)
    depth = maxTagDepth(html, MAX_TAG_DEPTH)
    warnings.push('the page was nested too deeply; only its paragraphs were kept')
  }
  return { html, depth, warnings }
}
