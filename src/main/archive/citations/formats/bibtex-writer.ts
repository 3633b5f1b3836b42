/**
 * CSL items -> BibTeX or BibLaTeX entries. An item read from a .bib file is written back as the file had
 * it (its entry type, key, field names and every field kept in `custom.bibtex` / `custom.biblatex`);
 * other items get the entry type and fields their dialect has for them.
 */
import type { CslItem, CslName } from '../csl-item'
import type { CslSourceRecord } from '../../../../common/csl'
import { entryKeys } from './citation-key'
import { CLASSIC_FIELDS, DATE_FIELDS, orderFields, RULES, type WriteContext } from './bibtex-fields'
import { cslTypeOfEntry, entryTypeOfItem, type BibDialect } from './bibtex-types'
import { decodeValue, encodeValue, sameValue } from './bibtex-values'
import { formatIsoDate, monthMacro, monthNumber, parseIsoDate, parseYearMonthDay } from './dates'
import { decodeTexExact, escapeTex, texEntry, type TexField } from './tex'

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
