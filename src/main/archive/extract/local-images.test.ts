import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractDocument } from './index'
import {
  MAX_ARTICLE_IMAGE_CHARS,
  MAX_IMAGE_BYTES,
  folderImageSource,
  rasterImageType,
  resourcePathFor,
} from './local-images'
import { srcsetUrls } from './sanitize'

function crc32(bytes: Uint8Array): number {
  let crc = ~0
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return ~crc >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A real 16x16 PNG of noise (about 800 bytes), different for each seed. */
function noisePng(seed: number): Buffer {
  const size = 16
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const rows: number[] = []
  let state = seed * 7919 + 1
  for (let y = 0; y < size; y++) {
    rows.push(0)
    for (let x = 0; x < size * 3; x++) {
      state = (state * 1103515245 + 12345) >>> 0
      rows.push(state >>> 24)
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', new Uint8Array()),
  ])
}

const dataUri = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`

const PARAGRAPHS =
  '<p>Ports along the coast reopened on Monday after three days of closures, and the first ships came in.</p>' +
  '<p>The harbour master said the channel had been checked overnight and was clear for traffic again.</p>'

const page = (images: string): string =>
  `<!doctype html><html lang="en"><head><title>Ports reopen</title></head><body><article><h1>Ports reopen</h1>${PARAGRAPHS}${images}<p>Crews worked through the night to clear the last of the debris from the quays.</p></article></body></html>`

function mhtml(parts: Array<{ headers: string[]; body: string }>): Buffer {
  const lines = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://news.example/ports',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="----B"',
    '',
  ]
  for (const part of parts) lines.push('------B', ...part.headers, '', part.body)
  lines.push('------B--', '')
  return Buffer.from(lines.join('\r\n'), 'latin1')
}

const base64Part = (headers: string[], bytes: Buffer) => ({
  headers: [...headers, 'Content-Transfer-Encoding: base64'],
  body: bytes.toString('base64').replace(/(.{76})/g, '$1\r\n'),
})

let scratch = ''

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lectern-local-images-'))
})

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe('rasterImageType', () => {
  it('knows raster images by their bytes and nothing else', () => {
    expect(rasterImageType(noisePng(1))).toBe('image/png')
    expect(rasterImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(rasterImageType(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe('image/gif')
    expect(rasterImageType(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp')
    expect(rasterImageType(Buffer.from('\x00\x00\x00\x1cftypavif', 'latin1'))).toBe('image/avif')
    expect(rasterImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBeNull()
    expect(rasterImageType(Buffer.from('<html>'))).toBeNull()
  })
})

describe('srcsetUrls', () => {
  it('splits candidates without breaking the commas of data: URIs', () => {
    expect(srcsetUrls('a.png 1x, b.png 2x')).toEqual(['a.png', 'b.png'])
    expect(srcsetUrls('a.png,b.png 2x')).toEqual(['a.png,b.png'])
    expect(srcsetUrls('a.png, b.png')).toEqual(['a.png', 'b.png'])
    expect(srcsetUrls('data:image/png;base64,AAAA 1x, data:image/png;base64,BBBB 2x')).toEqual([
      'data:image/png;base64,AAAA',
      'data:image/png;base64,BBBB',
    ])
    expect(srcsetUrls(null)).toEqual([])
  })
})

describe('resourcePathFor', () => {
  const folder = join('/saved', 'page_files')

  it('finds files inside the folder, decoding the URL', () => {
    expect(resourcePathFor(folder, 'page_files/img.png')).toBe(join(folder, 'img.png'))
    expect(resourcePathFor(folder, './page_files/sub/a%20b.png?v=2#x')).toBe(join(folder, 'sub', 'a b.png'))
  })

  it('refuses anything that leaves the folder or is not a relative path', () => {
    for (const hostile of [
      '../../etc/passwd',
      'page_files/../../etc/passwd',
      'page_files/../secret.png',
      '%2e%2e/%2e%2e/etc/passwd',
      'page_files/%2e%2e/secret.png',
      'page_files/..%2f..%2fetc%2fpasswd',
      'page_files/..%5c..%5csecret.png',
      'page_files\\..\\secret.png',
      '/etc/passwd',
      '/saved/page_files/img.png',
      '//host/share/page_files/img.png',
      '\\\\host\\share\\img.png',
      'file:///saved/page_files/img.png',
      'C:\\saved\\page_files\\img.png',
      'https://lectern.invalid/page-folder/page_files/img.png',
      'page_files/img.png%00.txt',
      'page_files/img.png:stream',
      'other_files/img.png',
      'page_files',
      'page_files/%E0%A4%A',
    ]) {
      expect(resourcePathFor(folder, hostile), hostile).toBeNull()
    }
  })
})

describe('images a saved page carries', () => {
  it('keeps MHTML image parts found by Content-Location and by cid:, and leaves out SVG', async () => {
    const byLocation = noisePng(1)
    const byContentId = noisePng(2)
    const html = page(
      '<figure><img src="https://news.example/img/quay.png" alt="The quay"><figcaption>The quay at dawn.</figcaption></figure>' +
        '<p><img src="cid:crane@mhtml.blink" alt="A crane"></p>' +
        '<p><img src="img/relative.png" alt="Relative"></p>' +
        '<p><img src="https://news.example/logo.svg" alt="Logo"></p>',
    )
    const file = mhtml([
      {
        headers: ['Content-Type: text/html; charset="utf-8"', 'Content-Location: https://news.example/ports'],
        body: html,
      },
      base64Part(
        ['Content-Type: image/png', 'Content-Location: https://news.example/img/quay.png'],
        byLocation,
      ),
      base64Part(['Content-Type: image/png', 'Content-ID: <crane@mhtml.blink>'], byContentId),
      base64Part(
        ['Content-Type: image/png', 'Content-Location: https://news.example/img/relative.png'],
        noisePng(3),
      ),
      {
        headers: ['Content-Type: image/svg+xml', 'Content-Location: https://news.example/logo.svg'],
        body: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      },
    ])
    const article = await extractDocument({ name: 'ports.mhtml', bytes: file })
    expect(article.format).toBe('mhtml')
    expect(article.contentHtml).toContain(`<img src="${dataUri(byLocation)}" alt="The quay">`)
    expect(article.contentHtml).toContain(`<img src="${dataUri(byContentId)}" alt="A crane">`)
    expect(article.contentHtml).toContain(`<img src="${dataUri(noisePng(3))}" alt="Relative">`)
    expect(article.contentHtml).not.toMatch(/<svg|data:image\/svg|alert/)
    expect(article.contentHtml).toContain(
      '<span class="lectern-remote-image" data-src="https://news.example/logo.svg">[image: Logo]',
    )
    expect(article.warnings).toEqual([])
  })

  it('shows an image over the size limit as a placeholder and says so', async () => {
    const huge = Buffer.concat([noisePng(4), Buffer.alloc(MAX_IMAGE_BYTES)])
    const html = page('<p><img src="https://news.example/huge.png" alt="Huge"></p>')
    const file = mhtml([
      { headers: ['Content-Type: text/html', 'Content-Location: https://news.example/ports'], body: html },
      base64Part(['Content-Type: image/png', 'Content-Location: https://news.example/huge.png'], huge),
    ])
    const article = await extractDocument({ name: 'huge.mhtml', bytes: file })
    expect(article.contentHtml).not.toContain('<img')
    expect(article.contentHtml).toContain(
      '<span class="lectern-remote-image" data-src="https://news.example/huge.png">[image: Huge] https://news.example/huge.png</span>',
    )
    expect(article.warnings).toEqual([
      '1 image(s) were too large to keep offline and are shown as placeholders',
    ])
  })

  it('stops keeping images once the article holds 20 MB of them', async () => {
    const big = (seed: number) => Buffer.concat([noisePng(seed), Buffer.alloc(MAX_IMAGE_BYTES - 4096)])
    const count = 12
    const parts = Array.from({ length: count }, (_, i) =>
      base64Part(['Content-Type: image/png', `Content-Location: https://news.example/${i}.png`], big(i)),
    )
    const images = Array.from({ length: count }, (_, i) => `<p><img src="${i}.png" alt="Photo ${i}"></p>`)
    const file = mhtml([
      {
        headers: ['Content-Type: text/html', 'Content-Location: https://news.example/ports'],
        body: page(images.join('')),
      },
      ...parts,
    ])
    const article = await extractDocument({ name: 'many.mhtml', bytes: file })
    const kept = article.contentHtml.match(/<img /g)?.length ?? 0
    expect(kept).toBe(Math.floor(MAX_ARTICLE_IMAGE_CHARS / dataUri(big(0)).length))
    expect(article.contentHtml.length).toBeLessThan(21 * 1024 * 1024)
    expect(article.warnings).toEqual([
      `${count - kept} image(s) were too large to keep offline and are shown as placeholders`,
    ])
  })

  it('keeps SingleFile data: images, also from <picture> sources and srcset', async () => {
    const [a, b, c] = [noisePng(5), noisePng(6), noisePng(7)]
    const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='
    const html = page(
      `<p><img src="${dataUri(a)}" alt="Plain"></p>` +
        `<picture><source srcset="${dataUri(b)} 1x, ${dataUri(a)} 2x" type="image/png"><img src="${pixel}" alt="Picture"></picture>` +
        `<p><img srcset="${dataUri(c)} 800w" alt="Srcset only"></p>` +
        `<p><img src="data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>'.repeat(20)).toString('base64')}" alt="Vector"></p>`,
    ).replace('<head>', '<!--\n Page saved with SingleFile \n url: https://news.example/ports \n--><head>')
    const article = await extractDocument({ name: 'ports.html', bytes: Buffer.from(html) })
    expect(article.format).toBe('singlefile')
    expect(article.contentHtml).toContain(`<img src="${dataUri(a)}" alt="Plain">`)
    expect(article.contentHtml).toContain(`<img src="${dataUri(b)}" alt="Picture">`)
    expect(article.contentHtml).toContain(`<img src="${dataUri(c)}" alt="Srcset only">`)
    expect(article.contentHtml).not.toMatch(/svg|R0lGOD/)
  })

  it('keeps images from the "_files" folder of a Save Page As page, and nothing from outside it', async () => {
    const site = join(scratch, 'site')
    const files = join(site, 'page_files')
    const outside = join(scratch, 'outside')
    await mkdir(join(files, 'nested'), { recursive: true })
    await mkdir(outside, { recursive: true })
    const image = noisePng(8)
    const nested = noisePng(9)
    const secret = noisePng(10)
    await writeFile(join(files, 'img.png'), image)
    await writeFile(join(files, 'nested', 'a b.png'), nested)
    await writeFile(
      join(files, 'vector.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    await writeFile(join(site, 'secret.png'), secret)
    await writeFile(join(outside, 'secret.png'), secret)
    await symlink(join(outside, 'secret.png'), join(files, 'link.png'))
    await symlink(outside, join(files, 'linked-folder'))
    const hostile = [
      '../outside/secret.png',
      'page_files/../secret.png',
      'page_files/../../outside/secret.png',
      '%2e%2e/outside/secret.png',
      'page_files/..%2f..%2foutside%2fsecret.png',
      join(outside, 'secret.png'),
      `file://${join(outside, 'secret.png')}`,
      'page_files/link.png',
      'page_files/linked-folder/secret.png',
      'page_files/vector.svg',
    ]
    const html = page(
      '<p><img src="./page_files/img.png" alt="Quay"></p><p><img src="page_files/nested/a%20b.png" alt="Nested"></p>' +
        hostile.map((src, i) => `<p><img src="${src}" alt="Hostile ${i}"></p>`).join(''),
    )
    const pagePath = join(site, 'page.html')
    const article = await extractDocument({ name: pagePath, bytes: Buffer.from(html), resourceDir: files })
    expect(article.contentHtml).toContain(`<img src="${dataUri(image)}" alt="Quay">`)
    expect(article.contentHtml).toContain(`<img src="${dataUri(nested)}" alt="Nested">`)
    expect(article.contentHtml.match(/<img /g)).toHaveLength(2)
    expect(article.contentHtml).not.toContain(secret.toString('base64'))
    expect(article.contentHtml).not.toMatch(/alert/)

    const withoutFolder = await extractDocument({ name: pagePath, bytes: Buffer.from(html) })
    expect(withoutFolder.contentHtml).not.toContain('<img')
  })

  it('does not read a resource folder that is itself a link', async () => {
    const site = join(scratch, 'linked-site')
    const real = join(scratch, 'real-files')
    await mkdir(site, { recursive: true })
    await mkdir(real, { recursive: true })
    await writeFile(join(real, 'img.png'), noisePng(11))
    await symlink(real, join(site, 'page_files'))
    const source = folderImageSource(join(site, 'page_files'))
    expect(source('page_files/img.png')).toBeNull()
    const direct = folderImageSource(real)
    expect(direct('real-files/img.png')?.read()).toEqual(noisePng(11))
  })
})
