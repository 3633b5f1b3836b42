/**
 * The HTML path: the markup prepared (html-prepare.ts) and parsed (linkedom), metadata read, the kind of page
 * recognised (page-kind.ts), the main content found (Readability for an article, kind-content.ts for a thread,
 * documentation, a listing, a product or a service page), sanitised, and trimmed (block-trim.ts); title, site
 * and authors settled here.
 */
import { escapeHtmlNumeric, hostOf } from '../../../common/text'
import type { ExtractedArticle, PageKind } from '../../../common/types'
import { countWords, detectLanguage, firstValue, makeExcerpt, squash } from './article'
import { mergeFindings, settleBibliographic } from './bibliographic'
import { doiPrintedAtHead } from './bibliographic-html'
import { trimContent } from './block-trim'
import { normaliseIsoDate } from './dates'
import { type DomDocument, type DomElement, parseDocument } from './dom'
import { prepareHtml } from './html-prepare'
import { readKindContent, threadByline } from './kind-content'
import type { LocalImageSource } from './local-images'
import { readMetadata } from './metadata'
import { splitNames } from './names'
import { indexPage } from './page-index'
import { classifyPage } from './page-kind'
import { revealNoscriptPage } from './page-region'
import { type ReadabilityResult, runReadability } from './readability'
import { sanitizeElement } from './sanitize'
import type { Thread } from './thread'
import { SITE_NAME_SEPARATOR, TITLE_SEPARATOR, isDomainLike, nameFromCopyright } from './signals'
import { isChrome, rightsStrength } from './text-rules'

export type HtmlPageFields = Omit<ExtractedArticle, 'format'>

/** Longer than this, what follows the name of a page that is not an article is its text, not a subtitle. */
const MAX_PAGE_SUBTITLE_WORDS = 25

/** Below this many characters the declared language is trusted over a guess from the text. */
const SHORT_TEXT_CHARS = 400

/**
 * A rights or copyright line in the page footer ("© 2026 Site. All rights reserved."): the strongest of
 * the scanned candidates, the shorter one on a tie.
 */
function footerRights(candidates: readonly DomElement[]): string | null {
  let best: string | null = null
  let bestStrength = 0
  for (const element of candidates) {
    const text = squash(element.textContent ?? '')
    if (!text || text.length > 300) continue
    const strength = rightsStrength(text)
    if (strength === 0) continue
    if (
      strength > bestStrength ||
      (strength === bestStrength && best !== null && text.length < best.length)
    ) {
      bestStrength = strength
      best = text
    }
  }
  return best
}

function absoluteHttpUrl(url: string | null | undefined, base: string | null): string | null {
  if (!url) return null
  try {
    const trimmed = url.trim()
    const resolved = base ? new URL(trimmed, base) : new URL(trimmed)
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return null
    // An absolute address is kept as written; a relative one is resolved against the page.
    return /^https?:\/\//i.test(trimmed) ? trimmed : resolved.href
  } catch {
    return null
  }
}

/** The site's name as the <title> carries it: "Headline | Section | Site" -> "Site" ("Site | Home" -> "Site"). */
export function siteNameFromTitle(pageTitle: string | null, headline: string | null): string | null {
  if (!pageTitle) return null
  const parts = pageTitle.split(TITLE_SEPARATOR).map((part) => part.trim())
  if (parts.length < 2) return null
  const plausible = (part: string | undefined): part is string =>
    part !== undefined &&
    part.length > 0 &&
    part.length <= 40 &&
    part.split(' ').length <= 4 &&
    !/^(?:by|от|автор)\s/iu.test(part) &&
    (isDomainLike(part) || !isChrome(part)) &&
    (headline === null || !headline.toLowerCase().includes(part.toLowerCase()))
  const last = parts.at(-1)
  if (plausible(last)) return last
  const first = parts[0]
  return plausible(first) && isChrome(last ?? '') ? first : null
}

/** "Logging HOWTO¶" -> "Logging HOWTO": the anchor mark documentation headings carry for their links. */
function withoutHeadingAnchor(title: string): string {
  return title.replace(/\s*[¶§#🔗]+$/u, '') || title
}

/** "Headline | Site" -> "Headline" when the suffix (or prefix) is the site's name. */
function withoutSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title
  const parts = title.split(SITE_NAME_SEPARATOR)
  if (parts.length < 2) return title
  const site = siteName.toLowerCase()
  const rest =
    parts.at(-1)?.toLowerCase() === site
      ? parts.slice(0, -1).join(' - ').trim()
      : parts[0]?.toLowerCase() === site
        ? parts.slice(1).join(' - ').trim()
        : ''
  // "Moment.js | Home": what is left without the site's name must still be a title.
  return rest && !isChrome(rest) ? rest : title
}

/** Deeper than this, Readability's time grows steeply (minutes at 2,000 levels); real pages stay near 40. */
const MAX_READABILITY_DEPTH = 120
/** Readability refuses documents with more elements than this. */
const MAX_READABILITY_ELEMENTS = 100_000

function bodyRoot(document: DomDocument): DomElement | null {
  return document.querySelector('article') ?? document.querySelector('main') ?? document.body
}

export function readHtmlPage(
  rawHtml: string,
  options: {
    /** The page's address as the user gave it: wins over everything the page says. */
    url: string | null
    /** The address a saver recorded (MHTML, SingleFile): used when the page names no canonical URL. */
    savedUrl?: string | null
    fallbackTitle: string
    /** For a pasted selection: keep all of it unless Readability keeps at least half. */
    preferWholeBody?: boolean
    /** Images the saved page carries beside its HTML (MHTML parts, a "_files" folder). */
    localImages?: LocalImageSource
    /** Read the page as this kind instead of recognising its kind. */
    pageKind?: PageKind
  },
): HtmlPageFields {
  const { html, depth, warnings } = prepareHtml(rawHtml)
  const document = parseDocument(html)
  if (document.body) revealNoscriptPage(document.body)
  const index = indexPage(document)
  const metadata = readMetadata(document, index)
  const rightsInFooter = footerRights(index.rightsCandidates)
  const pageTitle = squash(index.title?.textContent ?? '') || null
  const firstHeading = squash(index.headings[0]?.textContent ?? '') || null
  const baseUrl =
    absoluteHttpUrl(options.url, null) ??
    absoluteHttpUrl(options.savedUrl, null) ??
    absoluteHttpUrl(index.base?.getAttribute('href'), null) ??
    absoluteHttpUrl(metadata.url, null)
  // Only a pasted selection compares the article with the whole body (measured before Readability edits it).
  const wholeBodyText = options.preferWholeBody ? squash(document.body?.textContent ?? '').length : 0

  const pageKind: PageKind = options.preferWholeBody
    ? 'article'
    : (options.pageKind ?? classifyPage(document, index, metadata))
  const tooDeep = depth > MAX_READABILITY_DEPTH
  if (tooDeep) warnings.push('the page is nested too deeply for article detection')
  let readable: ReadabilityResult | null = null
  let thread: Thread | null = null
  let content: DomElement | null = null
  if (!tooDeep && pageKind === 'article') {
    // Removing the furniture spares Readability most of its scoring work on big pages.
    for (const element of index.furniture) (element as unknown as { remove(): void }).remove()
    readable = runReadability(document, { maxElements: MAX_READABILITY_ELEMENTS })
    content = readable?.content ?? null
  } else if (!tooDeep && document.body) {
    const read = readKindContent(document, document.body, pageKind)
    content = read.content
    thread = read.thread
  }
  const tooLittle =
    pageKind === 'article' &&
    (!readable || readable.textLength < (options.preferWholeBody ? wholeBodyText * 0.5 : 1))
  if (!content || tooLittle) {
    // Readability found no article (or, for a pasted selection, kept too little of it): use the page itself.
    content = bodyRoot(parseDocument(html))
    if (!options.preferWholeBody) warnings.push('no main article block was found; the whole page was kept')
  }
  const sanitised = sanitizeElement(
    content,
    baseUrl,
    options.localImages ? { localImages: options.localImages } : {},
  )
  if (sanitised.imagesLeftOut > 0)
    warnings.push(
      `${sanitised.imagesLeftOut} image(s) were too large to keep offline and are shown as placeholders`,
    )

  const title =
    firstValue(metadata.headline, metadata.title, readable?.title, pageTitle, firstHeading)?.trim() ||
    options.fallbackTitle
  const siteName =
    metadata.siteName ??
    readable?.siteName ??
    siteNameFromTitle(pageTitle, metadata.headline ?? metadata.title) ??
    (rightsInFooter ? nameFromCopyright(rightsInFooter) : null) ??
    hostOf(baseUrl)
  const cleanTitle = withoutHeadingAnchor(withoutSiteName(title, siteName))
  // Under the name of a product or a service, a block marked "description" is the page's text, not a deck.
  const subtitle =
    metadata.subtitle &&
    metadata.subtitle !== cleanTitle &&
    (pageKind === 'article' || metadata.subtitle.split(' ').length <= MAX_PAGE_SUBTITLE_WORDS)
      ? metadata.subtitle
      : null
  const body = trimContent(sanitised, content, {
    title: cleanTitle,
    firstHeading,
    subtitle,
    authors: metadata.authors,
    description: metadata.description,
    lead: metadata.lead,
    pageKind,
  })
  // A page whose text is drawn by its scripts keeps none of it when saved: its description stands in.
  if (body.paragraphs.length === 0 && metadata.description) {
    body.paragraphs.push(metadata.description)
    body.html = `<p>${escapeHtmlNumeric(metadata.description)}</p>`
    warnings.push('the page holds no text of its own (its scripts draw it); its description was kept')
  }
  const contentText = body.paragraphs.join('\n\n')

  const declared = metadata.language
  const language =
    declared && contentText.length < SHORT_TEXT_CHARS
      ? declared
      : detectLanguage(contentText || cleanTitle, declared)
  const byline = readable?.byline && readable.byline.length <= 100 ? splitNames(readable.byline) : []
  // A byline naming the site itself (or an agency named like it) is not a person. Metadata authors are
  // already sifted (readMetadata): a JSON-LD Person signed with the site's name is kept as the page says.
  const notTheSite = (name: string): boolean =>
    ![siteName, hostOf(baseUrl)].some((site) => site && site.toLowerCase() === name.toLowerCase())
  const threadSigned = pageKind === 'forum' ? threadByline(thread, metadata) : null
  const authors =
    threadSigned?.authors ?? (metadata.authors.length > 0 ? metadata.authors : byline.filter(notTheSite))
  const bibliographic = settleBibliographic(
    mergeFindings(metadata.bibliographic, doiPrintedAtHead(body.paragraphs)),
  )

  return {
    title: cleanTitle,
    subtitle,
    authors,
    siteName,
    section: metadata.section,
    publishedAt:
      threadSigned?.publishedAt ??
      metadata.publishedAt ??
      (readable?.publishedTime ? normaliseIsoDate(readable.publishedTime) : null),
    language,
    url:
      absoluteHttpUrl(options.url, null) ??
      absoluteHttpUrl(metadata.url, baseUrl) ??
      absoluteHttpUrl(options.savedUrl, null),
    excerpt: makeExcerpt(metadata.description ?? contentText),
    rights: metadata.rights ?? rightsInFooter,
    wordCount: countWords(contentText),
    contentText,
    contentHtml: body.html,
    warnings,
    ...(bibliographic ? { bibliographic } : {}),
    // A pasted selection is whatever the user chose of a page, not a page of a kind.
    pageKind: options.preferWholeBody ? null : pageKind,
  }
}
