/**
 * Finding a quoted passage again in a text that may have changed (re-extraction) or that is laid
 * out differently (the reader's DOM text versus the stored contentText). Matching ignores
 * whitespace entirely, so paragraph breaks and line wrapping never decide whether a quote is found.
 * Pure functions, shared by the engine and the renderer.
 */

/** How many characters of context a highlight keeps on each side. */
export const CONTEXT_CHARS = 48

export interface QuoteSelector {
  quote: string
  prefix: string
  suffix: string
  /** Where the quote was last seen, in characters of the searched text; breaks ties. */
  textOffset?: number | null
}

export type AnchorMethod = 'exact' | 'quote' | 'fuzzy'

export interface TextRange {
  /** Indexes into the searched text (end exclusive). */
  start: number
  end: number
  method: AnchorMethod
}

/** A text with its whitespace removed and, per remaining character, its index in the original. */
interface Squeezed {
  text: string
  origin: number[]
}

function squeeze(text: string): Squeezed {
  let squeezed = ''
  const origin: number[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string
    if (/\s/.test(char)) continue
    squeezed += char
    origin.push(index)
  }
  return { text: squeezed, origin }
}

const strip = (text: string) => text.replace(/\s+/g, '')

/** Collapse runs of whitespace into one space and trim: how quotes are stored and shown. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function allIndexes(haystack: string, needle: string): number[] {
  const found: number[] = []
  if (!needle) return found
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at)
  return found
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0
  while (length < a.length && length < b.length && a[a.length - 1 - length] === b[b.length - 1 - length])
    length++
  return length
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0
  while (length < a.length && length < b.length && a[length] === b[length]) length++
  return length
}

/** Map a range of the squeezed text back to the original text. */
function toOriginal(squeezed: Squeezed, start: number, end: number, method: AnchorMethod): TextRange {
  const first = squeezed.origin[start] ?? 0
  const last = squeezed.origin[end - 1] ?? first
  return { start: first, end: last + 1, method }
}

/** The squeezed index nearest to an original-text offset. */
function squeezedHint(squeezed: Squeezed, offset: number | null | undefined): number | null {
  if (offset === null || offset === undefined) return null
  let low = 0
  let high = squeezed.origin.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((squeezed.origin[middle] as number) < offset) low = middle + 1
    else high = middle
  }
  return low
}

const distance = (at: number, hint: number | null) => (hint === null ? 0 : Math.abs(at - hint))

/**
 * Find the quote in `text`: first where both context sides match too (exact), then the quote
 * alone with the best partial context, nearest the offset hint (quote), then its beginning and end
 * around a changed middle, or the gap between the context sides (fuzzy). Null when nothing fits.
 */
export function locateQuote(text: string, selector: QuoteSelector): TextRange | null {
  const quote = strip(selector.quote)
  if (!quote) return null
  const prefix = strip(selector.prefix)
  const suffix = strip(selector.suffix)
  const squeezed = squeeze(text)
  const haystack = squeezed.text
  const hint = squeezedHint(squeezed, selector.textOffset)

  const candidates = allIndexes(haystack, quote)
  if (candidates.length > 0) {
    let best = { at: candidates[0] as number, score: -1, distance: Infinity }
    for (const at of candidates) {
      const before = commonSuffixLength(haystack.slice(Math.max(0, at - prefix.length), at), prefix)
      const after = commonPrefixLength(
        haystack.slice(at + quote.length, at + quote.length + suffix.length),
        suffix,
      )
      const score = before + after
      const away = distance(at, hint)
      if (score > best.score || (score === best.score && away < best.distance))
        best = { at, score, distance: away }
    }
    const method: AnchorMethod = best.score === prefix.length + suffix.length ? 'exact' : 'quote'
    return toOriginal(squeezed, best.at, best.at + quote.length, method)
  }
  return fuzzyLocate(squeezed, quote, prefix, suffix, hint)
}

function fuzzyLocate(
  squeezed: Squeezed,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | null,
): TextRange | null {
  const haystack = squeezed.text
  const length = quote.length
  const nearest = (ranges: Array<[number, number]>): TextRange | null => {
    const sorted = ranges
      .filter(([start, end]) => end > start)
      .sort((a, b) => distance(a[0], hint) - distance(b[0], hint))
    const first = sorted[0]
    return first ? toOriginal(squeezed, first[0], first[1], 'fuzzy') : null
  }

  // The quote's beginning and end survived; its middle changed.
  const pieceLength = Math.min(24, Math.floor(length / 3))
  if (pieceLength >= 6) {
    const head = quote.slice(0, pieceLength)
    const tail = quote.slice(-pieceLength)
    const ranges: Array<[number, number]> = []
    for (const start of allIndexes(haystack, head)) {
      const from = start + Math.floor(length * 0.7) - pieceLength
      const tailAt = haystack.indexOf(tail, Math.max(start + pieceLength, from))
      if (tailAt !== -1 && tailAt + pieceLength - start <= Math.ceil(length * 1.3)) {
        ranges.push([start, tailAt + pieceLength])
      }
    }
    const found = nearest(ranges)
    if (found) return found
  }

  // The context on both sides survived; whatever lies between them is the passage now.
  if (prefix.length >= 8 && suffix.length >= 8) {
    const ranges: Array<[number, number]> = []
    for (const prefixAt of allIndexes(haystack, prefix)) {
      const start = prefixAt + prefix.length
      const suffixAt = haystack.indexOf(suffix, start)
      if (
        suffixAt !== -1 &&
        suffixAt - start <= Math.ceil(length * 1.5) &&
        suffixAt - start >= length * 0.5
      ) {
        ranges.push([start, suffixAt])
      }
    }
    return nearest(ranges)
  }
  return null
}

/** The quote and its context as stored: whitespace collapsed, `chars` of context on each side. */
export function selectorAt(text: string, start: number, end: number, chars = CONTEXT_CHARS): QuoteSelector {
  const before = collapseWhitespace(text.slice(Math.max(0, start - chars * 2), start))
  const after = collapseWhitespace(text.slice(end, end + chars * 2))
  // A space at the boundary is kept, so that the context reads naturally in an export.
  const prefix = (/\s$/.test(text.slice(0, start)) && before ? `${before} ` : before).slice(-chars)
  const suffix = (/^\s/.test(text.slice(end)) && after ? ` ${after}` : after).slice(0, chars)
  return { quote: collapseWhitespace(text.slice(start, end)), prefix, suffix, textOffset: start }
}
