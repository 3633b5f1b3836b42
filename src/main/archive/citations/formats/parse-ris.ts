/**
 * RIS reader for "import references". Records run from TY to ER; each line is "TAG  - value" (a tag of two
 * characters, A–Z/0–9). A line without a tag continues the previous value (some writers wrap long values).
 * A broken record is reported with its line and skipped; the rest still parse.
 */
import type { CslItem, CslItemType, CslName } from '../csl-item'

export interface RisRecord {
  type: string
  /** Every tag with its values in order (AU repeats). */
  fields: Record<string, string[]>
  line: number
}

export interface RisProblem {
  line: number
  message: string
}

export interface RisParseResult {
  records: RisRecord[]
  problems: RisProblem[]
}

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/

export function parseRis(text: string): RisParseResult {
  const records: RisRecord[] = []
  const problems: RisProblem[] = []
  let current: RisRecord | null = null
  let lastTag: string | null = null
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  lines.forEach((raw, index) => {
    const lineNumber = index + 1
    const line = raw.replace(/\s+$/, '')
    if (line === '') return
    const match = TAG_LINE.exec(line) ?? TAG_LINE.exec(raw)
    if (!match) {
      if (current && lastTag) {
        const values = current.fields[lastTag]!
        values[values.length - 1] = `${values[values.length - 1]} ${line.trim()}`.trim()
      } else {
        problems.push({ line: lineNumber, message: `not a RIS line: "${line.slice(0, 40)}"` })
      }
      return
    }
    const tag = match[1]!
    const value = (match[2] ?? '').trim()
    if (tag === 'TY') {
      if (current)
        problems.push({ line: current.line, message: `record of type ${current.type} has no ER line` })
      current = { type: value, fields: {}, line: lineNumber }
      lastTag = null
      if (!value) problems.push({ line: lineNumber, message: 'TY line without a type' })
      return
    }
    if (!current) {
      problems.push({ line: lineNumber, message: `${tag} line outside a record (no TY before it)` })
      return
    }
    if (tag === 'ER') {
      if (current.type) records.push(current)
      current = null
      lastTag = null
      return
    }
    const values = (current.fields[tag] ??= [])
    values.push(value)
    lastTag = tag
  })
  if (current !== null) {
    const open: RisRecord = current
    problems.push({ line: open.line, message: `record of type ${open.type} has no ER line` })
  }
  return { records, problems }
}

const RIS_TO_CSL: Record<string, CslItemType> = {
  NEWS: 'article-newspaper',
  MGZN: 'article-magazine',
  JOUR: 'article-journal',
  ELEC: 'webpage',
  WEB: 'webpage',
  BLOG: 'post-weblog',
  RPRT: 'report',
  BOOK: 'book',
  CHAP: 'chapter',
  GEN: 'document',
}

/** "Doe, Jane" -> person; a value without a comma -> literal (RIS writes organisations that way). */
export function risNameToCsl(value: string): CslName {
  const parts = value.split(',').map((part) => part.trim())
  if (parts.length < 2 || !parts[0]) return { literal: value.trim() }
  const name: CslName = { family: parts[0], given: parts[1] ?? '' }
  if (parts[2]) name.suffix = parts[2]
  return name
}

/** "2026/02/07/", "2026/02//", "2026" -> date-parts. */
export function risDateToParts(value: string | undefined): number[] | undefined {
  if (!value) return undefined
  const match = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(value.trim())
  if (!match) return undefined
  const parts = [Number(match[1])]
  if (match[2]) {
    parts.push(Number(match[2]))
    if (match[3]) parts.push(Number(match[3]))
  }
  return parts
}

export function risToCsl(record: RisRecord, id: string): CslItem {
  const first = (tag: string): string | undefined => record.fields[tag]?.[0] || undefined
  const item: CslItem = { id, type: RIS_TO_CSL[record.type] ?? 'document' }
  const title = first('TI') ?? first('T1')
  if (title) item.title = title
  const authors = [...(record.fields.AU ?? []), ...(record.fields.A1 ?? [])]
  if (authors.length > 0) item.author = authors.map(risNameToCsl)
  const container = first('T2') ?? first('JO') ?? first('JF')
  if (container) item['container-title'] = container
  const section = first('SE')
  if (section) item.section = section
  const publisher = first('PB')
  if (publisher) item.publisher = publisher
  const issued = risDateToParts(first('DA')) ?? risDateToParts(first('PY')) ?? risDateToParts(first('Y1'))
  if (issued) item.issued = { 'date-parts': [issued] }
  const accessed = risDateToParts(first('Y2'))
  if (accessed) item.accessed = { 'date-parts': [accessed] }
  const language = first('LA')
  if (language) item.language = language
  const url = first('UR')
  if (url) item.URL = url
  return item
}
