import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toBibtex } from './bibtex-writer'
import { toCslJson } from './csl-json'
import { readReferences, sniffReferenceText } from './read'
import { toRis } from './ris'
import { FIXTURES_DIR } from '../../../../../tests/support/paths'

const fixture = (name: string): string => readFileSync(join(FIXTURES_DIR, 'references', name), 'utf8')

describe('recognising the format by content', () => {
  it('reads a .bib named .txt as BibTeX, and a BibLaTeX file as BibLaTeX', () => {
    const read = readReferences('refs.txt', fixture('refs-bib.txt'))
    expect(read.format).toBe('bibtex')
    expect(read.items).toEqual([
      {
        id: 'whitfield2019',
        'citation-key': 'whitfield2019',
        type: 'book',
        author: [{ family: 'Whitfield', given: 'Harriet' }],
        title: 'The Caspian Crossroads',
        publisher: 'Oxford University Press',
        issued: { 'date-parts': [[2019]] },
        custom: { bibtex: { type: 'book', fields: {}, names: { issued: 'year' } } },
      },
    ])
    expect(readReferences('cases.bib', fixture('cases.bib')).format).toBe('biblatex')
  })

  it('reads a file with a byte-order mark and CR LF line ends', () => {
    const read = readReferences('bom-crlf.bib', fixture('bom-crlf.bib'))
    expect(read.problems).toEqual([])
    expect(read.items[0]).toMatchObject({
      'citation-key': 'crlf2020',
      title: 'Lines that end in CR LF',
      'container-title': 'Vestnik',
    })
  })

  it('tells the formats apart whatever the name says, and falls back to the name for an empty file', () => {
    expect(sniffReferenceText('x.json', '@misc{a, title={b}}')).toBe('bibtex')
    expect(sniffReferenceText('x.bib', '\uFEFF  \r\nTY  - JOUR\r\nER  - \r\n')).toBe('ris')
    expect(sniffReferenceText('x.ris', '[{"id":"a","title":"b"}]')).toBe('csl-json')
    expect(sniffReferenceText('x.txt', 'ty - book\ner - \n')).toBe('ris')
    expect(sniffReferenceText('empty.bib', '')).toBe('bibtex')
    expect(sniffReferenceText('notes.txt', 'Write to me@example.org')).toBeNull()
  })

  it('names the file when it is no reference file or its JSON is broken', () => {
    expect(() => readReferences('notes.txt', 'hello')).toThrow(
      'notes.txt: not a BibTeX, RIS or CSL-JSON file',
    )
    expect(() => readReferences('broken.json', '[{"id": ')).toThrow(/^broken\.json: not valid JSON/)
  })
})

describe('CSL-JSON', () => {
  it('reads an array, keeping every variable, custom data, and the key from citation-key or a word id', () => {
    const read = readReferences('items.json', fixture('items.json'))
    expect(read).toEqual({
      format: 'csl-json',
      problems: [],
      items: [
        {
          id: 'kv2024',
          'citation-key': 'kv2024',
          type: 'article-journal',
          title: 'Frozen no more',
          author: [{ family: 'Kvaratskhelia', given: 'Nino' }],
          'container-title': 'Europe-Asia Studies',
          volume: '76',
          issue: '3',
          page: '412-437',
          issued: { 'date-parts': [[2024, 3]] },
          DOI: '10.1080/09668136.2024.2311408',
          custom: { note: 'kept as it came' },
        },
        {
          id: '12',
          'citation-key': 'whitfield2019',
          type: 'book',
          title: 'The Caspian Crossroads',
          author: [{ family: 'Whitfield', given: 'Harriet' }],
          publisher: 'Oxford University Press',
          issued: { 'date-parts': [['2019']] },
        },
      ],
    })
    expect(JSON.parse(toCslJson(read.items))).toEqual(read.items)
  })

  it('reads a single object and {"items": [...]}', () => {
    expect(readReferences('item.json', fixture('item.json')).items).toEqual([
      {
        id: 'single',
        'citation-key': 'single',
        type: 'webpage',
        title: 'One item on its own',
        URL: 'https://example.org/',
      },
    ])
    expect(readReferences('zotero-items.json', fixture('zotero-items.json')).items).toEqual([
      {
        id: 'wrapped',
        'citation-key': 'wrapped',
        type: 'report',
        title: 'Items inside an object',
        number: '118',
      },
    ])
  })
})

describe('a large file', () => {
  it('reads 1,000 entries in one go, in each format', () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({
      id: `item-${index}`,
      'citation-key': `key${index}`,
      type: 'article-journal' as const,
      title: `Article number ${index}`,
      author: [{ family: `Author${index}`, given: 'A.' }],
      'container-title': 'Journal',
      volume: String(index % 50),
      issued: { 'date-parts': [[1950 + (index % 70)]] },
    }))
    for (const [name, text] of [
      ['big.bib', toBibtex(items)],
      ['big.ris', toRis(items)],
      ['big.json', toCslJson(items)],
    ] as const) {
      const read = readReferences(name, text)
      expect(read.problems).toEqual([])
      expect(read.items).toHaveLength(1000)
      expect(read.items.map((item) => item['citation-key'])).toEqual(
        items.map((item) => item['citation-key']),
      )
      expect(read.items[999]).toMatchObject({
        title: 'Article number 999',
        volume: '49',
        issued: { 'date-parts': [[1969]] },
      })
    }
  })
})
