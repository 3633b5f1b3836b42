import { ApiError, type ApiErrorShape, type ArchiveApi } from '../../common/api'
import { isApiMethod, parseArgs } from '../../common/schema'
import { plainSqliteProblem } from './backup/health'

/**
 * The one entry point every transport (IPC, HTTP, CLI) uses: validate the argument, call the
 * engine, and let only ApiErrors through, so a wrong call never crashes a host.
 */
export async function callApi(api: ArchiveApi, method: string, rawArgs: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiError('not-found', `unknown method: ${method}`)
  const args = parseArgs(method, rawArgs)
  try {
    // The schema for `method` produced `args`, so the pairing is sound.
    const invoke = api[method] as (this: ArchiveApi, a: typeof args) => Promise<unknown>
    return await invoke.call(api, args)
  } catch (error) {
    throw asApiError(error)
  }
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const storage = storageError(error)
  if (storage) return storage
  console.error('lectern: internal error:', error)
  const detail = error instanceof Error ? error.message : String(error)
  return new ApiError('internal', `internal error: ${detail}`)
}

export function toErrorShape(error: unknown): ApiErrorShape {
  return asApiError(error).toJSON()
}

/** SQLite's reports of a damaged file or a full disk, as the contract's errors in plain words. */
export function storageError(error: unknown): ApiError | null {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined
  if (code === 'SQLITE_FULL')
    return new ApiError(
      'storage-full',
      'the disk is full (or the archive reached its size limit): free some space and try again; ' +
        'everything stored before is intact',
      { messageKey: 'storage-full' },
    )
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return new ApiError(
      'damaged',
      `the archive file is damaged (${plainSqliteProblem(error)}); nothing more is written to it: ` +
        'restore the newest backup (lectern restore --latest)',
      { messageKey: 'archive-damaged' },
    )
  return null
}
