import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArchiveEvents } from '../../common/api'
import { parseArgs } from '../../common/schema'
import type { ExtractedArticle, ListQuery } from '../../common/types'
import { Archive } from './api'
import { storeSample } from '../../../tests/support/articles'

/**
 * The library side of the ArchiveApi: filters, counts, tags (nested, renamed, merged, coloured,
 * deleted and restored), collections, saved searches and reading state.
 */

let dir: string
let archive: Archive
let changes: ArchiveEvents['archiveChanged'][]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-library-'))
  archive = await Archive.open({ dir })
  changes = []
  archive.on('archiveChanged', (change) => changes.push(change))
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

/** Store an article straight into the archive's database (no extraction). */
async function store(overrides: Partial<ExtractedArticle>): Promise<number> {
  // The facade keeps its connection private; tests reach it the way the engine's own modules do.
  const db = (archive as unknown as { db: Parameters<typeof storeSample>[0] }).db
  return storeSample(db, overrides)
}

async function listIds(query: ListQuery = {}): Promise<number[]> {
  return (await archive.listArticles({ sort: 'title', order: 'asc', ...query })).items.map((item) => item.id)
}

const tagNames = async () => (await archive.listTags({})).map((tag) => tag.name)

describe('library filters and counts', () => {
  let baku: number, moscow: number, london: number, undated: number

  beforeEach(async () => {
    baku = await store({
      title: 'A: Vance in Baku',
      siteName: 'Caliber.az',
      language: 'en',
      publishedAt: '2026-02-07T19:01',
      contentText: 'The vice president visited Baku.',
    })
    moscow = await store({
      title: 'B: Визит в Москву',
      siteName: 'Вестник',
      language: 'ru',
      publishedAt: '2025-10-19',
      contentText: 'Делегация прибыла с визитом.',
    })
    london = await store({
      title: 'C: London talks',
      siteName: 'Caliber.az',
      language: 'en',
      publishedAt: '2024-05-01',
      contentText: 'Talks about energy in London.',
    })
    undated = await store({ title: 'D: Undated note', contentText: 'A note without a date.' })
    await archive.tagArticles({ ids: [baku], add: ['region/caucasus', 'energy'] })
    await archive.tagArticles({ ids: [moscow], add: ['region/russia'] })
    await archive.tagArticles({ ids: [london], add: ['energy'] })
  })

  it('filters by tags, any or all, a parent tag including its children', async () => {
    expect(await listIds({ tags: ['region'] })).toEqual([baku, moscow])
    expect(await listIds({ tags: ['region/caucasus', 'energy'] })).toEqual([baku, london])
    expect(await listIds({ tags: ['region/caucasus', 'energy'], tagMode: 'all' })).toEqual([baku])
    expect(await listIds({ tags: ['region', 'energy'], tagMode: 'all' })).toEqual([baku])
    expect(await listIds({ tag: 'REGION' })).toEqual([baku, moscow])
  })

  it('filters by site, language, date range and a missing value', async () => {
    expect(await listIds({ site: 'caliber.az' })).toEqual([baku, london])
    expect(await listIds({ site: null })).toEqual([undated])
    expect(await listIds({ language: 'ru' })).toEqual([moscow])
    expect(await listIds({ language: null })).toEqual([undated])
    expect(await listIds({ dateFrom: '2025', dateTo: '2025-12' })).toEqual([moscow])
    expect(await listIds({ dateFrom: '2025-10-19', dateTo: '2026-02-07' })).toEqual([baku, moscow])
    expect(await listIds({ dateTo: '2024' })).toEqual([london])
  })

  it('narrows a sorted list with a query', async () => {
    const page = await archive.listArticles({ query: 'визит OR talks', sort: 'publishedAt', order: 'desc' })
    expect(page).toMatchObject({ total: 2 })
    expect(page.items.map((item) => item.id)).toEqual([moscow, london])
    expect(await listIds({ query: 'energy', tags: ['region'] })).toEqual([])
    expect(await listIds({ query: '-talks lang:en' })).toEqual([baku])
  })

  it('sorts by date, title, site and date added', async () => {
    expect(
      (await archive.listArticles({ sort: 'publishedAt', order: 'desc' })).items.map((i) => i.id),
    ).toEqual([baku, moscow, london, undated])
    expect((await archive.listArticles({ sort: 'siteName', order: 'asc' })).items.map((i) => i.id)).toEqual([
      baku,
      london,
      moscow,
      undated,
    ])
    expect((await archive.listArticles({ sort: 'addedAt', order: 'asc' })).items.map((i) => i.id)).toEqual([
      baku,
      moscow,
      london,
      undated,
    ])
  })

  it('marks articles read and unread, and filters by it', async () => {
    expect(await archive.setRead({ ids: [baku, moscow], read: true })).toEqual({ changed: 2 })
    expect(await archive.setRead({ ids: [baku], read: true })).toEqual({ changed: 0 })
    expect(await listIds({ read: true })).toEqual([baku, moscow])
    expect(await listIds({ read: false })).toEqual([london, undated])
    expect((await archive.getArticle({ id: baku })).readAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(await archive.setRead({ ids: [baku], read: false })).toEqual({ changed: 1 })
    expect((await archive.getArticle({ id: baku })).readAt).toBeNull()
    expect(changes.at(-1)).toEqual({ reason: 'read', ids: [baku] })
    await expect(archive.setRead({ ids: [baku, 999], read: true })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('filters by whether an article has highlights or notes, and counts them', async () => {
    // A highlight without a note text counts as an annotation too.
    await archive.addHighlight({
      articleId: baku,
      quote: 'vice president',
      prefix: 'The ',
      suffix: ' visited',
      color: 'yellow',
    })
    await archive.addHighlight({
      articleId: london,
      quote: 'energy',
      prefix: 'about ',
      suffix: ' in',
      color: 'green',
      note: 'Compare with Baku',
    })
    await archive.addHighlight({
      articleId: london,
      quote: 'London',
      prefix: 'in ',
      suffix: '.',
      color: 'blue',
    })
    expect(await listIds({ hasNotes: true })).toEqual([baku, london])
    expect(await listIds({ hasNotes: false })).toEqual([moscow, undated])
    expect(await listIds({ hasNotes: true, site: 'caliber.az', language: 'en', tags: ['energy'] })).toEqual([
      baku,
      london,
    ])
    expect(await listIds({ query: 'has:notes' })).toEqual([baku, london])
    expect(await listIds({ query: '-has:notes' })).toEqual([moscow, undated])
    expect(await listIds({ query: 'есть:заметки talks' })).toEqual([london])

    const all = await archive.facets({})
    expect(all).toMatchObject({ total: 4, withNotes: 2, withoutNotes: 2 })
    expect(await archive.facets({ language: 'en' })).toMatchObject({
      total: 2,
      withNotes: 2,
      withoutNotes: 0,
    })
    expect(await archive.facets({ query: 'визит OR talks' })).toMatchObject({ withNotes: 1, withoutNotes: 1 })
    const onlyAnnotated = await archive.facets({ hasNotes: true })
    expect(onlyAnnotated).toMatchObject({ total: 2, withNotes: 2, withoutNotes: 0 })
    expect(onlyAnnotated.sites).toEqual([{ value: 'Caliber.az', count: 2 }])
    expect(await archive.facets({ hasNotes: false })).toMatchObject({
      total: 2,
      withNotes: 0,
      withoutNotes: 2,
    })
    expect(parseArgs('facets', { hasNotes: true })).toEqual({ hasNotes: true })
    expect(() => parseArgs('listArticles', { hasNotes: 'yes' })).toThrow()
  })

  it('counts articles per tag, site, language, year and reading state', async () => {
    await archive.setRead({ ids: [baku], read: true })
    const all = await archive.facets({})
    expect(all.total).toBe(4)
    expect(all.read).toBe(1)
    expect(all.unread).toBe(3)
    expect(all).toMatchObject({ withNotes: 0, withoutNotes: 4 })
    expect(all.sites).toEqual([
      { value: 'Caliber.az', count: 2 },
      { value: null, count: 1 },
      { value: 'Вестник', count: 1 },
    ])
    expect(all.languages).toEqual([
      { value: 'en', count: 2 },
      { value: null, count: 1 },
      { value: 'ru', count: 1 },
    ])
    expect(all.years).toEqual([
      { value: '2026', count: 1 },
      { value: '2025', count: 1 },
      { value: '2024', count: 1 },
      { value: null, count: 1 },
    ])
    expect(all.tags.map((tag) => [tag.name, tag.count, tag.total])).toEqual([
      ['energy', 2, 2],
      ['region', 0, 2],
      ['region/caucasus', 1, 1],
      ['region/russia', 1, 1],
    ])

    const narrowed = await archive.facets({ query: 'energy OR визит', language: 'en' })
    expect(narrowed.total).toBe(1)
    expect(narrowed.sites).toEqual([{ value: 'Caliber.az', count: 1 }])
    expect(narrowed.tags.find((tag) => tag.name === 'energy')).toMatchObject({ count: 1, total: 1 })
    expect(narrowed.tags.find((tag) => tag.name === 'region')).toMatchObject({ count: 0, total: 0 })
  })
})

describe('tags', () => {
  let a: number, b: number

  beforeEach(async () => {
    a = await store({ title: 'First', contentText: 'One.' })
    b = await store({ title: 'Second', contentText: 'Two.' })
  })

  it('nests tags by path, listing parents with their subtree totals', async () => {
    await archive.tagArticles({ ids: [a], add: [' Region / Caucasus '] })
    await archive.tagArticles({ ids: [b], add: ['region/europe'] })
    expect(await archive.listTags({})).toEqual([
      { name: 'Region', count: 0, total: 2, parent: null, color: null },
      { name: 'Region/Caucasus', count: 1, total: 1, parent: 'Region', color: null },
      { name: 'Region/europe', count: 1, total: 1, parent: 'Region', color: null },
    ])
    // A parent made only as a level goes when its last child goes.
    await archive.tagArticles({ ids: [a], remove: ['region/caucasus'] })
    await archive.tagArticles({ ids: [b], remove: ['region/europe'] })
    expect(await archive.listTags({})).toEqual([])
  })

  it('creates a tag that stays without articles, and colours it', async () => {
    expect(await archive.createTag({ name: 'to read/later', color: '#3366cc' })).toEqual({
      name: 'to read/later',
      count: 0,
      total: 0,
      parent: 'to read',
      color: '#3366cc',
    })
    await archive.tagArticles({ ids: [a], add: ['to read/later'] })
    await archive.tagArticles({ ids: [a], remove: ['to read/later'] })
    expect(await tagNames()).toEqual(['to read', 'to read/later'])
    expect(await archive.setTagColor({ name: 'TO READ/LATER', color: '#ff0000' })).toMatchObject({
      color: '#ff0000',
    })
    await expect(archive.setTagColor({ name: 'missing', color: null })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('renames a tag with everything nested under it, refusing a taken name', async () => {
    await archive.tagArticles({ ids: [a], add: ['region/caucasus'] })
    await archive.tagArticles({ ids: [b], add: ['region', 'energy'] })
    expect(await archive.renameTag({ name: 'region', newName: 'area' })).toMatchObject({
      name: 'area',
      total: 2,
    })
    expect(await tagNames()).toEqual(['area', 'area/caucasus', 'energy'])
    expect((await archive.getArticle({ id: a })).tags).toEqual(['area/caucasus'])
    await expect(archive.renameTag({ name: 'area', newName: 'Energy' })).rejects.toMatchObject({
      code: 'conflict',
    })
    await expect(archive.renameTag({ name: 'area', newName: 'area/sub' })).rejects.toMatchObject({
      code: 'invalid-arguments',
    })
    await expect(archive.renameTag({ name: 'nothing', newName: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    })
    // A change of case alone is a rename, not a clash.
    expect(await archive.renameTag({ name: 'area', newName: 'Area' })).toMatchObject({ name: 'Area' })
    expect(await tagNames()).toEqual(['Area', 'Area/caucasus', 'energy'])
    // Moving a tag under another parent.
    await archive.renameTag({ name: 'energy', newName: 'topics/energy' })
    expect(await tagNames()).toEqual(['Area', 'Area/caucasus', 'topics', 'topics/energy'])
  })

  it('merges tags into one', async () => {
    await archive.tagArticles({ ids: [a], add: ['oil'] })
    await archive.tagArticles({ ids: [a, b], add: ['gas'] })
    expect(await archive.mergeTags({ names: ['oil', 'gas'], into: 'energy' })).toMatchObject({
      name: 'energy',
      count: 2,
    })
    expect(await tagNames()).toEqual(['energy'])
    expect((await archive.getArticle({ id: a })).tags).toEqual(['energy'])
    await expect(archive.mergeTags({ names: ['missing'], into: 'energy' })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(await tagNames()).toEqual(['energy'])
  })

  it('deletes a tag with its children and undoes the deletion', async () => {
    await archive.tagArticles({ ids: [a, b], add: ['region'] })
    await archive.tagArticles({ ids: [a], add: ['region/caucasus', 'energy'] })
    await archive.setTagColor({ name: 'region', color: '#00aa00' })
    const undo = await archive.deleteTag({ name: 'Region' })
    expect(undo).toEqual({
      tags: [
        { name: 'region', color: '#00aa00', pinned: false, articleIds: [a, b] },
        { name: 'region/caucasus', color: null, pinned: false, articleIds: [a] },
      ],
    })
    expect(await tagNames()).toEqual(['energy'])
    expect((await archive.getArticle({ id: a })).tags).toEqual(['energy'])

    expect(await archive.restoreTag(parseArgs('restoreTag', JSON.parse(JSON.stringify(undo))))).toEqual({
      restored: 2,
    })
    expect(await archive.listTags({})).toEqual([
      { name: 'energy', count: 1, total: 1, parent: null, color: null },
      { name: 'region', count: 2, total: 2, parent: null, color: '#00aa00' },
      { name: 'region/caucasus', count: 1, total: 1, parent: 'region', color: null },
    ])
    expect(changes.at(-1)).toMatchObject({ reason: 'tags' })
  })

  it('restores onto the articles that still exist', async () => {
    await archive.tagArticles({ ids: [a, b], add: ['doomed'] })
    const undo = await archive.deleteTag({ name: 'doomed' })
    await archive.deleteArticles({ ids: [b] })
    await archive.restoreTag(undo)
    expect(await archive.listTags({})).toMatchObject([{ name: 'doomed', count: 1 }])
  })

  it('validates tag arguments at the boundary', () => {
    expect(() => parseArgs('setTagColor', { name: 'x', color: 'red' })).toThrow(/colour/)
    expect(() => parseArgs('renameTag', { name: 'x' })).toThrow(/newName/)
    expect(() => parseArgs('mergeTags', { names: [], into: 'x' })).toThrow(/names/)
    expect(() => parseArgs('listArticles', { tagMode: 'some' })).toThrow(/tagMode/)
    expect(() => parseArgs('listArticles', { dateFrom: 'last week' })).toThrow(/dateFrom/)
    expect(parseArgs('listArticles', { tags: ['a', 'b'], tagMode: 'all', read: false })).toEqual({
      tags: ['a', 'b'],
      tagMode: 'all',
      read: false,
    })
  })
})

describe('collections', () => {
  it('creates, fills, lists, filters by, renames and deletes a collection', async () => {
    const a = await store({ title: 'A paper source', contentText: 'One.' })
    const b = await store({ title: 'B paper source', contentText: 'Two.' })
    const c = await store({ title: 'C other', contentText: 'Three.' })
    const paper = await archive.createCollection({ name: ' Thesis  chapter 2 ' })
    expect(paper).toMatchObject({ name: 'Thesis chapter 2', count: 0 })
    await expect(archive.createCollection({ name: 'thesis chapter 2' })).rejects.toMatchObject({
      code: 'conflict',
    })

    expect(await archive.addToCollection({ id: paper.id, articleIds: [a, b] })).toEqual({ changed: 2 })
    expect(await archive.addToCollection({ id: paper.id, articleIds: [b] })).toEqual({ changed: 0 })
    await expect(archive.addToCollection({ id: paper.id, articleIds: [c, 999] })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(await listIds({ collection: paper.id })).toEqual([a, b])
    expect(
      (await archive.search({ query: 'paper', collection: paper.id })).map((hit) => hit.id).sort(),
    ).toEqual([a, b])

    const other = await archive.createCollection({ name: 'Another' })
    expect((await archive.listCollections({})).map((item) => [item.name, item.count])).toEqual([
      ['Another', 0],
      ['Thesis chapter 2', 2],
    ])
    await expect(archive.renameCollection({ id: other.id, name: 'THESIS CHAPTER 2' })).rejects.toMatchObject({
      code: 'conflict',
    })
    expect(await archive.renameCollection({ id: paper.id, name: 'Paper' })).toMatchObject({
      name: 'Paper',
      count: 2,
    })

    expect(await archive.removeFromCollection({ id: paper.id, articleIds: [a] })).toEqual({ changed: 1 })
    await archive.deleteArticles({ ids: [b] })
    expect((await archive.listCollections({})).find((item) => item.id === paper.id)).toMatchObject({
      count: 0,
    })

    expect(await archive.deleteCollection({ id: paper.id })).toEqual({ deleted: true })
    expect(await archive.deleteCollection({ id: paper.id })).toEqual({ deleted: false })
    expect((await archive.info({})).articleCount).toBe(2)
    await expect(archive.renameCollection({ id: paper.id, name: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(changes.some((change) => change.reason === 'collections')).toBe(true)
  })
})

describe('saved searches', () => {
  it('saves, replaces by name, lists and deletes searches', async () => {
    const first = await archive.saveSearch({ name: 'Caucasus energy', query: 'pipeline tag:region/caucasus' })
    expect(first).toMatchObject({
      name: 'Caucasus energy',
      query: 'pipeline tag:region/caucasus',
      filters: {},
    })
    const replaced = await archive.saveSearch({
      name: 'caucasus ENERGY',
      query: 'газопровод',
      filters: { language: 'ru', tags: ['energy'], tagMode: 'all' },
    })
    expect(replaced.id).toBe(first.id)
    await archive.saveSearch({ name: 'Archive', query: 'is:unread' })
    expect(await archive.listSavedSearches({})).toEqual([
      expect.objectContaining({ name: 'Archive', query: 'is:unread' }),
      expect.objectContaining({
        id: first.id,
        name: 'caucasus ENERGY',
        query: 'газопровод',
        filters: { language: 'ru', tags: ['energy'], tagMode: 'all' },
      }),
    ])
    expect(await archive.deleteSavedSearch({ id: first.id })).toEqual({ deleted: true })
    expect((await archive.listSavedSearches({})).map((search) => search.name)).toEqual(['Archive'])
    expect(() => parseArgs('saveSearch', { name: '', query: 'x' })).toThrow(/name/)
  })
})
