import type { Article, ArticleSummary, ExtractedArticle, SearchHit } from '../../common/types'
import { splitSnippet } from '../../common/snippet'

/**
 * The CLI's JSON shapes. Key order is fixed and documented (outside checks read it); fields
 * the engine adds later follow the documented ones instead of disappearing.
 */
export const EXTRACT_FIELDS = [
  'format',
  'title',
  'subtitle',
  'authors',
  'siteName',
  'section',
  'publishedAt',
  'language',
  'url',
  'excerpt',
  'rights',
  'wordCount',
  'contentText',
  'contentHtml',
  'warnings',
  'bibliographic',
  'pageKind',
] as const satisfies readonly (keyof ExtractedArticle)[]

export const SUMMARY_FIELDS = [
  'id',
  'title',
  'subtitle',
  'authors',
  'siteName',
  'section',
  'publishedAt',
  'language',
  'url',
  'excerpt',
  'wordCount',
  'format',
  'addedAt',
  'updatedAt',
  'tags',
  'itemType',
  'pageKind',
] as const satisfies readonly (keyof ArticleSummary)[]

export const ARTICLE_FIELDS = [
  ...SUMMARY_FIELDS,
  'rights',
  'sourceName',
  'originalSha256',
  'warnings',
  'contentText',
  'contentHtml',
  'citationKey',
  'item',
] as const satisfies readonly (keyof Article)[]

export function extractJson(file: string, article: ExtractedArticle): Record<string, unknown> {
  return { file, ...inOrder(article, EXTRACT_FIELDS) }
}

export function summaryJson(summary: ArticleSummary): Record<string, unknown> {
  return inOrder(summary, SUMMARY_FIELDS)
}

export function articleJson(article: Article): Record<string, unknown> {
  return inOrder(article, ARTICLE_FIELDS)
}

export interface SearchHitJson {
  id: number
  title: string
  siteName: string | null
  publishedAt: string | null
  /** The snippet as plain text. */
  snippet: string
  /** [start, end) offsets of the matches in `snippet`, in JavaScript string (UTF-16) units. */
  highlights: [number, number][]
  score: number
}

export function searchHitJson(hit: SearchHit): SearchHitJson {
  const { text, highlights } = splitSnippet(hit.snippet)
  return {
    id: hit.id,
    title: hit.title,
    siteName: hit.siteName,
    publishedAt: hit.publishedAt,
    snippet: text,
    highlights,
    score: hit.score,
  }
}

/** Snippet for a terminal: matches in bold on a TTY, plain otherwise. */
export function renderSnippet(snippet: string, ansi: boolean): string {
  const { text, highlights } = splitSnippet(snippet)
  if (!ansi) return text
  let out = ''
  let cursor = 0
  for (const [start, end] of highlights) {
    out += `${text.slice(cursor, start)}\u001b[1m${text.slice(start, end)}\u001b[22m`
    cursor = end
  }
  return out + text.slice(cursor)
}

function inOrder<T extends object>(value: T, fields: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of fields) out[field as string] = value[field] ?? null
  for (const [key, extra] of Object.entries(value)) if (!(key in out)) out[key] = extra
  return out
}
