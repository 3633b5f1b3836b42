import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callApi } from '../dispatch'
import { Archive } from '../api'
import { Database } from '../db/database'
import { DATABASE_FILE } from '../paths'
import { SEED_FIXTURE } from '../../../../tests/support/paths'

const SEED = SEED_FIXTURE
const SENTENCE = 'The upcoming visit of U.S. Vice President J.D. Vance to Baku'

let dir: string
let archive: Archive
let articleId: number

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-highlights-'))
  archive = await Archive.open({ dir })
  const report = await archive.importPaths({ paths: [SEED] })
  expect(report.imported).toBe(1)
  articleId = report.items[0]!.id!
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

/** Change the stored reading copy behind the engine's back, as an older extractor might have left it. */
async function rewriteStoredText(change: (text: string) => string): Promise<void> {
  const db = await Database.open(join(dir, DATABASE_FILE))
  try {
    const row = await db.get<{ content_text: string }>('SELECT content_text FROM articles WHERE id = ?', [
      articleId,
    ])
    await db.run('UPDATE articles SET content_text = ? WHERE id = ?', [change(row!.content_text), articleId])
  } finally {
    await db.close()
  }
}

describe('highlights', () => {
  it('anchors a quote against contentText and stores the context from there', async () => {
    const article = await archive.getArticle({ id: articleId })
    const highlight = await archive.addHighlight({
      articleId,
      quote: `  ${SENTENCE}\n`,
      prefix: '',
      suffix: '',
      color: 'yellow',
      note: '  Check the date  ',
    })
    expect(highlight).toMatchObject({
      quote: SENTENCE,
      color: 'yellow',
      note: 'Check the date',
      orphaned: false,
    })
    expect(highlight.textOffset).toBe(article.contentText.indexOf(SENTENCE))
    expect(highlight.suffix.length).toBeGreaterThan(20)
    expect(article.contentText).toContain(highlight.suffix.trim())
    expect(await archive.listHighlights({ articleId })).toEqual([highlight])
  })

  it('updates colour and note, deletes, and goes with its article', async () => {
    const highlight = await archive.addHighlight({
      articleId,
      quote: SENTENCE,
      prefix: '',
      suffix: '',
      color: 'green',
    })
    expect(highlight.note).toBeNull()
    const updated = await archive.updateHighlight({ id: highlight.id, color: 'purple', note: 'A note' })
    expect(updated).toMatchObject({ color: 'purple', note: 'A note' })
    expect((await archive.updateHighlight({ id: highlight.id, note: '' })).note).toBeNull()
    expect(await archive.deleteHighlight({ id: highlight.id })).toEqual({ deleted: true })
    expect(await archive.deleteHighlight({ id: highlight.id })).toEqual({ deleted: false })
    await archive.addHighlight({ articleId, quote: SENTENCE, prefix: '', suffix: '', color: 'blue' })
    await archive.deleteArticles({ ids: [articleId] })
    await expect(archive.listHighlights({ articleId })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('keeps a quote that is not in the text as orphaned', async () => {
    const highlight = await archive.addHighlight({
      articleId,
      quote: 'words that this article never had',
      prefix: '',
      suffix: '',
      color: 'pink',
    })
    expect(highlight.orphaned).toBe(true)
  })

  it('validates arguments at the boundary', async () => {
    await expect(
      callApi(archive, 'addHighlight', { articleId, quote: 'x', prefix: '', suffix: '', color: 'red' }),
    ).rejects.toMatchObject({ code: 'invalid-arguments' })
    await expect(
      callApi(archive, 'setReadingProgress', { id: articleId, progress: 1.5 }),
    ).rejects.toMatchObject({
      code: 'invalid-arguments',
    })
    await expect(callApi(archive, 'updateHighlight', { id: 999, note: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('survives re-extraction: found again, with its note, at its new place', async () => {
    const first = await archive.addHighlight({
      articleId,
      quote: SENTENCE,
      prefix: '',
      suffix: '',
      color: 'yellow',
      note: 'Key claim',
    })
    const gone = await archive.addHighlight({
      articleId,
      quote: 'a passage the extractor once produced',
      prefix: '',
      suffix: '',
      color: 'blue',
    })
    await archive.tagArticles({ ids: [articleId], add: ['caucasus'] })
    const before = await archive.getArticle({ id: articleId })
    // The stored text differs from what extraction gives now (an older extractor, say).
    await rewriteStoredText((text) => `An old preface.\n\n${text.replace(/\n\n/g, '\n')}`)

    const result = await archive.reextractArticle({ id: articleId })
    expect(result).toMatchObject({ id: articleId, highlightsAnchored: 1, highlightsOrphaned: 1 })

    const after = await archive.getArticle({ id: articleId })
    expect(after.contentText).toBe(before.contentText)
    expect(after.tags).toEqual(['caucasus'])
    const [kept, orphan] = await archive.listHighlights({ articleId })
    expect(kept).toMatchObject({ id: first.id, quote: SENTENCE, note: 'Key claim', orphaned: false })
    expect(kept!.textOffset).toBe(after.contentText.indexOf(SENTENCE))
    expect(orphan).toMatchObject({ id: gone.id, orphaned: true })
    // Search sees the re-extracted text at once.
    expect((await archive.search({ query: 'preface' })).length).toBe(0)
  })

  it('re-extracts a paste from its kept original', async () => {
    const pasted = await archive.importPaste({
      text: 'Pasted title\n\nA pasted paragraph with enough words to keep.',
    })
    const result = await archive.reextractArticle({ id: pasted.id! })
    expect(result.id).toBe(pasted.id)
    await expect(archive.reextractArticle({ id: 9999 })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('keeps favourites and reading progress on the article', async () => {
    expect(await archive.getArticle({ id: articleId })).toMatchObject({
      favourite: false,
      readingProgress: 0,
    })
    expect(await archive.setFavourite({ ids: [articleId], favourite: true })).toEqual({ changed: 1 })
    expect(await archive.setFavourite({ ids: [articleId], favourite: true })).toEqual({ changed: 0 })
    const state = await archive.setReadingProgress({ id: articleId, progress: 0.4 })
    expect(state).toMatchObject({ favourite: true, readingProgress: 0.4 })
    expect(state.lastReadAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(await archive.getArticle({ id: articleId })).toMatchObject({
      favourite: true,
      readingProgress: 0.4,
    })
    await expect(archive.setFavourite({ ids: [articleId, 9999], favourite: false })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('exports notes and highlights as Markdown with the reference', async () => {
    await archive.addHighlight({
      articleId,
      quote: SENTENCE,
      prefix: '',
      suffix: '',
      color: 'yellow',
      note: 'Why *now*?',
    })
    const { markdown } = await archive.exportNotesMarkdown({ articleId, style: 'apa', locale: 'en-US' })
    const article = await archive.getArticle({ id: articleId })
    expect(markdown.startsWith(`# ${article.title}`)).toBe(true)
    expect(markdown).toContain('## Highlights and notes')
    expect(markdown).toContain(`> ${SENTENCE}`)
    expect(markdown).toContain('**Note:** Why \\*now\\*?')
    expect(markdown).toContain('Caliber')
    const russian = await archive.exportNotesMarkdown({
      articleId,
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
    })
    expect(russian.markdown).toContain('## Выделения и заметки')
    expect(russian.markdown).toContain('**Заметка:**')
  })
})

describe('articlesPerMonth', () => {
  it('counts articles by month of publication, undated last', async () => {
    await archive.importPaste({ text: 'Undated note\n\nA paragraph without any date in it at all.' })
    const months = await archive.articlesPerMonth({})
    const article = await archive.getArticle({ id: articleId })
    expect(months[0]).toEqual({ value: article.publishedAt!.slice(0, 7), count: 1 })
    expect(months.at(-1)).toEqual({ value: null, count: 1 })
  })
})
