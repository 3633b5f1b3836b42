/**
 * One pass over a parsed page that collects every element the metadata reader and the article finder
 * look at. On linkedom each document query walks every node (attributes and whitespace included), and a
 * selector query also runs a CSS matcher per element: a dozen queries per page cost more than this pass.
 */
import type { DomDocument, DomElement, DomNode } from './dom'

/** Deeper than this, Readability's time grows steeply (minutes at 2,000 levels); real pages stay near 40. */
export const MAX_READABILITY_DEPTH = 120

/** Navigation, page footers, asides and dialogs never hold the article. */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'dialog'])
const FURNITURE_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'dialog'])
/** Inside a page footer, these may carry its rights line. */
const FOOTER_TEXT_TAGS = new Set(['p', 'small', 'div', 'span'])
const MAX_FOOTERS = 5
const MAX_CANDIDATES_PER_FOOTER = 300
const MAX_OTHER_RIGHTS_CANDIDATES = 200
/** NodeFilter.SHOW_ELEMENT */
const SHOW_ELEMENT = 1

export interface PageIndex {
  /** The first <title>, <base href> and <link rel=canonical>, and the first <time datetime>. */
  title: DomElement | null
  base: DomElement | null
  canonical: DomElement | null
  firstDatedTime: DomElement | null
  /** Every element of these kinds, in document order. */
  jsonLdScripts: DomElement[]
  metas: DomElement[]
  headings: DomElement[]
  times: DomElement[]
  /** Elements carrying an itemprop attribute. */
  microdata: DomElement[]
  /** Deeper than Readability can take in reasonable time. */
  tooDeep: boolean
  /** Page furniture, removed before Readability (after metadata and the rights line were read). */
  furniture: DomElement[]
  /** Elements that may hold the rights line: footers and their text, then `small` and "copyright" classes. */
  rightsCandidates: DomElement[]
}

interface WalkableDocument extends DomDocument {
  createTreeWalker(root: DomDocument, whatToShow: number): { nextNode(): DomElement | null }
}

export function indexPage(document: DomDocument): PageIndex {
  const index: PageIndex = {
    title: null,
    base: null,
    canonical: null,
    firstDatedTime: null,
    jsonLdScripts: [],
    metas: [],
    headings: [],
    times: [],
    microdata: [],
    tooDeep: false,
    furniture: [],
    rightsCandidates: [],
  }
  // Per element: its depth (the root element's is 0) and, inside a page footer, that footer's candidates.
  const depths = new Map<DomNode, number>()
  const footerOf = new Map<DomNode, DomElement[]>()
  const footers: DomElement[][] = []
  const otherRights: DomElement[] = []
  // linkedom's tree walker lists the elements in document order in one pass over its node list.
  const walker = (document as WalkableDocument).createTreeWalker(document, SHOW_ELEMENT)
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    const parent = element.parentNode
    const depth = (parent ? (depths.get(parent) ?? -1) : -1) + 1
    depths.set(element, depth)
    if (depth > MAX_READABILITY_DEPTH) index.tooDeep = true
    const name = element.localName
    switch (name) {
      case 'script':
        if (/ld\+json/i.test(element.getAttribute('type') ?? '')) index.jsonLdScripts.push(element)
        break
      case 'meta':
        index.metas.push(element)
        break
      case 'h1':
        index.headings.push(element)
        break
      case 'time':
        index.times.push(element)
        if (index.firstDatedTime === null && element.getAttribute('datetime') !== null)
          index.firstDatedTime = element
        break
      case 'title':
        index.title ??= element
        break
      case 'base':
        if (index.base === null && element.getAttribute('href') !== null) index.base = element
        break
      case 'link':
        if (index.canonical === null && element.getAttribute('rel')?.toLowerCase() === 'canonical')
          index.canonical = element
        break
    }
    if (element.getAttribute('itemprop') !== null) index.microdata.push(element)
    const role = element.getAttribute('role')
    if (
      FURNITURE_TAGS.has(name) ||
      (role !== null && FURNITURE_ROLES.has(role)) ||
      element.getAttribute('hidden') !== null
    )
      index.furniture.push(element)
    let footer = parent ? footerOf.get(parent) : undefined
    if (footer) {
      if (FOOTER_TEXT_TAGS.has(name) && footer.length <= MAX_CANDIDATES_PER_FOOTER) footer.push(element)
    } else if (name === 'footer' && footers.length < MAX_FOOTERS) {
      footer = [element]
      footers.push(footer)
    }
    if (footer) footerOf.set(element, footer)
    if (
      otherRights.length < MAX_OTHER_RIGHTS_CANDIDATES &&
      (name === 'small' || (element.getAttribute('class') ?? '').includes('copyright'))
    )
      otherRights.push(element)
  }
  index.rightsCandidates = [...footers.flat(), ...otherRights]
  return index
}
