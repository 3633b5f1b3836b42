import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ApiError, type ArchiveApi, type ArchiveEvents } from '../../common/api'
import { parseArgs } from '../../common/schema'
import type {
  Article,
  ArticlePatch,
  ArchiveInfo,
  FileUpload,
  ImportItemResult,
  ImportReport,
  ListPage,
  ListQuery,
  PasteInput,
  SearchHit,
  SearchQuery,
  TagCount,
} from '../../common/types'
import * as articles from './db/articles'
import { openArchiveDatabase, SCHEMA_VERSION, type Database } from './db/index'
import * as tags from './db/tags'
import { Importer } from './import/importer'
import { DATABASE_FILE } from './paths'
import { searchArticles } from './search/search'

export interface ArchiveOptions {
  /** The archive folder; created when missing. It holds lectern.sqlite. */
  dir: string
  /** Reported by `info`. */
  appVersion?: string
}

/** The events the engine itself emits (appCommand comes from the desktop shell). */
export type EngineEventName = 'importProgress' | 'archiveChanged'

type Listener<E extends EngineEventName> = (payload: ArchiveEvents[E]) => void

/**
 * The engine behind every transport: one archive folder, one SQLite connection. Methods take
 * arguments already validated by `parseArgs` (dispatch.ts) and throw ApiError for expected
 * failures.
 */
export class Archive implements ArchiveApi {
  private readonly listeners: { [E in EngineEventName]: Set<Listener<E>> } = {
    importProgress: new Set(),
    archiveChanged: new Set(),
  }
  private readonly importer: Importer

  private constructor(
    readonly dir: string,
    private readonly db: Database,
    private readonly appVersion: string,
  ) {
    this.importer = new Importer(db, (event, payload) => this.emit(event, payload))
  }

  static async open(options: ArchiveOptions): Promise<Archive> {
    const dir = resolve(options.dir)
    await mkdir(dir, { recursive: true })
    const db = await openArchiveDatabase(join(dir, DATABASE_FILE))
    return new Archive(dir, db, options.appVersion ?? 'unknown')
  }

  /** Stop running imports after their current item, then close the database. */
  async close(): Promise<void> {
    await this.importer.shutdown()
    await this.db.close()
    this.listeners.importProgress.clear()
    this.listeners.archiveChanged.clear()
  }

  on<E extends EngineEventName>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void {
    const listeners = this.listeners[event] as Set<Listener<E>>
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }

  async info(_args: Record<string, never>): Promise<ArchiveInfo> {
    return {
      path: this.dir,
      articleCount: await articles.countArticles(this.db),
      schemaVersion: SCHEMA_VERSION,
      version: this.appVersion,
    }
  }

  importFiles(args: { files: FileUpload[]; jobId?: string }): Promise<ImportReport> {
    return this.importer.importFiles(args)
  }

  importPaths(args: { paths: string[]; recursive?: boolean; jobId?: string }): Promise<ImportReport> {
    return this.importer.importPaths(args)
  }

  importPaste(args: PasteInput): Promise<ImportItemResult> {
    return this.importer.importPaste(args)
  }

  async cancelImport(args: { jobId: string }): Promise<{ cancelled: boolean }> {
    return { cancelled: this.importer.cancel(args.jobId) }
  }

  listArticles(args: ListQuery): Promise<ListPage> {
    return articles.listArticles(this.db, args)
  }

  async getArticle(args: { id: number }): Promise<Article> {
    const article = await articles.getArticle(this.db, args.id)
    if (!article) throw notFound([args.id])
    return article
  }

  async updateArticle(args: { id: number; patch: ArticlePatch }): Promise<Article> {
    // Direct callers (CLI, tests) skip the transport's validation; a bad patch must not reach the table.
    const { id, patch } = parseArgs('updateArticle', args)
    const article = await this.db.transaction(async () => {
      if (Object.keys(patch).length > 0) {
        const found = await articles.updateArticle(this.db, id, patch, new Date().toISOString())
        if (!found) throw notFound([id])
      }
      return articles.getArticle(this.db, id)
    })
    if (!article) throw notFound([id])
    this.emit('archiveChanged', { reason: 'update', ids: [id] })
    return article
  }

  async deleteArticles(args: { ids: number[] }): Promise<{ deleted: number }> {
    const deleted = await this.db.transaction(async () => {
      const count = await articles.deleteArticles(this.db, args.ids)
      await tags.deleteUnusedTags(this.db)
      return count
    })
    if (deleted > 0) this.emit('archiveChanged', { reason: 'delete', ids: args.ids })
    return { deleted }
  }

  listTags(_args: Record<string, never>): Promise<TagCount[]> {
    return tags.listTags(this.db)
  }

  async tagArticles(args: {
    ids: number[]
    add?: string[]
    remove?: string[]
  }): Promise<{ changed: number }> {
    const changedIds = await this.db.transaction(async () => {
      const existing = new Set(await articles.existingArticleIds(this.db, args.ids))
      const missing = args.ids.filter((id) => !existing.has(id))
      if (missing.length > 0) throw notFound(missing)
      const added = await tags.addTags(this.db, args.ids, args.add ?? [])
      const removed = await tags.removeTags(this.db, args.ids, args.remove ?? [])
      await tags.deleteUnusedTags(this.db)
      return [...new Set([...added, ...removed])]
    })
    if (changedIds.length > 0) this.emit('archiveChanged', { reason: 'tags', ids: changedIds })
    return { changed: changedIds.length }
  }

  search(args: SearchQuery): Promise<SearchHit[]> {
    return searchArticles(this.db, args)
  }

  private emit<E extends EngineEventName>(event: E, payload: ArchiveEvents[E]): void {
    for (const listener of this.listeners[event] as Set<Listener<E>>) {
      try {
        listener(payload)
      } catch (error) {
        console.error(`lectern: a ${event} listener failed:`, error)
      }
    }
  }
}

function notFound(ids: readonly number[]): ApiError {
  const list = ids.join(', ')
  return new ApiError(
    'not-found',
    ids.length === 1 ? `no article with id ${list}` : `no articles with ids ${list}`,
  )
}
