import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../tests/support/paths'
import { ExtractError, extractDocument } from './index'
import { readWebArchive } from './webarchive'

type Value = string | Buffer | Value[] | { [key: string]: Value }

/** Writes a binary property list (one-byte references and offsets are enough here; two bytes for offsets). */
function writeBinaryPlist(root: Value): Buffer {
  const objects: Buffer[] = []
  const add = (value: Value): number => {
    const index = objects.length
    objects.push(Buffer.alloc(0))
    const header = (type: number, length: number): Buffer =>
      length < 15
        ? Buffer.from([(type << 4) | length])
        : Buffer.from([(type << 4) | 0xf, 0x11, length >> 8, length & 0xff])
    let encoded: Buffer
    if (typeof value === 'string') {
      encoded = /^[ -~]*$/.test(value)
        ? Buffer.concat([header(0x5, value.length), Buffer.from(value, 'latin1')])
        : Buffer.concat([header(0x6, value.length), Buffer.from(value, 'utf16le').swap16()])
    } else if (Buffer.isBuffer(value)) {
      encoded = Buffer.concat([header(0x4, value.length), value])
    } else if (Array.isArray(value)) {
      const refs = value.map(add)
      encoded = Buffer.concat([header(0xa, refs.length), Buffer.from(refs)])
    } else {
      const keys = Object.keys(value).map(add)
      const values = Object.values(value).map(add)
      encoded = Buffer.concat([header(0xd, keys.length), Buffer.from([...keys, ...values])])
    }
    objects[index] = encoded
    return index
  }
  add(root)
  const offsets: number[] = []
  let body = Buffer.from('bplist00', 'latin1')
  for (const object of objects) {
    offsets.push(body.length)
    body = Buffer.concat([body, object])
  }
  const offsetTable = body.length
  const table = Buffer.alloc(offsets.length * 2)
  offsets.forEach((offset, i) => table.writeUInt16BE(offset, i * 2))
  const trailer = Buffer.alloc(32)
  trailer.writeUInt8(2, 6)
  trailer.writeUInt8(1, 7)
  trailer.writeBigUInt64BE(BigInt(objects.length), 8)
  trailer.writeBigUInt64BE(0n, 16)
  trailer.writeBigUInt64BE(BigInt(offsetTable), 24)
  return Buffer.concat([body, table, trailer])
}

const PAGE = `<!doctype html><html lang="ru"><head><title>Мост через реку откроют весной</title></head><body><article>
<h1>Мост через реку откроют весной</h1>
<p>Строительство нового моста через реку почти завершено, сообщили в администрации области во вторник.</p>
<p>Движение по мосту планируют открыть в апреле, если погода позволит закончить работы вовремя.</p>
</article></body></html>`

const archiveOf = (data: Buffer, mime = 'text/html'): Buffer =>
  writeBinaryPlist({
    WebMainResource: {
      WebResourceData: data,
      WebResourceMIMEType: mime,
      WebResourceTextEncodingName: 'UTF-8',
      WebResourceURL: 'https://news.example/bridge',
      WebResourceFrameName: '',
    },
    WebSubresources: [],
  })

async function failure(promise: Promise<unknown>): Promise<ExtractError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ExtractError) return error
    throw error
  }
  throw new Error('expected an ExtractError')
}

describe('Safari web archives', () => {
  it('reads the main resource of a binary property list', () => {
    const archive = readWebArchive(archiveOf(Buffer.from(PAGE, 'utf8')))
    expect(archive?.mimeType).toBe('text/html')
    expect(archive?.charset).toBe('UTF-8')
    expect(archive?.url).toBe('https://news.example/bridge')
    expect(Buffer.from(archive?.data ?? []).toString('utf8')).toBe(PAGE)
  })

  it('imports the page inside, with its saved URL', async () => {
    const article = await extractDocument({ name: 'bridge.webarchive', bytes: archiveOf(Buffer.from(PAGE)) })
    expect(article.format).toBe('html')
    expect(article.title).toBe('Мост через реку откроют весной')
    expect(article.url).toBe('https://news.example/bridge')
    expect(article.language).toBe('ru')
    expect(article.contentText.split('\n\n')).toHaveLength(2)
  })

  it('names the file when the archive is damaged, not a web archive, or holds no page', async () => {
    const whole = archiveOf(Buffer.from(PAGE))
    const truncated = await failure(
      extractDocument({ name: 'cut.webarchive', bytes: whole.subarray(0, 200) }),
    )
    expect(truncated.message).toMatch(/^cut\.webarchive: the Safari web archive is damaged: /)
    const corrupted = Buffer.from(whole)
    corrupted.fill(0xff, whole.length - 8)
    expect((await failure(extractDocument({ name: 'bad.webarchive', bytes: corrupted }))).reason).toMatch(
      /web archive is damaged/,
    )
    const settings = writeBinaryPlist({ Theme: 'dark' })
    expect((await failure(extractDocument({ name: 'prefs.plist', bytes: settings }))).reason).toBe(
      'unsupported file type: a binary property list, not a Safari web archive',
    )
    const image = archiveOf(Buffer.from([0x89, 0x50]), 'image/png')
    expect((await failure(extractDocument({ name: 'img.webarchive', bytes: image }))).reason).toBe(
      'the Safari web archive holds image/png, not a page',
    )
  })

  const CORPUS = corpusPath('webarchive-pages', 'pages')
  const present = corpusAvailable(CORPUS)
  it.skipIf(!present)(
    `reads the corpus web archives${present ? '' : ` (skipped: ${CORPUS} is missing)`}`,
    async () => {
      const wikipedia = await extractDocument({
        name: 'Wikipedia.webarchive',
        bytes: readFileSync(join(CORPUS, 'pywebarchive-Wikipedia.webarchive')),
      })
      expect(wikipedia.url).toBe('https://en.wikipedia.org/wiki/Main_Page')
      expect(wikipedia.contentText.length).toBeGreaterThan(500)
      const list = await extractDocument({
        name: 'psx.webarchive',
        bytes: readFileSync(join(CORPUS, 'ticky-psxdatacenter.webarchive')),
      })
      expect(list.title).toMatch(/PlayStation DataCenter/)
    },
  )
})
