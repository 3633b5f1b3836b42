import type { DuplicateReason, ImportItemResult } from '../../../common/types'
import { findDuplicate, updateArticleContent } from '../db/articles'
import type { Database } from '../db/database'
import { reanchorHighlights } from '../highlights/store'
import { settleItemAfterContent } from '../items/edit'
import { flushSearchIndex } from '../search/indexer'
import { SIGNATURE_SIZE, type SignedArticle, mix32, signatureSimilarity, textSignature } from './signature'

export { MIN_WORDS, SIGNATURE_SIZE, bodyWords, signatureSimilarity, textSignature } from './signature'

/**
 * Near-duplicate lookup over the MinHash signatures of ./signature. The signature is cut into
 * BANDS bands of ROWS_PER_BAND values; articles that share a band's hash are candidates
 * (locality-sensitive hashing), so a lookup reads a few index entries instead of every article.
 * With 16 bands of 8 rows, a pair at similarity 0.9 becomes a candidate with probability
 * 1 - (1 - 0.9^8)^16 ≈ 0.9999, a pair at 0.5 with about 0.06.
 */
const BANDS = 16
const ROWS_PER_BAND = SIGNATURE_SIZE / BANDS
/** Estimated Jaccard similarity from which two bodies count as the same text. */
export const SIMILARITY_THRESHOLD = 0.9
/** Articles fingerprinted per statement while catching up on an older archive. */
const BACKFILL_CHUNK = 200

function bandBuckets(signature: Uint32Array): number[] {
  const buckets: number[] = []
  for (let band = 0; band < BANDS; band++) {
    let h = band + 1
    for (let row = band * ROWS_PER_BAND; row < (band + 1) * ROWS_PER_BAND; row++) {
      h = mix32(Math.imul(h, 31) ^ (signature[row] as number))
    }
    // Stored as a signed 32-bit integer, which SQLite keeps in four bytes.
    buckets.push(h | 0)
  }
  return buckets
}

function toBlob(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength)
}

function fromBlob(blob: Buffer): Uint32Array | null {
  if (blob.length !== SIGNATURE_SIZE * 4) return null
  const copy = new Uint8Array(blob)
  return new Uint32Array(copy.buffer)
}

/** Store (or renew) one article's fingerprint (signature: see signArticle). Call inside a transaction. */
export async function saveFingerprint(
  db: Database,
  articleId: number,
  signature: Uint32Array | null,
): Promise<void> {
  await db.run('DELETE FROM fingerprint_pending WHERE article_id = ?', [articleId])
  await db.run('DELETE FROM article_fingerprint_bands WHERE article_id = ?', [articleId])
  await db.run('INSERT OR REPLACE INTO article_fingerprints (article_id, signature) VALUES (?, ?)', [
    articleId,
    signature ? toBlob(signature) : Buffer.alloc(0),
  ])
  if (!signature) return
  const buckets = bandBuckets(signature)
  const placeholders = buckets.map(() => '(?, ?, ?)').join(', ')
  await db.run(
    `INSERT OR IGNORE INTO article_fingerprint_bands (band, bucket, article_id) VALUES ${placeholders}`,
    buckets.flatMap((bucket, band) => [band, bucket, articleId]),
  )
}

/**
 * Fingerprint every article waiting in fingerprint_pending: new ones, those whose body changed,
 * and those of an archive made before fingerprints existed. Call inside a transaction. Returns
 * how many were done.
 */
export async function backfillFingerprints(db: Database): Promise<number> {
  let done = 0
  for (;;) {
    const rows = await db.all<{ id: number; content_text: string }>(
      `SELECT a.id, a.content_text FROM fingerprint_pending p JOIN articles a ON a.id = p.article_id
       ORDER BY p.article_id LIMIT ${BACKFILL_CHUNK}`,
    )
    for (const row of rows) await saveFingerprint(db, row.id, textSignature(row.content_text))
    done += rows.length
    if (rows.length < BACKFILL_CHUNK) return done
  }
}

export interface SimilarArticle {
  id: number
  title: string
  similarity: number
}

/** The most similar article at or above the threshold, found through the band index. */
export async function findSimilarArticle(
  db: Database,
  signature: Uint32Array | null,
): Promise<SimilarArticle | undefined> {
  if (!signature) return undefined
  await backfillFingerprints(db)
  const buckets = bandBuckets(signature)
  const matchBand = buckets.map(() => '(band = ? AND bucket = ?)').join(' OR ')
  const candidates = await db.all<{ id: number; title: string; signature: Buffer }>(
    `SELECT a.id, a.title, f.signature FROM articles a
     JOIN article_fingerprints f ON f.article_id = a.id
     WHERE a.id IN (SELECT DISTINCT article_id FROM article_fingerprint_bands WHERE ${matchBand})
     ORDER BY a.id`,
    buckets.flatMap((bucket, band) => [band, bucket]),
  )
  let best: SimilarArticle | undefined
  for (const candidate of candidates) {
    const stored = fromBlob(candidate.signature)
    if (!stored) continue
    const similarity = signatureSimilarity(signature, stored)
    if (similarity >= SIMILARITY_THRESHOLD && (!best || similarity > best.similarity))
      best = { id: candidate.id, title: candidate.title, similarity }
  }
  return best
}

export interface DuplicateMatch {
  id: number
  title: string
  reason: DuplicateReason
  similarity?: number
}

/** The report of an item that was not imported because the archive already holds it. */
export function duplicateResult(file: string, match: DuplicateMatch): ImportItemResult {
  const result: ImportItemResult = {
    file,
    status: 'duplicate',
    duplicateOf: match.id,
    duplicateReason: match.reason,
    title: match.title,
  }
  if (match.similarity !== undefined) result.similarity = match.similarity
  return result
}

/**
 * The article an extracted item duplicates, and why: the same original bytes, the same URL,
 * or a near-identical body. Call inside a transaction.
 */
export async function matchDuplicate(
  db: Database,
  sha256: string,
  { article: extracted, signature }: SignedArticle,
): Promise<DuplicateMatch | undefined> {
  const sameFile = await findDuplicate(db, sha256, null)
  if (sameFile) return { ...sameFile, reason: 'same-file' }
  if (extracted.url !== null) {
    const sameUrl = await findDuplicate(db, sha256, extracted.url)
    if (sameUrl) return { ...sameUrl, reason: 'same-url' }
  }
  const similar = await findSimilarArticle(db, signature)
  if (similar) {
    return {
      id: similar.id,
      title: similar.title,
      reason: 'similar-text',
      similarity: Math.round(similar.similarity * 1000) / 1000,
    }
  }
  return undefined
}

/**
 * Put a new import's content, original and metadata into an existing article. The id, tags,
 * collections, lists, reading state and highlights stay; highlights are found again in the new
 * text (or kept as orphaned), as re-extraction does. Fields the new import leaves empty keep
 * their stored value. Call inside a transaction.
 */
export async function replaceArticleContent(
  db: Database,
  id: number,
  replacement: {
    signed: SignedArticle
    sourceName: string | null
    original: { sha256: string; bytes: Buffer; name: string | null }
    now: string
  },
): Promise<void> {
  const { original } = replacement
  const { article: extracted, signature } = replacement.signed
  const previous = await db.get<{ original_sha256: string }>(
    'SELECT original_sha256 FROM articles WHERE id = ?',
    [id],
  )
  await db.run('INSERT OR IGNORE INTO originals (sha256, bytes, size, name) VALUES (?, ?, ?, ?)', [
    original.sha256,
    original.bytes,
    original.bytes.length,
    original.name,
  ])
  await updateArticleContent(db, id, extracted, replacement.now, {
    sourceName: replacement.sourceName,
    sha256: original.sha256,
  })
  await settleItemAfterContent(db, id, extracted, replacement.now)
  // The replaced original goes unless another article still came from it.
  if (previous && previous.original_sha256 !== original.sha256) {
    await db.run(
      `DELETE FROM originals WHERE sha256 = ?
       AND NOT EXISTS (SELECT 1 FROM articles WHERE original_sha256 = ?)`,
      [previous.original_sha256, previous.original_sha256],
    )
  }
  await saveFingerprint(db, id, signature)
  await flushSearchIndex(db)
  await reanchorHighlights(db, id, extracted.contentText)
}
