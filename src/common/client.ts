import {
  API_METHODS,
  isApiEventName,
  type ApiEventName,
  type ApiMethod,
  type ArchiveClient,
  type ArchiveEvents,
} from './api'
import { ApiError } from './errors'

/**
 * What a client needs from a transport (Electron IPC through the preload, or the browser host's HTTP):
 * a way to call a method, and one stream of events.
 */
export interface ClientTransport {
  /**
   * Calls `method` and resolves with the transport's reply ({ok, result} or {ok, error}); rejects
   * only when the other side could not be reached at all.
   */
  call(method: ApiMethod, args: unknown): Promise<unknown>
  /** Starts delivering events to `deliver`; returns a function that stops it. */
  subscribe(deliver: (event: string, payload: unknown) => void): () => void
}

/**
 * The ArchiveClient over any transport: one function per API method plus `on`. Failures arrive as
 * ApiError with the contract's code, whatever the transport.
 */
export function createClient(transport: ClientTransport): ArchiveClient {
  type Listener = (payload: unknown) => void
  const listeners = new Map<ApiEventName, Set<Listener>>()
  let unsubscribe: (() => void) | null = null

  const deliver = (event: string, payload: unknown): void => {
    if (!isApiEventName(event)) return
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }

  async function call(method: ApiMethod, args: unknown): Promise<unknown> {
    let reply: unknown
    try {
      reply = await transport.call(method, args ?? {})
    } catch (error) {
      if (error instanceof ApiError) throw error
      const reason = error instanceof Error ? error.message : String(error)
      throw new ApiError('internal', `${method}: the archive could not be reached (${reason})`)
    }
    if (reply && typeof reply === 'object' && 'ok' in reply) {
      const { ok, result, error } = reply as { ok: unknown; result?: unknown; error?: unknown }
      if (ok === true) return result
      throw ApiError.fromShape(error, `${method} failed`)
    }
    throw new ApiError('internal', `${method}: unexpected answer from the archive`)
  }

  const client: Record<string, unknown> = {}
  for (const method of API_METHODS) client[method] = (args: unknown) => call(method, args)
  client.on = <E extends ApiEventName>(
    event: E,
    listener: (payload: ArchiveEvents[E]) => void,
  ): (() => void) => {
    if (!isApiEventName(event)) throw new ApiError('invalid-arguments', `unknown event: ${String(event)}`)
    if (typeof listener !== 'function')
      throw new ApiError('invalid-arguments', 'on: the listener must be a function')
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    const wrapped: Listener = (payload) => listener(payload as ArchiveEvents[E])
    set.add(wrapped)
    unsubscribe ??= transport.subscribe(deliver)
    return () => {
      set.delete(wrapped)
      const anyLeft = [...listeners.values()].some((remaining) => remaining.size > 0)
      if (!anyLeft && unsubscribe) {
        unsubscribe()
        unsubscribe = null
      }
    }
  }
  return client as unknown as ArchiveClient
}
