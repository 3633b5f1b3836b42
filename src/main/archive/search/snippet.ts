import { MATCH_END, MATCH_START } from '../../../common/snippet'
import type { MatchTerms } from './compile'
import { analyseWord, foldWord, MAX_WORD_LENGTH, words } from './normalize'

const ELLIPSIS = '…'
/** About two lines of a result list. */
const SNIPPET_LENGTH = 220
/** How much text before the first match a snippet may show. */
const LEAD_IN = 70
/** Matches this close together count as one passage. */
const PASSAGE_SPAN = 160

interface Match {
  start: number
  end: number
  token: string
}

/**
 * A short passage of `text` around the place where most different query words occur close
 * together, with each matching word wrapped in MATCH_START…MATCH_END. Words match by the same
 * folding and stemming as the index, so "визит" marks "визитом". Without a match in the text
 * (a title hit) the snippet is the opening of the text.
 */
export function makeSnippet(text: string, terms: MatchTerms): string {
  const matches = findMatches(text, terms)
  const best = bestPassage(matches)
  const anchor = best === undefined ? 0 : matches[best]!.start
  const start = passageStart(text, anchor)
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > anchor) end = space
  }
  let snippet = ''
  let cursor = start
  for (const match of matches) {
    if (match.start < start || match.end > end) continue
    snippet += text.slice(cursor, match.start) + MATCH_START + text.slice(match.start, match.end) + MATCH_END
    cursor = match.end
  }
  snippet += text.slice(cursor, end)
  snippet = snippet.replace(/\s+/g, ' ').trim()
  if (start > 0 && !startsSentence(text, start)) snippet = ELLIPSIS + snippet
  if (end < text.length) snippet += ELLIPSIS
  return snippet
}

function findMatches(text: string, terms: MatchTerms): Match[] {
  if (terms.tokens.size === 0 && terms.prefixes.length === 0) return []
  // A cheap first look: a word can only match when it begins like some query token or prefix.
  const heads = new Set([...terms.tokens, ...terms.prefixes].map(head))
  const matches: Match[] = []
  for (const word of words(text)) {
    if (word.text.length > MAX_WORD_LENGTH || !heads.has(head(quickFold(word.text)))) continue
    const { folded, stem } = analyseWord(word.text)!
    const prefix = terms.prefixes.find((candidate) => folded.startsWith(candidate))
    if (terms.tokens.has(stem)) matches.push({ start: word.start, end: word.end, token: stem })
    else if (terms.tokens.has(folded)) matches.push({ start: word.start, end: word.end, token: folded })
    else if (prefix !== undefined) matches.push({ start: word.start, end: word.end, token: prefix })
  }
  return matches
}

function head(token: string): string {
  return token.slice(0, 2)
}

/** Enough folding for the first two letters: case and ё. */
function quickFold(word: string): string {
  return foldWord(word.slice(0, 3))
}

/** Index of the match that starts the passage with the most different query words. */
function bestPassage(matches: readonly Match[]): number | undefined {
  let best: number | undefined
  let bestCount = 0
  for (let i = 0; i < matches.length; i++) {
    const seen = new Set<string>()
    for (let j = i; j < matches.length && matches[j]!.start - matches[i]!.start <= PASSAGE_SPAN; j++) {
      seen.add(matches[j]!.token)
    }
    if (seen.size > bestCount) {
      best = i
      bestCount = seen.size
    }
  }
  return best
}

/** Start a little before the anchor: at a sentence start when one is near, else at a word. */
function passageStart(text: string, anchor: number): number {
  if (anchor <= LEAD_IN) return 0
  const from = anchor - LEAD_IN
  const window = text.slice(from, anchor)
  const sentence = Math.max(
    window.lastIndexOf('. '),
    window.lastIndexOf('\n'),
    window.lastIndexOf('! '),
    window.lastIndexOf('? '),
  )
  if (sentence !== -1) return from + sentence + (window[sentence] === '\n' ? 1 : 2)
  const space = window.indexOf(' ')
  return space === -1 ? anchor : from + space + 1
}

function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 2), index)
  return before.endsWith('\n') || /[.!?]\s$/.test(before)
}
