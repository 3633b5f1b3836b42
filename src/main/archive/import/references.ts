/**
 * Reference files: BibTeX and BibLaTeX, RIS and CSL-JSON, recognised by their content whatever the
 * file is called. Each entry becomes an item of its own (an article without a page), with the entry's
 * citation key and every field it had; the file itself is kept as their original.
 */
import type { CslItem } from '../../../common/csl'
import { escapeHtml } from '../../../common/text'
import type { DuplicateChoice, ImportItemResult } from '../../../common/types'
import { importReferences, type ReferenceImport } from '../citations/index'
import { insertArticle } from '../db/articles'
import type { Database } from '../db/database'
import { findItemDuplicate } from '../items/duplicates'
import { writeItemRecord } from '../items/edit'
import { mirrorOf, recordText } from '../items/record'
import { flushSearchIndex } from '../search/indexer'

/** Looked at to recognise a reference file: enough for any header and the first entries. */
const SNIFF_CHARS = 64 * 1024

/** What kind of reference file `bytes` hold, from their content; null for anything else. */
export function referenceFormatOf(bytes: Buffer): ReferenceImport['format'] | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_CHARS)).replace(/^\uFEFF/, '')
  const start = head.trimStart()
  if (start.startsWith('<')) return null
  if (/^TY {1,2}- ?\S/m.test(head) && /^(ER {1,2}-|AU {1,2}-|TI {1,2}-|T1 {1,2}-)/m.test(head)) return 'ris'
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
  parsed: ReferenceImport
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
  for (const [index, item] of file.parsed.items.entries()) {
    const entry = item['citation-key'] ?? `entry ${index + 1}`
    const known = duplicates === 'keep' ? undefined : await findItemDuplicate(db, item)
    if (known && duplicates === 'skip') {
      results.push({ file: label, entry, status: 'duplicate', duplicateOf: known.id, title: known.title })
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
      })
      continue
    }
    const id = await insertArticle(db, entryArticle(file, item, now))
    results.push({ file: label, entry, status: 'imported', id, title: mirrorOf(item).title })
  }
  for (const problem of file.parsed.problems)
    results.push({
      file: label,
      status: 'failed',
      error: `${label}${problem.line !== undefined ? `, line ${problem.line}` : ''}: ${problem.message}`,
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
export function readReferenceFile(label: string, bytes: Buffer): ReferenceImport {
  return importReferences(label, new TextDecoder('utf-8').decode(bytes))
}
