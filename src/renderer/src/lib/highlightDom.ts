import { locateQuote, selectorAt, type QuoteSelector } from '../../../common/textAnchor'
import type { Highlight } from '../../../common/types'

/** The text of an element as one string, with each text node's place in it. */
export interface TextIndex {
  text: string
  nodes: Array<{ node: Text; start: number }>
}

const MARK_CLASS = 'lectern-hl'

/** Text nodes under `root` in document order, skipping hidden elements (a repeated title). */
export function indexText(root: Element): TextIndex {
  const doc = root.ownerDocument
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */, {
    acceptNode: (node) => (node.parentElement?.closest('[hidden]') ? 2 : 1),
  })
  const nodes: TextIndex['nodes'] = []
  let text = ''
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const textNode = node as Text
    nodes.push({ node: textNode, start: text.length })
    text += textNode.data
  }
  return { text, nodes }
}

/** Which text node holds the character at `offset` (the last one starting at or before it). */
function nodeAt(index: TextIndex, offset: number): number {
  let low = 0
  let high = index.nodes.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((index.nodes[middle] as { start: number }).start <= offset) low = middle
    else high = middle - 1
  }
  return low
}

/** Offset of a DOM boundary (text node + offset, or element + child index) in the index's text. */
function boundaryOffset(index: TextIndex, container: Node, offset: number): number | null {
  if (container.nodeType === 3) {
    const entry = index.nodes.find((item) => item.node === container)
    return entry ? entry.start + offset : null
  }
  const doc = container.ownerDocument
  if (!doc) return null
  const probe = doc.createRange()
  probe.setStart(container, offset)
  // The first indexed text node at or after the boundary.
  for (const item of index.nodes) {
    if (probe.comparePoint(item.node, 0) >= 0) return item.start
  }
  return index.text.length
}

/** The selection inside `root` as a quote with the text around it; null when nothing is selected there. */
export function selectionSelector(root: Element): QuoteSelector | null {
  const selection = root.ownerDocument.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!root.contains(range.commonAncestorContainer)) return null
  const index = indexText(root)
  const start = boundaryOffset(index, range.startContainer, range.startOffset)
  const end = boundaryOffset(index, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  const selector = selectorAt(index.text, start, end)
  return selector.quote ? selector : null
}

/** Remove every highlight mark, leaving the text as it was. */
export function clearMarks(root: Element): void {
  for (const mark of Array.from(root.querySelectorAll(`mark.${MARK_CLASS}`))) {
    const parent = mark.parentNode
    if (!parent) continue
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark)
    parent.removeChild(mark)
  }
  root.normalize()
}

/** Wrap [start, end) of the index's text in marks, one per text node it crosses. */
function wrapRange(index: TextIndex, start: number, end: number, highlight: Highlight): void {
  const doc = index.nodes[0]?.node.ownerDocument
  if (!doc) return
  const first = nodeAt(index, start)
  const last = nodeAt(index, Math.max(start, end - 1))
  // Collect the pieces first: splitting text nodes as we go would shift later offsets.
  const pieces: Array<{ node: Text; from: number; to: number }> = []
  for (let at = first; at <= last; at++) {
    const { node, start: nodeStart } = index.nodes[at] as TextIndex['nodes'][number]
    const from = Math.max(0, start - nodeStart)
    const to = Math.min(node.data.length, end - nodeStart)
    if (to > from && node.data.slice(from, to).trim() !== '') pieces.push({ node, from, to })
  }
  for (const { node, from, to } of pieces) {
    let target = node
    if (from > 0) target = target.splitText(from)
    if (to - from < target.data.length) target.splitText(to - from)
    const mark = doc.createElement('mark')
    mark.className = MARK_CLASS
    mark.dataset.highlightId = String(highlight.id)
    mark.dataset.color = highlight.color
    if (highlight.note) {
      mark.dataset.note = ''
      mark.title = highlight.note
    }
    target.parentNode?.insertBefore(mark, target)
    mark.appendChild(target)
  }
}

/**
 * Show the highlights in the frame's article: each is found by its quote and context (the DOM's
 * text differs from contentText in whitespace only) and wrapped in marks. Returns the ids not found.
 */
export function renderHighlights(
  root: Element,
  highlights: readonly Highlight[],
  contentLength: number,
): number[] {
  clearMarks(root)
  const missing: number[] = []
  const placed: Array<{ highlight: Highlight; start: number; end: number }> = []
  const index = indexText(root)
  const scale = contentLength > 0 ? index.text.length / contentLength : 1
  for (const highlight of highlights) {
    if (highlight.orphaned) continue
    const range = locateQuote(index.text, {
      ...highlight,
      textOffset: highlight.textOffset === null ? null : Math.round(highlight.textOffset * scale),
    })
    if (range) placed.push({ highlight, start: range.start, end: range.end })
    else missing.push(highlight.id)
  }
  // Later ranges first, so that wrapping one never moves the offsets of the next.
  placed.sort((a, b) => b.start - a.start)
  for (const { highlight, start, end } of placed) wrapRange(indexText(root), start, end, highlight)
  return missing
}

export function marksOf(root: Element, id: number): Element[] {
  return Array.from(root.querySelectorAll(`mark.${MARK_CLASS}[data-highlight-id="${id}"]`))
}

export function highlightIdAt(target: EventTarget | null): number | null {
  const element = target as Element | null
  if (!element || typeof element.closest !== 'function') return null
  const mark = element.closest(`mark.${MARK_CLASS}`) as HTMLElement | null
  const id = Number(mark?.dataset.highlightId)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}
