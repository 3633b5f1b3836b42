import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiArgs, ApiMethod, ApiResult } from '../../../../common/api'
import type { ArticleCitationPatch, ArticlePatch } from '../../../../common/types'
import { Archive } from '../../api'
import { defaultCslDir } from '../index'
import { callApi, toErrorShape } from '../../dispatch'
import { SEED_FIXTURE } from '../../../../../tests/support/paths'

const SEED = SEED_FIXTURE

let dir: string
let archive: Archive

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-citelists-'))
  archive = await Archive.open({ dir: join(dir, 'archive') })
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

/** Every call goes through dispatch, so the argument schemas are exercised as on IPC and HTTP. */
function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  return callApi(archive, method, args) as Promise<ApiResult<M>>
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    return toErrorShape(error)
  }
  throw new Error('expected the call to fail')
}

/** Imports a small text page and gives it the citation fields of `patch`. */
async function article(title: string, patch: ArticlePatch & ArticleCitationPatch = {}): Promise<number> {
  const text = `${title}\n\nA paragraph about ${title.toLowerCase()} that reads like an article body.\n`
  const report = await call('importFiles', {
    files: [{ name: `${title}.txt`, dataBase64: Buffer.from(text).toString('base64') }],
  })
  const id = report.items[0]!.id!
  if (Object.keys(patch).length > 0) await call('updateArticle', { id, patch })
  return id
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64')

describe('citation list CRUD', () => {
  it('creates, names, renames, counts and deletes lists', async () => {
    const changes: string[] = []
    archive.on('archiveChanged', (change) => changes.push(change.reason))
    const thesis = await call('createCitationList', { name: '  Диссертация  ' })
    expect(thesis).toMatchObject({ name: 'Диссертация', style: 'apa', locale: 'en-US', count: 0 })
    const paper = await call('createCitationList', {
      name: 'Paper',
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
    })
    expect((await failure(call('createCitationList', { name: 'диссертация' }))).code).toBe('conflict')
    expect((await failure(call('createCitationList', { name: 'PAPER' }))).code).toBe('conflict')

    const id = await article('Ports')
    await call('addToCitationList', { id: paper.id, articleIds: [id] })
    expect(await call('listCitationLists', {})).toEqual([
      expect.objectContaining({ name: 'Paper', count: 1 }),
      expect.objectContaining({ name: 'Диссертация', count: 0 }),
    ])

    const renamed = await call('renameCitationList', { id: thesis.id, name: 'Thesis' })
    expect(renamed).toMatchObject({ id: thesis.id, name: 'Thesis' })
    expect((await failure(call('renameCitationList', { id: thesis.id, name: 'paper' }))).code).toBe(
      'conflict',
    )
    // Renaming to itself in another case is not a conflict.
    expect(await call('renameCitationList', { id: paper.id, name: 'PAPER' })).toMatchObject({ name: 'PAPER' })

    expect(await call('deleteCitationList', { id: paper.id })).toEqual({ deleted: true })
    expect(await call('deleteCitationList', { id: paper.id })).toEqual({ deleted: false })
    expect((await call('getArticle', { id })).id).toBe(id)
    expect((await failure(call('getCitationList', { id: paper.id }))).code).toBe('not-found')
    expect(changes).toContain('citationLists')
  })

  it('refuses an unknown style and a bad locale', async () => {
    const unknown = await failure(call('createCitationList', { name: 'x', style: 'vancouver' }))
    expect(unknown.code).toBe('invalid-arguments')
    expect(unknown.message).toContain('unknown style "vancouver"')
    expect(unknown.message).toContain('gost-r-7.0.100-2018')
    const locale = await failure(
      callApi(archive, 'createCitationList', { name: 'x', locale: 'de-DE' }) as Promise<unknown>,
    )
    expect(locale.code).toBe('invalid-arguments')
  })
})

describe('list items', () => {
  it('appends in order, ignores duplicates, removes and closes gaps', async () => {
    const [a, b, c] = [await article('Alpha'), await article('Beta'), await article('Gamma')]
    const list = await call('createCitationList', { name: 'Reading' })
    expect(await call('addToCitationList', { id: list.id, articleIds: [c, a, c] })).toEqual({ changed: 2 })
    expect(await call('addToCitationList', { id: list.id, articleIds: [a, b] })).toEqual({ changed: 1 })
    let detail = await call('getCitationList', { id: list.id })
    expect(detail.items.map((item) => [item.id, item.position])).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ])
    expect(detail.items[0]).toMatchObject({ title: 'Gamma', accessedAt: null, citeKind: null, tags: [] })

    expect(await call('removeFromCitationList', { id: list.id, articleIds: [a, 999] })).toEqual({
      changed: 1,
    })
    detail = await call('getCitationList', { id: list.id })
    expect(detail.items.map((item) => [item.id, item.position])).toEqual([
      [c, 0],
      [b, 1],
    ])
    expect(detail.count).toBe(2)

    const missing = await failure(call('addToCitationList', { id: list.id, articleIds: [a, 998] }))
    expect(missing).toEqual({
      code: 'not-found',
      message: 'no article with id 998',
      messageKey: 'article-not-found',
      params: { ids: '998' },
    })
    expect((await failure(call('addToCitationList', { id: 4242, articleIds: [a] }))).code).toBe('not-found')

    // Deleting an article takes it out of every list.
    await call('deleteArticles', { ids: [c] })
    detail = await call('getCitationList', { id: list.id })
    expect(detail.items.map((item) => item.id)).toEqual([b])
  })

  it('reorders to a full permutation only', async () => {
    const ids = [await article('One'), await article('Two'), await article('Three')]
    const list = await call('createCitationList', { name: 'Order' })
    await call('addToCitationList', { id: list.id, articleIds: ids })
    const reordered = await call('reorderCitationList', {
      id: list.id,
      articleIds: [ids[2]!, ids[0]!, ids[1]!],
    })
    expect(reordered.items.map((item) => item.id)).toEqual([ids[2], ids[0], ids[1]])

    const short = await failure(call('reorderCitationList', { id: list.id, articleIds: [ids[0]!, ids[1]!] }))
    expect(short.code).toBe('invalid-arguments')
    expect(short.message).toContain(`missing ${ids[2]}`)
    const repeated = await failure(
      call('reorderCitationList', { id: list.id, articleIds: [ids[0]!, ids[0]!, ids[1]!, ids[2]!] }),
    )
    expect(repeated.message).toContain('repeated')
    const stranger = await failure(call('reorderCitationList', { id: list.id, articleIds: [...ids, 77] }))
    expect(stranger.message).toContain('not in the list: 77')
    expect((await call('getCitationList', { id: list.id })).items.map((item) => item.id)).toEqual([
      ids[2],
      ids[0],
      ids[1],
    ])
  })

  it('sorts as the style orders its bibliography', async () => {
    const smith = await article('Energy security', { authors: ['John Smith'], publishedAt: '2025-09-01' })
    const ivanov = await article('Транспортные коридоры', {
      authors: ['Иванов Иван Иванович'],
      publishedAt: '2025-03-15',
      language: 'ru',
    })
    const clark = await article('Policy notes', { authors: ['Tom Clark'], publishedAt: '2024-01-01' })
    const list = await call('createCitationList', { name: 'Sorted', style: 'apa' })
    await call('addToCitationList', { id: list.id, articleIds: [ivanov, smith, clark] })

    // APA: by author, Latin and Cyrillic in one alphabet order of the collation.
    const byApa = await call('sortCitationList', { id: list.id })
    expect(byApa.items.map((item) => item.id)).toEqual([clark, smith, ivanov])
    // GOST R 7.0.100: Cyrillic entries first.
    const byGost = await call('sortCitationList', {
      id: list.id,
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
    })
    expect(byGost.items.map((item) => item.id)).toEqual([ivanov, clark, smith])
    // Sorting with another style does not change the list's own style.
    expect(byGost.style).toBe('apa')
  })
})

describe('style persistence', () => {
  it('keeps the style and locale of a list across reopening', async () => {
    const list = await call('createCitationList', { name: 'Kept' })
    const changed = await call('setCitationListStyle', {
      id: list.id,
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
    })
    expect(changed).toMatchObject({ style: 'gost-r-7.0.100-2018', locale: 'ru-RU' })
    expect(
      (await failure(call('setCitationListStyle', { id: list.id, style: 'nope', locale: 'en-US' }))).code,
    ).toBe('invalid-arguments')
    await archive.close()
    archive = await Archive.open({ dir: join(dir, 'archive') })
    expect(await call('getCitationList', { id: list.id })).toMatchObject({
      name: 'Kept',
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
      items: [],
    })
  })
})

describe('formatCitations', () => {
  it('formats a list in its own style and warns about missing fields per article', async () => {
    const seed = (await call('importPaths', { paths: [SEED] })).items[0]!.id!
    const complete = await article('Regional trade outlook', {
      authors: ['Alice Adams'],
      siteName: 'Trade Review',
      publishedAt: '2025-07-04',
      url: 'https://trade.example.com/outlook',
      language: 'en',
      accessedAt: '2026-11-27',
    })
    const list = await call('createCitationList', {
      name: 'Mixed',
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
    })
    await call('addToCitationList', { id: list.id, articleIds: [seed, complete] })
    const result = await call('formatCitations', { listId: list.id })
    expect(result.entries).toHaveLength(2)
    expect(result.output).toBe(result.entries.join('\n') + '\n')
    expect(result.entryIds).toEqual([complete, seed])
    expect(result.entries[0]).toBe(
      'Adams, A. Regional trade outlook / A. Adams. – Текст : электронный // Trade Review : [сайт]. – 2025. – 4 июля. – URL: https://trade.example.com/outlook (дата обращения: 27.11.2026).',
    )
    expect(result.entries[1]).toMatch(
      /^What Vance’s trip means for regional cooperation : Reassessing the South Caucasus\. – Текст : электронный \/\/ Caliber\.az : \[сайт\]\. – 2026\. – 7 февр\./,
    )
    expect(result.warnings).toEqual([
      { id: seed, field: 'author', message: expect.stringContaining('no author') },
      { id: seed, field: 'url', message: expect.stringContaining('no URL') },
    ])

    const undated = await article('Undated note')
    const bare = await call('formatCitations', { ids: [undated], style: 'apa', locale: 'en-US' })
    expect(bare.warnings.map((warning) => warning.field)).toEqual(['author', 'date', 'url'])
    expect(bare.entries).toEqual(['Undated note. (n.d.).'])
  })

  it('gives one entry per article in every format, the article ids alongside', async () => {
    const first = await article('First page', { authors: ['Jane Doe'], url: 'https://a.example/1' })
    const second = await article('Second page', { authors: ['Adam Zed'], url: 'https://a.example/2' })
    for (const format of ['text', 'html', 'markdown', 'bibtex', 'biblatex', 'ris', 'csl-json'] as const) {
      const result = await call('formatCitations', { ids: [second, first, second], format })
      expect(result.entries, format).toHaveLength(2)
      expect(new Set(result.entryIds), format).toEqual(new Set([first, second]))
      for (const [index, entry] of result.entries.entries()) {
        expect(result.output, format).toContain(format === 'csl-json' ? entry.replace(/\n/g, '\n  ') : entry)
        expect(entry, format).toContain(result.entryIds[index] === first ? 'First page' : 'Second page')
      }
    }
    const html = await call('formatCitations', { ids: [first], format: 'html', style: 'mla' })
    expect(html.output).toMatch(/^<div class="csl-bib-body">\n<div class="csl-entry">Doe, Jane\./)
  })

  it('formats CSL-JSON items given as data, without the archive', async () => {
    const result = await call('formatCitations', {
      items: [
        {
          id: 'tass',
          type: 'article-newspaper',
          title: 'Путин провёл переговоры с Алиевым',
          'container-title': 'ТАСС',
          issued: { 'date-parts': [[2026, 5, 9]] },
          accessed: { 'date-parts': [[2026, 11, 27]] },
          URL: 'https://tass.ru/politika/123',
        },
      ],
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
    })
    expect(result).toEqual({
      output:
        'Путин провёл переговоры с Алиевым. – Текст : электронный // ТАСС : [сайт]. – 2026. – 9 мая. – URL: https://tass.ru/politika/123 (дата обращения: 27.11.2026).\n',
      entries: [
        'Путин провёл переговоры с Алиевым. – Текст : электронный // ТАСС : [сайт]. – 2026. – 9 мая. – URL: https://tass.ru/politika/123 (дата обращения: 27.11.2026).',
      ],
      entryIds: ['tass'],
      warnings: [{ id: 'tass', field: 'author', message: expect.any(String) }],
    })
    const both = await failure(
      callApi(archive, 'formatCitations', { ids: [1], items: [{ id: 'x', title: 'X' }] }) as Promise<unknown>,
    )
    expect(both).toEqual({
      code: 'invalid-arguments',
      message: 'formatCitations: argument: give exactly one of ids, listId or items',
    })
    expect((await failure(call('formatCitations', { ids: [12345] }))).code).toBe('not-found')
  })
})

describe('access date and kind of an article', () => {
  it('stores them, validates them, and uses them in citations', async () => {
    const id = await article('Peace agenda', {
      authors: ['Jane Doe'],
      siteName: 'Caliber.az',
      publishedAt: '2026-02-07',
      url: 'https://caliber.az/en/post/peace',
      language: 'en',
    })
    expect(await call('getArticle', { id })).toMatchObject({ accessedAt: null, citeKind: null })
    const updated = await call('updateArticle', {
      id,
      patch: { accessedAt: '2026-03-01', citeKind: 'news', title: 'Peace agenda revisited' },
    })
    expect(updated).toMatchObject({
      accessedAt: '2026-03-01',
      citeKind: 'news',
      title: 'Peace agenda revisited',
    })

    const gost = await call('formatCitations', { ids: [id], style: 'gost-r-7.0.100-2018', locale: 'ru-RU' })
    expect(gost.entries).toEqual([
      'Doe, J. Peace agenda revisited / J. Doe. – Текст : электронный // Caliber.az : [сайт]. – 2026. – 7 февр. – URL: https://caliber.az/en/post/peace (дата обращения: 01.03.2026).',
    ])
    // APA 7 gives no access date for a news article; the kind makes the site a periodical (plain title).
    const apa = await call('formatCitations', { ids: [id], style: 'apa', locale: 'en-US' })
    expect(apa.entries).toEqual([
      'Doe, J. (2026, February 7). Peace agenda revisited. Caliber.az. https://caliber.az/en/post/peace',
    ])
    const harvard = await call('formatCitations', { ids: [id], style: 'harvard' })
    expect(harvard.entries).toEqual([
      'Doe, J. (2026) ‘Peace agenda revisited’, Caliber.az, 7 February. Available at: https://caliber.az/en/post/peace (Accessed: 1 March 2026).',
    ])
    const bibtex = await call('formatCitations', { ids: [id], format: 'bibtex' })
    expect(bibtex.output).toContain('urldate  = {2026-03-01}')
    expect(bibtex.output).toMatch(/^@article\{/)

    // null goes back to the import date.
    const cleared = await call('updateArticle', { id, patch: { accessedAt: null, citeKind: null } })
    expect(cleared).toMatchObject({ accessedAt: null, citeKind: null })
    const day = cleared.addedAt.slice(0, 10).split('-').reverse().join('.')
    const again = await call('formatCitations', { ids: [id], style: 'gost-r-7.0.100-2018', locale: 'ru-RU' })
    expect(again.entries[0]).toContain(`(дата обращения: ${day}).`)

    for (const accessedAt of ['2026-02-30', '01.03.2026', '2026-3-1'])
      expect((await failure(call('updateArticle', { id, patch: { accessedAt } }))).code).toBe(
        'invalid-arguments',
      )
    const kind = await failure(
      callApi(archive, 'updateArticle', { id, patch: { citeKind: 'book' } }) as Promise<unknown>,
    )
    expect(kind.code).toBe('invalid-arguments')
    expect((await failure(call('updateArticle', { id: 9999, patch: { citeKind: 'blog' } }))).code).toBe(
      'not-found',
    )
  })
})

describe('user styles', () => {
  const apaText = async (): Promise<string> => readFile(join(defaultCslDir(), 'apa.csl'), 'utf8')

  it('lists the shipped styles', async () => {
    const styles = await call('listCiteStyles', {})
    expect(styles.map((style) => style.id)).toEqual([
      'gost-r-7.0.100-2018',
      'gost-r-7.0.5-2008-notes',
      'apa',
      'mla',
      'chicago-author-date',
      'chicago-note-bibliography',
      'harvard',
      'ieee',
    ])
    expect(styles.every((style) => style.builtIn && style.title.length > 0)).toBe(true)
  })

  it('adds a checked style that then lists and formats', async () => {
    const text = (await apaText()).replace(/<title>[^<]*<\/title>/, '<title>Our department style</title>')
    const style = await call('addCiteStyle', { name: 'Dept Style.csl', text })
    expect(style).toEqual({ id: 'Dept-Style', title: 'Our department style', builtIn: false })
    expect(existsSync(join(dir, 'archive', 'csl-styles', 'Dept-Style.csl'))).toBe(true)
    expect(await call('listCiteStyles', {})).toContainEqual(style)

    const id = await article('Styled page', { authors: ['Jane Doe'], publishedAt: '2026-01-02' })
    const list = await call('createCitationList', { name: 'Dept', style: 'Dept-Style' })
    await call('addToCitationList', { id: list.id, articleIds: [id] })
    const result = await call('formatCitations', { listId: list.id })
    expect(result.entries).toEqual(['Doe, J. (2026, January 2). Styled page.'])
    expect(result.entryIds).toEqual([id])

    // Replacing it takes effect at once (engines built from the old text are dropped).
    const bibliographyLayout = text.lastIndexOf('<layout>')
    expect(bibliographyLayout).toBeGreaterThan(text.indexOf('<bibliography'))
    const changed = `${text.slice(0, bibliographyLayout)}<layout prefix="» ">${text.slice(bibliographyLayout + 8)}`
    await call('addCiteStyle', { name: 'Dept-Style', text: changed })
    expect((await call('formatCitations', { listId: list.id })).entries).toEqual([
      '» Doe, J. (2026, January 2). Styled page.',
    ])
  })

  it('refuses what is not a usable CSL style', async () => {
    const cases: [string, string][] = [
      ['<html><body>no</body></html>', 'no <style> element'],
      [
        '<style xmlns="http://example.org/other"><bibliography/></style>',
        'xmlns="http://purl.org/net/xbiblio/csl"',
      ],
      [
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"><citation><layout/></citation></style>',
        'no <bibliography>',
      ],
    ]
    for (const [text, reason] of cases) {
      const error = await failure(call('addCiteStyle', { name: 'bad.csl', text }))
      expect(error.code).toBe('invalid-arguments')
      expect(error.message).toContain('bad.csl: ')
      expect(error.message).toContain(reason)
    }
    const shadow = await failure(call('addCiteStyle', { name: 'apa.csl', text: await apaText() }))
    expect(shadow.code).toBe('conflict')
    expect(existsSync(join(dir, 'archive', 'csl-styles', 'bad.csl'))).toBe(false)
  })
})

describe('importReferences', () => {
  const bibtex = `@article{doe2026,
  author = {Doe, Jane and Petrov, Ivan},
  title = {What {Vance's} trip means},
  journal = {Caliber.az},
  year = {2026},
  month = feb,
  date = {2026-02-07},
  url = {https://caliber.az/en/post/vance},
  urldate = {2026-11-20},
  language = {english}
}

@misc{broken,
  title = {Missing brace
`
  const ris = `TY  - ELEC
TI  - Транспортные коридоры Южного Кавказа
AU  - Иванов, Иван Иванович
T2  - Российская газета
DA  - 2025/03/15/
UR  - https://rg.ru/2025/03/15/koridory.html
LA  - ru
ER  - 
`
  const cslJson = JSON.stringify([
    {
      id: 'report-1',
      type: 'report',
      title: 'Energy security in the Caspian region',
      author: [{ literal: 'Atlantic Council' }],
      publisher: 'Atlantic Council',
      issued: { 'date-parts': [[2025, 9]] },
      URL: 'https://www.atlanticcouncil.org/energy-caspian/',
      language: 'en-US',
      abstract: 'How pipelines shape regional politics.',
    },
  ])

  it('creates metadata-only articles from BibTeX, keeping the file as their original', async () => {
    const report = await call('importReferences', { name: 'refs.bib', dataBase64: base64(bibtex) })
    expect(report).toMatchObject({ format: 'bibtex', imported: 1, duplicates: 0, failed: 1 })
    expect(report.items[1]).toMatchObject({ file: 'refs.bib', status: 'failed' })
    expect(report.items[1]!.error).toMatch(/^refs\.bib, line \d+: /)
    const stored = await call('getArticle', { id: report.items[0]!.id! })
    expect(stored).toMatchObject({
      format: 'reference',
      title: "What Vance's trip means",
      authors: ['Doe, Jane', 'Petrov, Ivan'],
      siteName: 'Caliber.az',
      publishedAt: '2026-02-07',
      url: 'https://caliber.az/en/post/vance',
      language: 'en',
      accessedAt: '2026-11-20',
      // A BibTeX @article is a journal article: no page kind describes it, the item type does.
      itemType: 'article-journal',
      citeKind: null,
      citationKey: 'doe2026',
      sourceName: 'refs.bib',
      originalSha256: createHash('sha256').update(bibtex).digest('hex'),
      contentText: '',
    })
    const apa = await call('formatCitations', { ids: [stored.id] })
    expect(apa.entries).toEqual([
      'Doe, J., & Petrov, I. (2026). What Vance’s trip means. Caliber.az. https://caliber.az/en/post/vance',
    ])

    const again = await call('importReferences', { name: 'refs.bib', dataBase64: base64(bibtex) })
    expect(again).toMatchObject({ imported: 0, duplicates: 1, failed: 1 })
    expect(again.items[0]).toMatchObject({ status: 'duplicate', duplicateOf: stored.id })
  })

  it('reads RIS and CSL-JSON', async () => {
    const fromRis = await call('importReferences', { name: 'export.ris', dataBase64: base64(ris) })
    expect(fromRis).toMatchObject({ format: 'ris', imported: 1, failed: 0 })
    const russian = await call('getArticle', { id: fromRis.items[0]!.id! })
    expect(russian).toMatchObject({
      title: 'Транспортные коридоры Южного Кавказа',
      authors: ['Иванов, Иван Иванович'],
      siteName: 'Российская газета',
      publishedAt: '2025-03-15',
      language: 'ru',
      citeKind: 'webpage',
    })

    const fromJson = await call('importReferences', { name: 'items.json', dataBase64: base64(cslJson) })
    expect(fromJson).toMatchObject({ format: 'csl-json', imported: 1 })
    const report = await call('getArticle', { id: fromJson.items[0]!.id! })
    expect(report).toMatchObject({
      title: 'Energy security in the Caspian region',
      authors: ['Atlantic Council'],
      siteName: 'Atlantic Council',
      publishedAt: '2025-09',
      language: 'en',
      citeKind: 'report',
      contentText: 'How pipelines shape regional politics.',
    })
    const hits = await call('search', { query: 'pipelines' })
    expect(hits.map((hit) => hit.id)).toEqual([report.id])

    const gost = await call('formatCitations', {
      ids: [russian.id],
      style: 'gost-r-7.0.100-2018',
      locale: 'ru-RU',
    })
    // The file gave no access date (RIS Y2), and none is made up: the entry ends at the URL.
    expect(gost.entries[0]).toBe(
      'Иванов, И. И. Транспортные коридоры Южного Кавказа / И. И. Иванов. – Текст : электронный // Российская газета : [сайт]. – 2025. – 15 марта. – URL: https://rg.ru/2025/03/15/koridory.html.',
    )
  })

  it('refuses a file that holds no references, naming it', async () => {
    const error = await failure(
      call('importReferences', { name: 'notes.txt', dataBase64: base64('just some words') }),
    )
    expect(error).toEqual({ code: 'unsupported', message: 'notes.txt: not a BibTeX, RIS or CSL-JSON file' })
  })
})
