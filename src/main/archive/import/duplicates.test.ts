import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArchiveApi } from '../../../common/api'
import type { FileUpload } from '../../../common/types'
import { Archive } from '../api'
import { Database } from '../db/database'
import { MIGRATIONS, migrate } from '../db/migrations'
import { DATABASE_FILE } from '../paths'
import { SIMILARITY_THRESHOLD, signatureSimilarity, textSignature } from './duplicates'

const WORDS = [
  'harbour',
  'pipeline',
  'minister',
  'border',
  'treaty',
  'railway',
  'market',
  'election',
  'village',
  'export',
  'council',
  'river',
  'bridge',
  'energy',
  'school',
  'court',
  'grain',
  'tariff',
  'festival',
  'mountain',
  'reform',
  'budget',
  'province',
  'factory',
  'museum',
  'drought',
  'airport',
  'coalition',
  'archive',
  'harvest',
  'customs',
  'garrison',
  'ferry',
  'census',
  'vineyard',
  'refinery',
]

/** A deterministic body of `sentences` sentences of twelve words each, varied by `seed`. */
function body(seed: number, sentences = 50): string[] {
  let state = seed
  const next = (): string => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return WORDS[state % WORDS.length] as string
  }
  return Array.from({ length: sentences }, () => {
    const words = Array.from({ length: 12 }, next)
    return `${words.join(' ')}.`
  })
}

function textFile(name: string, title: string, sentences: string[]): FileUpload {
  const paragraphs = [sentences.slice(0, 25).join(' '), sentences.slice(25).join(' ')]
  const text = `${title}\n\n${paragraphs.join('\n\n')}\n`
  return { name, dataBase64: Buffer.from(text, 'utf8').toString('base64') }
}

const original = body(7)
/** The same page with one sentence rewritten. */
const edited = original.map((sentence, index) =>
  index === 30 ? 'The ministry later corrected this paragraph after readers wrote in.' : sentence,
)

let dir: string
let archive: Archive
/** Through the contract, whose import methods take the `duplicates` option. */
let api: ArchiveApi

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-duplicates-'))
  archive = await Archive.open({ dir: join(dir, 'archive') })
  api = archive
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

describe('text signatures', () => {
  it('rate a page with one changed sentence above the threshold and another page far below it', () => {
    const first = textSignature(original.join(' '))!
    expect(signatureSimilarity(first, textSignature(edited.join(' '))!)).toBeGreaterThanOrEqual(
      SIMILARITY_THRESHOLD,
    )
    expect(signatureSimilarity(first, textSignature(body(99).join(' '))!)).toBeLessThan(0.2)
  })

  it('leave bodies too short to compare without a signature', () => {
    expect(textSignature('A short note of a few words.')).toBeNull()
  })
})

describe('near-duplicate imports', () => {
  it('report a page with a changed sentence as similar text, and let a different page in', async () => {
    const first = await api.importFiles({ files: [textFile('report.txt', 'Port report', original)] })
    const firstId = first.items[0]!.id!
    const report = await api.importFiles({
      files: [
        textFile('report-edited.txt', 'Port report', edited),
        textFile('other.txt', 'Another report', body(99)),
      ],
    })
    expect(report.items[0]).toMatchObject({
      file: 'report-edited.txt',
      status: 'duplicate',
      duplicateOf: firstId,
      duplicateReason: 'similar-text',
    })
    expect(report.items[0]!.similarity).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD)
    expect(report.items[0]!.similarity).toBeLessThan(1)
    expect(report.items[1]).toMatchObject({ file: 'other.txt', status: 'imported' })
    expect(report.items[1]).not.toHaveProperty('duplicateReason')
    expect(report).toMatchObject({ imported: 1, duplicates: 1 })
  })

  it('say why a same-file duplicate was recognised', async () => {
    const file = textFile('report.txt', 'Port report', original)
    const first = await api.importFiles({ files: [file] })
    const again = await api.importFiles({ files: [{ ...file, name: 'copy.txt' }] })
    expect(again.items[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: first.items[0]!.id,
      duplicateReason: 'same-file',
    })
  })

  it('replace the article in place, keeping its id, tags and highlights', async () => {
    const first = await api.importFiles({ files: [textFile('report.txt', 'Port report', original)] })
    const id = first.items[0]!.id!
    await api.tagArticles({ ids: [id], add: ['ports'] })
    const article = await api.getArticle({ id })
    const quote = original[40]!
    const start = article.contentText.indexOf(quote)
    await api.addHighlight({
      articleId: id,
      quote,
      prefix: article.contentText.slice(Math.max(0, start - 30), start),
      suffix: article.contentText.slice(start + quote.length, start + quote.length + 30),
      color: 'yellow',
    })

    const report = await api.importFiles({
      files: [textFile('report-edited.txt', 'Port report, corrected', edited)],
      duplicates: 'replace',
    })
    expect(report.items[0]).toMatchObject({
      status: 'imported',
      id,
      replaced: true,
      duplicateOf: id,
      duplicateReason: 'similar-text',
      title: 'Port report, corrected',
    })
    expect(report.imported).toBe(1)
    const replaced = await api.getArticle({ id })
    expect(replaced.title).toBe('Port report, corrected')
    expect(replaced.contentText).toContain('The ministry later corrected this paragraph')
    expect(replaced.tags).toEqual(['ports'])
    const highlights = await api.listHighlights({ articleId: id })
    expect(highlights).toHaveLength(1)
    expect(highlights[0]).toMatchObject({ quote, orphaned: false })
    expect(highlights[0]!.textOffset).toBe(replaced.contentText.indexOf(quote))
    expect((await api.listArticles({})).total).toBe(1)
  })

  it('keep both when asked, even for the same file', async () => {
    const file = textFile('report.txt', 'Port report', original)
    const first = await api.importFiles({ files: [file] })
    const report = await api.importFiles({
      files: [file, textFile('report-edited.txt', 'Port report', edited)],
      duplicates: 'keep',
    })
    expect(report.items.map((item) => item.status)).toEqual(['imported', 'imported'])
    const ids = report.items.map((item) => item.id)
    expect(new Set([first.items[0]!.id, ...ids]).size).toBe(3)
    expect((await api.listArticles({})).total).toBe(3)
  })

  it('apply the choice to a paste', async () => {
    const text = original.join(' ')
    const first = await api.importPaste({ text })
    const skipped = await api.importPaste({ text: edited.join(' ') })
    expect(skipped).toMatchObject({
      status: 'duplicate',
      duplicateOf: first.id,
      duplicateReason: 'similar-text',
    })
    const kept = await api.importPaste({ text: edited.join(' '), duplicates: 'keep' })
    expect(kept.status).toBe('imported')
    expect(kept.id).not.toBe(first.id)
  })
})

describe('an archive made before fingerprints', () => {
  it('fingerprints its articles on the first import and finds a near-duplicate among them', async () => {
    await archive.close()
    const oldDir = join(dir, 'old')
    // Build a schema-4 archive with one article, then open it with this version.
    await mkdir(oldDir, { recursive: true })
    const db = await Database.open(join(oldDir, DATABASE_FILE))
    await migrate(db, MIGRATIONS.slice(0, 4))
    const text = original.join(' ')
    // Written as that version wrote rows (today's insertArticle knows columns it did not have).
    await db.run('INSERT INTO originals (sha256, bytes, size, name) VALUES (?, ?, ?, ?)', [
      'a'.repeat(64),
      Buffer.from(text),
      text.length,
      'report.txt',
    ])
    const inserted = await db.run(
      `INSERT INTO articles (title, authors, language, word_count, content_text, content_html, format,
         source_name, original_sha256, warnings, added_at, updated_at)
       VALUES ('Port report', '[]', 'en', 600, ?, ?, 'text', 'report.txt', ?, '[]', ?, ?)`,
      [text, `<p>${text}</p>`, 'a'.repeat(64), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    )
    const oldId = inserted.lastID
    await db.close()

    archive = await Archive.open({ dir: oldDir })
    api = archive
    const report = await api.importFiles({ files: [textFile('report-edited.txt', 'Port report', edited)] })
    expect(report.items[0]).toMatchObject({
      status: 'duplicate',
      duplicateOf: oldId,
      duplicateReason: 'similar-text',
    })
    const check = await Database.open(join(oldDir, DATABASE_FILE))
    try {
      const row = await check.get<{ size: number }>(
        'SELECT length(signature) AS size FROM article_fingerprints WHERE article_id = ?',
        [oldId],
      )
      expect(row?.size).toBe(512)
      expect(await check.get('SELECT 1 FROM fingerprint_pending')).toBeUndefined()
    } finally {
      await check.close()
    }
  })
})
