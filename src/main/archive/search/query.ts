/**
 * Turn what a person typed into an FTS5 MATCH expression that can never be a syntax error.
 *
 * Every word becomes a quoted prefix term ("визит"* also finds визитом, визита), text in
 * matching double quotes becomes an exact phrase, and all parts must match. FTS5 operators
 * typed by the user (AND, OR, NEAR, parentheses, column filters) are searched as plain words.
 * Returns null when nothing searchable is left.
 */
export function buildMatchExpression(userText: string): string | null {
  const parts: string[] = []
  for (const match of userText.normalize('NFC').matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    const [, phrase, word] = match
    if (phrase !== undefined) {
      const words = searchableWords(phrase)
      if (words.length > 0) parts.push(quote(words.join(' ')))
    } else if (word !== undefined) {
      // "Vance’s" is the tokens vance + s: keep them together as a phrase, the last one a prefix.
      const pieces = searchableWords(word)
      if (pieces.length > 0) parts.push(`${quote(pieces.join(' '))}*`)
    }
  }
  return parts.length > 0 ? parts.join(' ') : null
}

/** Words made of letters, digits and inner marks; punctuation only separates. */
function searchableWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}
