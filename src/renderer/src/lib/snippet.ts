import { splitSnippet as splitMatches } from '../../../common/snippet'

/** One run of snippet text, marked when the search matched it. */
export interface SnippetSegment {
  text: string
  marked: boolean
}

/**
 * Splits an engine snippet into plain segments so the view can render <mark> elements around text
 * nodes instead of parsing page text as HTML.
 */
export function splitSnippet(snippet: string): SnippetSegment[] {
  const { text, highlights } = splitMatches(snippet)
  const segments: SnippetSegment[] = []
  let cursor = 0
  for (const [start, end] of highlights) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false })
    segments.push({ text: text.slice(start, end), marked: true })
    cursor = end
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false })
  return segments
}
