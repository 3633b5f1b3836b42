/**
 * The reading copy: an allow-list rewrite of article HTML. Only listed elements and attributes are
 * written (by this serializer, with escaping), so handlers, scripts, frames, forms, styles and remote
 * resources cannot pass. A remote image becomes a placeholder that shows its URL as text.
 * (DOMPurify cannot run on linkedom: it reports itself unsupported and returns its input unchanged.)
 */
import { escapeHtml, squash } from './article'
import { type DomElement, type DomNode, TEXT_NODE, isElement, parseDocument } from './dom'

export interface SanitizedContent {
  html: string
  /** The text of each block element, in order. */
  blocks: string[]
}

/** Dropped together with everything inside them. */
const DROPPED = new Set(
  (
    'script style iframe frame frameset object embed applet noscript noembed noframes template base meta link ' +
    'title head svg math canvas input button select textarea option optgroup datalist dialog map area param ' +
    'source track xmp plaintext portal slot'
  ).split(' '),
)

/** Kept as elements (with the attributes listed in ATTRIBUTES). Anything else is unwrapped. */
const KEPT = new Set(
  (
    'p br hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote q cite pre code kbd samp var em strong b i u s ' +
    'del ins mark small sub sup abbr span div section article header footer main aside figure figcaption ' +
    'table thead tbody tfoot tr th td caption colgroup col a time address details summary ruby rt rp wbr bdi bdo'
  ).split(' '),
)

const VOID = new Set(['br', 'hr', 'col', 'wbr', 'img'])

/** Blocks for contentText: their text becomes its own paragraph. */
const TEXT_BLOCKS = new Set(
  (
    'p div section article header footer main aside nav h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre ' +
    'figure figcaption table thead tbody tfoot tr caption hr address details summary form fieldset legend center'
  ).split(' '),
)

const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir']
const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  td: ['colspan', 'rowspan', 'headers'],
  th: ['colspan', 'rowspan', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  time: ['datetime'],
  abbr: ['title'],
  bdo: ['dir'],
}
const URL_ATTRIBUTES: Readonly<Record<string, string>> = {
  a: 'href',
  blockquote: 'cite',
  q: 'cite',
  del: 'cite',
  ins: 'cite',
}

const ATTRIBUTE_VALUE = /^[^<>]{0,500}$/
const ID_VALUE = /^[\w:.-]{1,64}$/
const INLINE_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/i
export const MAX_INLINE_IMAGE_CHARS = 2_000_000
/** Deeper than this, elements are no longer written (only their text)... */
const MAX_DEPTH = 200
/** ...and deeper than this the walk stops recursing (a hostile page must not overflow the stack). */
const MAX_RECURSION = 2000

/** An absolute http(s)/mailto URL or an in-page fragment; null for anything else (javascript:, data:, relative without base). */
export function safeUrl(value: string | null, baseUrl: string | null): string | null {
  const trimmed = value?.trim()
  if (!trimmed) return null
  if (/^#[\w:.%-]*$/.test(trimmed)) return trimmed
  let url: URL
  try {
    url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed)
  } catch {
    return null
  }
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
}

const escapeAttribute = (value: string): string => value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

function firstSrcsetUrl(srcset: string | null): string | null {
  return srcset?.trim().split(/\s+/)[0] ?? null
}

class Rewriter {
  readonly html: string[] = []
  readonly blocks: string[] = []
  private line = ''
  private preDepth = 0

  constructor(private readonly baseUrl: string | null) {}

  flush(): void {
    const text =
      this.preDepth > 0
        ? this.line.replace(/^\s*\n|\s+$/g, '').replace(/\n\s*\n/g, '\n')
        : this.line.split('\n').map(squash).filter(Boolean).join('\n')
    if (text.trim()) this.blocks.push(text)
    this.line = ''
  }

  walk(node: DomNode, depth: number): void {
    if (node.nodeType === TEXT_NODE) return this.text(node.textContent ?? '')
    if (!isElement(node)) return
    const tag = node.localName.toLowerCase()
    if (depth > MAX_RECURSION) {
      if (!DROPPED.has(tag)) this.text(node.textContent ?? '')
      return
    }
    if (DROPPED.has(tag)) return
    if (tag === 'img' || tag === 'video' || tag === 'audio') return this.media(node, tag)
    const block = TEXT_BLOCKS.has(tag)
    if (block) this.flush()
    if (tag === 'br') this.line += '\n'
    if ((tag === 'td' || tag === 'th') && this.line.trim()) this.line += ' | '
    const kept = KEPT.has(tag) && depth < MAX_DEPTH
    if (kept) this.html.push(this.openTag(node, tag))
    if (tag === 'pre') this.preDepth++
    if (!VOID.has(tag)) for (const child of Array.from(node.childNodes)) this.walk(child, depth + 1)
    if (tag === 'pre') this.preDepth--
    if (kept && !VOID.has(tag)) this.html.push(`</${tag}>`)
    if (block) this.flush()
  }

  private text(text: string): void {
    this.html.push(escapeHtml(text))
    this.line += this.preDepth > 0 ? text : text.replace(/\s+/g, ' ')
  }

  private openTag(element: DomElement, tag: string): string {
    const attributes: string[] = []
    for (const name of [...GLOBAL_ATTRIBUTES, ...(ATTRIBUTES[tag] ?? [])]) {
      const value = element.getAttribute(name)
      if (value !== null && ATTRIBUTE_VALUE.test(value))
        attributes.push(`${name}="${escapeAttribute(value)}"`)
    }
    const id = element.getAttribute('id')
    if (id && ID_VALUE.test(id)) attributes.push(`id="${id}"`)
    const urlAttribute = URL_ATTRIBUTES[tag]
    if (urlAttribute) {
      const url = safeUrl(element.getAttribute(urlAttribute), this.baseUrl)
      if (url) attributes.push(`${urlAttribute}="${escapeAttribute(url)}"`)
    }
    return `<${tag}${attributes.map((a) => ` ${a}`).join('')}>`
  }

  /** Inline raster images stay; a remote one becomes a placeholder naming its URL. */
  private media(element: DomElement, tag: string): void {
    const src = element.getAttribute('src')?.trim() ?? ''
    const alt = squash(element.getAttribute('alt') ?? element.getAttribute('title') ?? '')
    if (tag === 'img' && src.length <= MAX_INLINE_IMAGE_CHARS && INLINE_IMAGE.test(src) && src.length > 200) {
      this.html.push(`<img src="${escapeAttribute(src.replace(/\s+/g, ''))}" alt="${escapeAttribute(alt)}">`)
      return
    }
    const candidates = [
      element.getAttribute('data-src'),
      element.getAttribute('data-original'),
      element.getAttribute('data-lazy-src'),
      src,
      firstSrcsetUrl(element.getAttribute('srcset')),
      element.querySelector('source')?.getAttribute('src') ?? null,
    ]
    const url =
      candidates.map((candidate) => safeUrl(candidate, this.baseUrl)).find((u) => u !== null) ?? null
    if (!url && !alt) return
    const label = tag === 'img' ? 'image' : tag
    const text = `[${label}${alt ? `: ${alt}` : ''}]${url ? ` ${url}` : ''}`
    const dataAttribute = url ? ` data-src="${escapeAttribute(url)}"` : ''
    this.html.push(`<span class="lectern-remote-${label}"${dataAttribute}>${escapeHtml(text)}</span>`)
  }
}

/** Rewrites article HTML to the allow-list and collects its block texts. */
export function sanitizeHtml(html: string, baseUrl: string | null): SanitizedContent {
  const document = parseDocument(`<!doctype html><html><head></head><body>${html}</body></html>`)
  const rewriter = new Rewriter(baseUrl)
  const root = document.body
  if (root) for (const child of Array.from(root.childNodes)) rewriter.walk(child, 0)
  rewriter.flush()
  return { html: rewriter.html.join('').trim(), blocks: rewriter.blocks }
}
