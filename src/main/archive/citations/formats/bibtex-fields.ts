/**
 * Which BibTeX and BibLaTeX fields hold which CSL variable, and which field an export writes each one
 * to (by entry type and dialect); the order fields are written in.
 */
import type { CslItem } from '../csl-item'
import type { BibDialect } from './bibtex-types'
import type { TexField } from './tex'

/** What a variable's value is, which says how it is decoded from TeX and encoded back. */
export type Kind = 'text' | 'title' | 'verbatim' | 'names' | 'page' | 'language'

export interface WriteContext {
  entryType: string
  dialect: BibDialect
  item: CslItem
}

interface FieldRule {
  variable: string
  kind: Kind
  /** The fields that hold the variable, the first present one wins. */
  fields: readonly string[]
  /** Whether the rule reads from an entry of this type (all types when absent). */
  appliesTo?: (entryType: string) => boolean
  /** The field an export writes the variable to; undefined: not written. */
  target: (context: WriteContext) => string | undefined
}

const ARTICLE_TYPES = new Set(['article', 'periodical', 'suppperiodical'])
const NUMBERED_TYPES = new Set([
  'techreport',
  'report',
  'patent',
  'standard',
  'misc',
  'online',
  'electronic',
  'www',
  'dataset',
  'software',
  'unpublished',
  'manual',
  'legislation',
  'jurisdiction',
  'legal',
])
const WEB_TYPES = new Set(['online', 'electronic', 'www', 'webpage'])
const CONTAINED_TYPES = new Set([
  'inbook',
  'bookinbook',
  'suppbook',
  'incollection',
  'suppcollection',
  'inreference',
  'inproceedings',
  'conference',
])
const THESIS_TYPES = new Set(['phdthesis', 'mastersthesis', 'thesis'])
const REPORT_TYPES = new Set(['techreport', 'report'])

const same = (name: string) => (): string => name
const byDialect =
  (bibtex: string | undefined, biblatex: string | undefined) =>
  ({ dialect }: WriteContext): string | undefined =>
    dialect === 'bibtex' ? bibtex : biblatex

const among =
  (types: ReadonlySet<string>) =>
  (entryType: string): boolean =>
    types.has(entryType)
const notAmong =
  (types: ReadonlySet<string>) =>
  (entryType: string): boolean =>
    !types.has(entryType)

/** In output order: the order of Lectern's earlier exports first, then the rest. */
export const RULES: readonly FieldRule[] = [
  { variable: 'author', kind: 'names', fields: ['author'], target: same('author') },
  { variable: 'editor', kind: 'names', fields: ['editor'], target: same('editor') },
  { variable: 'translator', kind: 'names', fields: ['translator'], target: same('translator') },
  { variable: 'container-author', kind: 'names', fields: ['bookauthor'], target: same('bookauthor') },
  { variable: 'title', kind: 'title', fields: ['title'], target: same('title') },
  {
    variable: 'subtitle',
    kind: 'title',
    fields: ['subtitle'],
    target: byDialect(undefined, 'subtitle'),
  },
  { variable: 'section', kind: 'text', fields: ['titleaddon'], target: byDialect(undefined, 'titleaddon') },
  {
    variable: 'container-title',
    kind: 'text',
    fields: ['journaltitle', 'journal', 'booktitle'],
    target: containerTarget,
  },
  {
    variable: 'container-title',
    kind: 'text',
    fields: ['organization'],
    appliesTo: among(WEB_TYPES),
    target: containerTarget,
  },
  { variable: 'container-title', kind: 'text', fields: ['howpublished'], target: containerTarget },
  { variable: 'container-title-short', kind: 'text', fields: ['shortjournal'], target: same('shortjournal') },
  { variable: 'collection-title', kind: 'text', fields: ['series'], target: same('series') },
  { variable: 'volume', kind: 'text', fields: ['volume'], target: same('volume') },
  {
    variable: 'issue',
    kind: 'text',
    fields: ['number', 'issue'],
    appliesTo: among(ARTICLE_TYPES),
    target: same('number'),
  },
  {
    variable: 'number',
    kind: 'text',
    fields: ['number'],
    appliesTo: among(NUMBERED_TYPES),
    target: same('number'),
  },
  {
    variable: 'collection-number',
    kind: 'text',
    fields: ['number'],
    appliesTo: notAmong(new Set([...ARTICLE_TYPES, ...NUMBERED_TYPES])),
    target: same('number'),
  },
  { variable: 'page', kind: 'page', fields: ['pages'], target: same('pages') },
  { variable: 'edition', kind: 'text', fields: ['edition'], target: same('edition') },
  { variable: 'chapter-number', kind: 'text', fields: ['chapter'], target: same('chapter') },
  { variable: 'number-of-volumes', kind: 'text', fields: ['volumes'], target: same('volumes') },
  { variable: 'number-of-pages', kind: 'text', fields: ['pagetotal'], target: same('pagetotal') },
  {
    variable: 'publisher',
    kind: 'text',
    fields: ['institution', 'school', 'publisher'],
    appliesTo: among(new Set([...REPORT_TYPES, ...THESIS_TYPES])),
    target: publisherTarget,
  },
  {
    variable: 'publisher',
    kind: 'text',
    fields: ['publisher', 'institution', 'school'],
    target: publisherTarget,
  },
  {
    variable: 'publisher',
    kind: 'text',
    fields: ['organization'],
    appliesTo: notAmong(WEB_TYPES),
    target: publisherTarget,
  },
  {
    variable: 'publisher-place',
    kind: 'text',
    fields: ['location', 'address'],
    target: byDialect('address', 'location'),
  },
  {
    variable: 'genre',
    kind: 'text',
    fields: ['type'],
    target: same('type'),
  },
  { variable: 'event-title', kind: 'text', fields: ['eventtitle'], target: same('eventtitle') },
  { variable: 'event-place', kind: 'text', fields: ['venue'], target: same('venue') },
  { variable: 'original-title', kind: 'title', fields: ['origtitle'], target: same('origtitle') },
  { variable: 'original-publisher', kind: 'text', fields: ['origpublisher'], target: same('origpublisher') },
  {
    variable: 'original-publisher-place',
    kind: 'text',
    fields: ['origlocation'],
    target: same('origlocation'),
  },
  { variable: 'title-short', kind: 'title', fields: ['shorttitle'], target: same('shorttitle') },
  { variable: 'version', kind: 'text', fields: ['version'], target: same('version') },
  { variable: 'URL', kind: 'verbatim', fields: ['url'], target: same('url') },
  {
    variable: 'language',
    kind: 'language',
    fields: ['langid', 'language'],
    target: byDialect('language', 'langid'),
  },
  { variable: 'DOI', kind: 'verbatim', fields: ['doi'], target: same('doi') },
  { variable: 'ISBN', kind: 'text', fields: ['isbn'], target: same('isbn') },
  { variable: 'ISSN', kind: 'text', fields: ['issn'], target: same('issn') },
  { variable: 'PMID', kind: 'text', fields: ['pmid'], target: same('pmid') },
  { variable: 'PMCID', kind: 'text', fields: ['pmcid'], target: same('pmcid') },
  { variable: 'keyword', kind: 'text', fields: ['keywords'], target: same('keywords') },
  { variable: 'abstract', kind: 'text', fields: ['abstract'], target: same('abstract') },
  { variable: 'note', kind: 'text', fields: ['note'], target: same('note') },
  {
    variable: 'annotation',
    kind: 'text',
    fields: ['annotation', 'annote'],
    target: byDialect('annote', 'annotation'),
  },
  {
    variable: 'section',
    kind: 'text',
    fields: [],
    // Lectern's BibTeX exports have always put a page's section in the note.
    target: ({ dialect, item }) => (dialect === 'bibtex' && !item.note ? 'note' : undefined),
  },
]

/** The order of fields in an export; fields not listed follow in the order they came. */
const FIELD_ORDER = [
  'author',
  'editor',
  'translator',
  'bookauthor',
  'title',
  'subtitle',
  'titleaddon',
  'entrysubtype',
  'journal',
  'journaltitle',
  'organization',
  'booktitle',
  'howpublished',
  'shortjournal',
  'series',
  'volume',
  'number',
  'pages',
  'edition',
  'chapter',
  'volumes',
  'pagetotal',
  'institution',
  'school',
  'publisher',
  'location',
  'address',
  'type',
  'eventtitle',
  'venue',
  'eventdate',
  'origtitle',
  'origpublisher',
  'origlocation',
  'origdate',
  'shorttitle',
  'version',
  'year',
  'month',
  'day',
  'date',
  'url',
  'urldate',
  'language',
  'langid',
  'doi',
  'isbn',
  'issn',
  'pmid',
  'pmcid',
  'keywords',
  'abstract',
  'note',
  'annote',
  'annotation',
]
const FIELD_RANK = new Map(FIELD_ORDER.map((name, index) => [name, index]))

function containerTarget({ entryType, dialect }: WriteContext): string {
  if (ARTICLE_TYPES.has(entryType)) return dialect === 'bibtex' ? 'journal' : 'journaltitle'
  if (CONTAINED_TYPES.has(entryType)) return 'booktitle'
  if (dialect === 'biblatex' && WEB_TYPES.has(entryType)) return 'organization'
  return dialect === 'bibtex' || entryType === 'misc' ? 'howpublished' : 'booktitle'
}

function publisherTarget({ entryType, dialect }: WriteContext): string {
  if (REPORT_TYPES.has(entryType)) return 'institution'
  if (THESIS_TYPES.has(entryType))
    return dialect === 'bibtex' || entryType !== 'thesis' ? 'school' : 'institution'
  return 'publisher'
}

/** Date variables and the BibLaTeX field each is written to; `issued` may also be year + month + day. */
export const DATE_FIELDS: readonly [CslDateVariableName, string][] = [
  ['accessed', 'urldate'],
  ['original-date', 'origdate'],
  ['event-date', 'eventdate'],
]
type CslDateVariableName = 'accessed' | 'original-date' | 'event-date'

/** BibLaTeX fields whose BibTeX name a BibTeX export adds, for BibTeX styles to find them. */
export const CLASSIC_FIELDS: readonly [string, string][] = [
  ['journaltitle', 'journal'],
  ['location', 'address'],
]

/** Fields in FIELD_ORDER; the fields it does not list after them, in the order they came. */
export function orderFields(fields: readonly TexField[]): TexField[] {
  const rank = (field: TexField): number => FIELD_RANK.get(field.name.toLowerCase()) ?? FIELD_ORDER.length
  return fields
    .map((field, index) => ({ field, index }))
    .sort((left, right) => rank(left.field) - rank(right.field) || left.index - right.index)
    .map(({ field }) => field)
}
