import { mkdir } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import { ApiError, type ApiArgs, type ArchiveApi, type ArchiveEvents } from '../../common/api'
import { parseArgs } from '../../common/schema'
import type {
  Article,
  ArticleFilter,
  ArticlePatch,
  ArchiveInfo,
  BackupResult,
  Collection,
  Facets,
  FacetQuery,
  SavedSearch,
  TagUndo,
  ImportItemResult,
  ImportReport,
  ListPage,
  ListQuery,
  SearchHit,
  SearchQuery,
  TagCount,
} from '../../common/types'
import type {
  InterfacePreferences,
  ArticleCitationPatch,
  CitationList,
  CitationListDetail,
  CiteFormat,
  CiteLocale,
  CiteStyle,
  CslItemData,
  FormattedCitations,
  ReferenceImportReport,
  Highlight,
  HighlightColor,
  ReadingState,
  ReextractResult,
  FacetCount,
} from '../../common/types'
import { backupDatabase } from './backup/index'
import { CitationService, splitCitationPatch } from './citations/lists/index'
import * as articles from './db/articles'
import * as collections from './db/collections'
import * as savedSearches from './db/saved-searches'
import { openArchiveDatabase, SCHEMA_VERSION, type Database } from './db/index'
import * as tags from './db/tags'
import {
  exportArchive,
  importArchiveZip,
  type ExportSummary,
  type ImportArchiveSummary,
} from './archive-zip/index'
import { HighlightService } from './highlights/index'
import { Importer } from './import/importer'
import { reextractArticle } from './import/reextract'
import { ReadingService } from './reading/service'
import { articlesPerMonth } from './search/statistics'
import { DATABASE_FILE } from './paths'
import { PreferencesFile } from './preferences'
import { countFacets } from './search/facets'
import { flushSearchIndex } from './search/indexer'
import { listArticles } from './search/library'
import { searchArticles } from './search/search'

export interface ArchiveOptions {
  /** The archive folder; created when missing. It holds lectern.sqlite. */
  dir: string
  /** Reported by `info`. */
  appVersion?: string
}

/** The events the engine itself emits (appCommand comes from the desktop shell). */
export type EngineEventName = 'importProgress' | 'archiveChanged' | 'preferencesChanged'

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
    preferencesChanged: new Set(),
  }
  private readonly importer: Importer
  private citationService: CitationService | undefined
  private highlightService: HighlightService | undefined
  private readonly preferences: PreferencesFile
  private readonly reading: ReadingService

  private constructor(
    readonly dir: string,
    private readonly db: Database,
    private readonly appVersion: string,
  ) {
    this.importer = new Importer(db, (event, payload) => this.emit(event, payload))
    this.preferences = new PreferencesFile(dir)
    this.reading = new ReadingService(db, (change) => this.emit('archiveChanged', change))
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
    this.listeners.preferencesChanged.clear()
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

  importFiles(args: ApiArgs<'importFiles'>): Promise<ImportReport> {
    return this.importer.importFiles(args)
  }

  importPaths(args: ApiArgs<'importPaths'>): Promise<ImportReport> {
    return this.importer.importPaths(args)
  }

  importPaste(args: ApiArgs<'importPaste'>): Promise<ImportItemResult> {
    return this.importer.importPaste(args)
  }

  async cancelImport(args: { jobId: string }): Promise<{ cancelled: boolean }> {
    return { cancelled: this.importer.cancel(args.jobId) }
  }

  listArticles(args: ListQuery): Promise<ListPage> {
    return listArticles(this.db, args)
  }

  async getArticle(args: { id: number }): Promise<Article> {
    const article = await articles.getArticle(this.db, args.id)
    if (!article) throw notFound([args.id])
    return this.withCitationFields(article)
  }

  async updateArticle(args: { id: number; patch: ArticlePatch & ArticleCitationPatch }): Promise<Article> {
    // Direct callers (CLI, tests) skip the transport's validation; a bad patch must not reach the table.
    const { id, patch: fullPatch } = parseArgs('updateArticle', args)
    const { rest: patch, citation } = splitCitationPatch(fullPatch)
    const article = await this.db.transaction(async () => {
      if (citation && !(await this.citations.updateCitationFields(id, citation))) throw notFound([id])
      if (Object.keys(patch).length > 0) {
        const found = await articles.updateArticle(this.db, id, patch, new Date().toISOString())
        if (!found) throw notFound([id])
        await flushSearchIndex(this.db)
      }
      const updated = await articles.getArticle(this.db, id)
      return updated && this.withCitationFields(updated)
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
      await this.requireArticles(args.ids)
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

  facets(args: FacetQuery): Promise<Facets> {
    return countFacets(this.db, args)
  }

  async setRead(args: { ids: number[]; read: boolean }): Promise<{ changed: number }> {
    const changed = await this.db.transaction(async () => {
      await this.requireArticles(args.ids)
      return articles.setRead(this.db, args.ids, args.read, new Date().toISOString())
    })
    if (changed.length > 0) this.emit('archiveChanged', { reason: 'read', ids: changed })
    return { changed: changed.length }
  }

  createTag(args: { name: string; color?: string | null }): Promise<TagCount> {
    return this.changeTags(() => tags.createTag(this.db, args.name, args.color ?? null))
  }

  renameTag(args: { name: string; newName: string }): Promise<TagCount> {
    return this.changeTags(() => tags.renameTag(this.db, args.name, args.newName))
  }

  mergeTags(args: { names: string[]; into: string }): Promise<TagCount> {
    return this.changeTags(() => tags.mergeTags(this.db, args.names, args.into))
  }

  setTagColor(args: { name: string; color: string | null }): Promise<TagCount> {
    return this.changeTags(() => tags.setTagColor(this.db, args.name, args.color))
  }

  deleteTag(args: { name: string }): Promise<TagUndo> {
    return this.changeTags(() => tags.deleteTag(this.db, args.name))
  }

  async restoreTag(args: TagUndo): Promise<{ restored: number }> {
    const { restored, articleIds } = await this.db.transaction(() => tags.restoreTags(this.db, args))
    this.emit('archiveChanged', { reason: 'tags', ids: articleIds })
    return { restored }
  }

  listCollections(_args: Record<string, never>): Promise<Collection[]> {
    return collections.listCollections(this.db)
  }

  createCollection(args: { name: string }): Promise<Collection> {
    return this.changeCollections(() =>
      collections.createCollection(this.db, args.name, new Date().toISOString()),
    )
  }

  renameCollection(args: { id: number; name: string }): Promise<Collection> {
    return this.changeCollections(() => collections.renameCollection(this.db, args.id, args.name))
  }

  async deleteCollection(args: { id: number }): Promise<{ deleted: boolean }> {
    const deleted = await collections.deleteCollection(this.db, args.id)
    if (deleted) this.emit('archiveChanged', { reason: 'collections' })
    return { deleted }
  }

  async addToCollection(args: { id: number; articleIds: number[] }): Promise<{ changed: number }> {
    const changed = await this.db.transaction(async () => {
      await this.requireArticles(args.articleIds)
      return collections.addToCollection(this.db, args.id, args.articleIds, new Date().toISOString())
    })
    if (changed.length > 0) this.emit('archiveChanged', { reason: 'collections', ids: changed })
    return { changed: changed.length }
  }

  async removeFromCollection(args: { id: number; articleIds: number[] }): Promise<{ changed: number }> {
    const changed = await this.db.transaction(() =>
      collections.removeFromCollection(this.db, args.id, args.articleIds),
    )
    if (changed.length > 0) this.emit('archiveChanged', { reason: 'collections', ids: changed })
    return { changed: changed.length }
  }

  listSavedSearches(_args: Record<string, never>): Promise<SavedSearch[]> {
    return savedSearches.listSavedSearches(this.db)
  }

  async saveSearch(args: { name: string; query: string; filters?: ArticleFilter }): Promise<SavedSearch> {
    const saved = await this.db.transaction(() =>
      savedSearches.saveSearch(this.db, args, new Date().toISOString()),
    )
    this.emit('archiveChanged', { reason: 'savedSearches' })
    return saved
  }

  async deleteSavedSearch(args: { id: number }): Promise<{ deleted: boolean }> {
    const deleted = await savedSearches.deleteSavedSearch(this.db, args.id)
    if (deleted) this.emit('archiveChanged', { reason: 'savedSearches' })
    return { deleted }
  }

  listCitationLists(_args: Record<string, never>): Promise<CitationList[]> {
    return this.citations.listLists()
  }

  createCitationList(args: { name: string; style?: string; locale?: CiteLocale }): Promise<CitationList> {
    return this.citations.createList(args)
  }

  renameCitationList(args: { id: number; name: string }): Promise<CitationList> {
    return this.citations.renameList(args)
  }

  deleteCitationList(args: { id: number }): Promise<{ deleted: boolean }> {
    return this.citations.deleteList(args)
  }

  getCitationList(args: { id: number }): Promise<CitationListDetail> {
    return this.citations.getList(args)
  }

  addToCitationList(args: { id: number; articleIds: number[] }): Promise<{ changed: number }> {
    return this.citations.addToList(args)
  }

  removeFromCitationList(args: { id: number; articleIds: number[] }): Promise<{ changed: number }> {
    return this.citations.removeFromList(args)
  }

  reorderCitationList(args: { id: number; articleIds: number[] }): Promise<CitationListDetail> {
    return this.citations.reorderList(args)
  }

  sortCitationList(args: { id: number; style?: string; locale?: CiteLocale }): Promise<CitationListDetail> {
    return this.citations.sortList(args)
  }

  setCitationListStyle(args: { id: number; style: string; locale: CiteLocale }): Promise<CitationList> {
    return this.citations.setListStyle(args)
  }

  formatCitations(args: {
    ids?: number[]
    listId?: number
    items?: CslItemData[]
    style?: string
    locale?: CiteLocale
    format?: CiteFormat
  }): Promise<FormattedCitations> {
    return this.citations.formatCitations(args)
  }

  async listCiteStyles(_args: Record<string, never>): Promise<CiteStyle[]> {
    return this.citations.listStyles()
  }

  addCiteStyle(args: { name: string; text: string }): Promise<CiteStyle> {
    return this.citations.addStyle(args)
  }

  importReferences(args: { name: string; dataBase64: string }): Promise<ReferenceImportReport> {
    return this.citations.importReferences(args)
  }

  listHighlights(args: { articleId: number }): Promise<Highlight[]> {
    return this.highlights.listHighlights(args)
  }

  addHighlight(args: {
    articleId: number
    quote: string
    prefix: string
    suffix: string
    textOffset?: number | null
    color: HighlightColor
    note?: string | null
  }): Promise<Highlight> {
    return this.highlights.addHighlight(args)
  }

  updateHighlight(args: { id: number; color?: HighlightColor; note?: string | null }): Promise<Highlight> {
    return this.highlights.updateHighlight(args)
  }

  deleteHighlight(args: { id: number }): Promise<{ deleted: boolean }> {
    return this.highlights.deleteHighlight(args)
  }

  setFavourite(args: { ids: number[]; favourite: boolean }): Promise<{ changed: number }> {
    return this.reading.setFavourite(args)
  }

  setReadingProgress(args: { id: number; progress: number }): Promise<ReadingState> {
    return this.reading.setReadingProgress(args)
  }

  async reextractArticle(args: { id: number }): Promise<ReextractResult> {
    const result = await reextractArticle(this.db, args.id, new Date().toISOString())
    this.emit('archiveChanged', { reason: 'reextract', ids: [args.id] })
    return result
  }

  exportNotesMarkdown(args: { articleId: number; style?: string; locale?: CiteLocale }): Promise<{
    markdown: string
  }> {
    return this.highlights.exportNotesMarkdown(args)
  }

  articlesPerMonth(_args: Record<string, never>): Promise<FacetCount[]> {
    return articlesPerMonth(this.db)
  }

  /** Highlights and notes. */
  private get highlights(): HighlightService {
    this.highlightService ??= new HighlightService(
      this.db,
      (change) => this.emit('archiveChanged', change),
      async (id, style, locale) => {
        const formatted = await this.citations.formatCitations({ ids: [id], style, locale, format: 'text' })
        return formatted.entries[0] ?? ''
      },
    )
    return this.highlightService
  }

  /** Citation lists, formatting and styles; its CitationProcessor is made on first use and kept. */
  private get citations(): CitationService {
    this.citationService ??= new CitationService(this.db, this.dir, (change) =>
      this.emit('archiveChanged', change),
    )
    return this.citationService
  }

  private async withCitationFields(article: Article): Promise<Article> {
    const fields = await this.citations.citationFields(article.id)
    const reading = await this.reading.readingState(article.id)
    return {
      ...article,
      accessedAt: fields?.accessedAt ?? null,
      citeKind: fields?.citeKind ?? null,
      favourite: reading?.favourite ?? false,
      readingProgress: reading?.readingProgress ?? 0,
      lastReadAt: reading?.lastReadAt ?? null,
    }
  }

  /** Run a tag change in one transaction and tell views to reload the tag list. */
  private async changeTags<T>(change: () => Promise<T>): Promise<T> {
    const result = await this.db.transaction(change)
    this.emit('archiveChanged', { reason: 'tags' })
    return result
  }

  private async changeCollections<T>(change: () => Promise<T>): Promise<T> {
    const result = await this.db.transaction(change)
    this.emit('archiveChanged', { reason: 'collections' })
    return result
  }

  private async requireArticles(ids: readonly number[]): Promise<void> {
    const existing = new Set(await articles.existingArticleIds(this.db, ids))
    const missing = ids.filter((id) => !existing.has(id))
    if (missing.length > 0) throw notFound(missing)
  }

  /** A consistent copy of the archive in a new file (see backup/backup.ts); safe during imports. */
  backupArchive(args: { file: string }): Promise<BackupResult> {
    if (!isAbsolute(args.file)) {
      return Promise.reject(
        new ApiError('invalid-arguments', `backupArchive: file must be an absolute path, not "${args.file}"`),
      )
    }
    return backupDatabase(this.db.file, args.file)
  }

  /** Write everything in the archive to a new zip file (export/format.ts); safe during imports. */
  exportArchive(args: { file: string }): Promise<ExportSummary> {
    return exportArchive({
      databaseFile: this.db.file,
      file: resolve(args.file),
      appVersion: this.appVersion,
    })
  }

  /**
   * Load a Lectern export, all or nothing. Refuses a non-empty archive unless `merge` (then
   * articles already present by their original bytes are merged, not duplicated).
   */
  async importArchive(args: { file: string; merge?: boolean }): Promise<ImportArchiveSummary> {
    const summary = await importArchiveZip(this.db, { file: resolve(args.file), merge: args.merge ?? false })
    this.emit('archiveChanged', { reason: 'import' })
    return summary
  }

  async getPreferences(_args: Record<string, never>): Promise<InterfacePreferences> {
    return this.preferences.read()
  }

  async setPreferences(args: { patch: InterfacePreferences }): Promise<InterfacePreferences> {
    const { preferences, changed } = await this.preferences.update(args.patch)
    if (changed) this.emit('preferencesChanged', preferences)
    return preferences
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
