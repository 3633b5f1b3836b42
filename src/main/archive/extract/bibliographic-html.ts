/**
 * What an HTML page of a paper or a book says of itself: Highwire Press `citation_*` tags (and their
 * `bepress_` twins), schema.org JSON-LD (ScholarlyArticle in its issue, volume and periodical; Book,
 * Chapter, Thesis, Report), PRISM and Dublin Core tags (as Open Journal Systems prints them), and a
 * DOI the page prints as a line of its own at the top of the text. Journal sites print several of
 * these; the first to state a field wins, in that order.
 */
import type { CslName } from '../../../common/csl'
import { parseName } from '../citations/csl-item'
import {
  type BibliographicFindings,
  type StatedKind,
  cleanName,
  labelledDois,
  mergeFindings,
  normaliseDoi,
  normaliseIsbn,
  normaliseIssn,
  normaliseNumber,
  normalisePages,
  statedOnly,
} from './bibliographic'
import { type JsonObject, isObject, jsonText, typesOf } from './json-ld'

type MetaValues = ReadonlyMap<string, readonly string[]>

const first = (metas: MetaValues, ...keys: string[]): string | null => {
  for (const key of keys) {
    const value = metas.get(key)?.[0]
    if (value) return value
  }
  return null
}

const all = (metas: MetaValues, ...keys: string[]): string[] => keys.flatMap((key) => metas.get(key) ?? [])

function firstValid(values: readonly string[], normalise: (value: string) => string | null): string | null {
  for (const value of values) {
    const normal = normalise(value)
    if (normal) return normal
  }
  return null
}

function editorNames(values: readonly string[]): CslName[] | undefined {
  const names = values
    .flatMap((value) => value.split(/\s*;\s*/))
    .map(parseName)
    .filter((name): name is CslName => name !== null)
  return names.length > 0 ? names : undefined
}

/** Highwire Press tags, as Google Scholar asks journals, repositories and publishers to print them. */
function highwire(metas: MetaValues): BibliographicFindings {
  const tag = (name: string): string | null => first(metas, `citation_${name}`, `bepress_citation_${name}`)
  const tags = (name: string): string[] => all(metas, `citation_${name}`, `bepress_citation_${name}`)
  const title = tag('title')
  const bookTitle = cleanName(tag('inbook_title') ?? tag('book_title'))
  const thesisInstitution = cleanName(tag('dissertation_institution'))
  const reportInstitution = cleanName(tag('technical_report_institution'))
  const reportNumber = normaliseNumber(tag('technical_report_number'))
  const statedKind: StatedKind | undefined = thesisInstitution
    ? 'thesis'
    : reportNumber || reportInstitution
      ? 'report'
      : undefined
  return statedOnly({
    statedKind,
    journal: cleanName(tag('journal_title')) ?? undefined,
    journalShort: cleanName(tag('journal_abbrev')) ?? undefined,
    conference: cleanName(tag('conference_title')) ?? undefined,
    // A book page that names itself as its own book is the book, not a chapter of it.
    bookTitle: bookTitle && bookTitle.toLowerCase() !== title?.toLowerCase() ? bookTitle : undefined,
    series: cleanName(tag('series_title')) ?? undefined,
    volume: normaliseNumber(tag('volume')) ?? undefined,
    issue: normaliseNumber(tag('issue')) ?? undefined,
    page: normalisePages(tag('firstpage'), tag('lastpage')) ?? undefined,
    number: reportNumber ?? undefined,
    DOI: firstValid(tags('doi'), normaliseDoi) ?? undefined,
    ISSN: firstValid(tags('issn'), normaliseIssn) ?? undefined,
    ISBN: firstValid(tags('isbn'), normaliseIsbn) ?? undefined,
    publisher: cleanName(thesisInstitution ?? reportInstitution ?? tag('publisher')) ?? undefined,
    editors: editorNames(tags('editor')),
    genre: cleanName(tag('dissertation_name')) ?? undefined,
  })
}

/** PRISM tags (Springer, Nature, Elsevier and others print them beside Highwire's). */
function prism(metas: MetaValues): BibliographicFindings {
  const tag = (name: string): string | null => first(metas, `prism.${name}`)
  return statedOnly({
    journal: cleanName(tag('publicationname')) ?? undefined,
    volume: normaliseNumber(tag('volume')) ?? undefined,
    issue: normaliseNumber(tag('number') ?? tag('issueidentifier')) ?? undefined,
    page: normalisePages(tag('startingpage'), tag('endingpage')) ?? undefined,
    DOI: normaliseDoi(tag('doi')) ?? undefined,
    ISSN: firstValid(all(metas, 'prism.issn', 'prism.eissn'), normaliseIssn) ?? undefined,
    ISBN: normaliseIsbn(tag('isbn')) ?? undefined,
    serial: tag('aggregationtype')?.toLowerCase() === 'journal',
  })
}

/** Dublin Core: identifiers of every kind, and the journal fields Open Journal Systems adds. */
function dublinCore(metas: MetaValues): BibliographicFindings {
  const identifiers = all(metas, 'dc.identifier', 'dcterms.identifier')
  return statedOnly({
    journal: cleanName(first(metas, 'dc.source', 'dcterms.source')) ?? undefined,
    volume: normaliseNumber(first(metas, 'dc.source.volume')) ?? undefined,
    issue: normaliseNumber(first(metas, 'dc.source.issue')) ?? undefined,
    page: normalisePages(first(metas, 'dc.identifier.pagenumber')) ?? undefined,
    DOI:
      normaliseDoi(first(metas, 'dc.identifier.doi')) ??
      // A bare identifier is a DOI only when it says so ("doi:10.…", a doi.org address).
      firstValid(
        identifiers.filter((value) => /doi/i.test(value)),
        normaliseDoi,
      ) ??
      undefined,
    ISSN: firstValid([...all(metas, 'dc.source.issn'), ...identifiers], normaliseIssn) ?? undefined,
    ISBN:
      firstValid(
        identifiers.filter((value) => /isbn/i.test(value)),
        (value) => normaliseIsbn(value.replace(/^urn:isbn:/i, '')),
      ) ?? undefined,
    serial: /^text\.serial\.journal$/i.test(first(metas, 'dc.type') ?? ''),
  })
}

const SCHOLARLY_TYPES: ReadonlyMap<string, StatedKind | null> = new Map([
  ['scholarlyarticle', null],
  ['medicalscholarlyarticle', null],
  ['book', 'book'],
  ['chapter', 'chapter'],
  ['thesis', 'thesis'],
  ['report', 'report'],
])

/** A DOI among a JSON-LD node's identifiers: identifier (text or PropertyValue), sameAs, @id, url. */
function jsonDoi(node: JsonObject): string | null {
  const candidates: unknown[] = []
  for (const key of ['identifier', 'sameAs', '@id', 'url']) {
    const value = node[key]
    candidates.push(...(Array.isArray(value) ? value : [value]))
  }
  for (const candidate of candidates) {
    if (isObject(candidate)) {
      const property = jsonText(candidate['propertyID'])?.toLowerCase()
      const value = jsonText(candidate['value'])
      const doi =
        property === 'doi' ? normaliseDoi(value) : /doi/i.test(value ?? '') ? normaliseDoi(value) : null
      if (doi) return doi
    } else if (typeof candidate === 'string' && /doi/i.test(candidate)) {
      const doi = normaliseDoi(candidate)
      if (doi) return doi
    }
  }
  return null
}

function jsonName(value: unknown): string | null {
  return cleanName(isObject(value) ? jsonText(value['name']) : jsonText(value))
}

function jsonNames(value: unknown): CslName[] | undefined {
  const names = (Array.isArray(value) ? value : [value])
    .map((person) => jsonName(person))
    .filter((name): name is string => name !== null)
  return editorNames(names)
}

/** The issue, volume, periodical or book a JSON-LD node is part of, followed up a few levels. */
function partOf(node: JsonObject): BibliographicFindings {
  const found: BibliographicFindings = {}
  let parent: unknown = node['isPartOf']
  for (let depth = 0; depth < 4 && parent !== undefined; depth++) {
    const container = Array.isArray(parent) ? parent[0] : parent
    if (!isObject(container)) break
    const types = typesOf(container)
    found.issue ??= normaliseNumber(jsonText(container['issueNumber'])) ?? undefined
    found.volume ??= normaliseNumber(jsonText(container['volumeNumber'])) ?? undefined
    if (types.includes('periodical')) {
      found.journal ??= jsonName(container) ?? undefined
      found.ISSN ??= normaliseIssn(jsonText(container['issn'])) ?? undefined
    }
    if (types.includes('book')) {
      found.bookTitle ??= jsonName(container) ?? undefined
      found.ISBN ??= normaliseIsbn(jsonText(container['isbn'])) ?? undefined
      found.editors ??= jsonNames(container['editor'])
    }
    parent = container['isPartOf']
  }
  return statedOnly(found)
}

/** The first schema.org node of a paper, book, chapter, thesis or report, read as CSL findings. */
function jsonLd(nodes: readonly JsonObject[]): BibliographicFindings {
  for (const node of nodes) {
    const kinds = typesOf(node).filter((type) => SCHOLARLY_TYPES.has(type))
    if (kinds.length === 0) continue
    const reportNumber = normaliseNumber(jsonText(node['reportNumber']))
    const named = kinds.map((type) => SCHOLARLY_TYPES.get(type)).find((kind) => kind)
    // A "Report" node is a report only with its number: news sites mark ordinary articles so.
    const statedKind = named === 'report' && !reportNumber ? undefined : (named ?? undefined)
    const own = statedOnly({
      statedKind,
      page:
        normalisePages(jsonText(node['pageStart']), jsonText(node['pageEnd'])) ??
        normalisePages(jsonText(node['pagination'])) ??
        undefined,
      number: reportNumber ?? undefined,
      DOI: jsonDoi(node) ?? undefined,
      ISBN: statedKind === 'book' ? (normaliseIsbn(jsonText(node['isbn'])) ?? undefined) : undefined,
      publisher:
        jsonName(node['publisher']) ??
        (statedKind === 'thesis' ? jsonName(node['sourceOrganization']) : null) ??
        undefined,
      editors: jsonNames(node['editor']),
      genre: statedKind === 'thesis' ? (jsonName(node['inSupportOf']) ?? undefined) : undefined,
      numberOfPages: normaliseNumber(jsonText(node['numberOfPages'])) ?? undefined,
      edition: cleanName(jsonText(node['bookEdition'])) ?? undefined,
    })
    return mergeFindings(own, partOf(node))
  }
  return {}
}

/** What the page's tags and JSON-LD nodes state of it as a publication (not yet settled). */
export function readBibliographicTags(
  metas: MetaValues,
  jsonLdNodes: readonly JsonObject[],
): BibliographicFindings {
  let found = highwire(metas)
  for (const next of [jsonLd(jsonLdNodes), prism(metas), dublinCore(metas)])
    found = mergeFindings(found, next)
  return found
}

/** Paragraphs of the text's opening looked at for a printed DOI. */
const OPENING_PARAGRAPHS = 8
/** A DOI line may carry its label and little else ("DOI: 10.…", "https://doi.org/10.…"). */
const DOI_LINE_SLACK = 40
const STARTS_WITH_DOI = /^(?:doi\s*:?\s*10\.|(?:https?:\/\/)?(?:dx\.)?doi\.org\/10\.)/i

/**
 * The DOI a page prints as a line of its own at the top of its text, the way paper pages show it;
 * a DOI inside a sentence (a news story citing a study) is not the page's. One DOI only.
 */
export function doiPrintedAtHead(paragraphs: readonly string[]): BibliographicFindings {
  // DOIs are case-insensitive: one printed twice in two cases is one DOI.
  const found = new Map<string, string>()
  for (const paragraph of paragraphs.slice(0, OPENING_PARAGRAPHS)) {
    const text = paragraph.trim()
    if (!STARTS_WITH_DOI.test(text)) continue
    const dois = labelledDois(text)
    const doi = dois[0]
    if (dois.length === 1 && doi && text.length <= doi.length + DOI_LINE_SLACK)
      found.set(doi.toLowerCase(), found.get(doi.toLowerCase()) ?? doi)
  }
  const [doi] = found.values()
  return found.size === 1 && doi ? { DOI: doi } : {}
}
