/**
 * RIS records <-> CSL items. Records run from TY to ER; a line is "TAG  - value" (two spaces or one,
 * upper- or lower-case tag); a line without a tag continues the value before it. Every tag of the RIS
 * specification that a CSL variable can hold is mapped; every other tag, and every further value of a
 * repeated tag, is kept in `custom.ris` and written back. A year that is no year ("PY  - 0000") is kept
 * as written, never turned into a date.
 */
import type { CslDate, CslItem, CslItemType, CslName } from '../csl-item'
import type { CslSourceRecord } from '../../../../common/csl'
import type { ReferenceProblem } from './problems'

export interface RisRecord {
  type: string
  /** Tags in file order, each with its values in order. */
  tags: Map<string, string[]>
  line: number
}

const TAG_LINE = /^\s*([A-Za-z][A-Za-z0-9])\s{0,3}-(?:[ \t]+(.*?)|)\s*$/
// "ER  - ", or a bare "ER" as some exporters write it; never "ER then..." inside a wrapped value.
const END_LINE = /^\s*ER\s*(?:-.*)?$/i
// Line and paragraph separators inside a value would break the record on export: they become spaces.
const ODD_SPACES = /[\u2028\u2029\u0085\v\f]/g

export interface RisSyntaxResult {
  records: RisRecord[]
  problems: ReferenceProblem[]
}

export function parseRisSyntax(text: string): RisSyntaxResult {
  const records: RisRecord[] = []
  const problems: ReferenceProblem[] = []
  let current: RisRecord | null = null
  let lastValues: string[] | null = null
  let strayFrom = 0
  const closeStray = (before: number): void => {
    if (strayFrom > 0)
      problems.push({
        severity: 'warning',
        line: strayFrom,
        message: `line ${strayFrom}: text outside a record (before "TY  - ") is ignored${before > strayFrom + 1 ? ` (to line ${before - 1})` : ''}`,
      })
    strayFrom = 0
  }
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((raw, index) => {
    const lineNumber = index + 1
    const line = raw.replace(ODD_SPACES, ' ')
    if (line.trim() === '') return
    const match = TAG_LINE.exec(line)
    if (current && END_LINE.test(line) && (!match || match[1]!.toUpperCase() === 'ER')) {
      records.push(current)
      current = null
      lastValues = null
      return
    }
    if (!match) {
      if (current && lastValues && lastValues.length > 0)
        lastValues[lastValues.length - 1] = `${lastValues[lastValues.length - 1]} ${line.trim()}`.trim()
      else if (!current && strayFrom === 0) strayFrom = lineNumber
      return
    }
    const tag = match[1]!.toUpperCase()
    const value = (match[2] ?? '').trim()
    if (tag === 'TY') {
      closeStray(lineNumber)
      if (current) {
        problems.push({
          severity: 'warning',
          line: current.line,
          entry: `line ${current.line}`,
          message: `record at line ${current.line}: a new "TY" begins before its "ER"; it ends there`,
        })
        records.push(current)
      }
      current = { type: value, tags: new Map(), line: lineNumber }
      lastValues = null
      return
    }
    if (!current) {
      if (strayFrom === 0) strayFrom = lineNumber
      return
    }
    let values = current.tags.get(tag)
    if (!values) {
      values = []
      current.tags.set(tag, values)
    }
    values.push(value)
    lastValues = values
  })
  closeStray(lines.length + 1)
  if (current !== null) {
    const open: RisRecord = current
    problems.push({
      severity: 'warning',
      line: open.line,
      entry: `line ${open.line}`,
      message: `record at line ${open.line}: the file ends before its "ER" line; the record is kept`,
    })
    records.push(open)
  }
  return { records, problems }
}

const RIS_TO_CSL: Readonly<Record<string, CslItemType>> = {
  ABST: 'article',
  ADVS: 'motion_picture',
  AGGR: 'dataset',
  ANCIENT: 'classic',
  ART: 'graphic',
  BILL: 'bill',
  BLOG: 'post-weblog',
  BOOK: 'book',
  CASE: 'legal_case',
  CHAP: 'chapter',
  CHART: 'graphic',
  CLSWK: 'classic',
  COMP: 'software',
  CONF: 'paper-conference',
  CPAPER: 'paper-conference',
  CTLG: 'document',
  DATA: 'dataset',
  DBASE: 'dataset',
  DICT: 'entry-dictionary',
  EBOOK: 'book',
  ECHAP: 'chapter',
  EDBOOK: 'book',
  EJOUR: 'article-journal',
  ELEC: 'webpage',
  WEB: 'webpage',
  ENCYC: 'entry-encyclopedia',
  EQUA: 'document',
  FIGURE: 'figure',
  GEN: 'document',
  GOVDOC: 'report',
  GRANT: 'document',
  HEAR: 'hearing',
  ICOMM: 'post',
  INPR: 'article-journal',
  JFULL: 'periodical',
  JOUR: 'article-journal',
  LEGAL: 'regulation',
  MANSCPT: 'manuscript',
  MAP: 'map',
  MGZN: 'article-magazine',
  MPCT: 'motion_picture',
  MULTI: 'motion_picture',
  MUSIC: 'musical_score',
  NEWS: 'article-newspaper',
  PAMP: 'pamphlet',
  PAT: 'patent',
  PCOMM: 'personal_communication',
  RPRT: 'report',
  SER: 'book',
  SLIDE: 'graphic',
  SOUND: 'song',
  STAND: 'standard',
  STAT: 'legislation',
  THES: 'thesis',
  UNBILL: 'bill',
  UNPB: 'manuscript',
  VIDEO: 'motion_picture',
}

const CSL_TO_RIS: Partial<Record<CslItemType, string>> = {
  article: 'ABST',
  'article-journal': 'JOUR',
  'article-magazine': 'MGZN',
  'article-newspaper': 'NEWS',
  bill: 'BILL',
  book: 'BOOK',
  chapter: 'CHAP',
  classic: 'CLSWK',
  dataset: 'DATA',
  document: 'GEN',
  'entry-dictionary': 'DICT',
  'entry-encyclopedia': 'ENCYC',
  figure: 'FIGURE',
  graphic: 'ART',
  hearing: 'HEAR',
  legal_case: 'CASE',
  legislation: 'STAT',
  manuscript: 'UNPB',
  map: 'MAP',
  motion_picture: 'MPCT',
  musical_score: 'MUSIC',
  pamphlet: 'PAMP',
  'paper-conference': 'CPAPER',
  patent: 'PAT',
  periodical: 'JFULL',
  personal_communication: 'PCOMM',
  post: 'ICOMM',
  'post-weblog': 'BLOG',
  regulation: 'LEGAL',
  report: 'RPRT',
  software: 'COMP',
  song: 'SOUND',
  standard: 'STAND',
  thesis: 'THES',
  webpage: 'ELEC',
}

export function cslTypeOfRis(type: string): CslItemType {
  return RIS_TO_CSL[type.trim().toUpperCase()] ?? 'document'
}

/** The RIS type of an item: EDBOOK for a book with editors and no authors. */
export function risTypeOfItem(item: CslItem): string {
  if (item.type === 'book' && item.editor?.length && !item.author?.length) return 'EDBOOK'
  return CSL_TO_RIS[item.type] ?? 'GEN'
}

type Kind = 'text' | 'names'

interface TagRule {
  variable: string
  kind: Kind
  tags: readonly string[]
  /** The item types the rule reads for (all when absent). */
  types?: readonly CslItemType[]
}

/** In output order (after TY and ID): the order of Lectern's earlier exports first. */
const RULES: readonly TagRule[] = [
  { variable: 'author', kind: 'names', tags: ['AU', 'A1'] },
  { variable: 'editor', kind: 'names', tags: ['A2', 'ED'] },
  { variable: 'collection-editor', kind: 'names', tags: ['A3'] },
  { variable: 'translator', kind: 'names', tags: ['A4'] },
  { variable: 'title', kind: 'text', tags: ['TI', 'T1'] },
  { variable: 'container-title', kind: 'text', tags: ['T2', 'JO', 'JF', 'BT'] },
  { variable: 'container-title-short', kind: 'text', tags: ['J2', 'JA', 'J1'] },
  { variable: 'collection-title', kind: 'text', tags: ['T3'] },
  { variable: 'title-short', kind: 'text', tags: ['ST'] },
  { variable: 'section', kind: 'text', tags: ['SE'] },
  { variable: 'volume', kind: 'text', tags: ['VL', 'VO'] },
  { variable: 'issue', kind: 'text', tags: ['IS'] },
  { variable: 'number', kind: 'text', tags: ['M1'] },
  { variable: 'version', kind: 'text', tags: ['ET'], types: ['software', 'dataset'] },
  { variable: 'edition', kind: 'text', tags: ['ET'] },
  { variable: 'number-of-volumes', kind: 'text', tags: ['NV'] },
  { variable: 'publisher', kind: 'text', tags: ['PB'] },
  { variable: 'publisher-place', kind: 'text', tags: ['CY', 'PP'] },
  { variable: 'genre', kind: 'text', tags: ['M3'] },
]

const RULES_AFTER_DATES: readonly TagRule[] = [
  { variable: 'language', kind: 'text', tags: ['LA'] },
  { variable: 'URL', kind: 'text', tags: ['UR'] },
  { variable: 'DOI', kind: 'text', tags: ['DO'] },
  { variable: 'abstract', kind: 'text', tags: ['AB', 'N2'] },
  { variable: 'note', kind: 'text', tags: ['N1'] },
  { variable: 'call-number', kind: 'text', tags: ['CN'] },
]

const ISSN = /^\d{4}-?\d{3}[\dXx]$/

/** "Doe, Jane", "Doe, Jane, Jr." -> a person; a value without a comma -> a literal name, as it was. */
export function risNameToCsl(value: string): CslName {
  const parts = value.split(',').map((part) => part.trim())
  if (parts.length < 2 || !parts[0]) return { literal: value.trim() }
  const name: CslName = { family: parts[0] }
  if (parts[1]) name.given = parts[1]
  if (parts.length > 2) {
    const suffix = parts.slice(2).join(', ')
    if (suffix) name.suffix = suffix
  }
  return name
}

function risName(name: CslName): string {
  if (name.literal !== undefined && !name.family) return name.literal
  const family = [name['non-dropping-particle'] ?? name['dropping-particle'], name.family]
    .filter(Boolean)
    .join(' ')
  const parts = [family, name.given ?? '']
  if (name.suffix) parts.push(name.suffix)
  return parts.join(', ').replace(/, $/, '')
}

/** "2026/02/07/", "2026/02//", "2026///", "2026", "2026-02-07", "2015/october" -> date parts. */
export function risDateParts(value: string | undefined): number[] | undefined {
  if (!value) return undefined
  const text = value.trim()
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text)
  const match = iso ?? /^(\d{4})(?:\/([^/]*)(?:\/([^/]*)(?:\/.*)?)?)?$/.exec(text)
  if (!match) return undefined
  const year = Number(match[1])
  if (year === 0) return undefined
  const parts = [year]
  const month = readMonth(match[2])
  if (month === undefined) return parts
  parts.push(month)
  const day = match[3]?.trim()
  if (day && /^\d{1,2}$/.test(day) && Number(day) >= 1 && Number(day) <= 31) parts.push(Number(day))
  return parts
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function readMonth(text: string | undefined): number | undefined {
  const value = text?.trim().toLowerCase()
  if (!value) return undefined
  if (/^\d{1,2}$/.test(value)) {
    const month = Number(value)
    return month >= 1 && month <= 12 ? month : undefined
  }
  const index = MONTHS.indexOf(value.slice(0, 3))
  return index >= 0 && /^[a-z]+\.?$/.test(value) ? index + 1 : undefined
}

function sameNames(left: readonly CslName[], right: readonly CslName[]): boolean {
  return left.length === right.length && left.every((name, index) => risName(name) === risName(right[index]!))
}

function risDate(parts: readonly (number | string)[] | undefined): string | undefined {
  if (!parts || parts.length === 0) return undefined
  const [year, month, day] = parts
  const pad = (value: number | string | undefined): string =>
    value === undefined ? '' : String(value).padStart(2, '0')
  return `${String(year).padStart(4, '0')}/${pad(month)}/${pad(day)}/`
}

function isPrefix(parts: readonly number[], of: readonly (number | string)[] | undefined): boolean {
  return (
    of !== undefined && parts.length <= of.length && parts.every((part, index) => Number(of[index]) === part)
  )
}

const DATE_TAGS = ['DA', 'PY', 'Y1'] as const

export interface RisReadResult {
  items: CslItem[]
  problems: ReferenceProblem[]
}

export function readRis(text: string): RisReadResult {
  const { records, problems } = parseRisSyntax(text)
  const ids = new Set<string>()
  const items = records.map((record, index) => {
    const item = recordToItem(record)
    let id = item['citation-key'] ?? `ris-${index + 1}`
    if (ids.has(id)) {
      if (item['citation-key'])
        problems.push({
          severity: 'warning',
          line: record.line,
          entry: item['citation-key'],
          message: `record "${item['citation-key']}" (line ${record.line}): another record has the same ID`,
        })
      for (let suffix = 2; ids.has(id); suffix++) id = `${item['citation-key'] ?? 'ris'}-${suffix}`
    }
    ids.add(id)
    item.id = id
    return item
  })
  return { items, problems }
}

/** One record -> a CSL item, every tag accounted for. */
export function recordToItem(record: RisRecord): CslItem {
  const rest = new Map([...record.tags].map(([tag, values]) => [tag, values.filter((value) => value !== '')]))
  const take = (tag: string): string | undefined => {
    const values = rest.get(tag)
    const value = values?.shift()
    if (values && values.length === 0) rest.delete(tag)
    return value
  }
  const item: CslItem = { id: '', type: cslTypeOfRis(record.type) }
  const target = item as Record<string, unknown>
  const names: Record<string, string> = {}
  const verbatim: Record<string, string> = {}
  const key = take('ID')
  if (key) item['citation-key'] = key
  for (const rule of [...RULES, ...RULES_AFTER_DATES]) {
    if (rule.types && !rule.types.includes(item.type)) continue
    if (rule.kind === 'names') {
      const tag = rule.tags.find((candidate) => rest.has(candidate))
      if (!tag) continue
      const values = rest.get(tag)!
      target[rule.variable] = values.map(risNameToCsl)
      rest.delete(tag)
      if (tag !== rule.tags[0]) names[rule.variable] = tag
      // Names spelled otherwise than an export would ("Shannon,Claude E.") come back as written.
      if (values.some((value) => risName(risNameToCsl(value)) !== value)) verbatim[tag] = values.join('\n')
      continue
    }
    const tag = rule.tags.find((candidate) => rest.has(candidate))
    if (!tag) continue
    target[rule.variable] = take(tag)
    if (tag !== rule.tags[0]) names[rule.variable] = tag
  }
  readPages(take, item, names)
  readStandardNumbers(rest, item)
  const keywords = rest.get('KW')
  if (keywords && !keywords.some((keyword) => keyword.includes(','))) {
    item.keyword = keywords.join(', ')
    rest.delete('KW')
  }
  readDates(rest, take, item, names, verbatim)
  const record_: CslSourceRecord = { type: record.type, fields: {} }
  // Tags the file left empty ("IS  - ") are kept too, and written back empty.
  for (const [tag, values] of record.tags)
    for (const empty of values.filter((value) => value === ''))
      rest.set(tag, [...(rest.get(tag) ?? []), empty])
  for (const [tag, values] of rest)
    if (values.length > 0) record_.fields[tag] = values.length === 1 ? values[0]! : values
  if (Object.keys(names).length > 0) record_.names = names
  if (Object.keys(verbatim).length > 0) record_.verbatim = verbatim
  item.custom = { ris: record_ }
  return item
}

type Take = (tag: string) => string | undefined

function readPages(take: Take, item: CslItem, names: Record<string, string>): void {
  const start = take('SP')
  const end = take('EP')
  if (start && end) item.page = `${start}-${end}`
  else if (start) {
    item.page = start
    if (/[-–]/.test(start)) names.page = 'SP'
  } else if (end) {
    item.page = end
    names.page = 'EP'
  }
}

/** SN holds an ISBN or an ISSN, whichever it looks like; a second one of a kind stays in SN. */
function readStandardNumbers(rest: Map<string, string[]>, item: CslItem): void {
  const values = rest.get('SN')
  if (!values) return
  for (const value of [...values]) {
    const variable = ISSN.test(value.trim()) ? 'ISSN' : 'ISBN'
    if (item[variable]) continue
    item[variable] = value
    values.splice(values.indexOf(value), 1)
  }
  if (values.length === 0) rest.delete('SN')
}

function readDates(
  rest: Map<string, string[]>,
  take: Take,
  item: CslItem,
  names: Record<string, string>,
  verbatim: Record<string, string>,
): void {
  let best: number[] | undefined
  const used: string[] = []
  for (const tag of DATE_TAGS) {
    const raw = rest.get(tag)?.[0]
    const parts = risDateParts(raw)
    if (!raw || !parts) continue
    // A tag that disagrees with the date already read stays as it was.
    if (best && !isPrefix(parts, best) && !isPrefix(best, parts)) continue
    take(tag)
    used.push(tag)
    if (!best || parts.length > best.length) best = parts
    if (formatDateTag(tag, parts) !== raw) verbatim[tag] = raw
  }
  if (best) {
    item.issued = { 'date-parts': [best] }
    names.issued = used.join(',')
  }
  const accessedRaw = rest.get('Y2')?.[0]
  const accessed = risDateParts(accessedRaw)
  if (accessedRaw && accessed) {
    take('Y2')
    item.accessed = { 'date-parts': [accessed] }
    if (risDate(accessed) !== accessedRaw) verbatim.Y2 = accessedRaw
  }
}

function formatDateTag(tag: string, parts: readonly (number | string)[]): string | undefined {
  return tag === 'PY' ? String(parts[0]).padStart(4, '0') : risDate(parts)
}

function firstParts(date: CslDate | undefined): (number | string)[] | undefined {
  const parts = date?.['date-parts']?.[0]
  return parts?.length ? parts : undefined
}

function line(tag: string, value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined
  const text = String(value).replace(/\s+/g, ' ').trim()
  return text === '' ? undefined : `${tag}  - ${text}`
}

function writeRecord(item: CslItem): string {
  const record = item.custom?.ris as CslSourceRecord | undefined
  const names = record?.names ?? {}
  const verbatim = record?.verbatim ?? {}
  const source = item as Record<string, unknown>
  const recordType = record && cslTypeOfRis(record.type) === item.type ? record.type : undefined
  const lines: (string | undefined)[] = [line('TY', recordType ?? risTypeOfItem(item))]
  lines.push(line('ID', item['citation-key']))
  const writeRules = (rules: readonly TagRule[]): void => {
    for (const rule of rules) {
      const value = source[rule.variable]
      if (value === undefined || value === '') continue
      const tag = names[rule.variable] ?? rule.tags[0]!
      if (rule.kind === 'names') {
        const kept = verbatim[tag]?.split('\n')
        const keep = kept !== undefined && sameNames(kept.map(risNameToCsl), value as CslName[])
        for (const name of keep ? kept : (value as CslName[]).map(risName)) lines.push(line(tag, name))
      } else if (rule.variable === 'title' && item.subtitle)
        lines.push(line(tag, `${String(value)}: ${item.subtitle}`))
      else lines.push(line(tag, value as string))
    }
  }
  writeRules(RULES)
  if (item.title === undefined && item.subtitle) lines.push(line('TI', item.subtitle))
  writePages(item, names, lines)
  writeDates(item, names, verbatim, lines)
  writeRules(RULES_AFTER_DATES)
  if (item.ISBN) lines.push(line('SN', item.ISBN))
  if (item.ISSN) lines.push(line('SN', item.ISSN))
  if (item.keyword) for (const keyword of item.keyword.split(/,\s*/)) lines.push(line('KW', keyword))
  for (const [tag, value] of Object.entries(record?.fields ?? {}))
    for (const each of Array.isArray(value) ? value : [value]) lines.push(line(tag, each) ?? `${tag}  - `)
  lines.push('ER  - ')
  return lines.filter((text): text is string => text !== undefined).join('\n') + '\n'
}

function writePages(item: CslItem, names: Record<string, string>, lines: (string | undefined)[]): void {
  const page = item.page
  if (!page) return
  if (names.page) {
    lines.push(line(names.page, page))
    return
  }
  const range = /^\s*([^-–]+?)\s*[-–]+\s*(.+?)\s*$/.exec(page)
  if (range) lines.push(line('SP', range[1]), line('EP', range[2]))
  else lines.push(line('SP', page))
}

function writeDates(
  item: CslItem,
  names: Record<string, string>,
  verbatim: Record<string, string>,
  lines: (string | undefined)[],
): void {
  const issued = firstParts(item.issued)
  if (issued) {
    const tags = names.issued ? names.issued.split(',') : ['PY', 'DA']
    for (const tag of tags) {
      const kept = verbatim[tag]
      const keptParts = kept !== undefined ? risDateParts(kept) : undefined
      if (kept !== undefined && keptParts && isPrefix(keptParts, issued)) lines.push(line(tag, kept))
      else lines.push(line(tag, formatDateTag(tag, issued)))
    }
  } else if (item.issued?.literal) lines.push(line('PY', item.issued.literal))
  const accessed = firstParts(item.accessed)
  if (accessed) {
    const kept = verbatim.Y2
    const keptParts = kept !== undefined ? risDateParts(kept) : undefined
    lines.push(
      line(
        'Y2',
        kept !== undefined &&
          keptParts &&
          isPrefix(keptParts, accessed) &&
          keptParts.length === accessed.length
          ? kept
          : risDate(accessed),
      ),
    )
  }
}

/** One "TAG  - value" line per value, "\n" line ends, values never wrapped, a blank line between records. */
export function toRis(items: readonly CslItem[]): string {
  return items.map(writeRecord).join('\n')
}
