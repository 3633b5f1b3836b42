/**
 * The syntax of a .bib file, as BibTeX and biber read it: entries delimited by {…} or (…), values in
 * braces, quotes, bare numbers or @string macros joined with #, @preamble and @comment. Values are kept
 * as written (TeX included, outer delimiters removed, macros expanded). What BibTeX only warns about
 * stays a warning and the entry is kept: an undefined macro (its name becomes the value), a repeated
 * field (the first value counts, the others are kept aside), a missing comma between fields. A broken entry is an error naming its
 * line, and reading goes on at the next entry.
 */

export interface BibtexField {
  /** Lowercased field name. */
  name: string
  /** The name as the file wrote it, when that is not all lower case ("Author"). */
  as?: string
  /** The value as written: TeX kept, outer braces or quotes removed, macros expanded, # joined. */
  value: string
}

export interface BibtexSyntaxEntry {
  /** Lowercased entry type: "article", "online", … */
  type: string
  /** The type as the file wrote it, when that is not all lower case ("Article"). */
  typeAs?: string
  key: string
  /** Fields in file order, each name once. */
  fields: BibtexField[]
  /** Later values of a field that appears more than once (BibTeX ignores them; they are kept here). */
  duplicates: BibtexField[]
  line: number
}

export interface BibtexSyntaxProblem {
  severity: 'warning' | 'error'
  line: number
  /** The citation key of the entry, when the reader got that far. */
  key?: string
  message: string
}

export interface BibtexSyntaxFile {
  entries: BibtexSyntaxEntry[]
  /** @string macros, lowercased names, month macros included. */
  strings: Map<string, string>
  preambles: string[]
  problems: BibtexSyntaxProblem[]
}

/** BibTeX's predefined month macros, as biblatex defines them (numbers). */
export const MONTH_MACROS: Readonly<Record<string, string>> = {
  jan: '1',
  feb: '2',
  mar: '3',
  apr: '4',
  may: '5',
  jun: '6',
  jul: '7',
  aug: '8',
  sep: '9',
  oct: '10',
  nov: '11',
  dec: '12',
}

class SyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

const IDENTIFIER = /[^\s"#%'(),={}]+/y
const KEY = /[^\s,{}()]*/y
const SPACE = /\s*/y

/** Reads a whole .bib text; never throws on bad input. */
export function parseBibtexSyntax(text: string): BibtexSyntaxFile {
  const reader = new BibReader(text)
  reader.readAll()
  return {
    entries: reader.entries,
    strings: reader.macros,
    preambles: reader.preambles,
    problems: reader.problems,
  }
}

class BibReader {
  position = 0
  readonly entries: BibtexSyntaxEntry[] = []
  readonly macros = new Map<string, string>(Object.entries(MONTH_MACROS))
  readonly preambles: string[] = []
  readonly problems: BibtexSyntaxProblem[] = []
  private readonly lineStarts: number[] = [0]
  private currentKey: string | undefined
  private entryStart = 0
  private partial: BibtexSyntaxEntry | undefined

  constructor(private readonly text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1))
      this.lineStarts.push(index + 1)
  }

  lineOf(offset: number): number {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.lineStarts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return low + 1
  }

  readAll(): void {
    const { text } = this
    for (;;) {
      const at = text.indexOf('@', this.position)
      if (at < 0) return
      this.position = at + 1
      // An "@" inside a word (an e-mail address in a comment) starts nothing.
      if (at > 0 && /[\p{L}\p{N}._-]/u.test(text[at - 1]!)) continue
      this.entryStart = at
      this.currentKey = undefined
      this.partial = undefined
      try {
        this.readEntry()
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error
        // The fields read before the break are kept: losing them would lose more than the break did.
        const partial = this.partial as BibtexSyntaxEntry | undefined
        if (partial && partial.fields.length > 0) {
          this.entries.push(partial)
          this.problem('error', error.offset, `${error.message}; the fields before it are kept`)
        } else this.problem('error', error.offset, `${error.message}; the entry is left out`)
        const next = this.nextEntryStart(Math.max(error.offset, at + 1))
        this.position = next
      }
    }
  }

  /** The next "@" that opens a line (after optional spaces), where reading can start again. */
  private nextEntryStart(from: number): number {
    const pattern = /\n[ \t]*@/g
    pattern.lastIndex = from
    const match = pattern.exec(this.text)
    return match ? match.index + match[0].length - 1 : this.text.length
  }

  private problem(severity: 'warning' | 'error', offset: number, message: string): void {
    const line = this.lineOf(offset)
    const where = this.currentKey ? `entry "${this.currentKey}" (line ${line})` : `line ${line}`
    this.problems.push({
      severity,
      line,
      ...(this.currentKey ? { key: this.currentKey } : {}),
      message: `${where}: ${message}`,
    })
  }

  private fail(message: string, offset = this.position): never {
    throw new SyntaxError(message, offset)
  }

  private skipSpace(): void {
    SPACE.lastIndex = this.position
    SPACE.test(this.text)
    this.position = SPACE.lastIndex
  }

  private peek(): string | undefined {
    return this.text[this.position]
  }

  private match(pattern: RegExp): string {
    pattern.lastIndex = this.position
    const found = pattern.exec(this.text)
    const value = found?.[0] ?? ''
    this.position += value.length
    return value
  }

  private identifier(what: string): string {
    this.skipSpace()
    const name = this.match(IDENTIFIER)
    if (!name) this.fail(`expected ${what} but found ${describe(this.peek())}`)
    return name
  }

  private readEntry(): void {
    this.skipSpace()
    const typeStart = this.position
    const typeAs = this.match(IDENTIFIER)
    const type = typeAs.toLowerCase()
    this.skipSpace()
    const open = this.peek()
    // "@" followed by anything but a type and a brace is text between entries, which BibTeX ignores.
    if (!type || (open !== '{' && open !== '(')) {
      this.position = Math.max(typeStart, this.position)
      return
    }
    const close = open === '{' ? '}' : ')'
    this.position++
    if (type === 'comment') {
      this.position =
        open === '{' ? this.balancedEnd(this.position - 1) : this.text.indexOf(')', this.position) + 1
      if (this.position <= 0) this.position = this.text.length
      return
    }
    if (type === 'preamble') {
      this.preambles.push(this.readValue())
      this.expectClose(close)
      return
    }
    if (type === 'string') {
      const name = this.identifier('a macro name').toLowerCase()
      this.expect('=')
      this.macros.set(name, this.readValue())
      this.expectClose(close)
      return
    }
    this.skipSpace()
    const keyOffset = this.position
    const key = this.match(KEY)
    const entry: BibtexSyntaxEntry = {
      type,
      ...(typeAs !== type ? { typeAs } : {}),
      key,
      fields: [],
      duplicates: [],
      line: this.lineOf(this.entryStart),
    }
    if (key) this.currentKey = key
    else this.problem('warning', keyOffset, `@${type} entry has no citation key`)
    this.partial = entry
    const seen = new Map<string, string>()
    let needComma = true
    for (;;) {
      this.skipSpace()
      const char = this.peek()
      if (char === close) {
        this.position++
        break
      }
      if (char === undefined) this.fail(`@${type} entry is never closed (no "${close}")`, this.entryStart)
      if (char === ',') {
        this.position++
        needComma = false
        continue
      }
      if (needComma) {
        // BibTeX would stop here; reading on keeps the fields that follow.
        if (!/[A-Za-z]/.test(char) || entry.fields.length === 0)
          this.fail(`expected "," or "${close}" but found ${describe(char)}`)
        this.problem('warning', this.position, 'a comma is missing between two fields')
      }
      const nameOffset = this.position
      const nameAs = this.identifier('a field name')
      const name = nameAs.toLowerCase()
      const field: BibtexField = nameAs === name ? { name, value: '' } : { name, as: nameAs, value: '' }
      this.expect('=')
      const value = this.readValue()
      needComma = true
      const earlier = seen.get(name)
      if (earlier !== undefined) {
        this.problem(
          'warning',
          nameOffset,
          `the field "${name}" appears twice; the first value counts and "${clip(value)}" is kept aside`,
        )
        entry.duplicates.push({ ...field, value })
        continue
      }
      seen.set(name, value)
      entry.fields.push({ ...field, value })
    }
    this.entries.push(entry)
  }

  private expect(char: string): void {
    this.skipSpace()
    if (this.peek() !== char) this.fail(`expected "${char}" but found ${describe(this.peek())}`)
    this.position++
  }

  private expectClose(close: string): void {
    this.skipSpace()
    if (this.peek() === ',') {
      this.position++
      this.skipSpace()
    }
    this.expect(close)
  }

  private balancedEnd(openAt: number): number {
    const { text } = this
    let depth = 0
    for (let index = openAt; index < text.length; index++) {
      const char = text.charCodeAt(index)
      if (char === 92 /* \ */) {
        index++
        continue
      }
      if (char === 123 /* { */) depth++
      else if (char === 125 /* } */ && --depth === 0) return index + 1
    }
    return this.fail('a "{" is never closed', openAt)
  }

  private readValue(): string {
    let value = ''
    for (;;) {
      this.skipSpace()
      const char = this.peek()
      if (char === '{') {
        const end = this.balancedEnd(this.position)
        value += this.text.slice(this.position + 1, end - 1)
        this.position = end
      } else if (char === '"') {
        value += this.readQuoted()
      } else if (char !== undefined && /\d/.test(char)) {
        value += this.identifier('a number')
      } else {
        const offset = this.position
        const name = this.identifier('a value')
        const macro = this.macros.get(name.toLowerCase())
        if (macro === undefined) {
          this.problem('warning', offset, `the macro "${name}" is not defined; its name is kept as the value`)
          value += name
        } else value += macro
      }
      this.skipSpace()
      if (this.peek() !== '#') return value
      this.position++
    }
  }

  private readQuoted(): string {
    const { text } = this
    const start = this.position
    let depth = 0
    for (let index = start + 1; index < text.length; index++) {
      const current = text[index]
      if (current === '\\') index++
      else if (current === '{') depth++
      else if (current === '}') depth--
      else if (current === '"' && depth === 0) {
        this.position = index + 1
        return text.slice(start + 1, index)
      }
    }
    return this.fail('a quoted value is never closed', start)
  }
}

function describe(char: string | undefined): string {
  return char === undefined ? 'the end of the file' : `"${char}"`
}

function clip(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat
}
