import { z } from 'zod'
import { CSL_ITEM_TYPES } from './csl'
import { PAGE_KINDS } from './types'
import { cslItemPatchSchema, cslItemSchema } from './csl-schema'
import { ApiError } from './errors'

/**
 * The argument of every ArchiveApi method, as a zod schema: the one place a method's arguments are
 * written. The contract's argument types are inferred from these (api.ts), and every transport
 * validates incoming arguments with `parseArgs` before the engine sees them.
 */
const id = z.number().int().positive()
const tagName = z.string().trim().min(1).max(200)
const nullableText = z.string().max(10_000).nullable()
const empty = z.object({}).strict()
/** The date messages, so a failed call can say it is the `invalid-date` message. */
const DATE_MESSAGE_START = 'expected a date like'
const NOT_A_DAY = 'not a day of the calendar'
const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, `${DATE_MESSAGE_START} 2026, 2026-02 or 2026-02-07`)
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #3366cc')
  .nullable()
const collectionName = z.string().trim().min(1).max(200)
const searchText = z.string().max(1_000)

/** A real day of the calendar, "YYYY-MM-DD". */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${DATE_MESSAGE_START} 2026-11-27`)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  }, NOT_A_DAY)
const citeKind = z.enum(['news', 'webpage', 'blog', 'report', 'document'])
const citeStyleId = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\w.@-]+$/, 'expected a style id like apa or gost-r-7.0.100-2018')
const citeLocale = z.enum(['en-US', 'ru-RU'])
const citeFormat = z.enum(['text', 'html', 'markdown', 'bibtex', 'biblatex', 'ris', 'csl-json'])
const citationListIds = z.array(id).min(1).max(10_000)
const highlightColor = z.enum(['yellow', 'green', 'blue', 'pink', 'purple'])
const highlightNote = z.string().max(100_000).nullable()

/** Interface preferences: every field optional; also validates the stored file field by field. */
export const interfacePreferencesSchema = z
  .object({
    language: z.enum(['en', 'ru']).optional(),
    theme: z.enum(['light', 'sepia', 'night', 'system']).optional(),
    fontSize: z.number().int().min(8).max(64).optional(),
    readingFont: z.enum(['serif', 'sans']).optional(),
    lineWidth: z.enum(['narrow', 'medium', 'wide']).optional(),
    lineSpacing: z.enum(['compact', 'normal', 'loose']).optional(),
    /** The style new citation lists and the reader cite in (a style id). */
    citeStyle: z.string().trim().min(1).max(200).optional(),
    /** The language their references are written in. */
    citeLocale: z.enum(['en-US', 'ru-RU']).optional(),
  })
  .strict()

/** The library's filters, shared by listArticles, search, facets and saved searches. */
const articleFilterShape = {
  tags: z.array(tagName).max(100).optional(),
  tagMode: z.enum(['any', 'all']).optional(),
  site: z.string().max(10_000).nullable().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'expected a language code like en or ru')
    .nullable()
    .optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  read: z.boolean().optional(),
  hasNotes: z.boolean().optional(),
  collection: id.optional(),
  pageKind: z.enum(PAGE_KINDS).optional(),
}

const articlePatch = z
  .object({
    title: z.string().trim().min(1).max(2_000),
    subtitle: nullableText,
    authors: z.array(z.string().trim().min(1).max(500)).max(200),
    siteName: nullableText,
    section: nullableText,
    publishedAt: z
      .string()
      .regex(
        /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$/,
        'expected a date like 2026-02-07 or 2026-02-07T19:01',
      )
      .nullable(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'expected a language code like en or ru')
      .nullable(),
    url: z.url().max(8_000).nullable(),
    rights: nullableText,
    accessedAt: calendarDate.nullable(),
    citeKind: citeKind.nullable(),
    itemType: z.enum(CSL_ITEM_TYPES),
    item: cslItemPatchSchema,
    citationKey: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .regex(/^[^\s,{}%#~\\"]+$/, 'a citation key has no spaces, commas, braces, quotes or % # ~ \\')
      .nullable(),
  })
  .partial()
  .strict()

/** What an import does with an item the archive already holds. */
const duplicateChoice = z.enum(['skip', 'replace', 'keep'])

export const apiSchemas = {
  info: empty,
  /** Import files given as bytes; progress arrives as `importProgress` events. */
  importFiles: z
    .object({
      files: z
        .array(z.object({ name: z.string().min(1).max(4_096), dataBase64: z.base64() }).strict())
        .min(1),
      jobId: z.string().min(1).max(100).optional(),
      duplicates: duplicateChoice.optional(),
      /** Add everything the import brings in (duplicates included) to this citation list, creating it. */
      list: collectionName.optional(),
    })
    .strict(),
  /** Import files or folders on this machine's disk (desktop dialogs, CLI). */
  importPaths: z
    .object({
      paths: z.array(z.string().min(1).max(4_096)).min(1),
      recursive: z.boolean().optional(),
      jobId: z.string().min(1).max(100).optional(),
      duplicates: duplicateChoice.optional(),
      /** Add everything the import brings in (duplicates included) to this citation list, creating it. */
      list: collectionName.optional(),
    })
    .strict(),
  /** Store pasted text or HTML as an article. */
  importPaste: z
    .object({
      text: z.string().max(50_000_000),
      html: z.string().max(50_000_000).optional(),
      url: z.url().max(8_000).optional(),
      duplicates: duplicateChoice.optional(),
    })
    .strict()
    .refine((v) => v.text.trim() !== '' || (v.html ?? '').trim() !== '', 'the paste is empty'),
  cancelImport: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  /** The library's list a page at a time, with its total and, with `facets: true`, its counts. */
  listArticles: z
    .object({
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
      sort: z.enum(['addedAt', 'publishedAt', 'title', 'siteName', 'relevance']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      tag: tagName.optional(),
      query: searchText.optional(),
      /** Also return the counts `facets` gives for the same query and filters. */
      facets: z.boolean().optional(),
      ...articleFilterShape,
    })
    .strict(),
  getArticle: z.object({ id }).strict(),
  updateArticle: z.object({ id, patch: articlePatch }).strict(),
  deleteArticles: z.object({ ids: z.array(id).min(1) }).strict(),
  listTags: empty,
  tagArticles: z
    .object({
      ids: z.array(id).min(1),
      add: z.array(tagName).optional(),
      remove: z.array(tagName).optional(),
    })
    .strict()
    .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, 'give tags to add or remove'),
  search: z
    .object({
      query: searchText,
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional(),
      ...articleFilterShape,
    })
    .strict(),
  /** Counts for the current query and filters: in total, per tag, site, language, year, read state. */
  facets: z.object({ query: searchText.optional(), ...articleFilterShape }).strict(),
  /** Mark articles read (now) or unread. */
  setRead: z.object({ ids: z.array(id).min(1), read: z.boolean() }).strict(),
  /** Create a tag with no articles yet (it stays until deleted). Nested: "region/caucasus". */
  createTag: z.object({ name: tagName, color: color.optional() }).strict(),
  /** Rename a tag and move the tags nested under it along; conflict when the new name is taken. */
  renameTag: z.object({ name: tagName, newName: tagName }).strict(),
  /** Give the articles of `names` the tag `into` (created if needed) and delete `names`. */
  mergeTags: z.object({ names: z.array(tagName).min(1).max(1_000), into: tagName }).strict(),
  setTagColor: z.object({ name: tagName, color }).strict(),
  /** Delete a tag and the tags nested under it; the result undoes it through `restoreTag`. */
  deleteTag: z.object({ name: tagName }).strict(),
  restoreTag: z
    .object({
      tags: z.array(
        z
          .object({
            name: tagName,
            color,
            pinned: z.boolean(),
            articleIds: z.array(id),
          })
          .strict(),
      ),
    })
    .strict(),
  listCollections: empty,
  createCollection: z.object({ name: collectionName }).strict(),
  renameCollection: z.object({ id, name: collectionName }).strict(),
  /** Delete a collection (its articles stay in the archive). */
  deleteCollection: z.object({ id }).strict(),
  addToCollection: z.object({ id, articleIds: z.array(id).min(1) }).strict(),
  removeFromCollection: z.object({ id, articleIds: z.array(id).min(1) }).strict(),
  listSavedSearches: empty,
  /** Save a search under a name; saving under an existing name replaces that search. */
  saveSearch: z
    .object({
      name: collectionName,
      query: searchText,
      filters: z.object(articleFilterShape).strict().optional(),
    })
    .strict(),
  deleteSavedSearch: z.object({ id }).strict(),
  /**
   * Write a consistent copy of the whole archive to `file` (an absolute path to a new file; an
   * existing file is never overwritten), even while imports are running.
   */
  backupArchive: z.object({ file: z.string().trim().min(1).max(4_096) }).strict(),
  /**
   * Only while the archive is damaged (`info().damaged`): put the newest automatic backup that passes
   * the check in its place, keeping the damaged file beside it, and open it. Refused ('conflict') for
   * an archive that is not damaged.
   */
  restoreLatestBackup: empty,
  /** Citation lists with their item counts, by name. */
  listCitationLists: empty,
  /** A new empty list (style apa and locale en-US unless given); conflict when the name is taken. */
  createCitationList: z
    .object({ name: collectionName, style: citeStyleId.optional(), locale: citeLocale.optional() })
    .strict(),
  renameCitationList: z.object({ id, name: collectionName }).strict(),
  /** Delete a list (its articles stay in the archive). */
  deleteCitationList: z.object({ id }).strict(),
  /** The list with its articles in list order. */
  getCitationList: z.object({ id }).strict(),
  /** Append articles in the order given; ones already in the list stay where they are. */
  addToCitationList: z.object({ id, articleIds: citationListIds }).strict(),
  removeFromCitationList: z.object({ id, articleIds: citationListIds }).strict(),
  /** Put the list in this order: `articleIds` must hold every article of the list exactly once. */
  reorderCitationList: z.object({ id, articleIds: z.array(id).max(10_000) }).strict(),
  /** Order the list as its style (or the one given) orders a bibliography. */
  sortCitationList: z.object({ id, style: citeStyleId.optional(), locale: citeLocale.optional() }).strict(),
  setCitationListStyle: z.object({ id, style: citeStyleId, locale: citeLocale }).strict(),
  /**
   * Format articles (`ids`), a list (`listId`, in its own style and locale unless given) or CSL-JSON
   * items given as data (`items`); exactly one of the three. Defaults: apa, en-US, text.
   */
  formatCitations: z
    .object({
      ids: citationListIds.optional(),
      listId: id.optional(),
      items: z.array(cslItemSchema).min(1).max(10_000).optional(),
      style: citeStyleId.optional(),
      locale: citeLocale.optional(),
      format: citeFormat.optional(),
      /**
       * The in-text citation (or the note, for note styles) of each item in the order given, instead of
       * the bibliography: `ids` may repeat an article, as a text cites it again (numbers follow the first
       * citation; notes give the short or "ibid." form). Text, HTML or Markdown only.
       */
      citations: z.boolean().optional(),
    })
    .strict()
    .refine(
      (v) => [v.ids, v.listId, v.items].filter((source) => source !== undefined).length === 1,
      'give exactly one of ids, listId or items',
    )
    .refine(
      (v) => !v.citations || v.format === undefined || ['text', 'html', 'markdown'].includes(v.format),
      { message: 'citations come as text, html or markdown', path: ['format'] },
    ),
  /** The shipped styles, then the user's (from the archive folder's csl-styles). */
  listCiteStyles: empty,
  /** Check that `text` is a CSL style and keep it as a user style named after `name`; replaces one of that name. */
  addCiteStyle: z
    .object({ name: z.string().trim().min(1).max(200), text: z.string().min(1).max(5_000_000) })
    .strict(),
  /** Add the references of a BibTeX, RIS or CSL-JSON file as metadata-only articles (format "reference"). */
  importReferences: z.object({ name: z.string().trim().min(1).max(4_096), dataBase64: z.base64() }).strict(),
  /** The article's highlights in text order (orphaned ones last). */
  /**
   * Give an item (a reference read from a file, or a page) a reading copy: the file is extracted and
   * becomes the item's original; the item's record, tags, lists and notes stay.
   */
  attachFile: z.object({ id, name: z.string().trim().min(1).max(4_096), dataBase64: z.base64() }).strict(),
  listHighlights: z.object({ articleId: id }).strict(),
  /**
   * Highlight a passage: the quote with the text around it as the reader saw it; the engine finds
   * it in contentText and stores the context from there.
   */
  addHighlight: z
    .object({
      articleId: id,
      quote: z
        .string()
        .max(100_000)
        .refine((v) => v.trim() !== '', 'the quote is empty'),
      prefix: z.string().max(2_000),
      suffix: z.string().max(2_000),
      textOffset: z.number().int().min(0).nullable().optional(),
      color: highlightColor,
      note: highlightNote.optional(),
    })
    .strict(),
  updateHighlight: z
    .object({ id, color: highlightColor.optional(), note: highlightNote.optional() })
    .strict(),
  deleteHighlight: z.object({ id }).strict(),
  setFavourite: z.object({ ids: z.array(id).min(1).max(10_000), favourite: z.boolean() }).strict(),
  /** Remember how far the reader got (0..1); also records when it was last read. */
  setReadingProgress: z.object({ id, progress: z.number().min(0).max(1) }).strict(),
  /** Run extraction again on the kept original; id, tags and highlights stay (highlights re-anchored). */
  reextractArticle: z.object({ id }).strict(),
  /** The article's highlights and notes as a Markdown document, with its reference in `style`. */
  exportNotesMarkdown: z
    .object({ articleId: id, style: citeStyleId.optional(), locale: citeLocale.optional() })
    .strict(),
  /** Articles per month of publication ("2026-02"), oldest first; undated ones as one null entry. */
  articlesPerMonth: empty,
  /** The interface preferences kept in the archive folder ({} until something is chosen). */
  getPreferences: empty,
  /** Merge `patch` into the stored preferences; returns all of them. */
  setPreferences: z.object({ patch: interfacePreferencesSchema }).strict(),
}

export type ApiMethod = keyof typeof apiSchemas

/** What a caller passes to `method`. */
export type ApiArgs<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>

/** What the engine receives for `method` once `parseArgs` has checked (and trimmed) it. */
export type ApiParsedArgs<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]>

/** Every method, in the order of `apiSchemas`: drives the IPC handlers, the HTTP routes and the clients. */
export const API_METHODS = Object.keys(apiSchemas) as ApiMethod[]

/** Validate one call's argument; throws ApiError('invalid-arguments') naming the method and the field. */
export function parseArgs<M extends ApiMethod>(method: M, args: unknown): ApiParsedArgs<M> {
  const schema = apiSchemas[method] as unknown as z.ZodType<ApiParsedArgs<M>>
  const result = schema.safeParse(args ?? {})
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'argument'}: ${issue.message}`)
      .join('; ')
    const badDate = result.error.issues.find(
      (issue) => issue.message.startsWith(DATE_MESSAGE_START) || issue.message === NOT_A_DAY,
    )
    throw new ApiError(
      'invalid-arguments',
      `${method}: ${details}`,
      badDate ? { messageKey: 'invalid-date', params: { field: badDate.path.join('.') } } : undefined,
    )
  }
  return result.data
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name)
}
