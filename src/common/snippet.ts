/**
 * Search snippets (SearchHit.snippet) carry their matches between these two control characters, which
 * page text cannot contain once it is stored, so a snippet is never parsed as markup anywhere.
 */
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

/** A snippet as plain text plus the [start, end) offsets of its matches (UTF-16 units). */
export function splitSnippet(snippet: string): { text: string; highlights: [number, number][] } {
  let text = ''
  const highlights: [number, number][] = []
  let openedAt: number | null = null
  for (const char of snippet) {
    if (char === MATCH_START) {
      openedAt ??= text.length
    } else if (char === MATCH_END) {
      if (openedAt !== null && text.length > openedAt) highlights.push([openedAt, text.length])
      openedAt = null
    } else {
      text += char
    }
  }
  if (openedAt !== null && text.length > openedAt) highlights.push([openedAt, text.length])
  return { text, highlights }
}
