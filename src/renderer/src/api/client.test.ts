// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../common/api'
import { createHttpClient, getClient, setClient } from './client'

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('HTTP client', () => {
  it('posts the argument object as JSON to /api/<method> with same-origin credentials', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { ok: true, result: { items: [], total: 0 } }))
    const client = createHttpClient({ fetchImpl })
    await expect(client.listArticles({ limit: 5 })).resolves.toEqual({ items: [], total: 0 })
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/listArticles')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(JSON.parse(init.body as string)).toEqual({ limit: 5 })
  })

  it('throws an error carrying the code and message from {ok:false,error}', async () => {
    const client = createHttpClient({
      fetchImpl: async () =>
        jsonResponse(404, { ok: false, error: { code: 'not-found', message: 'no article 9' } }),
    })
    const failure = await client.getArticle({ id: 9 }).catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ code: 'not-found', message: 'no article 9' })
  })

  it('maps an answer that is not JSON to a code from the HTTP status', async () => {
    const client = createHttpClient({ fetchImpl: async () => new Response('Unauthorized', { status: 401 }) })
    await expect(client.info({})).rejects.toMatchObject({ code: 'unauthorized' })
  })

  it('treats an unknown error code as internal but keeps the message', async () => {
    const client = createHttpClient({
      fetchImpl: async () =>
        jsonResponse(500, { ok: false, error: { code: 'exploded', message: 'disk full' } }),
    })
    await expect(client.info({})).rejects.toMatchObject({ code: 'internal', message: 'disk full' })
  })

  it('reports a network failure as an error naming the method', async () => {
    const client = createHttpClient({
      fetchImpl: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    await expect(client.search({ query: 'x' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('search') as unknown as string,
    })
  })

  it('delivers server-sent events to listeners until they unsubscribe', () => {
    const handlers = new Map<string, (event: MessageEvent<string>) => void>()
    const fakeSource = {
      addEventListener: (name: string, handler: (event: MessageEvent<string>) => void) =>
        handlers.set(name, handler),
      close: vi.fn(),
    } as unknown as EventSource
    const openEventSource = vi.fn(() => fakeSource)
    const client = createHttpClient({ fetchImpl: vi.fn(), openEventSource })
    const seen: unknown[] = []
    const unsubscribe = client.on('archiveChanged', (payload) => seen.push(payload))
    expect(openEventSource).toHaveBeenCalledWith('/api/events')
    handlers.get('archiveChanged')?.(
      new MessageEvent('archiveChanged', { data: '{"reason":"import","ids":[3]}' }),
    )
    unsubscribe()
    handlers.get('archiveChanged')?.(new MessageEvent('archiveChanged', { data: '{"reason":"late"}' }))
    expect(seen).toEqual([{ reason: 'import', ids: [3] }])
  })
})

describe('getClient', () => {
  afterEach(() => {
    setClient(null)
    delete window.lectern
  })

  it('uses the Electron preload’s transport when present', async () => {
    const call = vi.fn(async () => ({ ok: true, result: { path: '/archive' } }))
    window.lectern = { call, subscribe: () => () => undefined }
    await expect(getClient().info({})).resolves.toEqual({ path: '/archive' })
    expect(call).toHaveBeenCalledWith('info', {})
  })

  it('delivers preferencesChanged from the host’s event stream', () => {
    const handlers = new Map<string, (event: MessageEvent<string>) => void>()
    const fakeSource = {
      addEventListener: (name: string, handler: (event: MessageEvent<string>) => void) =>
        handlers.set(name, handler),
      close: vi.fn(),
    } as unknown as EventSource
    const client = createHttpClient({ fetchImpl: vi.fn(), openEventSource: () => fakeSource })
    const seen: unknown[] = []
    client.on('preferencesChanged', (payload) => seen.push(payload))
    handlers.get('preferencesChanged')?.(
      new MessageEvent('preferencesChanged', { data: '{"language":"ru"}' }),
    )
    expect(seen).toEqual([{ language: 'ru' }])
  })
})
