/**
 * The citation engine's entry points: render a list in any export format, and read references from
 * BibTeX, RIS or CSL-JSON files ("import references": metadata-only items).
 */
import { toBiblatex, toBibtex } from './formats/bibtex-writer'
import { CitationProcessor, CiteError, type CiteLocale } from './styles/citeproc'
import type { CslItem } from './csl-item'
import { toCslJson } from './formats/csl-json'
import { readReferences, sniffReferenceText } from './formats/read'
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
export { readReferences } from './formats/read'
export type { ReferenceFile, ReferenceFileFormat } from './formats/read'
export { toBiblatex, toBibtex } from './formats/bibtex-writer'
export { toCslJson } from './formats/csl-json'
export { toRis } from './formats/ris'

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
  /** A warning keeps its entry (an undefined @string macro, a repeated field); an error loses it. */
  severity: 'warning' | 'error'
  message: string
}

export interface ReferenceImport {
  format: ReferenceFormat
  items: CslItem[]
  problems: ReferenceProblem[]
}

/** Recognises the format by content; the file name decides only when the content says nothing. */
export function sniffReferenceFormat(fileName: string, text: string): ReferenceFormat | null {
  const format = sniffReferenceText(fileName, text)
  return format === 'biblatex' ? 'bibtex' : format
}

/**
 * Reads references from one file (readReferences, with the file name on every problem). A broken entry
 * is reported (file, line, cause) and the others still come through; a file that cannot be read at all
 * throws a CiteError naming the file.
 */
export function importReferences(fileName: string, text: string): ReferenceImport {
  const read = readReferences(fileName, text)
  return {
    format: read.format === 'biblatex' ? 'bibtex' : read.format,
    items: read.items,
    problems: read.problems.map(({ line, severity, message }) => ({
      file: fileName,
      ...(line !== undefined ? { line } : {}),
      severity,
      message,
    })),
  }
}
