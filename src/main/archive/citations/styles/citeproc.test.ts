import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CitationProcessor, CiteError, defaultCslDir, typographicQuotes } from './citeproc'
import { ALL_ITEMS, noDate, oneAuthor } from '../../../../../tests/support/cite-items'

const userDir = mkdtempSync(join(tmpdir(), 'lectern-csl-'))
afterAll(() => rmSync(userDir, { recursive: true, force: true }))

describe('CitationProcessor', () => {
  it('lists the shipped styles', () => {
    const ids = new CitationProcessor().listStyles().map((style) => style.id)
    expect(ids).toEqual([
      'gost-r-7.0.100-2018',
      'gost-r-7.0.5-2008-notes',
      'apa',
      'mla',
      'chicago-author-date',
      'chicago-note-bibliography',
      'harvard',
      'ieee',
    ])
  })

  it('adds the user’s own .csl files to the list and formats with them', () => {
    const xml = readFileSync(join(defaultCslDir(), 'ieee.csl'), 'utf8').replace(
      '<title>IEEE (Lectern)</title>',
      '<title>My numbered style</title>',
    )
    writeFileSync(join(userDir, 'my-numbered.csl'), xml)
    writeFileSync(join(userDir, 'notes.txt'), 'not a style')
    const processor = new CitationProcessor({ userStyleDirs: [userDir] })
    const mine = processor.listStyles().find((style) => style.id === 'my-numbered')
    expect(mine).toMatchObject({ title: 'My numbered style', builtIn: false })
    expect(processor.listStyles().some((style) => style.id === 'notes')).toBe(false)
    expect(
      processor.bibliography([oneAuthor], { style: 'my-numbered', locale: 'en-US', format: 'text' })[0],
    ).toMatch(/^\[1\] J\. Doe, “What Vance’s trip/)
  })

  it('names what is wrong: unknown style, unknown locale, a file that is no style', () => {
    const processor = new CitationProcessor()
    expect(() =>
      processor.bibliography([oneAuthor], { style: 'vancouver', locale: 'en-US', format: 'text' }),
    ).toThrow(/unknown style "vancouver" \(known: gost-r-7\.0\.100-2018, gost-r-7\.0\.5-2008-notes, apa/)
    expect(() =>
      processor.bibliography([oneAuthor], { style: 'apa', locale: 'de-DE' as 'en-US', format: 'text' }),
    ).toThrow(CiteError)
    const bogus = join(userDir, 'bogus.csl')
    writeFileSync(bogus, '<html></html>')
    expect(() =>
      processor.bibliography([oneAuthor], { style: bogus, locale: 'en-US', format: 'text' }),
    ).toThrow(/bogus\.csl: not a CSL style/)
    expect(() =>
      processor.bibliography([oneAuthor, oneAuthor], { style: 'apa', locale: 'en-US', format: 'text' }),
    ).toThrow(/share one id/)
  })

  it('shows an edited item on the next run (same id, new content)', () => {
    const processor = new CitationProcessor()
    const options = { style: 'apa', locale: 'en-US', format: 'text' } as const
    expect(processor.bibliography(ALL_ITEMS, options)[1]).toContain('What Vance’s trip')
    const edited = ALL_ITEMS.map((item) =>
      item.id === oneAuthor.id ? { ...item, title: 'Edited title' } : item,
    )
    const entries = processor.bibliography(edited, options)
    expect(entries[1]).toContain('Edited title')
    expect(entries.join('\n')).not.toContain('What Vance’s trip')
    expect(processor.bibliography([noDate], options)).toHaveLength(1)
  })

  it('switches between text and HTML on one engine', () => {
    const processor = new CitationProcessor()
    const html = processor.bibliography([noDate], { style: 'apa', locale: 'en-US', format: 'html' })[0]
    const text = processor.bibliography([noDate], { style: 'apa', locale: 'en-US', format: 'text' })[0]
    expect(html).toContain('<i>R&#38;D spending')
    expect(text).toContain('R&D spending')
    expect(text).not.toContain('<')
  })
})

describe('HTML safety', () => {
  it('escapes markup in item fields except citeproc’s own rich-text tags (i, b, sup, sub)', () => {
    const hostile = { ...noDate, title: '<img src=x onerror=alert(1)> & <script>x</script> <b>bold</b>' }
    const [html] = new CitationProcessor().bibliography([hostile], {
      style: 'apa',
      locale: 'en-US',
      format: 'html',
    })
    expect(html).not.toMatch(/<img|<script/)
    expect(html).toContain(
      '&#60;img src=x onerror=alert(1)&#62; &#38; &#60;script&#62;x&#60;/script&#62; <b>bold</b>',
    )
  })
})

describe('typographicQuotes', () => {
  it('uses the quotes of the item’s language and leaves odd counts alone', () => {
    expect(typographicQuotes('a "b" c', 'en')).toBe('a “b” c')
    expect(typographicQuotes('a "b" c', 'ru')).toBe('a «b» c')
    expect(typographicQuotes('5" screen', 'en')).toBe('5" screen')
  })
})

describe('citations in the text', () => {
  const [first, second, third] = [ALL_ITEMS[0]!, ALL_ITEMS[1]!, ALL_ITEMS[2]!]
  const sequence = [first, second, second, first, third].map((item) => ({ id: item.id }))

  it('numbers items by their first citation in a numeric style', () => {
    const numbers = new CitationProcessor().citations([third, first, second], sequence, {
      style: 'ieee',
      locale: 'en-US',
      format: 'text',
    })
    expect(numbers).toEqual(['[1]', '[2]', '[2]', '[1]', '[3]'])
  })

  it('gives one in-text citation per place, in the order cited', () => {
    const cited = new CitationProcessor().citations([first, second, third], sequence, {
      style: 'apa',
      locale: 'en-US',
      format: 'text',
    })
    expect(cited).toHaveLength(5)
    expect(cited[0]).toBe(cited[3])
    expect(cited[1]).toBe(cited[2])
    expect(new Set(cited).size).toBe(3)
  })

  it('refuses a citation of an item it was not given', () => {
    expect(() =>
      new CitationProcessor().citations([first], [{ id: 'elsewhere' }], {
        style: 'apa',
        locale: 'en-US',
        format: 'text',
      }),
    ).toThrow(CiteError)
  })
})
