/**
 * The main region of a page that is not one article: a thread's posts, a documentation page's sections, a
 * listing's items. Page furniture (menus, sidebars, banners, forms, share and sign-up boxes, hidden parts)
 * is removed, then the region is the deepest element that still holds nearly all of the page's text.
 */
import { type DomElement, type DomNode, TEXT_NODE, isElement } from './dom'

/** Elements that are never part of the main region. */
const FURNITURE_TAGS = new Set([
  'nav',
  'aside',
  'footer',
  'dialog',
  'menu',
  'button',
  'select',
  'input',
  'textarea',
  'label',
  'iframe',
  'noscript',
  'script',
  'style',
  'template',
  'svg',
])
const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'tooltip',
])

/** Words of class names and ids that mark furniture ("sidebar", "share-buttons", "breadcrumbs"). */
const FURNITURE_WORDS = new Set([
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'share',
  'sharing',
  'social',
  'newsletter',
  'subscribe',
  'advert',
  'advertisement',
  'ads',
  'promo',
  'skip',
  'signup',
  'login',
  'navbar',
  'navigation',
  'menu',
  'footer',
  'masthead',
  'toolbar',
])

/**
 * Words of class names and ids of what is never a page's content, whatever its size: what covers the page
 * (cookie banners, pop-ups) and what points away from it (related items, recommendations).
 */
/** What asks for consent to cookies: never a page's content, however much it says. */
const CONSENT_WORDS = new Set(['cookie', 'cookies', 'consent', 'gdpr', 'onetrust'])

const NEVER_CONTENT_WORDS = new Set([
  ...CONSENT_WORDS,
  'popup',
  'modal',
  'related',
  'recommended',
  'recommendations',
  'upsell',
  'crosssell',
])

export interface RegionStats {
  /** Characters of text, and those inside links. */
  text: number
  linkText: number
  /** Characters of running prose: paragraphs of PROSE_PARAGRAPH_CHARS or more outside links. */
  prose: number
}

/** A paragraph with this much text outside links is running prose. */
const PROSE_PARAGRAPH_CHARS = 80

const WORD_SPLIT = /[\s_-]+/

function classWords(element: DomElement): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
  return names.toLowerCase().split(WORD_SPLIT)
}

function isHidden(element: DomElement): boolean {
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true
  const style = element.getAttribute('style')
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
}

/**
 * Headings and articles: a form holding several wraps items (a grid of products to compare, posts to
 * moderate); a sign-up form has one heading at most.
 */
const ITEM_TAGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'ARTICLE']

function holdsItems(element: DomElement): boolean {
  let items = 0
  for (const tag of ITEM_TAGS) items += element.getElementsByTagName(tag).length
  return items >= 2
}

/**
 * How an element is page furniture: a consent box, by what it is (tag, role, hidden), by its class words, or not
 * at all.
 */
function furnitureKind(element: DomElement): 'consent' | 'element' | 'class' | null {
  const name = element.localName.toLowerCase()
  if (FURNITURE_TAGS.has(name)) return 'element'
  // A form of items is weighed like a class name: by how much of the text it holds.
  if (name === 'form') return holdsItems(element) ? 'class' : 'element'
  if (!element.hasAttributes()) return null
  const role = element.getAttribute('role')
  if ((role !== null && FURNITURE_ROLES.has(role)) || isHidden(element)) return 'element'
  const words = classWords(element)
  if (words.some((word) => CONSENT_WORDS.has(word))) return 'consent'
  if (words.some((word) => NEVER_CONTENT_WORDS.has(word))) return 'element'
  return words.some((word) => FURNITURE_WORDS.has(word)) ? 'class' : null
}

/** Text lengths of `root` and every element under it. */
function measure(root: DomElement, stats: Map<DomElement, RegionStats>, inLink: boolean): RegionStats {
  const own: RegionStats = { text: 0, linkText: 0, prose: 0 }
  const name = root.localName.toLowerCase()
  const link = inLink || name === 'a'
  for (let child: DomNode | null = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const length = (child.textContent ?? '').trim().length
      own.text += length
      if (link) own.linkText += length
    } else if (isElement(child)) {
      const childStats = measure(child, stats, link)
      own.text += childStats.text
      own.linkText += childStats.linkText
      own.prose += childStats.prose
    }
  }
  if (name === 'p' && own.text - own.linkText >= PROSE_PARAGRAPH_CHARS) own.prose = own.text - own.linkText
  stats.set(root, own)
  return own
}

/**
 * A consent box always goes, however much it says. Furniture by what it is goes unless it holds over half of
 * the page's text (a page wrapped in one <form>). Class words are weaker evidence ("wsite-not-footer" wraps a page's content): such an element goes when it
 * holds little of the text, or when it is mostly links and under half of it.
 */
const MAX_FURNITURE_SHARE = 0.5
const MAX_CLASS_FURNITURE_SHARE = 0.1
const MIN_CLASS_FURNITURE_LINK_DENSITY = 0.5

function isRemovable(element: DomElement, stats: RegionStats | undefined, total: number): boolean {
  const kind = furnitureKind(element)
  if (kind === null) return false
  if (kind === 'consent') return true
  const text = stats?.text ?? 0
  if (text > total * MAX_FURNITURE_SHARE) return false
  return (
    kind === 'element' ||
    text <= total * MAX_CLASS_FURNITURE_SHARE ||
    (stats?.linkText ?? 0) >= text * MIN_CLASS_FURNITURE_LINK_DENSITY
  )
}

function prune(root: DomElement, stats: Map<DomElement, RegionStats>, total: number): void {
  for (const child of Array.from(root.children)) {
    if (isRemovable(child, stats.get(child), total)) (child as unknown as { remove(): void }).remove()
    else prune(child, stats, total)
  }
}

/** Share of the page's text the region must hold. */
const REGION_SHARE = 0.85
/** A region this much prose, and prose this share of its text, may narrow to the column holding the prose... */
const MIN_PROSE_COLUMN_CHARS = 500
const MIN_PROSE_COLUMN_SHARE = 0.3
/** ...when one holds this share of the prose... */
const PROSE_COLUMN_SHARE = 0.9
/** ...and this share of the region's text. */
const MIN_COLUMN_TEXT_SHARE = 0.6

/** The main region, and the text lengths of every element of the page left once furniture is gone. */
export interface PageRegion {
  region: DomElement
  stats: ReadonlyMap<DomElement, RegionStats>
}

/**
 * The page's main region, furniture removed: the deepest element holding REGION_SHARE of the text left, or,
 * when most of that is running prose gathered in one column beside link lists and short blurbs (a blog's
 * sidebar that no class name gives away), that column.
 */
export function findRegion(body: DomElement): PageRegion {
  const before = new Map<DomElement, RegionStats>()
  prune(body, before, measure(body, before, false).text)
  const stats = new Map<DomElement, RegionStats>()
  const { text: total } = measure(body, stats, false)
  const textOf = (element: DomElement): number => stats.get(element)?.text ?? 0
  const proseOf = (element: DomElement): number => stats.get(element)?.prose ?? 0
  const region = descend(body, (child) => textOf(child) >= total * REGION_SHARE)
  const prose = proseOf(region)
  if (prose >= MIN_PROSE_COLUMN_CHARS && prose >= textOf(region) * MIN_PROSE_COLUMN_SHARE) {
    const column = descend(region, (child) => proseOf(child) >= prose * PROSE_COLUMN_SHARE)
    if (textOf(column) >= textOf(region) * MIN_COLUMN_TEXT_SHARE) return { region: column, stats }
  }
  return { region, stats }
}

/** From `root` down, the child that `keeps`, as long as there is one. */
function descend(root: DomElement, keeps: (element: DomElement) => boolean): DomElement {
  let element = root
  for (;;) {
    const next = Array.from(element.children).find(keeps)
    if (!next) return element
    element = next
  }
}

/**
 * A page whose text is nearly all inside <noscript> (a forum's or a shop's version for readers without
 * scripts, the scripted page left empty) is read as a reader without scripts sees it: the <noscript>
 * elements are unwrapped. Returns whether they were.
 */
export function revealNoscriptPage(body: DomElement): boolean {
  const noscripts = Array.from(body.getElementsByTagName('NOSCRIPT'))
  if (noscripts.length === 0) return false
  let hidden = 0
  for (const noscript of noscripts) hidden += (noscript.textContent ?? '').trim().length
  const shown = (body.textContent ?? '').trim().length - hidden
  if (hidden <= shown) return false
  for (const noscript of noscripts) {
    const element = noscript as unknown as { replaceWith(...nodes: unknown[]): void; isConnected: boolean }
    if (element.isConnected) element.replaceWith(...Array.from(noscript.childNodes))
  }
  return true
}
