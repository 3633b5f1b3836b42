/** Bytes to text: BOM, then what the document or its container declares, then a guess (chardet). */
import { isAscii, isUtf8 } from 'node:buffer'
import chardet from 'chardet'
import iconv from 'iconv-lite'

export interface DecodedText {
  text: string
  /** The encoding actually used, lowercased ("utf-8", "windows-1251"). */
  encoding: string
  warnings: string[]
}

/** How many leading bytes are examined for declarations and sniffing. */
const SNIFF_BYTES = 64 * 1024

const ALIASES: Readonly<Record<string, string>> = {
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
  'win-1251': 'windows-1251',
  'x-mac-cyrillic': 'maccyrillic',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  unicode: 'utf-16le',
  'utf-16': 'utf-16le',
  utf8: 'utf-8',
}

/** A usable encoding name for a declared charset label, or null when iconv-lite does not know it. */
export function normaliseEncoding(label: string | null | undefined): string | null {
  const cleaned = label
    ?.trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '')
  if (!cleaned) return null
  const name = ALIASES[cleaned] ?? cleaned
  return iconv.encodingExists(name) ? name : null
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/**
 * UTF-16 without a BOM: one byte of each pair (the high byte) takes very few values (0 for ASCII,
 * 0x04 for Cyrillic, ...), with some zeros, while the other byte is almost never zero.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1
  // Without a single NUL byte it is not UTF-16 (the check below needs 5% of them); most pages stop here.
  if (sample < 16 || bytes.subarray(0, sample).indexOf(0) < 0) return null
  const pairs = sample / 2
  const isUtf16 = (high: number, low: number): boolean => {
    const counts = new Map<number, number>()
    let zeros = 0
    let lowZeros = 0
    for (let i = 0; i < sample; i += 2) {
      const value = bytes[i + high] ?? 0
      counts.set(value, (counts.get(value) ?? 0) + 1)
      if (value === 0) zeros++
      if (bytes[i + low] === 0) lowZeros++
    }
    const topNonZero = Math.max(
      0,
      ...Array.from(counts)
        .filter(([v]) => v !== 0)
        .map(([, n]) => n),
    )
    return zeros >= pairs * 0.05 && lowZeros <= pairs * 0.02 && zeros + topNonZero >= pairs * 0.9
  }
  if (isUtf16(1, 0)) return 'utf-16le'
  if (isUtf16(0, 1)) return 'utf-16be'
  return null
}

/** The charset an HTML document declares in its first bytes (<meta charset>, http-equiv, <?xml encoding>). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SNIFF_BYTES)).toString(
    'latin1',
  )
  const meta =
    /<meta[^>]{0,200}?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]{0,100}?\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)
  return meta?.[1] ?? null
}

const hasNonAscii = (bytes: Uint8Array): boolean => !isAscii(bytes)

/**
 * Decodes text. `declared` is what the container says (an MHTML part's charset); HTML documents also
 * get their own <meta> declaration read. Valid multi-byte UTF-8 wins over a contradicting single-byte
 * declaration, since pages re-saved by browsers often keep a stale <meta charset>.
 */
export function decodeText(
  bytes: Uint8Array,
  options: { declared?: string | null; html: boolean },
): DecodedText {
  const warnings: string[] = []
  const bom = bomEncoding(bytes)
  if (bom)
    return {
      text: iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding),
      encoding: bom.encoding,
      warnings,
    }
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16, warnings }

  const label = options.declared ?? (options.html ? declaredHtmlCharset(bytes) : null)
  let encoding = normaliseEncoding(label)
  if (label && !encoding) warnings.push(`unknown charset "${label}"; the encoding was guessed`)
  if (
    encoding &&
    encoding !== 'utf-8' &&
    !encoding.startsWith('utf-16') &&
    hasNonAscii(bytes) &&
    isUtf8(bytes)
  ) {
    warnings.push(`declared charset "${label}" did not match the bytes; read as UTF-8`)
    encoding = 'utf-8'
  }
  if (encoding === 'utf-8' && hasNonAscii(bytes) && !isUtf8(bytes)) {
    // A stale UTF-8 label on an older single-byte page: when most non-ASCII bytes are not UTF-8
    // and the detector is confident about another encoding, the bytes decide. A few bad bytes in
    // a UTF-8 page are only replaced.
    const guessed = mostlyInvalidUtf8(bytes) ? confidentGuess(bytes) : null
    if (guessed) {
      warnings.push(`declared charset "${label}" did not match the bytes; read as ${guessed}`)
      encoding = guessed
    }
  }
  if (encoding?.startsWith('utf-16')) encoding = null // a UTF-16 label on bytes that are not UTF-16
  if (!encoding) encoding = guessEncoding(bytes)
  const cyrillic = likeliestCyrillicEncoding(bytes, encoding)
  if (cyrillic !== encoding) {
    if (label) warnings.push(`declared charset "${label}" did not match the bytes; read as ${cyrillic}`)
    encoding = cyrillic
  }
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, warnings }
}

/** Single-byte Cyrillic encodings that are easily mistaken for one another. */
// Listed by how common they are: a later one must read clearly better to win a near tie.
const CYRILLIC_ENCODINGS = ['windows-1251', 'koi8-r', 'koi8-u', 'iso-8859-5', 'cp866', 'maccyrillic']
/** The most frequent letters of Russian and Ukrainian prose, lower case. */
const FREQUENT_CYRILLIC = new Set('оеаинтсрвлкмдпуяыіь')

/**
 * How much a text looks like Cyrillic prose: the share of its Cyrillic letters that are frequent
 * lower-case letters. Text read in the wrong Cyrillic encoding comes out mostly in capitals and
 * rare letters (koi8-r read as windows-1251 gives "лБУРЙК"), so it scores far lower.
 */
export function cyrillicProseScore(text: string): number {
  let letters = 0
  let frequent = 0
  for (const char of text) {
    if (char < '\u0400' || char > '\u04ff') continue
    letters++
    if (FREQUENT_CYRILLIC.has(char)) frequent++
  }
  return letters < 20 ? 0 : frequent / letters
}

/**
 * For a page in (or guessed as) a single-byte Cyrillic encoding, the candidate that reads as the
 * most plausible prose; the current one unless another is clearly better.
 */
function likeliestCyrillicEncoding(bytes: Uint8Array, current: string): string {
  if (!CYRILLIC_ENCODINGS.includes(current)) return current
  const sample = Buffer.from(bytes.subarray(0, SNIFF_BYTES * 4))
  const currentScore = cyrillicProseScore(iconv.decode(sample, current))
  let best = { encoding: current, score: currentScore }
  for (const candidate of CYRILLIC_ENCODINGS) {
    if (candidate === current) continue
    const score = cyrillicProseScore(iconv.decode(sample, candidate))
    if (score > best.score + 0.02) best = { encoding: candidate, score }
  }
  return best.score >= 0.4 && best.score - currentScore >= 0.2 ? best.encoding : current
}

function mostlyInvalidUtf8(bytes: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_BYTES * 4))
  let nonAscii = 0
  let replaced = 0
  for (const char of text) {
    if (char <= '\u007f') continue
    nonAscii++
    if (char === '\ufffd') replaced++
  }
  return replaced > nonAscii * 0.2
}

/**
 * chardet's guess for a non-UTF encoding, when it is reasonably sure, or when it names a Cyrillic
 * encoding whose reading our own letter check confirms (chardet is unsure on short pages).
 */
function confidentGuess(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, SNIFF_BYTES * 4)
  const best = chardet.analyse(sample)[0]
  const name = best ? normaliseEncoding(best.name) : null
  if (!best || !name || /^utf-(8|16|32)/.test(name)) return null
  if (best.confidence >= 50) return name
  const confirmed =
    CYRILLIC_ENCODINGS.includes(name) && cyrillicProseScore(iconv.decode(Buffer.from(sample), name)) >= 0.4
  return confirmed ? name : null
}

function guessEncoding(bytes: Uint8Array): string {
  if (!hasNonAscii(bytes) || isUtf8(bytes)) return 'utf-8'
  const guess = normaliseEncoding(chardet.detect(bytes.subarray(0, SNIFF_BYTES * 4)))
  return guess && !guess.startsWith('utf-16') && !guess.startsWith('utf-32') ? guess : 'windows-1252'
}
