import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiArgs, ApiMethod, ApiResult } from '../../../common/api'
import { Archive } from '../api'
import { callApi } from '../dispatch'

let dir: string
let archive: Archive

const call = <M extends ApiMethod>(method: M, args: ApiArgs<M>) =>
  callApi(archive, method, args) as Promise<ApiResult<M>>

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-items-'))
  archive = await Archive.open({ dir: join(dir, 'archive') })
})

afterEach(async () => {
  await archive.close()
  await rm(dir, { recursive: true, force: true })
})

const book = `@book{whitfield2019,
  author = {Whitfield, Harriet},
  title = {The Caspian Crossroads},
  publisher = {Oxford University Press},
  address = {Oxford},
  year = {2019},
  isbn = {978-0-19-883412-5},
  url = {https://example.org/caspian}
}
`

const twoChapters = `@incollection{mehdiyev2022,
  author = {Mehdiyev, Farid},
  title = {Ports, rails and the new middle corridor},
  booktitle = {Connectivity and Conflict in Eurasia},
  publisher = {Routledge},
  year = {2022},
  isbn = {978-0-367-71245-0},
  url = {https://example.org/connectivity}
}
@incollection{novak2022,
  author = {Novak, Petra},
  title = {Borders and customs on the middle corridor},
  booktitle = {Connectivity and Conflict in Eurasia},
  publisher = {Routledge},
  year = {2022},
  isbn = {978-0-367-71245-0},
  url = {https://example.org/connectivity}
}
`

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

describe('reference files in an import', () => {
  it('stores each entry as an item with its key, a line per entry, and adds them all to a list', async () => {
    const path = await file('refs.txt', book + twoChapters)
    const report = await call('importPaths', { paths: [path], list: 'Thesis' })
    expect(report.items.map((item) => [item.status, item.entry])).toEqual([
      ['imported', 'whitfield2019'],
      ['imported', 'mehdiyev2022'],
      ['imported', 'novak2022'],
    ])
    expect(report.list).toMatchObject({ name: 'Thesis' })
    const list = await call('getCitationList', { id: report.list!.id })
    expect(list.items.map((item) => item.title)).toEqual([
      'The Caspian Crossroads',
      'Ports, rails and the new middle corridor',
      'Borders and customs on the middle corridor',
    ])
    const stored = await call('getArticle', { id: report.items[0]!.id! })
    expect(stored).toMatchObject({
      format: 'reference',
      itemType: 'book',
      citationKey: 'whitfield2019',
      item: { type: 'book', title: 'The Caspian Crossroads', 'citation-key': 'whitfield2019' },
    })
    expect(stored.item.accessed).toBeUndefined()
  })

  it('keeps two chapters of one book apart, and finds the same entries again as duplicates', async () => {
    const first = await call('importPaths', { paths: [await file('chapters.bib', twoChapters)] })
    expect(first.imported).toBe(2)
    const again = await call('importPaths', { paths: [await file('again.bib', twoChapters)], list: 'Again' })
    expect(again.items.map((item) => [item.status, item.duplicateOf])).toEqual([
      ['duplicate', first.items[0]!.id],
      ['duplicate', first.items[1]!.id],
    ])
    // The list still gets what the file names, even when the archive had it already.
    const list = await call('getCitationList', { id: again.list!.id })
    expect(list.items.map((item) => item.id)).toEqual([first.items[0]!.id, first.items[1]!.id])
  })

  it('never judges a page and a reference, or two references, the same on a shared URL alone', async () => {
    await call('importPaths', { paths: [await file('book.bib', book)] })
    const page = await file(
      'page.html',
      '<!doctype html><html lang="en"><head><title>Caspian notes</title>' +
        '<link rel="canonical" href="https://example.org/caspian"></head><body><article><h1>Caspian notes</h1>' +
        '<p>A page that happens to live at the address the book reference gives, with text of its own.</p>' +
        '</article></body></html>',
    )
    const report = await call('importPaths', { paths: [page] })
    expect(report.items[0]).toMatchObject({ status: 'imported' })
  })
})

describe('editing an item', () => {
  it('keeps a page deriving its item until an edit reaches beyond its fields, then stores the record', async () => {
    const paste = await call('importPaste', {
      text: 'Ferry queues return\n\nThe port of Baku saw long queues of lorries again this week, drivers said.',
      url: 'https://example.org/ferries',
    })
    const id = paste.id!
    const titled = await call('updateArticle', { id, patch: { title: 'Ferry queues return to Baku' } })
    expect(titled.item.title).toBe('Ferry queues return to Baku')

    const journal = await call('updateArticle', {
      id,
      patch: {
        itemType: 'article-journal',
        item: { 'container-title': 'Caspian Review', volume: '12', issue: 2, page: '5-9', DOI: '10.1/x' },
        citationKey: 'queues2026',
      },
    })
    expect(journal).toMatchObject({
      itemType: 'article-journal',
      citationKey: 'queues2026',
      siteName: 'Caspian Review',
      item: { type: 'article-journal', volume: '12', issue: 2, page: '5-9', DOI: '10.1/x' },
    })
    // Later page-field edits reach the record, and null removes a variable.
    const edited = await call('updateArticle', {
      id,
      patch: { authors: ['Rahimli, Aysel'], item: { DOI: null } },
    })
    expect(edited.item.author).toEqual([{ family: 'Rahimli', given: 'Aysel' }])
    expect(edited.item.DOI).toBeUndefined()
    expect(edited.authors).toEqual(['Rahimli, Aysel'])

    await expect(
      call('updateArticle', { id, patch: { item: { volume: { deep: true } } } }),
    ).rejects.toMatchObject({
      code: 'invalid-arguments',
    })
    await expect(call('updateArticle', { id, patch: { citationKey: 'has space' } })).rejects.toMatchObject({
      code: 'invalid-arguments',
    })
  })
})

describe('attaching a file to an item', () => {
  it('gives a reference a reading copy and keeps its record, key and lists', async () => {
    const report = await call('importPaths', { paths: [await file('book.bib', book)], list: 'Reading' })
    const id = report.items[0]!.id!
    const page =
      '<!doctype html><html lang="en"><head><title>Chapter one</title></head><body><article>' +
      '<h1>Chapter one</h1><p>The sea has no owner, and yet every shore claims a share of what lies under it.</p>' +
      '</article></body></html>'
    const attached = await call('attachFile', {
      id,
      name: 'chapter-one.html',
      dataBase64: Buffer.from(page).toString('base64'),
    })
    expect(attached).toMatchObject({
      format: 'html',
      title: 'The Caspian Crossroads',
      itemType: 'book',
      citationKey: 'whitfield2019',
      sourceName: 'chapter-one.html',
    })
    expect(attached.contentText).toContain('The sea has no owner')
    const hits = await call('search', { query: 'owner shore' })
    expect(hits.map((hit) => hit.id)).toEqual([id])
    const list = await call('getCitationList', { id: report.list!.id })
    expect(list.items.map((item) => item.id)).toEqual([id])

    await expect(
      call('attachFile', { id: 999, name: 'x.html', dataBase64: Buffer.from(page).toString('base64') }),
    ).rejects.toMatchObject({ code: 'not-found' })
    await expect(
      call('attachFile', { id, name: 'empty.html', dataBase64: Buffer.from('').toString('base64') }),
    ).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('empty.html') })
  })
})

describe('content stored again under a record', () => {
  const paper = `<!doctype html><html lang="en"><head><title>Frozen no more | Europe-Asia Studies</title>
<meta name="citation_title" content="Frozen no more">
<meta name="citation_author" content="Kvaratskhelia, Nino">
<meta name="citation_journal_title" content="Europe-Asia Studies">
<meta name="citation_volume" content="76"><meta name="citation_issue" content="3">
<meta name="citation_firstpage" content="412"><meta name="citation_lastpage" content="437">
<meta name="citation_doi" content="10.1080/09668136.2024.2311408">
<meta name="citation_publication_date" content="2024/03/01">
</head><body><article><h1>Frozen no more</h1>
<p>The settlement of the Caspian's legal status changed how pipelines are planned across the region.</p>
<p>We follow three of them from the first proposal to the first delivery of gas.</p></article></body></html>`

  it('shows a paper in the library under its journal, and keeps its record when extracted again', async () => {
    const report = await call('importPaths', { paths: [await file('paper.html', paper)] })
    const id = report.items[0]!.id!
    const stored = await call('getArticle', { id })
    expect(stored).toMatchObject({
      itemType: 'article-journal',
      siteName: 'Europe-Asia Studies',
      item: { volume: '76', issue: '3', page: '412-437', DOI: '10.1080/09668136.2024.2311408' },
    })

    await call('updateArticle', { id, patch: { title: 'Frozen No More (corrected)', citationKey: 'kv2024' } })
    const again = await call('reextractArticle', { id })
    expect(again.id).toBe(id)
    const after = await call('getArticle', { id })
    expect(after).toMatchObject({
      title: 'Frozen No More (corrected)',
      siteName: 'Europe-Asia Studies',
      citationKey: 'kv2024',
      itemType: 'article-journal',
    })
    expect(after.contentText).toContain('three of them')
  })
})
