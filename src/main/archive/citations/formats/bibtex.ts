/**
 * BibTeX and BibLaTeX entries <-> CSL items. Reading maps every field a CSL variable can hold and keeps
 * every other field as written in `custom.bibtex` / `custom.biblatex` (with the entry type, the field
 * name each variable came from, and the TeX of values that have no exact Unicode form), so an export
 * in the same family gives the entry back: same type, same key, every field.
 */
import type { CslItem, CslItemType, CslName } from '../csl-item'
import type { CslSourceRecord } from '../../../../common/csl'
import { entryKeys } from './citation-key'
import { formatNames, parseNames } from './bibtex-names'
import { resolveInheritance } from './bibtex-inherit'
import { parseBibtexSyntax, type BibtexSyntaxEntry } from './bibtex-syntax'
import {
  BIBLATEX_ONLY_FIELDS,
  BIBLATEX_ONLY_TYPES,
  cslTypeOfEntry,
  entryTypeOfItem,
  type BibDialect,
} from './bibtex-types'
import { formatIsoDate, monthMacro, monthNumber, parseIsoDate, parseYearMonthDay } from './dates'
import type { ReferenceProblem } from './problems'
import {
  decodeTexExact,
  escapeTex,
  escapeTitle,
  languageCode,
  languageName,
  LANGUAGE_NAMES,
  texEntry,
  texUrl,
  type TexField,
} from './tex'

export type { BibDialect }

type Kind = 'text' | 'title' | 'verbatim' | 'names' | 'page' | 'language'

interface WriteContext {
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
const RULES: readonly FieldRule[] = [
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
const DATE_FIELDS: readonly [CslDateVariableName, string][] = [
  ['accessed', 'urldate'],
  ['original-date', 'origdate'],
  ['event-date', 'eventdate'],
]
type CslDateVariableName = 'accessed' | 'original-date' | 'event-date'

/** BibLaTeX fields whose BibTeX name a BibTeX export adds, for BibTeX styles to find them. */
const CLASSIC_FIELDS: readonly [string, string][] = [
  ['journaltitle', 'journal'],
  ['location', 'address'],
]

/** A URL or DOI as written: only the escapes of TeX specials are undone ("a\\_b" -> "a_b"). */
export function unescapeVerbatim(raw: string): string {
  return raw
    .replace(/\\([_%#&$~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

interface Decoded {
  value: string | CslName[]
  exact: boolean
}

function decodeValue(kind: Kind, raw: string): Decoded {
  switch (kind) {
    case 'verbatim':
      return { value: unescapeVerbatim(raw), exact: true }
    case 'names': {
      return { value: parseNames(raw), exact: decodeTexExact(raw).exact }
    }
    case 'page': {
      const decoded = decodeTexExact(raw)
      return { value: decoded.text.replace(/\s*[–—]\s*/g, '-'), exact: decoded.exact }
    }
    case 'language': {
      const decoded = decodeTexExact(raw)
      const code = languageCode(decoded.text)
      // Only a name that an export writes back the same becomes a code ("russian" -> "ru").
      const exactCode = code && LANGUAGE_NAMES[code] === decoded.text.toLowerCase() ? code : undefined
      return { value: exactCode ?? decoded.text, exact: decoded.exact }
    }
    default: {
      const decoded = decodeTexExact(raw)
      return { value: decoded.text, exact: decoded.exact }
    }
  }
}

function encodeValue(kind: Kind, value: string | CslName[], dialect: BibDialect): string {
  const options = { ascii: dialect === 'bibtex' }
  if (Array.isArray(value)) return formatNames(value, options)
  switch (kind) {
    case 'verbatim':
      return texUrl(value)
    case 'title':
      return escapeTitle(value, options)
    case 'page':
      return escapeTex(value, options).replace(/(\d)\s*[-–—]\s*(?=\w)/g, '$1--')
    case 'language':
      return escapeTex(
        /^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*$/.test(value) ? (languageName(value) ?? value) : value,
        options,
      )
    default:
      return escapeTex(value, options)
  }
}

/** A value with braces and runs of whitespace taken out: two spellings BibTeX reads alike compare equal. */
function looseTex(value: string): string {
  return value.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim()
}

/** Deep equality of plain JSON data, whatever the order of object keys. */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false
  if (Array.isArray(left) !== Array.isArray(right)) return false
  const leftKeys = Object.keys(left).filter((key) => (left as Record<string, unknown>)[key] !== undefined)
  const rightKeys = Object.keys(right).filter((key) => (right as Record<string, unknown>)[key] !== undefined)
  if (leftKeys.length !== rightKeys.length) return false
  return leftKeys.every((key) =>
    sameValue((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
  )
}

export interface BibtexReadResult {
  dialect: BibDialect
  items: CslItem[]
  problems: ReferenceProblem[]
}

/** A whole .bib text -> one item per entry (@string, @preamble, @comment and @xdata are not entries). */
export function readBibtex(text: string): BibtexReadResult {
  const file = parseBibtexSyntax(text)
  const problems: ReferenceProblem[] = file.problems.map(({ severity, line, key, message }) => ({
    severity,
    line,
    ...(key ? { entry: key } : {}),
    message,
  }))
  for (const { entry, message } of resolveInheritance(file.entries))
    problems.push({
      severity: 'warning',
      line: entry.line,
      entry: entry.key,
      message: `entry "${entry.key}" (line ${entry.line}): ${message}`,
    })
  const references = file.entries.filter((entry) => entry.type !== 'xdata')
  const dialect: BibDialect = references.some(
    (entry) =>
      BIBLATEX_ONLY_TYPES.has(entry.type) ||
      entry.fields.some((field) => BIBLATEX_ONLY_FIELDS.has(field.name)),
  )
    ? 'biblatex'
    : 'bibtex'
  const ids = new Set<string>()
  const items = references.map((entry, index) => {
    const item = entryToItem(entry, dialect)
    let id = entry.key || `entry-${index + 1}`
    if (ids.has(id)) {
      problems.push({
        severity: 'warning',
        line: entry.line,
        entry: entry.key,
        message: `entry "${entry.key}" (line ${entry.line}): another entry has the same citation key`,
      })
      for (let suffix = 2; ids.has(id); suffix++) id = `${entry.key || 'entry'}-${suffix}`
    }
    ids.add(id)
    item.id = id
    return item
  })
  return { dialect, items, problems }
}

/** One entry -> a CSL item, every field accounted for. */
export function entryToItem(entry: BibtexSyntaxEntry, dialect: BibDialect): CslItem {
  const fields = new Map(entry.fields.map((field) => [field.name, field.value]))
  // Names as the file wrote them ("Author", "TITLE"), so an export writes them the same way.
  const writtenAs = new Map(
    entry.fields.flatMap((field) => (field.as ? [[field.name, field.as] as const] : [])),
  )
  const type: CslItemType = cslTypeOfEntry(entry.type, fields)
  const item: CslItem = { id: entry.key, type }
  if (entry.key) item['citation-key'] = entry.key
  const record: CslSourceRecord = { type: entry.typeAs ?? entry.type, fields: {} }
  const names: Record<string, string> = {}
  const verbatim: Record<string, string> = {}
  const used = new Set<string>()
  const target = item as Record<string, unknown>

  for (const rule of RULES) {
    if (rule.appliesTo && !rule.appliesTo(entry.type)) continue
    if (target[rule.variable] !== undefined) continue
    const name = rule.fields.find((field) => !used.has(field) && fields.get(field)?.trim())
    if (!name) continue
    const raw = fields.get(name)!
    const decoded = decodeValue(rule.kind, raw)
    if (decoded.value.length === 0) continue
    target[rule.variable] = decoded.value
    used.add(name)
    const context = { entryType: entry.type, dialect, item }
    const as = writtenAs.get(name)
    if (as || name !== rule.target(context) || rule.variable === 'subtitle') names[rule.variable] = as ?? name
    // Kept as written when an export would write it otherwise (braces and spaces aside): the file's
    // own spelling ("Ludwig van Beethoven", "M{\"u}ller" in a UTF-8 file, "american") comes back.
    const encoded = encodeValue(rule.kind, decoded.value, dialect)
    if (!decoded.exact || looseTex(encoded) !== looseTex(raw)) verbatim[name] = raw
  }
  readIssued(fields, used, item, names, verbatim)
  for (const [variable, name] of DATE_FIELDS) {
    const raw = fields.get(name)?.trim()
    if (!raw) continue
    const date = parseIsoDate(decodeTexExact(raw).text)
    if (!date) continue
    item[variable] = date
    used.add(name)
    if (formatIsoDate(date) !== raw) verbatim[name] = raw
  }
  for (const field of entry.fields)
    if (!used.has(field.name)) record.fields[field.as ?? field.name] = field.value
  // A repeated field's later values go with the field's name: written back, the entry repeats it again.
  for (const { name: lower, as, value } of entry.duplicates) {
    const name = used.has(lower) ? (writtenAs.get(lower) ?? lower) : (as ?? lower)
    const earlier = record.fields[name]
    record.fields[name] =
      earlier === undefined ? [value] : [...(Array.isArray(earlier) ? earlier : [earlier]), value]
  }
  if (Object.keys(names).length > 0) record.names = names
  if (Object.keys(verbatim).length > 0) record.verbatim = verbatim
  item.custom = { [dialect]: record }
  return item
}

function readIssued(
  fields: ReadonlyMap<string, string>,
  used: Set<string>,
  item: CslItem,
  names: Record<string, string>,
  verbatim: Record<string, string>,
): void {
  const text = (name: string): string | undefined => {
    const raw = fields.get(name)
    const decoded = raw === undefined ? undefined : decodeTexExact(raw).text
    return decoded ? decoded : undefined
  }
  const date = text('date')
  if (date) {
    const parsed = parseIsoDate(date)
    if (parsed) {
      item.issued = parsed
      used.add('date')
      names.issued = 'date'
      if (formatIsoDate(parsed) !== fields.get('date')!.trim()) verbatim.date = fields.get('date')!
      return
    }
  }
  const year = text('year')
  if (!year || year === '0000') return
  const month = text('month')
  const day = text('day')
  // As much of the date as reads: a day or month that does not stays as written.
  const issued =
    parseYearMonthDay(year, month, day) ??
    (month !== undefined ? parseYearMonthDay(year, month, undefined) : undefined) ??
    parseYearMonthDay(year, undefined, undefined)
  names.issued = 'year'
  used.add('year')
  const yearRaw = fields.get('year')!
  const ranges = issued?.['date-parts']
  const written = !ranges
    ? year
    : ranges.length > 1
      ? `${ranges[0]![0]}--${ranges[1]![0]}`
      : String(ranges[0]![0])
  // A year written its own way ("1955--58", "{\noopsort{1985a}}1985") comes back as written.
  if (!decodeTexExact(yearRaw).exact || looseTex(yearRaw) !== looseTex(written)) verbatim.year = yearRaw
  if (!issued) {
    item.issued = { literal: year }
    return
  }
  item.issued = issued
  // Only a month and day that the date holds are used up; a month beside a year range stays as written.
  const [, monthPart, dayPart] = issued['date-parts']!.length === 1 ? issued['date-parts']![0]! : []
  if (monthPart !== undefined) {
    used.add('month')
    // "March" or "Mar." comes back as written; a month number or macro is written as a macro.
    if (month !== undefined && !/^\d{1,2}$/.test(month)) verbatim.month = fields.get('month')!
  }
  if (dayPart !== undefined) used.add('day')
}

/** One item as a BibTeX or BibLaTeX entry. */
function writeEntry(item: CslItem, key: string, dialect: BibDialect): string {
  const own = item.custom?.[dialect] as CslSourceRecord | undefined
  const other = item.custom?.[dialect === 'bibtex' ? 'biblatex' : 'bibtex'] as CslSourceRecord | undefined
  const record = own ?? other
  const recordDialect: BibDialect | undefined = own
    ? dialect
    : other
      ? dialect === 'bibtex'
        ? 'biblatex'
        : 'bibtex'
      : undefined
  const entryType = chooseEntryType(item, record, dialect)
  // A BibLaTeX entry in a BibTeX export keeps its own fields, and gets the classic ones BibTeX reads.
  const classic = dialect === 'bibtex' && recordDialect === 'biblatex'
  const context: WriteContext = {
    entryType: entryType.toLowerCase(),
    dialect: classic ? 'biblatex' : dialect,
    item,
  }
  const fields: TexField[] = []
  const written = new Set<string>()
  const rawFields = record?.fields ?? {}
  const verbatim = record?.verbatim ?? {}
  const source = item as Record<string, unknown>

  // BibTeX field names are case-insensitive: "Author" and "author" are one field.
  const push = (name: string, value: string | undefined, bare = false): void => {
    if (value === undefined || value === '' || written.has(name.toLowerCase())) return
    written.add(name.toLowerCase())
    fields.push({ name, value, bare })
  }

  const writtenVariables = new Set<string>()
  for (const rule of RULES) {
    if (writtenVariables.has(rule.variable)) continue
    const value = source[rule.variable]
    if (value === undefined || value === null || value === '') continue
    if (rule.variable === 'subtitle' && dialect === 'bibtex' && !record?.names?.subtitle) continue
    if (rule.variable === 'title' && dialect === 'bibtex' && item.subtitle && !record?.names?.subtitle) {
      writtenVariables.add(rule.variable)
      push('title', encodeValue('title', `${String(value)}: ${item.subtitle}`, context.dialect))
      continue
    }
    const recorded = record?.names?.[rule.variable]
    const name = recorded ?? rule.target(context)
    if (!name) continue
    writtenVariables.add(rule.variable)
    const current = Array.isArray(value) ? (value as CslName[]) : String(value)
    const kept = verbatim[(recorded ?? name).toLowerCase()]
    const useKept = kept !== undefined && sameValue(decodeValue(rule.kind, kept).value, current)
    // A BibLaTeX entry keeps its Unicode in a BibTeX export too, as it keeps its field names.
    push(name, useKept ? kept.replace(/\s+/g, ' ').trim() : encodeValue(rule.kind, current, context.dialect))
  }
  writeIssued(item, record, classic, context.dialect, verbatim, push)
  for (const [variable, name] of DATE_FIELDS) {
    const date = item[variable]
    const kept = verbatim[name]
    const keptDate = kept !== undefined ? parseIsoDate(kept) : undefined
    push(name, kept !== undefined && sameValue(keptDate, date) ? kept : formatIsoDate(date))
  }
  if (!record && dialect === 'biblatex') {
    if (item.type === 'article-newspaper') push('entrysubtype', 'newspaper')
    if (item.type === 'article-magazine') push('entrysubtype', 'magazine')
    if (item.type === 'report' && !item.genre) push('type', 'report')
  }
  for (const [name, value] of Object.entries(rawFields))
    for (const text of Array.isArray(value) ? value : [value]) {
      // Repeated and empty fields are written too: the entry comes back as the file had it.
      const field = { name, value: text.replace(/\s+/g, ' ').trim() }
      if (!written.has(name.toLowerCase()) && field.value !== '') push(field.name, field.value)
      else {
        written.add(name.toLowerCase())
        fields.push(field)
      }
    }
  if (classic)
    for (const [biblatexName, bibtexName] of CLASSIC_FIELDS) {
      const value = fields.find((field) => field.name.toLowerCase() === biblatexName)?.value
      push(bibtexName, value)
    }
  return texEntry(entryType, key, orderFields(fields))
}

function orderFields(fields: readonly TexField[]): TexField[] {
  const rank = (field: TexField): number => FIELD_RANK.get(field.name.toLowerCase()) ?? FIELD_ORDER.length
  return fields
    .map((field, index) => ({ field, index }))
    .sort((left, right) => rank(left.field) - rank(right.field) || left.index - right.index)
    .map(({ field }) => field)
}

function chooseEntryType(item: CslItem, record: CslSourceRecord | undefined, dialect: BibDialect): string {
  if (record) {
    // The file's entry type, unless the item has since become another kind of source.
    const hints = new Map<string, string>()
    const subtype = Object.entries(record.fields).find(([name]) => name.toLowerCase() === 'entrysubtype')?.[1]
    if (typeof subtype === 'string') hints.set('entrysubtype', subtype)
    if (item.URL) hints.set('url', item.URL)
    if (item.accessed) hints.set('urldate', '')
    if (cslTypeOfEntry(record.type.toLowerCase(), hints) === item.type) return record.type
  }
  return entryTypeOfItem(item.type, item.genre, dialect)
}

type Push = (name: string, value: string | undefined, bare?: boolean) => void

function writeIssued(
  item: CslItem,
  record: CslSourceRecord | undefined,
  classic: boolean,
  dialect: BibDialect,
  verbatim: Record<string, string>,
  push: Push,
): void {
  const issued = item.issued
  if (!issued) return
  const parts = issued['date-parts']
  const asDate = record?.names?.issued === 'date'
  // BibTeX reads only year and month: a BibLaTeX date in a BibTeX export gets them too.
  const asYear = record ? !asDate || classic : dialect === 'bibtex'
  const keptYear = verbatim.year
  const keptYearText = keptYear === undefined ? undefined : decodeTexExact(keptYear).text
  if (!parts?.[0]?.length) {
    const literal = issued.literal ?? issued.raw
    const name = asDate ? 'date' : 'year'
    const kept = verbatim[name]
    if (kept !== undefined && decodeTexExact(kept).text === literal) push(name, kept)
    else if (literal) push(name, escapeTex(literal, { ascii: dialect === 'bibtex' }))
    return
  }
  if (asYear) {
    const single = parts.length === 1 || !parts[1]?.length
    if (single && issued.season === undefined && !issued.circa) {
      const [year, month, day] = parts[0]
      push('year', keptYear !== undefined && keptYearText?.includes(String(year)) ? keptYear : String(year))
      const keptMonth = verbatim.month
      if (keptMonth !== undefined && monthNumber(decodeTexExact(keptMonth).text) === Number(month))
        push('month', keptMonth.replace(/\s+/g, ' ').trim())
      else if (month !== undefined) push('month', monthMacro(Number(month)) ?? String(month), true)
      if (day !== undefined && record) push('day', String(day))
    } else if (parts.length > 1 && parts[1]?.length && (classic || parts[0].length === 1) && !issued.circa) {
      const [start, end] = [parts[0][0], parts[1][0]]
      const range = `${start}--${end}`
      const keepRange =
        keptYear !== undefined && sameValue(parseYearMonthDay(keptYearText!, undefined, undefined), issued)
      push('year', keepRange ? keptYear : range)
    } else push('date', formatIsoDate(issued))
  }
  // Lectern's BibTeX exports of pages carry the full date as well.
  if (asDate || !asYear || (!record && dialect === 'bibtex')) {
    const kept = verbatim.date
    push('date', kept !== undefined && sameValue(parseIsoDate(kept), issued) ? kept : formatIsoDate(issued))
  }
}

function writeAll(items: readonly CslItem[], dialect: BibDialect): string {
  const keys = entryKeys(items)
  return items.map((item, index) => writeEntry(item, keys[index]!, dialect)).join('\n')
}

/**
 * Classic BibTeX: BibTeX's entry types and field names, accented Latin letters as TeX accents. An entry
 * read from a BibLaTeX file keeps its type and fields, with year, month, journal and address added.
 */
export function toBibtex(items: readonly CslItem[]): string {
  return writeAll(items, 'bibtex')
}

/** BibLaTeX (for biber): its entry types and fields, dates as ISO 8601, Unicode kept. */
export function toBiblatex(items: readonly CslItem[]): string {
  return writeAll(items, 'biblatex')
}
