/** The HTML path: parse (linkedom), metadata, main content (Readability), sanitised copy and text. */
import { escapeHtmlNumeric, hostOf } from '../../../common/text'
import type { ExtractedArticle } from '../../../common/types'
import { countWords, detectLanguage, makeExcerpt, squash } from './article'
import { normaliseIsoDate } from './dates'
import { type DomDocument, type DomElement, parseDocument } from './dom'
import type { LocalImageSource } from './local-images'
import { firstValue, readMetadata, splitNames } from './metadata'
import { indexPage } from './page-index'
import { runReadability } from './readability'
import { MAX_INLINE_IMAGE_CHARS, sanitizeElement } from './sanitize'
import { nameFromCopyright } from './text-page'
import {
  bylineAuthors,
  dateOfLine,
  endsLikeSentence,
  isChrome,
  isCommentsHeading,
  isDomainLike,
  isEmbedPlaceholder,
  isPaywallBadge,
  isPaywallCut,
  isRelativeStampLine,
  isRightsNotice,
  isSignUpConsent,
  isSourceCredit,
  isStaffCredits,
  isTimestampLine,
  isTipLineCall,
  rightsStrength,
} from './text-rules'

export type HtmlPageFields = Omit<ExtractedArticle, 'format'>

/** Markup beyond this is not parsed (after scripts and styles are dropped); keeps huge saves bounded. */
export const MAX_HTML_CHARS = 12_000_000
/** Below this many characters the declared language is trusted over a guess from the text. */
const SHORT_TEXT_CHARS = 400

/**
 * Drops <script> (except JSON-LD), <style>, <svg> and <template> before parsing: they are never
 * shown, and on big saved pages they are most of the bytes. One linear scan.
 */
export function stripHeavyElements(html: string): string {
  const opening = /<(script|style|svg|template)\b/gi
  const closings: Record<string, RegExp> = {}
  const parts: string[] = []
  let kept = 0
  let match: RegExpExecArray | null
  while ((match = opening.exec(html))) {
    const tagEnd = html.indexOf('>', match.index)
    if (tagEnd < 0) break
    const name = (match[1] ?? '').toLowerCase()
    if (name === 'script' && /ld\+json/i.test(html.slice(match.index, Math.min(tagEnd, match.index + 500))))
      continue
    // A case-insensitive search instead of a lower-cased copy of the whole page.
    const closing = (closings[name] ??= new RegExp(`</${name}`, 'gi'))
    closing.lastIndex = tagEnd
    const close = closing.exec(html)?.index ?? -1
    parts.push(html.slice(kept, match.index))
    const closeEnd = close < 0 ? -1 : html.indexOf('>', close)
    kept = closeEnd < 0 ? html.length : closeEnd + 1
    opening.lastIndex = kept
  }
  parts.push(html.slice(kept))
  return parts.join('')
}

/** A rights line may sit in a menu ("© 2026 Site" beside the links); such a menu stays for the rights reader. */
const RIGHTS_MARK = /©|&copy;|&#169;|copyright|все права/i

/**
 * Drops <nav> elements before parsing: site menus are about a fifth of a typical page's markup, and the
 * article finder removes them after parsing anyway (nothing the metadata reader uses sits in a menu).
 * Menus inside a page footer stay, since the footer is where the rights line is looked for. Nested
 * menus are matched; a menu whose end is missing is left for the parser.
 */
export function stripNavigation(html: string): string {
  const tag = /<(\/?)(nav|footer)(?=[\s/>])[^>]*>/gi
  const parts: string[] = []
  let kept = 0
  let navDepth = 0
  let footerDepth = 0
  let start = 0
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const closing = match[1] === '/'
    if ((match[2] ?? '').toLowerCase() === 'footer') {
      if (navDepth === 0) footerDepth = closing ? Math.max(0, footerDepth - 1) : footerDepth + 1
    } else if (!closing) {
      if (navDepth++ === 0) start = match.index
    } else if (navDepth > 0 && --navDepth === 0) {
      const end = match.index + match[0].length
      if (footerDepth > 0 || RIGHTS_MARK.test(html.slice(start, end))) continue
      parts.push(html.slice(kept, start))
      kept = end
    }
  }
  parts.push(html.slice(kept))
  return parts.join('')
}

/**
 * Empties base64 data URIs longer than `maxChars` (SingleFile embeds every image and font that way).
 * One linear scan; the reading copy could not keep them anyway.
 */
export function dropLargeDataUris(html: string, maxChars: number): string {
  const start = /data:[\w.+/-]{1,100}(?:;[\w=.+-]{1,100})*;base64,/gi
  const payload = /[A-Za-z0-9+/=\s]*/y
  const parts: string[] = []
  let kept = 0
  for (let match = start.exec(html); match; match = start.exec(html)) {
    payload.lastIndex = match.index + match[0].length
    payload.exec(html)
    const end = payload.lastIndex
    if (end - match.index > maxChars) {
      parts.push(html.slice(kept, match.index))
      kept = end
    }
    start.lastIndex = end
  }
  parts.push(html.slice(kept))
  return parts.join('')
}

/** Nesting beyond this (by a tag count) is hostile or broken markup; parsing it costs minutes. */
const MAX_TAG_DEPTH = 1000
/** Elements that never hold others: void, or closed by the next of their kind. */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option'.split(
    ' ',
  ),
)

/**
 * How deep elements nest, read from the tags as the parser reads them: an end tag closes the elements
 * opened inside its element and left open; a stray end tag closes nothing. A linear scan that stops
 * once the depth passes `stopAbove`.
 */
export function maxTagDepth(html: string, stopAbove: number): number {
  const open: string[] = []
  const openCount = new Map<string, number>()
  let deepest = 0
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    const name = (match[2] ?? '').toLowerCase()
    if (NOT_NESTING.has(name) || match[3]) continue
    if (!match[1]) {
      open.push(name)
      openCount.set(name, (openCount.get(name) ?? 0) + 1)
      deepest = Math.max(deepest, open.length)
      if (deepest > stopAbove) return deepest
    } else if (openCount.get(name)) {
      for (let closed = open.pop(); closed !== undefined; closed = open.pop()) {
        openCount.set(closed, (openCount.get(closed) ?? 1) - 1)
        if (closed === name) break
      }
    }
  }
  return deepest
}

/** Keeps only paragraph-level tags, so hostile nesting cannot reach the parser. */
function flattenMarkup(html: string): string {
  return html.replace(
    /<\/?(?!(?:p|h[1-6]|li|br|title|meta|link|head|body|html|script)\b)[a-zA-Z][\w-]*[^<>]*>/gi,
    ' ',
  )
}

/**
 * linkedom builds no implied <body>: content of a page without a <body> tag (or of a pasted fragment)
 * would sit outside document.body, so one is put in.
 */
export function ensureBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html
  const headEnd = /<\/head\s*>/i.exec(html)
  const rest = (headEnd ? html.slice(headEnd.index + headEnd[0].length) : html)
    .replace(/^\s*(?:<!doctype[^>]*>\s*)?(?:<html[^>]*>)?/i, '')
    .replace(/<\/html\s*>\s*$/i, '')
  const head = headEnd ? `${html.slice(0, headEnd.index)}</head>` : '<!doctype html><html><head></head>'
  return `${head}<body>${rest}</body></html>`
}

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

const TITLE_SEPARATOR = /\s+[|–—-]\s+|\s+::\s+|\s+[»/]\s+/

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

/** "Headline | Site" -> "Headline" when the suffix (or prefix) is the site's name. */
function withoutSiteName(title: string, siteName: string | null): string {
  if (!siteName) return title
  const parts = title.split(/\s+[|–—·:-]\s+/)
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

/** "Jona Niemiec (r.) will abziehen … Foto: Getty Images": a caption that ends with its photo credit. */
const CAPTION_CREDIT = /(?:^|\s)(?:foto|fotos|photo|photos|фото|bild|image|credit)\s?:\s*[^.!?]{1,60}$/iu

function isPhotoCaption(block: string): boolean {
  return block.length <= 250 && CAPTION_CREDIT.test(block)
}

/** Characters compared when a block is matched with a caption or an image description. */
const CAPTION_KEY_CHARS = 40

function captionKey(text: string): string {
  return squash(text)
    .replace(/\s*(?:…|\.\.\.)$/u, '')
    .slice(0, CAPTION_KEY_CHARS)
    .toLowerCase()
}

/**
 * Text that repeats a figure caption, or starts with an image's description, is that picture's caption
 * printed beside it ("<img alt='Four women in court …'>" then "Four women in court in Oslo. Photo/Private").
 * Matched by the first characters, so each block costs one lookup. The page's own description is never a
 * caption: some sites give it to the lead picture, and the same words open the body.
 */
function captionMatcher(
  captions: readonly string[],
  content: DomElement | null,
  description: string | null,
): (block: string) => boolean {
  const keys = new Set<string>()
  const add = (text: string | null): void => {
    const key = text ? captionKey(text) : ''
    if (key.length === CAPTION_KEY_CHARS) keys.add(key)
  }
  captions.forEach(add)
  for (const image of Array.from(content?.getElementsByTagName('img') ?? [])) add(image.getAttribute('alt'))
  if (description) keys.delete(captionKey(description))
  return (block) =>
    keys.size > 0 &&
    block.length >= CAPTION_KEY_CHARS &&
    block.length <= MAX_CAPTION_CHARS &&
    keys.has(captionKey(block))
}

/** Longer than this, a block is running text even when it starts like a caption. */
const MAX_CAPTION_CHARS = 500

/** A short label: a kicker, a section name, a reading time ("Extremismus", "2min", "MENINGSMÅLING:"). */
function isLabel(block: string): boolean {
  return block.length <= 40 && block.split(/\s+/).length <= 4 && !/[.!?…]$/u.test(block)
}

/**
 * How many blocks open the content as its header: headline, byline and date lines, and the labels above
 * them or above the subtitle (kickers, section names, view counts, reading times). The subtitle stays.
 */
function headerBlockCount(
  blocks: readonly string[],
  isHeaderLine: (block: string) => boolean,
  subtitle: string | null,
): number {
  const subtitleKey = subtitle ? squash(subtitle).toLowerCase() : null
  let header = 0
  let labels = 0
  for (let at = 0; at < blocks.length - 1; at++) {
    const block = blocks[at] ?? ''
    if (isHeaderLine(block)) {
      header = at + 1
      labels = 0
    } else if (subtitleKey !== null && squash(block).toLowerCase() === subtitleKey) {
      return at
    } else if (!isLabel(block) || ++labels > MAX_HEADER_LABELS) {
      break
    }
  }
  return header
}

/** Link labels (tags, breadcrumbs) opening the content. */
const MAX_OPENING_LINKS = 8

/** Labels in a row in the header. */
const MAX_HEADER_LABELS = 3

/** Words that join the names of a byline ("by", "von", "di", "and", "und", "и" …). */
const BYLINE_JOINERS =
  /(?<![\p{L}\p{N}])(?:by|von|di|de|da|par|por|av|af|door|от|and|und|et|y|e|og|och|en|ja|и|і)(?![\p{L}\p{N}])|[,;&·|/]/giu

/** A line made of nothing but the article's authors ("di Viviana Mazza", "Birgit Baumann Anna Fink"). */
function authorsLineMatcher(authors: readonly string[]): (block: string) => boolean {
  const names = authors.map((name) => name.toLowerCase()).filter((name) => name.length >= 2)
  return (block) => {
    if (names.length === 0 || block.length > 200) return false
    let rest = block.toLowerCase()
    for (const name of names) rest = rest.split(name).join(' ')
    return rest.length < block.length && !/[\p{L}\p{N}]/u.test(rest.replace(BYLINE_JOINERS, ' '))
  }
}

/** A sentence end, also in the scripts the shared rule does not list (Arabic, Urdu, Devanagari). */
function endsSentence(block: string): boolean {
  return endsLikeSentence(block) || /[؟۔।॥]["'”»’)]*$/u.test(block)
}

/** A run of this many headline-sized lines after the last sentence may be links, not body. */
const MIN_TRAILING_RUN = 3
const MAX_TRAILING_RUN_WORDS = 20

/**
 * How many blocks remain once the run after the last sentence is dropped, when that run is three or more
 * headline-sized lines and at least half of them are link texts or one is an article pager's "next" or
 * "previous" (related stories, app and subscription prompts). A list that ends an article stays.
 */
function withoutTrailingLinks(blocks: readonly string[], isLinkText: (block: string) => boolean): number {
  // A word or two ending in a stop ("Sarcasm…") is a fragment, not the article's last sentence.
  const isSentence = (block: string): boolean =>
    endsSentence(block) && (block.length > 40 || block.split(/\s+/).length > 3)
  let last = blocks.length - 1
  while (last >= 0 && !isSentence(blocks[last] ?? '')) last--
  const run = blocks.length - 1 - last
  // A run after a colon is what the last sentence announces ("The results:").
  if (last < 0 || run < MIN_TRAILING_RUN || /:\s*$/.test(blocks[last] ?? '')) return blocks.length
  let links = 0
  let pagerAt = -1
  for (let at = last + 1; at < blocks.length; at++) {
    const block = blocks[at] ?? ''
    if (block.split(/\s+/).length > MAX_TRAILING_RUN_WORDS) return blocks.length
    if (isLinkText(block)) links++
    if (block.length <= 30 && PAGER_WORD.test(block.trim())) pagerAt = at
  }
  return links * 2 >= run || pagerAt >= 0 ? last + 1 : blocks.length
}

/** "Next" and "previous" of an article pager, in several languages. */
const PAGER_WORD =
  /^(?:next|previous|prev|next article|previous article|suivant|précédent|weiter|zurück|nächster artikel|vorheriger artikel|siguiente|anterior|successivo|precedente|próximo|volgende|vorige|neste|forrige|nästa|föregående|следующ\p{L}*|предыдущ\p{L}*|далее|назад|наступн\p{L}*|попередн\p{L}*|sonraki|önceki|التالي|السابق|下一篇|上一篇|次へ|前へ|다음|이전)$/iu

/** The texts of the links in the content block, squashed, but for bare addresses. */
function linkTexts(content: DomElement | null): Set<string> {
  const texts = new Set<string>()
  for (const link of Array.from(content?.getElementsByTagName('a') ?? [])) {
    const text = squash(link.textContent ?? '')
    // A bare address is a reference the article cites, not a teaser for another story.
    if (text && !/^(?:https?:\/\/|www\.)/i.test(text) && !isDomainLike(text)) texts.add(text)
  }
  return texts
}

/** Longer than this, a line that opens with the author's name is running text. */
const MAX_AUTHOR_INTRO_WORDS = 30

/**
 * A byline that introduces its author, at the head of the article ("Jane Roe, professor of history at
 * Vilnius University, 31.03.2024 19:59"): it opens with an author's name and is not a sentence.
 */
function authorIntroMatcher(authors: readonly string[]): (block: string) => boolean {
  const names = authors.filter((name) => name.includes(' ')).map((name) => name.toLowerCase())
  return (block) =>
    names.length > 0 &&
    !endsSentence(block) &&
    block.split(/\s+/).length <= MAX_AUTHOR_INTRO_WORDS &&
    names.some((name) => block.toLowerCase().startsWith(`${name},`))
}

/**
 * Where each block of `kept` stands in `all`: `kept` keeps some of `all` in order (the text steps only
 * ever drop blocks).
 */
function keptIndexes(all: readonly string[], kept: readonly string[]): number[] {
  const indexes: number[] = []
  for (const [index, block] of all.entries()) if (kept[indexes.length] === block) indexes.push(index)
  return indexes
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
  },
): HtmlPageFields {
  const warnings: string[] = []
  let html = ensureBody(
    dropLargeDataUris(stripNavigation(stripHeavyElements(rawHtml)), MAX_INLINE_IMAGE_CHARS),
  )
  if (html.length > MAX_HTML_CHARS) {
    html = dropLargeDataUris(html, 0)
    warnings.push('embedded images were left out to keep the page within the size limit')
  }
  if (html.length > MAX_HTML_CHARS) {
    html = html.slice(0, MAX_HTML_CHARS)
    warnings.push(`the page was too large; only its first ${MAX_HTML_CHARS} characters were read`)
  }
  let depth = maxTagDepth(html, MAX_TAG_DEPTH)
  if (depth > MAX_TAG_DEPTH) {
    html = flattenMarkup(html)
    depth = maxTagDepth(html, MAX_TAG_DEPTH)
    warnings.push('the page was nested too deeply; only its paragraphs were kept')
  }
  const document = parseDocument(html)
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

  const tooDeep = depth > MAX_READABILITY_DEPTH
  if (tooDeep) warnings.push('the page is nested too deeply for article detection')
  // Removing the furniture spares Readability most of its scoring work on big pages.
  else for (const element of index.furniture) (element as unknown as { remove(): void }).remove()
  const readable = tooDeep ? null : runReadability(document, { maxElements: MAX_READABILITY_ELEMENTS })
  let content = readable?.content ?? null
  const tooLittle = !readable || readable.textLength < (options.preferWholeBody ? wholeBodyText * 0.5 : 1)
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
  const cleanTitle = withoutSiteName(title, siteName)
  // The headline, byline and date lines that open the content block are metadata, not body text, and so
  // are the labels above them. Figure captions stay in the reading copy but are not running text (unless
  // they are all there is).
  const blocks = sanitised.blocks.length > 0 ? [...sanitised.blocks] : [...sanitised.captions]
  const subtitle = metadata.subtitle && metadata.subtitle !== cleanTitle ? metadata.subtitle : null
  const titleKeys = new Set([cleanTitle, firstHeading].map((text) => squash(text ?? '').toLowerCase()))
  const isAuthorsLine = authorsLineMatcher(metadata.authors)
  const isAuthorIntro = authorIntroMatcher(metadata.authors)
  const isHeaderLine = (block: string): boolean =>
    titleKeys.has(squash(block).toLowerCase()) ||
    bylineAuthors(block) !== null ||
    dateOfLine(block) !== null ||
    isTimestampLine(block) ||
    isRelativeStampLine(block) ||
    isAuthorIntro(block)
  blocks.splice(0, headerBlockCount(blocks, isHeaderLine, subtitle))
  // Tags or breadcrumbs opening the block: short labels that are all links ("Politique", "CGT").
  const links = linkTexts(content)
  let openingLinks = 0
  while (
    openingLinks < MAX_OPENING_LINKS &&
    openingLinks < blocks.length - 1 &&
    isLabel(blocks[openingLinks] ?? '') &&
    links.has(squash(blocks[openingLinks] ?? ''))
  )
    openingLinks++
  blocks.splice(0, openingLinks)
  // A paywall notice ends what the saved page shows of the article; what follows is the paywall's own
  // text. Reader comments end it too, when their heading comes in the second half.
  const paywall = blocks.findIndex(isPaywallCut)
  if (paywall > 0) blocks.length = paywall
  const comments = blocks.findIndex((block, at) => at > blocks.length / 2 && isCommentsHeading(block))
  if (comments > 0) blocks.length = comments
  blocks.length = withoutTrailingLinks(blocks, (block) => links.has(squash(block)))
  // Furniture inside the block (share prompts, date and rights lines, paywall badges, embeds waiting for
  // consent, source credits, sign-up boxes, captions) and short tails after the last sentence
  // ("Startseite", "Seitennavigation") are not body text either.
  const matchesCaption = captionMatcher(sanitised.captions, content, metadata.description)
  // On a photo gallery the captions are the text: they stay when they are over a third of it.
  let captionChars = 0
  let allChars = 0
  for (const block of blocks) {
    allChars += block.length
    if (matchesCaption(block)) captionChars += block.length
  }
  const isCaption = (block: string): boolean => captionChars * 3 <= allChars && matchesCaption(block)
  const isFurniture = (block: string): boolean =>
    isChrome(block) ||
    dateOfLine(block) !== null ||
    isTimestampLine(block) ||
    isRightsNotice(block) ||
    isPhotoCaption(block) ||
    isPaywallBadge(block) ||
    isPaywallCut(block) ||
    isEmbedPlaceholder(block) ||
    isSourceCredit(block) ||
    isSignUpConsent(block) ||
    isStaffCredits(block) ||
    isTipLineCall(block) ||
    isRelativeStampLine(block) ||
    isCaption(block) ||
    isAuthorsLine(block)
  // The label of an embed box goes with it ("Empfohlener redaktioneller Inhalt" over the placeholder).
  const isEmbedLabel = (at: number): boolean =>
    isLabel(blocks[at] ?? '') && isEmbedPlaceholder(blocks[at + 1] ?? '')
  const kept = blocks.filter((block, at) => !isFurniture(block) && !isEmbedLabel(at))
  if (kept.length > 0) blocks.splice(0, blocks.length, ...kept)
  const isTail = (block: string): boolean =>
    block.length <= 40 && !endsLikeSentence(block) && block.split(/\s+/).length <= 3
  while (blocks.length > 1 && isTail(blocks[blocks.length - 1] ?? '')) blocks.pop()
  // What was dropped from the text goes from the reading copy too, but for captions: they stay with
  // their pictures. A first paragraph that repeats the subtitle stays in the text (it is the article's
  // opening) but not in the reading copy, whose header shows the subtitle already.
  let readingCopy = sanitised.html
  if (sanitised.blocks.length > 0) {
    const kept = keptIndexes(sanitised.blocks, blocks)
    const stays = new Set(kept)
    const left = new Set(
      sanitised.blocks.flatMap((block, index) =>
        !stays.has(index) && !isCaption(block) && !isPhotoCaption(block) ? [index] : [],
      ),
    )
    const opening = blocks[0]
    if (subtitle && opening && squash(opening).toLowerCase() === squash(subtitle).toLowerCase())
      left.add(kept[0] ?? -1)
    readingCopy = sanitised.htmlWithout(left)
  }
  // A lead printed outside the main content block belongs to the body (it is not the subtitle, nor a
  // byline or the caption of a picture whose class happens to say "lead").
  const lead = metadata.lead
  const addLead =
    lead !== null &&
    lead !== subtitle &&
    !isFurniture(lead) &&
    !isHeaderLine(lead) &&
    !blocks.join(' ').includes(lead.slice(0, 80))
  if (addLead) blocks.unshift(lead)
  const contentText = blocks.join('\n\n')

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
  const authors = metadata.authors.length > 0 ? metadata.authors : byline.filter(notTheSite)

  return {
    title: cleanTitle,
    subtitle,
    authors,
    siteName,
    section: metadata.section,
    publishedAt:
      metadata.publishedAt ?? (readable?.publishedTime ? normaliseIsoDate(readable.publishedTime) : null),
    language,
    url:
      absoluteHttpUrl(options.url, null) ??
      absoluteHttpUrl(metadata.url, baseUrl) ??
      absoluteHttpUrl(options.savedUrl, null),
    excerpt: makeExcerpt(metadata.description ?? contentText),
    rights: metadata.rights ?? rightsInFooter,
    wordCount: countWords(contentText),
    contentText,
    contentHtml: addLead ? `<p>${escapeHtmlNumeric(lead)}</p>\n${readingCopy}` : readingCopy,
    warnings,
  }
}
