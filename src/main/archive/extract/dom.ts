/**
 * The few DOM shapes the extractor touches, typed structurally: the engine is compiled without the
 * browser DOM typings, and linkedom's documents satisfy these.
 */
import { parseHTML } from 'linkedom'

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

export interface DomNode {
  readonly nodeType: number
  readonly childNodes: ArrayLike<DomNode>
  readonly firstChild: DomNode | null
  readonly nextSibling: DomNode | null
  readonly textContent: string | null
  readonly parentNode: DomNode | null
}

export interface DomElement extends DomNode {
  readonly localName: string
  getAttribute(name: string): string | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  /** Cheaper than querySelectorAll for a bare tag name on linkedom (no selector matching). */
  getElementsByTagName(name: string): ArrayLike<DomElement>
  closest(selector: string): DomElement | null
  readonly children: ArrayLike<DomElement>
  readonly nextElementSibling: DomElement | null
  readonly parentElement: DomElement | null
  readonly ownerDocument: DomDocument
  /** Whether the element carries any attribute (cheap on linkedom: one look at its node list). */
  hasAttributes(): boolean
}

export interface DomDocument {
  readonly documentElement: DomElement
  readonly head: DomElement | null
  readonly body: DomElement | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
  /** linkedom lists the subtree's nodes of the shown kinds in one pass over its node list. */
  createTreeWalker(root: DomElement | DomDocument, whatToShow: number): { nextNode(): DomElement | null }
}

/** NodeFilter.SHOW_ELEMENT */
export const SHOW_ELEMENT = 1

export function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(html)
  if (document.documentElement) return document as unknown as DomDocument
  // linkedom builds no root element for markup without an element (a doctype, a comment left open,
  // bare text), and its tree walker then fails: such markup is read as the body of an empty page.
  return parseHTML(`<html><head></head><body>${html}</body></html>`).document as unknown as DomDocument
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE

/**
 * The elements under `root` whose tag is one of `names`, in document order: what
 * `root.querySelectorAll(names.join(","))` returns for plain tag names, without a selector engine.
 * (Unlike querySelectorAll it would enter <template> content; the importer removes templates before
 * parsing.)
 */
export function elementsByTagNames(root: DomElement | DomDocument, names: readonly string[]): DomElement[] {
  // One name: linkedom's own scan, which in an HTML document compares upper-cased names (so "DIV" finds
  // "div" and "DIV" alike). Its NodeList is an Array already.
  if (names.length === 1) return root.getElementsByTagName((names[0] ?? '').toUpperCase()) as DomElement[]
  const wanted = new Set(names.map((name) => name.toLowerCase()))
  const document = 'documentElement' in root ? root : root.ownerDocument
  const walker = document.createTreeWalker(root, SHOW_ELEMENT)
  const found: DomElement[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Elements created by script may be named "DIV" or "P"; selectors match tag names in any case.
    const name = node.localName
    if (wanted.has(name) || (name.charCodeAt(0) < 97 && wanted.has(name.toLowerCase()))) found.push(node)
  }
  return found
}
