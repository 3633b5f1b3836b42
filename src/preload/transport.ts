import {
  API_METHODS,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  type ApiMethod,
  type ApiReply,
} from '../common/api'
import type { ClientTransport } from '../common/client'

/** The part of Electron's ipcRenderer the transport uses (a fake in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

const METHODS: ReadonlySet<string> = new Set(API_METHODS)

/**
 * The contract's transport over IPC, which the preload hands to the page: a call reaches only
 * `lectern:<method>` for a method of the contract, and events come from the one event channel.
 * Replies cross as plain data, so the page's client (common/client.ts) turns failures into ApiErrors
 * with their codes (contextBridge would strip an Error thrown here down to its message).
 */
export function createIpcTransport(ipc: IpcRendererLike): ClientTransport {
  return {
    async call(method: ApiMethod, args: unknown): Promise<ApiReply> {
      if (!METHODS.has(method))
        return { ok: false, error: { code: 'not-found', message: `unknown method: ${String(method)}` } }
      return (await ipc.invoke(`${IPC_INVOKE_PREFIX}${method}`, args ?? {})) as ApiReply
    },
    subscribe(deliver: (event: string, payload: unknown) => void): () => void {
      const onMessage = (_event: unknown, message: unknown): void => {
        if (!message || typeof message !== 'object') return
        const { event, payload } = message as { event?: unknown; payload?: unknown }
        if (typeof event === 'string') deliver(event, payload)
      }
      ipc.on(IPC_EVENT_CHANNEL, onMessage)
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, onMessage)
      }
    },
  }
}
