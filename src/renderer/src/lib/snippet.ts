/** One run of snippet text, marked when the search matched it. */
export interface SnippetSegment {
  text: string
  marked: boolean
}

const MATCH_START = '\u0002'
const MATCH_END = '\u0003'

/**
 * Splits an engine snippet (matches wrapped in U+0002 … U+0003) into plain segments so the
 * view can render <mark> elements around text nodes instead of parsing page text as HTML.
 */
export function splitSnippet(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = []
  let marked = false
  let buffer = ''
  const flush = () => {
    if (buffer) segments.push({ text: buffer, marked })
    buffer = ''
  }
  for (const char of snippet) {
    if (char === MATCH_START || char === MATCH_END) {
      flush()
      marked = char === MATCH_START
    } else {
      buffer += char
    }
  }
  flush()
  return segments
}
