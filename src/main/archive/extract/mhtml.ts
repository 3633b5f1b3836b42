/**
 * MHTML (multipart/related, RFC 2557) as saved by browsers: find the HTML part and decode it, and
 * index the other parts by the URLs the page uses for them (Content-Location, cid: Content-ID).
 */
import { type LocalImageSource, memoryImageSource } from './local-images'

export interface MhtmlDocument {
  html: Uint8Array
  charset: string | null
  url: string | null
  /** The file's other parts (images among them), found by a URL as the HTML part writes it. */
  resources: LocalImageSource
}

type Headers = Map<string, string>

/** Headers up to the first blank line, unfolded; keys lowercased. */
function readHeaders(block: string): Headers {
  const headers: Headers = new Map()
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ')
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const key = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(key)) headers.set(key, line.slice(colon + 1).trim())
  }
  return headers
}

function headerParam(value: string | undefined, param: string): string | null {
  if (!value) return null
  const match = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value)
  return match ? (match[1] ?? match[2] ?? null) : null
}

function splitHead(part: string): { headers: Headers; body: string } {
  const match = /\r?\n\r?\n/.exec(part)
  if (!match) return { headers: readHeaders(part), body: '' }
  return { headers: readHeaders(part.slice(0, match.index)), body: part.slice(match.index + match[0].length) }
}

export function decodeQuotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/g, '')
  const out = new Uint8Array(joined.length)
  let length = 0
  for (let i = 0; i < joined.length; i++) {
    const char = joined.charCodeAt(i)
    if (char === 0x3d /* = */ && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      out[length++] = parseInt(joined.slice(i + 1, i + 3), 16)
      i += 2
    } else {
      out[length++] = char & 0xff
    }
  }
  return out.subarray(0, length)
}

function decodeBody(body: string, transferEncoding: string | undefined): Uint8Array {
  switch (transferEncoding?.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
    case 'quoted-printable':
      return decodeQuotedPrintable(body)
    default:
      return Buffer.from(body, 'latin1')
  }
}

/**
 * The root HTML part of an MHTML file (the `start` part, else the first text/html part).
 * Returns null when the file has no HTML part.
 */
export function readMhtml(bytes: Uint8Array): MhtmlDocument | null {
  // latin1 keeps one char per byte, so part bodies can be turned back into the exact bytes.
  const raw = Buffer.from(bytes).toString('latin1')
  const { headers, body } = splitHead(raw)
  const contentType = headers.get('content-type')
  const boundary = headerParam(contentType, 'boundary')
  if (!boundary) return null
  const start = headerParam(contentType, 'start')?.replace(/^<|>$/g, '') ?? null
  const delimiter = `--${boundary}`
  const parts: { headers: Headers; body: string }[] = []
  let position = body.indexOf(delimiter)
  while (position >= 0) {
    const contentStart = body.indexOf('\n', position + delimiter.length)
    if (contentStart < 0 || body.startsWith('--', position + delimiter.length)) break
    const next = body.indexOf(delimiter, contentStart)
    const partText = body.slice(contentStart + 1, next < 0 ? body.length : next).replace(/\r?\n$/, '')
    parts.push(splitHead(partText))
    position = next
  }
  const isHtml = (part: { headers: Headers }): boolean =>
    /^\s*text\/html\b/i.test(part.headers.get('content-type') ?? '')
  const root =
    (start
      ? parts.find((part) => part.headers.get('content-id')?.replace(/^<|>$/g, '') === start)
      : undefined) ?? parts.find(isHtml)
  if (!root) return null
  const url = headers.get('snapshot-content-location') ?? root.headers.get('content-location') ?? null
  return {
    html: decodeBody(root.body, root.headers.get('content-transfer-encoding')),
    charset: headerParam(root.headers.get('content-type'), 'charset'),
    url,
    resources: partSource(
      parts.filter((part) => part !== root),
      root.headers.get('content-location') ?? url,
    ),
  }
}

function absolute(reference: string, base: string | null): string | null {
  try {
    const resolved = base ? new URL(reference, base) : new URL(reference)
    resolved.hash = ''
    return resolved.href
  } catch {
    return null
  }
}

/** "cid:" URLs name a part by its Content-ID (RFC 2392; the URL form may be percent-encoded). */
function contentIdKey(reference: string): string | null {
  const match = /^cid:(.+)$/i.exec(reference.trim())
  if (!match?.[1]) return null
  try {
    return `cid:${decodeURIComponent(match[1])}`
  } catch {
    return `cid:${match[1]}`
  }
}

function partSource(
  parts: { headers: Headers; body: string }[],
  pageLocation: string | null,
): LocalImageSource {
  const decoders = new Map<string, () => Uint8Array>()
  const add = (key: string | null, decode: () => Uint8Array): void => {
    if (key && !decoders.has(key)) decoders.set(key, decode)
  }
  for (const part of parts) {
    const decode = () => decodeBody(part.body, part.headers.get('content-transfer-encoding'))
    const location = part.headers.get('content-location')
    if (location) {
      add(location, decode)
      add(absolute(location, pageLocation), decode)
    }
    const id = part.headers.get('content-id')?.replace(/^<|>$/g, '')
    if (id) add(`cid:${id}`, decode)
  }
  return memoryImageSource(decoders, (reference) => {
    const written = reference.trim()
    const keys = [written, contentIdKey(written), absolute(written, pageLocation)]
    return keys.filter((key): key is string => key !== null)
  })
}
