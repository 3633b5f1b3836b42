/**
 * A product page without what it shows beside the product: the reviews and ratings widgets, buyers'
 * questions, and the other products it recommends (related, bought together, recently viewed). Found by
 * their class names and by the headings that open them; the product's name, price, description and
 * specifications stay.
 */
import { squash } from './article'
import { type DomElement, SHOW_ELEMENT } from './dom'
import { PRODUCT_ASIDE_HEADING } from './lexicon/product-sections'

/** Class-name and id words of review and rating widgets. */
const REVIEW_WORD = /^(?:review|reviews|ratings|testimonials|recently|viewed)$/

const HEADING = /^h[1-6]$/i

/** An aside holding the page's headline, or more than this share of its text, is the page itself, misnamed. */
const MAX_ASIDE_SHARE = 0.8

type Removable = DomElement & { remove(): void }

function isReviewWidget(element: DomElement): boolean {
  if (!element.hasAttributes()) return false
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase()
  return names.split(/[\s_-]+/).some((word) => REVIEW_WORD.test(word))
}

const headingKey = (text: string): string =>
  squash(text)
    .toLowerCase()
    .replace(/\(?\s*\d[\d,.]*\s*\)?/g, ' ')
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
    .replace(/\s+/g, ' ')

function headingLevel(element: DomElement): number {
  return Number(element.localName.slice(1)) || 6
}

function holdsHeadingAsHigh(element: DomElement, level: number, except: DomElement): boolean {
  for (let depth = 1; depth <= level; depth++)
    for (const heading of Array.from(element.getElementsByTagName(`H${depth}`)))
      if (heading !== except) return true
  return false
}

/** Whether `element` is the first thing in `parent` that holds text. */
function opens(parent: DomElement, element: DomElement): boolean {
  for (const child of Array.from(parent.children)) {
    if (child === element) return true
    if (squash(child.textContent ?? '')) return false
  }
  return false
}

/**
 * The elements a heading opens: the largest block it opens that holds no other heading as high, and the
 * blocks after it up to the next one that does.
 */
function sectionOf(heading: DomElement, root: DomElement): DomElement[] {
  const level = headingLevel(heading)
  let start = heading
  for (let parent = start.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (!opens(parent, start) || holdsHeadingAsHigh(parent, level, heading)) break
    start = parent
  }
  const section = [start]
  for (let next = start.nextElementSibling; next; next = next.nextElementSibling) {
    if (HEADING.test(next.localName) ? headingLevel(next) <= level : holdsHeadingAsHigh(next, level, heading))
      break
    section.push(next)
  }
  return section
}

/** Cleans a product page in place (its body, before its main region is looked for). */
export function cleanProduct(root: DomElement): void {
  const limit = squash(root.textContent ?? '').length * MAX_ASIDE_SHARE
  const doomed = new Set<DomElement>()
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT)
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if (isReviewWidget(element)) doomed.add(element)
    else if (
      HEADING.test(element.localName) &&
      PRODUCT_ASIDE_HEADING.test(headingKey(element.textContent ?? ''))
    )
      for (const part of sectionOf(element, root)) doomed.add(part)
  }
  for (const element of doomed)
    if (element.getElementsByTagName('H1').length === 0 && squash(element.textContent ?? '').length <= limit)
      (element as Removable).remove()
}
