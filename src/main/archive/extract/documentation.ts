/**
 * Documentation and wiki pages without what surrounds their text: the table of contents, edit links,
 * infoboxes, navigation boxes, "previous / next" bars, feedback prompts, and the sections that follow the
 * text (see also, notes and references, external links).
 */
import { squash } from './article'
import { type DomElement, SHOW_ELEMENT, elementsByTagNames } from './dom'
import { REFERENCE_SECTION_HEADINGS } from './lexicon/reference-sections'

/** Class-name and id words of what surrounds a documentation page's text. */
const DOCUMENTATION_FURNITURE_WORD =
  /^(?:toc|toctitle|tocbox|infobox|navbox|navboxes|reflist|references|editsection|catlinks|printfooter|noprint|ambox|mbox|navheader|navfooter|pager|pagination|prevnext|feedback|breadcrumb|breadcrumbs|headerlink)$/
const DOCUMENTATION_FURNITURE_NAME =
  /(?:^|[\s_-])(?:table-of-contents|on-this-page|edit-?(?:this-)?page|edit-?link|page-?nav|doc-?nav|prev-?next|was-?this-?helpful)(?:$|[\s_-])/

const HEADING = /^h[1-6]$/

type Removable = DomElement & { remove(): void }

/** A footnote's or reference's number in the text ("[1]"), a link to the notes left out. */
const NOTE_MARK_WORD = /^(?:reference|footnote|noteref|cite|citation)$/

function isFurniture(element: DomElement): boolean {
  if (!element.hasAttributes()) return false
  if (element.localName === 'sup')
    return (element.getAttribute('class') ?? '')
      .toLowerCase()
      .split(/[\s_-]+/)
      .some((word) => NOTE_MARK_WORD.test(word))
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase()
  if (DOCUMENTATION_FURNITURE_NAME.test(names)) return true
  return names.split(/[\s_-]+/).some((word) => DOCUMENTATION_FURNITURE_WORD.test(word))
}

/** The heading's level, also for a heading wrapped alone in a block ("<div class=mw-heading><h2>"). */
function headingLevel(element: DomElement): number | null {
  const name = element.localName.toLowerCase()
  if (HEADING.test(name)) return Number(name[1])
  const only = element.children.length === 1 ? element.children[0] : undefined
  return only && HEADING.test(only.localName.toLowerCase()) ? Number(only.localName[1]) : null
}

const headingKey = (text: string): string =>
  squash(text)
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
    .replace(/\.$/, '')

/** Removes the reference sections: each such heading and what follows it up to the next heading as high. */
function dropReferenceSections(root: DomElement): void {
  const headings = elementsByTagNames(root, ['h2', 'h3'])
  for (const heading of headings) {
    if (!REFERENCE_SECTION_HEADINGS.has(headingKey(heading.textContent ?? ''))) continue
    const wrapper = heading.parentElement
    const start: DomElement =
      wrapper && wrapper !== root && headingLevel(wrapper) !== null ? wrapper : heading
    const level = headingLevel(start) ?? 6
    const doomed: DomElement[] = [start]
    for (let next = start.nextElementSibling; next; next = next.nextElementSibling) {
      const nextLevel = headingLevel(next)
      if (nextLevel !== null && nextLevel <= level) break
      doomed.push(next)
    }
    for (const element of doomed) (element as Removable).remove()
  }
}

/** Furniture holding more than this share of the region's text is a wrapper misnamed, not furniture. */
const MAX_FURNITURE_SHARE = 0.4

/** Cleans a documentation or wiki page's main region in place. */
export function cleanDocumentation(root: DomElement): void {
  const limit = squash(root.textContent ?? '').length * MAX_FURNITURE_SHARE
  const furniture: DomElement[] = []
  const walker = root.ownerDocument.createTreeWalker(root, SHOW_ELEMENT)
  for (let element = walker.nextNode(); element; element = walker.nextNode())
    if (isFurniture(element) && squash(element.textContent ?? '').length <= limit) furniture.push(element)
  for (const element of furniture) (element as Removable).remove()
  dropReferenceSections(root)
}
