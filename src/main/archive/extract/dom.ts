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

/** Elements a browser keeps in the <head> when the markup puts them before the <body> without one. */
const HEAD_ELEMENTS = new Set(['meta', 'title', 'link', 'style', 'script', 'base', 'noscript', 'template'])

interface MovableElement extends DomElement {
  append(...nodes: unknown[]): void
  prepend(...nodes: unknown[]): void
  after(...nodes: unknown[]): void
}

/**
 * linkedom finds the head and the body only as the root's first element and the one after it, and makes
 * empty ones otherwise: a page with no <head> tag, or with anything between </head> and <body>, would
 * read as empty. What sits outside the two is moved in as a browser's parser places it: head elements
 * before the body into the head, anything else into the body, in order.
 */
function settleHeadAndBody(document: DomDocument): void {
  const root = document.documentElement as MovableElement
  const children = Array.from(root.children) as MovableElement[]
  const body = children.find((child) => child.localName.toLowerCase() === 'body')
  if (!body) return
  const first = children[0]
  if (
    first?.localName.toLowerCase() === 'head' &&
    first.nextElementSibling === body &&
    body.nextElementSibling === null
  )
    return
  let head = children.find((child) => child.localName.toLowerCase() === 'head')
  if (!head) {
    head = (document as unknown as { createElement(name: string): MovableElement }).createElement('head')
    root.prepend(head)
  } else if (root.children[0] !== head) root.prepend(head)
  const bodyAt = children.indexOf(body)
  const leading: MovableElement[] = []
  for (const [at, child] of children.entries()) {
    if (child === head || child === body) continue
    if (at > bodyAt) body.append(child)
    else if (HEAD_ELEMENTS.has(child.localName.toLowerCase())) head.append(child)
    else leading.push(child)
  }
  if (leading.length > 0) body.prepend(...leading)
  if (head.nextElementSibling !== body) head.after(body)
}

export function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(html)
  // linkedom builds no root element for markup without an element (a doctype, a comment left open,
  // bare text), and its tree walker then fails: such markup is read as the body of an empty page.
  if (!document.documentElement)
    return parseHTML(`<html><head></head><body>${html}</body></html>`).document as unknown as DomDocument
  settleHeadAndBody(document as unknown as DomDocument)
  return document as unknown as DomDocument
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
