/**
 * The citation engine's entry points: render a list in any export format, and read references from
 * BibTeX, RIS or CSL-JSON files ("import references": metadata-only items).
 */
import { toBiblatex } from './formats/biblatex'
import { toBibtex } from './formats/bibtex'
import { CitationProcessor, CiteError, type CiteLocale } from './styles/citeproc'
import type { CslItem, CslItemType } from './csl-item'
import { toCslJson } from './formats/csl-json'
import { bibtexToCsl, parseBibtex } from './formats/parse-bibtex'
import { parseRis, risToCsl } from './formats/parse-ris'
import { toRis } from './formats/ris'

export { articleToCsl, parseName, parseDate } from './csl-item'
export type {
  ArticleKind,
  ArticleToCslOptions,
  CitableArticle,
  CslDate,
  CslItem,
  CslItemType,
  CslName,
} from './csl-item'
export { CitationProcessor, CiteError, CITE_LOCALES, defaultCslDir } from './styles/citeproc'
export type {
  BibliographyEntry,
  BibliographyFormat,
  BibliographyOptions,
  CiteLocale,
  CitationProcessorOptions,
  StyleInfo,
} from './styles/citeproc'
export { citationKeys } from './formats/citation-key'

export type CiteFormat = 'text' | 'html' | 'markdown' | 'bibtex' | 'biblatex' | 'ris' | 'csl-json'
export const CITE_FORMATS: readonly CiteFormat[] = [
  'text',
  'html',
  'markdown',
  'bibtex',
  'biblatex',
  'ris',
  'csl-json',
]

export interface RenderOptions {
  format: CiteFormat
  /** Needed for text, html and markdown. */
  style?: string
  locale?: CiteLocale
}

/**
 * The whole export as one string. text: one reference per line; html: one `<div class="csl-entry">` per
 * line inside `<div class="csl-bib-body">`; markdown: one paragraph per reference.
 */
export function renderCitations(
  processor: CitationProcessor,
  items: readonly CslItem[],
  options: RenderOptions,
): string {
  switch (options.format) {
    case 'bibtex':
      return toBibtex(items)
    case 'biblatex':
      return toBiblatex(items)
    case 'ris':
      return toRis(items)
    case 'csl-json':
      return toCslJson(items)
    case 'text':
    case 'html':
    case 'markdown': {
      if (!options.style) throw new CiteError('a style is needed for text, html and markdown')
      const locale = options.locale ?? 'en-US'
      if (items.length === 0) return ''
      if (options.format === 'text')
        return (
          processor.bibliography(items, { style: options.style, locale, format: 'text' }).join('\n') + '\n'
        )
      const html = processor.bibliography(items, { style: options.style, locale, format: 'html' })
      if (options.format === 'html') return `<div class="csl-bib-body">\n${html.join('\n')}\n</div>\n`
      return html.map(htmlEntryToMarkdown).join('\n\n') + '\n'
    }
    default:
      throw new CiteError(`unknown format "${String(options.format)}" (use ${CITE_FORMATS.join(', ')})`)
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return ENTITIES[name.toLowerCase()] ?? match
  })
}

/** One citeproc HTML entry -> Markdown: italics and bold become asterisks, the rest is escaped text. */
export function htmlEntryToMarkdown(html: string): string {
  const escape = (text: string): string => decodeEntities(text).replace(/([\\`*_[\]<>])/g, '\\$1')
  let out = ''
  for (const part of html.split(/(<[^>]+>)/)) {
    if (!part.startsWith('<')) out += escape(part)
    else if (/^<\/?(i|em)\b/i.test(part)) out += '*'
    else if (/^<\/?(b|strong)\b/i.test(part)) out += '**'
  }
  return out.trim().replace(/^#/, '\\#')
}

export type ReferenceFormat = 'bibtex' | 'ris' | 'csl-json'

export interface ReferenceProblem {
  file: string
  line?: number
  message: string
}

export interface ReferenceImport {
  format: ReferenceFormat
  items: CslItem[]
  problems: ReferenceProblem[]
}

/** Guesses the format from the file name, then from the content. */
export function sniffReferenceFormat(fileName: string, text: string): ReferenceFormat | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.bib') || lower.endsWith('.bibtex')) return 'bibtex'
  if (lower.endsWith('.ris')) return 'ris'
  if (lower.endsWith('.json') || lower.endsWith('.csljson')) return 'csl-json'
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json'
  if (/^TY {2}- /m.test(start)) return 'ris'
  if (/^@\w+\s*[{(]/m.test(start)) return 'bibtex'
  return null
}

const CSL_TYPES = new Set<CslItemType>([
  'article-newspaper',
  'article-magazine',
  'article-journal',
  'webpage',
  'post-weblog',
  'report',
  'document',
  'book',
  'chapter',
])

/**
 * Reads references from one file. A broken entry is reported (file, line, cause) and the others still
 * come through; a file that cannot be read at all throws a CiteError naming the file.
 */
export function importReferences(fileName: string, text: string): ReferenceImport {
  const format = sniffReferenceFormat(fileName, text)
  if (!format) throw new CiteError(`${fileName}: not a BibTeX, RIS or CSL-JSON file`)
  if (format === 'bibtex') {
    const parsed = parseBibtex(text)
    return {
      format,
      items: parsed.entries.map(bibtexToCsl),
      problems: parsed.problems.map((problem) => ({ file: fileName, ...problem })),
    }
  }
  if (format === 'ris') {
    const parsed = parseRis(text)
    return {
      format,
      items: parsed.records.map((record, index) => risToCsl(record, `ris-${index + 1}`)),
      problems: parsed.problems.map((problem) => ({ file: fileName, ...problem })),
    }
  }
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new CiteError(`${fileName}: not valid JSON (${error instanceof Error ? error.message : error})`)
  }
  const list = Array.isArray(data) ? data : [data]
  const items: CslItem[] = []
  const problems: ReferenceProblem[] = []
  list.forEach((value, index) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ file: fileName, message: `item ${index + 1} is not an object` })
      return
    }
    const record = value as Record<string, unknown>
    const id =
      typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `item-${index + 1}`
    const type =
      typeof record.type === 'string' && CSL_TYPES.has(record.type as CslItemType) ? record.type : 'document'
    if (typeof record.title !== 'string' && !Array.isArray(record.author)) {
      problems.push({ file: fileName, message: `item ${index + 1} has neither a title nor authors` })
      return
    }
    items.push({ ...(record as Partial<CslItem>), id, type: type as CslItemType })
  })
  return { format, items, problems }
}
