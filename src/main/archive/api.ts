import { mkdir } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import {
  ApiError,
  type ApiArgs,
  type ApiResults,
  type ArchiveApi,
  type ArchiveEvents,
  type EngineEventName,
} from '../../common/api'
import type { Article, ImportReport } from '../../common/types'
import { backupDatabase } from './backup/index'
import { checkArchiveHealth, damageOf } from './backup/health'
import { DamagedArchiveError } from './damage'
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
import { attachFile } from './import/attach'
import { Importer } from './import/importer'
import { referenceFormatOf } from './import/references'
import { editItemRecord } from './items/edit'
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

  /**
   * Open (or make) the archive in `options.dir`. A damaged archive file is refused with a
   * DamagedArchiveError before anything is written to it (no migration, no journal change).
   */
  static async open(options: ArchiveOptions): Promise<Archive> {
    const dir = resolve(options.dir)
    await mkdir(dir, { recursive: true })
    const file = join(dir, DATABASE_FILE)
    const health = await checkArchiveHealth(file)
    if (!health.ok) throw new DamagedArchiveError(file, health)
    let db: Database
    try {
      db = await openArchiveDatabase(file)
    } catch (error) {
      const damage = damageOf(error)
      throw damage ? new DamagedArchiveError(file, damage) : error
    }
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

  async info(_args: ApiArgs<'info'>): Promise<ApiResults['info']> {
    return {
      path: this.dir,
      articleCount: await articles.countArticles(this.db),
      schemaVersion: SCHEMA_VERSION,
      version: this.appVersion,
    }
  }

  async importFiles(args: ApiArgs<'importFiles'>): Promise<ApiResults['importFiles']> {
    const { list, ...rest } = args
    return this.addImportToList(await this.importer.importFiles(rest), list)
  }

  async importPaths(args: ApiArgs<'importPaths'>): Promise<ApiResults['importPaths']> {
    const { list, ...rest } = args
    return this.addImportToList(await this.importer.importPaths(rest), list)
  }

  /** What an import brought in (new items and the ones it found already stored), appended to a list. */
  private async addImportToList(report: ImportReport, listName: string | undefined): Promise<ImportReport> {
    if (listName === undefined) return report
    const ids = [...new Set(report.items.flatMap((item) => item.id ?? item.duplicateOf ?? []))]
    const list = await this.citations.listNamed(listName)
    if (ids.length > 0) await this.citations.addToList({ id: list.id, articleIds: ids })
    return { ...report, list: { id: list.id, name: list.name } }
  }

  importPaste(args: ApiArgs<'importPaste'>): Promise<ApiResults['importPaste']> {
    return this.importer.importPaste(args)
  }

  async cancelImport(args: ApiArgs<'cancelImport'>): Promise<ApiResults['cancelImport']> {
    return { cancelled: this.importer.cancel(args.jobId) }
  }

  listArticles(args: ApiArgs<'listArticles'>): Promise<ApiResults['listArticles']> {
    return listArticles(this.db, args)
  }

  async getArticle(args: ApiArgs<'getArticle'>): Promise<ApiResults['getArticle']> {
    const article = await articles.getArticle(this.db, args.id)
    if (!article) throw notFound([args.id])
    return this.withCitationFields(article)
  }

  async updateArticle(args: ApiArgs<'updateArticle'>): Promise<ApiResults['updateArticle']> {
    const { id, patch } = args
    const article = await this.db.transaction(async () => {
      const now = new Date().toISOString()
      if (await editItemRecord(this.db, id, patch, now)) {
        // The rights line is the page's, not the item's.
        if (patch.rights !== undefined)
          await articles.updateArticle(this.db, id, { rights: patch.rights }, now)
      } else {
        const { rest, citation } = splitCitationPatch(patch)
        if (citation && !(await this.citations.updateCitationFields(id, citation))) throw notFound([id])
        if (Object.keys(rest).length > 0 && !(await articles.updateArticle(this.db, id, rest, now)))
          throw notFound([id])
      }
      await flushSearchIndex(this.db)
      const updated = await articles.getArticle(this.db, id)
      return updated && this.withCitationFields(updated)
    })
    if (!article) throw notFound([id])
    this.emit('archiveChanged', { reason: 'update', ids: [id] })
    return article
  }

  async deleteArticles(args: ApiArgs<'deleteArticles'>): Promise<ApiResults['deleteArticles']> {
    const deleted = await this.db.transaction(async () => {
      const count = await articles.deleteArticles(this.db, args.ids)
      await tags.deleteUnusedTags(this.db)
      return count
    })
    if (deleted > 0) this.emit('archiveChanged', { reason: 'delete', ids: args.ids })
    return { deleted }
  }

  listTags(_args: ApiArgs<'listTags'>): Promise<ApiResults['listTags']> {
    return tags.listTags(this.db)
  }

  async tagArticles(args: ApiArgs<'tagArticles'>): Promise<ApiResults['tagArticles']> {
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

  search(args: ApiArgs<'search'>): Promise<ApiResults['search']> {
    return searchArticles(this.db, args)
  }

  facets(args: ApiArgs<'facets'>): Promise<ApiResults['facets']> {
    return countFacets(this.db, args)
  }

  async setRead(args: ApiArgs<'setRead'>): Promise<ApiResults['setRead']> {
    const changed = await this.db.transaction(async () => {
      await this.requireArticles(args.ids)
      return articles.setRead(this.db, args.ids, args.read, new Date().toISOString())
    })
    if (changed.length > 0) this.emit('archiveChanged', { reason: 'read', ids: changed })
    return { changed: changed.length }
  }

  createTag(args: ApiArgs<'createTag'>): Promise<ApiResults['createTag']> {
    return this.changeTags(() => tags.createTag(this.db, args.name, args.color ?? null))
  }

  renameTag(args: ApiArgs<'renameTag'>): Promise<ApiResults['renameTag']> {
    return this.changeTags(() => tags.renameTag(this.db, args.name, args.newName))
  }

  mergeTags(args: ApiArgs<'mergeTags'>): Promise<ApiResults['mergeTags']> {
    return this.changeTags(() => tags.mergeTags(this.db, args.names, args.into))
  }

  setTagColor(args: ApiArgs<'setTagColor'>): Promise<ApiResults['setTagColor']> {
    return this.changeTags(() => tags.setTagColor(this.db, args.name, args.color))
  }

  deleteTag(args: ApiArgs<'deleteTag'>): Promise<ApiResults['deleteTag']> {
    return this.changeTags(() => tags.deleteTag(this.db, args.name))
  }

  async restoreTag(args: ApiArgs<'restoreTag'>): Promise<ApiResults['restoreTag']> {
    const { restored, articleIds } = await this.db.transaction(() => tags.restoreTags(this.db, args))
    this.emit('archiveChanged', { reason: 'tags', ids: articleIds })
    return { restored }
  }

  listCollections(_args: ApiArgs<'listCollections'>): Promise<ApiResults['listCollections']> {
    return collections.listCollections(this.db)
  }

  createCollection(args: ApiArgs<'createCollection'>): Promise<ApiResults['createCollection']> {
    return this.changeCollections(() =>
      collections.createCollection(this.db, args.name, new Date().toISOString()),
    )
  }

  renameCollection(args: ApiArgs<'renameCollection'>): Promise<ApiResults['renameCollection']> {
    return this.changeCollections(() => collections.renameCollection(this.db, args.id, args.name))
  }

  async deleteCollection(args: ApiArgs<'deleteCollection'>): Promise<ApiResults['deleteCollection']> {
    const deleted = await collections.deleteCollection(this.db, args.id)
    if (deleted) this.emit('archiveChanged', { reason: 'collections' })
    return { deleted }
  }

  async addToCollection(args: ApiArgs<'addToCollection'>): Promise<ApiResults['addToCollection']> {
    const changed = await this.db.transaction(async () => {
      await this.requireArticles(args.articleIds)
      return collections.addToCollection(this.db, args.id, args.articleIds, new Date().toISOString())
    })
    if (changed.length > 0) this.emit('archiveChanged', { reason: 'collections', ids: changed })
    return { changed: changed.length }
  }

  async removeFromCollection(
    args: ApiArgs<'removeFromCollection'>,
  ): Promise<ApiResults['removeFromCollection']> {
    const changed = await this.db.transaction(() =>
      collections.removeFromCollection(this.db, args.id, args.articleIds),
    )
    if (changed.length > 0) this.emit('archiveChanged', { reason: 'collections', ids: changed })
    return { changed: changed.length }
  }

  listSavedSearches(_args: ApiArgs<'listSavedSearches'>): Promise<ApiResults['listSavedSearches']> {
    return savedSearches.listSavedSearches(this.db)
  }

  async saveSearch(args: ApiArgs<'saveSearch'>): Promise<ApiResults['saveSearch']> {
    const saved = await this.db.transaction(() =>
      savedSearches.saveSearch(this.db, args, new Date().toISOString()),
    )
    this.emit('archiveChanged', { reason: 'savedSearches' })
    return saved
  }

  async deleteSavedSearch(args: ApiArgs<'deleteSavedSearch'>): Promise<ApiResults['deleteSavedSearch']> {
    const deleted = await savedSearches.deleteSavedSearch(this.db, args.id)
    if (deleted) this.emit('archiveChanged', { reason: 'savedSearches' })
    return { deleted }
  }

  listCitationLists(_args: ApiArgs<'listCitationLists'>): Promise<ApiResults['listCitationLists']> {
    return this.citations.listLists()
  }

  createCitationList(args: ApiArgs<'createCitationList'>): Promise<ApiResults['createCitationList']> {
    return this.citations.createList(args)
  }

  renameCitationList(args: ApiArgs<'renameCitationList'>): Promise<ApiResults['renameCitationList']> {
    return this.citations.renameList(args)
  }

  deleteCitationList(args: ApiArgs<'deleteCitationList'>): Promise<ApiResults['deleteCitationList']> {
    return this.citations.deleteList(args)
  }

  getCitationList(args: ApiArgs<'getCitationList'>): Promise<ApiResults['getCitationList']> {
    return this.citations.getList(args)
  }

  addToCitationList(args: ApiArgs<'addToCitationList'>): Promise<ApiResults['addToCitationList']> {
    return this.citations.addToList(args)
  }

  removeFromCitationList(
    args: ApiArgs<'removeFromCitationList'>,
  ): Promise<ApiResults['removeFromCitationList']> {
    return this.citations.removeFromList(args)
  }

  reorderCitationList(args: ApiArgs<'reorderCitationList'>): Promise<ApiResults['reorderCitationList']> {
    return this.citations.reorderList(args)
  }

  sortCitationList(args: ApiArgs<'sortCitationList'>): Promise<ApiResults['sortCitationList']> {
    return this.citations.sortList(args)
  }

  setCitationListStyle(args: ApiArgs<'setCitationListStyle'>): Promise<ApiResults['setCitationListStyle']> {
    return this.citations.setListStyle(args)
  }

  formatCitations(args: ApiArgs<'formatCitations'>): Promise<ApiResults['formatCitations']> {
    return this.citations.formatCitations(args)
  }

  async listCiteStyles(_args: ApiArgs<'listCiteStyles'>): Promise<ApiResults['listCiteStyles']> {
    return this.citations.listStyles()
  }

  addCiteStyle(args: ApiArgs<'addCiteStyle'>): Promise<ApiResults['addCiteStyle']> {
    return this.citations.addStyle(args)
  }

  /** The window's "Import references…": one reference file, each entry an item (see import/references.ts). */
  async importReferences(args: ApiArgs<'importReferences'>): Promise<ApiResults['importReferences']> {
    const format = referenceFormatOf(Buffer.from(args.dataBase64, 'base64'))
    if (!format) throw new ApiError('unsupported', `${args.name}: not a BibTeX, RIS or CSL-JSON file`)
    const report = await this.importer.importFiles({ files: [args] })
    return { ...report, format }
  }

  async attachFile(args: ApiArgs<'attachFile'>): Promise<ApiResults['attachFile']> {
    await attachFile(
      this.db,
      args.id,
      { name: args.name, bytes: Buffer.from(args.dataBase64, 'base64') },
      new Date().toISOString(),
    )
    this.emit('archiveChanged', { reason: 'update', ids: [args.id] })
    return this.getArticle({ id: args.id })
  }

  listHighlights(args: ApiArgs<'listHighlights'>): Promise<ApiResults['listHighlights']> {
    return this.highlights.listHighlights(args)
  }

  addHighlight(args: ApiArgs<'addHighlight'>): Promise<ApiResults['addHighlight']> {
    return this.highlights.addHighlight(args)
  }

  updateHighlight(args: ApiArgs<'updateHighlight'>): Promise<ApiResults['updateHighlight']> {
    return this.highlights.updateHighlight(args)
  }

  deleteHighlight(args: ApiArgs<'deleteHighlight'>): Promise<ApiResults['deleteHighlight']> {
    return this.highlights.deleteHighlight(args)
  }

  setFavourite(args: ApiArgs<'setFavourite'>): Promise<ApiResults['setFavourite']> {
    return this.reading.setFavourite(args)
  }

  setReadingProgress(args: ApiArgs<'setReadingProgress'>): Promise<ApiResults['setReadingProgress']> {
    return this.reading.setReadingProgress(args)
  }

  async reextractArticle(args: ApiArgs<'reextractArticle'>): Promise<ApiResults['reextractArticle']> {
    const result = await reextractArticle(this.db, args.id, new Date().toISOString())
    this.emit('archiveChanged', { reason: 'reextract', ids: [args.id] })
    return result
  }

  exportNotesMarkdown(args: ApiArgs<'exportNotesMarkdown'>): Promise<ApiResults['exportNotesMarkdown']> {
    return this.highlights.exportNotesMarkdown(args)
  }

  articlesPerMonth(_args: ApiArgs<'articlesPerMonth'>): Promise<ApiResults['articlesPerMonth']> {
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
    const reading = await this.reading.readingState(article.id)
    return {
      ...article,
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
  backupArchive(args: ApiArgs<'backupArchive'>): Promise<ApiResults['backupArchive']> {
    if (!isAbsolute(args.file)) {
      return Promise.reject(
        new ApiError('invalid-arguments', `backupArchive: file must be an absolute path, not "${args.file}"`),
      )
    }
    return backupDatabase(this.db.file, args.file)
  }

  /** An archive that opened is not damaged: going back to a backup is `lectern restore` with the app closed. */
  restoreLatestBackup(_args: ApiArgs<'restoreLatestBackup'>): Promise<ApiResults['restoreLatestBackup']> {
    return Promise.reject(
      new ApiError(
        'conflict',
        'the archive is not damaged, so it is not replaced from here; to go back to a backup, close ' +
          'Lectern and run `lectern restore --latest` (the archive as it is now is kept beside it)',
      ),
    )
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

  async getPreferences(_args: ApiArgs<'getPreferences'>): Promise<ApiResults['getPreferences']> {
    return this.preferences.read()
  }

  async setPreferences(args: ApiArgs<'setPreferences'>): Promise<ApiResults['setPreferences']> {
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
    { messageKey: 'article-not-found', params: { ids: list } },
  )
}
