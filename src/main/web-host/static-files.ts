import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Serves one file of the built renderer. The app routes by hash, so only `/` maps to
 * index.html; anything else must be a real file inside `rootDir` (no listings, no escapes).
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rootDir: string,
  pathname: string,
): Promise<void> {
  const file = await resolveInside(rootDir, pathname === '/' ? '/index.html' : pathname)
  if (file === null) return sendText(res, 404, 'not found')
  if (file === 'invalid') return sendText(res, 400, 'malformed path')
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return sendText(res, 404, 'not found')
  res.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file)
    stream.on('error', () => {
      res.destroy()
      resolve()
    })
    res.on('close', resolve)
    stream.pipe(res)
  })
}

/** The real path of `pathname` under `rootDir`; null when it is missing or outside; 'invalid' when undecodable. */
async function resolveInside(rootDir: string, pathname: string): Promise<string | null | 'invalid'> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return 'invalid'
  }
  if (decoded.includes('\0')) return 'invalid'
  const root = await realpath(rootDir).catch(() => null)
  if (root === null) return null
  const target = await realpath(join(root, decoded)).catch(() => null)
  if (target === null) return null
  const inside = relative(root, target)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null
  return target
}

function sendText(res: ServerResponse, status: number, message: string): void {
  const text = `Lectern: ${message}\n`
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}
