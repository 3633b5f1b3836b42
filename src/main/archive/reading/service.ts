import { ApiError, type ApiArgs, type ApiResults, type ArchiveEvents } from '../../../common/api'
import type { ReadingState } from '../../../common/types'
import { existingArticleIds } from '../db/articles'
import type { Database } from '../db/database'
import * as store from './store'

/** Favourites and reading progress of one archive. */
export class ReadingService {
  constructor(
    private readonly db: Database,
    private readonly changed: (change: ArchiveEvents['archiveChanged']) => void,
  ) {}

  async setFavourite(args: ApiArgs<'setFavourite'>): Promise<ApiResults['setFavourite']> {
    const changed = await this.db.transaction(async () => {
      const found = new Set(await existingArticleIds(this.db, args.ids))
      const missing = args.ids.filter((id) => !found.has(id))
      if (missing.length > 0) throw notFound(missing)
      return store.setFavourite(this.db, args.ids, args.favourite)
    })
    if (changed.length > 0) this.changed({ reason: 'favourite', ids: changed })
    return { changed: changed.length }
  }

  /** Saved quietly (no archiveChanged): it changes on every scroll and no view lists it. */
  async setReadingProgress(args: ApiArgs<'setReadingProgress'>): Promise<ApiResults['setReadingProgress']> {
    return this.db.transaction(async () => {
      if (!(await store.setReadingProgress(this.db, args.id, args.progress, new Date().toISOString())))
        throw notFound([args.id])
      return (await store.readingState(this.db, args.id)) as ReadingState
    })
  }

  readingState(id: number): Promise<ReadingState | undefined> {
    return store.readingState(this.db, id)
  }
}

function notFound(ids: readonly number[]): ApiError {
  return new ApiError(
    'not-found',
    ids.length === 1 ? `no article with id ${ids[0]}` : `no articles with ids ${ids.join(', ')}`,
    { messageKey: 'article-not-found', params: { ids: ids.join(', ') } },
  )
}
