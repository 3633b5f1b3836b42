/**
 * Article -> CSL-JSON item. The item keeps `subtitle` as its own field; each style joins it to the
 * title in its own way (": " in APA, " : " in GOST), so nothing here decides the punctuation.
 */
import type { PageKind, SourceFormat } from '../../../common/types'

import type { CslDate, CslItem, CslItemType, CslName } from '../../../common/csl'

export type { CslDate, CslItem, CslItemType, CslName }

/** What `articleToCsl` reads: the citation fields of an Article (src/common/types.ts). */
export interface CitableArticle {
  id: number | string
  title: string
  subtitle?: string | null
  authors?: string[]
  siteName?: string | null
  section?: string | null
  publishedAt?: string | null
  language?: string | null
  url?: string | null
  format?: SourceFormat
  /** ISO 8601 UTC timestamp of the import; its date is the default access date. */
  addedAt?: string | null
  /** The kind of page the extractor recognised: a forum or Q&A thread is cited as a post. */
  pageKind?: PageKind | null
}

export type ArticleKind = 'news' | 'webpage' | 'blog' | 'report' | 'document'

export interface ArticleToCslOptions {
  /** Access date (ISO "2026-11-27" or a full timestamp); defaults to the import date. */
  accessed?: string
  /** Overrides the guess from section, URL and format. */
  kind?: ArticleKind
}

export const KIND_TO_TYPE: Record<ArticleKind, CslItemType> = {
  news: 'article-newspaper',
  webpage: 'webpage',
  blog: 'post-weblog',
  report: 'report',
  document: 'document',
}

const NEWS_SECTIONS = new Set(
  [
    'news',
    'analytics',
    'analysis',
    'opinion',
    'opinions',
    'politics',
    'world',
    'economy',
    'business',
    'society',
    'region',
    'interview',
    'commentary',
    'editorial',
    'новости',
    'аналитика',
    'мнения',
    'мнение',
    'политика',
    'экономика',
    'общество',
    'в мире',
    'мир',
    'интервью',
    'комментарии',
  ].map((name) => name.toLocaleLowerCase()),
)

export function articleToCsl(article: CitableArticle, options: ArticleToCslOptions = {}): CslItem {
  const item: CslItem = { id: String(article.id), type: guessType(article, options.kind) }
  const title = clean(article.title)
  if (title) item.title = title
  const subtitle = clean(article.subtitle)
  if (subtitle) item.subtitle = subtitle
  const authors = (article.authors ?? []).map(parseName).filter((name): name is CslName => name !== null)
  if (authors.length > 0) item.author = authors
  const site = clean(article.siteName)
  if (site) {
    if (item.type === 'report') item.publisher = site
    else item['container-title'] = site
  }
  const section = clean(article.section)
  if (section) item.section = section
  const issued = parseDate(article.publishedAt)
  if (issued) item.issued = issued
  const accessed = parseDate(options.accessed ?? article.addedAt)
  if (accessed) item.accessed = accessed
  const language = clean(article.language)
  if (language) item.language = language
  const url = clean(article.url)
  if (url) item.URL = url
  return item
}

function guessType(article: CitableArticle, kind: ArticleKind | undefined): CslItemType {
  if (kind) return KIND_TO_TYPE[kind]
  if (article.format === 'pdf') return article.siteName ? 'report' : 'document'
  if (article.pageKind === 'forum') return 'post'
  if (article.url && isBlogUrl(article.url)) return 'post-weblog'
  const section = clean(article.section)?.toLocaleLowerCase()
  if (section && NEWS_SECTIONS.has(section)) return 'article-newspaper'
  return 'webpage'
}

function isBlogUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const host = parsed.hostname.toLowerCase()
  return (
    /(^|\.)blog\./.test(host) ||
    /(^|\.)(medium\.com|substack\.com|livejournal\.com|blogspot\.com|wordpress\.com|dzen\.ru)$/.test(host) ||
    /\/(blog|blogs)\//i.test(parsed.pathname)
  )
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim()
  return trimmed ? trimmed : undefined
}

/** "2026-02-07T19:01", "2026-02-07", "2026-02", "2026" -> date-parts; anything else -> literal. */
export function parseDate(value: string | null | undefined): CslDate | undefined {
  const text = clean(value)
  if (!text) return undefined
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]|$)/.exec(text)
  if (!match) return { literal: text }
  const parts = [Number(match[1])]
  if (match[2]) parts.push(Number(match[2]))
  if (match[3]) parts.push(Number(match[3]))
  return { 'date-parts': [parts] }
}

const ORGANISATION_WORDS = [
  'agency',
  'association',
  'bank',
  'bureau',
  'center',
  'centre',
  'college',
  'commission',
  'committee',
  'company',
  'corporation',
  'council',
  'department',
  'editorial',
  'editors',
  'foundation',
  'fund',
  'government',
  'group',
  'inc',
  'institute',
  'institution',
  'ltd',
  'media',
  'ministry',
  'network',
  'news',
  'office',
  'organization',
  'organisation',
  'press',
  'service',
  'society',
  'staff',
  'team',
  'times',
  'university',
  'агентство',
  'ассоциация',
  'банк',
  'бюро',
  'ведомство',
  'газета',
  'институт',
  'комитет',
  'комиссия',
  'министерство',
  'новости',
  'пресс-служба',
  'редакция',
  'служба',
  'совет',
  'университет',
  'фонд',
  'центр',
  'правительство',
  'администрация',
]

const NEWS_AGENCIES = new Set(
  [
    'reuters',
    'ap',
    'afp',
    'bloomberg',
    'interfax',
    'тасс',
    'интерфакс',
    'риа',
    'apa',
    'trend',
    'report.az',
  ].map((name) => name.toLocaleLowerCase()),
)

const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'del',
  'della',
  'dos',
])
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv'])
const PATRONYMIC = /(ович|евич|ич|овна|евна|ична|инична)$/iu
const INITIAL = /^(\p{Lu}\.)+$|^\p{Lu}\.(-\p{Lu}\.)?$/u

/** An author string -> a CSL name: a person split into family/given, an organisation as literal. */
export function parseName(raw: string): CslName | null {
  const text = clean(raw)
  if (!text) return null
  if (looksLikeOrganisation(text)) return { literal: text }
  const comma = text.indexOf(',')
  if (comma > 0) {
    const family = text.slice(0, comma).trim()
    const rest = text
      .slice(comma + 1)
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
    const suffix = rest.length > 1 && SUFFIXES.has(rest[1]!.toLowerCase()) ? rest[1] : undefined
    return withParticle({ family, given: rest[0] ?? '', ...(suffix ? { suffix } : {}) })
  }
  const words = text.split(' ')
  let suffix: string | undefined
  if (words.length > 2 && SUFFIXES.has(words[words.length - 1]!.toLowerCase())) suffix = words.pop()
  const familyFirst =
    // "Иванов Иван Иванович"
    (words.length === 3 && PATRONYMIC.test(words[2]!) && !PATRONYMIC.test(words[1]!)) ||
    // "Иванов И. И.", "Doe J."
    (words.length >= 2 && !INITIAL.test(words[0]!) && words.slice(1).every((word) => INITIAL.test(word)))
  if (familyFirst) return { family: words[0]!, given: words.slice(1).join(' ') }
  let familyStart = words.length - 1
  while (familyStart > 1 && PARTICLES.has(words[familyStart - 1]!)) familyStart--
  const given = words.slice(0, familyStart).join(' ')
  const family = words.slice(familyStart).join(' ')
  return withParticle({ family, given, ...(suffix ? { suffix } : {}) })
}

function withParticle(name: CslName): CslName {
  const match = /^((?:\p{Ll}+ )+)(.+)$/u.exec(name.family ?? '')
  if (
    !match ||
    !match[1]!
      .trim()
      .split(' ')
      .every((word) => PARTICLES.has(word))
  )
    return name
  return { ...name, 'non-dropping-particle': match[1]!.trim(), family: match[2]! }
}

function looksLikeOrganisation(text: string): boolean {
  const lower = text.toLocaleLowerCase()
  if (NEWS_AGENCIES.has(lower)) return true
  if (/[\p{L}\d]\.[a-z]{2,}\b/iu.test(text)) return true // a domain: "Caliber.az"
  if (/[\d&@«»"]/.test(text)) return true
  const words = lower.split(/[\s-]+/)
  if (words.some((word) => ORGANISATION_WORDS.includes(word.replace(/[.,]$/, '')))) return true
  if (lower.startsWith('пресс-служба')) return true
  const tokens = text.replace(/,/g, ' ').split(' ').filter(Boolean)
  if (tokens.length === 1) return true // "Reuters", "Madonna": never split a single word
  if (tokens.some((token) => token.length > 1 && token === token.toLocaleUpperCase() && !INITIAL.test(token)))
    return true // an acronym: "RAND Corporation", "BBC News"
  if (tokens.length > 4) return true
  return !tokens.every((token) => /^\p{Lu}/u.test(token) || PARTICLES.has(token))
}
