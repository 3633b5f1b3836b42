import {
  API_EVENTS,
  API_METHODS,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  type ApiErrorShape,
  type ApiEventName,
  type ArchiveClient,
  type ArchiveEvents,
} from '../common/api'

/** The part of Electron's ipcRenderer the client uses (a fake in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/**
 * A failed call as the page receives it. contextBridge copies an Error's message but drops its
 * other properties, so failures cross as plain objects: `code` and `message` survive, and
 * String(error) gives the message.
 */
export interface BridgedApiError extends ApiErrorShape {
  name: 'ApiError'
  toString(): string
}

const ERROR_CODES: ReadonlySet<string> = new Set<ApiErrorShape['code']>([
  'invalid-arguments',
  'not-found',
  'unsupported',
  'conflict',
  'internal',
  'unauthorized',
])

export function bridgedError(code: ApiErrorShape['code'], message: string): BridgedApiError {
  return { name: 'ApiError', code, message, toString: () => message }
}

/** The ArchiveClient over IPC: one function per API method plus `on`, and nothing else. */
export function createIpcClient(ipc: IpcRendererLike): ArchiveClient {
  type Listener = (payload: unknown) => void
  const listeners = new Map<ApiEventName, Set<Listener>>()
  let subscribed = false

  const onMessage = (_event: unknown, message: unknown): void => {
    if (!message || typeof message !== 'object') return
    const { event, payload } = message as { event?: unknown; payload?: unknown }
    if (!isEventName(event)) return
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }

  async function invoke(method: string, args: unknown): Promise<unknown> {
    const reply = await ipc.invoke(`${IPC_INVOKE_PREFIX}${method}`, args ?? {})
    if (reply && typeof reply === 'object' && 'ok' in reply) {
      const { ok, result, error } = reply as { ok: unknown; result?: unknown; error?: unknown }
      if (ok === true) return result
      throw toBridgedError(error, method)
    }
    throw bridgedError('internal', `${method}: unexpected answer from the app`)
  }

  const client: Record<string, unknown> = {}
  for (const method of API_METHODS) client[method] = (args: unknown) => invoke(method, args)
  client.on = <E extends ApiEventName>(
    event: E,
    listener: (payload: ArchiveEvents[E]) => void,
  ): (() => void) => {
    if (!isEventName(event)) throw bridgedError('invalid-arguments', `unknown event: ${String(event)}`)
    if (typeof listener !== 'function')
      throw bridgedError('invalid-arguments', 'on: the listener must be a function')
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    const wrapped = (payload: unknown): void => listener(payload as ArchiveEvents[E])
    set.add(wrapped)
    if (!subscribed) {
      ipc.on(IPC_EVENT_CHANNEL, onMessage)
      subscribed = true
    }
    return () => {
      set.delete(wrapped)
      const anyLeft = [...listeners.values()].some((remaining) => remaining.size > 0)
      if (!anyLeft && subscribed) {
        ipc.removeListener(IPC_EVENT_CHANNEL, onMessage)
        subscribed = false
      }
    }
  }
  return client as unknown as ArchiveClient
}

function toBridgedError(error: unknown, method: string): BridgedApiError {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown }
    const knownCode =
      typeof code === 'string' && ERROR_CODES.has(code) ? (code as ApiErrorShape['code']) : 'internal'
    return bridgedError(knownCode, typeof message === 'string' && message ? message : `${method} failed`)
  }
  return bridgedError('internal', `${method} failed`)
}

function isEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && (API_EVENTS as readonly string[]).includes(name)
}
