/**
 * One pass over a parsed page that collects every element the metadata reader and the article finder
 * look at. On linkedom each document query walks every node (attributes and whitespace included), and a
 * selector query also runs a CSS matcher per element: a dozen queries per page cost more than this pass.
 */
import { type DomDocument, type DomElement, SHOW_ELEMENT, elementsByTagNames } from './dom'

/** Navigation, page footers, asides and dialogs never hold the article. */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'dialog'])
const FURNITURE_ROLES = new Set(['navigation', 'contentinfo', 'complementary', 'dialog'])
/** Inside a page footer, these may carry its rights line. */
const FOOTER_TEXT_TAGS = ['p', 'small', 'div', 'span']
const MAX_FOOTERS = 5
const MAX_CANDIDATES_PER_FOOTER = 300
const MAX_OTHER_RIGHTS_CANDIDATES = 200

/** What the page-kind classifier (page-kind.ts) counts, gathered in the same pass. */
export interface PageStructure {
  /** How many elements of each tag the page has. */
  tags: Map<string, number>
  paragraphs: DomElement[]
  buttons: DomElement[]
  /** schema.org types of microdata items (lower case, without their address), with their counts. */
  itemtypes: Map<string, number>
  /** Elements marked itemprop=price (or lowPrice). */
  prices: number
  /** Elements by their tag and first class name ("article.message"), with their counts. */
  classSignatures: Map<string, number>
}

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
  /** Page furniture, removed before Readability (after metadata and the rights line were read). */
  furniture: DomElement[]
  /** Elements that may hold the rights line: footers and their text, then `small` and "copyright" classes. */
  rightsCandidates: DomElement[]
  structure: PageStructure
}

function countIn(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1)
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
    furniture: [],
    rightsCandidates: [],
    structure: {
      tags: new Map(),
      paragraphs: [],
      buttons: [],
      itemtypes: new Map(),
      prices: 0,
      classSignatures: new Map(),
    },
  }
  const { structure } = index
  const footers: DomElement[] = []
  const otherRights: DomElement[] = []
  // linkedom's tree walker lists the elements in document order in one pass over its node list.
  const walker = document.createTreeWalker(document, SHOW_ELEMENT)
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
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
      case 'footer':
        if (footers.length < MAX_FOOTERS) footers.push(element)
        break
      case 'p':
        structure.paragraphs.push(element)
        break
      case 'button':
        structure.buttons.push(element)
        break
    }
    countIn(structure.tags, name)
    if (FURNITURE_TAGS.has(name)) index.furniture.push(element)
    if (name === 'small' && otherRights.length < MAX_OTHER_RIGHTS_CANDIDATES) otherRights.push(element)
    // Most elements carry no attributes at all: their attribute lookups are skipped.
    if (!element.hasAttributes()) continue
    const itemprop = element.getAttribute('itemprop')
    if (itemprop !== null) {
      index.microdata.push(element)
      if (itemprop === 'price' || itemprop === 'lowPrice') structure.prices++
    }
    const itemtype = element.getAttribute('itemtype')
    if (itemtype !== null) countIn(structure.itemtypes, itemtype.replace(/^.*[/#]/, '').toLowerCase())
    const className = element.getAttribute('class')
    const firstClass = className?.trim().split(/\s+/, 1)[0]
    if (firstClass) countIn(structure.classSignatures, `${name}.${firstClass}`)
    const role = element.getAttribute('role')
    if (
      !FURNITURE_TAGS.has(name) &&
      ((role !== null && FURNITURE_ROLES.has(role)) || element.getAttribute('hidden') !== null)
    )
      index.furniture.push(element)
    if (
      name !== 'small' &&
      otherRights.length < MAX_OTHER_RIGHTS_CANDIDATES &&
      (className ?? '').includes('copyright')
    )
      otherRights.push(element)
  }
  index.rightsCandidates = [
    ...footers.flatMap((footer) => [
      footer,
      ...elementsByTagNames(footer, FOOTER_TEXT_TAGS).slice(0, MAX_CANDIDATES_PER_FOOTER),
    ]),
    ...otherRights,
  ]
  return index
}
