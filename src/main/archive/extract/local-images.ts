/**
 * Images a saved page carries with it (MHTML parts, the "<page>_files" folder beside a "Save Page As"
 * page), found by the URL the page uses for them, so the reading copy can keep them as data: URIs.
 * Only raster images are kept, recognised by their bytes (never by a declared type): SVG can carry
 * script and is left out.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs'
import { basename, isAbsolute, join, relative } from 'node:path'

/** One image kept in the reading copy may be this large... */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024
/** ...and all the images of one article together this large (as data: URI characters). */
export const MAX_ARTICLE_IMAGE_CHARS = 20 * 1024 * 1024
/** A page referring to more local files than this is not looked up further (each costs file-system calls). */
const MAX_FOLDER_LOOKUPS = 2000

/** A resource the page carries: its size is known before its bytes are read. */
export interface LocalResource {
  size: number
  /** The bytes, or null when they can no longer be read (or have grown past MAX_IMAGE_BYTES). */
  read(): Uint8Array | null
}

/** Finds the resource a URL in the page (as written in src/srcset) stands for. */
export type LocalImageSource = (reference: string) => LocalResource | null

const RASTER_SIGNATURES: ReadonlyArray<readonly [string, (bytes: Uint8Array) => boolean]> = [
  ['image/png', (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/jpeg', (b) => startsWith(b, [0xff, 0xd8, 0xff])],
  ['image/gif', (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a'],
  ['image/webp', (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP'],
  ['image/avif', (b) => ascii(b, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(b, 8, 12))],
]

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte)
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to))
}

/** The MIME type of a PNG, JPEG, GIF, WebP or AVIF image, judged by its bytes; null for anything else. */
export function rasterImageType(bytes: Uint8Array): string | null {
  return RASTER_SIGNATURES.find(([, matches]) => matches(bytes))?.[0] ?? null
}

/** The image as a data: URI, or null when its bytes are not a raster image. */
export function imageDataUri(bytes: Uint8Array): string | null {
  const type = rasterImageType(bytes)
  return type ? `data:${type};base64,${Buffer.from(bytes).toString('base64')}` : null
}

/** Resources in memory (MHTML parts), keyed by every URL the page may use for them. */
export function memoryImageSource(
  resources: ReadonlyMap<string, () => Uint8Array>,
  resolve: (reference: string) => string[],
): LocalImageSource {
  const decoded = new Map<string, Uint8Array>()
  return (reference) => {
    for (const key of resolve(reference)) {
      const decode = resources.get(key)
      if (!decode) continue
      let bytes = decoded.get(key)
      if (!bytes) {
        bytes = decode()
        decoded.set(key, bytes)
      }
      const found = bytes
      return { size: found.length, read: () => found }
    }
    return null
  }
}

/** Stands for the page's own folder when relative references are resolved. */
const PAGE_FOLDER = new URL('https://lectern.invalid/page-folder/')

/**
 * The file inside `resourceDir` that a reference written in the page stands for (resolved against the
 * page's folder, which holds `resourceDir`); null for anything else: other schemes, absolute paths,
 * paths leaving the folder (also when written with %2e%2e or %2f), or names a file system could read
 * another way (backslashes, colons, NUL).
 */
export function resourcePathFor(resourceDir: string, reference: string): string | null {
  const written = reference.trim()
  if (!written || written.length > 2000) return null
  // A scheme ("file:", "C:"), a root or a network path never points into the folder.
  if (/^[a-z][a-z\d+.-]*:/i.test(written) || /^[/\\]/.test(written)) return null
  let url: URL
  try {
    url = new URL(written, PAGE_FOLDER)
  } catch {
    return null
  }
  if (url.origin !== PAGE_FOLDER.origin || !url.pathname.startsWith(PAGE_FOLDER.pathname)) return null
  const segments: string[] = []
  for (const segment of url.pathname.slice(PAGE_FOLDER.pathname.length).split('/')) {
    let name: string
    try {
      name = decodeURIComponent(segment).normalize('NFC')
    } catch {
      return null
    }
    if (!name || name === '.' || name === '..' || /[/\\:\0]/.test(name)) return null
    segments.push(name)
  }
  const [folder, ...inside] = segments
  if (folder !== basename(resourceDir).normalize('NFC') || inside.length === 0) return null
  const path = join(resourceDir, ...inside)
  const fromFolder = relative(resourceDir, path)
  if (!fromFolder || fromFolder.startsWith('..') || isAbsolute(fromFolder)) return null
  return path
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0
const READ_FLAGS = constants.O_RDONLY | NO_FOLLOW | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK)

/** Reads a regular file (never through a link) of at most MAX_IMAGE_BYTES. */
function readSmallFile(path: string): Uint8Array | null {
  let handle: number
  try {
    handle = openSync(path, READ_FLAGS)
  } catch {
    return null
  }
  try {
    const info = fstatSync(handle)
    if (!info.isFile() || info.size > MAX_IMAGE_BYTES) return null
    const bytes = Buffer.alloc(info.size)
    let filled = 0
    while (filled < bytes.length) {
      const count = readSync(handle, bytes, filled, bytes.length - filled, filled)
      if (count === 0) break
      filled += count
    }
    return bytes.subarray(0, filled)
  } catch {
    return null
  } finally {
    closeSync(handle)
  }
}

function isRealFolder(path: string): boolean {
  try {
    const info = lstatSync(path)
    return info.isDirectory() && !info.isSymbolicLink()
  } catch {
    return false
  }
}

/**
 * Files of a "Save Page As" resource folder. Only regular files inside it are read; a symbolic link
 * anywhere below the folder (or the folder being one) is not followed.
 */
export function folderImageSource(resourceDir: string): LocalImageSource {
  let lookups = 0
  let folderUsable: boolean | null = null
  return (reference) => {
    const path = resourcePathFor(resourceDir, reference)
    if (!path || lookups >= MAX_FOLDER_LOOKUPS) return null
    lookups += 1
    folderUsable ??= isRealFolder(resourceDir)
    if (!folderUsable) return null
    const inside = relative(resourceDir, path).split(/[\\/]/)
    let size = 0
    try {
      for (let depth = 1; depth <= inside.length; depth++) {
        const info = lstatSync(join(resourceDir, ...inside.slice(0, depth)))
        if (info.isSymbolicLink()) return null
        if (depth === inside.length) {
          if (!info.isFile()) return null
          size = info.size
        } else if (!info.isDirectory()) return null
      }
    } catch {
      return null
    }
    return { size, read: () => readSmallFile(path) }
  }
}
