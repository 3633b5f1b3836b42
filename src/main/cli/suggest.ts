/**
 * The known word closest to a mistyped one ("serch" -> "search", "--jsno" -> "--json"), or null when
 * none is close enough to be what was meant: a unique name that starts with what was typed, or one
 * within a small number of edits (a swapped pair of letters counts as one).
 */
export function closestName(typed: string, known: readonly string[]): string | null {
  const word = typed.toLowerCase()
  if (word.replace(/^-+/, '').length >= 3) {
    const extending = known.filter((name) => name.toLowerCase().startsWith(word))
    if (extending.length === 1) return extending[0] as string
  }
  const allowed = Math.max(1, Math.floor(word.replace(/^-+/, '').length / 3))
  let best: string | null = null
  let bestDistance = allowed + 1
  for (const name of known) {
    const distance = editDistance(word, name.toLowerCase())
    if (distance < bestDistance) {
      best = name
      bestDistance = distance
    }
  }
  return best
}

/** Insertions, deletions, substitutions and swaps of neighbours needed to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const columns = b.length + 1
  const table: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  const at = (i: number, j: number): number => (table[i] as number[])[j] as number
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, at(i - 2, j - 2) + 1)
      ;(table[i] as number[])[j] = distance
    }
  }
  return at(rows - 1, columns - 1)
}
