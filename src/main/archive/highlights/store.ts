import { locateQuote, selectorAt } from '../../../common/textAnchor'
import type { Highlight, HighlightColor } from '../../../common/types'
import type { Database } from '../db/database'

interface HighlightRow {
  id: number
  article_id: number
  color: string
  quote: string
  prefix: string
  suffix: string
  text_offset: number | null
  note: string | null
  orphaned: number
  created_at: string
  updated_at: string
}

export interface NewHighlight {
  articleId: number
  color: HighlightColor
  quote: string
  prefix: string
  suffix: string
  textOffset: number | null
  note: string | null
  orphaned: boolean
}

function toHighlight(row: HighlightRow): Highlight {
  return {
    id: row.id,
    articleId: row.article_id,
    color: row.color as HighlightColor,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    textOffset: row.text_offset,
    note: row.note,
    orphaned: row.orphaned === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** In text order; orphaned ones (no place in the text) last, oldest first. */
export async function listHighlights(db: Database, articleId: number): Promise<Highlight[]> {
  const rows = await db.all<HighlightRow>(
    `SELECT * FROM highlights WHERE article_id = ?
     ORDER BY orphaned, text_offset IS NULL, text_offset, id`,
    [articleId],
  )
  return rows.map(toHighlight)
}

export async function getHighlight(db: Database, id: number): Promise<Highlight | undefined> {
  const row = await db.get<HighlightRow>('SELECT * FROM highlights WHERE id = ?', [id])
  return row && toHighlight(row)
}

export async function insertHighlight(db: Database, highlight: NewHighlight, now: string): Promise<number> {
  const result = await db.run(
    `INSERT INTO highlights (article_id, color, quote, prefix, suffix, text_offset, note, orphaned,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      highlight.articleId,
      highlight.color,
      highlight.quote,
      highlight.prefix,
      highlight.suffix,
      highlight.textOffset,
      highlight.note,
      highlight.orphaned ? 1 : 0,
      now,
      now,
    ],
  )
  return result.lastID
}

export async function updateHighlight(
  db: Database,
  id: number,
  change: { color?: HighlightColor; note?: string | null },
  now: string,
): Promise<boolean> {
  const result = await db.run(
    `UPDATE highlights SET
       color = CASE WHEN $setColor THEN $color ELSE color END,
       note = CASE WHEN $setNote THEN $note ELSE note END,
       updated_at = $now
     WHERE id = $id`,
    {
      $id: id,
      $setColor: change.color === undefined ? 0 : 1,
      $color: change.color ?? null,
      $setNote: change.note === undefined ? 0 : 1,
      $note: change.note ?? null,
      $now: now,
    },
  )
  return result.changes > 0
}

/** Where re-anchoring found a highlight (or that it found none). */
export async function moveHighlight(
  db: Database,
  id: number,
  place: { quote: string; prefix: string; suffix: string; textOffset: number | null } | null,
): Promise<void> {
  if (place === null) {
    await db.run('UPDATE highlights SET orphaned = 1 WHERE id = ?', [id])
    return
  }
  await db.run(
    'UPDATE highlights SET quote = ?, prefix = ?, suffix = ?, text_offset = ?, orphaned = 0 WHERE id = ?',
    [place.quote, place.prefix, place.suffix, place.textOffset, id],
  )
}

/**
 * Find an article's highlights again in its new text (after re-extraction or a replacing
 * import); one that cannot be found is kept and marked orphaned.
 */
export async function reanchorHighlights(
  db: Database,
  articleId: number,
  contentText: string,
): Promise<{ anchored: number; orphaned: number }> {
  let anchored = 0
  let orphaned = 0
  for (const highlight of await listHighlights(db, articleId)) {
    const range = locateQuote(contentText, highlight)
    if (range) {
      anchored++
      await moveHighlight(db, highlight.id, {
        ...selectorAt(contentText, range.start, range.end),
        textOffset: range.start,
      })
    } else {
      orphaned++
      await moveHighlight(db, highlight.id, null)
    }
  }
  return { anchored, orphaned }
}

export async function deleteHighlight(db: Database, id: number): Promise<boolean> {
  const result = await db.run('DELETE FROM highlights WHERE id = ?', [id])
  return result.changes > 0
}
