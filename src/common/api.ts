import type {
  AppCommand,
  Article,
  ArticleFilter,
  Collection,
  Facets,
  FacetQuery,
  SavedSearch,
  TagUndo,
  ArticlePatch,
  ArchiveInfo,
  BackupResult,
  DuplicateChoice,
  FileUpload,
  ImportItemResult,
  ImportProgress,
  ImportReport,
  ListPage,
  ListQuery,
  PasteInput,
  SearchHit,
  SearchQuery,
  TagCount,
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
  InterfacePreferences,
} from './types'

/**
 * The one contract between the window and the engine. Electron IPC, the browser host's
 * HTTP routes and direct calls (CLI, tests) all serve exactly these methods. Every method
 * takes one plain-data argument object (validated at each boundary by `apiSchemas`) and
 * returns a promise of plain data.
 */
export interface ArchiveApi {
  info(args: Record<string, never>): Promise<ArchiveInfo>
  /** Import files given as bytes; progress arrives as `importProgress` events. */
  importFiles(args: {
    files: FileUpload[]
    jobId?: string
    duplicates?: DuplicateChoice
  }): Promise<ImportReport>
  /** Import files or folders on this machine's disk (desktop dialogs, CLI). */
  importPaths(args: {
    paths: string[]
    recursive?: boolean
    jobId?: string
    duplicates?: DuplicateChoice
  }): Promise<ImportReport>
  /** Store pasted text or HTML as an article. */
  importPaste(args: PasteInput & { duplicates?: DuplicateChoice }): Promise<ImportItemResult>
  cancelImport(args: { jobId: string }): Promise<{ cancelled: boolean }>
  listArticles(args: ListQuery): Promise<ListPage>
  getArticle(args: { id: number }): Promise<Article>
  updateArticle(args: { id: number; patch: ArticlePatch & ArticleCitationPatch }): Promise<Article>
  deleteArticles(args: { ids: number[] }): Promise<{ deleted: number }>
  listTags(args: Record<string, never>): Promise<TagCount[]>
  tagArticles(args: { ids: number[]; add?: string[]; remove?: string[] }): Promise<{ changed: number }>
  search(args: SearchQuery): Promise<SearchHit[]>
  /**
   * Write a consistent copy of the whole archive to `file` (an absolute path to a new file; an
   * existing file is never overwritten), even while imports are running.
   */
  backupArchive(args: { file: string }): Promise<BackupResult>
  /** Counts for the current query and filters: in total, per tag, site, language, year, read state. */
  facets(args: FacetQuery): Promise<Facets>
  /** Mark articles read (now) or unread. */
  setRead(args: { ids: number[]; read: boolean }): Promise<{ changed: number }>
  /** Create a tag with no articles yet (it stays until deleted). Nested: "region/caucasus". */
  createTag(args: { name: string; color?: string | null }): Promise<TagCount>
  /** Rename a tag and move the tags nested under it along; conflict when the new name is taken. */
  renameTag(args: { name: string; newName: string }): Promise<TagCount>
  /** Give the articles of `names` the tag `into` (created if needed) and delete `names`. */
  mergeTags(args: { names: string[]; into: string }): Promise<TagCount>
  setTagColor(args: { name: string; color: string | null }): Promise<TagCount>
  /** Delete a tag and the tags nested under it; the result undoes it through `restoreTag`. */
  deleteTag(args: { name: string }): Promise<TagUndo>
  restoreTag(args: TagUndo): Promise<{ restored: number }>
  listCollections(args: Record<string, never>): Promise<Collection[]>
  createCollection(args: { name: string }): Promise<Collection>
  renameCollection(args: { id: number; name: string }): Promise<Collection>
  /** Delete a collection (its articles stay in the archive). */
  deleteCollection(args: { id: number }): Promise<{ deleted: boolean }>
  addToCollection(args: { id: number; articleIds: number[] }): Promise<{ changed: number }>
  removeFromCollection(args: { id: number; articleIds: number[] }): Promise<{ changed: number }>
  listSavedSearches(args: Record<string, never>): Promise<SavedSearch[]>
  /** Save a search under a name; saving under an existing name replaces that search. */
  saveSearch(args: { name: string; query: string; filters?: ArticleFilter }): Promise<SavedSearch>
  deleteSavedSearch(args: { id: number }): Promise<{ deleted: boolean }>
  /** Citation lists with their item counts, by name. */
  listCitationLists(args: Record<string, never>): Promise<CitationList[]>
  /** A new empty list (style apa and locale en-US unless given); conflict when the name is taken. */
  createCitationList(args: { name: string; style?: string; locale?: CiteLocale }): Promise<CitationList>
  renameCitationList(args: { id: number; name: string }): Promise<CitationList>
  /** Delete a list (its articles stay in the archive). */
  deleteCitationList(args: { id: number }): Promise<{ deleted: boolean }>
  /** The list with its articles in list order. */
  getCitationList(args: { id: number }): Promise<CitationListDetail>
  /** Append articles in the order given; ones already in the list stay where they are. */
  addToCitationList(args: { id: number; articleIds: number[] }): Promise<{ changed: number }>
  removeFromCitationList(args: { id: number; articleIds: number[] }): Promise<{ changed: number }>
  /** Put the list in this order: `articleIds` must hold every article of the list exactly once. */
  reorderCitationList(args: { id: number; articleIds: number[] }): Promise<CitationListDetail>
  /** Order the list as its style (or the one given) orders a bibliography. */
  sortCitationList(args: { id: number; style?: string; locale?: CiteLocale }): Promise<CitationListDetail>
  setCitationListStyle(args: { id: number; style: string; locale: CiteLocale }): Promise<CitationList>
  /**
   * Format articles (`ids`), a list (`listId`, in its own style and locale unless given) or CSL-JSON
   * items given as data (`items`); exactly one of the three. Defaults: apa, en-US, text.
   */
  formatCitations(args: {
    ids?: number[]
    listId?: number
    items?: CslItemData[]
    style?: string
    locale?: CiteLocale
    format?: CiteFormat
  }): Promise<FormattedCitations>
  /** The shipped styles, then the user's (from the archive folder's csl-styles). */
  listCiteStyles(args: Record<string, never>): Promise<CiteStyle[]>
  /** Check that `text` is a CSL style and keep it as a user style named after `name`; replaces one of that name. */
  addCiteStyle(args: { name: string; text: string }): Promise<CiteStyle>
  /** Add the references of a BibTeX, RIS or CSL-JSON file as metadata-only articles (format "reference"). */
  importReferences(args: { name: string; dataBase64: string }): Promise<ReferenceImportReport>
  /** The article's highlights in text order (orphaned ones last). */
  listHighlights(args: { articleId: number }): Promise<Highlight[]>
  /**
   * Highlight a passage: the quote with the text around it as the reader saw it; the engine finds
   * it in contentText and stores the context from there.
   */
  addHighlight(args: {
    articleId: number
    quote: string
    prefix: string
    suffix: string
    textOffset?: number | null
    color: HighlightColor
    note?: string | null
  }): Promise<Highlight>
  updateHighlight(args: { id: number; color?: HighlightColor; note?: string | null }): Promise<Highlight>
  deleteHighlight(args: { id: number }): Promise<{ deleted: boolean }>
  setFavourite(args: { ids: number[]; favourite: boolean }): Promise<{ changed: number }>
  /** Remember how far the reader got (0..1); also records when it was last read. */
  setReadingProgress(args: { id: number; progress: number }): Promise<ReadingState>
  /** Run extraction again on the kept original; id, tags and highlights stay (highlights re-anchored). */
  reextractArticle(args: { id: number }): Promise<ReextractResult>
  /** The article's highlights and notes as a Markdown document, with its reference in `style`. */
  exportNotesMarkdown(args: { articleId: number; style?: string; locale?: CiteLocale }): Promise<{
    markdown: string
  }>
  /** Articles per month of publication ("2026-02"), oldest first; undated ones as one null entry. */
  articlesPerMonth(args: Record<string, never>): Promise<FacetCount[]>
  /** The interface preferences kept in the archive folder ({} until something is chosen). */
  getPreferences(args: Record<string, never>): Promise<InterfacePreferences>
  /** Merge `patch` into the stored preferences; returns all of them. */
  setPreferences(args: { patch: InterfacePreferences }): Promise<InterfacePreferences>
}

export type ApiMethod = keyof ArchiveApi
export type ApiArgs<M extends ApiMethod> = Parameters<ArchiveApi[M]>[0]
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<ArchiveApi[M]>>

/** Events pushed from the engine (or the desktop shell) to the window. */
export interface ArchiveEvents {
  importProgress: ImportProgress
  /** Something in the archive changed (import, edit, delete, tags): views reload. */
  archiveChanged: { reason: string; ids?: number[] }
  appCommand: AppCommand
  /** The interface preferences were saved with a change (the desktop shell relabels its menu). */
  preferencesChanged: InterfacePreferences
}

export type ApiEventName = keyof ArchiveEvents

/** The method list that drives the preload client, the IPC handlers and the HTTP routes. */
export const API_METHODS = [
  'info',
  'importFiles',
  'importPaths',
  'importPaste',
  'cancelImport',
  'listArticles',
  'getArticle',
  'updateArticle',
  'deleteArticles',
  'listTags',
  'tagArticles',
  'search',
  'backupArchive',
  'facets',
  'setRead',
  'createTag',
  'renameTag',
  'mergeTags',
  'setTagColor',
  'deleteTag',
  'restoreTag',
  'listCollections',
  'createCollection',
  'renameCollection',
  'deleteCollection',
  'addToCollection',
  'removeFromCollection',
  'listSavedSearches',
  'saveSearch',
  'deleteSavedSearch',
  'listCitationLists',
  'createCitationList',
  'renameCitationList',
  'deleteCitationList',
  'getCitationList',
  'addToCitationList',
  'removeFromCitationList',
  'reorderCitationList',
  'sortCitationList',
  'setCitationListStyle',
  'formatCitations',
  'listCiteStyles',
  'addCiteStyle',
  'importReferences',
  'listHighlights',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'setFavourite',
  'setReadingProgress',
  'reextractArticle',
  'exportNotesMarkdown',
  'articlesPerMonth',
  'getPreferences',
  'setPreferences',
] as const satisfies readonly ApiMethod[]

export const API_EVENTS = [
  'importProgress',
  'archiveChanged',
  'appCommand',
] as const satisfies readonly ApiEventName[]

/** IPC channel names, shared by preload and main. */
export const IPC_INVOKE_PREFIX = 'lectern:'
export const IPC_EVENT_CHANNEL = 'lectern:event'

/** Failure as it crosses a transport: a code a program can test and a message a person can read. */
export interface ApiErrorShape {
  code: 'invalid-arguments' | 'not-found' | 'unsupported' | 'conflict' | 'internal' | 'unauthorized'
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorShape['code'],
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message }
  }
}

/** Client-side shape of the API plus the event subscription every transport offers. */
export interface ArchiveClient extends ArchiveApi {
  on<E extends ApiEventName>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void
}

// Compile-time proof that API_METHODS lists every ArchiveApi method.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>
const everyMethodListed: MissingMethods extends never ? true : MissingMethods = true
void everyMethodListed
