/**
 * Page metadata from an HTML document. For each field the first source that has a value wins:
 *   headline    the visible article <h1>: itemprop=headline, or sharing words (Dice >= 0.5) with a
 *               declared title (JSON-LD headline, og:title, twitter:title) or the <title>'s head; with no
 *               declared title only an <h1> with the words of the <title> or of its head ("Headline - Site");
 *               with no <title> either, an <h1> inside article/main. It wins over `title` because it is
 *               what a reader sees, but a declared title that spells it with proper spaces, or adds the
 *               kicker printed apart ("Kicker: Headline", the kicker not being the site), gives its spelling
 *   title       JSON-LD headline/name > og:title > citation_title > DC.title > twitter:title > microdata headline
 *   subtitle    JSON-LD alternativeHeadline > microdata alternativeHeadline > a subtitle/standfirst/dek/lead
 *               element right after the headline
 *   authors     JSON-LD author (Person names, even one that is the site's; Organizations left out)
 *               > citation_author > DC.creator > microdata author > meta author / article:author
 *               (names, not URLs; the last two without the site's own name or host, a site-wide stamp);
 *               photo credits are dropped, and so are job titles, affiliations and domains printed
 *               beside a name ("Jane Doe, staff writer, example.com")
 *   siteName    JSON-LD publisher.name > JSON-LD WebSite name > og:site_name > citation_journal_title
 *               > DC.publisher > application-name
 *   section     JSON-LD articleSection > article:section > meta section
 *   publishedAt JSON-LD datePublished > dateCreated > microdata datePublished (as printed on the page)
 *               > article:published_time > citation_publication_date > citation_date > citation_online_date
 *               > DC/dcterms issued/created/date > other date metas > <time datetime> in the article
 *               > a date printed right after the headline > the first <time datetime>
 *   url         canonical link > og:url > JSON-LD url/mainEntityOfPage > citation_public_url
 *   language    (declared) <html lang> > JSON-LD inLanguage > og:locale > DC.language > content-language
 *   description JSON-LD description > og:description > meta description > DC.description > twitter:description
 *   rights      JSON-LD copyrightNotice > license > DC.rights / dcterms.rights > meta copyright
 * JSON-LD nodes come from every ld+json script, arrays and @graph flattened; an Article-like node
 * (NewsArticle, BlogPosting, ...) is preferred over a WebPage node.
 */
import { hostOf } from '../../../common/text'
import { normaliseLanguageTag, squash } from './article'
import { normaliseIsoDate } from './dates'
import type { DomDocument, DomElement } from './dom'
import { indexPage, type PageIndex } from './page-index'
import { dateOfLine, isDomainLike } from './text-rules'

export interface PageMetadata {
  headline: string | null
  /** The standfirst printed between the headline and the body (often outside the main content block). */
  lead: string | null
  title: string | null
  subtitle: string | null
  authors: string[]
  siteName: string | null
  section: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
  description: string | null
  rights: string | null
}

type JsonObject = Record<string, unknown>

const ARTICLE_TYPES = new Set(
  [
    'article',
    'newsarticle',
    'blogposting',
    'reportagenewsarticle',
    'analysisnewsarticle',
    'opinionnewsarticle',
    'backgroundnewsarticle',
    'reviewnewsarticle',
    'scholarlyarticle',
    'techarticle',
    'report',
    'liveblogposting',
    'socialmediaposting',
  ].map((t) => t.toLowerCase()),
)
const PAGE_TYPES = new Set(['webpage', 'itempage', 'aboutpage', 'profilepage'])

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function typesOf(node: JsonObject): string[] {
  const type = node['@type']
  const list = Array.isArray(type) ? type : [type]
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase())
}

function flatten(value: unknown, into: JsonObject[], depth = 0): void {
  if (depth > 5) return
  if (Array.isArray(value)) for (const item of value) flatten(item, into, depth + 1)
  else if (isObject(value)) {
    into.push(value)
    if ('@graph' in value) flatten(value['@graph'], into, depth + 1)
  }
}

function jsonLdNodes(scripts: readonly DomElement[]): JsonObject[] {
  const nodes: JsonObject[] = []
  for (const script of scripts) {
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .trim()
    if (!source || source.length > 2_000_000) continue
    try {
      flatten(JSON.parse(source), nodes)
    } catch {
      try {
        // Raw line breaks inside strings are a common JSON-LD mistake.
        flatten(JSON.parse(source.replace(/[\r\n\t]+/g, ' ')), nodes)
      } catch {
        // Not JSON at all: ignore this script, the other sources still count.
      }
    }
  }
  return nodes
}

/** Plain text of a JSON-LD value: a string, a number, {"@value"}, or the first of a list. */
function jsonText(value: unknown): string | null {
  if (typeof value === 'string') return squash(decodeEntities(value)) || null
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = jsonText(item)
      if (text) return text
    }
    return null
  }
  if (isObject(value)) return jsonText(value['@value'] ?? value['name'])
  return null
}

/**
 * People named by a JSON-LD author value. Organisations credited as authors are left out; a Person
 * is kept even when it carries the site's name (the page signs this article so, unlike a site-wide
 * <meta name=author> stamp).
 */
function jsonAuthors(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonAuthors)
  if (typeof value === 'string') return splitNames(value)
  if (!isObject(value) || typesOf(value).some((type) => type.includes('organization'))) return []
  const name =
    jsonText(value['name']) ??
    ([jsonText(value['givenName']), jsonText(value['familyName'])].filter(Boolean).join(' ') || null)
  // One Person sometimes carries two people ("A og B") or a signature ("Elena Oberholzer (obe)").
  return name ? splitNames(name) : []
}

function jsonUrl(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (isObject(value)) return jsonUrl(value['@id'] ?? value['url'])
  if (Array.isArray(value)) return jsonUrl(value[0])
  return null
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

/** JSON-LD and meta values sometimes carry HTML entities. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10)
      return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole
    }
    return ENTITIES[code.toLowerCase()] ?? whole
  })
}

const looksLikeUrl = (text: string): boolean => /^(?:https?:)?\/\/|^www\./i.test(text)

/**
 * "Jane Doe, John Roe and Ann Poe" (or "og", "und", "et", ...) -> three names; URLs, photo credits and
 * empty parts dropped. Parts that read as a job title, an affiliation or the site ("Jane Doe, staff
 * writer, example.com") are dropped too when a name remains.
 */
export function splitNames(text: string): string[] {
  const cleaned = squash(decodeEntities(text)).replace(/^(?:by|автор[ы]?:?)\s+/i, '')
  if (!cleaned || looksLikeUrl(cleaned)) return []
  if (PHOTO_CREDIT.test(cleaned)) return []
  const parts = cleaned
    .split(/\s*[,;]\s*|\s+(?:and|и|&|und|et|og|och|en|y|e)\s+/u)
    // "Elena Oberholzer (obe)": the initials a paper signs with are not part of the name.
    .map((name) => name.replace(/\s*\(\p{L}{1,5}\.?\)$/u, '').trim())
    .filter(
      (name) => /\p{L}/u.test(name) && !looksLikeUrl(name) && !PHOTO_CREDIT.test(name) && name.length <= 100,
    )
  const names = parts.filter((part) => !isRoleOrPlace(part))
  return names.length > 0 ? names : parts
}

/** "staff writer", "professor at the Faculty of ...", "example.com": words beside a name that are not one. */
function isRoleOrPlace(part: string): boolean {
  if (isDomainLike(part)) return true
  const words = part.split(' ')
  const lowerCaseWords = words.filter((word) => /^\p{Ll}/u.test(word)).length
  return words.length > 6 || lowerCaseWords * 2 > words.length
}

const PHOTO_CREDIT =
  /^(?:фото|photo|photos|фотография|иллюстрация|illustration|image|видео|video|credit|источник фото)(?![\p{L}])/iu

const IN_COMMENTS = '[class*="comment"], [id*="comment"]'

/**
 * Names of the microdata authors (itemprop=author, with a nested itemprop=name when there is one),
 * leaving out organisations, comment authors and photo credits ("Фото: <span itemprop=author>…").
 */
function microdataAuthors(microdata: MicrodataIndex): string[] {
  const names: string[] = []
  for (const element of (microdata.get('author') ?? []).slice(0, 20)) {
    if (/organization/i.test(element.getAttribute('itemtype') ?? '') || element.closest(IN_COMMENTS)) continue
    const parent = element.parentNode as DomElement | null
    if (PHOTO_CREDIT.test(squash(parent?.textContent ?? ''))) continue
    const nameElement = element.querySelector('[itemprop~="name"]')
    const name = nameElement
      ? firstValue(nameElement.getAttribute('content'), squash(nameElement.textContent ?? ''))
      : firstValue(element.getAttribute('content'), squash(element.textContent ?? ''))
    for (const single of splitNames(name ?? '')) if (!names.includes(single)) names.push(single)
  }
  return names
}

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

const TITLE_PARTS = /\s+[|–—-]\s+|\s+::\s+/

/**
 * The <h1> that is the article's headline (not a logo or a blurb): marked itemprop=headline, or sharing
 * words with a title the page declares in its metadata (or the <title> without its site part). When the
 * metadata declares no title: an <h1> with the words of the <title> or of its head ("Headline - Site"); on a
 * page without a <title>, an <h1> inside the article or main content.
 */
function visibleHeadline(
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
  const titleHead = pageTitle?.split(TITLE_PARTS)[0] ?? null
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
function declaredSpelling(
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
function subtitleAfter(headline: DomElement | null): string | null {
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
function timeInArticle(times: readonly DomElement[]): DomElement | null {
  for (const time of times) {
    if (time.getAttribute('datetime') !== null && time.closest('article, header, main')) return time
  }
  return null
}

/** A date printed in the few elements after the headline ("Apr 01, 2026", "19.10.2020 09:34"). */
function printedDateAfter(headline: DomElement | null): string | null {
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
function leadAfter(headline: DomElement | null): string | null {
  let element = headline ? nextInDocument(headline, true) : null
  for (let step = 0; element && step < 150; step++, element = nextInDocument(element, false)) {
    if (element.localName === 'meta') continue
    const marked =
      LEAD_CLASS.test(element.getAttribute('class') ?? '') ||
      /\bdescription\b/i.test(element.getAttribute('itemprop') ?? '')
    // A picture's caption is not the lead, whatever its class says ("lead-image__caption").
    if (!marked || element.closest('nav, aside, footer, figure')) continue
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

type MicrodataIndex = Map<string, DomElement[]>

/** Elements by each itemprop name they carry, in document order (one pass instead of a query per name). */
function microdataIndex(elements: readonly DomElement[]): MicrodataIndex {
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

function metaIndex(metas: readonly DomElement[]): Map<string, string[]> {
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

/** A relative canonical link made absolute with the page's own absolute URL (og:url), when it has one. */
function resolveAgainst(url: string | null | undefined, base: string | null): string | null {
  if (!url) return null
  if (/^https?:\/\//i.test(url.trim()) || !base) return url
  try {
    return new URL(url.trim(), base).href
  } catch {
    return url
  }
}

/** The first value that is a non-blank string. */
export const firstValue = (...values: ReadonlyArray<string | null | undefined>): string | null =>
  values.find((v): v is string => typeof v === 'string' && v.trim() !== '') ?? null

export function readMetadata(document: DomDocument, page: PageIndex = indexPage(document)): PageMetadata {
  const nodes = jsonLdNodes(page.jsonLdScripts)
  const article =
    nodes.find((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t))) ??
    nodes.find((node) => typesOf(node).some((t) => PAGE_TYPES.has(t))) ??
    null
  const website = nodes.find((node) => typesOf(node).includes('website')) ?? null
  const metas = metaIndex(page.metas)
  const microdata = microdataIndex(page.microdata)
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = metas.get(key)?.[0]
      if (value) return value
    }
    return null
  }
  const metaAll = (key: string): string[] => metas.get(key) ?? []
  const itemprop = (name: string): string | null => {
    const element = (microdata.get(name) ?? []).find((candidate) => !candidate.closest(IN_COMMENTS))
    if (!element) return null
    return firstValue(
      element.getAttribute('content'),
      element.getAttribute('datetime'),
      squash(element.textContent ?? ''),
    )
  }
  const ld = (key: string): unknown => (article ? article[key] : undefined)

  const title = firstValue(
    jsonText(ld('headline')),
    jsonText(ld('name')),
    meta('og:title', 'citation_title', 'dc.title', 'dcterms.title', 'twitter:title'),
    itemprop('headline'),
  )
  const pageTitle = squash(page.title?.textContent ?? '') || null
  const declaredTitles = [title, meta('og:title'), meta('twitter:title')].filter(
    (value): value is string => value !== null && value !== '',
  )
  const headlineElement = visibleHeadline(page.headings, declaredTitles, pageTitle)

  // Tried in order, each only when the ones before gave no date.
  const dateSources: Array<() => string | null | undefined> = [
    () => jsonText(ld('datePublished')),
    () => jsonText(ld('dateCreated')),
    () => itemprop('datePublished'),
    () =>
      meta(
        'article:published_time',
        'og:published_time',
        'citation_publication_date',
        'citation_date',
        'citation_online_date',
        'dc.date.issued',
        'dcterms.issued',
        'dcterms.created',
        'dc.date',
        'dcterms.date',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'publication_date',
        'sailthru.date',
        'parsely-pub-date',
        'datepublished',
      ),
    () => timeInArticle(page.times)?.getAttribute('datetime'),
    () => printedDateAfter(headlineElement),
    () => page.firstDatedTime?.getAttribute('datetime'),
  ]
  let publishedAt: string | null = null
  for (const source of dateSources) {
    const value = source()
    publishedAt = value ? normaliseIsoDate(value) : null
    if (publishedAt !== null) break
  }

  const publisher = ld('publisher')
  const canonical = page.canonical?.getAttribute('href')
  const section = jsonText(ld('articleSection')) ?? meta('article:section', 'section', 'category')
  const siteName = firstValue(
    isObject(publisher) ? jsonText(publisher['name']) : jsonText(publisher),
    website ? jsonText(website['name']) : null,
    meta(
      'og:site_name',
      'citation_journal_title',
      'citation_conference_title',
      'dc.publisher',
      'application-name',
    ),
  )
  const url = firstValue(
    resolveAgainst(canonical, firstValue(meta('og:url'), jsonUrl(ld('url')))),
    meta('og:url'),
    jsonUrl(ld('url')),
    jsonUrl(ld('mainEntityOfPage')),
    meta('citation_public_url', 'citation_abstract_html_url'),
  )

  // A <meta name=author> or microdata author naming the site itself is a stamp every page of the site
  // carries, not a credit.
  const siteNames = new Set(
    [siteName, meta('og:site_name'), hostOf(url)].flatMap((name) => (name ? [name.toLowerCase()] : [])),
  )
  const notTheSite = (name: string): boolean => !siteNames.has(name.toLowerCase().replace(/^www\./, ''))
  const authors = [
    jsonAuthors(ld('author')),
    metaAll('citation_author').flatMap(splitNames),
    [...metaAll('dc.creator'), ...metaAll('dcterms.creator')].flatMap(splitNames),
    microdataAuthors(microdata).filter(notTheSite),
    [...metaAll('author'), ...metaAll('article:author')].flatMap(splitNames).filter(notTheSite),
  ].find((list) => list.length > 0)

  return {
    headline: headlineElement
      ? declaredSpelling(squash(headlineElement.textContent ?? ''), declaredTitles, siteNames)
      : null,
    lead: leadAfter(headlineElement),
    title,
    subtitle: firstValue(
      jsonText(ld('alternativeHeadline')),
      itemprop('alternativeHeadline'),
      subtitleAfter(headlineElement),
    ),
    authors: authors ?? [],
    siteName,
    section,
    publishedAt,
    url,
    language: normaliseLanguageTag(
      firstValue(
        document.documentElement.getAttribute('lang'),
        document.documentElement.getAttribute('xml:lang'),
        jsonText(ld('inLanguage')),
        meta(
          'og:locale',
          'dc.language',
          'dcterms.language',
          'citation_language',
          'content-language',
          'language',
        ),
      ),
    ),
    description: firstValue(
      jsonText(ld('description')),
      meta('og:description', 'description', 'dc.description', 'dcterms.description', 'twitter:description'),
    ),
    rights: firstValue(
      jsonText(ld('copyrightNotice')),
      typeof ld('license') === 'string' ? jsonText(ld('license')) : null,
      meta('dc.rights', 'dcterms.rights', 'copyright', 'rights'),
    ),
  }
}
