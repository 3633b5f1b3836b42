/**
 * BibTeX and BibLaTeX entries -> CSL items (bibtex-writer.ts writes them back). Reading maps every field
 * a CSL variable can hold and keeps every other field as written in `custom.bibtex` / `custom.biblatex`
 * (with the entry type, the field name each variable came from, and the TeX of values that have no exact
 * Unicode form), so an export in the same family gives the entry back: same type, same key, every field.
 */
import type { CslItem, CslItemType } from '../csl-item'
import type { CslSourceRecord } from '../../../../common/csl'
import { DATE_FIELDS, RULES } from './bibtex-fields'
import { resolveInheritance } from './bibtex-inherit'
import { parseBibtexSyntax, type BibtexSyntaxEntry } from './bibtex-syntax'
import { BIBLATEX_ONLY_FIELDS, BIBLATEX_ONLY_TYPES, cslTypeOfEntry, type BibDialect } from './bibtex-types'
import { decodeValue, encodeValue, looseTex } from './bibtex-values'
import { formatIsoDate, parseIsoDate, parseYearMonthDay } from './dates'
import type { ReferenceProblem } from './problems'
import { decodeTexExact } from './tex'

export type { BibDialect }

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
