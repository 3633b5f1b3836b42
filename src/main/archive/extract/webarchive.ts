/**
 * Safari .webarchive: a binary property list (bplist00) whose WebMainResource holds the page
 * (WebResourceData) with its MIME type, text encoding and URL. Only the objects on that path are
 * decoded, each with bounds checks, so a hostile file cannot make the reader loop or overrun.
 */

export interface WebArchiveResource {
  data: Uint8Array
  mimeType: string | null
  charset: string | null
  url: string | null
}

export interface WebArchiveDocument extends WebArchiveResource {
  /** The main resources of the frames (WebSubframeArchives), for a page made of frames. */
  frames: WebArchiveResource[]
}

/** Frames beyond this many are not read. */
const MAX_FRAMES = 50

/** Why a binary property list could not be read as a web archive. */
export class WebArchiveError extends Error {}

const TRAILER_BYTES = 32

type PlistValue = string | Uint8Array | number | boolean | null | PlistRef[] | Map<string, PlistRef>
/** An object reference, decoded only when asked for. */
type PlistRef = number

class BinaryPlist {
  private readonly view: DataView
  private readonly offsetSize: number
  private readonly refSize: number
  private readonly objectCount: number
  private readonly offsetTable: number
  readonly top: PlistRef

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 8 + TRAILER_BYTES) throw new WebArchiveError('the file is too short')
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const trailer = bytes.length - TRAILER_BYTES
    this.offsetSize = this.view.getUint8(trailer + 6)
    this.refSize = this.view.getUint8(trailer + 7)
    this.objectCount = this.bigToNumber(trailer + 8)
    this.top = this.bigToNumber(trailer + 16)
    this.offsetTable = this.bigToNumber(trailer + 24)
    const validSize = (size: number): boolean => size >= 1 && size <= 8
    if (
      !validSize(this.offsetSize) ||
      !validSize(this.refSize) ||
      this.top >= this.objectCount ||
      this.offsetTable + this.objectCount * this.offsetSize > trailer
    )
      throw new WebArchiveError('its property-list trailer is damaged')
  }

  private bigToNumber(at: number): number {
    const value = this.view.getBigUint64(at)
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      throw new WebArchiveError('its property-list trailer is damaged')
    return Number(value)
  }

  private uint(at: number, size: number): number {
    if (at < 0 || at + size > this.bytes.length) throw new WebArchiveError('an object lies outside the file')
    let value = 0
    for (let i = 0; i < size; i++) value = value * 256 + (this.bytes[at + i] ?? 0)
    return value
  }

  /** The object's length and where its payload starts (lengths of 15+ follow as an int object). */
  private lengthAt(at: number, marker: number): [number, number] {
    const low = marker & 0x0f
    if (low !== 0x0f) return [low, at + 1]
    const intMarker = this.uint(at + 1, 1)
    if (intMarker >> 4 !== 0x1) throw new WebArchiveError('an object length is damaged')
    const size = 1 << (intMarker & 0x0f)
    if (size > 8) throw new WebArchiveError('an object length is damaged')
    return [this.uint(at + 2, size), at + 2 + size]
  }

  private checkedSlice(start: number, length: number): Uint8Array {
    if (length < 0 || start + length > this.offsetTable)
      throw new WebArchiveError('an object lies outside the file')
    return this.bytes.subarray(start, start + length)
  }

  value(ref: PlistRef): PlistValue {
    if (ref >= this.objectCount) throw new WebArchiveError('an object reference is damaged')
    const at = this.uint(this.offsetTable + ref * this.offsetSize, this.offsetSize)
    const marker = this.uint(at, 1)
    switch (marker >> 4) {
      case 0x0:
        return marker === 0x09 ? true : marker === 0x08 ? false : null
      case 0x1:
        return this.uint(at + 1, Math.min(8, 1 << (marker & 0x0f)))
      case 0x4: {
        const [length, start] = this.lengthAt(at, marker)
        return this.checkedSlice(start, length)
      }
      case 0x5: {
        const [length, start] = this.lengthAt(at, marker)
        return Buffer.from(this.checkedSlice(start, length)).toString('latin1')
      }
      case 0x6: {
        const [length, start] = this.lengthAt(at, marker)
        return Buffer.from(this.checkedSlice(start, length * 2))
          .swap16()
          .toString('utf16le')
      }
      case 0xa: {
        const [count, start] = this.lengthAt(at, marker)
        this.checkedSlice(start, count * this.refSize)
        return Array.from({ length: count }, (_, i) => this.uint(start + i * this.refSize, this.refSize))
      }
      case 0xd: {
        const [count, start] = this.lengthAt(at, marker)
        this.checkedSlice(start, count * 2 * this.refSize)
        const entries = new Map<string, PlistRef>()
        for (let i = 0; i < count; i++) {
          const key = this.value(this.uint(start + i * this.refSize, this.refSize))
          if (typeof key === 'string')
            entries.set(key, this.uint(start + (count + i) * this.refSize, this.refSize))
        }
        return entries
      }
      default:
        // Reals, dates, UIDs and sets are never on the path to the main resource.
        return null
    }
  }
}

const asDict = (value: PlistValue): Map<string, PlistRef> | null => (value instanceof Map ? value : null)

function readResource(plist: BinaryPlist, ref: PlistRef): WebArchiveResource {
  const resource = asDict(plist.value(ref))
  if (!resource) throw new WebArchiveError('a resource is damaged')
  const field = (name: string): PlistValue => {
    const fieldRef = resource.get(name)
    return fieldRef === undefined ? null : plist.value(fieldRef)
  }
  const data = field('WebResourceData')
  if (!(data instanceof Uint8Array)) throw new WebArchiveError('a resource has no data')
  const text = (value: PlistValue): string | null =>
    typeof value === 'string' && value.trim() ? value.trim() : null
  return {
    data,
    mimeType: text(field('WebResourceMIMEType'))?.toLowerCase() ?? null,
    charset: text(field('WebResourceTextEncodingName')),
    url: text(field('WebResourceURL')),
  }
}

/** The page inside a Safari web archive; null when the property list is not a web archive. */
export function readWebArchive(bytes: Uint8Array): WebArchiveDocument | null {
  const plist = new BinaryPlist(bytes)
  const top = asDict(plist.value(plist.top))
  const mainRef = top?.get('WebMainResource')
  if (!top || mainRef === undefined) return null
  const main = readResource(plist, mainRef)
  const frames: WebArchiveResource[] = []
  const framesRef = top.get('WebSubframeArchives')
  const frameArchives = framesRef === undefined ? null : plist.value(framesRef)
  if (Array.isArray(frameArchives)) {
    for (const frameRef of frameArchives.slice(0, MAX_FRAMES)) {
      const frameMain = asDict(plist.value(frameRef))?.get('WebMainResource')
      if (frameMain === undefined) continue
      try {
        frames.push(readResource(plist, frameMain))
      } catch {
        // A damaged frame is left out; the rest of the page can still be read.
      }
    }
  }
  return { ...main, frames }
}
