import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleFilter, Facets, ListQuery, SortField, TagCount } from '../../../common/types'
import { sampleExtracted } from '../../../../tests/support/articles'
import { Archive } from '../api'
import { insertArticle } from '../db/articles'
import type { Database } from '../db/database'
import { openArchiveDatabase } from '../db/index'
import { compareTagNames, parentTagName } from '../db/tags'
import { DATABASE_FILE } from '../paths'
import { and, filterConditions } from './filters'
import { countFacets } from './facets'
import { ensureSearchIndex, flushSearchIndex } from './indexer'
import { listArticles } from './library'
import { COLUMN_WEIGHTS, RANK_WINDOW, rankSelection } from './search'
import { prepareQuery, selectArticles, selectedIds, storedIds, storeSelection } from './selection'

/**
 * The library's one-pass answer (listArticles with `facets: true`) against the separate calls
 * (search, facets) and against a plain SQL reference that selects and counts the way the library
 * did before it kept its columns in memory, on a real archive on disk.
 */

const QUERIES = [
  '',
  'the',
  'visit',
  'визит',
  'pipeline OR газопровод',
  '"the visit"',
  'coop*',
  '-the',
  'the -visit',
  'tag:region',
  'tag:region/caucasus the',
  'lang:ru',
  'is:unread visit',
  'has:notes',
  '-has:notes the',
  'after:2020 before:2025',
  'site:caliber.az',
  'note:important',
  'title:visit',
  'tag:energy OR lang:de',
  'kind:forum',
  'kind:docs visit',
  '-kind:article',
  'nothingmatcheshere',
]

const COLLECTION = 'Thesis'

function filtersWith(collection: number): ArticleFilter[] {
  return [
    {},
    { tags: ['region'] },
    { tags: ['region/europe', 'Energy'], tagMode: 'all' },
    { tags: ['region/caucasus', 'energy'] },
    { site: 'caliber.az' },
    { site: null },
    { language: 'ru' },
    { language: null },
    { dateFrom: '2024', dateTo: '2025-06' },
    { read: true },
    { read: false, hasNotes: false },
    { hasNotes: true },
    { collection },
    { pageKind: 'forum' },
    { pageKind: 'documentation', language: 'en' },
  ]
}

const ENGLISH = {
  common: ['the', 'of', 'and', 'in'],
  topics: [
    'visit',
    'visited',
    'pipeline',
    'cooperation',
    'cooperating',
    'talks',
    'energy',
    'port',
    'grain',
    'rail',
  ],
}
const RUSSIAN = {
  common: ['и', 'в', 'не', 'на'],
  topics: ['визит', 'визитом', 'газопровод', 'сотрудничество', 'переговоры', 'порт', 'зерно', 'дорога'],
}
// Spellings that differ only in ASCII case count as one site; Cyrillic case is kept apart, as
// SQLite's NOCASE keeps it.
const SITES = ['Caliber.az', 'CALIBER.AZ', 'caliber.az', 'Вестник', 'вестник', 'BBC News', null]
const DATES = ['2019-05-01', '2021-11-30', '2024-03-05', '2025', '2025-06-30T10:00', '2026-02-07T19:01', null]
const LANGUAGES = ['en', 'en', 'ru', 'ru', 'de', null]
const PAGE_KINDS = ['article', 'article', 'forum', 'documentation', 'listing', null] as const

let dir: string
let archive: Archive
let db: Database
let collection: number

/** A small generator with a seed, so every run builds the same archive. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-library-page-'))
  archive = await Archive.open({ dir })
  // The facade keeps its connection private; tests reach it the way the engine's own modules do.
  db = (archive as unknown as { db: Database }).db
  const random = seeded(7)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const ids: number[] = []
  await db.transaction(async () => {
    for (let i = 0; i < 160; i++) {
      const language = pick(LANGUAGES)
      const words = language === 'ru' ? RUSSIAN : ENGLISH
      const word = () => pick(random() < 0.5 ? words.common : words.topics)
      const text = Array.from({ length: 4 + Math.floor(random() * 16) }, word).join(' ')
      const extracted = sampleExtracted({
        title: Array.from({ length: 3 }, word).join(' '),
        contentText: `${text}.`,
        siteName: pick(SITES),
        publishedAt: pick(DATES),
        language,
        pageKind: pick(PAGE_KINDS),
      })
      const bytes = Buffer.from(`original ${i}`)
      ids.push(
        await insertArticle(db, {
          extracted,
          sourceName: `page-${i}.html`,
          original: { sha256: `${i}`.padStart(64, '0'), bytes, name: `page-${i}.html` },
          addedAt: new Date(Date.UTC(2026, 0, 1) + (i % 40) * 60_000).toISOString(),
        }),
      )
    }
    await flushSearchIndex(db)
  })
  const share = (part: number) => ids.filter((id) => id % part === 0)
  await archive.tagArticles({ ids: share(3), add: ['region/caucasus'] })
  await archive.tagArticles({ ids: share(5), add: ['region/europe'] })
  await archive.tagArticles({ ids: share(4), add: ['Energy'] })
  await archive.tagArticles({ ids: share(7), add: ['region'] })
  await archive.createTag({ name: 'unused', color: '#aa0000' })
  await archive.setRead({ ids: share(2), read: true })
  for (const id of share(6)) {
    await archive.addHighlight({
      articleId: id,
      quote: 'the',
      prefix: '',
      suffix: '',
      color: 'yellow',
      note: id % 12 === 0 ? 'important point' : null,
    })
  }
  collection = (await archive.createCollection({ name: COLLECTION })).id
  await archive.addToCollection({ id: collection, articleIds: share(9) })
})

afterAll(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

/** The selection the old way: every condition straight over the articles, the words through the index. */
async function referenceIds(query: string, filter: ArticleFilter): Promise<number[]> {
  // Highlights and notes reach the index when the next search needs it.
  await ensureSearchIndex(db)
  const compiled = await prepareQuery(db, query)
  const conditions = [...filterConditions(filter), ...compiled.conditions]
  for (const [expression, operator] of [
    [compiled.match, 'IN'],
    [compiled.exclude, 'NOT IN'],
  ] as const) {
    if (expression !== null) {
      conditions.push({
        sql: `a.id ${operator} (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`,
        params: [expression],
      })
    }
  }
  const where = and(conditions)
  const rows = await db.all<{ id: number }>(
    `SELECT a.id FROM articles a WHERE ${where.sql} ORDER BY a.id`,
    where.params,
  )
  return rows.map((row) => row.id)
}

/** Each tag's articles and its subtree's among the selected ids, counted from the links. */
async function referenceTagCounts(scope: { sql: string; params: string[] }): Promise<TagCount[]> {
  const rows = await db.all<{ name: string; color: string | null; count: number; total: number }>(
    `SELECT t.name, t.color,
       (SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id AND at.article_id IN (${scope.sql})) AS count,
       (SELECT count(DISTINCT at.article_id) FROM tags d JOIN article_tags at ON at.tag_id = d.id
        WHERE (d.name_key = t.name_key OR (d.name_key >= t.name_key || '/' AND d.name_key < t.name_key || '0'))
          AND at.article_id IN (${scope.sql})) AS total
     FROM tags t`,
    [...scope.params, ...scope.params],
  )
  return rows
    .map((row) => ({ ...row, parent: parentTagName(row.name) }))
    .sort((a, b) => compareTagNames(a.name, b.name))
}

/** The counts in plain SQL GROUP BYs over the selected ids. */
async function referenceFacets(ids: readonly number[]): Promise<Facets> {
  const scope = { sql: 'SELECT value FROM json_each(?)', params: [JSON.stringify(ids)] }
  const inScope = `a.id IN (${scope.sql})`
  const grouped = (value: string) =>
    db.all<{ value: string | null; count: number }>(
      `SELECT ${value} AS value, count(*) AS count FROM articles a WHERE ${inScope}
       GROUP BY value ORDER BY count DESC, value LIMIT 500`,
      scope.params,
    )
  // A group of spellings is named as its newest article spells it.
  const sites = await db.all<{ value: string | null; count: number }>(
    `SELECT newest.site_name AS value, groups.count FROM (
       SELECT max(a.id) AS id, count(*) AS count FROM articles a WHERE ${inScope}
       GROUP BY a.site_name COLLATE NOCASE
     ) groups JOIN articles newest ON newest.id = groups.id
     ORDER BY groups.count DESC, value LIMIT 500`,
    scope.params,
  )
  const totals = await db.get<{ read: number; notes: number }>(
    `SELECT count(a.read_at) AS read,
       count(CASE WHEN a.id IN (SELECT article_id FROM highlights) THEN 1 END) AS notes
     FROM articles a WHERE ${inScope}`,
    scope.params,
  )
  const years = await grouped('substr(a.published_at, 1, 4)')
  years.sort((a, b) => (b.value ?? '').localeCompare(a.value ?? ''))
  return {
    total: ids.length,
    tags: await referenceTagCounts(scope),
    sites,
    languages: await grouped('a.language'),
    years,
    pageKinds: await grouped('a.page_kind'),
    read: totals?.read ?? 0,
    unread: ids.length - (totals?.read ?? 0),
    withNotes: totals?.notes ?? 0,
    withoutNotes: ids.length - (totals?.notes ?? 0),
  }
}

const ORDERS: Record<SortField, string> = {
  addedAt: 'a.added_at DESC, a.id DESC',
  publishedAt: 'a.published_at IS NULL, a.published_at, a.id',
  title: 'a.title COLLATE NOCASE, a.id',
  siteName: 'a.site_name COLLATE NOCASE DESC, a.id DESC',
}
const ORDER_OF: Record<SortField, 'asc' | 'desc'> = {
  addedAt: 'desc',
  publishedAt: 'asc',
  title: 'asc',
  siteName: 'desc',
}

async function referencePage(ids: readonly number[], sort: SortField, offset: number): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))
     ORDER BY ${ORDERS[sort]} LIMIT 10 OFFSET ?`,
    [JSON.stringify(ids), offset],
  )
  return rows.map((row) => row.id)
}

const hitFields = (items: readonly { id: number; snippet?: string; score?: number }[]) =>
  items.map(({ id, snippet, score }) => ({ id, snippet, score }))

describe('the library list in one pass', () => {
  it('gives the same hits, totals and counts as search, facets and a plain SQL reference', async () => {
    const sorts = Object.keys(ORDERS) as SortField[]
    let compared = 0
    let nonEmpty = 0
    for (const filter of filtersWith(collection)) {
      for (const [index, query] of QUERIES.entries()) {
        const context = `query ${JSON.stringify(query)}, filters ${JSON.stringify(filter)}`
        const ids = await referenceIds(query, filter)
        const expected = await referenceFacets(ids)
        if (ids.length > 0) nonEmpty++

        const facets = await archive.facets({ ...(query ? { query } : {}), ...filter })
        expect(facets, `${context}: facets`).toEqual(expected)

        const request: ListQuery = { query, ...filter, sort: 'relevance', limit: 7, facets: true }
        const first = await archive.listArticles(request)
        const second = await archive.listArticles({ ...request, offset: 7, facets: false })
        expect(first.total, context).toBe(ids.length)
        expect(first.facets, `${context}: one pass by relevance`).toEqual(expected)
        expect(second.facets, context).toBeUndefined()
        if (query.trim() !== '') {
          const hits = await archive.search({ query, ...filter, limit: 14 })
          expect(hitFields([...first.items, ...second.items]), context).toEqual(hitFields(hits))
        }

        const sort = sorts[index % sorts.length]!
        const sorted = await archive.listArticles({
          query,
          ...filter,
          sort,
          order: ORDER_OF[sort],
          offset: 3,
          limit: 10,
          facets: true,
        })
        expect(sorted.total, context).toBe(ids.length)
        expect(sorted.facets, `${context}: one pass sorted by ${sort}`).toEqual(expected)
        expect(
          sorted.items.map((item) => item.id),
          `${context}, sorted by ${sort}`,
        ).toEqual(await referencePage(ids, sort, 3))
        compared++
      }
    }
    expect(compared).toBe(QUERIES.length * filtersWith(collection).length)
    // The archive is rich enough that most combinations select something.
    expect(nonEmpty).toBeGreaterThan(compared / 2)
  })

  it('ranks the matches the filters leave as ranking them among the filtered ids did', async () => {
    // A window smaller than most selections, so which matches are ranked matters too.
    const window = 25
    let ranked = 0
    for (const filter of filtersWith(collection)) {
      for (const query of QUERIES) {
        const compiled = await prepareQuery(db, query)
        if (compiled.match === null) continue
        const reference = await db.all<{ id: number; score: number }>(
          `SELECT id, score FROM (
             SELECT f.rowid AS id, -bm25(articles_fts, ${COLUMN_WEIGHTS}) AS score FROM articles_fts f
             WHERE f.articles_fts MATCH ? AND +f.rowid IN (SELECT value FROM json_each(?))
             ORDER BY f.rowid DESC LIMIT ?
           ) ORDER BY score DESC, id DESC LIMIT 14`,
          [compiled.match, JSON.stringify(await referenceIds(query, filter)), window],
        )
        const hits = await db.exclusive(async () =>
          rankSelection(db, await selectArticles(db, query, filterConditions(filter)), {
            limit: 14,
            offset: 0,
            window,
          }),
        )
        expect(hits, `query ${JSON.stringify(query)}, filters ${JSON.stringify(filter)}`).toEqual(reference)
        ranked++
      }
    }
    expect(ranked).toBeGreaterThan(100)
  })

  it("selects and ranks the same whether a search starts from a small filter's ids or tests every match", async () => {
    await ensureSearchIndex(db)
    let startedFromIds = 0
    for (const filter of filtersWith(collection)) {
      for (const query of QUERIES) {
        if ((await prepareQuery(db, query)).match === null) continue
        const context = `query ${JSON.stringify(query)}, filters ${JSON.stringify(filter)}`
        const answers = await Promise.all(
          [0, 1_000].map((filterFirstUpTo) =>
            db.exclusive(async () => {
              const selection = await selectArticles(db, query, filterConditions(filter), { filterFirstUpTo })
              const ids = await selectedIds(db, selection)
              const stored = await storeSelection(db, selection)
              return {
                startsFromIds: selection.survivors !== null,
                ids,
                stored: stored ? (await storedIds(db, stored)).sort((a, b) => a - b) : null,
                // Windows of 5 and 25 rank some of the matches and all of them.
                ranked: [
                  await rankSelection(db, selection, { limit: 14, offset: 0, window: 5 }),
                  await rankSelection(db, selection, { limit: 14, offset: 3, window: 25 }),
                ],
              }
            }),
          ),
        )
        const [eachMatch, fromIds] = answers as [(typeof answers)[0], (typeof answers)[0]]
        expect(eachMatch.startsFromIds, context).toBe(false)
        if (fromIds.startsFromIds) startedFromIds++
        expect(fromIds.ids, context).toEqual(eachMatch.ids)
        expect(fromIds.ids, context).toEqual(await referenceIds(query, filter))
        expect(fromIds.stored, context).toEqual(eachMatch.stored)
        expect(fromIds.ranked, context).toEqual(eachMatch.ranked)
      }
    }
    // Every tag, collection and has:notes filter, from the panel or the query, with words.
    expect(startedFromIds).toBeGreaterThan(50)
  })

  it('pages a query of filters alone newest first, whether its page lies among the newest articles or not', async () => {
    let probed = 0
    for (const filter of filtersWith(collection)) {
      for (const query of QUERIES) {
        const compiled = await prepareQuery(db, query)
        if (compiled.match !== null) continue
        const context = `query ${JSON.stringify(query)}, filters ${JSON.stringify(filter)}`
        const newestFirst = await db.all<{ id: number }>(
          `SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))
           ORDER BY published_at DESC, id DESC`,
          [JSON.stringify(await referenceIds(query, filter))],
        )
        for (const [offset, limit] of [
          [0, 5],
          [4, 9],
          [30, 40],
        ] as const) {
          const expected = newestFirst.slice(offset, offset + limit).map((row) => row.id)
          // Probing 12 rows finds some pages there and falls back to collecting the filter for others.
          for (const probe of [12, 100_000]) {
            const hits = await db.exclusive(async () =>
              rankSelection(db, await selectArticles(db, query, filterConditions(filter)), {
                limit,
                offset,
                window: RANK_WINDOW,
                probe,
              }),
            )
            expect(
              hits.map((hit) => hit.id),
              `${context}, rows ${offset}+${limit}, probing ${probe}`,
            ).toEqual(expected)
          }
        }
        probed++
      }
    }
    expect(probed).toBeGreaterThan(50)
  })

  it("answers a large archive's first page without counts and loads them in chunks meanwhile", async () => {
    // A connection of its own starts with nothing in memory; every archive counts as large here
    // and the columns are read seven rows a statement.
    const fresh = await openArchiveDatabase(join(dir, DATABASE_FILE))
    const loading = { chunkRows: 7, inlineUpTo: 0 }
    try {
      const first = await listArticles(
        fresh,
        { sort: 'title', order: 'asc', limit: 5, facets: true },
        loading,
      )
      expect(first.facets).toBeUndefined()
      expect(first.total).toBe((await referenceIds('', {})).length)
      expect(first.items.map((item) => item.id)).toEqual(
        await referencePage(await referenceIds('', {}), 'title', 0).then((ids) => ids.slice(0, 5)),
      )
      const views: [string, ArticleFilter][] = [
        ['', {}],
        ['the', { tags: ['region'] }],
        ['tag:region/caucasus', { hasNotes: true }],
        ['визит OR visit', { site: 'caliber.az', read: false }],
      ]
      for (const [query, filter] of views) {
        const expected = await referenceFacets(await referenceIds(query, filter))
        const context = `${query} ${JSON.stringify(filter)}`
        expect(await countFacets(fresh, { query, ...filter }, loading), context).toEqual(expected)
        const page = await listArticles(fresh, { query, ...filter, sort: 'relevance', facets: true }, loading)
        expect(page.facets, `${context}: once loaded, with the page`).toEqual(expected)
      }
      // A change: the next page again comes first, and the counts follow it.
      const [article] = first.items
      await archive.setRead({ ids: [article!.id], read: !article!.readAt })
      expect((await listArticles(fresh, { facets: true }, loading)).facets).toBeUndefined()
      expect(await countFacets(fresh, {}, loading)).toEqual(await referenceFacets(await referenceIds('', {})))
    } finally {
      await fresh.close()
    }
  })

  it('follows every change the counts depend on, whoever makes it', async () => {
    const check = async (what: string) => {
      const views: [string, ArticleFilter][] = [
        ['', {}],
        ['the', { tags: ['region'] }],
        ['', { hasNotes: true }],
      ]
      for (const [query, filter] of views) {
        const expected = await referenceFacets(await referenceIds(query, filter))
        expect(
          await archive.facets({ query, ...filter }),
          `${what}: ${query} ${JSON.stringify(filter)}`,
        ).toEqual(expected)
      }
    }
    await check('before')
    const [first, second, third] = (await archive.listArticles({ sort: 'title', order: 'asc', limit: 3 }))
      .items
    await archive.setRead({ ids: [first!.id], read: !first!.readAt })
    await check('read state')
    await archive.tagArticles({ ids: [first!.id, second!.id], add: ['region/caucasus/baku'] })
    await check('tags added')
    await archive.setTagColor({ name: 'region/caucasus/baku', color: '#00aa00' })
    await check('tag colour')
    await archive.renameTag({ name: 'region/caucasus', newName: 'caucasus' })
    await check('tag renamed')
    await archive.updateArticle({
      id: second!.id,
      patch: { siteName: 'caliber.AZ', language: 'de', publishedAt: '2030' },
    })
    await check('fields edited')
    const highlight = await archive.addHighlight({
      articleId: third!.id,
      quote: 'the',
      prefix: '',
      suffix: '',
      color: 'green',
    })
    await check('highlight added')
    await archive.deleteHighlight({ id: highlight.id })
    await check('highlight deleted')
    await archive.deleteArticles({ ids: [first!.id] })
    await check('article deleted')

    // Another connection (the CLI, or a second window) writes; this one sees it at its next count.
    const other = await openArchiveDatabase(join(dir, DATABASE_FILE))
    try {
      await other.run('UPDATE articles SET read_at = NULL WHERE id = ?', [third!.id])
      await other.run('UPDATE articles SET read_at = ? WHERE id = ?', ['2026-03-01T00:00:00Z', second!.id])
    } finally {
      await other.close()
    }
    await check('changed elsewhere')

    // Without its version row nothing is kept, so the counts still follow.
    await db.run('DELETE FROM library_version')
    await check('version removed')
    await archive.setRead({ ids: [third!.id], read: true })
    await check('no version to check')
  })
})
