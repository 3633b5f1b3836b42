/**
 * BibTeX / BibLaTeX reader for "import references": entries with {…}, "…", numbers, @string macros and
 * # concatenation; TeX escapes and accents decoded to Unicode. A broken entry is reported with its line
 * and the rest of the file still parses.
 */
import type { CslItem, CslItemType, CslName } from '../csl-item'
import { parseDate } from '../csl-item'

export interface BibtexEntry {
  /** Lowercased entry type: "article", "online", … */
  type: string
  key: string
  /** Lowercased field names; values decoded to plain Unicode (braces and TeX escapes removed). */
  fields: Record<string, string>
  /** The same values as written, with braces and escapes (names need the braces). */
  rawFields: Record<string, string>
  line: number
}

export interface BibtexProblem {
  line: number
  message: string
}

export interface BibtexParseResult {
  entries: BibtexEntry[]
  problems: BibtexProblem[]
}

const MONTH_MACROS: Record<string, string> = {
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

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message)
  }
}

export function parseBibtex(text: string): BibtexParseResult {
  const reader = new Reader(text)
  const entries: BibtexEntry[] = []
  const problems: BibtexProblem[] = []
  const macros = new Map<string, string>(Object.entries(MONTH_MACROS))
  for (;;) {
    const at = text.indexOf('@', reader.position)
    if (at < 0) break
    reader.position = at + 1
    try {
      const entry = reader.readEntry(macros, at)
      if (entry) entries.push(entry)
    } catch (error) {
      const offset = error instanceof SyntaxProblem ? error.offset : at
      problems.push({
        line: reader.lineOf(offset),
        message: error instanceof Error ? error.message : String(error),
      })
      const next = text.indexOf('\n@', Math.max(offset, at + 1))
      reader.position = next < 0 ? text.length : next + 1
    }
  }
  return { entries, problems }
}

class Reader {
  position = 0
  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    let line = 1
    for (let index = 0; index < offset && index < this.text.length; index++)
      if (this.text[index] === '\n') line++
    return line
  }

  private fail(message: string): never {
    throw new SyntaxProblem(message, this.position)
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position++
  }

  private peek(): string | undefined {
    return this.text[this.position]
  }

  private expect(char: string): void {
    this.skipSpace()
    if (this.peek() !== char) this.fail(`expected "${char}" but found ${describe(this.peek())}`)
    this.position++
  }

  private identifier(what: string): string {
    this.skipSpace()
    const match = /^[^\s"#%'(),={}]+/.exec(this.text.slice(this.position, this.position + 200))
    if (!match) this.fail(`expected ${what} but found ${describe(this.peek())}`)
    this.position += match[0].length
    return match[0]
  }

  readEntry(macros: Map<string, string>, start: number): BibtexEntry | null {
    const type = this.identifier('an entry type').toLowerCase()
    this.skipSpace()
    const open = this.peek()
    if (open !== '{' && open !== '(') this.fail(`expected "{" after @${type}`)
    const close = open === '{' ? '}' : ')'
    this.position++
    if (type === 'comment') {
      this.position =
        open === '{' ? this.balancedEnd(this.position - 1) : this.text.indexOf(')', this.position) + 1
      return null
    }
    if (type === 'preamble') {
      this.readValue(macros)
      this.expect(close)
      return null
    }
    if (type === 'string') {
      const name = this.identifier('a macro name').toLowerCase()
      this.expect('=')
      macros.set(name, this.readValue(macros))
      this.expect(close)
      return null
    }
    this.skipSpace()
    const keyMatch = /^[^\s,{}()]*/.exec(this.text.slice(this.position))
    const key = keyMatch?.[0] ?? ''
    if (!key) this.fail(`@${type} entry has no citation key`)
    this.position += key.length
    const rawFields: Record<string, string> = {}
    for (;;) {
      this.skipSpace()
      if (this.peek() === close) {
        this.position++
        break
      }
      this.expect(',')
      this.skipSpace()
      if (this.peek() === close) {
        this.position++
        break
      }
      const name = this.identifier('a field name').toLowerCase()
      this.expect('=')
      if (name in rawFields) this.fail(`field "${name}" appears twice in ${key}`)
      rawFields[name] = this.readValue(macros)
    }
    const fields: Record<string, string> = {}
    for (const [name, raw] of Object.entries(rawFields))
      fields[name] = name === 'url' || name === 'doi' ? raw.trim() : decodeTex(raw)
    return { type, key, fields, rawFields, line: this.lineOf(start) }
  }

  private balancedEnd(openAt: number): number {
    let depth = 0
    for (let index = openAt; index < this.text.length; index++) {
      const char = this.text[index]
      if (char === '\\') {
        index++
        continue
      }
      if (char === '{') depth++
      else if (char === '}' && --depth === 0) return index + 1
    }
    throw new SyntaxProblem('unbalanced braces: a "{" is never closed', openAt)
  }

  private readValue(macros: Map<string, string>): string {
    let value = ''
    for (;;) {
      this.skipSpace()
      const char = this.peek()
      if (char === '{') {
        const end = this.balancedEnd(this.position)
        value += this.text.slice(this.position + 1, end - 1)
        this.position = end
      } else if (char === '"') {
        let depth = 0
        let index = this.position + 1
        for (; index < this.text.length; index++) {
          const current = this.text[index]
          if (current === '\\') index++
          else if (current === '{') depth++
          else if (current === '}') depth--
          else if (current === '"' && depth === 0) break
        }
        if (index >= this.text.length) this.fail('a quoted value is never closed')
        value += this.text.slice(this.position + 1, index)
        this.position = index + 1
      } else if (char !== undefined && /\d/.test(char)) {
        value += this.identifier('a number')
      } else {
        const name = this.identifier('a value').toLowerCase()
        const macro = macros.get(name)
        if (macro === undefined) this.fail(`unknown macro "${name}"`)
        value += macro
      }
      this.skipSpace()
      if (this.peek() !== '#') return value
      this.position++
    }
  }
}

function describe(char: string | undefined): string {
  return char === undefined ? 'the end of the file' : `"${char}"`
}

const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
}

const SYMBOLS: Record<string, string> = {
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textunderscore: '_',
  textendash: '–',
  textemdash: '—',
  textquotedblleft: '“',
  textquotedblright: '”',
  textquoteleft: '‘',
  textquoteright: '’',
  guillemotleft: '«',
  guillemotright: '»',
  textless: '<',
  textgreater: '>',
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  S: '§',
  P: '¶',
  dots: '…',
  ldots: '…',
}

/** TeX -> Unicode: escapes, accents, dashes, quotes and protective braces. */
export function decodeTex(raw: string): string {
  let text = raw
  // Accents: \"o, \"{o}, {\"o}, \c{c}, \v s
  text = text.replace(
    /\\(["'`^~=.]|[uvHckr](?=[{\s]))\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g,
    (_match, accent: string, braced?: string, bare?: string) => {
      const base = (braced ?? bare ?? '').replace('\\i', 'i').replace('\\j', 'j')
      return (base + ACCENTS[accent]!).normalize('NFC')
    },
  )
  text = text
    .replace(/\\\{/g, '\uE001')
    .replace(/\\\}/g, '\uE002')
    .replace(/\\([&%$#_])/g, '$1')
    .replace(/~/g, '\u00a0')
  text = text.replace(
    /\\([A-Za-z]+)(?:\{\}|\s*(?=[^A-Za-z])|$)/g,
    (match, name: string) => SYMBOLS[name] ?? match,
  )
  // Formatting commands keep their argument: \emph{x}, \textit{x}, \url{x}
  for (let guard = 0; guard < 20 && /\\[A-Za-z]+\s*\{/.test(text); guard++)
    text = text.replace(/\\[A-Za-z]+\s*\{([^{}]*)\}/g, '$1')
  return text
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/``/g, '“')
    .replace(/''/g, '”')
    .replace(/[{}]/g, '')
    .replace(/\uE001/g, '{')
    .replace(/\uE002/g, '}')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
}

/** Splits a BibTeX name list on " and " outside braces. */
export function splitBibtexNames(raw: string): string[] {
  const names: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]
    if (char === '{') depth++
    else if (char === '}') depth--
    else if (depth === 0 && /^\s+and\s+/i.test(raw.slice(index)) && /\s/.test(char!)) {
      names.push(raw.slice(start, index))
      const match = /^\s+and\s+/i.exec(raw.slice(index))!
      index += match[0].length - 1
      start = index + 1
    }
  }
  names.push(raw.slice(start))
  return names.map((name) => name.trim()).filter(Boolean)
}

/** One BibTeX name ("Doe, Jane", "Jane Doe", "{Reuters}", "van Gogh, Vincent") -> a CSL name. */
export function bibtexNameToCsl(raw: string): CslName {
  const trimmed = raw.trim()
  if (/^\{.*\}$/.test(trimmed) && isOneGroup(trimmed)) return { literal: decodeTex(trimmed.slice(1, -1)) }
  const parts = splitTopLevel(trimmed, ',').map((part) => part.trim())
  if (parts.length >= 2) {
    const familyWords = parts[0]!.split(/\s+/)
    let particleEnd = 0
    while (particleEnd < familyWords.length - 1 && /^[a-z]/.test(familyWords[particleEnd]!)) particleEnd++
    const name: CslName = {
      family: decodeTex(familyWords.slice(particleEnd).join(' ')),
      given: decodeTex(parts[parts.length - 1]!),
    }
    if (particleEnd > 0)
      name['non-dropping-particle'] = decodeTex(familyWords.slice(0, particleEnd).join(' '))
    if (parts.length === 3) name.suffix = decodeTex(parts[1]!)
    return name
  }
  const words = splitTopLevel(trimmed, ' ').filter(Boolean)
  if (words.length === 1) return { literal: decodeTex(words[0]!) }
  let particleStart = words.length - 1
  while (particleStart > 1 && /^[a-z]/.test(words[particleStart - 1]!)) particleStart--
  const name: CslName = {
    family: decodeTex(words[words.length - 1]!),
    given: decodeTex(words.slice(0, particleStart).join(' ')),
  }
  if (particleStart < words.length - 1)
    name['non-dropping-particle'] = decodeTex(words.slice(particleStart, -1).join(' '))
  return name
}

function isOneGroup(text: string): boolean {
  let depth = 0
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '{') depth++
    else if (text[index] === '}') depth--
    if (depth === 0 && index < text.length - 1) return false
  }
  return depth === 0
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = []
  let depth = 0
  let current = ''
  for (const char of text) {
    if (char === '{') depth++
    else if (char === '}') depth--
    if (char === separator && depth === 0) {
      parts.push(current)
      current = ''
    } else current += char
  }
  parts.push(current)
  return parts
}

const TYPE_TO_CSL: Record<string, CslItemType> = {
  article: 'article-journal',
  online: 'webpage',
  www: 'webpage',
  electronic: 'webpage',
  misc: 'webpage',
  report: 'report',
  techreport: 'report',
  book: 'book',
  incollection: 'chapter',
  inbook: 'chapter',
}

const LANGID_TO_CODE: Record<string, string> = {
  russian: 'ru',
  english: 'en',
  american: 'en',
  british: 'en',
  german: 'de',
  ngerman: 'de',
  french: 'fr',
  ukrainian: 'uk',
  spanish: 'es',
  italian: 'it',
}

/** A parsed entry -> a metadata-only CSL item (id = the citation key). */
export function bibtexToCsl(entry: BibtexEntry): CslItem {
  const fields = entry.fields
  let type = TYPE_TO_CSL[entry.type] ?? 'document'
  if (entry.type === 'article' && fields.entrysubtype === 'newspaper') type = 'article-newspaper'
  const item: CslItem = { id: entry.key, type, 'citation-key': entry.key }
  if (fields.title) item.title = fields.title
  if (fields.subtitle) item.subtitle = fields.subtitle
  if (entry.rawFields.author) item.author = splitBibtexNames(entry.rawFields.author).map(bibtexNameToCsl)
  const container = fields.journaltitle ?? fields.journal ?? fields.booktitle ?? fields.organization
  const containerOrHow = container ?? fields.howpublished
  if (containerOrHow) item['container-title'] = containerOrHow
  const publisher = fields.publisher ?? fields.institution
  if (publisher) item.publisher = publisher
  if (fields.titleaddon) item.section = fields.titleaddon
  const issued = parseDate(fields.date) ?? dateFromParts(fields.year, fields.month, fields.day)
  if (issued) item.issued = issued
  const accessed = parseDate(fields.urldate)
  if (accessed) item.accessed = accessed
  const language = fields.langid ?? fields.language
  if (language) item.language = LANGID_TO_CODE[language.toLowerCase()] ?? language
  if (fields.url) item.URL = fields.url
  return item
}

function dateFromParts(year?: string, month?: string, day?: string): CslItem['issued'] {
  if (!year || !/^\d{4}$/.test(year.trim())) return year ? { literal: year } : undefined
  const parts = [Number(year)]
  const monthNumber = month ? Number(MONTH_MACROS[month.trim().slice(0, 3).toLowerCase()] ?? month) : NaN
  if (monthNumber >= 1 && monthNumber <= 12) {
    parts.push(monthNumber)
    if (day && /^\d{1,2}$/.test(day.trim())) parts.push(Number(day))
  }
  return { 'date-parts': [parts] }
}
