import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ExtractError, extractDocument, extractPaste } from './index'

const FIXTURES = join(__dirname, '../../../../tests/fixtures/extract')
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, name))

const RUSSIAN_PAGE = `<!doctype html><html><head><meta charset="CHARSET"><title>Новости региона</title>
<meta property="og:title" content="Мост через реку откроют весной"></head><body><article>
<h1>Мост через реку откроют весной</h1>
<p>Строительство нового моста через реку почти завершено, сообщили в администрации области во вторник.</p>
<p>По словам подрядчика, осталось уложить асфальт и установить освещение, после чего начнутся испытания.</p>
<p>Движение по мосту планируют открыть в апреле, если погода позволит закончить работы вовремя.</p>
</article></body></html>`

async function failure(promise: Promise<unknown>): Promise<ExtractError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ExtractError) return error
    throw error
  }
  throw new Error('expected an ExtractError')
}

describe('extractDocument: HTML', () => {
  it('reads metadata by precedence and keeps only safe markup', async () => {
    const article = await extractDocument({ name: 'news-article.html', bytes: fixture('news-article.html') })
    expect(article.format).toBe('html')
    expect(article.title).toBe('Ports reopen after the storm')
    expect(article.subtitle).toBe('Three days of closures end along the coast')
    expect(article.authors).toEqual(['Maria Lopez', 'Tom Baker'])
    expect(article.siteName).toBe('Harbour Gazette')
    expect(article.section).toBe('Business')
    expect(article.publishedAt).toBe('2026-03-01T09:30:00+01:00')
    expect(article.url).toBe('https://gazette.example/news/ports-reopen?ref=canonical')
    expect(article.language).toBe('en')
    expect(article.rights).toBe('© 2026 Harbour Gazette')
    expect(article.excerpt).toBe('Shipping resumed on Tuesday after three days of closures along the coast.')

    const html = article.contentHtml
    expect(html).not.toMatch(/<script|<style|<iframe|<object|<embed|<form|<input|<link|<meta|<base/i)
    expect(html).not.toMatch(/\son\w+=/i)
    expect(html).not.toMatch(/javascript:|data:text|vbscript:/i)
    expect(html).not.toMatch(/<img|srcset|url\(/i)
    expect(html).toContain('<span class="lectern-remote-image" data-src="https://images.example/port.jpg">')
    expect(html).toContain('[image: Cranes at dawn] https://images.example/port.jpg')
    expect(html).toMatch(/<h2>What comes next<\/h2>/)
    expect(html).toMatch(/<blockquote>/)
    expect(html).toMatch(/<ul>\s*<li>Northern terminal: open<\/li>/)
    expect(html).toMatch(/<table>\s*<caption>\s*Ships waiting\s*<\/caption>/)
    expect(html).toMatch(/<figcaption>Cranes at the main container terminal\.<\/figcaption>/)
    expect(html).toContain('<a href="https://gazette.example/news/storm">')

    const paragraphs = article.contentText.split('\n\n')
    expect(paragraphs).toContain('What comes next')
    expect(paragraphs).toContain('Northern terminal: open')
    expect(paragraphs.some((p) => p.startsWith('Shipping resumed along the coast'))).toBe(true)
    expect(article.contentText).not.toMatch(/\n{3}/)
    expect(paragraphs.slice(0, 3).join(' ')).not.toMatch(/By Maria Lopez|28 February 2026/)
    expect(article.contentText).not.toMatch(/injected|Related stories|Weather warning|window\.tracking/)
    expect(article.wordCount).toBeGreaterThan(100)
  })

  it.each([
    ['windows-1251', 'windows-1251'],
    ['koi8-r', 'koi8-r'],
    ['utf-8', 'utf-8'],
  ])('decodes a Russian page declared as %s', async (charset, encoding) => {
    const bytes = iconv.encode(RUSSIAN_PAGE.replace('CHARSET', charset), encoding)
    const article = await extractDocument({ name: `ru-${charset}.html`, bytes })
    expect(article.title).toBe('Мост через реку откроют весной')
    expect(article.contentText).toContain('Строительство нового моста через реку почти завершено')
    expect(article.language).toBe('ru')
    expect(article.warnings).toEqual([])
  })

  it('guesses windows-1251 when nothing declares it', async () => {
    const bytes = iconv.encode(RUSSIAN_PAGE.replace('<meta charset="CHARSET">', ''), 'windows-1251')
    const article = await extractDocument({ name: 'undeclared.html', bytes })
    expect(article.contentText).toContain('Строительство нового моста')
  })

  it('reads UTF-16 with a BOM, and UTF-16LE without one', async () => {
    const page = RUSSIAN_PAGE.replace('CHARSET', 'utf-16')
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page, 'utf-16le')])
    const bigEndian = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(page, 'utf-16be')])
    for (const bytes of [withBom, bigEndian, iconv.encode(page, 'utf-16le')]) {
      const article = await extractDocument({ name: 'utf16.html', bytes })
      expect(article.title).toBe('Мост через реку откроют весной')
      expect(article.contentText).toContain('почти завершено')
    }
  })

  it('reads UTF-8 bytes even when a stale meta declares windows-1251', async () => {
    const bytes = Buffer.from(RUSSIAN_PAGE.replace('CHARSET', 'windows-1251'), 'utf8')
    const article = await extractDocument({ name: 'stale.html', bytes })
    expect(article.contentText).toContain('Строительство нового моста')
    expect(article.warnings.join(' ')).toMatch(/did not match/)
  })

  it('reads a SingleFile page and takes the URL from its header', async () => {
    const page = RUSSIAN_PAGE.replace('CHARSET', 'utf-8').replace(
      '<head>',
      '<!--\n Page saved with SingleFile \n url: https://news.example.ru/most \n saved date: Thu Feb 05 2026 10:00:00 GMT+0300\n--><head>',
    )
    const article = await extractDocument({ name: 'saved.html', bytes: Buffer.from(page) })
    expect(article.format).toBe('singlefile')
    expect(article.url).toBe('https://news.example.ru/most')
    expect(article.siteName).toBe('news.example.ru')
  })

  it('reads the HTML part of an MHTML file (quoted-printable, charset from the part)', async () => {
    const html = iconv.encode(RUSSIAN_PAGE.replace('<meta charset="CHARSET">', ''), 'windows-1251')
    const quoted = Array.from(html)
      .map((b) =>
        b === 0x3d || b > 0x7e ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b),
      )
      .join('')
      .replace(/(.{70})/g, '$1=\r\n')
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://news.example.ru/most',
      'Subject: test',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----B"',
      '',
      '',
      '------B',
      'Content-Type: text/html; charset="windows-1251"',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://news.example.ru/most',
      '',
      quoted,
      '------B',
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://news.example.ru/pic.png',
      '',
      'iVBORw0KGgo=',
      '------B--',
      '',
    ].join('\r\n')
    const article = await extractDocument({ name: 'page.mht', bytes: Buffer.from(mhtml, 'latin1') })
    expect(article.format).toBe('mhtml')
    const base64 = mhtml.replace('quoted-printable', 'base64').replace(
      quoted,
      Buffer.from(html)
        .toString('base64')
        .replace(/(.{76})/g, '$1\r\n'),
    )
    const fromBase64 = await extractDocument({ name: 'page-b64.mhtml', bytes: Buffer.from(base64, 'latin1') })
    expect(fromBase64.contentText).toBe(article.contentText)
    expect(article.title).toBe('Мост через реку откроют весной')
    expect(article.contentText).toContain('Строительство нового моста через реку почти завершено')
    expect(article.url).toBe('https://news.example.ru/most')
  })
})

describe('extractDocument: plain text and bad input', () => {
  it('reads the seed page as a plain-text copy', async () => {
    const article = await extractDocument({
      name: 'caliber-az-vance-visit.txt',
      bytes: fixture('caliber-az-vance-visit.txt'),
    })
    expect(article.format).toBe('text')
    expect(article.title).toBe('What Vance’s trip means for regional cooperation')
    expect(article.contentText.split('\n\n')).toHaveLength(15)
  })

  it('reads a Windows-1251 text copy with CRLF line ends, and a UTF-8 copy with a BOM', async () => {
    const russian = readFileSync(join(FIXTURES, 'ru-news-page.txt'), 'utf8').replace(/\n/g, '\r\n')
    const cp1251 = await extractDocument({ name: 'ru.txt', bytes: iconv.encode(russian, 'windows-1251') })
    expect(cp1251.title).toBe('Что изменит визит вице-президента США в Баку')
    expect(cp1251.contentText.split('\n\n')).toHaveLength(4)
    const seed = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), fixture('caliber-az-vance-visit.txt')])
    const withBom = await extractDocument({ name: 'seed.txt', bytes: seed })
    expect(withBom.contentText.split('\n\n')).toHaveLength(15)
    expect(withBom.warnings).toEqual([])
  })

  it('refuses empty, damaged PDF and binary files with a reason that names the file', async () => {
    expect((await failure(extractDocument({ name: 'empty.html', bytes: new Uint8Array() }))).message).toBe(
      'empty.html: the file is empty',
    )
    expect(
      (await failure(extractDocument({ name: 'blank.txt', bytes: Buffer.from('  \n\n ') }))).reason,
    ).toMatch(/empty/)
    const pdf = await failure(
      extractDocument({ name: 'paper.pdf', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj') }),
    )
    expect(pdf.message).toMatch(/^paper\.pdf: the PDF is damaged: /)
    const png = await failure(
      extractDocument({ name: 'x.html', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]) }),
    )
    expect(png.message).toMatch(/^x\.html: unsupported file type: a PNG image/)
    const webarchive = await failure(
      extractDocument({ name: 'p.webarchive', bytes: Buffer.from('bplist00\xd1\x01\x02', 'latin1') }),
    )
    expect(webarchive.reason).toMatch(/^the Safari web archive is damaged/)
    const binary = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256))
    const junk = await failure(extractDocument({ name: 'junk.html', bytes: binary }))
    expect(junk.file).toBe('junk.html')
    expect(junk.reason).toMatch(/unsupported file type|not readable text/)
  })

  it('says which message a refusal is, so a window can put it in its own language', async () => {
    expect((await failure(extractDocument({ name: 'empty.html', bytes: new Uint8Array() }))).ref).toEqual({
      messageKey: 'file-empty',
    })
    const gzip = await failure(
      extractDocument({ name: 'pages.tar.gz', bytes: Buffer.from([0x1f, 0x8b, 8, 0]) }),
    )
    expect(gzip.reason).toBe('unsupported file type: a gzip archive')
    expect(gzip.ref).toEqual({ messageKey: 'file-type-unsupported', params: { type: 'gzip' } })
    const bare = await failure(
      extractDocument({
        name: 'bare.html',
        bytes: Buffer.from('<html><body><img src="a.png"></body></html>'),
      }),
    )
    expect(bare.ref).toEqual({ messageKey: 'no-readable-text' })
  })

  it('refuses a page without any text', async () => {
    const error = await failure(
      extractDocument({
        name: 'bare.html',
        bytes: Buffer.from('<html><body><img src="a.png"></body></html>'),
      }),
    )
    expect(error.message).toBe('bare.html: no readable text was found in it')
  })
})

describe('extractPaste', () => {
  it('reads pasted text with the plain-text reader', async () => {
    const article = await extractPaste({ text: readFileSync(join(FIXTURES, 'ru-news-page.txt'), 'utf8') })
    expect(article.format).toBe('paste-text')
    expect(article.title).toBe('Что изменит визит вице-президента США в Баку')
    expect(article.publishedAt).toBe('2026-02-07T19:01')
  })

  it('prefers pasted HTML and keeps the whole selection', async () => {
    const article = await extractPaste({
      text: 'ignored',
      html: '<h2>Notes</h2><p>First pasted paragraph with enough words to be a paragraph.</p><p onclick="x()">Second one <script>bad()</script>here.</p>',
      url: 'https://blog.example/post',
    })
    expect(article.format).toBe('paste-html')
    expect(article.contentText).toBe(
      'Notes\n\nFirst pasted paragraph with enough words to be a paragraph.\n\nSecond one here.',
    )
    expect(article.contentHtml).not.toMatch(/script|onclick/)
    expect(article.url).toBe('https://blog.example/post')
    expect(article.pageKind).toBeNull()
  })

  it('tells a relative date in pasted text from the moment of the paste', async () => {
    vi.useFakeTimers({ now: new Date(2026, 1, 7, 21, 30) })
    const article = await extractPaste({
      text: [
        'Спорт',
        'Сборная вышла в финал турнира',
        'Вчера в 19:20',
        'Сборная обыграла соперников в полуфинале со счётом 3:1 и впервые за десять лет вышла в финал.',
        'Финал пройдёт в воскресенье на центральном стадионе столицы, билеты раскупили за час.',
      ].join('\n'),
    })
    expect(article.publishedAt).toBe('2026-02-06T19:20')
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('refuses an empty clipboard', async () => {
    expect((await failure(extractPaste({ text: ' ' }))).message).toBe('clipboard: the clipboard is empty')
  })
})
