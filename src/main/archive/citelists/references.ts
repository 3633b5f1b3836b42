/**
 * "Import references": each entry of a BibTeX, RIS or CSL-JSON file becomes a metadata-only article
 * (format "reference"), and the file itself is kept as their original, so nothing the user gave is lost.
 */
import { createHash, randomUUID } from 'node:crypto'
import { ApiError } from '../../../common/api'
import { escapeHtml } from '../../../common/text'
import type {
  CiteKind,
  ExtractedArticle,
  ImportItemResult,
  ReferenceImportReport,
} from '../../../common/types'
import { CiteError, importReferences, type CslDate, type CslItem, type CslName } from '../cite/index'
import { insertArticle } from '../db/articles'
import type { Database } from '../db/database'
import { flushSearchIndex } from '../search/indexer'
import { updateArticleCitationFields } from './store'

// Lectern's kinds are those of saved pages; any periodical article is cited as one ('news').
const KIND_OF_TYPE: Record<CslItem['type'], CiteKind> = {
  'article-newspaper': 'news',
  'article-magazine': 'news',
  'article-journal': 'news',
  webpage: 'webpage',
  'post-weblog': 'blog',
  report: 'report',
  document: 'document',
  book: 'document',
  chapter: 'document',
}

export async function importReferenceFile(
  db: Database,
  file: { name: string; bytes: Buffer },
  now: string,
): Promise<{ report: ReferenceImportReport; importedIds: number[] }> {
  const text = new TextDecoder('utf-8').decode(file.bytes)
  let parsed: ReturnType<typeof importReferences>
  try {
    parsed = importReferences(file.name, text)
  } catch (error) {
    if (error instanceof CiteError) throw new ApiError('unsupported', error.message)
    throw error
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex')
  const items: ImportItemResult[] = await db.transaction(async () => {
    const results: ImportItemResult[] = []
    for (const item of parsed.items) {
      const extracted = referenceToArticle(item)
      const duplicate = await db.get<{ id: number; title: string }>(
        `SELECT id, title FROM articles
         WHERE (url IS NOT NULL AND url = ?) OR (original_sha256 = ? AND title = ?)
         ORDER BY id LIMIT 1`,
        [extracted.url, sha256, extracted.title],
      )
      if (duplicate) {
        results.push({
          file: file.name,
          status: 'duplicate',
          duplicateOf: duplicate.id,
          title: duplicate.title,
        })
        continue
      }
      const id = await insertArticle(
        db,
        {
          extracted,
          sourceName: file.name,
          original: { sha256, bytes: file.bytes, name: file.name },
          addedAt: now,
        },
        { index: false },
      )
      const accessedAt = fullDay(item.accessed)
      const citeKind = KIND_OF_TYPE[item.type] ?? null
      await updateArticleCitationFields(db, id, { accessedAt, citeKind, format: 'reference' }, now)
      results.push({ file: file.name, status: 'imported', id, title: extracted.title })
    }
    await flushSearchIndex(db)
    return results
  })
  for (const problem of parsed.problems)
    items.push({
      file: file.name,
      status: 'failed',
      error: `${file.name}${problem.line !== undefined ? `, line ${problem.line}` : ''}: ${problem.message}`,
    })
  const count = (status: ImportItemResult['status']): number =>
    items.filter((item) => item.status === status).length
  return {
    report: {
      jobId: randomUUID(),
      format: parsed.format,
      items,
      imported: count('imported'),
      duplicates: count('duplicate'),
      failed: count('failed'),
      cancelled: false,
    },
    importedIds: items.flatMap((item) =>
      item.status === 'imported' && item.id !== undefined ? [item.id] : [],
    ),
  }
}

function referenceToArticle(item: CslItem): ExtractedArticle {
  const abstractValue: unknown = (item as { abstract?: unknown }).abstract
  const abstract = typeof abstractValue === 'string' ? abstractValue.trim() || null : null
  const warnings: string[] = []
  const publishedAt = isoDate(item.issued)
  if (item.issued && !publishedAt)
    warnings.push(`the date "${item.issued.literal ?? JSON.stringify(item.issued)}" is not a calendar date`)
  return {
    // insertArticle stores extraction results; the format becomes 'reference' right after.
    format: 'text',
    title: clean(item.title) ?? '',
    subtitle: clean(item.subtitle),
    authors: (item.author ?? []).map(nameText).filter((name) => name !== ''),
    siteName: clean(item['container-title']) ?? clean(item.publisher),
    section: clean(item.section),
    publishedAt,
    language: languageCode(item.language),
    url: clean(item.URL),
    excerpt: abstract && abstract.length > 300 ? `${abstract.slice(0, 299)}…` : abstract,
    rights: null,
    wordCount: abstract ? abstract.split(/\s+/).filter(Boolean).length : 0,
    contentText: abstract ?? '',
    contentHtml: abstract ? `<p>${escapeHtml(abstract)}</p>` : '',
    warnings,
  }
}

/** A CSL name as Lectern stores authors; "Family, Given" parses back exactly (cite/csl-item.ts parseName). */
function nameText(name: CslName): string {
  if (name.literal) return name.literal.trim()
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ').trim()
  const given = name.given?.trim()
  if (!family) return given ?? ''
  return [family, given, name.suffix].filter(Boolean).join(', ')
}

function isoDate(date: CslDate | undefined): string | null {
  const parts = date?.['date-parts']?.[0]
  if (!parts?.length || !Number.isInteger(parts[0])) return null
  const [year, month, day] = parts
  const pad = (value: number): string => String(value).padStart(2, '0')
  let text = String(year).padStart(4, '0')
  if (month !== undefined && month >= 1 && month <= 12) {
    text += `-${pad(month)}`
    if (day !== undefined && day >= 1 && day <= 31) text += `-${pad(day)}`
  }
  return text
}

function fullDay(date: CslDate | undefined): string | null {
  const text = isoDate(date)
  return text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null
}

function languageCode(language: string | undefined): string | null {
  const match = /^([a-z]{2,3})(?:[-_]|$)/i.exec(language?.trim() ?? '')
  return match ? match[1]!.toLowerCase() : null
}

function clean(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : null
}
