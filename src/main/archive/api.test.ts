import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../common/api'
import type { FileUpload, ImportProgress, TagCount } from '../../common/types'
import { Archive } from './api'
import { Database } from './db/database'
import { SCHEMA_VERSION } from './db/migrations'
import { DATABASE_FILE } from './paths'
import { fixture } from '../../../tests/support/paths'
import { callApi } from './dispatch'

const SEED = fixture('caliber-az-vance-visit.txt')
const HTML_PAGE = fixture('zanzibar-spice-trade.html')

let dir: string
let archive: Archive

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-api-'))
  archive = await Archive.open({ dir: join(dir, 'archive'), appVersion: '9.9.9' })
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

function upload(name: string, text: string): FileUpload {
  return { name, dataBase64: Buffer.from(text, 'utf8').toString('base64') }
}

/** A plain-text page with a title line and two body paragraphs. */
function textPage(title: string, body: string): string {
  return `${title}\n\n${body} This paragraph opens the article and sets out its argument.\n\nA second paragraph adds detail, so the page reads like a real article.\n`
}

async function pasteArticle(text: string): Promise<number> {
  const result = await archive.importPaste({ text })
  expect(result.status).toBe('imported')
  return result.id!
}

/** Reads the archive file through a second connection, as another process would. */
async function countOriginals(): Promise<number> {
  const db = await Database.open(join(dir, 'archive', DATABASE_FILE))
  try {
    const row = await db.get<{ n: number }>('SELECT count(*) AS n FROM originals')
    return row?.n ?? -1
  } finally {
    await db.close()
  }
}

/** The tag list without the tree fields (total, parent, colour) that library.test.ts covers. */
function namesAndCounts(tags: TagCount[]): { name: string; count: number }[] {
  return tags.map(({ name, count }) => ({ name, count }))
}

function expectApiError(code: ApiError['code']) {
  return expect.objectContaining({ name: 'ApiError', code })
}

describe('Archive', () => {
  it('creates the archive folder and reports info', async () => {
    expect(await archive.info({})).toEqual({
      path: join(dir, 'archive'),
      articleCount: 0,
      schemaVersion: SCHEMA_VERSION,
      version: '9.9.9',
    })
    await archive.close()
    archive = await Archive.open({ dir: join(dir, 'archive') })
    expect((await archive.info({})).schemaVersion).toBe(SCHEMA_VERSION)
  })

  describe('import', () => {
    it('imports the seed page, an HTML file and a paste, keeping the original bytes', async () => {
      const report = await archive.importPaths({ paths: [SEED, HTML_PAGE] })
      expect(report).toMatchObject({ imported: 2, duplicates: 0, failed: 0, cancelled: false })
      expect(report.items.map((item) => [item.file, item.status])).toEqual([
        [SEED, 'imported'],
        [HTML_PAGE, 'imported'],
      ])

      const seed = await archive.getArticle({ id: report.items[0]!.id! })
      const seedBytes = await readFile(SEED)
      expect(seed.sourceName).toBe('caliber-az-vance-visit.txt')
      expect(seed.format).toBe('text')
      expect(seed.contentText).toContain('Vance')
      expect(seed.originalSha256).toBe(createHash('sha256').update(seedBytes).digest('hex'))
      expect(seed.tags).toEqual([])
      expect(Date.parse(seed.addedAt)).not.toBeNaN()

      const page = await archive.getArticle({ id: report.items[1]!.id! })
      expect(page.sourceName).toBe('zanzibar-spice-trade.html')
      expect((await archive.search({ query: 'clove plantations' })).map((hit) => hit.id)).toEqual([page.id])

      const pasted = await archive.importPaste({
        text: 'Заметка о визите\n\nВице-президент прибыл в Баку с визитом.',
        url: 'https://example.org/note',
      })
      expect(pasted).toMatchObject({ file: 'clipboard', status: 'imported' })
      const note = await archive.getArticle({ id: pasted.id! })
      expect(note.sourceName).toBeNull()
      expect(note.url).toBe('https://example.org/note')
      expect(note.format).toMatch(/^paste-/)

      expect((await archive.info({})).articleCount).toBe(3)
      expect(await countOriginals()).toBe(3)
    })

    it('reports the same bytes imported again as a duplicate of the first article', async () => {
      const first = await archive.importPaths({ paths: [SEED] })
      const again = await archive.importFiles({
        files: [{ name: 'copy.txt', dataBase64: (await readFile(SEED)).toString('base64') }],
      })
      expect(again).toMatchObject({ imported: 0, duplicates: 1, failed: 0 })
      expect(again.items[0]).toMatchObject({
        file: 'copy.txt',
        status: 'duplicate',
        duplicateOf: first.items[0]!.id,
      })
      expect((await archive.info({})).articleCount).toBe(1)
    })

    it('reports a page with an already stored URL as a duplicate', async () => {
      const first = await archive.importPaste({
        text: 'First copy\n\nBody one.',
        url: 'https://example.org/a',
      })
      const second = await archive.importPaste({
        text: 'Second copy\n\nBody two.',
        url: 'https://example.org/a',
      })
      expect(second).toMatchObject({ status: 'duplicate', duplicateOf: first.id })
    })

    it('reports a failing file by name and imports the rest of the batch', async () => {
      const report = await archive.importFiles({
        files: [
          upload('one.txt', textPage('First article', 'Alpha.')),
          { name: 'empty.txt', dataBase64: '' },
          upload('two.txt', textPage('Second article', 'Beta.')),
        ],
      })
      expect(report).toMatchObject({ imported: 2, duplicates: 0, failed: 1, cancelled: false })
      expect(report.items.map((item) => item.status)).toEqual(['imported', 'failed', 'imported'])
      expect(report.items[1]!.error).toContain('empty.txt')
      expect((await archive.listArticles({})).total).toBe(2)
    })

    it('imports a folder, walking subfolders only when recursive, and reports unreadable entries', async () => {
      const inbox = join(dir, 'inbox')
      await mkdir(join(inbox, 'older'), { recursive: true })
      await writeFile(join(inbox, 'a.txt'), textPage('Folder article A', 'Gamma.'))
      await writeFile(join(inbox, 'older', 'b.txt'), textPage('Folder article B', 'Delta.'))
      await writeFile(join(inbox, '.hidden.txt'), textPage('Hidden', 'Never imported.'))
      await symlink(join(dir, 'gone.html'), join(inbox, 'broken.html'))
      if (process.platform !== 'win32') execFileSync('mkfifo', [join(inbox, 'pipe.html')])

      const flat = await archive.importPaths({ paths: [inbox] })
      const byFile = new Map(flat.items.map((item) => [item.file, item]))
      expect(byFile.get(join(inbox, 'a.txt'))?.status).toBe('imported')
      expect(byFile.has(join(inbox, 'older', 'b.txt'))).toBe(false)
      expect(flat.foldersNotEntered).toEqual([join(inbox, 'older')])
      expect(byFile.get(join(inbox, '.hidden.txt'))).toEqual({
        file: join(inbox, '.hidden.txt'),
        status: 'skipped',
        skipReason: 'hidden',
        reason: 'a hidden file',
      })
      expect(flat).toMatchObject({ skipped: 1, skippedByReason: { hidden: 1 } })
      expect(byFile.get(join(inbox, 'broken.html'))).toMatchObject({
        status: 'failed',
        error: expect.stringContaining(join(inbox, 'broken.html')),
      })
      if (process.platform !== 'win32') {
        expect(byFile.get(join(inbox, 'pipe.html'))).toMatchObject({
          status: 'failed',
          error: expect.stringMatching(/pipe\.html: not a regular file/),
        })
      }

      const deep = await archive.importPaths({ paths: [inbox, join(dir, 'missing-folder')], recursive: true })
      const deepByFile = new Map(deep.items.map((item) => [item.file, item]))
      expect(deepByFile.get(join(inbox, 'a.txt'))?.status).toBe('duplicate')
      expect(deepByFile.get(join(inbox, 'older', 'b.txt'))?.status).toBe('imported')
      expect(deep.foldersNotEntered).toEqual([])
      expect(deepByFile.get(join(dir, 'missing-folder'))).toMatchObject({
        status: 'failed',
        error: expect.stringMatching(/missing-folder: no such file/),
      })
      expect((await archive.listArticles({})).total).toBe(2)
    })

    it('sends progress events in order, ending with a finished one', async () => {
      const events: ImportProgress[] = []
      const changes: unknown[] = []
      archive.on('importProgress', (progress) => events.push(progress))
      archive.on('archiveChanged', (change) => changes.push(change))
      const files = [
        upload('p1.txt', textPage('Progress one', 'One.')),
        { name: 'p2.txt', dataBase64: '' },
        upload('p3.txt', textPage('Progress three', 'Three.')),
      ]
      const report = await archive.importFiles({ files, jobId: 'job-1' })
      expect(report.jobId).toBe('job-1')
      expect(events.map((e) => [e.done, e.current, e.finished])).toEqual([
        [0, 'p1.txt', false],
        [1, 'p2.txt', false],
        [2, 'p3.txt', false],
        [3, null, true],
      ])
      expect(events.every((e) => e.jobId === 'job-1' && e.total === 3)).toBe(true)
      expect(events.at(-1)).toMatchObject({ imported: 2, duplicates: 0, failed: 1 })
      expect(changes).toEqual([{ reason: 'import', ids: report.items.filter((i) => i.id).map((i) => i.id) }])
    })

    it('generates a job id when none is given', async () => {
      const report = await archive.importFiles({ files: [upload('x.txt', textPage('Job id', 'Omega.'))] })
      expect(report.jobId).toMatch(/\S{8,}/)
    })

    it('stops a batch after the current file when cancelled', async () => {
      const files = [1, 2, 3, 4].map((n) => upload(`c${n}.txt`, textPage(`Cancel ${n}`, `Item ${n}.`)))
      const events: ImportProgress[] = []
      archive.on('importProgress', (progress) => {
        events.push(progress)
        if (progress.current === 'c2.txt') void archive.cancelImport({ jobId: 'job-c' })
      })
      const report = await archive.importFiles({ files, jobId: 'job-c' })
      expect(report.cancelled).toBe(true)
      expect(report.items.map((item) => item.file)).toEqual(['c1.txt', 'c2.txt'])
      expect(events.at(-1)).toMatchObject({ finished: true, done: 2, total: 4 })
      expect((await archive.listArticles({})).total).toBe(2)
      expect(await archive.cancelImport({ jobId: 'job-c' })).toEqual({ cancelled: false })
    })

    it('closing stops a running batch after its current file and waits for it', async () => {
      const files = [1, 2, 3].map((n) => upload(`s${n}.txt`, textPage(`Shutdown ${n}`, `Item ${n}.`)))
      const running = archive.importFiles({ files })
      await archive.close()
      const report = await running
      expect(report.cancelled).toBe(true)
      expect(report.items.length).toBeLessThan(3)
      archive = await Archive.open({ dir: join(dir, 'archive') })
      expect((await archive.listArticles({})).total).toBe(report.imported)
    })

    it('refuses a second batch with a job id that is still running', async () => {
      const files = [upload('j.txt', textPage('Job', 'Body.'))]
      const first = archive.importFiles({ files, jobId: 'same' })
      await expect(archive.importFiles({ files, jobId: 'same' })).rejects.toEqual(expectApiError('conflict'))
      await first
    })
  })

  describe('list, show, edit, delete', () => {
    /** Four articles with known titles, dates and sites, imported in this order. */
    async function seedFour() {
      const rows = {
        banana: { title: 'banana', publishedAt: '2024-05-01', siteName: 'Caliber.az' },
        apple: { title: 'Apple', publishedAt: null, siteName: 'apnews.com' },
        cherry: { title: 'cherry', publishedAt: '2026-02-07T19:01', siteName: null },
        applePie: { title: 'apple pie', publishedAt: '2025', siteName: 'BBC' },
      }
      const ids: Record<string, number> = {}
      for (const [name, patch] of Object.entries(rows)) {
        const id = await pasteArticle(`Placeholder ${name}\n\nBody of article ${name}.`)
        await archive.updateArticle({ id, patch })
        ids[name] = id
      }
      return ids as Record<keyof typeof rows, number>
    }

    it('pages and sorts with a stable order, undated and siteless last', async () => {
      const { banana, apple, cherry, applePie } = await seedFour()
      const titles = async (query: Parameters<Archive['listArticles']>[0]) =>
        (await archive.listArticles(query)).items.map((item) => item.id)

      expect(await titles({})).toEqual([applePie, cherry, apple, banana])
      expect(await titles({ sort: 'addedAt', order: 'asc' })).toEqual([banana, apple, cherry, applePie])
      expect(await titles({ sort: 'title', order: 'asc' })).toEqual([apple, applePie, banana, cherry])
      expect(await titles({ sort: 'title', order: 'desc' })).toEqual([cherry, banana, applePie, apple])
      expect(await titles({ sort: 'publishedAt', order: 'desc' })).toEqual([cherry, applePie, banana, apple])
      expect(await titles({ sort: 'publishedAt', order: 'asc' })).toEqual([banana, applePie, cherry, apple])
      expect(await titles({ sort: 'siteName', order: 'asc' })).toEqual([apple, applePie, banana, cherry])
      expect(await titles({ sort: 'siteName', order: 'desc' })).toEqual([banana, applePie, apple, cherry])

      const page = await archive.listArticles({ sort: 'title', order: 'asc', offset: 1, limit: 2 })
      expect(page.total).toBe(4)
      expect(page.items.map((item) => item.title)).toEqual(['apple pie', 'banana'])
      expect(page.items[0]).not.toHaveProperty('contentText')
    })

    it('filters by tag, ignoring case, with tags on every item', async () => {
      const { banana, apple, cherry } = await seedFour()
      await archive.tagArticles({ ids: [banana, cherry], add: ['Кавказ'] })
      await archive.tagArticles({ ids: [cherry], add: ['energy'] })
      const page = await archive.listArticles({ tag: 'кавказ', sort: 'title', order: 'asc' })
      expect(page.total).toBe(2)
      expect(page.items.map((item) => [item.id, item.tags])).toEqual([
        [banana, ['Кавказ']],
        [cherry, ['energy', 'Кавказ']],
      ])
      expect(page.items.map((item) => item.id)).not.toContain(apple)
      expect(await archive.listArticles({ tag: 'nothing' })).toEqual({ items: [], total: 0 })
    })

    it('updates fields, and search sees the change', async () => {
      const id = await pasteArticle('Old heading\n\nA body about shipping lanes.')
      const before = await archive.getArticle({ id })
      const changes: unknown[] = []
      archive.on('archiveChanged', (change) => changes.push(change))
      await new Promise((resolve) => setTimeout(resolve, 5))

      const updated = await archive.updateArticle({
        id,
        patch: { title: 'Tanker diplomacy', authors: ['A. Author'], language: 'en', subtitle: null },
      })
      expect(updated).toMatchObject({ id, title: 'Tanker diplomacy', authors: ['A. Author'], language: 'en' })
      expect(updated.updatedAt > before.updatedAt).toBe(true)
      expect(updated.addedAt).toBe(before.addedAt)
      expect(changes).toEqual([{ reason: 'update', ids: [id] }])

      expect((await archive.search({ query: 'tanker' })).map((hit) => hit.id)).toEqual([id])
      await archive.updateArticle({ id, patch: { title: 'Quiet harbours' } })
      expect(await archive.search({ query: 'tanker' })).toEqual([])
      expect((await archive.search({ query: 'quiet' }))[0]).toMatchObject({ id, title: 'Quiet harbours' })
    })

    it('rejects a bad patch (at the boundary every transport calls through) and a missing article', async () => {
      const id = await pasteArticle('Heading\n\nBody.')
      await expect(callApi(archive, 'updateArticle', { id, patch: { title: '  ' } })).rejects.toEqual(
        expectApiError('invalid-arguments'),
      )
      await expect(
        callApi(archive, 'updateArticle', { id, patch: { publishedAt: 'yesterday' } }),
      ).rejects.toEqual(expectApiError('invalid-arguments'))
      await expect(archive.updateArticle({ id: 999, patch: { title: 'x' } })).rejects.toEqual(
        expectApiError('not-found'),
      )
      await expect(archive.getArticle({ id: 999 })).rejects.toEqual(expectApiError('not-found'))
    })

    it('deletes articles with their tags, and original bytes nobody else uses', async () => {
      const keep = await pasteArticle('Keep me\n\nBody kept.')
      const drop = await pasteArticle('Drop me\n\nBody dropped, mentions zeppelins.')
      await archive.tagArticles({ ids: [drop], add: ['doomed'] })
      await archive.tagArticles({ ids: [keep, drop], add: ['shared'] })
      expect(await countOriginals()).toBe(2)

      expect(await archive.deleteArticles({ ids: [drop, 12345] })).toEqual({ deleted: 1 })
      await expect(archive.getArticle({ id: drop })).rejects.toEqual(expectApiError('not-found'))
      expect(await archive.search({ query: 'zeppelins' })).toEqual([])
      expect(namesAndCounts(await archive.listTags({}))).toEqual([{ name: 'shared', count: 1 }])
      expect(await countOriginals()).toBe(1)
      expect(await archive.deleteArticles({ ids: [drop] })).toEqual({ deleted: 0 })
    })
  })

  describe('tags', () => {
    it('adds, removes and counts tags, creating and dropping them as needed', async () => {
      const a = await pasteArticle('Tag one\n\nBody one.')
      const b = await pasteArticle('Tag two\n\nBody two.')
      expect(await archive.tagArticles({ ids: [a, b], add: ['Energy', ' Южный  Кавказ '] })).toEqual({
        changed: 2,
      })
      expect(await archive.tagArticles({ ids: [a], add: ['energy'] })).toEqual({ changed: 0 })
      expect(namesAndCounts(await archive.listTags({}))).toEqual([
        { name: 'Energy', count: 2 },
        { name: 'Южный Кавказ', count: 2 },
      ])
      expect((await archive.getArticle({ id: a })).tags).toEqual(['Energy', 'Южный Кавказ'])

      expect(await archive.tagArticles({ ids: [a], remove: ['ЮЖНЫЙ кавказ'] })).toEqual({ changed: 1 })
      expect(await archive.tagArticles({ ids: [b], remove: ['energy', 'never-existed'] })).toEqual({
        changed: 1,
      })
      expect(namesAndCounts(await archive.listTags({}))).toEqual([
        { name: 'Energy', count: 1 },
        { name: 'Южный Кавказ', count: 1 },
      ])
      await archive.tagArticles({ ids: [a], remove: ['Energy'] })
      expect(namesAndCounts(await archive.listTags({}))).toEqual([{ name: 'Южный Кавказ', count: 1 }])
    })

    it('refuses to tag articles that do not exist, changing nothing', async () => {
      const a = await pasteArticle('Tag target\n\nBody.')
      await expect(archive.tagArticles({ ids: [a, 777], add: ['x'] })).rejects.toEqual(
        expectApiError('not-found'),
      )
      expect(namesAndCounts(await archive.listTags({}))).toEqual([])
    })
  })

  describe('search', () => {
    it('ranks a title hit first, finds Russian words and survives hostile input', async () => {
      const body = await pasteArticle(
        'Harbour report\n\nThe pipeline was mentioned in passing among other topics.',
      )
      const title = await pasteArticle('Placeholder\n\nA report about other topics entirely.')
      await archive.updateArticle({ id: title, patch: { title: 'Pipeline politics' } })
      const russian = await pasteArticle('Заметка\n\nВице-президент прибыл в Баку с визитом.')

      const hits = await archive.search({ query: 'pipeline' })
      expect(hits.map((hit) => hit.id)).toEqual([title, body])
      expect((await archive.search({ query: 'визит' })).map((hit) => hit.id)).toEqual([russian])
      expect(await archive.search({ query: '"foo AND (' })).toEqual([])
      expect(await archive.search({ query: '' })).toEqual([])
    })
  })
})
