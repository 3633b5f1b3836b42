import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../db/database'
import { openArchiveDatabase } from '../db/index'
import { storeSample } from '../db/test-articles'
import { MATCH_END, MATCH_START, searchArticles } from './search'

let dir: string
let db: Database

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-search-'))
  db = await openArchiveDatabase(join(dir, 'archive.sqlite'))
})

afterEach(async () => {
  await db.close()
  await rm(dir, { recursive: true, force: true })
})

describe('searchArticles', () => {
  it('ranks a title hit above a body hit', async () => {
    const bodyOnly = await storeSample(db, {
      title: 'Harbour notes',
      contentText: 'A long report on shipping. The pipeline was mentioned once, among many other things.',
    })
    const inTitle = await storeSample(db, {
      title: 'Pipeline politics',
      contentText: 'A long report on shipping and energy, with many other things.',
    })
    const hits = await searchArticles(db, { query: 'pipeline' })
    expect(hits.map((hit) => hit.id)).toEqual([inTitle, bodyOnly])
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score)
  })

  it('marks matches in the snippet with U+0002 and U+0003', async () => {
    const id = await storeSample(db, {
      title: 'Notes',
      siteName: 'Caliber.az',
      publishedAt: '2026-02-07T19:01',
      contentText: 'The vice president arrives in Baku next week.',
    })
    const [hit] = await searchArticles(db, { query: 'baku' })
    expect(hit).toMatchObject({ id, title: 'Notes', siteName: 'Caliber.az', publishedAt: '2026-02-07T19:01' })
    expect(hit!.snippet).toContain(`${MATCH_START}Baku${MATCH_END}`)
  })

  it('finds Russian words, case-insensitively, with й intact', async () => {
    const russian = await storeSample(db, {
      title: 'Визит вице-президента',
      contentText: 'Перед визитом в Баку обсуждался Южный Кавказ и новый маршрут.',
    })
    await storeSample(db, { title: 'Unrelated', contentText: 'Nothing about the South Caucasus here.' })
    expect((await searchArticles(db, { query: 'визит' })).map((h) => h.id)).toEqual([russian])
    expect((await searchArticles(db, { query: 'ЮЖНЫЙ' })).map((h) => h.id)).toEqual([russian])
    // Folding diacritics would make й match и; it must not.
    expect(await searchArticles(db, { query: 'южныи' })).toEqual([])
  })

  it('requires every word and honours quoted phrases', async () => {
    const both = await storeSample(db, {
      title: 'A',
      contentText: 'regional cooperation in the South Caucasus',
    })
    await storeSample(db, { title: 'B', contentText: 'cooperation between southern ports' })
    expect((await searchArticles(db, { query: 'cooperation caucasus' })).map((h) => h.id)).toEqual([both])
    expect((await searchArticles(db, { query: '"South Caucasus"' })).map((h) => h.id)).toEqual([both])
    expect(await searchArticles(db, { query: '"Caucasus South"' })).toEqual([])
  })

  it('never throws on hostile input', async () => {
    await storeSample(db, { title: 'foo bar', contentText: 'foo and more' })
    for (const query of [
      '"foo AND (',
      'foo)',
      'NEAR(',
      '*',
      'title:foo',
      '"""',
      '^foo',
      'foo OR',
      '-',
      '\u0000',
    ]) {
      await expect(searchArticles(db, { query })).resolves.toBeInstanceOf(Array)
    }
    expect((await searchArticles(db, { query: '"foo AND (' })).length).toBe(1)
  })

  it('returns nothing for an empty query', async () => {
    await storeSample(db, { title: 'Anything' })
    expect(await searchArticles(db, { query: '' })).toEqual([])
    expect(await searchArticles(db, { query: '   ' })).toEqual([])
  })

  it('pages through hits with limit and offset', async () => {
    for (let i = 0; i < 5; i++) await storeSample(db, { title: `Report ${i}`, contentText: `shipping ${i}` })
    const all = await searchArticles(db, { query: 'shipping' })
    expect(all).toHaveLength(5)
    const page = await searchArticles(db, { query: 'shipping', limit: 2, offset: 2 })
    expect(page.map((h) => h.id)).toEqual(all.slice(2, 4).map((h) => h.id))
  })
})
