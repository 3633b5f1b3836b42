import { CSL_ITEM_TYPES, type CslItemType } from '../../../common/csl'
import type { CiteKind } from '../../../common/types'

/**
 * The kinds of source the window names and offers. Every CSL type has a name in both languages
 * (`kinds.<type>` in the messages), since a reference file may bring any of them; the picker puts
 * the kinds a thesis bibliography is made of first.
 */
export const COMMON_KINDS: readonly CslItemType[] = [
  'article-journal',
  'book',
  'chapter',
  'report',
  'thesis',
  'paper-conference',
  'entry-encyclopedia',
  'entry-dictionary',
  'webpage',
  'article-newspaper',
  'article-magazine',
  'post-weblog',
  'post',
  'legislation',
  'dataset',
  'software',
  'document',
]

const COMMON = new Set<CslItemType>(COMMON_KINDS)

/** The CSL types outside COMMON_KINDS, in CSL's order (the picker sorts them by their names). */
export const OTHER_KINDS: readonly CslItemType[] = CSL_ITEM_TYPES.filter((type) => !COMMON.has(type))

/** The message key naming a kind. */
export function kindKey(type: CslItemType): string {
  return `kinds.${type}`
}

/** Which outline the kind's icon draws. */
export type KindIcon = 'page' | 'journal' | 'book' | 'document' | 'entry' | 'data' | 'media'

const ICONS: Partial<Record<CslItemType, KindIcon>> = {
  webpage: 'page',
  'post-weblog': 'page',
  post: 'page',
  'article-newspaper': 'page',
  'article-journal': 'journal',
  'article-magazine': 'journal',
  article: 'journal',
  periodical: 'journal',
  review: 'journal',
  'review-book': 'journal',
  book: 'book',
  chapter: 'book',
  classic: 'book',
  collection: 'book',
  pamphlet: 'book',
  'entry-encyclopedia': 'entry',
  'entry-dictionary': 'entry',
  entry: 'entry',
  dataset: 'data',
  software: 'data',
  broadcast: 'media',
  motion_picture: 'media',
  song: 'media',
  musical_score: 'media',
  graphic: 'media',
  figure: 'media',
  map: 'media',
  interview: 'media',
  performance: 'media',
  speech: 'media',
}

export function kindIcon(type: CslItemType): KindIcon {
  return ICONS[type] ?? 'document'
}

/** The page kinds `citeKind` names: setting one of these keeps a saved page describing itself from its own fields. */
export const CITE_KIND_OF_TYPE: Partial<Record<CslItemType, CiteKind>> = {
  'article-newspaper': 'news',
  webpage: 'webpage',
  'post-weblog': 'blog',
  report: 'report',
  document: 'document',
}

/** Kinds read online: their records show the address and the day it was read. */
export const WEB_KINDS: ReadonlySet<CslItemType> = new Set([
  'webpage',
  'post-weblog',
  'post',
  'article-newspaper',
  'entry-encyclopedia',
  'entry-dictionary',
  'dataset',
  'software',
])

/**
 * The page kinds the window names. An ordinary article says nothing its item type does not. A
 * service page is what the engine calls a page it cannot read as anything else, short articles
 * included: on wcxb-dev 98 of the 260 pages it called service were service pages, and it called 41
 * of Readability's 130 test pages service, so that label would mislead more often than it informs.
 * The kinds named here were right 93-97% of the times the engine gave them on wcxb-dev.
 */
export const TELLING_PAGE_KINDS = ['forum', 'documentation', 'listing', 'product'] as const
export type TellingPageKind = (typeof TELLING_PAGE_KINDS)[number]

/** The page kind worth a label, or null for an ordinary article or service page and for what is not a page. */
export function tellingPageKind(pageKind: string | null | undefined): TellingPageKind | null {
  return TELLING_PAGE_KINDS.find((kind) => kind === pageKind) ?? null
}

/**
 * Item types the engine gives a saved page it knows nothing more specific of ("Web page", and
 * "Online post" for a thread): for these the page kind is the better name, so it takes their place.
 */
export const GENERIC_PAGE_TYPES: ReadonlySet<CslItemType> = new Set(['webpage', 'post'])
