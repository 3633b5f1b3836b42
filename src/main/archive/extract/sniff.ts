/** What a file is, judged by its content first and its name second. */
import type { UnsupportedFileType } from '../../../common/errors'
import type { SourceFormat } from '../../../common/types'
import { utf16WithoutBom } from './decode'

export type SniffResult =
  | { kind: Exclude<SourceFormat, 'paste-text' | 'paste-html'> }
  | { kind: 'binary'; what: string; type: UnsupportedFileType }
  /** A binary property list: a Safari web archive, or another kind the reader will name. */
  | { kind: 'webarchive' }
  | { kind: 'empty' }

const MAGIC: ReadonlyArray<readonly [number[], string, UnsupportedFileType]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image', 'png'],
  [[0xff, 0xd8, 0xff], 'a JPEG image', 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image', 'gif'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)', 'zip'],
  [[0x1f, 0x8b], 'a gzip archive', 'gzip'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive', 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive', 'seven-zip'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document', 'old-office'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)', 'elf'],
  [[0x4d, 0x5a], 'a Windows program', 'windows-program'],
]

const BINARY_PLIST = [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30]

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((b, i) => bytes[i] === b)

/** The first bytes as text, for sniffing (UTF-16 collapsed to its low bytes). */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192)
  const wide =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    utf16WithoutBom(head) !== null
  const kept = wide ? head.filter((b) => b !== 0) : head
  return Buffer.from(kept)
    .toString('latin1')
    .replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '')
}

/** NUL bytes or many control characters: not text in any single-byte or UTF-8 encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false
  let zeros = 0
  let controls = 0
  for (const b of head) {
    if (b === 0) zeros++
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++
  }
  if (zeros === 0 && controls <= head.length * 0.05) return false
  return utf16WithoutBom(head) === null
}

export function sniffFormat(name: string, bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { kind: 'empty' }
  const text = headText(bytes)
  const leading = text.trimStart()
  if (leading.startsWith('%PDF-')) return { kind: 'pdf' }
  if (startsWith(bytes, BINARY_PLIST)) return { kind: 'webarchive' }
  for (const [magic, what, type] of MAGIC) if (startsWith(bytes, magic)) return { kind: 'binary', what, type }
  if (looksBinary(bytes)) return { kind: 'binary', what: 'binary data, not text', type: 'binary' }
  if (leading === '') return { kind: 'empty' }
  if (/^MIME-Version:/im.test(text.slice(0, 4096)) && /multipart\/related/i.test(text))
    return { kind: 'mhtml' }
  if (/<!--\s*Page saved with SingleFile/i.test(text)) return { kind: 'singlefile' }
  if (
    /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|base|link|style|script)\b/i.test(
      leading,
    )
  )
    return { kind: 'html' }
  if (/\.(?:x?html?|xht|shtml)$/i.test(name) && /<\/?(?:p|div|body|html|article|span|a|br)\b/i.test(text))
    return { kind: 'html' }
  if (/\.(?:mht|mhtml)$/i.test(name) && /multipart\/related/i.test(text)) return { kind: 'mhtml' }
  return { kind: 'text' }
}

/** The page URL and save date SingleFile writes into its header comment. */
export function singleFileHeader(text: string): { url: string | null; savedDate: string | null } {
  const comment =
    /<!--\s*Page saved with SingleFile([\s\S]{0,4000}?)-->/i.exec(text.slice(0, 16_384))?.[1] ?? ''
  return {
    url: /^\s*url:\s*(\S+)/im.exec(comment)?.[1] ?? null,
    savedDate: /^\s*saved date:\s*(.+?)\s*$/im.exec(comment)?.[1] ?? null,
  }
}
