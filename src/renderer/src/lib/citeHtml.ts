/**
 * The citation preview shows HTML that citeproc produced. It is escaped by the engine, but the
 * window still never inserts it as markup: it is parsed into an inert document and rebuilt from
 * a short whitelist of inline tags, classes and style values. Everything else becomes plain text.
 */
import { escapeHtml } from '../../../common/text'

// The HTML export (citeExport.ts) takes it from here with the serialiser below.
export { escapeHtml }

export type SafeTag = 'i' | 'b' | 'em' | 'strong' | 'sup' | 'sub' | 'span'

export type SafeNode =
  | { kind: 'text'; text: string }
  | {
      kind: 'element'
      tag: SafeTag
      className: string | null
      style: Record<string, string>
      children: SafeNode[]
    }

const KEPT_TAGS: ReadonlySet<string> = new Set<SafeTag>(['i', 'b', 'em', 'strong', 'sup', 'sub', 'span'])

/** Elements whose content is not text a reader should see. */
const DROPPED_TAGS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'head',
  'title',
  'textarea',
  'select',
  'button',
  'input',
  'img',
  'video',
  'audio',
  'link',
  'meta',
])

/** citeproc's layout classes (IEEE's "[1]" column and the like); others are dropped. */
const KEPT_CLASSES: ReadonlySet<string> = new Set([
  'csl-left-margin',
  'csl-right-inline',
  'csl-indent',
  'csl-block',
  'csl-link',
])

const STYLE_VALUES: Readonly<Record<string, ReadonlySet<string>>> = {
  'font-style': new Set(['italic', 'normal', 'oblique']),
  'font-variant': new Set(['small-caps', 'normal']),
  'font-weight': new Set(['bold', 'normal', '600', '700']),
  'text-decoration': new Set(['underline', 'none']),
  'vertical-align': new Set(['baseline', 'sup', 'sub', 'super']),
}

function safeStyle(raw: string | null): Record<string, string> {
  const style: Record<string, string> = {}
  if (!raw) return style
  for (const declaration of raw.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon === -1) continue
    const property = declaration.slice(0, colon).trim().toLowerCase()
    const value = declaration
      .slice(colon + 1)
      .trim()
      .toLowerCase()
    if (STYLE_VALUES[property]?.has(value)) style[property] = value
  }
  return style
}

function safeClass(element: Element): string | null {
  const kept = Array.from(element.classList).filter((name) => KEPT_CLASSES.has(name))
  return kept.length > 0 ? kept.join(' ') : null
}

function convert(node: Node, out: SafeNode[]): void {
  if (node.nodeType === 3) {
    const text = node.textContent ?? ''
    if (text) out.push({ kind: 'text', text })
    return
  }
  if (node.nodeType !== 1) return
  const element = node as Element
  const tag = element.tagName.toLowerCase()
  if (DROPPED_TAGS.has(tag)) return
  const children: SafeNode[] = []
  for (const child of Array.from(element.childNodes)) convert(child, children)
  const className = tag === 'a' ? 'csl-link' : safeClass(element)
  if (KEPT_TAGS.has(tag) || tag === 'a' || (tag === 'div' && className)) {
    // Links keep their text only: nothing in the preview can navigate or run code.
    const safeTag = KEPT_TAGS.has(tag) ? (tag as SafeTag) : 'span'
    out.push({
      kind: 'element',
      tag: safeTag,
      className,
      style: safeStyle(element.getAttribute('style')),
      children,
    })
  } else {
    out.push(...children)
  }
}

/** Parses citeproc HTML (one entry or a whole bibliography) into whitelisted nodes. */
export function sanitizeCitationHtml(html: string): SafeNode[] {
  const document = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html')
  const nodes: SafeNode[] = []
  for (const child of Array.from(document.body.childNodes)) convert(child, nodes)
  return trimEdges(nodes)
}

/** Drops the blank text citeproc leaves between its block elements. */
function trimEdges(nodes: SafeNode[]): SafeNode[] {
  const result = [...nodes]
  const blank = (node: SafeNode | undefined) => node?.kind === 'text' && node.text.trim() === ''
  while (blank(result[0])) result.shift()
  while (blank(result[result.length - 1])) result.pop()
  return result
}

/** Serialises whitelisted nodes back to HTML (for the clipboard and the HTML export). */
export function safeNodesToHtml(nodes: readonly SafeNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'text') return escapeHtml(node.text)
      const style = Object.entries(node.style)
        .map(([property, value]) => `${property}:${value}`)
        .join(';')
      const attributes =
        (node.className ? ` class="${escapeHtml(node.className)}"` : '') +
        (style ? ` style="${escapeHtml(style)}"` : '')
      return `<${node.tag}${attributes}>${safeNodesToHtml(node.children)}</${node.tag}>`
    })
    .join('')
}

export function safeNodesToText(nodes: readonly SafeNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : safeNodesToText(node.children))).join('')
}

/** One paragraph per reference: what word processors paste as a formatted bibliography. */
export function entriesToClipboardHtml(entries: readonly SafeNode[][]): string {
  const paragraphs = entries.map((entry) => `<p>${safeNodesToHtml(entry)}</p>`).join('\n')
  return `<meta charset="utf-8">\n${paragraphs}`
}

/** The HTML export's body: citeproc's own entry markup, rebuilt from whitelisted nodes. */
export function entriesToExportHtml(entries: readonly string[]): string {
  const body = entries
    .map((entry) => `<div class="csl-entry">${safeNodesToHtml(sanitizeCitationHtml(entry))}</div>`)
    .join('\n')
  return `<div class="csl-bib-body">\n${body}\n</div>`
}
