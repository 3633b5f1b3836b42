import {
  API_METHODS,
  ENGINE_EVENTS,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  type ApiEventName,
  type ApiReply,
  type ArchiveApi,
  type ArchiveEventSource,
  type ArchiveEvents,
} from '../common/api'
import type { AppCommand } from '../common/types'
import { callApi, toErrorShape } from './archive/index'

/** The event message on `lectern:event`. */
export interface IpcEventMessage<E extends ApiEventName = ApiEventName> {
  event: E
  payload: ArchiveEvents[E]
}

/** The part of an IpcMainInvokeEvent the handlers look at. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null
}

/** The part of Electron's ipcMain used here, so the binding can be tested with a fake. */
export interface IpcMainLike<E extends InvokeEventLike = InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<ApiReply>): void
  removeHandler(channel: string): void
}

/** The part of WebContents that receives events. */
export interface EventTarget {
  send(channel: string, ...args: unknown[]): void
  isDestroyed(): boolean
}

/**
 * Binds every API method to `lectern:<method>`. Arguments are validated by dispatch; calls from
 * frames other than the app's own page are refused. Returns a function that unbinds them.
 */
export function registerIpc<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  api: ArchiveApi,
  isTrustedSender: (event: E) => boolean,
): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(`${IPC_INVOKE_PREFIX}${method}`, async (event, args): Promise<ApiReply> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'unauthorized', message: `${method}: refused for this frame` } }
      }
      try {
        return { ok: true, result: await callApi(api, method, args) }
      } catch (error) {
        return { ok: false, error: toErrorShape(error) }
      }
    })
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(`${IPC_INVOKE_PREFIX}${method}`)
  }
}

/** Forwards the engine's events to a window until it closes. Returns the unsubscriber. */
export function forwardEvents(archive: ArchiveEventSource, webContents: EventTarget): () => void {
  const unsubscribers = ENGINE_EVENTS.map((eventName) =>
    archive.on(eventName, (payload) => sendEvent(webContents, eventName, payload)),
  )
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe()
  }
}

/** Menu and protocol commands travel on the same channel as engine events. */
export function sendAppCommand(webContents: EventTarget, command: AppCommand): void {
  sendEvent(webContents, 'appCommand', command)
}

function sendEvent<E extends ApiEventName>(
  webContents: EventTarget,
  event: E,
  payload: ArchiveEvents[E],
): void {
  if (webContents.isDestroyed()) return
  const message: IpcEventMessage<E> = { event, payload }
  webContents.send(IPC_EVENT_CHANNEL, message)
}
