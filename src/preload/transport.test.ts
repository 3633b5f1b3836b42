import { describe, expect, it } from 'vitest'
import { API_METHODS, ApiError, IPC_EVENT_CHANNEL, type ApiMethod } from '../common/api'
import { createClient } from '../common/client'
import { createIpcTransport, type IpcRendererLike } from './transport'

const createIpcClient = (ipc: IpcRendererLike) => createClient(createIpcTransport(ipc))

type Listener = (event: unknown, ...args: unknown[]) => void

function fakeIpcRenderer(reply: (channel: string, args: unknown) => unknown) {
  const calls: [string, unknown][] = []
  const listeners = new Map<string, Set<Listener>>()
  const ipc: IpcRendererLike = {
    invoke: async (channel, args) => {
      calls.push([channel, args])
      return reply(channel, args)
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      set.add(listener)
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  }
  const deliver = (message: unknown): void => {
    for (const listener of listeners.get(IPC_EVENT_CHANNEL) ?? []) listener({}, message)
  }
  const listenerCount = (): number => listeners.get(IPC_EVENT_CHANNEL)?.size ?? 0
  return { ipc, calls, deliver, listenerCount }
}

describe('the page client over the preload transport', () => {
  it('has exactly one function per API method, plus on', () => {
    const client = createIpcClient(fakeIpcRenderer(() => ({ ok: true, result: null })).ipc)
    expect(Object.keys(client).sort()).toEqual([...API_METHODS, 'on'].sort())
    for (const key of Object.keys(client))
      expect(typeof (client as unknown as Record<string, unknown>)[key]).toBe('function')
  })

  it('invokes lectern:<method> and unwraps the result', async () => {
    const fake = fakeIpcRenderer(() => ({ ok: true, result: { items: [], total: 0 } }))
    const client = createIpcClient(fake.ipc)
    await expect(client.listArticles({ limit: 5 })).resolves.toEqual({ items: [], total: 0 })
    expect(fake.calls).toEqual([['lectern:listArticles', { limit: 5 }]])
  })

  it('rejects with the error code and message', async () => {
    const fake = fakeIpcRenderer(() => ({
      ok: false,
      error: { code: 'not-found', message: 'no article with id 9' },
    }))
    const client = createIpcClient(fake.ipc)
    const failure = await client.getArticle({ id: 9 }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ name: 'ApiError', code: 'not-found', message: 'no article with id 9' })
  })

  it('treats a malformed reply as an internal error', async () => {
    const client = createIpcClient(fakeIpcRenderer(() => 'what').ipc)
    await expect(client.info({})).rejects.toMatchObject({ code: 'internal' })
    const odd = createIpcClient(fakeIpcRenderer(() => ({ ok: false, error: { code: 'weird' } })).ipc)
    await expect(odd.info({})).rejects.toMatchObject({ code: 'internal', message: 'info failed' })
  })

  it('delivers events by name and unsubscribes', () => {
    const fake = fakeIpcRenderer(() => null)
    const client = createIpcClient(fake.ipc)
    const seen: unknown[] = []
    const stop = client.on('archiveChanged', (payload) => seen.push(payload))
    const preferences: unknown[] = []
    const stopPreferences = client.on('preferencesChanged', (payload) => preferences.push(payload))
    fake.deliver({ event: 'archiveChanged', payload: { reason: 'import' } })
    fake.deliver({ event: 'importProgress', payload: { jobId: 'x' } })
    fake.deliver({ event: 'preferencesChanged', payload: { theme: 'night' } })
    fake.deliver({ event: 'somethingElse', payload: 1 })
    fake.deliver('garbage')
    expect(seen).toEqual([{ reason: 'import' }])
    expect(preferences).toEqual([{ theme: 'night' }])
    expect(fake.listenerCount()).toBe(1)
    stopPreferences()
    expect(fake.listenerCount()).toBe(1)
    stop()
    fake.deliver({ event: 'archiveChanged', payload: { reason: 'tags' } })
    expect(seen).toHaveLength(1)
    expect(fake.listenerCount()).toBe(0)
  })

  it('refuses unknown event names', () => {
    const client = createIpcClient(fakeIpcRenderer(() => null).ipc)
    expect(() => client.on('bogus' as 'archiveChanged', () => undefined)).toThrow()
  })

  it('reaches only the contract’s methods', async () => {
    const fake = fakeIpcRenderer(() => ({ ok: true, result: 'opened' }))
    const transport = createIpcTransport(fake.ipc)
    await expect(transport.call('shell:openExternal' as ApiMethod, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(fake.calls).toEqual([])
  })
})
