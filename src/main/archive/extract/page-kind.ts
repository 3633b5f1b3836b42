/**
 * What kind of page a parsed HTML page is (an article, a forum or Q&A thread, documentation or a wiki
 * article, a listing of items, a product, a service page), read from the page itself: the schema.org types
 * it declares, its address, and its structure (repeated posts, code blocks, prices, cards).
 */
import type { PageKind } from '../../../common/types'
import type { DomDocument, DomElement } from './dom'
import { jsonLdNodes, typesOf } from './json-ld'
import type { PageMetadata } from './metadata'
import type { PageIndex } from './page-index'

export interface PageFeatures {
  /** schema.org types of JSON-LD nodes and microdata items, lower case, with how many times each appears. */
  types: Map<string, number>
  ogType: string | null
  generator: string | null
  path: string
  /** Characters of text in the body. */
  textChars: number
  paragraphs: number
  longParagraphs: number
  longParagraphChars: number
  /** The most long-paragraph characters under one parent: an article's prose runs on, a landing page's comes in sections. */
  longestProseRun: number
  pre: number
  code: number
  headings: number
  listItems: number
  links: number
  tables: number
  times: number
  articles: number
  prices: number
  cartButtons: number
  /** The largest group of elements sharing a tag and first class name, and that name. */
  repeated: number
  repeatedName: string
  /** Elements whose class names speak of posts, comments, answers or replies, in groups of two or more. */
  postBlocks: number
  /** Elements whose class names speak of products, cards, items or results, in groups of three or more. */
  cardBlocks: number
}

const POST_WORD =
  /^(?:post|posts|message|messages|comment|comments|reply|replies|answer|answers|postbit|topic|thread)$/
const CARD_WORD = /^(?:product|products|card|cards|item|items|result|results|tile|tiles|listing|teaser|grid)$/
const CART_BUTTON =
  /add to (?:cart|bag|basket|trolley)|buy (?:it )?now|в корзину|купить|in den warenkorb|ajouter au panier|añadir al carrito/i

/** A paragraph this long (in Latin characters' worth) is prose. */
const LONG_PARAGRAPH_CHARS = 120
/** A Chinese, Japanese or Korean character says about as much as this many Latin ones. */
const CJK_CHARACTER_WEIGHT = 3

/** Hiragana, katakana and CJK ideographs, and Hangul syllables: the bulk of Chinese, Japanese and Korean text. */
function isCjkCode(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af)
  )
}

/** The text's length, a Chinese, Japanese or Korean character counting as CJK_CHARACTER_WEIGHT. */
function proseLength(text: string): number {
  let length = 0
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code > 32) length += code >= 0x3040 && isCjkCode(code) ? CJK_CHARACTER_WEIGHT : 1
  }
  return length
}

/** The path of the page's address, lower case ("" when it has none). */
function pathOf(url: string | null): string {
  try {
    return url ? new URL(url).pathname.toLowerCase() : ''
  } catch {
    return ''
  }
}

function countType(types: Map<string, number>, type: string): void {
  types.set(type, (types.get(type) ?? 0) + 1)
}

export function pageFeatures(document: DomDocument, index: PageIndex, metadata: PageMetadata): PageFeatures {
  const types = new Map<string, number>()
  for (const node of jsonLdNodes(index.jsonLdScripts))
    for (const type of typesOf(node)) countType(types, type)
  let ogType: string | null = null
  let generator: string | null = null
  for (const meta of index.metas) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase()
    if (key === 'og:type') ogType ??= (meta.getAttribute('content') ?? '').toLowerCase()
    else if (key === 'generator') generator ??= (meta.getAttribute('content') ?? '').toLowerCase()
  }
  const features: PageFeatures = {
    types,
    ogType,
    generator,
    path: pathOf(metadata.url),
    textChars: 0,
    paragraphs: 0,
    longParagraphs: 0,
    longParagraphChars: 0,
    longestProseRun: 0,
    pre: 0,
    code: 0,
    headings: 0,
    listItems: 0,
    links: 0,
    tables: 0,
    times: 0,
    articles: 0,
    prices: 0,
    cartButtons: 0,
    repeated: 0,
    repeatedName: '',
    postBlocks: 0,
    cardBlocks: 0,
  }
  const body = document.body
  if (!body) return features
  features.textChars = proseLength(body.textContent ?? '')
  const { tags, paragraphs, buttons, itemtypes, prices, classSignatures: signatures } = index.structure
  const tagCount = (name: string): number => tags.get(name) ?? 0
  features.paragraphs = paragraphs.length
  const proseRuns = new Map<DomElement | null, number>()
  for (const paragraph of paragraphs) {
    const length = proseLength(paragraph.textContent ?? '')
    if (length >= LONG_PARAGRAPH_CHARS) {
      features.longParagraphs++
      features.longParagraphChars += length
      const run = (proseRuns.get(paragraph.parentElement) ?? 0) + length
      proseRuns.set(paragraph.parentElement, run)
      features.longestProseRun = Math.max(features.longestProseRun, run)
    }
  }
  features.pre = tagCount('pre')
  features.code = tagCount('code')
  features.headings = tagCount('h2') + tagCount('h3')
  features.listItems = tagCount('li')
  features.links = tagCount('a')
  features.tables = tagCount('table')
  // <relative-time> and the like: custom elements that print a date.
  features.times =
    tagCount('time') + tagCount('relative-time') + tagCount('local-time') + tagCount('time-ago')
  features.articles = tagCount('article')
  features.prices = prices
  features.cartButtons = buttons.filter((button) => CART_BUTTON.test(button.textContent ?? '')).length
  for (const [type, count] of itemtypes) types.set(type, (types.get(type) ?? 0) + count)
  for (const [signature, count] of signatures) {
    const name = signature.slice(signature.indexOf('.') + 1).toLowerCase()
    const words = name.split(/[-_]+/)
    if (count > features.repeated) {
      features.repeated = count
      features.repeatedName = name
    }
    if (count >= 2 && words.some((word) => POST_WORD.test(word))) features.postBlocks += count
    if (count >= 3 && words.some((word) => CARD_WORD.test(word))) features.cardBlocks += count
  }
  return features
}

/** schema.org types of one article, as pages declare them. */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'blogposting',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'scholarlyarticle',
  'report',
  'liveblogposting',
])
const FORUM_SOFTWARE = /discourse|vbulletin|phpbb|xenforo|mybb|invision|nodebb|simple machines|flarum|vanilla/
const DOCUMENTATION_SOFTWARE =
  /mediawiki|sphinx|docutils|mkdocs|rustdoc|docusaurus|gitbook|bookdown|vitepress|starlight|antora|docfx|jsdoc|javadoc|doxygen/
const FORUM_PATH =
  /\/t\/|\/threads?\/|\/topics?\/|viewtopic|showthread|\/questions\/\d|\/forums?\/|\/community\/|\/discussions?\/|\/boards?\/|\/(?:issues|pull)\/\d/
const DOCUMENTATION_PATH =
  /\/docs?\/|\/documentation\/|\/wiki\/|\/manual\/|\/reference\/|\/api\/|\/guides?\/|\/tutorials?\/|\/learn\/|\/handbook\/|\/kb\/|\/help\//
const PRODUCT_PATH = /\/products?\/|\/p\/|\/items?\/|\/dp\/|\/shop\//
const LISTING_PATH =
  /\/categor(?:y|ies)\b|\/collections?\/|\/tags?\/|\/search|\/list|\/archives?\/|\/jobs|\/c\//
const STORY_PATH =
  /\/(?:19|20)\d\d\/(?:0?[1-9]|1[0-2])\/|\/\d{5,}-[a-z]|[a-z]-\d{5,}(?:\.html?)?$|\/\d{5,}\.html?$/
const SERVICE_TYPES = [
  'organization',
  'localbusiness',
  'service',
  'professionalservice',
  'faqpage',
  'corporation',
]

/** Long paragraphs (characters) from which a page reads as prose, and as plenty of it. */
const PROSE_CHARS = 2500
const MUCH_PROSE_CHARS = 6000
const SOME_PROSE_CHARS = 1500
/** Share of a page's text in long paragraphs from which it is running prose (with at least this much of it). */
const PROSE_PAGE_SHARE = 0.6
const PROSE_PAGE_MIN_CHARS = 800
/** Below this share of the page's long paragraphs in its longest run, its prose is in sections. */
const SECTIONED_PROSE_SHARE = 0.35

/**
 * Each kind scores the evidence for it; the best score wins. One article needs strong evidence (declared
 * and written as prose): the reader for the other kinds keeps an article nearly whole, while the article
 * reader keeps one block of a page made of many.
 */
export function scorePageKinds(features: PageFeatures): Map<PageKind, number> {
  const { types } = features
  const has = (...names: string[]): boolean => names.some((name) => types.has(name))
  const scores = new Map<PageKind, number>([
    ['article', 0],
    ['forum', 0],
    ['documentation', 0],
    ['listing', 0],
    ['product', 0],
    ['service', 0],
  ])
  const add = (kind: PageKind, points: number): void => {
    scores.set(kind, (scores.get(kind) ?? 0) + points)
  }
  const generator = features.generator ?? ''
  const { path } = features

  if (has('discussionforumposting', 'qapage')) add('forum', 4)
  if (!has('faqpage') && has('question') && has('answer')) add('forum', 3)
  if ((types.get('comment') ?? 0) >= 3) add('forum', 1)
  if (FORUM_SOFTWARE.test(generator)) add('forum', 4)
  if (FORUM_PATH.test(path)) add('forum', 2)
  if (features.postBlocks >= 4) add('forum', features.times >= 3 ? 3 : 1.5)

  if (features.pre >= 2) add('documentation', 1.5)
  if (features.pre >= 6 || features.code >= 30) add('documentation', 1.5)
  if (has('techarticle', 'apireference', 'softwaresourcecode')) add('documentation', 2)
  if (DOCUMENTATION_SOFTWARE.test(generator)) add('documentation', 3)
  if (DOCUMENTATION_PATH.test(path)) add('documentation', 1.5)

  if (has('product') && (types.get('product') ?? 0) <= 2) add('product', 2)
  if (has('offer') && (types.get('offer') ?? 0) <= 3) add('product', 1)
  if (features.ogType === 'product' || features.ogType === 'og:product') add('product', 2)
  if (features.prices >= 1 && features.prices <= 3) add('product', 1)
  if (features.cartButtons >= 1) add('product', 1.5)
  if (PRODUCT_PATH.test(path)) add('product', 1)

  if (has('itemlist', 'collectionpage', 'searchresultspage')) add('listing', 2)
  if (features.ogType === 'product.group') add('listing', 3)
  if ((types.get('product') ?? 0) >= 3) add('listing', 2)
  if (features.cardBlocks >= 12 && features.longParagraphs < 8) add('listing', 2)
  if (LISTING_PATH.test(path)) add('listing', 1.5)

  // Sites give every page og:type "article"; a schema.org article type is said of articles only.
  const typedArticle = [...ARTICLE_TYPES].some((type) => types.has(type))
  const declared = typedArticle || features.ogType === 'article'
  const prose = features.longParagraphChars
  if (typedArticle) add('article', 3)
  if (features.ogType === 'article') add('article', 1)
  if (prose >= PROSE_CHARS) add('article', 1.5)
  if (prose >= MUCH_PROSE_CHARS) add('article', 1)
  if (declared && prose >= SOME_PROSE_CHARS) add('article', 1.5)
  if (features.articles === 1) add('article', 0.5)
  // News sites date their addresses or number their stories: "/2026/02/07/…", "/311510-podolski-….html".
  if (STORY_PATH.test(path)) add('article', prose >= PROSE_PAGE_MIN_CHARS ? 3.5 : 2)
  // A page that is nearly all running prose reads as an article whatever it declares.
  if (prose >= PROSE_PAGE_MIN_CHARS && prose >= features.textChars * PROSE_PAGE_SHARE) add('article', 3.5)

  add('service', 1.5)
  if (has(...SERVICE_TYPES) && !declared) add('service', 1)
  if (features.ogType === 'website') add('service', 0.5)
  if (prose < PROSE_CHARS) add('service', 1.5)
  // A landing page's prose comes in sections, each a paragraph or two: no run of it holds much of the whole.
  else if (features.longestProseRun < prose * SECTIONED_PROSE_SHARE) add('service', 1)
  return scores
}

export function classifyPage(document: DomDocument, index: PageIndex, metadata: PageMetadata): PageKind {
  let best: PageKind = 'article'
  let bestScore = -1
  for (const [kind, score] of scorePageKinds(pageFeatures(document, index, metadata))) {
    if (score > bestScore) {
      best = kind
      bestScore = score
    }
  }
  return best
}
