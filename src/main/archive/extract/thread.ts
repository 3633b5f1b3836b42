/**
 * A forum or Q&A thread read as its posts: the question or first post and every reply, in order, each as its
 * author, its date and its text, without the furniture around the text (avatars, member titles and counts,
 * vote counters, reply, quote and share buttons, signatures).
 *
 * The posts are the largest group of elements that share a tag and their first class names (or a schema.org
 * post type) and look like posts: named so ("post", "message", "comment", "answer"...), or carrying a date or
 * an author's link in most of them; groups of more members weigh more, so two wrappers of a page lose.
 */
import { squash } from './article'
import { findDate, normaliseIsoDate } from './dates'
import { type DomDocument, type DomElement, SHOW_ELEMENT } from './dom'
import type { RegionStats } from './page-region'

/** Class-name words of post containers. */
const POST_WORD =
  /^(?:post|posts|message|messages|comment|comments|reply|replies|answer|answers|question|postbit|entry|topic|thread|status|review|reviews)$/
/** schema.org types of posts. */
const POST_TYPE = /comment|answer|question|discussionforumposting|socialmediaposting|review/i
/** Where a post names its author: class-name words. */
const AUTHOR_WORD = /^(?:author|username|user|poster|postauthor|nickname|screenname|byline|name|owner)$/
/** A link to a member's profile. */
const PROFILE_LINK =
  /\/(?:u|user|users|member|members|profile|profiles|people|account)\/|member\.php|memberlist\.php|[?&]u=\d|showuser/i
/** Where a post states its date: class-name words. */
const DATE_WORD = /^(?:date|time|timestamp|posted|published|postdate|datetime|ago|timeago|relativetime)$/
/** Class-name words of what surrounds a post's text: member cards, counters, buttons, signatures. */
const POST_FURNITURE_WORD =
  /^(?:signature|sig|avatar|vote|votes|voting|score|reactions?|likes?|badges?|reputation|rank|stats|statistics|actions?|controls|toolbar|tools|buttons?|btn|share|sharing|report|flag|permalink|menu|dropdown|popover|tooltip|bookmark|follow|userinfo|user|author|profile|member|extra|footer|meta|online|offline)$/

/** A post holds at least this much text. */
const MIN_POST_TEXT = 20
/** The posts together hold at least this share of the page's text. */
const MIN_THREAD_SHARE = 0.4
/** An element holding more than this share of a post's text is its text, never furniture. */
const MAX_FURNITURE_SHARE = 0.5
const MAX_AUTHOR_CHARS = 60
const MAX_DATE_CHARS = 80
/** A date's label is a few words at most ("answered", "posted on", "last edited"). */
const MAX_DATE_LABEL_CHARS = 20

function words(element: DomElement): string[] {
  return (element.getAttribute('class') ?? '')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean)
}

function signatureOf(element: DomElement): string | null {
  const itemtype = element.getAttribute('itemtype')
  if (itemtype && POST_TYPE.test(itemtype)) return `${element.localName}[${itemtype.replace(/^.*[/#]/, '')}]`
  // The first two class names that carry no number ("post bg2" and "post bg1" alternate; "message-cell
  // message-cell--user" and "message-cell message-cell--main" are different parts of a post).
  const names = (element.getAttribute('class') ?? '')
    .trim()
    .split(/\s+/)
    .filter((name) => name && !/\d/.test(name))
    .slice(0, 2)
  if (names.length > 0) return `${element.localName}.${names.join('.')}`
  return element.localName === 'article' ? 'article' : null
}

const textOf = (stats: ReadonlyMap<DomElement, RegionStats>, element: DomElement): number =>
  stats.get(element)?.text ?? 0

/** Members of a group that no other member contains. */
function outermost(members: readonly DomElement[]): DomElement[] {
  const all = new Set(members)
  return members.filter((member) => {
    for (let parent = member.parentElement; parent; parent = parent.parentElement)
      if (all.has(parent)) return false
    return true
  })
}

function looksLikePosts(signature: string, members: readonly DomElement[]): boolean {
  if (signature.includes('[')) return true
  const name = signature.slice(signature.indexOf('.') + 1).toLowerCase()
  if (name.split(/[-_.]+/).some((word) => POST_WORD.test(word))) return true
  const signed = members.filter(
    (member) =>
      member.getElementsByTagName('TIME').length > 0 ||
      Array.from(member.getElementsByTagName('A')).some((link) =>
        PROFILE_LINK.test(link.getAttribute('href') ?? ''),
      ),
  ).length
  return signed * 2 >= members.length
}

/** The thread's posts, in order, or null when the page has no group of posts holding most of its text. */
export function findPosts(
  document: DomDocument,
  root: DomElement,
  stats: ReadonlyMap<DomElement, RegionStats>,
): DomElement[] | null {
  const groups = new Map<string, DomElement[]>()
  const walker = document.createTreeWalker(root, SHOW_ELEMENT)
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if (!element.hasAttributes() && element.localName !== 'article') continue
    const signature = signatureOf(element)
    if (!signature) continue
    const group = groups.get(signature)
    if (group) group.push(element)
    else groups.set(signature, [element])
  }
  const minimum = textOf(stats, root) * MIN_THREAD_SHARE
  let best: DomElement[] | null = null
  let bestScore = 0
  for (const [signature, candidates] of groups) {
    if (candidates.length < 2) continue
    const members = outermost(candidates).filter((member) => textOf(stats, member) >= MIN_POST_TEXT)
    if (members.length < 2) continue
    const text = members.reduce((sum, member) => sum + textOf(stats, member), 0)
    // Two wrappers around a whole page are not two posts: groups of more members weigh more.
    const score = text * (1 - 1 / members.length)
    if (text >= minimum && score > bestScore && looksLikePosts(signature, members)) {
      best = members
      bestScore = score
    }
  }
  return best
}

interface Found {
  element: DomElement
  text: string
}

interface FoundDate extends Found {
  /** The date as ISO 8601, from the machine-readable value when there is one. */
  iso: string | null
}

function findAuthor(post: DomElement): Found | null {
  const walker = post.ownerDocument.createTreeWalker(post, SHOW_ELEMENT)
  let byLink: Found | null = null
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if (!element.hasAttributes()) continue
    const text = squash(element.textContent ?? '')
    if (!text || text.length > MAX_AUTHOR_CHARS || text.split(' ').length > 6) continue
    if (/author/i.test(element.getAttribute('itemprop') ?? '')) {
      const name = element.querySelector('[itemprop~="name"]')
      return { element, text: squash(name?.getAttribute('content') ?? name?.textContent ?? text) || text }
    }
    // A name, not a member card holding it with a title and counts: the element holds the name alone.
    const only = element.children.length === 1 ? squash(element.children[0]?.textContent ?? '') : null
    const alone = element.children.length === 0 || only === text
    if (
      alone &&
      words(element).some((word) => AUTHOR_WORD.test(word)) &&
      /\p{L}/u.test(text) &&
      !findDate(text)
    )
      return { element, text: text.replace(/^by\s+/i, '') }
    if (!byLink && element.localName === 'a' && PROFILE_LINK.test(element.getAttribute('href') ?? ''))
      byLink = { element, text }
  }
  return byLink
}

/** The date as the page shows it, or as its tooltip gives it when the page shows "2 years ago". */
function dateText(element: DomElement): string | null {
  const shown = squash(element.textContent ?? '')
  const short = shown.length <= MAX_DATE_CHARS
  if (short && findDate(shown)) return shown
  const title = squash(element.getAttribute('title') ?? '')
  if (title && findDate(title)) return title
  if (short && /\d/.test(shown)) return shown
  return squash(element.getAttribute('datetime') ?? '') || null
}

function foundDate(element: DomElement): FoundDate | null {
  const text = dateText(element)
  if (!text) return null
  const machine = element.getAttribute('datetime') ?? element.getAttribute('content')
  const iso =
    (machine ? normaliseIsoDate(machine) : null) ??
    findDate(text)?.iso ??
    findDate(element.getAttribute('title') ?? '')?.iso ??
    null
  return { element, text, iso }
}

/** "edited Dec 5, 2020", "last updated 3 days ago": a later date than the post's own. */
const EDITED = /^(?:last\s+)?(?:edited|modified|updated|изменено|отредактировано|обновлено)(?![\p{L}])/iu

/** Whether the date stands in an "edited" line (its own text or its parent's opens so). */
function isEditDate(element: DomElement): boolean {
  return [element, element.parentElement].some((holder) => EDITED.test(squash(holder?.textContent ?? '')))
}

/** The element around a date that holds nothing else but a short label ("asked", "posted on"). */
function dateHolder(element: DomElement, post: DomElement): DomElement {
  const parent = element.parentElement
  if (!parent || parent === post || parent.children.length > 1) return element
  const rest = squash(parent.textContent ?? '').length - squash(element.textContent ?? '').length
  return rest <= MAX_DATE_LABEL_CHARS ? parent : element
}

/** The post's "edited …" stamp, when it has one besides its date. */
function editStamp(post: DomElement, date: FoundDate | null): Found | null {
  const walker = post.ownerDocument.createTreeWalker(post, SHOW_ELEMENT)
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if (
      element === date?.element ||
      !(element.localName === 'time' || element.getAttribute('datetime') !== null)
    )
      continue
    if (isEditDate(element)) return { element, text: '' }
  }
  return null
}

/**
 * The post's date: a <time> (or any element with a datetime, like <relative-time>), else an element named
 * as a date; shown as the page shows it. The date a post was written wins over the date it was edited.
 */
function findPostDate(post: DomElement): FoundDate | null {
  const walker = post.ownerDocument.createTreeWalker(post, SHOW_ELEMENT)
  let named: FoundDate | null = null
  let edited: FoundDate | null = null
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    const dated =
      element.localName === 'time' || (element.hasAttributes() && element.getAttribute('datetime') !== null)
    const isNamed =
      !dated &&
      element.hasAttributes() &&
      element.children.length <= 2 &&
      (words(element).some((word) => DATE_WORD.test(word)) ||
        findDate(element.getAttribute('title') ?? '') !== null)
    if (!dated && !isNamed) continue
    const found = foundDate(element)
    if (!found) continue
    if (isEditDate(element)) edited ??= found
    else if (dated) return found
    else named ??= found
  }
  return named ?? edited
}

type Removable = DomElement & { remove(): void }

const isPostFurniture = (element: DomElement): boolean =>
  words(element).some((word) => POST_FURNITURE_WORD.test(word))

/**
 * What holds the posts' text: the kind of element (by signature) found in most posts that holds the most
 * of their text and is not furniture. Null when the posts share none.
 */
function bodySignature(
  document: DomDocument,
  posts: readonly DomElement[],
  stats: ReadonlyMap<DomElement, RegionStats>,
): string | null {
  const totals = new Map<string, { posts: number; text: number }>()
  for (const post of posts) {
    const seen = new Set<string>()
    const walker = document.createTreeWalker(post, SHOW_ELEMENT)
    for (let element = walker.nextNode(); element; element = walker.nextNode()) {
      if (element === post || !element.hasAttributes()) continue
      const signature = signatureOf(element)
      if (!signature || isPostFurniture(element)) continue
      const total = totals.get(signature) ?? { posts: 0, text: 0 }
      if (!seen.has(signature)) total.posts++
      seen.add(signature)
      total.text += textOf(stats, element)
      totals.set(signature, total)
    }
  }
  let best: string | null = null
  let bestText = 0
  for (const [signature, total] of totals) {
    if (total.posts * 2 >= posts.length && total.text > bestText) {
      best = signature
      bestText = total.text
    }
  }
  return best
}

/** Who wrote a post and when, as the page shows them (the date also as ISO 8601). */
export interface PostSignature {
  author: string | null
  date: string | null
  publishedAt: string | null
}

/** A post as its author and date lines, then its text without the furniture around it. */
function cleanPost(
  document: DomDocument,
  post: DomElement,
  stats: ReadonlyMap<DomElement, RegionStats>,
  body: string | null,
): { element: DomElement; signature: PostSignature } {
  const author = findAuthor(post)
  const date = findPostDate(post)
  const postText = textOf(stats, post)
  // The post's text and what holds it are never furniture, whatever their class names say.
  const holdsText = new Set<DomElement>()
  const candidates: DomElement[] = []
  const walker = document.createTreeWalker(post, SHOW_ELEMENT)
  for (let element = walker.nextNode(); element; element = walker.nextNode()) {
    if (element === post || !element.hasAttributes()) continue
    if (body !== null && signatureOf(element) === body)
      for (let holder: DomElement | null = element; holder && holder !== post; holder = holder.parentElement)
        holdsText.add(holder)
    else if (isPostFurniture(element)) candidates.push(element)
  }
  const furniture = candidates.filter((element) =>
    body === null ? textOf(stats, element) <= postText * MAX_FURNITURE_SHARE : !holdsText.has(element),
  )
  // The date goes with its label ("asked", "posted on"), and an edit stamp goes whole.
  for (const found of [author, date, editStamp(post, date)])
    if (found) furniture.push(dateHolder(found.element, post))
  for (const element of furniture) (element as Removable).remove()
  const create = document as unknown as { createElement(name: string): DomElement & { textContent: string } }
  const wrapper = create.createElement('div') as DomElement & { append(...nodes: unknown[]): void }
  for (const found of [author, date]) {
    if (!found) continue
    const line = create.createElement('p')
    line.textContent = found.text
    wrapper.append(line)
  }
  wrapper.append(post)
  return {
    element: wrapper,
    signature: { author: author?.text ?? null, date: date?.text ?? null, publishedAt: date?.iso ?? null },
  }
}

/** A thread: one element holding its posts in order, and who wrote each and when. */
export interface Thread {
  element: DomElement
  posts: PostSignature[]
}

export function readThread(
  document: DomDocument,
  root: DomElement,
  stats: ReadonlyMap<DomElement, RegionStats>,
): Thread | null {
  const posts = findPosts(document, root, stats)
  if (!posts) return null
  const create = document as unknown as {
    createElement(name: string): DomElement & { append(...nodes: unknown[]): void }
  }
  const element = create.createElement('div')
  const body = bodySignature(document, posts, stats)
  const signatures: PostSignature[] = []
  for (const post of posts) {
    const cleaned = cleanPost(document, post, stats, body)
    element.append(cleaned.element)
    signatures.push(cleaned.signature)
  }
  return { element, posts: signatures }
}
