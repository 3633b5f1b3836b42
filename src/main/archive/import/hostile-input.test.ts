import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../api'
import type { ImportItemResult, ImportReport } from '../../../common/types'
import { samplePage, tempFolder } from '../../../../tests/support/helpers'

/**
 * Hostile and broken files go through the real importer in a batch with a good page: each bad
 * one gets a clear error that names the file (or imports sensibly), the good page still imports,
 * and nothing crashes or hangs. Fixtures are generated here.
 */
let folder: Awaited<ReturnType<typeof tempFolder>>
let archive: Archive
let batch = 0

beforeAll(async () => {
  folder = await tempFolder('hostile')
  archive = await Archive.open({ dir: join(folder.dir, 'archive') })
})

afterAll(async () => {
  await archive?.close()
  await folder?.cleanup()
})

/** Import `files` (written to a fresh folder) plus one good page; returns the items by file name. */
async function importWithGoodPage(
  files: Record<string, Buffer | string>,
): Promise<{ report: ImportReport; item(name: string): ImportItemResult }> {
  const dir = join(folder.dir, `batch-${++batch}`)
  await mkdir(dir)
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes)
  // A page unique to this batch, so it is never a duplicate.
  await writeFile(join(dir, 'zz-good.html'), samplePage(10_000 + batch))
  const report = await archive.importPaths({ paths: [dir] })
  const item = (name: string): ImportItemResult => {
    const found = report.items.find((candidate) => candidate.file === join(dir, name))
    if (!found) throw new Error(`${name} is not in the report: ${JSON.stringify(report.items)}`)
    return found
  }
  expect(item('zz-good.html').status, 'the good page of the batch').toBe('imported')
  return { report, item }
}

function expectFailureNaming(item: ImportItemResult, name: string, cause: RegExp): void {
  expect(item.status, JSON.stringify(item)).toBe('failed')
  expect(item.error).toContain(name)
  expect(item.error).toMatch(cause)
}

function htmlPage(title: string, paragraphs: string[], head = ''): string {
  return `<!doctype html><html><head>${head}<title>${title}</title></head><body><article><h1>${title}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`
}

const RUSSIAN = [
  'Переговоры в Баку продолжились во вторник, и стороны обсудили транзит через Каспийское море.',
  'Эксперты отмечают, что соглашение может изменить торговые пути всего региона на годы вперёд.',
  'Следующий раунд встреч запланирован на весну, когда будут подписаны основные документы.',
]

describe('hostile and broken input through the importer', () => {
  it('an empty file', async () => {
    const { item } = await importWithGoodPage({ 'empty.html': '' })
    expectFailureNaming(item('empty.html'), 'empty.html', /empty/i)
  })

  it('a binary file named .html', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from(Array.from({ length: 4_000 }, (_, n) => (n * 37) % 256)),
    ])
    const noise = Buffer.from(Array.from({ length: 20_000 }, (_, n) => (n * 7919 + (n >> 3)) % 256))
    const { item } = await importWithGoodPage({ 'picture.html': png, 'noise.html': noise })
    expectFailureNaming(item('picture.html'), 'picture.html', /unsupported|not .*text|binary/i)
    expectFailureNaming(item('noise.html'), 'noise.html', /unsupported|not .*text|binary/i)
  })

  it('truncated MHTML: cut inside the headers, and cut inside the HTML part', async () => {
    const boundary = '----MultipartBoundary--abc123'
    const html = htmlPage('Saved as MHTML', RUSSIAN, '<meta charset="utf-8">')
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://example.org/news/1',
      'Subject: Saved as MHTML',
      'MIME-Version: 1.0',
      `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://example.org/news/1',
      '',
      Buffer.from(html, 'utf8').toString('latin1').replace(/=/g, '=3D'),
      `--${boundary}--`,
      '',
    ].join('\r\n')
    const headersOnly = mhtml.slice(0, mhtml.indexOf('Content-ID'))
    const halfBody = mhtml.slice(0, mhtml.indexOf('</p>') + 4)
    const { item } = await importWithGoodPage({
      'cut-headers.mhtml': Buffer.from(headersOnly, 'latin1'),
      'cut-body.mhtml': Buffer.from(halfBody, 'latin1'),
    })
    expectFailureNaming(item('cut-headers.mhtml'), 'cut-headers.mhtml', /MHTML|no HTML|no readable text/i)
    // What survived the cut is kept; nothing invented.
    const cutBody = item('cut-body.mhtml')
    if (cutBody.status === 'failed') expect(cutBody.error).toContain('cut-body.mhtml')
    else {
      const article = await archive.getArticle({ id: cutBody.id as number })
      expect(article.contentText).toContain('Переговоры в Баку')
      expect(article.contentText).not.toContain('Следующий раунд')
    }
  })

  it('invalid UTF-8: a few bad bytes are replaced, a page of them is refused', async () => {
    const good = Buffer.from(htmlPage('Broken bytes', RUSSIAN, '<meta charset="utf-8">'), 'utf8')
    const fewBad = Buffer.from(good)
    fewBad[good.indexOf('Эксперты') + 2] = 0xff
    const mostlyBad = Buffer.concat([
      Buffer.from('<html><head><meta charset="utf-8"><title>x</title></head><body><p>'),
      Buffer.from(Array.from({ length: 30_000 }, (_, n) => (n % 2 === 0 ? 0xc3 : 0x28))),
      Buffer.from('</p></body></html>'),
    ])
    const { item } = await importWithGoodPage({ 'few-bad.html': fewBad, 'mostly-bad.html': mostlyBad })
    const few = item('few-bad.html')
    expect(few.status).toBe('imported')
    const article = await archive.getArticle({ id: few.id as number })
    expect(article.contentText).toContain('Переговоры в Баку')
    expect(article.contentText).toContain('Следующий раунд')
    expectFailureNaming(
      item('mostly-bad.html'),
      'mostly-bad.html',
      /not readable text|encoding|no readable text/i,
    )
  })

  it('missing or declared charsets: windows-1251, koi8-r, utf-16 with and without BOM', async () => {
    const page = (title: string, head = '') => htmlPage(title, RUSSIAN, head)
    const files: Record<string, Buffer> = {
      'cp1251-undeclared.html': iconv.encode(page('Каспий без кодировки'), 'windows-1251'),
      'koi8r-undeclared.html': iconv.encode(page('Каспий в КОИ-8'), 'koi8-r'),
      'koi8r-declared.html': iconv.encode(
        page('Каспий в КОИ-8, объявлено', '<meta charset="koi8-r">'),
        'koi8-r',
      ),
      'utf16-bom.html': Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        iconv.encode(page('Каспий в UTF-16'), 'utf-16le'),
      ]),
      'utf16-no-bom.html': iconv.encode(page('Каспий в UTF-16 без BOM'), 'utf-16le'),
    }
    const expectedTitles: Record<string, string> = {
      'cp1251-undeclared.html': 'Каспий без кодировки',
      'koi8r-undeclared.html': 'Каспий в КОИ-8',
      'koi8r-declared.html': 'Каспий в КОИ-8, объявлено',
      'utf16-bom.html': 'Каспий в UTF-16',
      'utf16-no-bom.html': 'Каспий в UTF-16 без BOM',
    }
    const { item } = await importWithGoodPage(files)
    const wrong: string[] = []
    for (const [name, title] of Object.entries(expectedTitles)) {
      const result = item(name)
      if (result.status !== 'imported') {
        wrong.push(`${name}: ${result.status} ${result.error ?? ''}`)
        continue
      }
      const article = await archive.getArticle({ id: result.id as number })
      if (article.title !== title || !article.contentText.includes('Переговоры в Баку'))
        wrong.push(`${name}: read as "${article.title}" / "${article.contentText.slice(0, 40)}"`)
    }
    expect(wrong).toEqual([])
  })

  // A page whose <meta charset="utf-8"> is wrong (the bytes are windows-1251, common on older
  // Russian sites) is read by detection, with a warning.
  it('a page that declares utf-8 but is windows-1251 is read by detection', async () => {
    const bytes = iconv.encode(
      htmlPage('Каспий с неверной кодировкой', RUSSIAN, '<meta charset="utf-8">'),
      'windows-1251',
    )
    const { item } = await importWithGoodPage({ 'cp1251-declared-utf8.html': bytes })
    const result = item('cp1251-declared-utf8.html')
    expect(result.status, result.error).toBe('imported')
    const article = await archive.getArticle({ id: result.id as number })
    expect(article.title).toBe('Каспий с неверной кодировкой')
    expect(article.contentText).toContain('Переговоры в Баку')
  })

  // Cyrillic single-byte encodings mislabelled as each other (koi8-r bytes under
  // <meta charset="windows-1251">, and the reverse) would read as "лБУРЙК Ч лпй-8": the letters
  // decide, with a warning.
  it('Cyrillic pages mislabelled koi8-r / windows-1251 are read correctly', async () => {
    const title = 'Каспий, неверная метка'
    const { item } = await importWithGoodPage({
      'koi8-as-1251.html': iconv.encode(htmlPage(title, RUSSIAN, '<meta charset="windows-1251">'), 'koi8-r'),
      '1251-as-koi8.html': iconv.encode(
        htmlPage(`${title} 2`, RUSSIAN, '<meta charset="koi8-r">'),
        'windows-1251',
      ),
    })
    for (const [name, expected] of [
      ['koi8-as-1251.html', title],
      ['1251-as-koi8.html', `${title} 2`],
    ] as const) {
      const result = item(name)
      expect(result.status, result.error).toBe('imported')
      expect((await archive.getArticle({ id: result.id as number })).title, name).toBe(expected)
    }
  })

  it('a 40 MB page finishes with bounded memory, its original kept whole', async () => {
    const paragraph = `<p>${RUSSIAN.join(' ')} Paragraph of a very long page.</p>\n`
    const repeats = Math.ceil((40 * 1024 * 1024) / Buffer.byteLength(paragraph))
    const big = Buffer.from(
      `<!doctype html><html><head><meta charset="utf-8"><title>A very long page</title></head><body><article><h1>A very long page</h1>${paragraph.repeat(repeats)}<p>The very last paragraph.</p></article></body></html>`,
    )
    expect(big.length).toBeGreaterThan(40 * 1024 * 1024)
    // maxRSS is the process's peak so far, measured by the OS: it sees synchronous work too.
    const peakBefore = process.resourceUsage().maxRSS * 1024
    const { item } = await importWithGoodPage({ 'huge.html': big })
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - peakBefore
    const huge = item('huge.html')
    expect(huge.status, huge.error).toBe('imported')
    const article = await archive.getArticle({ id: huge.id as number })
    // Nothing lost: the original is stored whole; a shortened reading copy says so.
    expect(article.originalSha256).toBe(createHash('sha256').update(big).digest('hex'))
    if (!article.contentText.includes('The very last paragraph.')) {
      expect(article.warnings.join(' ')).toMatch(/too large|only its first/)
    }
    // Generous: a DOM, a sanitised copy and the text of 40 MB may cost much, but not gigabytes.
    expect(peakGrowth).toBeLessThan(1_536 * 1024 * 1024)
  }, 300_000)

  it('60,000 nested elements do not overflow the stack', async () => {
    const depth = 60_000
    const nested = `<!doctype html><html><head><meta charset="utf-8"><title>Deep page</title></head><body><article><h1>Deep page</h1><p>${RUSSIAN[0]}</p>${'<div>'.repeat(depth)}<p>${RUSSIAN[1]}</p>${'</div>'.repeat(depth)}</article></body></html>`
    const unclosed = `<!doctype html><html><head><title>Unclosed</title></head><body>${'<span><b>'.repeat(depth / 2)}${RUSSIAN[2]}</body></html>`
    const { item } = await importWithGoodPage({ 'deep.html': nested, 'unclosed.html': unclosed })
    for (const name of ['deep.html', 'unclosed.html']) {
      const result = item(name)
      if (result.status === 'failed') expect(result.error).toContain(name)
      expect(result.error ?? '').not.toMatch(/call stack|stack size/i)
    }
    const deep = item('deep.html')
    expect(deep.status).toBe('imported')
    // Nothing lost: the paragraph at the bottom of the nesting is kept.
    expect((await archive.getArticle({ id: deep.id as number })).contentText).toContain(RUSSIAN[1])
  }, 120_000)

  it('a PDF that is not a PDF, and a page named .pdf', async () => {
    const fakePdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from(Array.from({ length: 2_000 }, (_, n) => n % 256)),
    ])
    const { item } = await importWithGoodPage({
      'report.pdf': fakePdf,
      'not-really.pdf': htmlPage('Misnamed page', RUSSIAN, '<meta charset="utf-8">'),
    })
    expectFailureNaming(item('report.pdf'), 'report.pdf', /PDF/)
    const misnamed = item('not-really.pdf')
    // Sniffed by content: an HTML page is read as one whatever its name, or refused clearly.
    if (misnamed.status === 'failed') expect(misnamed.error).toContain('not-really.pdf')
    else expect(misnamed.title).toBe('Misnamed page')
  })

  it('a folder with unreadable entries: a FIFO and a broken symlink', async () => {
    const dir = join(folder.dir, 'unreadable')
    await mkdir(dir)
    execFileSync('mkfifo', [join(dir, 'pipe.html')])
    await symlink(join(dir, 'gone.html'), join(dir, 'dangling.html'))
    await writeFile(join(dir, 'ok.html'), samplePage(20_000))
    const report = await archive.importPaths({ paths: [dir] })
    const byName = (name: string) => report.items.find((item) => item.file === join(dir, name))
    expectFailureNaming(byName('pipe.html') as ImportItemResult, 'pipe.html', /not a regular file/)
    expectFailureNaming(byName('dangling.html') as ImportItemResult, 'dangling.html', /no such file|link/)
    expect(byName('ok.html')?.status).toBe('imported')
    // A FIFO named directly is refused too, without blocking on it.
    const direct = await archive.importPaths({ paths: [join(dir, 'pipe.html')] })
    expectFailureNaming(direct.items[0] as ImportItemResult, 'pipe.html', /not a regular file/)
  })
})
