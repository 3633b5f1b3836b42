/**
 * Data shapes shared by the engine, every transport and the renderer.
 * Plain data only: everything here must survive JSON and structured clone.
 */

/** What the importer recognised a file as. */
export type SourceFormat = 'html' | 'mhtml' | 'singlefile' | 'text' | 'pdf' | 'paste-text' | 'paste-html'

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
  format: SourceFormat
  /** ISO 8601 UTC timestamp of the import. */
  addedAt: string
  updatedAt: string
  tags: string[]
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
}

export interface ListQuery {
  offset?: number
  limit?: number
  sort?: SortField
  order?: SortOrder
  tag?: string
}

export interface ListPage {
  items: ArticleSummary[]
  total: number
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

export interface TagCount {
  name: string
  count: number
}

export interface SearchQuery {
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

export type ImportStatus = 'imported' | 'duplicate' | 'failed'

export interface ImportItemResult {
  /** The file name or path as given; "clipboard" for a paste. */
  file: string
  status: ImportStatus
  id?: number
  duplicateOf?: number
  title?: string
  /** Why it failed, in words a user understands. */
  error?: string
}

export interface ImportReport {
  jobId: string
  items: ImportItemResult[]
  imported: number
  duplicates: number
  failed: number
  cancelled: boolean
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

export interface ArchiveInfo {
  path: string
  articleCount: number
  schemaVersion: number
  version: string
}
