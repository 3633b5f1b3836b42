import type {
  Article,
  ArticlePatch,
  ArticleSummary,
  ExtractedArticle,
  ArticleFormat,
} from '../../../common/types'
import type { CslItem } from '../../../common/csl'
import { citationFieldsOf, itemOfRow, ITEM_COLUMNS, pageKindOf, type ItemRow } from '../items/record'
import type { Database } from './database'
import { tagsByArticle } from './tags'

/** What one import stores: the extracted reading copy and the original bytes it came from. */
export interface NewArticle {
  extracted: ExtractedArticle
  sourceName: string | null
  original: { sha256: string; bytes: Buffer; name: string | null }
  addedAt: string
  /** Stored instead of the extraction's format ('reference': an entry of a reference file). */
  format?: ArticleFormat
  /** The bibliographic record, when it is known as data (a reference, or what the page says of itself). */
  record?: Omit<CslItem, 'id'>
  citationKey?: string | null
}

export interface ExistingArticleRef {
  id: number
  title: string
}

/** The columns of an article summary, as SQLite returns them (SUMMARY_COLUMNS). */
export interface SummaryRow extends ItemRow {
  excerpt: string | null
  word_count: number
  updated_at: string
  read_at: string | null
}

interface ArticleRow extends SummaryRow {
  rights: string | null
  content_text: string
  content_html: string
  source_name: string | null
  original_sha256: string
  warnings: string
}

export const SUMMARY_COLUMNS = `${ITEM_COLUMNS}, a.excerpt, a.word_count, a.updated_at, a.read_at`

/** Maps ArticlePatch fields to their columns; arrays are stored as JSON. */
const PATCH_COLUMNS: Record<keyof ArticlePatch, string> = {
  title: 'title',
  subtitle: 'subtitle',
  authors: 'authors',
  siteName: 'site_name',
  section: 'section',
  publishedAt: 'published_at',
  language: 'language',
  url: 'url',
  rights: 'rights',
}

export async function findDuplicate(
  db: Database,
  sha256: string,
  url: string | null,
): Promise<ExistingArticleRef | undefined> {
  const sameBytes = await db.get<ExistingArticleRef>(
    'SELECT id, title FROM articles WHERE original_sha256 = ? ORDER BY id LIMIT 1',
    [sha256],
  )
  if (sameBytes || url === null) return sameBytes
  // A reference with that URL is another kind of item: the page is not its duplicate.
  return db.get<ExistingArticleRef>(
    "SELECT id, title FROM articles WHERE url = ? AND format != 'reference' ORDER BY id LIMIT 1",
    [url],
  )
}

/**
 * Store one article and its original bytes (kept once per distinct content). Call inside a
 * transaction, and bring the search index up to date in it (search/indexer.ts `flushSearchIndex`).
 */
export async function insertArticle(db: Database, article: NewArticle): Promise<number> {
  const { extracted: e, original } = article
  await db.run('INSERT OR IGNORE INTO originals (sha256, bytes, size, name) VALUES (?, ?, ?, ?)', [
    original.sha256,
    original.bytes,
    original.bytes.length,
    original.name,
  ])
  const result = await db.run(
    `INSERT INTO articles (title, subtitle, authors, site_name, section, published_at, language, url, excerpt,
       rights, word_count, content_text, content_html, format, source_name, original_sha256, warnings,
       added_at, updated_at, csl, citation_key, page_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.title,
      e.subtitle,
      JSON.stringify(e.authors),
      e.siteName,
      e.section,
      e.publishedAt,
      e.language,
      e.url,
      e.excerpt,
      e.rights,
      e.wordCount,
      e.contentText,
      e.contentHtml,
      article.format ?? e.format,
      article.sourceName,
      original.sha256,
      JSON.stringify(e.warnings),
      article.addedAt,
      article.addedAt,
      article.record ? JSON.stringify(article.record) : null,
      article.citationKey ?? null,
      e.pageKind ?? null,
    ],
  )
  return result.lastID
}

/**
 * Store a new extraction of an article in place (re-extraction, or a replacing import): id, tags,
 * lists and reading state stay, and fields the new extraction leaves empty keep their stored
 * value. `source` also moves the article to another original file.
 */
export async function updateArticleContent(
  db: Database,
  id: number,
  extracted: ExtractedArticle,
  now: string,
  source?: { sourceName: string | null; sha256: string },
): Promise<void> {
  const sourceColumns = source ? 'source_name = $sourceName, original_sha256 = $sha256,' : ''
  await db.run(
    `UPDATE articles SET
       title = $title,
       subtitle = coalesce($subtitle, subtitle),
       authors = CASE WHEN $authors = '[]' THEN authors ELSE $authors END,
       site_name = coalesce($siteName, site_name),
       section = coalesce($section, section),
       published_at = coalesce($publishedAt, published_at),
       language = coalesce($language, language),
       url = coalesce($url, url),
       excerpt = $excerpt,
       rights = coalesce($rights, rights),
       word_count = $wordCount,
       content_text = $contentText,
       content_html = $contentHtml,
       format = $format,
       page_kind = coalesce($pageKind, page_kind),
       ${sourceColumns}
       warnings = $warnings,
       updated_at = $now
     WHERE id = $id`,
    {
      $id: id,
      $title: extracted.title,
      $subtitle: extracted.subtitle,
      $authors: JSON.stringify(extracted.authors),
      $siteName: extracted.siteName,
      $section: extracted.section,
      $publishedAt: extracted.publishedAt,
      $language: extracted.language,
      $url: extracted.url,
      $excerpt: extracted.excerpt,
      $rights: extracted.rights,
      $wordCount: extracted.wordCount,
      $contentText: extracted.contentText,
      $contentHtml: extracted.contentHtml,
      $format: extracted.format,
      $pageKind: extracted.pageKind ?? null,
      $warnings: JSON.stringify(extracted.warnings),
      $now: now,
      ...(source ? { $sourceName: source.sourceName, $sha256: source.sha256 } : {}),
    },
  )
}

export async function getArticle(db: Database, id: number): Promise<Article | undefined> {
  return db.exclusive(async () => {
    const row = await db.get<ArticleRow>('SELECT a.* FROM articles a WHERE a.id = ?', [id])
    if (!row) return undefined
    const tags = await tagsByArticle(db, [id])
    return toArticle(row, tags.get(id) ?? [])
  })
}

/** Apply a patch; returns false when the article does not exist. Flush the search index after it. */
export async function updateArticle(
  db: Database,
  id: number,
  patch: ArticlePatch,
  now: string,
): Promise<boolean> {
  const assignments: string[] = []
  const params: Record<string, string | number | null> = { $id: id, $now: now }
  for (const [field, value] of Object.entries(patch) as [
    keyof ArticlePatch,
    ArticlePatch[keyof ArticlePatch],
  ][]) {
    if (value === undefined) continue
    const column = PATCH_COLUMNS[field]
    assignments.push(`${column} = $${column}`)
    params[`$${column}`] = Array.isArray(value) ? JSON.stringify(value) : value
  }
  const result = await db.run(
    `UPDATE articles SET ${[...assignments, 'updated_at = $now'].join(', ')} WHERE id = $id`,
    params,
  )
  return result.changes > 0
}

/** Mark articles read now, or unread; returns the ids whose state changed. */
export async function setRead(
  db: Database,
  ids: readonly number[],
  read: boolean,
  now: string,
): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    read
      ? `UPDATE articles SET read_at = ? WHERE read_at IS NULL AND id IN (SELECT value FROM json_each(?)) RETURNING id`
      : `UPDATE articles SET read_at = NULL WHERE ? IS NOT NULL AND read_at IS NOT NULL
           AND id IN (SELECT value FROM json_each(?)) RETURNING id`,
    [now, JSON.stringify(ids)],
  )
  return rows.map((row) => row.id)
}

/** Delete articles (their tags and now-unused originals go with them); returns how many existed. */
export async function deleteArticles(db: Database, ids: readonly number[]): Promise<number> {
  const result = await db.run('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))', [
    JSON.stringify(ids),
  ])
  return result.changes
}

export async function existingArticleIds(db: Database, ids: readonly number[]): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    'SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(ids)],
  )
  return rows.map((row) => row.id)
}

/** How many articles the archive holds (kept by triggers, so it costs nothing at any size). */
export async function countArticles(db: Database): Promise<number> {
  const row = await db.get<{ total: number }>('SELECT total FROM article_count WHERE id = 1')
  return row?.total ?? 0
}

export function toSummary(row: SummaryRow, tags: string[]): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    authors: parseStringArray(row.authors),
    siteName: row.site_name,
    section: row.section,
    publishedAt: row.published_at,
    language: row.language,
    url: row.url,
    excerpt: row.excerpt,
    wordCount: row.word_count,
    format: row.format as ArticleFormat,
    addedAt: row.added_at,
    updatedAt: row.updated_at,
    tags,
    readAt: row.read_at,
    itemType: itemOfRow(row).type,
    pageKind: pageKindOf(row.page_kind),
  }
}

function toArticle(row: ArticleRow, tags: string[]): Article {
  const item = itemOfRow(row)
  return {
    ...toSummary(row, tags),
    itemType: item.type,
    item,
    citationKey: row.citation_key,
    ...citationFieldsOf(row, item),
    rights: row.rights,
    contentText: row.content_text,
    contentHtml: row.content_html,
    sourceName: row.source_name,
    originalSha256: row.original_sha256,
    warnings: parseStringArray(row.warnings),
  }
}

/** A JSON array of strings from a column; anything else reads as empty. */
export function parseStringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}
