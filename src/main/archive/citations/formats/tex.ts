/**
 * TeX in BibTeX values, both ways: accents, symbols, escapes, dashes, quotes and formatting commands
 * to Unicode when reading; specials escaped (and, for classic BibTeX, accented Latin letters written as
 * TeX accents) when writing. A value whose TeX has no Unicode form (math, a command we do not know) is
 * decoded as far as it goes and reported as inexact, so the caller can keep it as written.
 */
import type { CslDate } from '../csl-item'

const ACCENTS: Readonly<Record<string, string>> = {
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
  d: '\u0323',
  b: '\u0331',
  t: '\u0361',
}

const SYMBOLS: Readonly<Record<string, string>> = {
  ss: 'ß',
  SS: 'SS',
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
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  dj: 'đ',
  DJ: 'Đ',
  textendash: '–',
  textemdash: '—',
  textquotedblleft: '“',
  textquotedblright: '”',
  textquoteleft: '‘',
  textquoteright: '’',
  textquotesingle: "'",
  textquotedbl: '"',
  guillemotleft: '«',
  guillemotright: '»',
  guillemetleft: '«',
  guillemetright: '»',
  guilsinglleft: '‹',
  guilsinglright: '›',
  quotedblbase: '„',
  quotesinglbase: '‚',
  textless: '<',
  textgreater: '>',
  textbar: '|',
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
  textunderscore: '_',
  textbraceleft: '{',
  textbraceright: '}',
  textdollar: '$',
  textperiodcentered: '·',
  textbullet: '•',
  textdagger: '†',
  textdaggerdbl: '‡',
  textsection: '§',
  S: '§',
  P: '¶',
  textparagraph: '¶',
  copyright: '©',
  textcopyright: '©',
  textregistered: '®',
  texttrademark: '™',
  textdegree: '°',
  pounds: '£',
  textsterling: '£',
  texteuro: '€',
  euro: '€',
  textyen: '¥',
  dots: '…',
  ldots: '…',
  textellipsis: '…',
  textnumero: '№',
  textordfeminine: 'ª',
  textordmasculine: 'º',
  textexclamdown: '¡',
  textquestiondown: '¿',
  textmu: 'µ',
  textonehalf: '½',
  textonequarter: '¼',
  textthreequarters: '¾',
  textminus: '−',
  textpm: '±',
  texttimes: '×',
  slash: '/',
  TeX: 'TeX',
  LaTeX: 'LaTeX',
  LaTeXe: 'LaTeX2e',
  BibTeX: 'BibTeX',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  vartheta: 'ϑ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Upsilon: 'Υ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  pm: '±',
  times: '×',
  div: '÷',
  cdot: '·',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  neq: '≠',
  ne: '≠',
  infty: '∞',
  approx: '≈',
  sim: '∼',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  ell: 'ℓ',
  hbar: 'ħ',
  partial: '∂',
  nabla: '∇',
  circ: '∘',
  prime: '′',
  langle: '⟨',
  rangle: '⟩',
}

/** Commands that print their one argument as it is (the markup itself has no plain-text form). */
const ARGUMENT_COMMANDS = new Set([
  'emph',
  'textit',
  'textbf',
  'textsc',
  'textup',
  'textsl',
  'texttt',
  'textrm',
  'textsf',
  'textmd',
  'textnormal',
  'mbox',
  'hbox',
  'text',
  'url',
  'nolinkurl',
  'path',
  'mkbibemph',
  'mkbibitalic',
  'mkbibbold',
  'uppercase',
  'MakeUppercase',
  'lowercase',
  'MakeLowercase',
])

const QUOTE_COMMANDS = new Set(['mkbibquote', 'enquote'])

/** Commands that print nothing in a bibliography. */
const SILENT_COMMANDS = new Set([
  'relax',
  'protect',
  'nocorr',
  'null',
  'unskip',
  'bibnamedelima',
  'bibnamedelimb',
])

/** Sorting tricks whose argument is never printed ("{\noopsort{1985a}}1985"). */
const SORT_COMMANDS = new Set(['noopsort', 'sortnoop', 'SortNoop', 'noop'])

export interface DecodedTex {
  text: string
  /** False when some TeX (math, an unknown command) has no Unicode form here and was kept as text. */
  exact: boolean
}

/** TeX -> Unicode: escapes, accents, symbols, dashes, quotes; protective braces dropped. */
export function decodeTex(raw: string): string {
  return decodeTexExact(raw).text
}

export function decodeTexExact(raw: string): DecodedTex {
  const decoder = new TexDecoder(raw)
  const text = decoder.run(raw.length)
  return {
    text: text
      .replace(/---/g, '—')
      .replace(/--/g, '–')
      .replace(/``/g, '“')
      .replace(/''/g, '”')
      .replace(/[ \t\r\n]+/g, ' ')
      .trim(),
    exact: decoder.exact,
  }
}

class TexDecoder {
  position = 0
  exact = true
  constructor(private readonly raw: string) {}

  run(end: number): string {
    const { raw } = this
    let out = ''
    while (this.position < end) {
      const char = raw[this.position]!
      if (char === '\\') out += this.command()
      else if (char === '{' || char === '}') this.position++
      else if (char === '~') {
        out += '\u00a0'
        this.position++
      } else if (char === '$') out += this.math()
      else {
        out += char
        this.position++
      }
    }
    return out
  }

  /** The end (exclusive) of the group opening at `open`, or the text's end. */
  private groupEnd(open: number): number {
    let depth = 0
    for (let index = open; index < this.raw.length; index++) {
      const char = this.raw[index]
      if (char === '\\') index++
      else if (char === '{') depth++
      else if (char === '}' && --depth === 0) return index + 1
    }
    return this.raw.length
  }

  /** One argument: a braced group (decoded) or a single character or command. */
  private argument(): string {
    while (this.raw[this.position] === ' ') this.position++
    const char = this.raw[this.position]
    if (char === undefined) return ''
    if (char === '{') {
      const end = this.groupEnd(this.position)
      this.position++
      const inner = this.run(end - 1)
      this.position = end
      return inner
    }
    if (char === '\\') return this.command()
    this.position++
    return char
  }

  private skipArgument(): string {
    while (this.raw[this.position] === ' ') this.position++
    const start = this.position
    if (this.raw[start] === '{') this.position = this.groupEnd(start)
    else if (start < this.raw.length) this.position++
    return this.raw.slice(start, this.position)
  }

  private command(): string {
    const { raw } = this
    const start = this.position
    this.position++
    const next = raw[this.position]
    if (next === undefined) return '\\'
    let name: string
    if (/[A-Za-z]/.test(next)) {
      const match = /[A-Za-z]+/y
      match.lastIndex = this.position
      name = match.exec(raw)![0]
      this.position += name.length
    } else {
      name = next
      this.position++
    }
    const accent = ACCENTS[name]
    if (accent !== undefined && (name.length === 1 || /[A-Za-z]/.test(name))) {
      const base = this.argument()
      if (!base) return accent
      const letter = base === 'ı' ? 'i' : base === 'ȷ' ? 'j' : base
      return (letter[0] + accent + letter.slice(1)).normalize('NFC')
    }
    if (name.length === 1 && !/[A-Za-z]/.test(name)) {
      switch (name) {
        case '&':
        case '%':
        case '$':
        case '#':
        case '_':
        case '{':
        case '}':
          return name
        case ' ':
        case '\n':
        case '\r':
        case '\t':
        case ',':
        case ';':
        case ':':
        case '\\':
          return ' '
        case '-':
        case '/':
        case '@':
          return ''
        default:
          this.exact = false
          return raw.slice(start, this.position)
      }
    }
    // A control word eats the spaces after it.
    if (/[A-Za-z]/.test(name)) while (/\s/.test(raw[this.position] ?? '')) this.position++
    const symbol = SYMBOLS[name]
    if (symbol !== undefined) {
      if (raw.startsWith('{}', this.position)) this.position += 2
      return symbol
    }
    if (ARGUMENT_COMMANDS.has(name)) return this.argument()
    if (QUOTE_COMMANDS.has(name)) return `“${this.argument()}”`
    if (SILENT_COMMANDS.has(name)) return ''
    if (SORT_COMMANDS.has(name)) {
      this.exact = false
      this.skipArgument()
      return ''
    }
    if (name === 'href') {
      this.exact = false
      this.skipArgument()
      return this.argument()
    }
    // An unknown command is kept as written, with its bracketed and braced arguments.
    this.exact = false
    for (;;) {
      const next = raw[this.position]
      if (next === '{') this.position = this.groupEnd(this.position)
      else if (next === '[' && raw.indexOf(']', this.position) > 0)
        this.position = raw.indexOf(']', this.position) + 1
      else break
    }
    return raw.slice(start, this.position)
  }

  private math(): string {
    const { raw } = this
    const start = this.position
    const close = raw.indexOf('$', start + 1)
    this.exact = false
    if (close < 0) {
      this.position = raw.length
      return raw.slice(start)
    }
    this.position = close + 1
    const inner = raw.slice(start + 1, close)
    // Only a run of known symbols, letters, digits and spaces becomes plain text.
    const plain = inner.replace(/\\([A-Za-z]+)\s*/g, (whole, name: string) => SYMBOLS[name] ?? whole)
    return /[\\^_{}]/.test(plain) ? raw.slice(start, this.position) : plain
  }
}

const TEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

const ACCENT_OF_MARK = new Map(Object.entries(ACCENTS).map(([command, mark]) => [mark, command]))

const TEX_OF_SYMBOL = new Map<string, string>(
  Object.entries({
    ß: '{\\ss}',
    ø: '{\\o}',
    Ø: '{\\O}',
    å: '{\\aa}',
    Å: '{\\AA}',
    æ: '{\\ae}',
    Æ: '{\\AE}',
    œ: '{\\oe}',
    Œ: '{\\OE}',
    ł: '{\\l}',
    Ł: '{\\L}',
    ı: '{\\i}',
    ð: '{\\dh}',
    Ð: '{\\DH}',
    þ: '{\\th}',
    Þ: '{\\TH}',
    đ: '{\\dj}',
    Đ: '{\\DJ}',
    '–': '--',
    '—': '---',
    '\u00a0': '~',
  }),
)

export interface EscapeOptions {
  /** Write accented Latin letters and a few symbols as TeX (classic BibTeX reads bytes, not UTF-8). */
  ascii?: boolean
}

/** Unicode -> a TeX value: specials escaped, whitespace collapsed; Cyrillic and other scripts kept. */
export function escapeTex(text: string, options: EscapeOptions = {}): string {
  const escaped = text.replace(/[\\{}&%$#_~^]/g, (char) => TEX_SPECIALS[char]!).replace(/\s+/g, ' ')
  return options.ascii ? asciiTex(escaped) : escaped
}

function asciiTex(text: string): string {
  let out = ''
  for (const char of text) {
    if (char.charCodeAt(0) < 128) {
      out += char
      continue
    }
    const symbol = TEX_OF_SYMBOL.get(char)
    if (symbol) {
      out += symbol
      continue
    }
    const decomposed = char.normalize('NFD')
    const base = decomposed[0]!
    const command = decomposed.length === 2 ? ACCENT_OF_MARK.get(decomposed[1]!) : undefined
    if (command && /[A-Za-z]/.test(base)) {
      const letter = base === 'i' && command !== 'c' && command !== 'k' ? '\\i' : base
      out += /[A-Za-z]/.test(command) ? `{\\${command}{${letter}}}` : `{\\${command}${letter}}`
    } else out += char
  }
  return out
}

/**
 * Escapes a title and wraps every capitalised word after the first (proper nouns, acronyms) in braces,
 * so sentence-case styles do not lowercase them; adjacent ones share one pair: "{South Caucasus}".
 */
export function escapeTitle(title: string, options: EscapeOptions = {}): string {
  const tokens = title.replace(/\s+/g, ' ').trim().split(' ')
  const out: string[] = []
  let group: string[] = []
  const flush = (): void => {
    if (group.length > 0) out.push(`{${group.join(' ')}}`)
    group = []
  }
  tokens.forEach((token, index) => {
    const escaped = escapeTex(token, options)
    const letters = token.replace(/[^\p{L}]/gu, '')
    const protect = /\p{Lu}/u.test(letters) && (index > 0 || /\p{Lu}/u.test(letters.slice(1)))
    if (protect) {
      group.push(escaped)
    } else {
      flush()
      out.push(escaped)
    }
  })
  flush()
  return out.join(' ')
}

/** "2026-02-07" / "2026-02" / "2026" for the first date of a date; ranges are the caller's business. */
export function isoDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0]
  return parts ? isoParts(parts) : undefined
}

export function isoParts(parts: readonly (number | string)[]): string | undefined {
  if (parts.length === 0) return undefined
  return parts
    .map((part, index) => (index === 0 ? String(part).padStart(4, '0') : String(part).padStart(2, '0')))
    .join('-')
}

/** A URL inside braces must keep its braces balanced; percent-encode them. */
export function texUrl(url: string): string {
  return url.replace(/\{/g, '%7B').replace(/\}/g, '%7D').replace(/\s/g, '%20')
}

export interface TexField {
  name: string
  value: string | undefined
  /** Written without braces: a number or a macro such as `feb`. */
  bare?: boolean
}

export function texEntry(type: string, key: string, fields: readonly TexField[]): string {
  const present = fields.filter((field): field is TexField & { value: string } => field.value !== undefined)
  const width = Math.max(0, ...present.map((field) => field.name.length))
  const lines = present.map(
    (field) => `  ${field.name.padEnd(width)} = ${field.bare ? field.value : `{${field.value}}`}`,
  )
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`
}

export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ru: 'russian',
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  uk: 'ukrainian',
  be: 'belarusian',
  kk: 'kazakh',
  az: 'azerbaijani',
  tr: 'turkish',
  pl: 'polish',
  zh: 'chinese',
  ja: 'japanese',
  ar: 'arabic',
}

/** A language code ("en-GB") as BibTeX's language / biblatex's langid name ("english"). */
export function languageName(code: string | undefined): string | undefined {
  if (!code) return undefined
  const primary = code.toLowerCase().split(/[-_]/)[0]!
  return LANGUAGE_NAMES[primary] ?? code
}

const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(LANGUAGE_NAMES).map(([code, name]) => [name, code])),
  american: 'en-US',
  british: 'en-GB',
  ngerman: 'de',
  austrian: 'de-AT',
  naustrian: 'de-AT',
  swissgerman: 'de-CH',
  nswissgerman: 'de-CH',
  francais: 'fr',
  portuguese: 'pt',
  brazil: 'pt-BR',
  brazilian: 'pt-BR',
  dutch: 'nl',
  swedish: 'sv',
  norwegian: 'no',
  danish: 'da',
  finnish: 'fi',
  czech: 'cs',
  greek: 'el',
  latin: 'la',
}

/** biblatex's langid / BibTeX's language ("russian") as a language code ("ru"); undefined when unknown. */
export function languageCode(name: string): string | undefined {
  return LANGUAGE_CODES[name.trim().toLowerCase()]
}
