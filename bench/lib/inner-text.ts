/** A page's text as select-all + copy in a browser gives it, approximated without a browser. */
import { parseHTML } from 'linkedom'
import { ensureBody, stripHeavyElements } from '../../src/main/archive/extract/html-prepare'

const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TR UL'.split(
    ' ',
  ),
)
const HIDDEN_TAGS = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG HEAD IFRAME OBJECT SELECT'.split(' '))

interface WalkNode {
  nodeType: number
  nodeName: string
  textContent: string | null
  childNodes: ArrayLike<WalkNode>
  getAttribute?: (name: string) => string | null
}

/** A page's innerText, roughly as select-all + copy gives it: hidden parts dropped, blocks on their own lines. */
export function innerTextCopy(html: string): string {
  // Scripts and styles are never part of the copy; dropping them first also spares linkedom markup it misreads.
  const { document } = parseHTML(ensureBody(stripHeavyElements(html)))
  const out: string[] = []
  const walk = (node: WalkNode): void => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/[ \t\r\n]+/g, ' '))
      return
    }
    if (node.nodeType !== 1) return
    const tag = node.nodeName.toUpperCase()
    if (HIDDEN_TAGS.has(tag)) return
    if (node.getAttribute?.('hidden') !== null && node.getAttribute?.('hidden') !== undefined) return
    if (/display:\s*none/i.test(node.getAttribute?.('style') ?? '')) return
    const block = BLOCK_TAGS.has(tag)
    if (block) out.push('\n')
    for (const child of Array.from(node.childNodes)) walk(child)
    if (tag === 'TD' || tag === 'TH') out.push('\t')
    if (block) out.push('\n')
  }
  const body = (document as unknown as { body: WalkNode | null }).body
  if (body) walk(body)
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim()
}
