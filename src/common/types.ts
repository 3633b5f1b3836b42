/**
 * Data shapes shared by the engine, every transport and the renderer.
 * Plain data only: everything here must survive JSON and structured clone.
 */
import type { CslItem, CslItemType } from './csl'
import type { MessageKey, MessageParams } from './errors'
import type { SkipReason } from './import-kinds'

export type { SkipReason } from './import-kinds'

/** What the importer recognised a file as. */
export type SourceFormat = 'html' | 'mhtml' | 'singlefile' | 'text' | 'pdf' | 'paste-text' | 'paste-html'

/**
 * Where an article came from: an imported page (SourceFormat), or 'reference': metadata only, from a
 * BibTeX, RIS or CSL-JSON file (`importReferences`), with no page text.
 */
export type ArticleFormat = SourceFormat | 'reference'

/**
 * What kind of page a saved page is, as the extractor recognised it from the page itself: one article
 * (news, a blog post, an essay), a forum or Q&A thread, documentation or a wiki article, a listing or
 * collection of items (a category, search results, a shop's range), one product, or a service page (a
 * company's or a tool's own page about what it offers).
 */
export const PAGE_KINDS = ['article', 'forum', 'documentation', 'listing', 'product', 'service'] as const
export type PageKind = (typeof PAGE_KINDS)[number]

/** What `lectern extract` prints and what import stores for one file. */
export interface ExtractedArticle {
  format: SourceFormat
  title: string
  subtitle: string | null
  authors: string[]
  siteName: string | null
  section: string | null
  /** As the page states it (ISO 8601, no invented time zone): "2026-02-07T19:01" or "2026-02-07". */
  publishedAt: string | null
  /** ISO 639-1 code, or null when undetermined. */
  language: string | null
  url: string | null
  excerpt: string | null
  rights: string | null
  wordCount: number
  /** Paragraphs separated by one blank line. */
  contentText: string
  /** Sanitised reading copy. */
  contentHtml: string
  warnings: string[]
  /** The kind of page an HTML page was recognised as; null for text copies, PDFs and pastes. */
  pageKind?: PageKind | null
  /**
   * What the page says of itself as a publication, beyond the fields above (a paper's DOI, journal,
   * volume, issue and pages; its kind): the import keeps it in the article's bibliographic item.
   */
  bibliographic?: Partial<Omit<CslItem, 'id'>>
}

export type SortField = 'addedAt' | 'publishedAt' | 'title' | 'siteName'
export type SortOrder = 'asc' | 'desc'

export interface ArticleSummary {
  id: number
  title: string
  subtitle: string | null
  authors: string[]
  siteName: string | null
  section: string | null
  publishedAt: string | null
  language: string | null
  url: string | null
  excerpt: string | null
  wordCount: number
  format: ArticleFormat
  /** ISO 8601 UTC timestamp of the import. */
  addedAt: string
  updatedAt: string
  tags: string[]
  /** When the reader marked it read (ISO 8601 UTC); null while unread. */
  readAt?: string | null
  /** What kind of source it is, as citations describe it (a CSL item type: webpage, book, chapter…). */
  itemType: CslItemType
  /** What kind of page it was recognised as when it was extracted (null: not a page, or not recognised). */
  pageKind?: PageKind | null
}

export interface Article extends ArticleSummary {
  rights: string | null
  contentText: string
  contentHtml: string
  /** File name the article was imported from (null for a paste). */
  sourceName: string | null
  /** SHA-256 (hex) of the original bytes kept in the archive. */
  originalSha256: string
  warnings: string[]
  /** The date the user accessed the page ("2026-11-27"); null: citations use the import date. */
  accessedAt?: string | null
  /** How citations describe it; null: guessed from section, URL and format. */
  citeKind?: CiteKind | null
  /** Starred by the user. */
  favourite?: boolean
  /** 0..1: how far the reader got (scroll position). */
  readingProgress?: number
  /** When the reader last had it open (ISO 8601 UTC). */
  lastReadAt?: string | null
  /** The bibliographic item: every CSL variable citations use (its id is the article's id). */
  item: CslItem
  /** The citation key kept from a reference file or set by the user; null: exports make one up. */
  citationKey: string | null
}

/** The library's filters; every one given must hold. */
export interface ArticleFilter {
  /** Tag names; a tag also selects the tags nested under it ("region" includes "region/caucasus"). */
  tags?: string[]
  /** 'any' (default): an article with at least one of `tags`; 'all': with every one. */
  tagMode?: 'any' | 'all'
  /** Exact site name; null selects articles without one. */
  site?: string | null
  /** ISO 639-1 code; null selects articles whose language is unknown. */
  language?: string | null
  /** Published on or after this date ("2026", "2026-02" or "2026-02-07"). */
  dateFrom?: string
  /** Published on or before this date (the whole period: "2026-02" runs to the end of February). */
  dateTo?: string
  /** true: only read articles; false: only unread ones. */
  read?: boolean
  /** true: only articles with at least one highlight (with or without a note); false: only those without. */
  hasNotes?: boolean
  /** Only articles in this collection. */
  collection?: number
  /** Only pages recognised as this kind (a forum thread, documentation…). */
  pageKind?: PageKind
}

/** The library list's orders: a field, or 'relevance', the order `search` gives its hits. */
export type ListSort = SortField | 'relevance'

export interface ListQuery extends ArticleFilter {
  offset?: number
  limit?: number
  /**
   * 'relevance': best match first, ranked as `search` ranks (items carry a snippet and a score);
   * without words to rank by, the newest published first. Default 'addedAt'.
   */
  sort?: ListSort
  /** Ignored for 'relevance'. */
  order?: SortOrder
  tag?: string
  /** A search-language query (see SearchQuery) that narrows the list; the list keeps its sort. */
  query?: string
  /** Also count the selection per filter value (`ListPage.facets`), from the same selection. */
  facets?: boolean
}

/** A row of the library list; sorted by relevance it also has what a search hit has. */
export interface ListItem extends ArticleSummary {
  /** As SearchHit.snippet. */
  snippet?: string
  score?: number
}

export interface ListPage {
  items: ListItem[]
  /** How many articles the query and filters select. */
  total: number
  /**
   * With `facets: true`: what `facets` answers for the same query and filters. Left out while a
   * large archive's counts are still loading in the engine: then `facets` answers them, once ready.
   */
  facets?: Facets
}

export interface ArticlePatch {
  title?: string
  subtitle?: string | null
  authors?: string[]
  siteName?: string | null
  section?: string | null
  publishedAt?: string | null
  language?: string | null
  url?: string | null
  rights?: string | null
}

/** The citation fields `updateArticle` also takes (stored apart from the extracted fields). */
export interface ArticleCitationPatch {
  /** "YYYY-MM-DD", or null to fall back to the import date. */
  accessedAt?: string | null
  citeKind?: CiteKind | null
  /** The kind of source (a CSL item type). */
  itemType?: CslItemType
  /** CSL variables to set on the item (volume, page, DOI, editor…); null removes one. */
  item?: CslItemPatch
  citationKey?: string | null
}

/** A change to an item's CSL variables: each given variable is set, or removed when null. */
export type CslItemPatch = { [variable: string]: unknown }

export interface TagCount {
  /** The full path: "region/caucasus". */
  name: string
  /** Articles carrying this very tag. */
  count: number
  /** Articles carrying this tag or one nested under it. */
  total?: number
  /** The parent's full path ("region" for "region/caucasus"); null at the top. */
  parent?: string | null
  /** "#rrggbb", or null. */
  color?: string | null
}

/** One deleted tag, as `deleteTag` reports it so that `restoreTag` can undo the deletion. */
export interface DeletedTag {
  name: string
  color: string | null
  pinned: boolean
  articleIds: number[]
}

export interface TagUndo {
  tags: DeletedTag[]
}

export interface FacetCount {
  /** The site name, language code, year or page kind; null for articles without one. */
  value: string | null
  count: number
}

/** How many articles the current query and filters select, in total and per filter value. */
export interface Facets {
  total: number
  /** Per tag (descendants counted in their parents' `total`), in tree order. */
  tags: TagCount[]
  sites: FacetCount[]
  languages: FacetCount[]
  /** Per publication year ("2026"); null for undated articles. */
  years: FacetCount[]
  /** Per kind of page (a PageKind); null for what is not a recognised page (text copies, PDFs, references). */
  pageKinds: FacetCount[]
  read: number
  unread: number
  /** Articles with at least one highlight or note. */
  withNotes: number
  withoutNotes: number
}

export interface FacetQuery extends ArticleFilter {
  /** A search-language query; absent or empty means every article. */
  query?: string
}

export interface Collection {
  id: number
  name: string
  count: number
  createdAt: string
}

export interface SavedSearch {
  id: number
  name: string
  query: string
  filters: ArticleFilter
  createdAt: string
}

/**
 * A search in the query language: words (every one must match, in any inflection), "phrases",
 * prefix*, OR / ИЛИ, -word / NOT / НЕ, (groups), title: author: site: fields, and the filters
 * tag: lang: before: after: is:read / is:unread, has:notes. The ArticleFilter fields narrow it further.
 * Hits come best first (bm25, title over body); when more than 10 000 articles match, the
 * 10 000 most recently added matches are the ones ranked. A query of filters only lists the
 * newest published first, with score 0.
 */
export interface SearchQuery extends ArticleFilter {
  query: string
  limit?: number
  offset?: number
}

export interface SearchHit {
  id: number
  title: string
  siteName: string | null
  publishedAt: string | null
  /** Plain text with matches wrapped in U+0002 ... U+0003 (render as <mark>, never as HTML). */
  snippet: string
  score: number
}

/** A file handed over as bytes (file picker, drag and drop, the browser host). */
export interface FileUpload {
  name: string
  /** The file's bytes, base64-encoded. */
  dataBase64: string
}

/** 'skipped': not a page or a reference file (an image, a licence text, data...); see `skipReason`. */
export type ImportStatus = 'imported' | 'duplicate' | 'skipped' | 'failed'

/** What an import does with an item the archive already holds: report it, update it in place, or add it again. */
export type DuplicateChoice = 'skip' | 'replace' | 'keep'

/** How an item matched an article already in the archive. */
export type DuplicateReason = 'same-file' | 'same-url' | 'similar-text'

export interface ImportItemResult {
  /** The file name or path as given; "clipboard" for a paste. */
  file: string
  /** For an entry of a reference file: its citation key, or its place in the file ("entry 3"). */
  entry?: string
  /** What was noticed but did not stop the import (an undefined @string macro, a repeated field). */
  warnings?: string[]
  status: ImportStatus
  id?: number
  duplicateOf?: number
  duplicateReason?: DuplicateReason
  /** For 'similar-text': the estimated share of shared word sequences, 0..1. */
  similarity?: number
  /** With `duplicates: 'replace'`: the item updated article `id` in place (status 'imported'). */
  replaced?: boolean
  title?: string
  /** Why it failed, in words a user understands. */
  error?: string
  /** Which message `error` is, for a window in another language (see MESSAGE_KEYS). */
  messageKey?: MessageKey
  params?: MessageParams
  /** Why it was skipped, as a code to count and translate... */
  skipReason?: SkipReason
  /** ...and in words ("a licence text, not a saved page"). */
  reason?: string
}

export interface ImportReport {
  jobId: string
  items: ImportItemResult[]
  imported: number
  duplicates: number
  failed: number
  /** Files that are not pages or reference files, counted by reason below. */
  skipped: number
  skippedByReason: Partial<Record<SkipReason, number>>
  /** Folders met inside the given folders and not entered, because the import was not recursive. */
  foldersNotEntered: string[]
  cancelled: boolean
  /** The citation list the import added its items to (`list`), created when it did not exist. */
  list?: { id: number; name: string }
  /**
   * Set when the archive could not be written any more (a full disk, or a damaged archive file): the
   * batch stopped at `file`, whose failed line says why, and the files after it were not read.
   * Everything stored before it is intact.
   */
  stopped?: ImportStop
}

export interface ImportStop {
  /** The file (or paste) the import was storing when it stopped. */
  file: string
  code: 'storage-full' | 'damaged'
  /** Files of the batch after it, not imported. */
  notImported: number
}

export interface PasteInput {
  text: string
  html?: string
  url?: string
}

/** Progress of a long import, sent as an event on every transport. */
export interface ImportProgress {
  jobId: string
  done: number
  total: number
  current: string | null
  imported: number
  duplicates: number
  failed: number
  skipped: number
  finished: boolean
}

/** Commands from the desktop menu to the window. */
export type AppCommand =
  | { kind: 'import-files' }
  | { kind: 'paste-article' }
  | { kind: 'toggle-theme' }
  | { kind: 'set-language'; language: 'en' | 'ru' }
  | { kind: 'font-size'; step: 1 | -1 | 0 }
  | { kind: 'open-article'; id: number }
  /** Help > Keyboard Shortcuts: the window shows its shortcuts sheet. */
  | { kind: 'show-shortcuts' }

export interface ArchiveInfo {
  path: string
  /** 0 while the archive is damaged (nothing of it is read then). */
  articleCount: number
  schemaVersion: number
  version: string
  /**
   * Set when the archive file is damaged: nothing is read from it or written to it until a backup
   * is restored (`restoreLatestBackup`). Every other method fails with the 'damaged' error then.
   */
  damaged?: ArchiveDamageInfo
}

/** How an archive file is damaged, for words in the window's language. */
export type DamageCause = 'not-a-database' | 'cut-short' | 'malformed' | 'unreadable'

export interface ArchiveDamageInfo {
  /** The damaged archive file, left as it is. */
  file: string
  cause: DamageCause
  /** What is wrong, in plain English words (the detail behind `cause`). */
  problem: string
  /** The newest automatic backup that passes the check; absent when there is none. */
  backup?: BackupSummary
}

/** An automatic backup in the archive's backups folder. */
export interface BackupSummary {
  file: string
  /** ISO 8601 UTC time the backup was made. */
  createdAt: string
  articleCount: number
}

/** What `restoreLatestBackup` did. */
export interface BackupRestore {
  /** The backup now in place. */
  backup: BackupSummary
  /** The archive file as it was, kept beside it (the damaged file, untouched); null when there was none. */
  previousCopy: string | null
}

/** A consistent copy of the archive written by `backupArchive` (a complete Lectern archive file). */
export interface BackupResult {
  /** Absolute path of the new backup file. */
  file: string
  bytes: number
  schemaVersion: number
  articleCount: number
  /** ISO 8601 UTC time the copy was finished. */
  createdAt: string
}

/** What kind of source a citation describes (CSL: article-newspaper, webpage, post-weblog, report, document). */
export type CiteKind = 'news' | 'webpage' | 'blog' | 'report' | 'document'
export type CiteLocale = 'en-US' | 'ru-RU'
/** text: one reference per line; html: `<div class="csl-entry">` per reference; markdown: a paragraph each. */
export type CiteFormat = 'text' | 'html' | 'markdown' | 'bibtex' | 'biblatex' | 'ris' | 'csl-json'

export interface CitationList {
  id: number
  name: string
  /** A style id from `listCiteStyles`. */
  style: string
  locale: CiteLocale
  count: number
  createdAt: string
  updatedAt: string
}

/** One article of a citation list, with the fields its citation is made from. */
export interface CitationListItem extends ArticleSummary {
  /** 0-based place in the list. */
  position: number
  accessedAt: string | null
  citeKind: CiteKind | null
}

export interface CitationListDetail extends CitationList {
  /** In list order. */
  items: CitationListItem[]
}

export interface CiteStyle {
  /** What `style` arguments and `--style` take: "apa", "gost-r-7.0.100-2018", or a user style's name. */
  id: string
  title: string
  /** false for styles the user added (`addCiteStyle`). */
  builtIn: boolean
}

/**
 * A CSL-JSON item given as data (not from the archive): `id`, `type` ("article-newspaper", "webpage",
 * ...), `title`, `author` [{family, given} | {literal}], `container-title`, `issued` {"date-parts"},
 * `accessed`, `URL`, `language`, and any other CSL variable.
 */
export interface CslItemData {
  id: string | number
  type?: string
  title?: string
  [variable: string]: unknown
}

/** What a reference lacks that its style guide prints for its kind of source. */
export type CitationWarningField =
  'author' | 'date' | 'url' | 'title' | 'container' | 'volume' | 'pages' | 'publisher' | 'place' | 'accessed'

export interface CitationWarning {
  /** The article id, or the CSL item's id for items given as data. */
  id: number | string
  field: CitationWarningField
  message: string
}

export interface FormattedCitations {
  /** The whole export (text: one reference per line, ending with a newline). */
  output: string
  /** One reference per item in the order of `output` (the style's order for text, html and markdown). */
  entries: string[]
  /** The article id (or the given item's id) behind each of `entries`. */
  entryIds: (number | string)[]
  /** Missing fields a style guide expects, per article. */
  warnings: CitationWarning[]
}

/** `importReferences`: one item per reference in the file; the file itself is kept as the original. */
export interface ReferenceImportReport extends ImportReport {
  /** What the file was read as. */
  format: 'bibtex' | 'ris' | 'csl-json'
}

/** Highlight colours; the reader gives each a tint that reads well in every theme. */
export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple'

/**
 * A highlighted passage of an article with an optional note. It is anchored by its quote and the
 * text around it (from contentText), so it is found again after the article is re-extracted.
 */
export interface Highlight {
  id: number
  articleId: number
  color: HighlightColor
  quote: string
  /** Up to ~48 characters of contentText before the quote (whitespace collapsed). */
  prefix: string
  suffix: string
  /** Where the quote starts in contentText: a hint for finding it again. */
  textOffset: number | null
  note: string | null
  /** True when the quote is no longer in the article's text (kept, shown apart). */
  orphaned: boolean
  createdAt: string
  updatedAt: string
}

/** What `reextractArticle` did to one article. */
export interface ReextractResult {
  id: number
  title: string
  /** Highlights found again / kept but no longer in the text. */
  highlightsAnchored: number
  highlightsOrphaned: number
  warnings: string[]
}

/** Favourite flag and reading state of one article (Article carries them too). */
export interface ReadingState {
  id: number
  favourite: boolean
  /** 0..1: how far the reader has scrolled. */
  readingProgress: number
  /** ISO 8601 UTC; null when never opened. */
  lastReadAt: string | null
}

/**
 * How the interface looks, kept in the archive folder so every host (desktop window, its menu,
 * the browser host) agrees. Every field is optional: absent means "not chosen yet".
 */
export interface InterfacePreferences {
  language?: 'en' | 'ru'
  /** 'system' follows the operating system's light or dark preference. */
  theme?: 'light' | 'sepia' | 'night' | 'system'
  /** Reading text size in CSS pixels. */
  fontSize?: number
  readingFont?: 'serif' | 'sans'
  lineWidth?: 'narrow' | 'medium' | 'wide'
  lineSpacing?: 'compact' | 'normal' | 'loose'
  /** The default citation style (a style id); unset: GOST R 7.0.100-2018 for Russian, APA otherwise. */
  citeStyle?: string
  /** The default language of references; unset: the interface's. */
  citeLocale?: CiteLocale
}
