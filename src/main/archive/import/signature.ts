import type { ExtractedArticle } from '../../../common/types'

/**
 * Near-identical bodies: each article's text is reduced to its word 5-shingles, hashed, and
 * summarised by a MinHash signature (SIGNATURE_SIZE minima under different hash functions). The
 * share of equal positions in two signatures estimates the Jaccard similarity of the shingle sets.
 * Pure computation with no database access, so extraction workers can sign what they extract.
 */
export const SIGNATURE_SIZE = 128
const SHINGLE_WORDS = 5
/** Shorter bodies share too few shingles for the estimate to mean anything; they are not compared. */
export const MIN_WORDS = 40

/** Independent-looking hash functions: x -> fmix32(x ^ seed). */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE)
  for (let i = 0; i < SIGNATURE_SIZE; i++) seeds[i] = mix32(Math.imul(i + 1, 0x9e3779b9))
  return seeds
})()

/** MurmurHash3's finaliser: a cheap bijective 32-bit mix. */
export function mix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over the UTF-16 code units of a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Case-folded words (letters and digits), so markup, punctuation and spacing do not matter. */
export function bodyWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** The MinHash signature of a body, or null when it has too few words to compare. */
export function textSignature(text: string): Uint32Array | null {
  const words = bodyWords(text)
  if (words.length < MIN_WORDS) return null
  const shingles = new Set<number>()
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    shingles.add(hashString(words.slice(i, i + SHINGLE_WORDS).join(' ')))
  }
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = mix32(shingle ^ (SEEDS[i] as number))
      if (value < (signature[i] as number)) signature[i] = value
    }
  }
  return signature
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) equal++
  return equal / SIGNATURE_SIZE
}

/** An extracted article with the MinHash signature of its body (null: too short to compare). */
export interface SignedArticle {
  article: ExtractedArticle
  signature: Uint32Array | null
}

/** Sign an article where it was extracted (a worker thread, or in-process), so the writer only stores it. */
export function signArticle(article: ExtractedArticle): SignedArticle {
  return { article, signature: textSignature(article.contentText) }
}
