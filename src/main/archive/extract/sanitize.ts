/**
 * The reading copy: an allow-list rewrite of article HTML. Only listed elements and attributes are
 * written (by this serializer, with escaping), so handlers, scripts, frames, forms, styles and remote
 * resources cannot pass. A remote image becomes a placeholder that shows its URL as text.
 * (DOMPurify cannot run on linkedom: it reports itself unsupported and returns its input unchanged.)
 */
import { escapeHtmlNumeric } from '../../../common/text'
import { squash } from './article'
import { PAGER_WORD } from './lexicon/chrome'
import { endsLikeSentence } from './signals'
import { isChrome } from './text-rules'
import { type DomElement, type DomNode, TEXT_NODE, isElement, parseDocument } from './dom'
import { type LocalImageSource, MAX_ARTICLE_IMAGE_CHARS, MAX_IMAGE_BYTES, imageDataUri } from './local-images'

export interface SanitizedContent {
  html: string
  /**
   * The reading copy without the elements of the given blocks (by their index in `blocks`): an element
   * goes when every block in it is given and it holds no picture or caption; other text stays.
   */
  htmlWithout(blocks: ReadonlySet<number>): string
  /** The text of each block element, in order (figure captions apart). */
  blocks: string[]
  /** The text of each figure caption: shown with its picture, not part of the running text. */
  captions: string[]
  /** Images the page carried that were over the size limits, shown as placeholders instead. */
  imagesLeftOut: number
}

export interface SanitizeOptions {
  /** Images the saved page carries (MHTML parts, a "_files" folder), kept inline when found. */
  localImages?: LocalImageSource
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
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/** Up to this many words, without a sentence's end, a line right under a picture is its credit or caption. */
const MAX_PICTURE_CREDIT_WORDS = 3

/**
 * "freeimages", "Getty Images": a picture's credit printed under it as a line of its own. A counter, a
 * pager's "next" or a menu word under a picture is page furniture, left to the text's rules.
 */
function isPictureCredit(text: string): boolean {
  return (
    text.length <= 40 &&
    !endsLikeSentence(text) &&
    text.split(/\s+/).length <= MAX_PICTURE_CREDIT_WORDS &&
    /\p{L}{2}/u.test(text) &&
    !PAGER_WORD.test(text) &&
    !isChrome(text)
  )
}

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
/** Every attribute an element may keep, by tag (the global ones first). */
const KEPT_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map(
  [...KEPT].map((tag) => [tag, [...GLOBAL_ATTRIBUTES, ...(ATTRIBUTES[tag] ?? [])]]),
)
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
/** The longest data: URI of an image within MAX_IMAGE_BYTES. */
export const MAX_INLINE_IMAGE_CHARS = Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 32
/** Data URIs this short are tracking pixels and lazy-loading stand-ins, not pictures. */
const MIN_INLINE_IMAGE_CHARS = 200
/** srcset candidates looked at per image. */
const MAX_SRCSET_CANDIDATES = 16
/** Deeper than this, elements are no longer written (only their text)... */
const MAX_DEPTH = 200
/** ...and deeper than this the walk stops recursing (a hostile page must not overflow the stack). */
const MAX_RECURSION = 2000

/** An absolute http(s)/mailto URL or an in-page fragment; null for anything else (javascript:, data:, relative without base). */
export function safeUrl(value: string | null, baseUrl: string | null): string | null {
  const trimmed = value?.trim()
  if (!trimmed) return null
  if (/^#[\w:.%-]*$/.test(trimmed)) return trimmed
  // Without a base, only an address with a scheme can be read (spares the URL parser's exception).
  if (!baseUrl && !/^[a-z][a-z\d+.-]*:/i.test(trimmed)) return null
  let url: URL
  try {
    url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed)
  } catch {
    return null
  }
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
}

const escapeAttribute = (value: string): string => value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** The URLs of a srcset, in order (a data: URI's own commas do not split it). */
export function srcsetUrls(srcset: string | null): string[] {
  const urls: string[] = []
  const text = srcset ?? ''
  let position = 0
  while (position < text.length && urls.length < MAX_SRCSET_CANDIDATES) {
    while (position < text.length && /[\s,]/.test(text.charAt(position))) position++
    let end = position
    while (end < text.length && !/\s/.test(text.charAt(end))) end++
    const written = text.slice(position, end)
    position = end
    if (written.endsWith(',')) {
      // "a.png, b.png 2x": a URL ending in a comma has no descriptors.
      urls.push(written.replace(/,+$/, ''))
      continue
    }
    const comma = text.indexOf(',', position)
    position = comma < 0 ? text.length : comma + 1
    if (written) urls.push(written)
  }
  return urls.filter(Boolean)
}

/** Every address an <img> may show, in order of preference: its own, lazy-loading ones, then <picture> sources. */
function imageCandidates(element: DomElement): string[] {
  const candidates = [
    element.getAttribute('src'),
    ...srcsetUrls(element.getAttribute('srcset')),
    element.getAttribute('data-src'),
    element.getAttribute('data-original'),
    element.getAttribute('data-lazy-src'),
    ...srcsetUrls(element.getAttribute('data-srcset')),
  ]
  const picture = element.parentElement
  if (picture?.localName.toLowerCase() === 'picture') {
    for (const source of Array.from(picture.children)) {
      if (source.localName.toLowerCase() === 'source')
        candidates.push(...srcsetUrls(source.getAttribute('srcset')))
    }
  }
  return candidates.map((candidate) => candidate?.trim() ?? '').filter(Boolean)
}

class Rewriter {
  readonly html: string[] = []
  readonly blocks: string[] = []
  readonly captions: string[] = []
  imagesLeftOut = 0
  private line = ''
  private preDepth = 0
  private captionDepth = 0
  /** Pictures and placeholders written so far. */
  private mediaCount = 0
  /** A picture was written and no text since: a credit line under it is its caption. */
  private pictureShown = false
  private headingDepth = 0
  private linkDepth = 0
  /** Some of the line's text is a link's. */
  private lineInLink = false
  /** Block elements without pictures or captions: their span in `html` and the blocks they hold. */
  readonly elementSpans: Array<{ start: number; end: number; firstBlock: number; lastBlock: number }> = []
  private imageCharsLeft = MAX_ARTICLE_IMAGE_CHARS

  constructor(
    private readonly baseUrl: string | null,
    private readonly localImages: LocalImageSource | undefined,
  ) {}

  flush(): void {
    const text =
      this.preDepth > 0
        ? this.line.replace(/^\s*\n|\s+$/g, '').replace(/\n\s*\n/g, '\n')
        : this.line.includes('\n')
          ? this.line.split('\n').map(squash).filter(Boolean).join('\n')
          : squash(this.line)
    if (text.trim()) {
      // A link under a picture (a tag, a teaser) is not its credit.
      const credit = this.pictureShown && this.headingDepth === 0 && !this.lineInLink && isPictureCredit(text)
      ;(this.captionDepth > 0 || credit ? this.captions : this.blocks).push(text)
      this.pictureShown = false
    }
    this.line = ''
    this.lineInLink = false
  }

  walk(node: DomNode, depth: number): void {
    if (node.nodeType === TEXT_NODE) return this.text(node.textContent ?? '')
    if (!isElement(node)) return
    // Readability creates its elements as "DIV" or "P".
    const name = node.localName
    const tag = name.charCodeAt(0) < 97 ? name.toLowerCase() : name
    if (depth > MAX_RECURSION) {
      if (!DROPPED.has(tag)) this.text(node.textContent ?? '')
      return
    }
    if (DROPPED.has(tag)) return
    if (tag === 'img' || tag === 'video' || tag === 'audio') return this.media(node, tag)
    const block = TEXT_BLOCKS.has(tag)
    if (block) this.flush()
    const opened = {
      html: this.html.length,
      blocks: this.blocks.length,
      media: this.mediaCount,
      captions: this.captions.length,
    }
    if (tag === 'br') this.line += '\n'
    if ((tag === 'td' || tag === 'th') && this.line.trim()) this.line += ' | '
    const kept = KEPT.has(tag) && depth < MAX_DEPTH
    if (kept) this.html.push(this.openTag(node, tag))
    if (tag === 'pre') this.preDepth++
    if (HEADINGS.has(tag)) this.headingDepth++
    if (tag === 'a') this.linkDepth++
    // A picture's caption: a <figcaption>, or an element marked as the caption of an image item.
    const caption =
      tag === 'figcaption' ||
      (node.hasAttributes() && /\bcaption\b/i.test(node.getAttribute('itemprop') ?? ''))
    if (caption) this.captionDepth++
    if (!VOID.has(tag))
      for (let child = node.firstChild; child; child = child.nextSibling) this.walk(child, depth + 1)
    if (tag === 'pre') this.preDepth--
    if (tag === 'a') this.linkDepth--
    if (kept && !VOID.has(tag)) this.html.push(`</${tag}>`)
    if (block) {
      this.flush()
      if (
        this.blocks.length > opened.blocks &&
        this.mediaCount === opened.media &&
        this.captions.length === opened.captions
      )
        this.elementSpans.push({
          start: opened.html,
          end: this.html.length,
          firstBlock: opened.blocks,
          lastBlock: this.blocks.length - 1,
        })
    }
    if (caption) this.captionDepth--
    if (HEADINGS.has(tag)) this.headingDepth--
  }

  private text(text: string): void {
    this.html.push(escapeHtmlNumeric(text))
    if (this.linkDepth > 0 && text.trim()) this.lineInLink = true
    this.line += this.preDepth > 0 ? text : text.replace(/\s+/g, ' ')
  }

  private openTag(element: DomElement, tag: string): string {
    // Most elements (table cells above all) carry no attributes at all.
    if (!element.hasAttributes()) return `<${tag}>`
    const attributes: string[] = []
    for (const name of KEPT_ATTRIBUTES.get(tag) ?? GLOBAL_ATTRIBUTES) {
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

  /**
   * Raster images the page carries (inline, or as parts or files beside it) stay, within the size
   * limits; a remote one becomes a placeholder naming its URL.
   */
  private media(element: DomElement, tag: string): void {
    const alt = squash(element.getAttribute('alt') ?? element.getAttribute('title') ?? '')
    let leftOut = false
    if (tag === 'img') {
      const kept = this.keptImage(imageCandidates(element))
      if (typeof kept === 'string') {
        this.html.push(`<img src="${escapeAttribute(kept)}" alt="${escapeAttribute(alt)}">`)
        this.mediaCount++
        this.pictureShown = true
        return
      }
      leftOut = kept.leftOut
      if (leftOut) this.imagesLeftOut += 1
    }
    const candidates = [
      element.getAttribute('data-src'),
      element.getAttribute('data-original'),
      element.getAttribute('data-lazy-src'),
      element.getAttribute('src'),
      srcsetUrls(element.getAttribute('srcset'))[0] ?? null,
      element.querySelector('source')?.getAttribute('src') ?? null,
    ]
    const url =
      candidates.map((candidate) => safeUrl(candidate, this.baseUrl)).find((u) => u !== null) ?? null
    if (!url && !alt && !leftOut) return
    const label = tag === 'img' ? 'image' : tag
    const text = `[${label}${alt ? `: ${alt}` : ''}]${url ? ` ${url}` : ''}`
    const dataAttribute = url ? ` data-src="${escapeAttribute(url)}"` : ''
    this.html.push(`<span class="lectern-remote-${label}"${dataAttribute}>${escapeHtmlNumeric(text)}</span>`)
    this.mediaCount++
    this.pictureShown = true
  }

  /** The first candidate that is a raster image the page carries and fits the limits, as a data: URI. */
  private keptImage(candidates: string[]): string | { leftOut: boolean } {
    let leftOut = false
    for (const candidate of candidates) {
      const dataUri = /^data:/i.test(candidate) ? candidate.replace(/\s+/g, '') : this.localDataUri(candidate)
      if (dataUri === 'too-large') {
        leftOut = true
        continue
      }
      if (!dataUri || dataUri.length <= MIN_INLINE_IMAGE_CHARS || !INLINE_IMAGE.test(dataUri)) continue
      if (dataUri.length > Math.min(MAX_INLINE_IMAGE_CHARS, this.imageCharsLeft)) {
        leftOut = true
        continue
      }
      this.imageCharsLeft -= dataUri.length
      return dataUri
    }
    return { leftOut }
  }

  private localDataUri(reference: string): string | 'too-large' | null {
    const resource = this.localImages?.(reference)
    if (!resource) return null
    if (resource.size > MAX_IMAGE_BYTES || (resource.size * 4) / 3 > this.imageCharsLeft) return 'too-large'
    const bytes = resource.read()
    return bytes && bytes.length <= MAX_IMAGE_BYTES ? imageDataUri(bytes) : null
  }
}

/** Rewrites article HTML to the allow-list and collects its block texts. */
export function sanitizeHtml(
  html: string,
  baseUrl: string | null,
  options: SanitizeOptions = {},
): SanitizedContent {
  const document = parseDocument(`<!doctype html><html><head></head><body>${html}</body></html>`)
  return sanitizeElement(document.body, baseUrl, options)
}

/** The same for the content of an element already parsed (no serialising and parsing again). */
export function sanitizeElement(
  root: DomElement | null,
  baseUrl: string | null,
  options: SanitizeOptions = {},
): SanitizedContent {
  const rewriter = new Rewriter(baseUrl, options.localImages)
  for (let child = root?.firstChild ?? null; child; child = child.nextSibling) rewriter.walk(child, 0)
  rewriter.flush()
  const { html: pieces, elementSpans } = rewriter
  return {
    html: pieces.join('').trim(),
    htmlWithout: (blocks) => {
      // The outermost elements whose blocks are all left out go, wrappers and all.
      const left = new Set<number>()
      let takenUpTo = -1
      // givenBefore[i]: how many of the blocks before block i are given.
      const givenBefore = [0]
      for (let block = 0; block < rewriter.blocks.length; block++)
        givenBefore.push((givenBefore[block] ?? 0) + (blocks.has(block) ? 1 : 0))
      const spans = elementSpans
        .filter(
          ({ firstBlock, lastBlock }) =>
            (givenBefore[lastBlock + 1] ?? 0) - (givenBefore[firstBlock] ?? 0) === lastBlock - firstBlock + 1,
        )
        .sort((a, b) => a.start - b.start || b.end - a.end)
      for (const span of spans) {
        if (span.start < takenUpTo) continue
        for (let at = span.start; at < span.end; at++) left.add(at)
        takenUpTo = span.end
      }
      return left.size === 0
        ? pieces.join('').trim()
        : pieces
            .filter((_, at) => !left.has(at))
            .join('')
            .trim()
    },
    blocks: rewriter.blocks,
    captions: rewriter.captions,
    imagesLeftOut: rewriter.imagesLeftOut,
  }
}
