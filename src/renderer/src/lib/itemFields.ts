import type { CslItemType } from '../../../common/csl'
import { WEB_KINDS } from './itemKinds'

/**
 * Which fields each kind of source uses, in the order its references print them: what the edit
 * dialog asks for and what the record view shows. Labels name the field as the kind calls it (a
 * journal article's container is its journal, a chapter's the book).
 */

/** The CSL variables the window edits besides the title, the subtitle and the names. */
export type FieldVariable =
  | 'container-title'
  | 'section'
  | 'volume'
  | 'issue'
  | 'page'
  | 'number-of-pages'
  | 'number-of-volumes'
  | 'edition'
  | 'publisher'
  | 'publisher-place'
  | 'collection-title'
  | 'collection-number'
  | 'number'
  | 'genre'
  | 'event-title'
  | 'event-place'
  | 'event-date'
  | 'authority'
  | 'version'
  | 'medium'
  | 'issued'
  | 'original-date'
  | 'accessed'
  | 'DOI'
  | 'ISBN'
  | 'ISSN'
  | 'URL'
  | 'language'

/** How a field is typed: a line of text, a short number-like value, a date, or an address. */
export type FieldInput = 'text' | 'short' | 'date' | 'url'

const INPUTS: Record<FieldVariable, FieldInput> = {
  'container-title': 'text',
  section: 'text',
  volume: 'short',
  issue: 'short',
  page: 'short',
  'number-of-pages': 'short',
  'number-of-volumes': 'short',
  edition: 'short',
  publisher: 'text',
  'publisher-place': 'text',
  'collection-title': 'text',
  'collection-number': 'short',
  number: 'short',
  genre: 'text',
  'event-title': 'text',
  'event-place': 'text',
  'event-date': 'date',
  authority: 'text',
  version: 'short',
  medium: 'text',
  issued: 'date',
  'original-date': 'date',
  accessed: 'date',
  DOI: 'short',
  ISBN: 'short',
  ISSN: 'short',
  URL: 'url',
  language: 'short',
}

/** Every field the window edits. */
export const FIELD_VARIABLES = Object.keys(INPUTS) as FieldVariable[]

/** Fields that take a whole row of the form (long names and addresses). */
const WIDE: ReadonlySet<FieldVariable> = new Set([
  'container-title',
  'collection-title',
  'event-title',
  'URL',
])

export interface ItemField {
  variable: FieldVariable
  input: FieldInput
  /** The message key of its label for this kind (under `items.field`). */
  label: string
  wide: boolean
}

/** The people (or organisations) the window edits in a role. */
export type NameRole = 'author' | 'editor' | 'translator'

/** The message key of the button that adds a name in a role. */
export const ADD_NAME_KEYS: Record<NameRole, string> = {
  author: 'items.names.addAuthor',
  editor: 'items.names.addEditor',
  translator: 'items.names.addTranslator',
}

export interface KindLayout {
  /** The name lists the kind uses, authors first. */
  names: NameRole[]
  fields: ItemField[]
}

/** A field with its default label, or [variable, label] where the kind names it its own way. */
type FieldSpec = FieldVariable | [FieldVariable, string]

const DEFAULT_LABELS: Record<FieldVariable, string> = {
  'container-title': 'container',
  section: 'section',
  volume: 'volume',
  issue: 'issue',
  page: 'pages',
  'number-of-pages': 'numberOfPages',
  'number-of-volumes': 'numberOfVolumes',
  edition: 'edition',
  publisher: 'publisher',
  'publisher-place': 'place',
  'collection-title': 'series',
  'collection-number': 'seriesNumber',
  number: 'number',
  genre: 'genre',
  'event-title': 'event',
  'event-place': 'eventPlace',
  'event-date': 'eventDate',
  authority: 'authority',
  version: 'version',
  medium: 'medium',
  issued: 'issued',
  'original-date': 'originalDate',
  accessed: 'accessed',
  DOI: 'doi',
  ISBN: 'isbn',
  ISSN: 'issn',
  URL: 'url',
  language: 'language',
}

function layout(names: NameRole[], specs: FieldSpec[]): KindLayout {
  return {
    names,
    fields: specs.map((spec) => {
      const [variable, label] = typeof spec === 'string' ? [spec, DEFAULT_LABELS[spec]] : spec
      return { variable, input: INPUTS[variable], label: `items.field.${label}`, wide: WIDE.has(variable) }
    }),
  }
}

const ONLINE: FieldSpec[] = ['URL', 'accessed', 'language']

const LAYOUTS: Partial<Record<CslItemType, KindLayout>> = {
  'article-journal': layout(
    ['author', 'translator'],
    [['container-title', 'journal'], 'volume', 'issue', 'page', 'issued', 'DOI', 'ISSN', ...ONLINE],
  ),
  'article-magazine': layout(
    ['author'],
    [['container-title', 'magazine'], 'volume', 'issue', 'page', 'issued', 'ISSN', ...ONLINE],
  ),
  'article-newspaper': layout(
    ['author'],
    [['container-title', 'newspaper'], 'section', 'page', 'issued', ...ONLINE],
  ),
  webpage: layout(['author'], [['container-title', 'site'], 'section', 'issued', ...ONLINE]),
  'post-weblog': layout(['author'], [['container-title', 'blog'], 'issued', ...ONLINE]),
  post: layout(['author'], [['container-title', 'forum'], 'issued', ...ONLINE]),
  book: layout(
    ['author', 'editor', 'translator'],
    [
      'edition',
      'publisher-place',
      'publisher',
      ['issued', 'year'],
      'number-of-pages',
      'ISBN',
      'collection-title',
      'collection-number',
      'volume',
      'number-of-volumes',
      'DOI',
      'original-date',
      ...ONLINE,
    ],
  ),
  chapter: layout(
    ['author', 'editor', 'translator'],
    [
      ['container-title', 'bookTitle'],
      'page',
      'edition',
      'publisher-place',
      'publisher',
      ['issued', 'year'],
      'volume',
      'collection-title',
      'collection-number',
      'ISBN',
      'DOI',
      ...ONLINE,
    ],
  ),
  report: layout(
    ['author'],
    [
      ['publisher', 'institution'],
      'publisher-place',
      ['number', 'reportNumber'],
      ['genre', 'reportGenre'],
      'collection-title',
      'issued',
      'number-of-pages',
      'DOI',
      ...ONLINE,
    ],
  ),
  thesis: layout(
    ['author'],
    [
      ['publisher', 'university'],
      'publisher-place',
      ['genre', 'degree'],
      ['issued', 'year'],
      'number-of-pages',
      'DOI',
      ...ONLINE,
    ],
  ),
  'paper-conference': layout(
    ['author', 'editor'],
    [
      ['container-title', 'proceedings'],
      'event-title',
      'event-place',
      'event-date',
      'page',
      'publisher-place',
      'publisher',
      'issued',
      'collection-title',
      'DOI',
      'ISBN',
      ...ONLINE,
    ],
  ),
  'entry-encyclopedia': layout(
    ['author', 'editor'],
    [
      ['container-title', 'encyclopedia'],
      'edition',
      'volume',
      'page',
      'publisher-place',
      'publisher',
      'issued',
      ...ONLINE,
    ],
  ),
  'entry-dictionary': layout(
    ['author', 'editor'],
    [
      ['container-title', 'dictionary'],
      'edition',
      'volume',
      'page',
      'publisher-place',
      'publisher',
      'issued',
      ...ONLINE,
    ],
  ),
  legislation: layout(
    ['author'],
    [['container-title', 'lawSource'], 'number', 'section', 'authority', 'issued', ...ONLINE],
  ),
  dataset: layout(['author'], [['publisher', 'repository'], 'version', 'medium', 'issued', 'DOI', ...ONLINE]),
  software: layout(['author'], ['publisher', 'version', 'issued', 'DOI', ...ONLINE]),
}

const GENERAL = layout(
  ['author', 'editor'],
  ['container-title', 'number', 'page', 'publisher-place', 'publisher', 'issued', 'DOI', ...ONLINE],
)

/** The fields `type` uses; kinds without their own layout use a general one. */
export function layoutOf(type: CslItemType): KindLayout {
  return LAYOUTS[type] ?? GENERAL
}

/**
 * Whether a kind's record shows its access date: always for kinds read online, and for any item
 * that has an address (a report or a book read on the web).
 */
export function usesAccessDate(type: CslItemType, hasUrl: boolean): boolean {
  return WEB_KINDS.has(type) || hasUrl
}
