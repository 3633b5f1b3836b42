import type { ApiArgs, ApiMethod } from './schema'
import type {
  AppCommand,
  Article,
  ArchiveInfo,
  BackupRestore,
  BackupResult,
  CitationList,
  CitationListDetail,
  CiteStyle,
  Collection,
  FacetCount,
  Facets,
  FormattedCitations,
  Highlight,
  ImportItemResult,
  ImportProgress,
  ImportReport,
  InterfacePreferences,
  ListPage,
  ReadingState,
  ReextractResult,
  ReferenceImportReport,
  SavedSearch,
  SearchHit,
  TagCount,
  TagUndo,
} from './types'

export { API_METHODS, type ApiArgs, type ApiMethod, type ApiParsedArgs } from './schema'
export { ApiError, type ApiErrorCode, type ApiErrorShape } from './errors'

/**
 * The one contract between the window and the engine. Electron IPC, the browser host's HTTP routes
 * and direct calls (CLI, tests) all serve exactly these methods. Each method takes one plain-data
 * argument, written once as a zod schema in schema.ts (which also documents it), and returns a
 * promise of the plain data this map names. Adding a method is an entry there, one here, and its
 * implementation in the engine's Archive.
 */
export interface ApiResults {
  info: ArchiveInfo
  importFiles: ImportReport
  importPaths: ImportReport
  importPaste: ImportItemResult
  cancelImport: { cancelled: boolean }
  listArticles: ListPage
  getArticle: Article
  updateArticle: Article
  deleteArticles: { deleted: number }
  listTags: TagCount[]
  tagArticles: { changed: number }
  search: SearchHit[]
  facets: Facets
  setRead: { changed: number }
  createTag: TagCount
  renameTag: TagCount
  mergeTags: TagCount
  setTagColor: TagCount
  deleteTag: TagUndo
  restoreTag: { restored: number }
  listCollections: Collection[]
  createCollection: Collection
  renameCollection: Collection
  deleteCollection: { deleted: boolean }
  addToCollection: { changed: number }
  removeFromCollection: { changed: number }
  listSavedSearches: SavedSearch[]
  saveSearch: SavedSearch
  deleteSavedSearch: { deleted: boolean }
  backupArchive: BackupResult
  restoreLatestBackup: BackupRestore
  listCitationLists: CitationList[]
  createCitationList: CitationList
  renameCitationList: CitationList
  deleteCitationList: { deleted: boolean }
  getCitationList: CitationListDetail
  addToCitationList: { changed: number }
  removeFromCitationList: { changed: number }
  reorderCitationList: CitationListDetail
  sortCitationList: CitationListDetail
  setCitationListStyle: CitationList
  formatCitations: FormattedCitations
  listCiteStyles: CiteStyle[]
  addCiteStyle: CiteStyle
  importReferences: ReferenceImportReport
  attachFile: Article
  listHighlights: Highlight[]
  addHighlight: Highlight
  updateHighlight: Highlight
  deleteHighlight: { deleted: boolean }
  setFavourite: { changed: number }
  setReadingProgress: ReadingState
  reextractArticle: ReextractResult
  exportNotesMarkdown: { markdown: string }
  articlesPerMonth: FacetCount[]
  getPreferences: InterfacePreferences
  setPreferences: InterfacePreferences
}

export type ApiResult<M extends ApiMethod> = ApiResults[M]

/** Every method of the contract, typed from its schema and its result. */
export type ArchiveApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]> }

// Compile-time proof that the schemas and the result map name the same methods.
type ResultsWithoutSchema = Exclude<keyof ApiResults, ApiMethod>
const everyResultHasASchema: ResultsWithoutSchema extends never ? true : ResultsWithoutSchema = true
void everyResultHasASchema

/** Events pushed from the engine (or the desktop shell) to the window. */
export interface ArchiveEvents {
  importProgress: ImportProgress
  /** Something in the archive changed (import, edit, delete, tags): views reload. */
  archiveChanged: { reason: string; ids?: number[] }
  /** A menu, shortcut or protocol command from the desktop shell. */
  appCommand: AppCommand
  /** The interface preferences were saved with a change (other windows and the shell's menu follow). */
  preferencesChanged: InterfacePreferences
}

export type ApiEventName = keyof ArchiveEvents

/** The events the engine itself emits; every host forwards them to its windows. */
export const ENGINE_EVENTS = ['importProgress', 'archiveChanged', 'preferencesChanged'] as const
export type EngineEventName = (typeof ENGINE_EVENTS)[number]

/** Every event a client can subscribe to: the engine's, and the desktop shell's own. */
export const API_EVENTS = [...ENGINE_EVENTS, 'appCommand'] as const

// Compile-time proof that API_EVENTS lists every event of ArchiveEvents.
type UnlistedEvents = Exclude<ApiEventName, (typeof API_EVENTS)[number]>
const everyEventListed: UnlistedEvents extends never ? true : UnlistedEvents = true
void everyEventListed

export function isApiEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && (API_EVENTS as readonly string[]).includes(name)
}

/** The event half of the engine facade (`Archive.on`), which hosts forward to their windows. */
export interface ArchiveEventSource {
  on<E extends EngineEventName>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void
}

/** What a host serves: the API plus the engine's events; the engine's `Archive` is one. */
export type HostedArchive = ArchiveApi & ArchiveEventSource

/** Client-side shape of the API plus the event subscription every transport offers. */
export interface ArchiveClient extends ArchiveApi {
  on<E extends ApiEventName>(event: E, listener: (payload: ArchiveEvents[E]) => void): () => void
}

/** One call's answer as it crosses IPC or HTTP: errors keep their code instead of becoming bare strings. */
export type ApiReply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } }

/** IPC channel names, shared by preload and main. */
export const IPC_INVOKE_PREFIX = 'lectern:'
export const IPC_EVENT_CHANNEL = 'lectern:event'
