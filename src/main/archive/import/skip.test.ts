import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipReasonForName } from '../../../common/import-kinds'
import type { ImportItemResult } from '../../../common/types'
import { samplePage, tempFolder } from '../../../../tests/support/helpers'
import { corpusAvailable, corpusPath } from '../../../../tests/support/paths'
import { Archive } from '../api'
import { isLicenceText, judgeContent } from './skip'

const text = (value: string): Buffer => Buffer.from(value, 'utf8')

const MIT_OPENING =
  'MIT License\n\nCopyright (c) 2031 Example Authors\n\nPermission is hereby granted, free of charge, to any person obtaining a copy of this software'
const APACHE_OPENING =
  '\n                                 Apache License\n                           Version 2.0, January 2004\n'
const ARTICLE =
  'Port traffic recovers\n\nShipping through the harbour rose again in March, the port authority said on Tuesday.\n\nOfficials expect the new quay to open next year.\n'
const CSL_JSON = JSON.stringify([{ id: 'a1', type: 'book', title: 'Harbours of the Caspian' }])
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
])
const GZIP = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(64, 3)])

describe('skipReasonForName', () => {
  it('passes over project files, hidden files and other kinds by name, and reads pages and references', () => {
    expect(skipReasonForName('/in/LICENSE')).toBe('licence')
    expect(skipReasonForName('/in/LICENCE.md')).toBe('licence')
    expect(skipReasonForName('/in/Glutexo-mht2webarchive-LICENSE.txt')).toBe('licence')
    expect(skipReasonForName('/in/COPYING')).toBe('licence')
    expect(skipReasonForName('/in/NOTICE.md')).toBe('readme')
    expect(skipReasonForName('/in/UPSTREAM-NOTICE')).toBe('readme')
    expect(skipReasonForName('/in/README.rst')).toBe('readme')
    expect(skipReasonForName('/in/CHANGELOG.md')).toBe('readme')
    expect(skipReasonForName('/in/.DS_Store')).toBe('hidden')
    expect(skipReasonForName('/in/page.html.gz')).toBe('archive')
    expect(skipReasonForName('/in/data.info')).toBe('other')
    for (const name of ['a.html', 'a.HTM', 'a.webarchive', 'a.bib', 'a.ris', 'a.json', 'a.csljson', 'a.pdf'])
      expect(skipReasonForName(`/in/${name}`), name).toBeNull()
    // An article about licences is a page: only the whole name counts, and only for text notes.
    expect(skipReasonForName('/in/licence-fees-rise.txt')).toBeNull()
    expect(skipReasonForName('/in/LICENSE.html')).toBeNull()
  })
})

describe('judgeContent', () => {
  it('skips licence texts by their opening, whatever the name', () => {
    expect(judgeContent('/in/terms.txt', text(MIT_OPENING))).toEqual({
      skip: 'licence',
      reason: 'a licence text, not a saved page',
    })
    expect(judgeContent('/in/ticky-webarchive-License-APACHE.txt', text(APACHE_OPENING))).toMatchObject({
      skip: 'licence',
    })
    expect(isLicenceText(`${'x '.repeat(2_000)}${MIT_OPENING}`)).toBe(false)
  })

  it('skips README and NOTICE files given by name, but reads other text', () => {
    expect(judgeContent('/in/NOTICE.md', text('These pages were collected from the web.'))).toMatchObject({
      skip: 'readme',
    })
    expect(judgeContent('/in/notes.md', text(ARTICLE))).toBeNull()
    expect(judgeContent('/in/story.txt', text(ARTICLE))).toBeNull()
  })

  it('skips JSON that is not CSL-JSON, and fails a reference file that holds no references', () => {
    expect(judgeContent('/in/expected.json', text('{"title": "x", "paragraphs": ["a", "b"]}'))).toEqual({
      skip: 'data',
      reason: 'JSON data, not a CSL-JSON reference list',
    })
    expect(judgeContent('/in/gold.txt', text('[1, 2, 3]'))).toMatchObject({ skip: 'data' })
    expect(judgeContent('/in/cut.json', text(CSL_JSON.slice(0, 40)))).toEqual({
      fail: expect.stringMatching(/^\/in\/cut\.json: not valid JSON/),
    })
    expect(judgeContent('/in/cut-gold.json', text('{"title": "Port traffic", "body": "Shipp'))).toEqual({
      skip: 'data',
      reason: 'JSON data (not well-formed), not a CSL-JSON reference list',
    })
    expect(judgeContent('/in/cut.csljson', text('{"title": "Port'))).toMatchObject({
      fail: expect.stringContaining('not valid JSON'),
    })
    expect(judgeContent('/in/refs.bib', text('nothing here but prose'))).toEqual({
      fail: '/in/refs.bib: no BibTeX entries found in it (each starts like "@article{key,")',
    })
    expect(judgeContent('/in/refs.ris', text('nothing here'))).toMatchObject({
      fail: expect.stringContaining('RIS'),
    })
    // A text that only begins like JSON is a page.
    expect(judgeContent('/in/story.txt', text(`[Reuters] ${ARTICLE}`))).toBeNull()
  })

  it('skips binary files by content unless their name promises a page', () => {
    expect(judgeContent('/in/photo.png', PNG)).toEqual({
      skip: 'image',
      reason: 'an image (.png), not a page',
    })
    expect(judgeContent('/in/download', GZIP)).toEqual({
      skip: 'other',
      reason: 'a gzip archive, not a page or a reference file',
    })
    // Named as a page: extraction reports what is wrong with it.
    expect(judgeContent('/in/picture.html', PNG)).toBeNull()
    expect(judgeContent('/in/empty.txt', Buffer.alloc(0))).toBeNull()
    expect(judgeContent('/in/page.txt', text('<!doctype html><title>x</title><p>y</p>'))).toBeNull()
  })
})

describe('a folder import accounts for every file', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>
  let archive: Archive

  beforeAll(async () => {
    folder = await tempFolder('skip')
    archive = await Archive.open({ dir: join(folder.dir, 'archive') })
  })

  afterAll(async () => {
    await archive?.close()
    await folder?.cleanup()
  })

  it('imports pages and references, skips the rest by reason, and lists the folders it did not enter', async () => {
    const dir = join(folder.dir, 'pages')
    await mkdir(join(dir, 'gold'), { recursive: true })
    await mkdir(join(dir, 'LICENSES'))
    const files: Record<string, string | Buffer> = {
      'page.html': samplePage(1),
      'refs.bib':
        '@book{harbours2031,\n  title = {Harbours of the Caspian},\n  author = {Ivanova, Anna},\n  year = {2031}\n}\n',
      'items.json': CSL_JSON,
      'expected.json': '{"title": "Port traffic recovers"}',
      LICENSE: MIT_OPENING,
      'mit-terms.txt': MIT_OPENING,
      'NOTICE.md': 'Where these pages come from.',
      'page.html.gz': GZIP,
      'photo.png': PNG,
      '.DS_Store': Buffer.alloc(16),
      'broken.pdf': '%PDF-1.7\nnot really a PDF',
    }
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes)
    const report = await archive.importPaths({ paths: [dir] })

    const byName = new Map<string, ImportItemResult[]>()
    for (const item of report.items) {
      const name = item.file.slice(dir.length + 1)
      byName.set(name, [...(byName.get(name) ?? []), item])
    }
    expect([...byName.keys()].sort()).toEqual(Object.keys(files).sort())
    const status = (name: string) => byName.get(name)?.map((item) => item.status)
    expect(status('page.html')).toEqual(['imported'])
    expect(status('refs.bib')).toEqual(['imported'])
    expect(status('items.json')).toEqual(['imported'])
    expect(status('broken.pdf')).toEqual(['failed'])
    for (const item of report.items.filter((item) => item.status === 'skipped')) {
      expect(item.skipReason, item.file).toBeDefined()
      expect(item.reason, item.file).toMatch(/\w/)
    }
    expect(report).toMatchObject({ imported: 3, duplicates: 0, failed: 1, skipped: 7 })
    expect(report.skippedByReason).toEqual({
      data: 1,
      licence: 2,
      readme: 1,
      archive: 1,
      image: 1,
      hidden: 1,
    })
    expect(report.foldersNotEntered.map((path) => path.slice(dir.length + 1))).toEqual(['LICENSES', 'gold'])
    expect((await archive.listArticles({})).total).toBe(3)
  })

  it('takes a licence, a README or JSON data given by name for what it is', async () => {
    const dir = join(folder.dir, 'named')
    await mkdir(dir)
    await writeFile(join(dir, 'LICENSE.txt'), MIT_OPENING)
    await writeFile(join(dir, 'README'), 'How to use this folder.')
    await writeFile(join(dir, 'gold.json'), '{"body": "text"}')
    await writeFile(join(dir, 'notes.md'), ARTICLE)
    const report = await archive.importPaths({
      paths: ['LICENSE.txt', 'README', 'gold.json', 'notes.md'].map((name) => join(dir, name)),
    })
    expect(report.items.map((item) => [item.status, item.skipReason])).toEqual([
      ['skipped', 'licence'],
      ['skipped', 'readme'],
      ['skipped', 'data'],
      ['imported', undefined],
    ])
  })

  it.skipIf(!corpusAvailable(corpusPath('webarchive-pages', 'pages')))(
    'reads every Safari web archive of a folder (corpus present)',
    async () => {
      const dir = corpusPath('webarchive-pages', 'pages')
      const webarchives = (await readdir(dir)).filter((name) => name.endsWith('.webarchive'))
      const report = await archive.importPaths({ paths: [dir] })
      for (const name of webarchives) {
        const item = report.items.find((candidate) => candidate.file === join(dir, name))
        expect(item?.status, name).toMatch(/^(imported|failed)$/)
        if (item?.status === 'failed') expect(item.error).toContain(name)
      }
      expect(report.imported).toBeGreaterThan(0)
    },
  )
})
