import type {
  AppCommand,
  Article,
  ArticlePatch,
  ArchiveInfo,
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
  importFiles(args: { files: FileUpload[]; jobId?: string }): Promise<ImportReport>
  /** Import files or folders on this machine's disk (desktop dialogs, CLI). */
  importPaths(args: { paths: string[]; recursive?: boolean; jobId?: string }): Promise<ImportReport>
  /** Store pasted text or HTML as an article. */
  importPaste(args: PasteInput): Promise<ImportItemResult>
  cancelImport(args: { jobId: string }): Promise<{ cancelled: boolean }>
  listArticles(args: ListQuery): Promise<ListPage>
  getArticle(args: { id: number }): Promise<Article>
  updateArticle(args: { id: number; patch: ArticlePatch }): Promise<Article>
  deleteArticles(args: { ids: number[] }): Promise<{ deleted: number }>
  listTags(args: Record<string, never>): Promise<TagCount[]>
  tagArticles(args: { ids: number[]; add?: string[]; remove?: string[] }): Promise<{ changed: number }>
  search(args: SearchQuery): Promise<SearchHit[]>
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
] as const satisfies readonly ApiMethod[]

export const API_EVENTS = ['importProgress', 'archiveChanged', 'appCommand'] as const satisfies readonly ApiEventName[]

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
