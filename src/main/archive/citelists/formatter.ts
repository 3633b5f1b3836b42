/**
 * One CitationProcessor per archive, reused between calls (citeproc keeps its engines and the items it has
 * read, so a preview after one edit only re-processes that item), plus what the contract adds on top of
 * the citation engine: the article behind each formatted entry, missing-field warnings, and the style's
 * order of a list.
 */
import { ApiError } from '../../../common/api'
import type {
  CitationWarning,
  CiteFormat,
  CiteLocale,
  CiteStyle,
  FormattedCitations,
} from '../../../common/types'
import { CitationProcessor, htmlEntryToMarkdown, renderCitations, type CslItem } from '../cite/index'
import { citeErrorToApi } from './styles'

/** An item to format and who it belongs to: an article id, or the id of an item given as data. */
export interface CitationInput {
  key: number | string
  item: CslItem
}

export interface FormatOptions {
  style: string
  locale: CiteLocale
  format: CiteFormat
}

/** Entries of single items, kept so that matching a re-rendered list to its items costs one render. */
const SOLO_CACHE_LIMIT = 20_000

/** Above this many unmatched entries, the rest are paired in order instead of by likeness. */
const LIKENESS_LIMIT = 300

export class CitationFormatter {
  private shared: CitationProcessor | null = null
  private solo: CitationProcessor | null = null
  private readonly soloEntries = new Map<string, string>()

  constructor(
    private readonly userStyleDirs: readonly string[],
    private readonly cslDir?: string,
  ) {}

  /** Forget engines and cached entries (after a user style file was replaced). */
  reset(): void {
    this.shared = null
    this.solo = null
    this.soloEntries.clear()
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
    const items = inputs.map((input) => input.item)
    const warnings = inputs.flatMap(missingFieldWarnings)
    try {
      if (options.format === 'text' || options.format === 'html' || options.format === 'markdown') {
        if (inputs.length === 0) return { output: '', entries: [], entryIds: [], warnings }
        const entryFormat = options.format === 'text' ? 'text' : 'html'
        const rendered = this.processor().bibliography(items, { ...options, format: entryFormat })
        const entryIds = this.matchEntries(rendered, inputs, { ...options, format: entryFormat })
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

  /** The keys of `inputs` in the order the style puts their bibliography entries. */
  styleOrder(inputs: readonly CitationInput[], style: string, locale: CiteLocale): (number | string)[] {
    if (inputs.length === 0) return []
    try {
      const options = { style, locale, format: 'text' as const }
      const rendered = this.processor().bibliography(
        inputs.map((input) => input.item),
        options,
      )
      return this.matchEntries(rendered, inputs, options)
    } catch (error) {
      throw citeErrorToApi(error)
    }
  }

  private processor(): CitationProcessor {
    this.shared ??= new CitationProcessor({ cslDir: this.cslDir, userStyleDirs: this.userStyleDirs })
    return this.shared
  }

  /**
   * The input behind each rendered entry. citeproc reports entries without their items, so each item is
   * also rendered alone (cached by content) and matched: exactly, then ignoring digits (numbered
   * styles), then by the longest shared start and end (year suffixes "2026a", repeated-author dashes).
   */
  private matchEntries(
    rendered: readonly string[],
    inputs: readonly CitationInput[],
    options: { style: string; locale: CiteLocale; format: 'text' | 'html' },
  ): (number | string)[] {
    const solos = inputs.map((input) => this.soloEntry(input.item, options))
    const result: (number | string | undefined)[] = new Array(rendered.length).fill(undefined)
    const free = new Set(inputs.map((_, index) => index))
    for (const normalise of [(text: string) => text, (text: string) => text.replace(/[\d—]+/g, '')]) {
      const byText = new Map<string, number[]>()
      for (const index of free) {
        const key = normalise(solos[index]!)
        const list = byText.get(key)
        if (list) list.push(index)
        else byText.set(key, [index])
      }
      rendered.forEach((entry, position) => {
        if (result[position] !== undefined) return
        const index = byText.get(normalise(entry))?.shift()
        if (index === undefined) return
        result[position] = inputs[index]!.key
        free.delete(index)
      })
    }
    const openPositions = rendered.map((_, position) => position).filter((p) => result[p] === undefined)
    const openInputs = [...free]
    if (openPositions.length <= LIKENESS_LIMIT) {
      const pairs: { position: number; index: number; score: number }[] = []
      for (const position of openPositions)
        for (const index of openInputs)
          pairs.push({ position, index, score: likeness(rendered[position]!, solos[index]!) })
      pairs.sort((a, b) => b.score - a.score || a.position - b.position || a.index - b.index)
      for (const { position, index } of pairs) {
        if (result[position] !== undefined || !free.has(index)) continue
        result[position] = inputs[index]!.key
        free.delete(index)
      }
    }
    const rest = [...free]
    return result.map((key) => key ?? inputs[rest.shift()!]!.key)
  }

  private soloEntry(
    item: CslItem,
    options: { style: string; locale: CiteLocale; format: 'text' | 'html' },
  ): string {
    const cacheKey = `${options.style}\n${options.locale}\n${options.format}\n${JSON.stringify(item)}`
    let entry = this.soloEntries.get(cacheKey)
    if (entry === undefined) {
      this.solo ??= new CitationProcessor({ cslDir: this.cslDir, userStyleDirs: this.userStyleDirs })
      entry = this.solo.bibliography([item], options)[0] ?? ''
      if (this.soloEntries.size >= SOLO_CACHE_LIMIT) this.soloEntries.clear()
      this.soloEntries.set(cacheKey, entry)
    }
    return entry
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

function likeness(a: string, b: string): number {
  const limit = Math.min(a.length, b.length)
  let start = 0
  while (start < limit && a[start] === b[start]) start++
  let end = 0
  while (end < limit - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  return start + end
}

/** What a style guide expects and the item lacks. */
function missingFieldWarnings({ key, item }: CitationInput): CitationWarning[] {
  const warnings: CitationWarning[] = []
  if (!item.title?.trim())
    warnings.push({ id: key, field: 'title', message: 'no title: the reference cannot name the work' })
  if (!item.author?.length)
    warnings.push({
      id: key,
      field: 'author',
      message: 'no author: the reference starts with the title',
    })
  const issued = item.issued
  if (!issued || (!issued['date-parts']?.[0]?.length && !issued.literal))
    warnings.push({
      id: key,
      field: 'date',
      message: 'no publication date: styles print "n.d." or leave it out',
    })
  if (!item.URL?.trim())
    warnings.push({ id: key, field: 'url', message: 'no URL: readers cannot find the page online' })
  return warnings
}
