/**
 * Scores of bench:extract: the body by 4-word shingles (the article-extraction-benchmark metric:
 * precision and recall over multisets of shingles of NFKC-normalised, lower-cased \w+ tokens), and
 * metadata matches as the gold states them.
 */

const SHINGLE = 4

export function tokens(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}\p{M}_]+/gu) ?? []
  )
}

export function shingles(text: string): Map<string, number> {
  const words = tokens(text)
  const counts = new Map<string, number>()
  for (let i = 0; i < Math.max(1, words.length - SHINGLE + 1); i++) {
    const shingle = words.slice(i, i + SHINGLE).join(' ')
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1)
  }
  return counts
}

export interface BodyScore {
  precision: number
  recall: number
}

export function bodyScore(gold: string, predicted: string): BodyScore {
  const expected = shingles(gold)
  const got = shingles(predicted)
  let truePositives = 0
  let predictedTotal = 0
  let expectedTotal = 0
  for (const [shingle, count] of got) {
    predictedTotal += count
    truePositives += Math.min(count, expected.get(shingle) ?? 0)
  }
  for (const count of expected.values()) expectedTotal += count
  if (expectedTotal === 0 && predictedTotal === 0) return { precision: 1, recall: 1 }
  return {
    precision: predictedTotal === 0 ? 0 : truePositives / predictedTotal,
    recall: expectedTotal === 0 ? 0 : truePositives / expectedTotal,
  }
}

export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length
export const f1 = (precision: number, recall: number): number =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
export const pct = (value: number): string => `${(value * 100).toFixed(1)}%`
export const ms = (value: number): string => `${value.toFixed(1)} ms`
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

export const squashSpaces = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim()
export const sameText = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && squashSpaces(a).toLowerCase() === squashSpaces(b).toLowerCase()
export const sameAuthors = (ours: readonly string[], gold: readonly string[]): boolean =>
  ours.length === gold.length &&
  [...ours]
    .map((a) => a.toLowerCase())
    .sort()
    .join('|') ===
    [...gold]
      .map((a) => a.toLowerCase())
      .sort()
      .join('|')
/** Dates agree when they name the same calendar day as stated (times and zones vary in how they are written). */
export const sameDay = (ours: string | null | undefined, gold: string | null | undefined): boolean =>
  !!ours && !!gold && ours.slice(0, 10) === gold.slice(0, 10)
