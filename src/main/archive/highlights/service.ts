import { ApiError, type ApiArgs, type ApiResults, type ArchiveEvents } from '../../../common/api'
import { collapseWhitespace, locateQuote, selectorAt } from '../../../common/textAnchor'
import type { CiteLocale, Highlight, HighlightColor } from '../../../common/types'
import { getArticle } from '../db/articles'
import type { Database } from '../db/database'
import { notesMarkdown } from './markdown'
import * as store from './store'

/** Formats one article's reference in a style (the citation service does it for the archive). */
export type ReferenceFormatter = (articleId: number, style: string, locale: CiteLocale) => Promise<string>

/** Highlights and notes of one archive, and their export as Markdown. */
export class HighlightService {
  constructor(
    private readonly db: Database,
    private readonly changed: (change: ArchiveEvents['archiveChanged']) => void,
    private readonly formatReference: ReferenceFormatter,
  ) {}

  async listHighlights(args: ApiArgs<'listHighlights'>): Promise<ApiResults['listHighlights']> {
    return this.db.exclusive(async () => {
      await this.requireArticle(args.articleId)
      return store.listHighlights(this.db, args.articleId)
    })
  }

  async addHighlight(args: ApiArgs<'addHighlight'>): Promise<ApiResults['addHighlight']> {
    const highlight = await this.db.transaction(async () => {
      const contentText = await this.contentText(args.articleId)
      const range = locateQuote(contentText, args)
      // The context is taken from contentText, so that re-extraction compares like with like.
      const place = range
        ? { ...selectorAt(contentText, range.start, range.end), textOffset: range.start }
        : {
            quote: collapseWhitespace(args.quote),
            prefix: collapseWhitespace(args.prefix),
            suffix: collapseWhitespace(args.suffix),
            textOffset: args.textOffset ?? null,
          }
      const id = await store.insertHighlight(
        this.db,
        {
          articleId: args.articleId,
          color: args.color,
          ...place,
          textOffset: place.textOffset ?? null,
          note: normaliseNote(args.note),
          orphaned: range === null,
        },
        new Date().toISOString(),
      )
      return (await store.getHighlight(this.db, id)) as Highlight
    })
    this.changed({ reason: 'highlights', ids: [args.articleId] })
    return highlight
  }

  async updateHighlight(args: ApiArgs<'updateHighlight'>): Promise<ApiResults['updateHighlight']> {
    const change: { color?: HighlightColor; note?: string | null } = {}
    if (args.color !== undefined) change.color = args.color
    if (args.note !== undefined) change.note = normaliseNote(args.note)
    const highlight = await this.db.transaction(async () => {
      if (!(await store.updateHighlight(this.db, args.id, change, new Date().toISOString())))
        throw new ApiError('not-found', `no highlight with id ${args.id}`, {
          messageKey: 'highlight-not-found',
          params: { id: args.id },
        })
      return (await store.getHighlight(this.db, args.id)) as Highlight
    })
    this.changed({ reason: 'highlights', ids: [highlight.articleId] })
    return highlight
  }

  async deleteHighlight(args: ApiArgs<'deleteHighlight'>): Promise<ApiResults['deleteHighlight']> {
    const existing = await store.getHighlight(this.db, args.id)
    const deleted = existing !== undefined && (await store.deleteHighlight(this.db, args.id))
    if (deleted && existing) this.changed({ reason: 'highlights', ids: [existing.articleId] })
    return { deleted }
  }

  async exportNotesMarkdown(
    args: ApiArgs<'exportNotesMarkdown'>,
  ): Promise<ApiResults['exportNotesMarkdown']> {
    const article = await getArticle(this.db, args.articleId)
    if (!article) throw notFound([args.articleId])
    const locale = args.locale ?? 'en-US'
    const reference = await this.formatReference(article.id, args.style ?? 'apa', locale)
    const highlights = await store.listHighlights(this.db, article.id)
    return { markdown: notesMarkdown(article, reference, highlights, locale) }
  }

  private async contentText(articleId: number): Promise<string> {
    const row = await this.db.get<{ content_text: string }>(
      'SELECT content_text FROM articles WHERE id = ?',
      [articleId],
    )
    if (!row) throw notFound([articleId])
    return row.content_text
  }

  private async requireArticle(id: number): Promise<void> {
    const row = await this.db.get<{ id: number }>('SELECT id FROM articles WHERE id = ?', [id])
    if (!row) throw notFound([id])
  }
}

function normaliseNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim()
  return trimmed ? trimmed : null
}

function notFound(ids: readonly number[]): ApiError {
  return new ApiError(
    'not-found',
    ids.length === 1 ? `no article with id ${ids[0]}` : `no articles with ids ${ids.join(', ')}`,
    { messageKey: 'article-not-found', params: { ids: ids.join(', ') } },
  )
}
