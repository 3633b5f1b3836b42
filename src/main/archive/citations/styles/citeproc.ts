/**
 * Bibliographies through citeproc-js with the styles and locales shipped in resources/csl (written for
 * Lectern) plus any .csl file the user adds. One engine per style and locale is kept, so re-rendering a
 * list after an edit only re-processes the items.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import CSL, { type Engine } from 'citeproc'
import { firstDateParts } from '../../../../common/csl'
import type { CslItem, CslName } from '../csl-item'
import {
  bareDoi,
  capitaliseSubtitle,
  chicagoTitleCase,
  mlaPublisher,
  thesisDegree,
  type ThesisDegree,
} from './english-rules'
import { editionStatement, genitiveName } from './gost-description'

export type CiteLocale = 'en-US' | 'ru-RU'
export const CITE_LOCALES: readonly CiteLocale[] = ['en-US', 'ru-RU']
export type BibliographyFormat = 'text' | 'html'

export interface StyleInfo {
  /** What `--style` and the style picker use: "apa", "gost-r-7.0.100-2018", or a user file's name. */
  id: string
  title: string
  file: string
  builtIn: boolean
}

export interface BibliographyOptions {
  style: string
  locale: CiteLocale
  format: BibliographyFormat
}

export interface BibliographyEntry {
  /** The id of the item the entry was made from. */
  id: string
  text: string
}

/** One place in a text where an item is cited, with an optional pinpoint ("45", label "page"). */
export interface CitationRef {
  id: string
  locator?: string
  /** A CSL locator label: page (the default), chapter, section, paragraph, figure, volume… */
  label?: string
}

export interface CitationProcessorOptions {
  /** Folder with the shipped styles and locales; found next to the app by default. */
  cslDir?: string
  /** Folders whose .csl files join the style list (the user's own styles). */
  userStyleDirs?: readonly string[]
}

export class CiteError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CiteError'
  }
}

interface StyleRules {
  /** Joins title and subtitle. */
  titleSeparator: string
  /** GOST: the heading (original-author) holds the first author when there are one to three people. */
  gostHeading?: boolean
  /** GOST: Cyrillic entries first, then Latin, each alphabetical by heading or title. */
  cyrillicFirst?: boolean
  /**
   * GOST: the words printed from the item follow its language, set to "ru" or "en" (the style switches its
   * abbreviations on it); a numbered edition in words, editors and translators in the genitive, the main title
   * as the short title of repeated references, and no month without its day.
   */
  gostDescription?: boolean
  /** APA and MLA leave out a site name that repeats the (organisation) author. */
  dropSiteSameAsAuthor?: boolean
  /** MLA 9 leaves out http:// and https://. */
  urlWithoutScheme?: boolean
  /** The rules of the English styles (english-rules.ts). */
  english?: EnglishRules
}

interface EnglishRules {
  /** The first word of a subtitle is capitalised (APA, MLA, Chicago, IEEE; Harvard keeps it as stored). */
  capitaliseSubtitle: boolean
  /** Chicago 18's title case, which citeproc-js's text-case="title" (Chicago 17) cannot give. */
  chicagoTitleCase?: boolean
  /** How the style names a doctoral or master's thesis that an English genre describes. */
  thesisGenres?: Partial<Record<ThesisDegree, string>>
  /** MLA 9: "UP", "U" and "P" in publishers' names. */
  mlaPublishers?: boolean
  /** APA 7 leaves out a publisher that is the (group) author. */
  dropPublisherSameAsAuthor?: boolean
}

const CHICAGO: EnglishRules = {
  capitaliseSubtitle: true,
  chicagoTitleCase: true,
  thesisGenres: { doctoral: 'PhD diss.', masters: 'master’s thesis' },
}

const GOST_RULES: StyleRules = {
  titleSeparator: ' : ',
  gostHeading: true,
  cyrillicFirst: true,
  gostDescription: true,
}

const BUILT_IN_RULES: Record<string, StyleRules> = {
  'gost-r-7.0.100-2018': GOST_RULES,
  'gost-r-7.0.5-2008-notes': GOST_RULES,
  apa: {
    titleSeparator: ': ',
    dropSiteSameAsAuthor: true,
    english: {
      capitaliseSubtitle: true,
      thesisGenres: { doctoral: 'Doctoral dissertation', masters: 'Master’s thesis' },
      dropPublisherSameAsAuthor: true,
    },
  },
  mla: {
    titleSeparator: ': ',
    dropSiteSameAsAuthor: true,
    urlWithoutScheme: true,
    english: {
      capitaliseSubtitle: true,
      thesisGenres: { doctoral: 'PhD dissertation' },
      mlaPublishers: true,
    },
  },
  'chicago-author-date': { titleSeparator: ': ', english: CHICAGO },
  'chicago-note-bibliography': { titleSeparator: ': ', english: CHICAGO },
  harvard: {
    titleSeparator: ': ',
    english: { capitaliseSubtitle: false, thesisGenres: { doctoral: 'PhD thesis' } },
  },
  ieee: {
    titleSeparator: ': ',
    english: {
      capitaliseSubtitle: true,
      thesisGenres: { doctoral: 'Ph.D. dissertation', masters: 'M.S. thesis' },
    },
  },
}

const DEFAULT_RULES: StyleRules = { titleSeparator: ': ' }

/** resources/csl, looked for upward from this module (source tree, bundled out/main) and the working folder. */
export function defaultCslDir(): string {
  const starts = [dirname(fileURLToPath(import.meta.url)), process.cwd()]
  for (const start of starts) {
    let folder = start
    for (;;) {
      const candidate = join(folder, 'resources', 'csl')
      if (existsSync(join(candidate, 'locales-en-US.xml'))) return candidate
      const parent = dirname(folder)
      if (parent === folder) break
      folder = parent
    }
  }
  throw new CiteError('the CSL styles folder (resources/csl) was not found')
}

function styleTitle(xml: string, fallback: string): string {
  const match = /<info>[\s\S]*?<title>([^<]+)<\/title>/.exec(xml)
  return match?.[1]?.trim() ?? fallback
}

export class CitationProcessor {
  private readonly cslDir: string
  private readonly userStyleDirs: readonly string[]
  private readonly engines = new Map<string, Engine>()
  private readonly styleXml = new Map<string, string>()
  private readonly localeXml = new Map<string, string | false>()
  private currentItems = new Map<string, object>()

  constructor(options: CitationProcessorOptions = {}) {
    this.cslDir = options.cslDir ?? defaultCslDir()
    this.userStyleDirs = options.userStyleDirs ?? []
  }

  listStyles(): StyleInfo[] {
    const styles: StyleInfo[] = []
    const seen = new Set<string>()
    const add = (file: string, builtIn: boolean): void => {
      const id = basename(file, extname(file))
      if (seen.has(id)) return
      seen.add(id)
      let xml: string
      try {
        xml = readFileSync(file, 'utf8')
      } catch {
        return // unreadable user file: left out of the picker
      }
      styles.push({ id, title: styleTitle(xml, id), file, builtIn })
    }
    for (const id of Object.keys(BUILT_IN_RULES)) {
      const file = join(this.cslDir, `${id}.csl`)
      if (existsSync(file)) add(file, true)
    }
    for (const folder of this.userStyleDirs) {
      if (!existsSync(folder)) continue
      for (const name of readdirSync(folder).sort()) if (name.endsWith('.csl')) add(join(folder, name), false)
    }
    return styles
  }

  /** One formatted entry per item: plain text lines or `<div class="csl-entry">` HTML. */
  bibliography(items: readonly CslItem[], options: BibliographyOptions): string[] {
    return this.bibliographyEntries(items, options).map((entry) => entry.text)
  }

  /** The entries in the style's order, each with the id of the item it was made from. */
  bibliographyEntries(items: readonly CslItem[], options: BibliographyOptions): BibliographyEntry[] {
    if (!CITE_LOCALES.includes(options.locale))
      throw new CiteError(`unknown locale "${options.locale}" (use ${CITE_LOCALES.join(' or ')})`)
    const { id, xml } = this.resolveStyle(options.style)
    const rules = BUILT_IN_RULES[id] ?? DEFAULT_RULES
    let prepared = items.map((item) => prepareItem(item, rules))
    if (rules.cyrillicFirst) prepared = sortCyrillicFirst(prepared)
    if (new Set(prepared.map((item) => item.id)).size !== prepared.length)
      throw new CiteError('two items share one id')
    // citeproc-js keeps what it read for an id, so an edited item gets a new id: its content hash.
    const keyed = prepared.map((item) => ({ ...item, id: `${item.id}#${contentHash(item)}` }))
    const itemIds = new Map(keyed.map((item, index) => [item.id, prepared[index]!.id]))
    this.currentItems = new Map(keyed.map((item) => [item.id, item]))
    const engine = this.engineFor(id, xml, options.locale)
    engine.updateItems(keyed.map((item) => item.id))
    engine.setOutputFormat(options.format)
    const result = engine.makeBibliography()
    if (!result) throw new CiteError(`the style "${id}" has no bibliography`)
    const [meta, entries] = result
    return entries.map((entry, index) => {
      const itemId = itemIds.get(meta.entry_ids[index]?.[0] ?? '')
      if (itemId === undefined) throw new CiteError(`the style "${id}" made an entry without an item`)
      // citeproc-js puts a narrow no-break space before ":;?!" (French typography); our styles and locales
      // want the plain spaces they write, as in GOST's " : ".
      return { id: itemId, text: entry.trim().replace(/\u202f/g, ' ') }
    })
  }

  /**
   * The in-text citation (author-date, numeric) or the note (note styles) for each place in `cites`, in
   * that order, as they would appear one after another in a text: numbers follow the order of first
   * citation, and in note styles a repeated item gets the style's short or "ibid." form.
   */
  citations(
    items: readonly CslItem[],
    cites: readonly CitationRef[],
    options: BibliographyOptions,
  ): string[] {
    if (!CITE_LOCALES.includes(options.locale))
      throw new CiteError(`unknown locale "${options.locale}" (use ${CITE_LOCALES.join(' or ')})`)
    const { id, xml } = this.resolveStyle(options.style)
    const rules = BUILT_IN_RULES[id] ?? DEFAULT_RULES
    const prepared = items.map((item) => prepareItem(item, rules))
    if (new Set(prepared.map((item) => item.id)).size !== prepared.length)
      throw new CiteError('two items share one id')
    const keyed = prepared.map((item) => ({ ...item, id: `${item.id}#${contentHash(item)}` }))
    const keyOf = new Map(prepared.map((item, index) => [item.id, keyed[index]!.id]))
    this.currentItems = new Map(keyed.map((item) => [item.id, item]))
    const notes = /<style\b[^>]*\bclass\s*=\s*["']note["']/.test(xml)
    const citations = cites.map((cite, index) => {
      const key = keyOf.get(cite.id)
      if (key === undefined) throw new CiteError(`no item with id "${cite.id}" to cite`)
      return {
        citationID: `cite-${index}`,
        citationItems: [
          {
            id: key,
            ...(cite.locator ? { locator: cite.locator, label: cite.label ?? 'page' } : {}),
          },
        ],
        properties: { noteIndex: notes ? index + 1 : 0 },
      }
    })
    const engine = this.engineFor(id, xml, options.locale)
    return engine
      .rebuildProcessorState(citations, options.format)
      .map(([, , text]) => text.trim().replace(/\u202f/g, ' '))
  }

  private resolveStyle(style: string): { id: string; xml: string } {
    let file: string | undefined
    if (style.endsWith('.csl') && existsSync(style)) file = resolve(style)
    else if (/^[\w.@-]+$/.test(style))
      file = [this.cslDir, ...this.userStyleDirs]
        .map((folder) => join(folder, `${style}.csl`))
        .find((candidate) => existsSync(candidate))
    if (!file) {
      const known = this.listStyles()
        .map((info) => info.id)
        .join(', ')
      throw new CiteError(`unknown style "${style}" (known: ${known})`)
    }
    const id = basename(file, extname(file))
    let xml = this.styleXml.get(file)
    if (xml === undefined) {
      xml = readFileSync(file, 'utf8')
      if (!/<style[\s>]/.test(xml)) throw new CiteError(`${file}: not a CSL style (no <style> element)`)
      this.styleXml.set(file, xml)
    }
    return { id: file.startsWith(this.cslDir) ? id : `${id}@${file}`, xml }
  }

  private engineFor(id: string, xml: string, locale: CiteLocale): Engine {
    const key = `${id}|${locale}`
    let engine = this.engines.get(key)
    if (!engine) {
      const sys = {
        retrieveLocale: (lang: string): string | false => this.locale(lang),
        retrieveItem: (itemId: string): object => {
          const item = this.currentItems.get(itemId)
          if (!item) throw new CiteError(`no item with id "${itemId}"`)
          return item
        },
      }
      try {
        engine = new CSL.Engine(sys, xml, locale, true)
      } catch (error) {
        throw new CiteError(`style "${id}" cannot be read: ${error instanceof Error ? error.message : error}`)
      }
      this.engines.set(key, engine)
    }
    return engine
  }

  private locale(lang: string): string | false {
    const cached = this.localeXml.get(lang)
    if (cached !== undefined) return cached
    const full = lang === 'en' ? 'en-US' : lang === 'ru' ? 'ru-RU' : lang
    const file = join(this.cslDir, `locales-${full}.xml`)
    const xml = existsSync(file) ? readFileSync(file, 'utf8') : false
    this.localeXml.set(lang, xml)
    return xml
  }
}

type PreparedItem = Omit<CslItem, 'subtitle'> & { 'original-author'?: CslName[] }

const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn'])

/** Straight double quotes become the quotes of the item's own language: «…» for Russian, “…” otherwise. */
export function typographicQuotes(text: string, language: string | undefined): string {
  if ((text.match(/"/g) ?? []).length % 2 !== 0) return text
  const primary = language?.toLowerCase().split(/[-_]/)[0]
  const [open, close] = primary && CYRILLIC_LANGUAGES.has(primary) ? ['«', '»'] : ['“', '”']
  let opening = true
  return text.replace(/"/g, () => {
    const mark = opening ? open : close
    opening = !opening
    return mark
  })
}

function prepareItem(item: CslItem, rules: StyleRules): PreparedItem {
  const { subtitle: storedSubtitle, ...rest } = item
  const prepared: PreparedItem = { ...rest }
  const subtitle =
    storedSubtitle && rules.english?.capitaliseSubtitle ? capitaliseSubtitle(storedSubtitle) : storedSubtitle
  const title =
    item.title && subtitle ? `${item.title}${rules.titleSeparator}${subtitle}` : (item.title ?? subtitle)
  if (title) prepared.title = typographicQuotes(title, item.language)
  if (rules.urlWithoutScheme && item.URL) prepared.URL = item.URL.replace(/^https?:\/\//i, '')
  if (rules.gostHeading) {
    const authors = item.author ?? []
    const first = authors[0]
    if (first && !first.literal && authors.length <= 3) prepared['original-author'] = [first]
  }
  if (rules.gostDescription) Object.assign(prepared, gostDescription(item))
  if (rules.dropSiteSameAsAuthor && item.author?.length === 1) {
    const author = item.author[0]!.literal
    if (author && sameName(author, item['container-title'])) delete prepared['container-title']
  }
  if (rules.english) applyEnglishRules(prepared, item, rules.english)
  return prepared
}

function gostDescription(item: CslItem): Partial<PreparedItem> {
  const russian = isRussianDescription(item)
  const fields: Partial<PreparedItem> = { language: russian ? 'ru' : 'en' }
  if (item.edition !== undefined) fields.edition = editionStatement(item.edition, russian)
  if (russian && item.editor) fields.editor = item.editor.map(genitiveName)
  if (russian && item.translator) fields.translator = item.translator.map(genitiveName)
  if (item.title && item.subtitle && !item['title-short'])
    fields['title-short'] = typographicQuotes(item.title, item.language)
  // CSL cannot tell a month without a day, which would print in the genitive ("2024. – марта").
  const date = firstDateParts(item.issued)
  if (date?.length === 2) fields.issued = { 'date-parts': [[date[0]!]] }
  return fields
}

/** Russian for Cyrillic-script languages; a language named in words ("russian") or none is read from the title. */
function isRussianDescription(item: CslItem): boolean {
  const primary = item.language?.toLowerCase().split(/[-_]/)[0]
  if (primary && primary.length <= 3) return CYRILLIC_LANGUAGES.has(primary)
  return CYRILLIC.test(item.title ?? item['container-title'] ?? '')
}

const ENGLISH_LANGUAGE = /^en\b/i
const ENTRY_TYPES = new Set(['entry-encyclopedia', 'entry-dictionary'])
const BOOK_PART_TYPES = new Set(['chapter', 'paper-conference'])

function applyEnglishRules(prepared: PreparedItem, item: CslItem, rules: EnglishRules): void {
  if (prepared.DOI) prepared.DOI = bareDoi(prepared.DOI)
  // The short form of a title is its main title, without the subtitle (Chicago's short notes, in-text titles).
  if (item.subtitle && item.title && !item['title-short'])
    prepared['title-short'] = typographicQuotes(item.title, item.language)
  // An entry's headword as the reference work prints it, for Chicago's "s.v." (title case is for titles).
  if (ENTRY_TYPES.has(item.type) && prepared.title && !item['title-short'])
    prepared['title-short'] = prepared.title
  const degree = thesisDegree(item.genre)
  const genre = degree && rules.thesisGenres?.[degree]
  if (item.type === 'thesis' && genre) prepared.genre = genre
  const groupAuthor = item.author?.length === 1 ? item.author[0]!.literal : undefined
  if (rules.dropPublisherSameAsAuthor && groupAuthor && sameName(groupAuthor, item.publisher))
    delete prepared.publisher
  if (rules.mlaPublishers && prepared.publisher) prepared.publisher = mlaPublisher(prepared.publisher)
  if (rules.chicagoTitleCase && (!item.language || ENGLISH_LANGUAGE.test(item.language))) {
    if (prepared.title && item.type !== 'software') prepared.title = chicagoTitleCase(prepared.title)
    if (prepared['title-short'] && !ENTRY_TYPES.has(item.type) && item.type !== 'software')
      prepared['title-short'] = chicagoTitleCase(prepared['title-short'])
    // The book a chapter or paper is in; the names of periodicals and sites stay as they are written.
    if (prepared['container-title'] && BOOK_PART_TYPES.has(item.type))
      prepared['container-title'] = chicagoTitleCase(prepared['container-title'])
    if (prepared['collection-title'])
      prepared['collection-title'] = chicagoTitleCase(prepared['collection-title'])
  }
}

function sameName(left: string, right: string | undefined): boolean {
  return left.toLocaleLowerCase() === right?.toLocaleLowerCase()
}

function contentHash(item: PreparedItem): string {
  return createHash('sha1').update(JSON.stringify(item)).digest('base64url').slice(0, 16)
}

const CYRILLIC = /\p{Script=Cyrillic}/u

function sortCyrillicFirst(items: PreparedItem[]): PreparedItem[] {
  const ru = new Intl.Collator('ru', { sensitivity: 'base', numeric: true })
  const en = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
  const keyOf = (item: PreparedItem): string => {
    const heading = item['original-author']?.[0]
    const text = heading ? `${heading.family ?? ''} ${heading.given ?? ''}` : (item.title ?? '')
    return text.replace(/^[^\p{L}\p{N}]+/u, '')
  }
  const keyed = items.map((item) => ({ item, key: keyOf(item) }))
  keyed.sort((left, right) => {
    const leftCyrillic = CYRILLIC.test(left.key.charAt(0)) ? 0 : 1
    const rightCyrillic = CYRILLIC.test(right.key.charAt(0)) ? 0 : 1
    if (leftCyrillic !== rightCyrillic) return leftCyrillic - rightCyrillic
    return (leftCyrillic === 0 ? ru : en).compare(left.key, right.key)
  })
  return keyed.map(({ item }) => item)
}
