import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExtractedArticle, SearchQuery } from '../../../common/types'
import { deleteArticles, insertArticle, setRead, updateArticle } from '../db/articles'
import type { Database } from '../db/database'
import { openArchiveDatabase } from '../db/index'
import { addTags } from '../db/tags'
import { sampleExtracted, storeSample } from '../../../../tests/support/articles'
import { MATCH_END, MATCH_START } from '../../../common/snippet'
import { searchArticles } from './search'

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

async function ids(query: string | SearchQuery): Promise<number[]> {
  const hits = await searchArticles(db, typeof query === 'string' ? { query } : query)
  return hits.map((hit) => hit.id)
}

const mark = (word: string) => `${MATCH_START}${word}${MATCH_END}`

describe('searchArticles', () => {
  describe('words', () => {
    it('finds Russian inflections: визит finds визитом and визита, and back', async () => {
      const instrumental = await storeSample(db, { title: 'Поездка', contentText: 'Перед визитом в Баку.' })
      const genitive = await storeSample(db, {
        title: 'Программа',
        contentText: 'Программа визита утверждена.',
      })
      const nominative = await storeSample(db, { title: 'Итоги', contentText: 'Визит завершён.' })
      await storeSample(db, { title: 'Другое', contentText: 'Совсем о другом.' })
      expect((await ids('визит')).sort()).toEqual([instrumental, genitive, nominative].sort())
      expect((await ids('визитом')).sort()).toEqual([instrumental, genitive, nominative].sort())
    })

    it('finds English inflections: cooperation finds cooperating', async () => {
      const cooperating = await storeSample(db, {
        title: 'Ports',
        contentText: 'Ports cooperating on customs.',
      })
      const cooperation = await storeSample(db, { title: 'Energy', contentText: 'Energy cooperation grows.' })
      await storeSample(db, { title: 'Other', contentText: 'Nothing in common.' })
      expect((await ids('cooperation')).sort()).toEqual([cooperating, cooperation].sort())
      expect((await ids('Cooperating')).sort()).toEqual([cooperating, cooperation].sort())
    })

    it('ignores case and folds ё into е, but keeps й apart from и', async () => {
      const yo = await storeSample(db, { title: 'Ёлка', contentText: 'Зелёная ёлка.' })
      const ye = await storeSample(db, { title: 'Елка', contentText: 'Зеленая елка.' })
      const wars = await storeSample(db, { title: 'История', contentText: 'Войны прошлого века.' })
      const warriors = await storeSample(db, { title: 'Легенды', contentText: 'Воины древности.' })
      expect((await ids('ЁЛКА')).sort()).toEqual([yo, ye].sort())
      expect((await ids('зеленая')).sort()).toEqual([yo, ye].sort())
      expect(await ids('войны')).toEqual([wars])
      expect(await ids('воины')).toEqual([warriors])
    })

    it('requires every word', async () => {
      const both = await storeSample(db, {
        title: 'A',
        contentText: 'regional cooperation in the South Caucasus',
      })
      await storeSample(db, { title: 'B', contentText: 'cooperation between southern ports' })
      expect(await ids('cooperation caucasus')).toEqual([both])
    })

    it('finds Latin words without their diacritics', async () => {
      const cafe = await storeSample(db, { title: 'Café society', contentText: 'Talks in a café.' })
      expect(await ids('cafe')).toEqual([cafe])
    })
  })

  describe('prefixes', () => {
    it('matches the beginning of words in both languages', async () => {
      const russian = await storeSample(db, {
        title: 'Сотрудничество',
        contentText: 'Сотрудничество растёт.',
      })
      const english = await storeSample(db, { title: 'Economy', contentText: 'The economic outlook.' })
      expect(await ids('сотруднич*')).toEqual([russian])
      expect(await ids('econ*')).toEqual([english])
      expect(await ids('сотруднич')).toEqual([])
    })

    it('reaches words whose stem is shorter than the prefix', async () => {
      // cooperation is stored under its stem "cooper", which does not begin with "cooperat".
      const id = await storeSample(db, { title: 'Talks', contentText: 'Regional cooperation.' })
      expect(await ids('cooperat*')).toEqual([id])
      const [hit] = await searchArticles(db, { query: 'cooperat*' })
      expect(hit!.snippet).toContain(mark('cooperation'))
    })
  })

  describe('phrases', () => {
    it('matches words in order, each in any inflection', async () => {
      const match = await storeSample(db, {
        title: 'A',
        contentText: 'Talks on the South Caucasus corridor.',
      })
      const russian = await storeSample(db, {
        title: 'Б',
        contentText: 'Перед визитом в Баку обсуждали маршрут.',
      })
      await storeSample(db, { title: 'C', contentText: 'The Caucasus range lies south of Russia.' })
      expect(await ids('"South Caucasus"')).toEqual([match])
      expect(await ids('"Caucasus South"')).toEqual([])
      expect(await ids('"визит в Баку"')).toEqual([russian])
      expect(await ids('«визит в Баку»')).toEqual([russian])
    })
  })

  describe('operators', () => {
    let oil: number, gas: number, coal: number, oilAndCoal: number

    beforeEach(async () => {
      oil = await storeSample(db, { title: 'Oil', contentText: 'An oil pipeline. Нефть.' })
      gas = await storeSample(db, { title: 'Gas', contentText: 'A gas pipeline. Газ.' })
      coal = await storeSample(db, { title: 'Coal', contentText: 'Coal mines. Уголь.' })
      oilAndCoal = await storeSample(db, {
        title: 'Mix',
        contentText: 'Oil and coal by pipeline. Нефть и уголь.',
      })
    })

    it('OR finds either word', async () => {
      expect((await ids('gas OR coal')).sort()).toEqual([gas, coal, oilAndCoal].sort())
      expect((await ids('газ ИЛИ уголь')).sort()).toEqual([gas, coal, oilAndCoal].sort())
    })

    it('NOT and a leading minus leave matches out', async () => {
      expect((await ids('pipeline -coal')).sort()).toEqual([oil, gas].sort())
      expect((await ids('нефть НЕ уголь')).sort()).toEqual([oil])
      expect((await ids('pipeline NOT coal')).sort()).toEqual([oil, gas].sort())
    })

    it('a query of exclusions only lists everything else', async () => {
      expect((await ids('-pipeline')).sort()).toEqual([coal])
    })

    it('parentheses group alternatives', async () => {
      expect((await ids('(oil OR gas) -coal')).sort()).toEqual([oil, gas].sort())
      expect((await ids('(нефть ИЛИ газ) (уголь ИЛИ mines)')).sort()).toEqual([oilAndCoal])
    })
  })

  describe('fields and filters', () => {
    let baku: number, moscow: number, london: number

    beforeEach(async () => {
      baku = await storeSample(db, {
        title: 'Vance in Baku',
        authors: ['Anna Smith'],
        siteName: 'Caliber.az',
        language: 'en',
        publishedAt: '2026-02-07T19:01',
        contentText: 'The vice president visited Baku.',
      })
      moscow = await storeSample(db, {
        title: 'Визит в Москву',
        authors: ['Андрей Сидорчик'],
        siteName: 'Аргументы и Факты',
        language: 'ru',
        publishedAt: '2025-10-19',
        url: 'https://aif.ru/politics/1',
        contentText: 'Делегация прибыла с визитом. Baku упоминается тоже.',
      })
      london = await storeSample(db, {
        title: 'London talks',
        siteName: null,
        url: 'https://www.example.co.uk/talks',
        language: 'en',
        publishedAt: null,
        contentText: 'Talks about Baku and London.',
      })
      await addTags(db, [baku], ['region/caucasus'])
      await addTags(db, [moscow], ['region'])
      await addTags(db, [london], ['Energy'])
    })

    it('tag: selects a tag and the tags nested under it', async () => {
      expect(await ids('baku tag:region/caucasus')).toEqual([baku])
      expect((await ids('baku tag:region')).sort()).toEqual([baku, moscow].sort())
      expect(await ids('tag:energy')).toEqual([london])
      expect(await ids('baku tag:"Region/Caucasus"')).toEqual([baku])
      expect((await ids('baku -tag:region')).sort()).toEqual([london])
      expect((await ids('tag:energy OR tag:region/caucasus')).sort()).toEqual([baku, london].sort())
      // An article carrying a tag and its child counts once.
      await addTags(db, [baku], ['region'])
      expect((await ids('baku tag:region')).sort()).toEqual([baku, moscow].sort())
      expect((await ids({ query: 'baku', tags: ['region', 'region/caucasus'] })).sort()).toEqual(
        [baku, moscow].sort(),
      )
    })

    it('site: searches the site name and the address', async () => {
      expect(await ids('baku site:caliber.az')).toEqual([baku])
      expect(await ids('site:caliber')).toEqual([baku])
      expect(await ids('site:example.co.uk')).toEqual([london])
      expect(await ids('site:"Аргументы и Факты"')).toEqual([moscow])
      expect(await ids('site:aif.ru')).toEqual([moscow])
    })

    it('author: searches the authors, inflections included', async () => {
      expect(await ids('author:smith')).toEqual([baku])
      expect(await ids('author:Сидорчика')).toEqual([moscow])
      expect(await ids('автор:"Андрей Сидорчик"')).toEqual([moscow])
    })

    it('title: searches the title only', async () => {
      expect(await ids('title:визит')).toEqual([moscow])
      expect(await ids('title:baku')).toEqual([baku])
    })

    it('lang:, before: and after: filter by language and date', async () => {
      expect((await ids('baku lang:en')).sort()).toEqual([baku, london].sort())
      expect(await ids('baku lang:ru')).toEqual([moscow])
      expect(await ids('baku before:2026')).toEqual([moscow])
      expect(await ids('baku after:2025')).toEqual([baku])
      expect(await ids('baku after:2025-10-18 before:2025-10-20')).toEqual([moscow])
      expect(await ids('baku after:18.10.2025 before:2026-02-07')).toEqual([moscow])
      // Filters alone list the newest first.
      expect(await ids('lang:en')).toEqual([baku, london])
    })

    it('is:read and is:unread filter by reading state', async () => {
      await db.transaction(() => setRead(db, [moscow], true, '2026-03-01T00:00:00Z'))
      expect(await ids('baku is:read')).toEqual([moscow])
      expect((await ids('baku is:unread')).sort()).toEqual([baku, london].sort())
    })

    it('takes the library filters next to the query', async () => {
      expect(await ids({ query: 'baku', language: 'ru' })).toEqual([moscow])
      expect((await ids({ query: 'baku', tags: ['region'] })).sort()).toEqual([baku, moscow].sort())
      expect(await ids({ query: 'baku', tags: ['region', 'energy'], tagMode: 'all' })).toEqual([])
      expect(await ids({ query: 'baku', site: 'caliber.az' })).toEqual([baku])
      expect(await ids({ query: 'baku', site: null })).toEqual([london])
      expect(await ids({ query: 'baku', dateFrom: '2026', dateTo: '2026-02' })).toEqual([baku])
      expect(await ids({ query: '', language: 'ru' })).toEqual([moscow])
    })
  })

  describe('ranking and snippets', () => {
    it('ranks a title hit above a body hit', async () => {
      const bodyOnly = await storeSample(db, {
        title: 'Harbour notes',
        contentText: 'A long report on shipping. The pipeline was mentioned once, among many other things.',
      })
      const inTitle = await storeSample(db, {
        title: 'Pipeline politics',
        contentText: 'A long report on shipping and energy, with many other things.',
      })
      const hits = await searchArticles(db, { query: 'pipelines' })
      expect(hits.map((hit) => hit.id)).toEqual([inTitle, bodyOnly])
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score)
    })

    it('returns the fields of a hit and marks the matched words, inflections included', async () => {
      const id = await storeSample(db, {
        title: 'Notes',
        siteName: 'Caliber.az',
        publishedAt: '2026-02-07T19:01',
        contentText: 'The vice president arrives in Baku next week. Перед визитом обсуждали сотрудничество.',
      })
      const [hit] = await searchArticles(db, { query: 'baku визит' })
      expect(hit).toMatchObject({
        id,
        title: 'Notes',
        siteName: 'Caliber.az',
        publishedAt: '2026-02-07T19:01',
      })
      expect(hit!.snippet).toContain(mark('Baku'))
      expect(hit!.snippet).toContain(mark('визитом'))
      expect(hit!.snippet).not.toContain(mark('обсуждали'))
    })

    it('shows the passage where the query words meet, not the opening', async () => {
      const filler = 'Unrelated opening words fill this paragraph for a while. '.repeat(20)
      await storeSample(db, {
        title: 'Long read',
        contentText: `${filler}\n\nThe pipeline crosses Georgia. ${filler}`,
      })
      const [hit] = await searchArticles(db, { query: 'pipeline georgia' })
      expect(hit!.snippet.startsWith(`The ${mark('pipeline')} crosses ${mark('Georgia')}.`)).toBe(true)
      expect(hit!.snippet.endsWith('…')).toBe(true)
    })

    it('opens the text when only the title matched, and never marks excluded words', async () => {
      await storeSample(db, { title: 'Pipeline politics', contentText: 'Shipping and coal in ports.' })
      const [hit] = await searchArticles(db, { query: 'pipeline -oil' })
      expect(hit!.snippet).toBe('Shipping and coal in ports.')
    })
  })

  describe('highlights and notes', () => {
    it('finds an article by its highlighted passages and notes, and note: searches only those', async () => {
      const id = await storeSample(db, {
        title: 'Corridor',
        contentText: 'The corridor crosses the Caspian.',
      })
      const other = await storeSample(db, { title: 'Other', contentText: 'Сотрудничество в регионе.' })
      const now = new Date().toISOString()
      await db.run(
        `INSERT INTO highlights (article_id, color, quote, note, created_at, updated_at)
         VALUES (?, 'yellow', 'crosses the Caspian', 'Сравнить с визитами в Баку', ?, ?)`,
        [id, now, now],
      )
      expect(await ids('визит')).toEqual([id])
      expect(await ids('note:caspian')).toEqual([id])
      expect(await ids('note:сотрудничество')).toEqual([])
      expect(await ids('сотрудничество')).toEqual([other])
      await db.run('UPDATE highlights SET note = NULL WHERE article_id = ?', [id])
      expect(await ids('визит')).toEqual([])
      await db.run('DELETE FROM highlights WHERE article_id = ?', [id])
      expect(await ids('note:caspian')).toEqual([])
    })

    it('has:notes keeps the articles with a highlight, noted or not; -has:notes the others', async () => {
      const noted = await storeSample(db, { title: 'Noted', contentText: 'Pipeline talks in Baku.' })
      const marked = await storeSample(db, { title: 'Marked', contentText: 'Pipeline news from Tbilisi.' })
      const plain = await storeSample(db, { title: 'Plain', contentText: 'Pipeline plans in Yerevan.' })
      const now = new Date().toISOString()
      await db.run(
        `INSERT INTO highlights (article_id, color, quote, note, created_at, updated_at)
         VALUES (?, 'yellow', 'talks', 'Ask about dates', ?, ?), (?, 'green', 'news', NULL, ?, ?)`,
        [noted, now, now, marked, now, now],
      )
      expect((await ids('pipeline has:notes')).sort()).toEqual([noted, marked].sort())
      expect((await ids('pipeline есть:заметки')).sort()).toEqual([noted, marked].sort())
      expect(await ids('pipeline -has:notes')).toEqual([plain])
      expect((await ids('has:notes')).sort()).toEqual([noted, marked].sort())
      expect(await ids({ query: 'pipeline', hasNotes: false })).toEqual([plain])
      expect(await ids({ query: 'pipeline tbilisi', hasNotes: true })).toEqual([marked])
      await db.run('DELETE FROM highlights WHERE article_id = ?', [marked])
      expect(await ids('pipeline has:notes')).toEqual([noted])
    })
  })

  describe('the index', () => {
    it('follows edits and deletions', async () => {
      const id = await storeSample(db, { title: 'Old title', contentText: 'Body.' })
      await db.transaction(() =>
        updateArticle(db, id, { title: 'Renamed pipeline' }, new Date().toISOString()),
      )
      expect(await ids('pipeline')).toEqual([id])
      expect(await ids('old')).toEqual([])
      await db.transaction(() => deleteArticles(db, [id]))
      expect(await ids('pipeline')).toEqual([])
    })

    it('indexes articles stored without indexing before the next search', async () => {
      const extracted: ExtractedArticle = sampleExtracted({
        title: 'Deferred',
        contentText: 'Indexed later.',
      })
      const bytes = Buffer.from('deferred')
      await db.transaction(() =>
        insertArticle(db, {
          extracted,
          sourceName: null,
          original: { sha256: 'f'.repeat(64), bytes, name: null },
          addedAt: new Date().toISOString(),
        }),
      )
      expect(await ids('deferred')).toHaveLength(1)
    })
  })

  it('never throws on hostile input', async () => {
    await storeSample(db, { title: 'foo bar', contentText: 'foo and more' })
    for (const query of [
      '"foo AND (',
      'foo)',
      'NEAR(',
      'NEAR(foo bar, 2)',
      '*',
      'foo*',
      'f*',
      'title:foo',
      'title:',
      'tag:',
      'tag:"',
      'before:2026-99',
      '"""',
      '^foo',
      'foo OR',
      'OR foo',
      'NOT',
      '-',
      '--foo',
      '-(foo)',
      '((((((((((((((((((((((((((foo',
      'foo AND AND OR NOT bar',
      '{title}: foo',
      'foo:bar:baz',
      '\u0000',
      `${MATCH_START}foo${MATCH_END}`,
      "'; DROP TABLE articles; --",
      '🙂 foo',
      '\u0301',
      'foo \u0301*',
      '"\u0301 \u0300"',
      '_ foo',
      '中文 foo',
      '٣ foo',
      'title:\u0301',
      'x'.repeat(1000),
    ]) {
      await expect(searchArticles(db, { query })).resolves.toBeInstanceOf(Array)
    }
    expect(await ids('"foo AND (')).toHaveLength(1)
    expect(await ids('foo)')).toHaveLength(1)
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

describe('ranking very common words', () => {
  it('ranks the newest matches past the window, and still reaches deeper pages', async () => {
    const older = await storeSample(db, { title: 'Pipeline pipeline', contentText: 'pipeline' })
    const newer: number[] = []
    for (let i = 0; i < 4; i++)
      newer.push(await storeSample(db, { title: `Report ${i}`, contentText: 'a pipeline' }))
    // Everything is ranked: the title hit wins.
    expect((await searchArticles(db, { query: 'pipeline', limit: 1 }, { rankWindow: 10 }))[0]!.id).toBe(older)
    // Only the three newest matches are ranked.
    const windowed = await searchArticles(db, { query: 'pipeline', limit: 3 }, { rankWindow: 3 })
    expect(windowed.map((hit) => hit.id).sort()).toEqual(newer.slice(1).sort())
    // A page beyond the window ranks everything again.
    const deep = await searchArticles(db, { query: 'pipeline', limit: 2, offset: 3 }, { rankWindow: 3 })
    expect(deep).toHaveLength(2)
    // Filters count towards the window: two newest tagged matches.
    await addTags(db, [older, newer[0]!, newer[1]!], ['energy'])
    const filtered = await searchArticles(db, { query: 'pipeline tag:energy', limit: 2 }, { rankWindow: 2 })
    expect(filtered.map((hit) => hit.id).sort()).toEqual([newer[0]!, newer[1]!].sort())
  })
})
