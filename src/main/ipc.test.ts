import { describe, expect, it, vi } from 'vitest'
import {
  API_METHODS,
  ApiError,
  IPC_EVENT_CHANNEL,
  type ApiReply,
  type ArchiveApi,
  type ArchiveEventSource,
  type ArchiveEvents,
  type EngineEventName,
} from '../common/api'
import { forwardEvents, registerIpc, sendAppCommand, type InvokeEventLike, type IpcMainLike } from './ipc'
import { partialApi } from '../../tests/support/partial-api'

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<ApiReply>

function fakeIpcMain(): IpcMainLike & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>()
  return {
    handlers,
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => handlers.delete(channel),
  }
}

const appFrame: InvokeEventLike = { senderFrame: { url: 'file:///app/index.html#/library' } }
const foreignFrame: InvokeEventLike = { senderFrame: { url: 'about:srcdoc' } }

function fakeApi(): ArchiveApi {
  const refuse = async (): Promise<never> => {
    throw new ApiError('unsupported', 'not in this fake')
  }
  return partialApi({
    info: async () => ({ path: '/a', articleCount: 0, schemaVersion: 1, version: '1' }),
    importFiles: refuse,
    importPaths: refuse,
    importPaste: refuse,
    cancelImport: refuse,
    listArticles: async () => ({ items: [], total: 0 }),
    getArticle: async ({ id }) => {
      throw new ApiError('not-found', `no article with id ${id}`)
    },
    updateArticle: refuse,
    deleteArticles: refuse,
    listTags: async () => [{ name: 'кавказ', count: 2 }],
    tagArticles: refuse,
    search: refuse,
  })
}

describe('registerIpc', () => {
  const isTrusted = (event: InvokeEventLike): boolean =>
    event.senderFrame?.url.startsWith('file:///app/') ?? false

  it('binds one channel per API method', () => {
    const ipcMain = fakeIpcMain()
    registerIpc(ipcMain, fakeApi(), isTrusted)
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map((m) => `lectern:${m}`).sort())
  })

  it('returns {ok, result} for a good call', async () => {
    const ipcMain = fakeIpcMain()
    registerIpc(ipcMain, fakeApi(), isTrusted)
    const result = await ipcMain.handlers.get('lectern:listTags')?.(appFrame, {})
    expect(result).toEqual({ ok: true, result: [{ name: 'кавказ', count: 2 }] })
  })

  it('validates arguments and keeps error codes', async () => {
    const ipcMain = fakeIpcMain()
    registerIpc(ipcMain, fakeApi(), isTrusted)
    const invalid = await ipcMain.handlers.get('lectern:getArticle')?.(appFrame, { id: -1 })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
    expect(invalid?.ok === false && invalid.error.message).toContain('id')
    const missing = await ipcMain.handlers.get('lectern:getArticle')?.(appFrame, { id: 5 })
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: 'no article with id 5' } })
  })

  it('turns unexpected engine failures into internal errors instead of throwing', async () => {
    const api = fakeApi()
    api.listArticles = async () => {
      throw new TypeError('boom')
    }
    const quietLog = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const ipcMain = fakeIpcMain()
    registerIpc(ipcMain, api, isTrusted)
    const result = await ipcMain.handlers.get('lectern:listArticles')?.(appFrame, {})
    quietLog.mockRestore()
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('refuses calls from frames other than the app page', async () => {
    const api = fakeApi()
    const info = vi.spyOn(api, 'info')
    const ipcMain = fakeIpcMain()
    registerIpc(ipcMain, api, isTrusted)
    const result = await ipcMain.handlers.get('lectern:info')?.(foreignFrame, {})
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(info).not.toHaveBeenCalled()
  })

  it('unbinds every channel', () => {
    const ipcMain = fakeIpcMain()
    const unregister = registerIpc(ipcMain, fakeApi(), isTrusted)
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })
})

describe('forwardEvents', () => {
  function fakeSource(): ArchiveEventSource & {
    emit<E extends EngineEventName>(e: E, p: ArchiveEvents[E]): void
  } {
    const listeners = new Map<string, Set<(payload: unknown) => void>>()
    return {
      on(event, listener) {
        const set = listeners.get(event) ?? new Set()
        listeners.set(event, set)
        set.add(listener as (payload: unknown) => void)
        return () => set.delete(listener as (payload: unknown) => void)
      },
      emit(event, payload) {
        for (const listener of listeners.get(event) ?? []) listener(payload)
      },
    }
  }

  it('sends engine events as {event, payload} on lectern:event until unsubscribed', () => {
    const source = fakeSource()
    const sent: unknown[][] = []
    const webContents = { send: (...args: unknown[]) => sent.push(args), isDestroyed: () => false }
    const stop = forwardEvents(source, webContents)
    source.emit('archiveChanged', { reason: 'import', ids: [1] })
    expect(sent).toEqual([
      [IPC_EVENT_CHANNEL, { event: 'archiveChanged', payload: { reason: 'import', ids: [1] } }],
    ])
    stop()
    source.emit('archiveChanged', { reason: 'tags' })
    expect(sent).toHaveLength(1)
  })

  it('does not send to a destroyed window', () => {
    const source = fakeSource()
    const send = vi.fn()
    forwardEvents(source, { send, isDestroyed: () => true })
    source.emit('archiveChanged', { reason: 'import' })
    sendAppCommand({ send, isDestroyed: () => true }, { kind: 'toggle-theme' })
    expect(send).not.toHaveBeenCalled()
  })

  it('sends app commands on the same channel', () => {
    const send = vi.fn()
    sendAppCommand({ send, isDestroyed: () => false }, { kind: 'open-article', id: 7 })
    expect(send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, {
      event: 'appCommand',
      payload: { kind: 'open-article', id: 7 },
    })
  })
})
