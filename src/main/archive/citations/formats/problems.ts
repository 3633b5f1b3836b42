/** What a reader found wrong in a reference file, per entry, in plain words. */
export interface ReferenceProblem {
  /** A warning keeps the entry (as BibTeX would); an error means the entry could not be read. */
  severity: 'warning' | 'error'
  /** The line the entry starts on (BibTeX, RIS). */
  line?: number
  /** The entry's citation key, or its number in the file when it has none. */
  entry?: string
  /** Names the entry (key or line) and the cause. */
  message: string
}
