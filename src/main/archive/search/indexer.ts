import { hostOf } from '../../../common/text'
import type { Database } from '../db/database'
import { indexText } from './normalize'

/** Articles indexed per round trip. */
const INDEX_BATCH = 200

interface SourceRow {
  id: number
  title: string
  subtitle: string | null
  authors: string
  site_name: string | null
  url: string | null
  content_text: string
  annotations: string | null
}

/**
 * Bring the full-text index up to date with every article the triggers marked (new, edited).
 * Runs inside the caller's transaction when there is one, so an import commits its article
 * and its index entry together. Returns how many articles were indexed.
 */
export async function flushSearchIndex(db: Database): Promise<number> {
  return db.transaction(async () => {
    let indexed = 0
    for (;;) {
      const rows = await db.all<SourceRow>(
        `SELECT a.id, a.title, a.subtitle, a.authors, a.site_name, a.url, a.content_text,
           (SELECT group_concat(h.quote || char(10) || coalesce(h.note, ''), char(10))
            FROM highlights h WHERE h.article_id = a.id) AS annotations
         FROM search_pending p JOIN articles a ON a.id = p.article_id LIMIT ?`,
        [INDEX_BATCH],
      )
      if (rows.length > 0) await indexRows(db, rows)
      indexed += rows.length
      // A short batch was the last one; pending ids of deleted articles (normally removed by the
      // delete trigger) go too.
      if (rows.length < INDEX_BATCH) {
        await db.run('DELETE FROM search_pending')
        return indexed
      }
    }
  })
}

/** Index whatever is pending before a search reads the index. */
export async function ensureSearchIndex(db: Database): Promise<void> {
  const pending = await db.get<{ found: number }>('SELECT EXISTS (SELECT 1 FROM search_pending) AS found')
  if (pending?.found) await flushSearchIndex(db)
}

async function indexRows(db: Database, rows: readonly SourceRow[]): Promise<void> {
  const ids = JSON.stringify(rows.map((row) => row.id))
  const inflected = new Map<string, string>()
  const entries = rows.map((row) => [
    row.id,
    indexText(row.title, inflected),
    indexText(row.subtitle, inflected),
    indexText(authorsText(row.authors)),
    // The host too, so site: finds pages without a site name.
    indexText([row.site_name, hostOf(row.url)].filter(Boolean).join(' ')),
    indexText(row.content_text, inflected),
    indexText(row.annotations, inflected),
  ])
  await db.run('DELETE FROM articles_fts WHERE rowid IN (SELECT value FROM json_each(?))', [ids])
  await db.run(
    `INSERT INTO articles_fts (rowid, title, subtitle, authors, site, content_text, annotations)
     SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
     FROM json_each(?)`,
    [JSON.stringify(entries)],
  )
  if (inflected.size > 0) {
    await db.run('INSERT OR IGNORE INTO search_words (word, stem) SELECT key, value FROM json_each(?)', [
      JSON.stringify(Object.fromEntries(inflected)),
    ])
  }
  await db.run('DELETE FROM search_pending WHERE article_id IN (SELECT value FROM json_each(?))', [ids])
}

function authorsText(json: string): string {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string').join('\n') : ''
  } catch {
    return ''
  }
}
