import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  ENGINE_EVENTS,
  type ArchiveEvents,
  type EngineEventName,
  type HostedArchive,
} from '../common/api'
import type { ArticleSummary, ImportProgress } from '../common/types'
import { partialApi } from '../../tests/support/partial-api'
import { startWebHost, type WebHost } from './web-host'

type Listener = (payload: unknown) => void

/** Just enough of an archive for the transport: one article, and events on demand. */
interface FakeControls {
  emit<E extends EngineEventName>(e: E, p: ArchiveEvents[E]): void
  listenerCount(): number
}

function fakeArchive(): HostedArchive & FakeControls {
  const listeners = new Map<string, Set<Listener>>()
  const article: ArticleSummary = {
    id: 1,
    title: 'Визит Вэнса',
    subtitle: null,
    authors: [],
    siteName: 'Caliber.Az',
    section: null,
    publishedAt: '2026-02-07',
    language: 'ru',
    url: null,
    excerpt: null,
    wordCount: 10,
    format: 'text',
    addedAt: '2026-11-27T12:00:00.000Z',
    updatedAt: '2026-11-27T12:00:00.000Z',
    tags: [],
    itemType: 'webpage',
  }
  const unused = (): never => {
    throw new ApiError('unsupported', 'not in this fake')
  }
  const methods: Partial<HostedArchive> & Pick<HostedArchive, 'on'> & FakeControls = {
    info: async () => ({ path: '/fake', articleCount: 1, schemaVersion: 1, version: '0.0.0' }),
    importFiles: async ({ files }) => ({
      jobId: 'job',
      items: files.map((f) => ({ file: f.name, status: 'imported' as const, id: 2, title: f.name })),
      imported: files.length,
      duplicates: 0,
      failed: 0,
      skipped: 0,
      skippedByReason: {},
      foldersNotEntered: [],
      cancelled: false,
    }),
    importPaths: unused,
    importPaste: unused,
    cancelImport: async () => ({ cancelled: false }),
    listArticles: async () => ({ items: [article], total: 1 }),
    getArticle: async ({ id }) => {
      if (id !== 1) throw new ApiError('not-found', `no article #${id}`)
      return unused()
    },
    updateArticle: unused,
    deleteArticles: unused,
    listTags: async () => [],
    tagArticles: unused,
    search: async () => {
      throw new Error('database exploded')
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener as Listener)
      return () => set.delete(listener as Listener)
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  }
  return partialApi(methods)
}

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http rather than fetch, so tests can send any Host header. */
function rawRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('web host', () => {
  let root: string
  let rendererDir: string
  let host: WebHost
  const archive = fakeArchive()
  const auth = (): Record<string, string> => ({ 'X-Lectern-Token': host.token })
  const call = (method: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth(), ...headers },
      body: JSON.stringify(body),
    })

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lectern-web-host-'))
    rendererDir = join(root, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Lectern</title>')
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}')
    await writeFile(join(root, 'secret.txt'), 'do not serve')
    host = await startWebHost({ api: archive, rendererDir, maxBodyBytes: 4096 })
  })

  afterAll(async () => {
    await host?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('listens on loopback and prints a tokenised address', () => {
    expect(host.origin).toBe(`http://127.0.0.1:${host.port}`)
    expect(host.url).toBe(`${host.origin}/?token=${encodeURIComponent(host.token)}`)
    expect(host.token.length).toBeGreaterThanOrEqual(24)
  })

  it('refuses a token that cannot travel in a cookie', async () => {
    await expect(startWebHost({ api: archive, rendererDir, token: 'short; Path=/x' })).rejects.toThrow(
      /token/,
    )
  })

  it('refuses requests without the token', async () => {
    const page = await fetch(`${host.origin}/`)
    expect(page.status).toBe(401)
    const api = await fetch(`${host.origin}/api/info`, { method: 'POST', body: '{}' })
    expect(api.status).toBe(401)
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    const wrong = await call('info', {}, { 'X-Lectern-Token': 'guess' })
    expect(wrong.status).toBe(401)
  })

  it('swaps ?token= for a strict HttpOnly cookie and redirects to the page', async () => {
    const response = await fetch(host.url, { redirect: 'manual' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toContain(`lectern_token=${host.token}`)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toContain('Path=/')

    const page = await fetch(`${host.origin}/`, { headers: { Cookie: `lectern_token=${host.token}` } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<title>Lectern</title>')

    const wrongLink = await fetch(`${host.origin}/?token=old`, { redirect: 'manual' })
    expect(wrongLink.status).toBe(401)
  })

  it('serves static files with their types and the security headers', async () => {
    const script = await fetch(`${host.origin}/assets/app.js`, { headers: auth() })
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(script.headers.get('x-content-type-options')).toBe('nosniff')
    expect(script.headers.get('referrer-policy')).toBe('no-referrer')
    const style = await fetch(`${host.origin}/assets/app.css`, { headers: auth() })
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8')
    const missing = await fetch(`${host.origin}/library`, { headers: auth() })
    expect(missing.status).toBe(404)
    const folder = await fetch(`${host.origin}/assets`, { headers: auth() })
    expect(folder.status).toBe(404)
  })

  it('refuses path traversal', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const response = await rawRequest(host.port, path, {
        headers: { Host: `127.0.0.1:${host.port}`, ...auth() },
      })
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.body, path).not.toContain('do not serve')
    }
    const nul = await rawRequest(host.port, '/index.html%00.js', { headers: auth() })
    expect(nul.status).toBe(400)
  })

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    const foreign = await rawRequest(host.port, '/api/info', {
      method: 'POST',
      headers: { Host: `evil.example:${host.port}`, 'Content-Type': 'application/json', ...auth() },
      body: '{}',
    })
    expect(foreign.status).toBe(421)
    const otherPort = await rawRequest(host.port, '/', { headers: { Host: '127.0.0.1:1', ...auth() } })
    expect(otherPort.status).toBe(421)
    const localhost = await rawRequest(host.port, '/', {
      headers: { Host: `localhost:${host.port}`, ...auth() },
    })
    expect(localhost.status).toBe(200)
  })

  it('refuses calls from another origin', async () => {
    const response = await call('info', {}, { Origin: 'https://evil.example' })
    expect(response.status).toBe(403)
    const same = await call('info', {}, { Origin: host.origin })
    expect(same.status).toBe(200)
  })

  it('refuses oversize bodies with 413', async () => {
    const response = await call('importFiles', { files: [{ name: 'big.txt', dataBase64: 'A'.repeat(8192) }] })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } })
  })

  it('answers unknown methods with 404 JSON', async () => {
    const response = await call('dropDatabase', {})
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'unknown method: dropDatabase' },
    })
    const getCall = await fetch(`${host.origin}/api/info`, { headers: auth() })
    expect(getCall.status).toBe(405)
  })

  it('answers bad arguments with 400 naming the field', async () => {
    const response = await call('getArticle', { id: 'seven' })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } }
    expect(body.error.code).toBe('invalid-arguments')
    expect(body.error.message).toContain('id')
    const notJson = await fetch(`${host.origin}/api/info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth() },
      body: '{oops',
    })
    expect(notJson.status).toBe(400)
    const form = await fetch(`${host.origin}/api/info`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...auth() },
      body: '{}',
    })
    expect(form.status).toBe(415)
    const chunked = await fetch(`${host.origin}/api/info`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', ...auth() },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{}'))
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    expect(chunked.status).toBe(415)
  })

  it('answers malformed citation items with 400 naming the variable, never 500', async () => {
    const badName = await call('formatCitations', {
      items: [{ id: 'a', type: 'book', author: [{ family: {} }] }],
    })
    expect(badName.status).toBe(400)
    const nameError = (await badName.json()) as { error: { code: string; message: string } }
    expect(nameError.error.code).toBe('invalid-arguments')
    expect(nameError.error.message).toContain('items.0.author.0.family')

    // Built as text, as a hostile client would send it (the test host takes 4 KB bodies; the depth
    // check itself walks without recursion: see csl-schema.test.ts for 100,000 levels).
    const depth = 300
    const deepItem = `{"id":"b","type":"book","note2":${'{"inner":'.repeat(depth)}"deep"${'}'.repeat(depth)}}`
    const deep = await fetch(`${host.origin}/api/formatCitations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth() },
      body: `{"items":[${deepItem}]}`,
    })
    expect(deep.status).toBe(400)
    const deepError = (await deep.json()) as { error: { message: string } }
    expect(deepError.error.message).toContain('items.0.note2')
    expect(deepError.error.message).toContain('nested')
  })

  it('maps engine errors to their status codes', async () => {
    const missing = await call('getArticle', { id: 99 })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no article #99' },
    })
    const quietLog = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const crash = await call('search', { query: 'x' })
    quietLog.mockRestore()
    expect(crash.status).toBe(500)
    expect(await crash.json()).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('serves good calls as {ok, result} without caching', async () => {
    const response = await call('listArticles', { limit: 10 })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const body = (await response.json()) as {
      ok: true
      result: { total: number; items: { title: string }[] }
    }
    expect(body.ok).toBe(true)
    expect(body.result.total).toBe(1)
    expect(body.result.items[0]?.title).toBe('Визит Вэнса')
    const empty = await fetch(`${host.origin}/api/info`, { method: 'POST', headers: auth() })
    expect(await empty.json()).toMatchObject({ ok: true, result: { articleCount: 1 } })
  })

  it('streams engine events over SSE and unsubscribes when the client leaves', async () => {
    const before = archive.listenerCount()
    const controller = new AbortController()
    const response = await fetch(`${host.origin}/api/events`, { headers: auth(), signal: controller.signal })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let received = ''
    const readUntil = async (pattern: RegExp): Promise<RegExpExecArray | null> => {
      for (let match = pattern.exec(received); ; match = pattern.exec(received)) {
        if (match) return match
        const { value, done } = await reader.read()
        if (done) return null
        received += decoder.decode(value, { stream: true })
      }
    }
    await readUntil(/retry: \d+\n\n/)
    expect(archive.listenerCount()).toBe(before + ENGINE_EVENTS.length)

    const progress: ImportProgress = {
      jobId: 'j1',
      done: 1,
      total: 3,
      current: 'a.html',
      imported: 1,
      duplicates: 0,
      failed: 0,
      skipped: 0,
      finished: false,
    }
    archive.emit('importProgress', progress)
    const match = await readUntil(/event: importProgress\ndata: (.*)\n\n/)
    expect(JSON.parse(match?.[1] ?? 'null')).toEqual(progress)
    archive.emit('preferencesChanged', { theme: 'night' })
    const preferences = await readUntil(/event: preferencesChanged\ndata: (.*)\n\n/)
    expect(JSON.parse(preferences?.[1] ?? 'null')).toEqual({ theme: 'night' })

    controller.abort()
    await reader.cancel().catch(() => undefined)
    for (let attempt = 0; attempt < 100 && archive.listenerCount() !== before; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(archive.listenerCount()).toBe(before)
  })

  it('keeps idle event streams alive and ends them when the host closes', async () => {
    const quiet = await startWebHost({ api: fakeArchive(), rendererDir, keepAliveMs: 20 })
    const response = await fetch(`${quiet.origin}/api/events`, {
      headers: { 'X-Lectern-Token': quiet.token },
    })
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let received = ''
    while (!received.includes(': keep-alive\n\n')) {
      const { value, done } = await reader.read()
      if (done) break
      received += decoder.decode(value, { stream: true })
    }
    expect(received).toContain(': keep-alive\n\n')
    await quiet.close()
    // The stream must finish (rather than hang) once the host is gone.
    const readToEnd = async (): Promise<boolean> => {
      for (;;) {
        const { done } = await reader.read().catch(() => ({ done: true }))
        if (done) return true
      }
    }
    expect(await readToEnd()).toBe(true)
  })

  it('answers HEAD for files without a body', async () => {
    const response = await fetch(`${host.origin}/assets/app.js`, { method: 'HEAD', headers: auth() })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe('14')
    expect(await response.text()).toBe('')
  })

  it('stays up after all of the above', async () => {
    const response = await call('info', {})
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, result: { path: '/fake' } })
  })
})
