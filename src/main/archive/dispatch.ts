import { ApiError, type ApiErrorShape, type ArchiveApi } from '../../common/api'
import { isApiMethod, parseArgs } from '../../common/schema'

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
  console.error('lectern: internal error:', error)
  const detail = error instanceof Error ? error.message : String(error)
  return new ApiError('internal', `internal error: ${detail}`)
}

export function toErrorShape(error: unknown): ApiErrorShape {
  return asApiError(error).toJSON()
}
