import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ENGINE_EVENTS, type ApiErrorShape, type HostedArchive } from '../common/api'
import { isApiMethod } from '../common/schema'
import { callApi, toErrorShape } from './archive/index'
import { serveStatic } from './web-host/static-files'
import { APP_CONTENT_SECURITY_POLICY } from './window-policy'

export interface WebHostOptions {
  api: HostedArchive
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 or absent: any free port. */
  port?: number
  /** Absent: a random token for this run. */
  token?: string
  /** Largest accepted request body; imports arrive as base64 in JSON. */
  maxBodyBytes?: number
  /** How often an idle event stream gets a comment so proxies and browsers keep it open. */
  keepAliveMs?: number
}

export interface WebHost {
  /** The address to open: it carries the token, which the host swaps for a cookie. */
  url: string
  /** http://127.0.0.1:PORT */
  origin: string
  port: number
  token: string
  close(): Promise<void>
}

export const TOKEN_COOKIE = 'lectern_token'
export const TOKEN_HEADER = 'x-lectern-token'
const DEFAULT_MAX_BODY_BYTES = 200 * 1024 * 1024
const DEFAULT_KEEP_ALIVE_MS = 15_000

const STATUS_FOR_CODE: Record<ApiErrorShape['code'], number> = {
  'invalid-arguments': 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  unsupported: 415,
  internal: 500,
  damaged: 503,
  'storage-full': 507,
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const

/**
 * `lectern serve`: the renderer and the ArchiveApi over HTTP on loopback. Every request needs
 * the run's token (cookie or header), a loopback Host (against DNS rebinding) and, when the
 * browser names one, our own Origin (against cross-site requests).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  if (!/^[A-Za-z0-9_-]{16,200}$/.test(token)) {
    throw new Error('the web host token must be 16 or more letters, digits, "-" or "_"')
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const keepAliveMs = options.keepAliveMs ?? DEFAULT_KEEP_ALIVE_MS
  const tokenDigest = digest(token)
  const eventStreams = new Set<ServerResponse>()
  /** Filled once the port is known; until then every request is refused. */
  const allowedHosts = new Set<string>()

  const server: Server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy()
      else sendJson(res, 500, { ok: false, error: toErrorShape(error) })
    })
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const host = (req.headers.host ?? '').toLowerCase()
    const rawPath = req.url ?? '/'
    if (!allowedHosts.has(host)) {
      return sendFailure(
        res,
        rawPath.startsWith('/api/'),
        421,
        'unauthorized',
        'this host only answers to 127.0.0.1 and localhost',
      )
    }
    let url: URL
    try {
      url = new URL(rawPath, `http://${host}`)
    } catch {
      return sendFailure(
        res,
        rawPath.startsWith('/api/'),
        400,
        'invalid-arguments',
        'malformed request address',
      )
    }
    const isApi = url.pathname.startsWith('/api/')
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${host}`) {
      return sendFailure(res, isApi, 403, 'unauthorized', 'requests from other sites are refused')
    }

    const queryToken = url.searchParams.get('token')
    if (queryToken !== null && !isApi && (req.method === 'GET' || req.method === 'HEAD')) {
      if (!tokenMatches(queryToken)) {
        return sendFailure(res, false, 401, 'unauthorized', 'this link has an old or wrong token')
      }
      // Always to the app's root: the browser keeps the #/route, and no crafted path can redirect elsewhere.
      res.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
      })
      res.end()
      return
    }
    if (!isAuthorized(req)) {
      return sendFailure(
        res,
        isApi,
        401,
        'unauthorized',
        'open the address that `lectern serve` printed: it carries the access token',
      )
    }

    if (isApi) return handleApi(req, res, url.pathname.slice('/api/'.length))
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD')
      return sendFailure(res, false, 405, 'unsupported', 'only GET and HEAD are served here')
    }
    await serveStatic(req, res, options.rendererDir, url.pathname)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    if (name === 'events') {
      if (req.method !== 'GET') {
        res.setHeader('Allow', 'GET')
        return sendFailure(res, true, 405, 'unsupported', 'the event stream is read with GET')
      }
      return openEventStream(res)
    }
    if (!isApiMethod(name)) return sendFailure(res, true, 404, 'not-found', `unknown method: ${name}`)
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendFailure(res, true, 405, 'unsupported', `call ${name} with POST and a JSON body`)
    }
    const declaredLength = Number(req.headers['content-length'] ?? 0)
    if (declaredLength > maxBodyBytes) return refuseOversizeBody(res)
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    // A body may come with a length or chunked (Transfer-Encoding): either way it must be JSON.
    const hasBody = declaredLength > 0 || req.headers['transfer-encoding'] !== undefined
    if (hasBody && contentType !== 'application/json') {
      return sendFailure(res, true, 415, 'unsupported', 'send the arguments as application/json')
    }
    const body = await readBody(req, maxBodyBytes)
    if (body === null) return refuseOversizeBody(res)
    let args: unknown = {}
    if (body.length > 0) {
      try {
        args = JSON.parse(body.toString('utf8')) as unknown
      } catch {
        return sendFailure(res, true, 400, 'invalid-arguments', `${name}: the request body is not valid JSON`)
      }
    }
    try {
      const result = await callApi(options.api, name, args)
      sendJson(res, 200, { ok: true, result })
    } catch (error) {
      const shape = toErrorShape(error)
      sendJson(res, STATUS_FOR_CODE[shape.code], { ok: false, error: shape })
    }
  }

  function refuseOversizeBody(res: ServerResponse): void {
    // The rest of the body is not read: close the connection instead of leaving it half-consumed.
    res.setHeader('Connection', 'close')
    const limitMb = Math.round(maxBodyBytes / (1024 * 1024))
    sendJson(res, 413, {
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: `the request is larger than the ${limitMb > 0 ? `${limitMb} MB` : `${maxBodyBytes} byte`} limit`,
      },
    })
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    res.write('retry: 2000\n\n')
    const unsubscribers = ENGINE_EVENTS.map((eventName) =>
      options.api.on(eventName, (payload) => {
        res.write(`event: ${eventName}\ndata: ${JSON.stringify(payload)}\n\n`)
      }),
    )
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs)
    eventStreams.add(res)
    const cleanup = (): void => {
      clearInterval(keepAlive)
      for (const unsubscribe of unsubscribers) unsubscribe()
      eventStreams.delete(res)
    }
    // The response closes when the browser goes away or the host shuts down.
    res.on('close', cleanup)
  }

  function isAuthorized(req: IncomingMessage): boolean {
    const header = req.headers[TOKEN_HEADER]
    if (typeof header === 'string' && tokenMatches(header)) return true
    const cookieToken = readCookie(req.headers.cookie, TOKEN_COOKIE)
    return cookieToken !== null && tokenMatches(cookieToken)
  }

  function tokenMatches(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), tokenDigest)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  for (const name of ['127.0.0.1', 'localhost']) {
    allowedHosts.add(`${name}:${port}`)
    // Browsers leave out the default port.
    if (port === 80) allowedHosts.add(name)
  }
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const stream of eventStreams) stream.end()
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const separator = part.indexOf('=')
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim()
  }
  return null
}

/** Reads the whole body, or returns null as soon as it outgrows `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        req.off('data', onData)
        req.pause()
        resolve(null)
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
    req.on('close', () => {
      if (!req.complete) reject(new Error('the client went away before sending the whole request'))
    })
  })
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

function sendFailure(
  res: ServerResponse,
  asJson: boolean,
  status: number,
  code: ApiErrorShape['code'],
  message: string,
): void {
  if (asJson) {
    res.setHeader('Cache-Control', 'no-store')
    sendJson(res, status, { ok: false, error: { code, message } })
    return
  }
  const text = `Lectern: ${message}\n`
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}
