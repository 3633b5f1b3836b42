/**
 * One CitationProcessor per archive, reused between calls (citeproc keeps its engines and the items it has
 * read, so a preview after one edit only re-processes that item), plus what the contract adds on top of
 * the citation engine: the article behind each formatted entry (from the item ids citeproc reports per
 * entry), missing-field warnings, and the style's order of a list.
 */
import { ApiError } from '../../../../common/api'
import type {
  CitationWarning,
  CiteFormat,
  CiteLocale,
  CiteStyle,
  FormattedCitations,
} from '../../../../common/types'
import {
  CitationProcessor,
  htmlEntryToMarkdown,
  renderCitations,
  type BibliographyEntry,
  type CslItem,
  type CslItemType,
} from '../index'
import { citeErrorToApi } from '../styles/user-styles'

/** An item to format and who it belongs to: an article id, or the id of an item given as data. */
export interface CitationInput {
  key: number | string
  item: CslItem
}

export interface FormatOptions {
  style: string
  locale: CiteLocale
  format: CiteFormat
  /** The in-text citation or note of each input, in order (an item may come more than once). */
  citations?: boolean
}

export class CitationFormatter {
  private shared: CitationProcessor | null = null

  constructor(
    private readonly userStyleDirs: readonly string[],
    private readonly cslDir?: string,
  ) {}

  /** Forget the engines (after a user style file was replaced). */
  reset(): void {
    this.shared = null
  }

  listStyles(): CiteStyle[] {
    return this.processor()
      .listStyles()
      .map(({ id, title, builtIn }) => ({ id, title, builtIn }))
  }

  /** Throws invalid-arguments, listing the known ids, unless `style` is one of them. */
  requireStyle(style: string): void {
    const styles = this.listStyles()
    if (!styles.some((known) => known.id === style))
      throw new ApiError(
        'invalid-arguments',
        `unknown style "${style}" (known: ${styles.map((known) => known.id).join(', ')})`,
      )
  }

  format(inputs: readonly CitationInput[], options: FormatOptions): FormattedCitations {
    if (options.citations) return this.formatCitationsInText(inputs, options)
    const items = inputs.map((input) => input.item)
    const warnings = inputs.flatMap((input) => missingFieldWarnings(input, options.style))
    try {
      if (options.format === 'text' || options.format === 'html' || options.format === 'markdown') {
        if (inputs.length === 0) return { output: '', entries: [], entryIds: [], warnings }
        const entryFormat = options.format === 'text' ? 'text' : 'html'
        const bibliography = this.processor().bibliographyEntries(items, { ...options, format: entryFormat })
        const rendered = bibliography.map((entry) => entry.text)
        const entryIds = inputKeys(bibliography, inputs)
        if (options.format === 'text')
          return { output: rendered.join('\n') + '\n', entries: rendered, entryIds, warnings }
        if (options.format === 'html')
          return {
            output: `<div class="csl-bib-body">\n${rendered.join('\n')}\n</div>\n`,
            entries: rendered,
            entryIds,
            warnings,
          }
        const entries = rendered.map(htmlEntryToMarkdown)
        return { output: entries.join('\n\n') + '\n', entries, entryIds, warnings }
      }
      const output = renderCitations(this.processor(), items, options)
      return {
        output,
        entries: this.splitExport(output, items, options),
        entryIds: inputs.map((input) => input.key),
        warnings,
      }
    } catch (error) {
      throw citeErrorToApi(error)
    }
  }

  /** One citation per input, in input order; repeated inputs are the same item cited again. */
  private formatCitationsInText(
    inputs: readonly CitationInput[],
    options: FormatOptions,
  ): FormattedCitations {
    const unique = new Map<string, CitationInput>()
    for (const input of inputs) if (!unique.has(input.item.id)) unique.set(input.item.id, input)
    const warnings = [...unique.values()].flatMap((input) => missingFieldWarnings(input, options.style))
    if (inputs.length === 0) return { output: '', entries: [], entryIds: [], warnings }
    try {
      const rendered = this.processor().citations(
        [...unique.values()].map((input) => input.item),
        inputs.map((input) => ({ id: input.item.id })),
        { style: options.style, locale: options.locale, format: options.format === 'text' ? 'text' : 'html' },
      )
      const entries = options.format === 'markdown' ? rendered.map(htmlEntryToMarkdown) : rendered
      return {
        output: entries.join(options.format === 'markdown' ? '\n\n' : '\n') + '\n',
        entries,
        entryIds: inputs.map((input) => input.key),
        warnings,
      }
    } catch (error) {
      throw citeErrorToApi(error)
    }
  }

  /** The keys of `inputs` in the order the style puts their bibliography entries. */
  styleOrder(inputs: readonly CitationInput[], style: string, locale: CiteLocale): (number | string)[] {
    if (inputs.length === 0) return []
    try {
      const bibliography = this.processor().bibliographyEntries(
        inputs.map((input) => input.item),
        { style, locale, format: 'text' },
      )
      return inputKeys(bibliography, inputs)
    } catch (error) {
      throw citeErrorToApi(error)
    }
  }

  private processor(): CitationProcessor {
    this.shared ??= new CitationProcessor({ cslDir: this.cslDir, userStyleDirs: this.userStyleDirs })
    return this.shared
  }

  /** One entry per item of a BibTeX, BibLaTeX, RIS or CSL-JSON export. */
  private splitExport(output: string, items: readonly CslItem[], options: FormatOptions): string[] {
    if (options.format === 'csl-json') return items.map((item) => JSON.stringify(item, null, 2))
    const parts = options.format === 'ris' ? output.split(/(?<=^ER {2}-[^\n]*\n)/m) : output.split(/\n(?=@)/)
    const entries = parts.map((part) => part.trim()).filter(Boolean)
    if (entries.length === items.length) return entries
    return items.map((item) => renderCitations(this.processor(), [item], options).trim())
  }
}

/** The input behind each entry; the processor has already refused items that share an id. */
function inputKeys(
  entries: readonly BibliographyEntry[],
  inputs: readonly CitationInput[],
): (number | string)[] {
  const keyByItemId = new Map(inputs.map((input) => [input.item.id, input.key]))
  return entries.map((entry) => keyByItemId.get(entry.id)!)
}

/** Kinds read online, whose references need the address (and, in GOST, the day it was read). */
const WEB_TYPES: ReadonlySet<CslItemType> = new Set([
  'webpage',
  'post-weblog',
  'post',
  'entry-encyclopedia',
  'entry-dictionary',
])
/** Kinds whose references name the periodical, book or proceedings they appeared in. */
const CONTAINED_TYPES: ReadonlySet<CslItemType> = new Set([
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'chapter',
  'paper-conference',
  'entry-encyclopedia',
  'entry-dictionary',
])
/** Kinds published by a publisher, a university or an institution (GOST also wants the place). */
const PUBLISHED_TYPES: ReadonlySet<CslItemType> = new Set([
  'book',
  'chapter',
  'report',
  'thesis',
  'paper-conference',
])
/** Kinds a reference may start with the title of, without an author being missing. */
const AUTHORLESS_TYPES: ReadonlySet<CslItemType> = new Set([
  'entry-encyclopedia',
  'entry-dictionary',
  'legislation',
  'regulation',
  'standard',
  'treaty',
  'bill',
])

/** What the style guides expect for the item's kind of source and the item lacks. */
function missingFieldWarnings({ key, item }: CitationInput, style?: string): CitationWarning[] {
  const warnings: CitationWarning[] = []
  const warn = (field: CitationWarning['field'], message: string): void => {
    warnings.push({ id: key, field, message })
  }
  const has = (value: string | number | undefined): boolean =>
    value !== undefined && String(value).trim() !== ''
  const gost = style?.startsWith('gost') === true
  if (!has(item.title)) warn('title', 'no title: the reference cannot name the work')
  if (
    !item.author?.length &&
    !AUTHORLESS_TYPES.has(item.type) &&
    !(item.type === 'book' && item.editor?.length)
  )
    warn('author', 'no author: the reference starts with the title')
  const issued = item.issued
  if (!issued || (!issued['date-parts']?.[0]?.length && !issued.literal && !issued.raw))
    warn('date', 'no publication date: styles print "n.d." or leave it out')
  if (CONTAINED_TYPES.has(item.type) && !has(item['container-title']))
    warn('container', 'no journal, book or proceedings title: the reference cannot say where it appeared')
  if (item.type === 'article-journal') {
    if (!has(item.volume) && !has(item.issue))
      warn('volume', 'no volume or issue: readers cannot find the article')
    if (!has(item.page) && !has(item.number) && !has(item.DOI))
      warn('pages', 'no page range, article number or DOI')
  }
  if (item.type === 'chapter' && !has(item.page)) warn('pages', 'no page range of the chapter')
  if (PUBLISHED_TYPES.has(item.type)) {
    if (!has(item.publisher)) warn('publisher', 'no publisher (or university, or institution)')
    if (gost && !has(item['publisher-place'])) warn('place', 'no place of publication: GOST prints [Б. м.]')
  }
  // Read online: a web kind, or anything with an access date (every saved page has one).
  const online = WEB_TYPES.has(item.type) || item.accessed !== undefined
  if (online && !has(item.URL)) warn('url', 'no URL: readers cannot find the page online')
  if (gost && online && has(item.URL) && !item.accessed)
    warn('accessed', 'no access date: GOST prints the day the page was read ("дата обращения")')
  return warnings
}
