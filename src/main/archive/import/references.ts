/**
 * Reference files: BibTeX and BibLaTeX, RIS and CSL-JSON, recognised by their content whatever the
 * file is called. Each entry becomes an item of its own (an article without a page), with the entry's
 * citation key and every field it had; the file itself is kept as their original.
 */
import type { CslItem } from '../../../common/csl'
import { escapeHtml } from '../../../common/text'
import type { DuplicateChoice, ImportItemResult } from '../../../common/types'
import { readReferences, type ReferenceFile as ParsedReferences } from '../citations/formats/read'
import { insertArticle } from '../db/articles'
import type { Database } from '../db/database'
import { findItemDuplicate } from '../items/duplicates'
import { writeItemRecord } from '../items/edit'
import { mirrorOf, recordText } from '../items/record'
import { flushSearchIndex } from '../search/indexer'

/** Looked at to recognise a reference file: enough for any header and the first entries. */
const SNIFF_CHARS = 64 * 1024

/** What kind of reference file `bytes` hold, from their content; null for anything else. */
export function referenceFormatOf(bytes: Buffer): 'bibtex' | 'ris' | 'csl-json' | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_CHARS)).replace(/^\uFEFF/, '')
  const start = head.trimStart()
  if (start.startsWith('<')) return null
  if (/^[ \t]*TY[ \t]{0,3}-[ \t]*\S/im.test(head) && /^[ \t]*(ER|AU|A1|TI|T1)[ \t]{0,3}-/im.test(head))
    return 'ris'
  if (/^\s*@[a-z]+\s*[{(]/im.test(head) && /^\s*[a-z][\w:.-]*\s*=/im.test(head)) return 'bibtex'
  if ((start.startsWith('[') || start.startsWith('{')) && looksLikeCslJson(bytes)) return 'csl-json'
  return null
}

function looksLikeCslJson(bytes: Buffer): boolean {
  let data: unknown
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''))
  } catch {
    return false
  }
  const list = Array.isArray(data)
    ? data
    : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
      ? (data as { items: unknown[] }).items
      : [data]
  return (
    list.length > 0 &&
    list.every(
      (entry) =>
        entry !== null &&
        typeof entry === 'object' &&
        'type' in entry &&
        ('title' in entry || 'author' in entry || 'editor' in entry),
    )
  )
}

/** A reference file read for import. */
export interface ReferenceFile {
  label: string
  sourceName: string | null
  bytes: Buffer
  sha256: string
  parsed: ParsedReferences
}

/**
 * Store every entry of a reference file, in file order: a line per entry (imported, duplicate of #id,
 * replaced, failed), warnings kept with their entry. Call inside a transaction.
 */
export async function storeReferenceEntries(
  db: Database,
  file: ReferenceFile,
  duplicates: DuplicateChoice,
  now: string,
): Promise<ImportItemResult[]> {
  const results: ImportItemResult[] = []
  const { label } = file
  const { items, problems } = file.parsed
  const warningsOf = new Map<string, string[]>()
  for (const problem of problems) {
    if (problem.severity !== 'warning' || problem.entry === undefined) continue
    warningsOf.set(problem.entry, [...(warningsOf.get(problem.entry) ?? []), problem.message])
  }
  for (const [index, item] of items.entries()) {
    const entry = item['citation-key'] ?? `entry ${index + 1}`
    const warnings = warningsOf.get(entry) ?? warningsOf.get(String(index + 1))
    const noted = warnings ? { warnings } : {}
    const known = duplicates === 'keep' ? undefined : await findItemDuplicate(db, item)
    if (known && duplicates === 'skip') {
      results.push({
        file: label,
        entry,
        status: 'duplicate',
        duplicateOf: known.id,
        title: known.title,
        ...noted,
      })
      continue
    }
    if (known) {
      await writeItemRecord(db, known.id, { ...item, id: String(known.id) }, now)
      results.push({
        file: label,
        entry,
        status: 'imported',
        id: known.id,
        title: known.title,
        replaced: true,
        ...noted,
      })
      continue
    }
    const id = await insertArticle(db, entryArticle(file, item, now))
    results.push({ file: label, entry, status: 'imported', id, title: mirrorOf(item).title, ...noted })
  }
  // An entry that could not be read is a failed line of its own; warnings went with their entries,
  // and a warning about the file as a whole goes with its first entry.
  const fileWarnings: string[] = []
  for (const problem of problems) {
    const where = problem.line !== undefined ? `, line ${problem.line}` : ''
    if (problem.severity === 'error')
      results.push({
        file: label,
        ...(problem.entry !== undefined ? { entry: problem.entry } : {}),
        status: 'failed',
        error: `${label}${where}: ${problem.message}`,
      })
    else if (problem.entry === undefined) fileWarnings.push(problem.message)
  }
  const first = results[0]
  if (first && fileWarnings.length > 0) first.warnings = [...(first.warnings ?? []), ...fileWarnings]
  if (results.length === 0)
    results.push({
      file: label,
      status: 'failed',
      error: `${label}: the file holds no references${fileWarnings.length ? ` (${fileWarnings.join('; ')})` : ''}`,
    })
  await flushSearchIndex(db)
  return results
}

function entryArticle(file: ReferenceFile, item: CslItem, now: string): Parameters<typeof insertArticle>[1] {
  const { id: _id, 'citation-key': citationKey, ...record } = item
  const columns = mirrorOf(item)
  const text = recordText(item)
  const abstract = typeof item.abstract === 'string' ? item.abstract.replace(/\s+/g, ' ').trim() : ''
  return {
    extracted: {
      format: 'text',
      ...columns,
      excerpt: abstract.length > 300 ? `${abstract.slice(0, 299)}…` : abstract || null,
      rights: null,
      wordCount: abstract ? abstract.split(' ').length : 0,
      contentText: text,
      contentHtml: abstract ? `<p>${escapeHtml(abstract)}</p>` : '',
      warnings: [],
    },
    format: 'reference',
    sourceName: file.sourceName,
    original: { sha256: file.sha256, bytes: file.bytes, name: file.sourceName },
    addedAt: now,
    record,
    citationKey: citationKey ?? null,
  }
}

/** Read a file already known to hold references; unreadable entries come back as problems. */
export function readReferenceFile(label: string, bytes: Buffer): ParsedReferences {
  return readReferences(label, new TextDecoder('utf-8').decode(bytes))
}
