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
}

export interface DomDocument {
  readonly documentElement: DomElement
  readonly head: DomElement | null
  readonly body: DomElement | null
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  getElementsByTagName(name: string): ArrayLike<DomElement>
}

export function parseDocument(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument
}

export const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT_NODE
