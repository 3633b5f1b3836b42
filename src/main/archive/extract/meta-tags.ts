/** <meta> tags and microdata (itemprop) as indexes by name, and the values and authors read from them. */
import { decodeEntities, firstValue, squash } from './article'
import type { DomElement } from './dom'
import { splitNames } from './names'
import { isCreditForName } from './signals'

export type MicrodataIndex = Map<string, DomElement[]>

/** Elements by each itemprop name they carry, in document order (one pass instead of a query per name). */
export function microdataIndex(elements: readonly DomElement[]): MicrodataIndex {
  const index: MicrodataIndex = new Map()
  for (const element of elements) {
    for (const name of (element.getAttribute('itemprop') ?? '').split(/\s+/)) {
      if (!name) continue
      const list = index.get(name)
      if (list) list.push(element)
      else index.set(name, [element])
    }
  }
  return index
}

/** Meta values by each property, name, itemprop and http-equiv key they carry (lower case), in document order. */
export function metaIndex(metas: readonly DomElement[]): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const meta of metas) {
    const content = meta.getAttribute('content')
    if (content === null || !content.trim()) continue
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase()
      if (!key) continue
      for (const single of key.split(/\s+/)) {
        const list = index.get(single) ?? []
        list.push(squash(decodeEntities(content)))
        index.set(single, list)
      }
    }
  }
  return index
}

const IN_COMMENTS = '[class*="comment"], [id*="comment"]'

/**
 * Names of the microdata authors (itemprop=author, with a nested itemprop=name when there is one),
 * leaving out organisations, comment authors and photo credits ("Фото: <span itemprop=author>…").
 */
export function microdataAuthors(microdata: MicrodataIndex): string[] {
  const names: string[] = []
  for (const element of (microdata.get('author') ?? []).slice(0, 20)) {
    if (/organization/i.test(element.getAttribute('itemtype') ?? '') || element.closest(IN_COMMENTS)) continue
    const parent = element.parentNode as DomElement | null
    if (isCreditForName(squash(parent?.textContent ?? ''))) continue
    const nameElement = element.querySelector('[itemprop~="name"]')
    const name = nameElement
      ? firstValue(nameElement.getAttribute('content'), squash(nameElement.textContent ?? ''))
      : firstValue(element.getAttribute('content'), squash(element.textContent ?? ''))
    for (const single of splitNames(name ?? '')) if (!names.includes(single)) names.push(single)
  }
  return names
}

/** The value of the first element with this itemprop outside reader comments: content, datetime or text. */
export function itempropValue(microdata: MicrodataIndex, name: string): string | null {
  const element = (microdata.get(name) ?? []).find((candidate) => !candidate.closest(IN_COMMENTS))
  if (!element) return null
  return firstValue(
    element.getAttribute('content'),
    element.getAttribute('datetime'),
    squash(element.textContent ?? ''),
  )
}
