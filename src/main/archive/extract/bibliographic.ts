/**
 * What a document says of itself as a publication (ExtractedArticle.bibliographic): the identifiers,
 * journal, volume, issue and pages it states, and its kind only when the evidence names one. The
 * readers of HTML tags (bibliographic-html.ts) and of a PDF's metadata and first pages
 * (bibliographic-pdf.ts) gather what they find; `settleBibliographic` decides the kind and what is
 * kept. Nothing is guessed: a DOI must have DOI syntax, an ISSN or ISBN its check digit.
 */
import type { CslItem, CslItemType, CslName } from '../../../common/csl'
import { parseDate } from '../citations/csl-item'
import { squash } from './article'

export type Bibliographic = Partial<Omit<CslItem, 'id'>>

/** The CSL kinds a document can state of itself, each named by its own evidence. */
export type StatedKind = Extract<
  CslItemType,
  'article-journal' | 'paper-conference' | 'chapter' | 'book' | 'thesis' | 'report'
>

/** What one reader found; every field as the document states it (already checked and normalised). */
export interface BibliographicFindings {
  /** The document names its kind outright (a JSON-LD Book, a thesis institution, a report number...). */
  statedKind?: StatedKind
  journal?: string
  journalShort?: string
  conference?: string
  bookTitle?: string
  series?: string
  volume?: string
  issue?: string
  page?: string
  /** A report's number. */
  number?: string
  DOI?: string
  ISSN?: string
  ISBN?: string
  publisher?: string
  editors?: CslName[]
  /** The year or date of the issue the document appeared in ("2024", "2024-03"). */
  issued?: string
  /** When the paper was received (submitted) by the journal. */
  submitted?: string
  /** A thesis's degree statement, as printed. */
  genre?: string
  numberOfPages?: string
  edition?: string
  /** The document calls itself an article of a serial (Dublin Core "Text.Serial.Journal", PRISM "journal"). */
  serial?: boolean
}

/** Crossref's DOI syntax: "10.", a registrant code of 4 to 9 digits, "/", a suffix. */
const DOI_SHAPE = /^10\.\d{4,9}\/[-._;()/:<>[\]A-Za-z0-9]+$/
/** A DOI the text labels as one: "DOI: 10.…", "doi:10.…", "https://doi.org/10.…", "dx.doi.org/10.…". */
const LABELLED_DOI =
  /(?:\bdoi\s*:?\s*|\b(?:https?:\/\/)?(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/[-._;()/:<>[\]A-Za-z0-9]+)/gi

/** A DOI with its closing punctuation and unbalanced brackets trimmed; null when it is not one. */
function trimDoi(candidate: string): string | null {
  let doi = candidate
  for (;;) {
    const trimmed = doi.replace(/[.,;:]+$/, '')
    const last = trimmed.at(-1)
    const open = last === ')' ? '(' : last === ']' ? '[' : last === '>' ? '<' : null
    const unbalanced = open !== null && trimmed.split(open).length - 1 < trimmed.split(last ?? '').length - 1
    doi = unbalanced ? trimmed.slice(0, -1) : trimmed
    if (!unbalanced && doi === trimmed) break
  }
  return DOI_SHAPE.test(doi) ? doi : null
}

/**
 * A DOI as a tag or metadata field gives it ("10.1080/…", "doi:10.1080/…", "https://doi.org/10.1080%2F…",
 * "info:doi/10.…"); null when the value is not one DOI.
 */
export function normaliseDoi(value: string | null | undefined): string | null {
  let text = squash(value ?? '')
  if (!text) return null
  if (/doi\.org\//i.test(text)) {
    try {
      text = decodeURIComponent(text)
    } catch {
      // A stray "%" in the value: read it as written.
    }
  }
  text = text.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^(?:info:)?doi\s*[:/]\s*/i, '')
  if (/\s/.test(text)) return null
  return trimDoi(text)
}

/** Every labelled DOI in a piece of text, in order, each once. */
export function labelledDois(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(LABELLED_DOI)) {
    const doi = trimDoi(match[1] ?? '')
    if (doi && !found.some((known) => known.toLowerCase() === doi.toLowerCase())) found.push(doi)
  }
  return found
}

/** "0966-8136" when the value is an ISSN with a right check digit (after an "ISSN" label or not). */
export function normaliseIssn(value: string | null | undefined): string | null {
  const match = /^(?:e?-?issn\s*:?\s*)?(\d{4})[-‐–\s]?(\d{3}[\dxX])(?:\s*\(.*\))?$/i.exec(squash(value ?? ''))
  if (!match) return null
  const digits = `${match[1]}${match[2]}`.toUpperCase()
  let sum = 0
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i)
  const check = (11 - (sum % 11)) % 11
  if (digits[7] !== (check === 10 ? 'X' : String(check))) return null
  return `${digits.slice(0, 4)}-${digits.slice(4)}`
}

/** An ISBN-10 or ISBN-13 with a right check digit, as printed (hyphens kept); null otherwise. */
export function normaliseIsbn(value: string | null | undefined): string | null {
  const printed = squash(value ?? '')
    .replace(/^isbn(?:-1[03])?\s*:?\s*/i, '')
    .replace(/\s*\(.*\)$/, '')
  if (!/^\d[\d\s‐-]{8,16}[\dxX]$/.test(printed)) return null
  const digits = printed.replace(/[\s-‐]/g, '').toUpperCase()
  if (digits.length === 10) {
    let sum = 0
    for (let i = 0; i < 10; i++) sum += (digits[i] === 'X' ? 10 : Number(digits[i])) * (10 - i)
    if (digits.slice(0, 9).includes('X') || sum % 11 !== 0) return null
  } else if (digits.length === 13) {
    if (!/^97[89]\d{10}$/.test(digits)) return null
    let sum = 0
    for (let i = 0; i < 13; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3)
    if (sum % 10 !== 0) return null
  } else return null
  return printed.replace(/[\s‐]/g, '-')
}

/** A page range as CSL wants it, "412-437" ("412–437", "pp. 412 - 437"); a single page as printed. */
export function normalisePages(first: string | null | undefined, last?: string | null): string | null {
  const start = squash(first ?? '').replace(/^(?:pp?\.|с\.|s\.)\s*/i, '')
  const end = squash(last ?? '')
  const range = /^([A-Za-z]?\d+)\s*[-–—‐]+\s*([A-Za-z]?\d+)$/.exec(start)
  if (range) return `${range[1]}-${range[2]}`
  if (!/^[A-Za-z]?\d+$/.test(start)) return null
  if (!end || end === start) return start
  return /^[A-Za-z]?\d+$/.test(end) ? `${start}-${end}` : start
}

/** A volume, issue or report number as printed: short, with at least one digit or Roman numeral. */
export function normaliseNumber(value: string | null | undefined): string | null {
  const text = squash(value ?? '').replace(/^(?:vol(?:ume)?|no|issue|iss|т|№)\.?\s*/i, '')
  if (!text || text.length > 20) return null
  return /\d/.test(text) || /^[IVXLC]+$/.test(text) ? text.replace(/[–—‐]/g, '-') : null
}

/** A name of a journal, book or institution as stated; null for empty or absurdly long values. */
export function cleanName(value: string | null | undefined): string | null {
  const text = squash(value ?? '')
  if (!text || text.length > 300 || !/\p{L}/u.test(text) || /^https?:\/\//i.test(text)) return null
  return text
}

/** Only the fields a source stated (undefined, null and false dropped), so merging sees nothing else. */
export function statedOnly(findings: BibliographicFindings): BibliographicFindings {
  return Object.fromEntries(
    Object.entries(findings).filter(([, value]) => value !== undefined && value !== null && value !== false),
  ) as BibliographicFindings
}

/** Fills what `into` lacks from `from` (the first source to state a field wins). */
export function mergeFindings(
  into: BibliographicFindings,
  from: BibliographicFindings,
): BibliographicFindings {
  const merged: Record<string, unknown> = { ...into }
  for (const [key, value] of Object.entries(from))
    if (value !== undefined && merged[key] === undefined) merged[key] = value
  return merged as BibliographicFindings
}

/**
 * The kind the evidence says: what the document names outright; else a proceedings title (a
 * conference paper), a book title it sits in (a chapter), a journal with a volume, issue or DOI (a
 * journal article, as is a named serial), an ISBN with nothing else (a book). Null: a web page as before.
 */
function kindOf(found: BibliographicFindings): StatedKind | null {
  if (found.statedKind) return found.statedKind
  if (found.conference) return 'paper-conference'
  if (found.bookTitle) return 'chapter'
  if (found.journal && (found.volume || found.issue || found.DOI || found.serial)) return 'article-journal'
  if (found.ISBN && !found.journal) return 'book'
  return null
}

/** Where a kind keeps the title of what contains it. */
function containerOf(kind: StatedKind, found: BibliographicFindings): string | undefined {
  switch (kind) {
    case 'article-journal':
      return found.journal
    case 'paper-conference':
      return found.conference ?? found.bookTitle
    case 'chapter':
      return found.bookTitle
    case 'book':
    case 'thesis':
    case 'report':
      return undefined
  }
}

/**
 * The CSL variables to keep for what was found, or undefined when it states nothing bibliographic.
 * Without a kind only the DOI is kept (an identifier the page gives as its own): a journal name, ISSN
 * or publisher alone does not make a web page a publication.
 */
export function settleBibliographic(found: BibliographicFindings): Bibliographic | undefined {
  const kind = kindOf(found)
  if (!kind) return found.DOI ? { DOI: found.DOI } : undefined
  const container = containerOf(kind, found)
  const record: Bibliographic = { type: kind }
  const set = <K extends keyof Bibliographic>(key: K, value: Bibliographic[K] | undefined): void => {
    if (value !== undefined && value !== '') record[key] = value
  }
  set('container-title', container)
  if (kind === 'article-journal') set('container-title-short', found.journalShort)
  set('collection-title', found.series)
  set('volume', found.volume)
  set('issue', found.issue)
  set('page', found.page)
  set('number', found.number)
  set('DOI', found.DOI)
  if (kind === 'article-journal' || kind === 'paper-conference') set('ISSN', found.ISSN)
  if (kind !== 'article-journal') set('ISBN', found.ISBN)
  set('publisher', found.publisher)
  if (kind === 'chapter' || kind === 'paper-conference' || kind === 'book') set('editor', found.editors)
  set('genre', found.genre)
  set('number-of-pages', found.numberOfPages)
  set('edition', found.edition)
  set('issued', parseDate(found.issued))
  set('submitted', parseDate(found.submitted))
  return record
}
