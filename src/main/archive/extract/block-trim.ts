/**
 * The HTML reader's second pass, over the blocks of the content block it found: the header lines above the
 * article (headline, byline, date, labels), tags opening it, paywall and comment sections and related links
 * ending it, and the furniture inside it (share prompts, credits, sign-up boxes, captions printed beside
 * their pictures) are left out of the text and, but for captions, of the reading copy too.
 */
import { escapeHtmlNumeric } from '../../../common/text'
import type { PageKind } from '../../../common/types'
import { squash } from './article'
import {
  isCommentsHeading,
  isEmbedPlaceholder,
  isPaywallBadge,
  isPaywallCut,
  isRelativeStampLine,
  isSignUpConsent,
  isSourceCredit,
  isStaffCredits,
  isTipLineCall,
} from './block-rules'
import type { DomElement } from './dom'
import { PAGER_WORD } from './lexicon/chrome'
import { BYLINE_PREPOSITIONS, NAME_JOINERS } from './lexicon/names'
import type { SanitizedContent } from './sanitize'
import {
  endsLikeSentence,
  endsLikeSentenceInMoreScripts,
  isCaptionWithCredit,
  isDomainLike,
  looksLikeUrl,
} from './signals'
import { bylineAuthors, dateOfLine, isChrome, isRightsNotice, isTimestampLine } from './text-rules'

/** What the trimming needs to know of the page besides its content block. */
export interface TrimContext {
  /** The article's title and the page's first <h1>: either may open the block. */
  title: string
  firstHeading: string | null
  /** Shown in the header: an opening paragraph repeating it leaves the reading copy (not the text). */
  subtitle: string | null
  authors: readonly string[]
  /** The page's description, never taken for a picture's caption. */
  description: string | null
  /** A standfirst printed outside the content block: it opens the body unless it is furniture. */
  lead: string | null
  /** What kind of page the block comes from: a thread keeps its dates and replies, a listing its links. */
  pageKind: PageKind
}

/** The article's paragraphs (the text) and its reading copy (HTML). */
export interface ArticleBody {
  paragraphs: string[]
  html: string
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

/** Longer than this many words, a line that is all link is a linked sentence, not a teaser. */
const MAX_TEASER_WORDS = 20

/** A headline-sized line that is not a sentence: all link, it is a teaser for another story. */
function isTeaser(block: string): boolean {
  return !endsLikeSentenceInMoreScripts(block) && block.split(/\s+/).length <= MAX_TEASER_WORDS
}

/** Link labels (tags, breadcrumbs) and teasers for other stories opening the content. */
const MAX_OPENING_LINKS = 8

/** Labels in a row in the header. */
const MAX_HEADER_LABELS = 3

/** Words that join the names of a byline ("by", "von", "di", "and", "und", "и" …). */
const BYLINE_JOINERS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${BYLINE_PREPOSITIONS}|${NAME_JOINERS})(?![\\p{L}\\p{N}])|[,;&·|/]`,
  'giu',
)

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
    endsLikeSentenceInMoreScripts(block) && (block.length > 40 || block.split(/\s+/).length > 3)
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

/** The texts of the links in the content block, squashed, but for bare addresses. */
function linkTexts(content: DomElement | null): Set<string> {
  const texts = new Set<string>()
  for (const link of Array.from(content?.getElementsByTagName('a') ?? [])) {
    const text = squash(link.textContent ?? '')
    // A bare address is a reference the article cites, not a teaser for another story.
    if (text && !looksLikeUrl(text) && !isDomainLike(text)) texts.add(text)
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
    !endsLikeSentenceInMoreScripts(block) &&
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

/**
 * The article's paragraphs out of the sanitised content block, and its reading copy without what the text
 * leaves out (captions stay with their pictures); a lead printed outside the block opens both.
 */
export function trimContent(
  sanitised: SanitizedContent,
  content: DomElement | null,
  context: TrimContext,
): ArticleBody {
  const { title, firstHeading, subtitle, authors, description, lead, pageKind } = context
  const isThread = pageKind === 'forum'
  const isListing = pageKind === 'listing'
  // The headline, byline and date lines that open the content block are metadata, not body text, and so
  // are the labels above them. Figure captions stay in the reading copy but are not running text (unless
  // they are all there is).
  const blocks = sanitised.blocks.length > 0 ? [...sanitised.blocks] : [...sanitised.captions]
  const titleKeys = new Set([title, firstHeading].map((text) => squash(text ?? '').toLowerCase()))
  const isAuthorsLine = authorsLineMatcher(authors)
  const isAuthorIntro = authorIntroMatcher(authors)
  const isHeaderLine = (block: string): boolean =>
    titleKeys.has(squash(block).toLowerCase()) ||
    (!isThread &&
      (bylineAuthors(block) !== null ||
        dateOfLine(block) !== null ||
        isTimestampLine(block) ||
        isRelativeStampLine(block) ||
        isAuthorIntro(block)))
  blocks.splice(0, headerBlockCount(blocks, isHeaderLine, subtitle))
  // Tags or breadcrumbs opening the block: short labels that are all links ("Politique", "CGT").
  const links = linkTexts(content)
  let openingLinks = 0
  // A thread opens with its first author's name, a listing with its first item: both are links that stay.
  while (
    !isListing &&
    !isThread &&
    openingLinks < MAX_OPENING_LINKS &&
    openingLinks < blocks.length - 1 &&
    (isLabel(blocks[openingLinks] ?? '') || isTeaser(blocks[openingLinks] ?? '')) &&
    links.has(squash(blocks[openingLinks] ?? ''))
  )
    openingLinks++
  blocks.splice(0, openingLinks)
  // A paywall notice ends what the saved page shows of the article; what follows is the paywall's own
  // text. Reader comments end it too, when their heading comes in the second half.
  const paywall = blocks.findIndex(isPaywallCut)
  if (paywall > 0) blocks.length = paywall
  const comments = isThread
    ? -1
    : blocks.findIndex((block, at) => at > blocks.length / 2 && isCommentsHeading(block))
  if (comments > 0) blocks.length = comments
  if (!isListing) blocks.length = withoutTrailingLinks(blocks, (block) => links.has(squash(block)))
  // Furniture inside the block (share prompts, date and rights lines, paywall badges, embeds waiting for
  // consent, source credits, sign-up boxes, captions) and short tails after the last sentence
  // ("Startseite", "Seitennavigation") are not body text either.
  const matchesCaption = captionMatcher(sanitised.captions, content, description)
  // On a photo gallery the captions are the text: they stay when they are over a third of it.
  let captionChars = 0
  let allChars = 0
  for (const block of blocks) {
    allChars += block.length
    if (matchesCaption(block)) captionChars += block.length
  }
  const isCaption = (block: string): boolean => captionChars * 3 <= allChars && matchesCaption(block)
  // A thread's posts are signed and dated: those lines stay.
  const isFurniture = (block: string): boolean =>
    isChrome(block) ||
    (!isThread && (dateOfLine(block) !== null || isTimestampLine(block))) ||
    isRightsNotice(block) ||
    isCaptionWithCredit(block) ||
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
        !stays.has(index) && !isCaption(block) && !isCaptionWithCredit(block) ? [index] : [],
      ),
    )
    const opening = blocks[0]
    if (subtitle && opening && squash(opening).toLowerCase() === squash(subtitle).toLowerCase())
      left.add(kept[0] ?? -1)
    readingCopy = sanitised.htmlWithout(left)
  }
  // A lead printed outside the main content block belongs to the body (it is not the subtitle, nor a
  // byline or the caption of a picture whose class happens to say "lead").
  const addLead =
    lead !== null &&
    lead !== subtitle &&
    !isFurniture(lead) &&
    !isHeaderLine(lead) &&
    !blocks.join(' ').includes(lead.slice(0, 80))
  if (addLead) blocks.unshift(lead)
  return {
    paragraphs: blocks,
    html: addLead ? `<p>${escapeHtmlNumeric(lead)}</p>\n${readingCopy}` : readingCopy,
  }
}
