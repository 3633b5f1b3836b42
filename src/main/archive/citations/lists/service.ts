/**
 * The citation side of the Archive facade: citation lists, formatting, user styles, reference import,
 * and the citation fields of articles. Arguments arrive validated (src/common/schema.ts).
 */
import { join } from 'node:path'
import { ApiError, type ApiArgs, type ApiResults, type ArchiveEvents } from '../../../../common/api'
import type {
  ArticleCitationPatch,
  ArticlePatch,
  CitationList,
  CiteLocale,
  CiteStyle,
  CslItemData,
} from '../../../../common/types'
import { CiteError, importReferences } from '../index'
import type { Database } from '../../db/database'
import { CitationFormatter, type CitationInput } from './formatter'
import * as store from './store'
import { storeUserStyle, USER_STYLES_FOLDER } from '../styles/user-styles'

export const DEFAULT_CITE_STYLE = 'apa'
export const DEFAULT_CITE_LOCALE: CiteLocale = 'en-US'

type ChangeSink = (change: ArchiveEvents['archiveChanged']) => void

export class CitationService {
  private readonly stylesDir: string
  private readonly formatter: CitationFormatter

  constructor(
    private readonly db: Database,
    archiveDir: string,
    private readonly changed: ChangeSink,
    options: { cslDir?: string } = {},
  ) {
    this.stylesDir = join(archiveDir, USER_STYLES_FOLDER)
    this.formatter = new CitationFormatter([this.stylesDir], options.cslDir)
  }

  listLists(): Promise<CitationList[]> {
    return store.listLists(this.db)
  }

  async createList(args: ApiArgs<'createCitationList'>): Promise<ApiResults['createCitationList']> {
    const style = args.style ?? DEFAULT_CITE_STYLE
    this.formatter.requireStyle(style)
    const list = await this.db.transaction(() =>
      store.createList(
        this.db,
        { name: args.name, style, locale: args.locale ?? DEFAULT_CITE_LOCALE },
        new Date().toISOString(),
      ),
    )
    this.changed({ reason: 'citationLists' })
    return list
  }

  /** The list called `name` (the case of letters aside), created with the default style when missing. */
  async listNamed(name: string): Promise<CitationList> {
    const existing = (await store.listLists(this.db)).find(
      (list) => list.name.toLowerCase() === name.trim().toLowerCase(),
    )
    return existing ?? this.createList({ name: name.trim() })
  }

  async renameList(args: ApiArgs<'renameCitationList'>): Promise<ApiResults['renameCitationList']> {
    const list = await this.db.transaction(() =>
      store.renameList(this.db, args.id, args.name, new Date().toISOString()),
    )
    this.changed({ reason: 'citationLists' })
    return list
  }

  async deleteList(args: ApiArgs<'deleteCitationList'>): Promise<ApiResults['deleteCitationList']> {
    const deleted = await store.deleteList(this.db, args.id)
    if (deleted) this.changed({ reason: 'citationLists' })
    return { deleted }
  }

  getList(args: ApiArgs<'getCitationList'>): Promise<ApiResults['getCitationList']> {
    return this.db.exclusive(async () => {
      const list = await store.getList(this.db, args.id)
      return { ...list, items: await store.listItems(this.db, args.id) }
    })
  }

  async addToList(args: ApiArgs<'addToCitationList'>): Promise<ApiResults['addToCitationList']> {
    const added = await this.db.transaction(async () => {
      await store.getList(this.db, args.id)
      await store.citationItems(this.db, args.articleIds)
      return store.appendToList(this.db, args.id, args.articleIds, new Date().toISOString())
    })
    if (added.length > 0) this.changed({ reason: 'citationLists', ids: added })
    return { changed: added.length }
  }

  async removeFromList(
    args: ApiArgs<'removeFromCitationList'>,
  ): Promise<ApiResults['removeFromCitationList']> {
    const removed = await this.db.transaction(async () => {
      await store.getList(this.db, args.id)
      return store.removeFromList(this.db, args.id, args.articleIds, new Date().toISOString())
    })
    if (removed.length > 0) this.changed({ reason: 'citationLists', ids: removed })
    return { changed: removed.length }
  }

  async reorderList(args: ApiArgs<'reorderCitationList'>): Promise<ApiResults['reorderCitationList']> {
    await this.db.transaction(async () => {
      await store.getList(this.db, args.id)
      const current = await store.listArticleIds(this.db, args.id)
      const given = new Set(args.articleIds)
      const missing = current.filter((id) => !given.has(id))
      const extra = args.articleIds.filter((id) => !current.includes(id))
      if (given.size !== args.articleIds.length || missing.length > 0 || extra.length > 0)
        throw new ApiError(
          'invalid-arguments',
          'reorderCitationList: articleIds must list every article of the list exactly once' +
            (missing.length > 0 ? `; missing ${missing.join(', ')}` : '') +
            (extra.length > 0 ? `; not in the list: ${extra.join(', ')}` : '') +
            (given.size !== args.articleIds.length ? '; an id is repeated' : ''),
        )
      await store.writeOrder(this.db, args.id, args.articleIds)
      await store.touch(this.db, args.id, new Date().toISOString())
    })
    this.changed({ reason: 'citationLists' })
    return this.getList({ id: args.id })
  }

  async sortList(args: ApiArgs<'sortCitationList'>): Promise<ApiResults['sortCitationList']> {
    await this.db.transaction(async () => {
      const list = await store.getList(this.db, args.id)
      const style = args.style ?? list.style
      this.formatter.requireStyle(style)
      const inputs = await this.inputsForArticles(await store.listArticleIds(this.db, args.id))
      const order = this.formatter.styleOrder(inputs, style, args.locale ?? list.locale) as number[]
      await store.writeOrder(this.db, args.id, order)
      await store.touch(this.db, args.id, new Date().toISOString())
    })
    this.changed({ reason: 'citationLists' })
    return this.getList({ id: args.id })
  }

  async setListStyle(args: ApiArgs<'setCitationListStyle'>): Promise<ApiResults['setCitationListStyle']> {
    this.formatter.requireStyle(args.style)
    const list = await this.db.transaction(() =>
      store.setListStyle(this.db, args.id, args.style, args.locale, new Date().toISOString()),
    )
    this.changed({ reason: 'citationLists' })
    return list
  }

  async formatCitations(args: ApiArgs<'formatCitations'>): Promise<ApiResults['formatCitations']> {
    let style = args.style
    let locale = args.locale
    let inputs: CitationInput[]
    if (args.items) {
      inputs = itemsAsInputs(args.items)
    } else {
      const { ids, listStyle } = await this.db.exclusive(async () => {
        // Citations follow the text, which may cite an article again; a bibliography lists it once.
        if (args.listId === undefined)
          return {
            ids: args.citations ? (args.ids ?? []) : [...new Set(args.ids ?? [])],
            listStyle: undefined,
          }
        const list = await store.getList(this.db, args.listId)
        return { ids: await store.listArticleIds(this.db, args.listId), listStyle: list }
      })
      style ??= listStyle?.style
      locale ??= listStyle?.locale
      inputs = await this.inputsForArticles(ids)
    }
    style ??= DEFAULT_CITE_STYLE
    this.formatter.requireStyle(style)
    return this.formatter.format(inputs, {
      style,
      locale: locale ?? DEFAULT_CITE_LOCALE,
      format: args.format ?? 'text',
      citations: args.citations ?? false,
    })
  }

  listStyles(): CiteStyle[] {
    return this.formatter.listStyles()
  }

  async addStyle(args: ApiArgs<'addCiteStyle'>): Promise<ApiResults['addCiteStyle']> {
    const builtIn = new Set(
      this.formatter
        .listStyles()
        .filter((style) => style.builtIn)
        .map((style) => style.id),
    )
    const id = await storeUserStyle(this.stylesDir, builtIn, args.name, args.text)
    // citeproc engines keep the style text they were built from; a replaced style needs new ones.
    this.formatter.reset()
    const style = this.formatter.listStyles().find((known) => known.id === id)
    if (!style) throw new ApiError('internal', `the style "${id}" was stored but cannot be read back`)
    this.changed({ reason: 'citeStyles' })
    return style
  }

  /** Writes the citation fields of a patch; call inside the transaction that updates the article. */
  async updateCitationFields(id: number, patch: ArticleCitationPatch): Promise<boolean> {
    return store.updateArticleCitationFields(
      this.db,
      id,
      { accessedAt: patch.accessedAt, citeKind: patch.citeKind },
      new Date().toISOString(),
    )
  }

  private async inputsForArticles(ids: readonly number[]): Promise<CitationInput[]> {
    const items = await store.citationItems(this.db, [...new Set(ids)])
    const byId = new Map(items.map((item) => [Number(item.id), item]))
    return ids.map((id) => ({ key: id, item: byId.get(id)! }))
  }
}

/** Items given as data go through the CSL-JSON reader, which fills in ids and types the same way. */
function itemsAsInputs(items: readonly CslItemData[]): CitationInput[] {
  let parsed: ReturnType<typeof importReferences>
  try {
    parsed = importReferences('items.json', JSON.stringify(items))
  } catch (error) {
    if (error instanceof CiteError) throw new ApiError('invalid-arguments', error.message)
    throw error
  }
  if (parsed.problems.length > 0)
    throw new ApiError(
      'invalid-arguments',
      `formatCitations: ${parsed.problems.map((problem) => problem.message).join('; ')}`,
    )
  return parsed.items.map((item) => ({ key: item.id, item }))
}

/** The citation fields of an ArticlePatch (kept in their own columns for pages), split from the rest. */
export function splitCitationPatch(patch: ArticlePatch & ArticleCitationPatch): {
  rest: ArticlePatch
  citation: ArticleCitationPatch | null
} {
  const { accessedAt, citeKind, itemType: _type, item: _item, citationKey: _key, ...rest } = patch
  if (accessedAt === undefined && citeKind === undefined) return { rest, citation: null }
  const citation: ArticleCitationPatch = {}
  if (accessedAt !== undefined) citation.accessedAt = accessedAt
  if (citeKind !== undefined) citation.citeKind = citeKind
  return { rest, citation }
}
