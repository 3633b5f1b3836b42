/**
 * Readability (Mozilla's reader-view algorithm) on linkedom, with three of its DOM helpers replaced by
 * equivalents that are cheap on linkedom. On a browser DOM these helpers are native and fast; on
 * linkedom they were about a third of an import's time:
 * - collecting elements by tag names went through a CSS selector engine (`querySelectorAll("a,b")`);
 * - the visibility test built a parsed style object for every element it looked at;
 * - the byline test read the text of every element before looking at its attributes.
 * Each replacement returns exactly what the original returns (readability.test.ts compares whole runs
 * of both on real pages); the helper names and contracts are those of @mozilla/readability 0.6.
 * Rewriting addresses is left to our sanitiser (see `_fixRelativeUris` below).
 */
import { Readability } from '@mozilla/readability'
import { squash } from './article'
import { type DomDocument, type DomElement, elementsByTagNames } from './dom'

type ReadabilityOptions = NonNullable<ConstructorParameters<typeof Readability<DomElement>>[1]>
type ReadabilityParse = ReturnType<Readability<DomElement>['parse']>

/** The helpers of Readability's prototype that are replaced below. */
interface ReadabilityHelpers {
  _getAllNodesWithTag(node: DomElement | DomDocument, tagNames: string[]): ArrayLike<DomElement>
  _isProbablyVisible(node: DomElement): boolean
  _isValidByline(node: DomElement, matchString: string): boolean
  _fixRelativeUris(articleContent: DomElement): void
  REGEXPS: { byline: RegExp }
}

const ReadabilityWithHelpers = Readability as unknown as new (
  document: DomDocument,
  options: ReadabilityOptions,
) => ReadabilityHelpers & { parse(): ReadabilityParse }

interface TreeElement extends DomElement {
  hasAttribute(name: string): boolean
  readonly className: string
}

/** A style attribute's declarations, read as linkedom reads them (the last declaration of a property wins). */
function styleValue(style: string, property: string): string | undefined {
  let value: string | undefined
  for (const rule of style.split(/\s*;\s*/)) {
    const colon = rule.indexOf(':')
    if (colon < 0 || rule.slice(0, colon).trim() !== property) continue
    const declared = rule.slice(colon + 1).trim()
    if (declared) value = declared
  }
  return value
}

class LinkedomReadability extends ReadabilityWithHelpers {
  override _getAllNodesWithTag(node: DomElement | DomDocument, tagNames: string[]): DomElement[] {
    return elementsByTagNames(node, tagNames)
  }

  override _isProbablyVisible(node: DomElement): boolean {
    const element = node as TreeElement
    const style = element.getAttribute('style')
    if (style && (styleValue(style, 'display') === 'none' || styleValue(style, 'visibility') === 'hidden'))
      return false
    return (
      !element.hasAttribute('hidden') &&
      (!element.hasAttribute('aria-hidden') ||
        element.getAttribute('aria-hidden') !== 'true' ||
        (typeof element.className === 'string' && element.className.includes('fallback-image')))
    )
  }

  override _isValidByline(node: DomElement, matchString: string): boolean {
    const itemprop = node.getAttribute('itemprop')
    const claimsAuthor =
      node.getAttribute('rel') === 'author' ||
      (itemprop !== null && itemprop.includes('author')) ||
      this.REGEXPS.byline.test(matchString)
    if (!claimsAuthor) return false
    const length = (node.textContent ?? '').trim().length
    return length > 0 && length < 100
  }

  /**
   * Left to the sanitiser, which resolves every address against the page's own and drops javascript:
   * links. A linkedom document has no base address, so here each relative address only threw and was
   * caught, and each embedded data: image was parsed as a URL.
   */
  override _fixRelativeUris(): void {}
}

export interface ReadabilityResult {
  title: string | null
  byline: string | null
  siteName: string | null
  publishedTime: string | null
  /** The article block itself (not serialised: the sanitiser walks it directly). */
  content: DomElement | null
  textLength: number
}

/** Readability's main-content pick on `document` (which it edits), or null when it finds none or fails. */
export function runReadability(
  document: DomDocument,
  options: { maxElements: number },
): ReadabilityResult | null {
  try {
    const result = new LinkedomReadability(document, {
      classesToPreserve: ['caption'],
      maxElemsToParse: options.maxElements,
      serializer: (node) => node as unknown as DomElement,
    }).parse()
    if (!result) return null
    return {
      title: result.title ?? null,
      byline: result.byline ?? null,
      siteName: result.siteName ?? null,
      publishedTime: result.publishedTime ?? null,
      content: result.content ?? null,
      textLength: squash(result.textContent ?? '').length,
    }
  } catch {
    return null
  }
}
