/**
 * The article's header as the page prints it: the <h1> that is its headline (and the spelling the page
 * declares for it), the subtitle and lead after it, and a date printed near it.
 */
import { squash } from './article'
import type { DomElement } from './dom'
import { TITLE_SEPARATOR } from './signals'
import { dateOfLine } from './text-rules'

const SUBTITLE_CLASS = /subtitle|sub-title|subhead|standfirst|\bdek\b|lead|lede|intro|summary|description/i

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
}

/** Whether two titles have the same words ("Evolve: Shared History¶" and "Evolve: Shared History"). */
function sameWords(a: string, b: string): boolean {
  const left = wordsOf(a)
  const right = wordsOf(b)
  return left.size > 0 && left.size === right.size && [...left].every((word) => right.has(word))
}

/** How alike two titles are by their words (Dice coefficient, 0..1). */
function similarity(a: string, b: string): number {
  const left = wordsOf(a)
  const right = wordsOf(b)
  if (left.size + right.size === 0) return 0
  let shared = 0
  for (const word of left) if (right.has(word)) shared++
  return (2 * shared) / (left.size + right.size)
}

/**
 * The <h1> that is the article's headline (not a logo or a blurb): marked itemprop=headline, or sharing
 * words with a title the page declares in its metadata (or the <title> without its site part). When the
 * metadata declares no title: an <h1> with the words of the <title> or of its head ("Headline - Site"); on a
 * page without a <title>, an <h1> inside the article or main content.
 */
export function visibleHeadline(
  headings: readonly DomElement[],
  declaredTitles: readonly string[],
  pageTitle: string | null,
): DomElement | null {
  const candidates = headings.slice(0, 10).filter((h1) => {
    const text = squash(h1.textContent ?? '')
    return text.length >= 3 && text.length <= 300
  })
  const marked = candidates.find((h1) => /headline/i.test(h1.getAttribute('itemprop') ?? ''))
  if (marked) return marked
  const titleHead = pageTitle?.split(TITLE_SEPARATOR)[0] ?? null
  if (declaredTitles.length === 0) {
    if (pageTitle === null)
      return candidates.find((h1) => h1.closest('article, main, [role="main"]') !== null) ?? null
    // Only loosely like the <title>, an <h1> is as often the site's or a product's name ("Moment.js 2.14.1").
    return (
      candidates.find((h1) => {
        const text = squash(h1.textContent ?? '')
        return sameWords(text, pageTitle) || (titleHead !== null && sameWords(text, titleHead))
      }) ?? null
    )
  }
  const known = titleHead ? [...declaredTitles, titleHead] : declaredTitles
  let best: DomElement | null = null
  let bestSimilarity = 0.5
  for (const h1 of candidates) {
    const text = squash(h1.textContent ?? '')
    const score = Math.max(...known.map((title) => similarity(text, title)))
    if (score >= bestSimilarity) {
      bestSimilarity = score
      best = h1
    }
  }
  return best
}

const compact = (text: string): string => text.replace(/\s+/g, '').toLowerCase()

/**
 * The headline as the page declares it when that is the fuller spelling of what the <h1> shows: the same
 * words spaced properly ("Caught:Two" in markup, "Caught: Two" declared), or with the kicker the <h1>
 * prints apart ("After the vote: Minister resigns" for an <h1> "Minister resigns"). A declared title
 * equal to the <h1> keeps it; a site's name is not a kicker.
 */
export function declaredSpelling(
  headline: string,
  declaredTitles: readonly string[],
  siteNames: ReadonlySet<string>,
): string {
  const lower = headline.toLowerCase()
  if (declaredTitles.some((title) => title.toLowerCase() === lower)) return headline
  const respaced = declaredTitles.find((title) => compact(title) === compact(headline))
  if (respaced) return respaced
  const withKicker = declaredTitles.find((title) => {
    const declared = title.toLowerCase()
    const kicker = declared.endsWith(lower) ? declared.slice(0, declared.length - lower.length) : ''
    return /^[^:]{2,80}:\s+$/.test(kicker) && !siteNames.has(kicker.replace(/:\s+$/, ''))
  })
  return withKicker ?? headline
}

/** A subtitle element printed right after the headline (class subtitle/standfirst/dek/lead). */
export function subtitleAfter(headline: DomElement | null): string | null {
  let element = headline?.nextElementSibling ?? null
  for (let step = 0; element && step < 3; step++, element = element.nextElementSibling) {
    const marked =
      SUBTITLE_CLASS.test(element.getAttribute('class') ?? '') ||
      /alternativeHeadline/i.test(element.getAttribute('itemprop') ?? '')
    if (!marked || element.localName === 'figure' || element.closest('figure')) continue
    const text = squash(element.textContent ?? '')
    const words = text.split(' ').length
    if (words >= 2 && words <= 60) return text
  }
  return null
}

/** The first <time datetime> inside an article, header or main element (no descendant selectors: slow). */
export function timeInArticle(times: readonly DomElement[]): DomElement | null {
  for (const time of times) {
    if (time.getAttribute('datetime') !== null && time.closest('article, header, main')) return time
  }
  return null
}

/** A date printed in the few elements after the headline ("Apr 01, 2026", "19.10.2020 09:34"). */
export function printedDateAfter(headline: DomElement | null): string | null {
  let element = headline ? nextInDocument(headline, true) : null
  for (let step = 0; element && step < 80; step++, element = nextInDocument(element, false)) {
    if (element.children.length > 0) continue
    const date = dateOfLine(squash(element.textContent ?? ''))
    if (date) return date
  }
  return null
}

const LEAD_CLASS = /lead|intro|overview|standfirst|summary|description|excerpt|anons/i

/** A lead paragraph (class lead/intro/overview…, or itemprop=description) shortly after the headline. */
export function leadAfter(headline: DomElement | null): string | null {
  let element = headline ? nextInDocument(headline, true) : null
  for (let step = 0; element && step < 150; step++, element = nextInDocument(element, false)) {
    if (element.localName === 'meta') continue
    const marked =
      LEAD_CLASS.test(element.getAttribute('class') ?? '') ||
      /\bdescription\b/i.test(element.getAttribute('itemprop') ?? '')
    // A picture's caption is not the lead, whatever its class says ("lead-image__caption"), and a link is
    // a teaser for another story ("material_announcement_description").
    if (!marked || element.localName === 'a' || element.closest('nav, aside, footer, figure, a')) continue
    const text = squash(element.textContent ?? '')
    const words = text.split(' ').length
    if (words >= 5 && words <= 150) return text
  }
  return null
}

/** The next element in document order (skipping the subtree of `element` when asked). */
function nextInDocument(element: DomElement, skipSubtree: boolean): DomElement | null {
  if (!skipSubtree && element.children.length > 0) return element.children[0] ?? null
  for (let current: DomElement | null = element; current; current = current.parentElement) {
    if (current.nextElementSibling) return current.nextElementSibling
  }
  return null
}
