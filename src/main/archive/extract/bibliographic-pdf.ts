/**
 * What a PDF paper says of itself: its XMP metadata (PRISM, the DOI fields publishers write), its Info
 * dictionary (a DOI key; a Subject like "Journal of Hydrology, 590 (2020) 125435. doi:10.…"), and the
 * lines of its first pages, read before running heads are dropped: citation lines ("Europe-Asia
 * Studies, Vol. 76, No. 3, 2024, 412–437", "Journal of X 12(3): 45–67", "Полис. 2020. № 3. С. 8–24",
 * "Proceedings of …, pages 1–10"), a DOI printed as its own line or label, ISSN, ISBN, "Received"
 * dates, a thesis's degree statement, a report's number. A citation line must fill its whole line (or
 * two lines run together), so "Vol. 3" inside a sentence is never one.
 */
import { squash } from './article'
import {
  type Bibliographic,
  type BibliographicFindings,
  cleanName,
  labelledDois,
  mergeFindings,
  normaliseDoi,
  normaliseIsbn,
  normaliseIssn,
  normaliseNumber,
  normalisePages,
  settleBibliographic,
  statedOnly,
} from './bibliographic'
import { findDate, normaliseIsoDate } from './dates'
import type { Line } from './pdf-lines'

/** The pages whose lines are read for what the paper says of itself. */
const BIBLIOGRAPHIC_PAGES = 3
/** On pages after the first, only running heads and feet: this many lines at each edge. */
const EDGE_LINES = 3

/** What pdf.js gives of the document's metadata. */
export interface PdfMetadataSources {
  /** The Info dictionary as pdf.js reads it (non-standard keys under Custom). */
  info: Record<string, unknown>
  /** The XMP properties pdf.js parsed (element form, lower-case names) and the raw XMP packet. */
  xmp: { properties: ReadonlyMap<string, unknown>; raw: string } | null
}

// Pieces of the citation-line patterns.
const NAME = String.raw`(\p{Lu}[\p{L}\p{M}'’&().,:\- ]{2,150}?)`
const YEAR = String.raw`((?:19|20)\d{2})`
const MONTHS = String.raw`(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|spring|summer|autumn|fall|winter)`
const ISSUE = String.raw`(\d{1,4}(?:[-–/]\d{1,4})?)`
const PAGES = String.raw`(?:pp?\.\s*)?(\d{1,5})\s*[-–—‐]\s*(\d{1,5})`
/** What may follow a citation line on its line: a DOI, an address, an ISSN, a copyright mark. */
const TRAIL = String.raw`(?:[.,;]?\s*(?:(?:doi|https?:|issn|e-?issn|©|\(c\)).*)?)?`

/** "Europe-Asia Studies, Vol. 76, No. 3, 2024, 412–437"; "JOURNAL 2024, VOL. 76, NO. 3, 412–437". */
const KEYWORD_CITATION = new RegExp(
  String.raw`^${NAME}[,.]?\s+(?:\(?${YEAR}\)?[,.]?\s+)?vol(?:ume)?\.?\s*(\d{1,4})` +
    String.raw`(?:\s*[,.;]?\s*(?:(?:no|nr|n°|№|issue|iss)\.?\s*${ISSUE}|\(${ISSUE}\)))?` +
    String.raw`(?:\s*[,.;]?\s*\(?(?:${MONTHS}\s+)?${YEAR}\)?)?(?:\s*[,.;:]?\s*${PAGES})?\s*${TRAIL}$`,
  'iu',
)

/** "Journal of X 12(3): 45–67", "Journal of X, 12(3), 45-67", "Nature 581, 45–67 (2020)", "J X 2020;12(3):45-67". */
const COMPACT_CITATION = new RegExp(
  String.raw`^${NAME}[,.]?\s+(?:\(?${YEAR}\)?\s*[;,]?\s*)?(\d{1,4})\s*(?:\(${ISSUE}\))?\s*[:,]\s*${PAGES}` +
    String.raw`(?:\s*\(${YEAR}\))?\s*${TRAIL}$`,
  'u',
)

/** "Journal of Hydrology 590 (2020) 125435", "Journal of Hydrology, 590 (2020) 1–12. doi:10.…". */
const VOLUME_YEAR_CITATION = new RegExp(
  String.raw`^${NAME},?\s+(\d{1,4})\s+\(${YEAR}\)\s+(?:${PAGES}|[A-Za-z]?\d{1,9})\s*${TRAIL}$`,
  'u',
)

/**
 * "Полис. Политические исследования. 2020. № 3. С. 8–24", "Вестник … Серия 12. 2020. Т. 15, № 2.
 * С. 34–58", "Vestnik … International Relations. 2020. Vol. 13, iss. 2. P. 123–145".
 */
const DOTTED_CITATION = new RegExp(
  String.raw`^(\p{Lu}[\p{L}\p{M}\d'’&():,\-. ]{2,200}?)\.\s*(?:[-–—]\s*)?${YEAR}\.\s*(?:[-–—]\s*)?` +
    String.raw`(?:(?:т\.|том|vol\.)\s*(\d{1,4})[,.]?\s*(?:[-–—]\s*)?)?` +
    String.raw`(?:(?:№|вып\.|no\.|iss\.|issue)\s*${ISSUE}[,.]?\s*(?:[-–—]\s*)?)?` +
    String.raw`(?:(?:с\.|p\.|pp\.)\s*(\d{1,5})\s*[-–—‐]\s*(\d{1,5}))?\.?\s*${TRAIL}$`,
  'iu',
)

/** "Proceedings of the 58th Annual Meeting of …, pages 1234–1245" (what follows on the line is left). */
const PROCEEDINGS =
  /^(?:in:?\s+)?((?:proceedings|proc\.)\s+(?:of\s+)?\S.{10,250}?)[,.]?\s*(?:pages|pp\.)\s*(\d{1,5})\s*[-–—‐]\s*(\d{1,5})\b/iu

/** T&F's cover page: "To cite this article: … (2024) Title, Europe-Asia Studies, 76:3, 412-437, DOI: …". */
const TO_CITE = /to cite this article:?(.{10,600}?)(?:to link to this article|published online|$)/isu
const COLON_CITATION =
  /,\s*([^,]{3,150}?),\s*(\d{1,4}):(\d{1,4}(?:[-–/]\d{1,4})?),\s*(\d{1,5})\s*[-–—‐]\s*(\d{1,5})/u

const ISSN_PRINTED = /\b(?:p-?|e-?|print\s+|online\s+)?issn\s*:?\s*(\d{4}\s?[-‐–]?\s?\d{3}[\dxX])\b/giu
const ISBN_PRINTED = /\bisbn(?:-1[03])?\s*:?\s*(\d[\d\s‐-]{8,16}[\dxX])\b/giu
const RECEIVED = /^(?:received|submitted|(?:статья\s+)?поступила(?:\s+в\s+редакцию)?)\s*:?\s*(.{6,40})/iu

/** A thesis's statement of the degree it was written for, at the start of a line. */
const THESIS_STATEMENT =
  /^(?:(?:a|this)\s+)?(?:(?:doctoral|phd|ph\.d\.|master'?s)\s+)?(?:thesis|dissertation)\s+(?:submitted|presented)\b|^(?:submitted\s+)?in\s+(?:partial\s+)?fulfil+ment\s+of\s+the\s+requirements\s+for\s+the\s+degree\b/iu
const THESIS_STATEMENT_RU =
  /^(?:автореферат\s+)?диссертаци[яи]\s+на\s+соискание\s+уч[её]ной\s+степени\s+[\p{L} ]{5,80}/iu
// \b knows only Latin letters: a Cyrillic word start is found by lookbehind, its endings left open.
const UNIVERSITY = /(?<!\p{L})(?:universit(?:y|é|ät|à|eit)|университет)/iu
const INSTITUTION = /(?<!\p{L})(?:college|institute|school of|институт|академи)/iu
const REPORT_LINE =
  /^(?:[\p{Lu}]{2,10}\s+)?((?:technical|research)\s+report|working\s+paper|discussion\s+paper|policy\s+(?:brief|paper)|occasional\s+paper)\s*(?:series\s*)?(?:no\.?|number|#)?\s*([A-Z]{0,6}[-\s]?\d[\w./-]{0,15})$/iu

/** Words a citation line's "journal" must not be (figure and table captions, parts of a document). */
const NOT_A_JOURNAL =
  /^(?:fig(?:ure)?|table|chapter|section|page|pages|part|appendix|equation|eq|vol(?:ume)?|no|see|in)\b/iu

function plausibleJournal(name: string | undefined): string | null {
  const trimmed = squash(name ?? '').replace(/[,:;\s]+$/, '')
  // A full stop ends an abbreviated name ("Proc. Natl. Acad. Sci."), not a whole word.
  const text = /(?:^|[\s.])\p{L}{1,5}\.$/u.test(trimmed) ? trimmed : trimmed.replace(/\.+$/, '')
  // The patterns match keywords in any case, so the capital a name starts with is checked here.
  if (text.length < 3 || text.length > 150 || !/^\p{Lu}/u.test(text) || NOT_A_JOURNAL.test(text)) return null
  if (!/\p{L}{3}/u.test(text) || /https?:|www\.|@/i.test(text)) return null
  // A sentence ("see the report. The council…") is not a name, nor a reference's authors and year.
  if (/[.!?]\s+\p{Ll}/u.test(text) || text.split(' ').length > 16) return null
  if (/\b(?:19|20)\d{2}\b|\bet al\b|,\s*\p{Lu}\.|["“”«»]/u.test(text)) return null
  return cleanName(text)
}

/** An abbreviated name keeps the full stop the pattern took as its separator ("Proc. Natl. Acad. Sci."). */
function withAbbreviationStop(line: string, name: string | undefined): string | undefined {
  if (name === undefined) return undefined
  return line.charAt(name.length) === '.' && /(?:^|[\s.])\p{L}{1,5}$/u.test(name) ? `${name}.` : name
}

/** A citation line read into the journal, volume, issue, year and pages it states. */
function readCitationLine(text: string): BibliographicFindings | null {
  const line = squash(text)
  if (line.length < 8 || line.length > 320) return null
  const journalOf = (match: RegExpExecArray): string | null =>
    plausibleJournal(withAbbreviationStop(line, match[1]))
  let match = KEYWORD_CITATION.exec(line)
  if (match) {
    const journal = journalOf(match)
    if (!journal) return null
    return {
      journal,
      volume: match[3],
      issue: match[4] ?? match[5],
      issued: match[2] ?? match[6],
      page: normalisePages(match[7], match[8]) ?? undefined,
    }
  }
  match = COMPACT_CITATION.exec(line)
  // "Moscow 2019, 45–67": a year is not a volume.
  if (match && !(match[4] === undefined && /^(?:19|20)\d{2}$/.test(match[3] ?? ''))) {
    const journal = journalOf(match)
    if (!journal) return null
    return {
      journal,
      issued: match[2] ?? match[7],
      volume: match[3],
      issue: match[4],
      page: normalisePages(match[5], match[6]) ?? undefined,
    }
  }
  match = VOLUME_YEAR_CITATION.exec(line)
  if (match) {
    const journal = journalOf(match)
    if (!journal) return null
    return {
      journal,
      volume: match[2],
      issued: match[3],
      page: normalisePages(match[4], match[5]) ?? undefined,
    }
  }
  match = DOTTED_CITATION.exec(line)
  if (match && (match[3] || match[4])) {
    const journal = plausibleJournal(match[1])
    if (!journal) return null
    return {
      journal,
      issued: match[2],
      volume: match[3],
      issue: match[4],
      page: normalisePages(match[5], match[6]) ?? undefined,
    }
  }
  match = PROCEEDINGS.exec(line)
  if (match) {
    const conference = cleanName(match[1]?.replace(/[,.]\s*$/, ''))
    if (!conference) return null
    return { conference, page: normalisePages(match[2], match[3]) ?? undefined }
  }
  return null
}

function xmpValue(sources: PdfMetadataSources, ...names: string[]): string | null {
  for (const name of names) {
    const value = sources.xmp?.properties.get(name)
    const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : null
    if (text && squash(text)) return squash(text)
    // Some writers put the properties in attributes of rdf:Description, which pdf.js does not read.
    const attribute = new RegExp(`\\b${name.replace(':', '\\:')}\\s*=\\s*"([^"]*)"`, 'i').exec(
      sources.xmp?.raw ?? '',
    )
    if (attribute?.[1] && squash(attribute[1])) return squash(attribute[1])
  }
  return null
}

/** What the XMP packet states: PRISM's journal fields and the DOI publishers write in several places. */
function fromXmp(sources: PdfMetadataSources): BibliographicFindings {
  if (!sources.xmp) return {}
  const value = (...names: string[]): string | null => xmpValue(sources, ...names)
  const identifier = value('dc:identifier')
  const coverDate = value('prism:coverdate', 'prism:publicationdate')
  return statedOnly({
    journal: cleanName(value('prism:publicationname')) ?? undefined,
    volume: normaliseNumber(value('prism:volume')) ?? undefined,
    issue: normaliseNumber(value('prism:number', 'prism:issueidentifier')) ?? undefined,
    page:
      normalisePages(value('prism:startingpage'), value('prism:endingpage')) ??
      normalisePages(value('prism:pagerange')) ??
      undefined,
    DOI:
      normaliseDoi(value('prism:doi', 'pdfx:doi', 'crossmark:doi')) ??
      (identifier && /doi|^10\./i.test(identifier) ? normaliseDoi(identifier) : null) ??
      undefined,
    ISSN: normaliseIssn(value('prism:issn')) ?? normaliseIssn(value('prism:eissn')) ?? undefined,
    ISBN: normaliseIsbn(value('prism:isbn')) ?? undefined,
    issued: (coverDate ? normaliseIsoDate(coverDate) : null) ?? undefined,
    serial: value('prism:aggregationtype')?.toLowerCase() === 'journal',
  })
}

/** What the Info dictionary states: a DOI key, or a Subject that is the paper's citation. */
function fromInfo(sources: PdfMetadataSources): BibliographicFindings {
  const custom = sources.info['Custom']
  const customDoi =
    custom && typeof custom === 'object'
      ? Object.entries(custom as Record<string, unknown>).find(([key]) => key.toLowerCase() === 'doi')?.[1]
      : undefined
  const subject = typeof sources.info['Subject'] === 'string' ? squash(sources.info['Subject']) : ''
  const keywords = typeof sources.info['Keywords'] === 'string' ? sources.info['Keywords'] : ''
  const citation = subject ? readCitationLine(subject.replace(/\s*\bdoi\s*:?.*$/i, '')) : null
  const [subjectDoi] = labelledDois(subject)
  const [keywordsDoi] = labelledDois(keywords)
  return statedOnly({
    ...(citation ?? {}),
    DOI:
      (typeof customDoi === 'string' ? normaliseDoi(customDoi) : null) ??
      subjectDoi ??
      keywordsDoi ??
      undefined,
  })
}

/** Lines a citation line or a DOI may be on: all of page 1, the edges of the next pages. */
function openingLines(lines: readonly Line[]): Line[] {
  return lines.filter(
    (line) =>
      line.page === 1 ||
      (line.page <= BIBLIOGRAPHIC_PAGES &&
        (line.index < EDGE_LINES || line.index >= line.pageLines - EDGE_LINES)),
  )
}

/** Each line, and each line run together with the next one on its page (a citation set on two lines). */
function lineTexts(lines: readonly Line[]): string[] {
  const texts: string[] = []
  lines.forEach((line, at) => {
    texts.push(line.text)
    const next = lines[at + 1]
    if (next && next.page === line.page && next.index === line.index + 1)
      texts.push(`${line.text} ${next.text}`)
  })
  return texts
}

/** A journal printed in capitals, spelt as the document spells it elsewhere in mixed case. */
function mixedCaseSpelling(name: string, text: string): string {
  if (/\p{Ll}/u.test(name)) return name
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
  for (const match of text.matchAll(new RegExp(escaped, 'giu')))
    if (/\p{Ll}/u.test(match[0])) return squash(match[0])
  return name
}

/** The DOI the first pages print as their own: on a line of its own, a label line, or a citation line. */
function printedDoi(lines: readonly Line[], citationTexts: ReadonlySet<string>): string | undefined {
  const counts = new Map<string, { doi: string; count: number }>()
  for (const line of lines) {
    for (const doi of labelledDois(line.text)) {
      const ownLine =
        line.text.length <= doi.length + 40 ||
        /^(?:to link to this article|doi\b|https?:\/\/(?:dx\.)?doi\.org)/i.test(line.text) ||
        citationTexts.has(line.text)
      if (!ownLine) continue
      const key = doi.toLowerCase()
      const known = counts.get(key)
      if (known) known.count++
      else counts.set(key, { doi, count: 1 })
    }
  }
  let best: { doi: string; count: number } | undefined
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry
  return best?.doi
}

function firstMatch(
  lines: readonly Line[],
  pattern: RegExp,
  normalise: (value: string) => string | null,
): string | undefined {
  for (const line of lines)
    for (const match of line.text.matchAll(pattern)) {
      const value = normalise(match[1] ?? '')
      if (value) return value
    }
  return undefined
}

/** What the text of the first pages states. */
function fromText(allLines: readonly Line[]): BibliographicFindings {
  const lines = openingLines(allLines)
  const pageOne = lines.filter((line) => line.page === 1)
  let citation: BibliographicFindings | null = null
  const citationTexts = new Set<string>()
  for (const text of lineTexts(lines)) {
    const found = readCitationLine(text)
    if (!found) continue
    citationTexts.add(text)
    citation ??= found
  }
  const pageOneText = pageOne.map((line) => line.text).join(' ')
  if (!citation) {
    const toCite = TO_CITE.exec(pageOneText)?.[1]
    const colon = toCite ? COLON_CITATION.exec(toCite) : null
    const journal = plausibleJournal(colon?.[1])
    if (colon && journal)
      citation = {
        journal,
        volume: colon[2],
        issue: colon[3],
        page: normalisePages(colon[4], colon[5]) ?? undefined,
      }
  }
  const wholeText = lines.map((line) => line.text).join(' ')
  if (citation?.journal) citation.journal = mixedCaseSpelling(citation.journal, wholeText)

  let submitted: string | undefined
  for (const line of lines) {
    const received = RECEIVED.exec(line.text)?.[1]
    const date = received ? findDate(received) : null
    if (date) {
      submitted = date.iso
      break
    }
  }

  const found: BibliographicFindings = statedOnly({
    ...(citation ?? {}),
    DOI: printedDoi(lines, citationTexts),
    ISSN: firstMatch(lines, ISSN_PRINTED, normaliseIssn),
    ISBN: firstMatch(
      allLines.filter((line) => line.page <= BIBLIOGRAPHIC_PAGES),
      ISBN_PRINTED,
      normaliseIsbn,
    ),
    submitted,
  })
  // A paper in a journal or proceedings may mention the thesis it grew from; a thesis prints no
  // journal line. A report's number line names its kind.
  if (!found.journal && !found.conference) {
    const thesis = thesisFindings(pageOne)
    if (thesis) return { ...found, ...thesis }
    for (const line of pageOne) {
      const report = REPORT_LINE.exec(line.text)
      const number = normaliseNumber(report?.[2])
      if (report?.[1] && number) return { ...found, statedKind: 'report', genre: squash(report[1]), number }
    }
  }
  return found
}

/** A thesis: its degree statement on page 1, and the institution named on its own line there. */
function thesisFindings(pageOne: readonly Line[]): BibliographicFindings | null {
  let genre: string | undefined
  let statement = false
  for (const line of pageOne) {
    const russian = THESIS_STATEMENT_RU.exec(line.text)
    if (russian) {
      statement = true
      genre = squash(russian[0]).replace(/^автореферат\s+/i, '')
      genre = genre.charAt(0).toLocaleLowerCase('ru') + genre.slice(1)
      break
    }
    if (THESIS_STATEMENT.test(line.text)) {
      statement = true
      break
    }
  }
  if (!statement) return null
  // The university rather than its school or institute, when page 1 names both.
  const named = (pattern: RegExp): Line | undefined =>
    pageOne.find((line) => line.text.length <= 120 && pattern.test(line.text))
  const institution = named(UNIVERSITY) ?? named(INSTITUTION)
  return statedOnly({
    statedKind: 'thesis',
    genre,
    publisher: cleanName(institution?.text) ?? undefined,
  })
}

/**
 * What a PDF says of itself as a publication, from its metadata and the lines of its first pages
 * (given before running heads and page numbers are dropped); undefined when it states nothing.
 */
export function readPdfBibliographic(
  sources: PdfMetadataSources,
  lines: readonly Line[],
): Bibliographic | undefined {
  let found = fromXmp(sources)
  for (const next of [fromInfo(sources), fromText(lines)]) found = mergeFindings(found, next)
  return settleBibliographic(found)
}
