import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CslItem } from '../csl-item'
import { parseRisSyntax, readRis, toRis } from './ris'
import { EVERY_KIND } from '../../../../../tests/support/cite-kinds'
import { FIXTURES_DIR } from '../../../../../tests/support/paths'

const CASES = readFileSync(join(FIXTURES_DIR, 'references', 'cases.ris'), 'utf8')

describe('readRis on hand-written cases', () => {
  const read = readRis(CASES)

  it('reads "TY - JOUR" with one space, keeps the ID as the key, maps every variable and keeps the rest', () => {
    expect(read.problems).toEqual([])
    expect(read.items[0]).toEqual({
      id: 'kv2024',
      'citation-key': 'kv2024',
      type: 'article-journal',
      author: [
        { family: 'Kvaratskhelia', given: 'Nino' },
        { family: "O'Brien", given: 'Sean P.' },
      ],
      // The line separator inside the title became a space; the record is whole.
      title: 'Frozen no more Georgia and the South Caucasus',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      page: '412-437',
      DOI: '10.1080/09668136.2024.2310011',
      keyword: 'Georgia, South Caucasus',
      issued: { 'date-parts': [[2024, 3, 1]] },
      custom: { ris: { type: 'JOUR', fields: { C1: 'custom one' }, names: { issued: 'DA,PY' } } },
    })
  })

  it('reads lower-case tags, Cyrillic, and keeps "PY  - 0000" as written instead of a date', () => {
    expect(read.items[1]).toEqual({
      id: 'ris-2',
      type: 'book',
      author: [{ family: 'Иванов', given: 'Иван Иванович' }, { literal: 'Reuters' }],
      title: 'Транспортные коридоры',
      publisher: 'Наука',
      'publisher-place': 'Москва',
      ISBN: '978-5-02-040000-0',
      custom: { ris: { type: 'BOOK', fields: { PY: '0000', LB: 'label kept' } } },
    })
  })

  it('reads A1/T1/BT/Y1 forms, repeated tags and access dates, and keeps which tags were used', () => {
    expect(read.items[2]).toEqual({
      id: 'ris-3',
      type: 'chapter',
      author: [{ family: 'Green', given: 'Gail' }],
      editor: [{ family: 'Brown', given: 'Bob' }],
      title: 'First things',
      'container-title': 'Handbook of things',
      page: '1-20',
      note: 'A note',
      issued: { 'date-parts': [[2020, 6, 15]] },
      accessed: { 'date-parts': [[2024, 1, 5]] },
      custom: {
        ris: {
          type: 'CHAP',
          fields: { N1: 'A second note' },
          names: { author: 'A1', title: 'T1', 'container-title': 'BT', page: 'SP', issued: 'Y1' },
          verbatim: { Y1: '2020/06/15/Spring meeting', Y2: '2024/01/05' },
        },
      },
    })
  })

  it('joins a value an editor wrapped onto a second line', () => {
    expect(read.items[3]!.title).toBe('A page with a long title that an editor wrapped on a second line')
  })

  it('writes each record back with its type, tags and values', () => {
    expect(toRis(read.items)).toBe(
      [
        'TY  - JOUR',
        'ID  - kv2024',
        'AU  - Kvaratskhelia, Nino',
        "AU  - O'Brien, Sean P.",
        'TI  - Frozen no more Georgia and the South Caucasus',
        'T2  - Europe-Asia Studies',
        'VL  - 76',
        'IS  - 3',
        'SP  - 412',
        'EP  - 437',
        'DA  - 2024/03/01/',
        'PY  - 2024',
        'DO  - 10.1080/09668136.2024.2310011',
        'KW  - Georgia',
        'KW  - South Caucasus',
        'C1  - custom one',
        'ER  - ',
        '',
        'TY  - BOOK',
        'AU  - Иванов, Иван Иванович',
        'AU  - Reuters',
        'TI  - Транспортные коридоры',
        'PB  - Наука',
        'CY  - Москва',
        'SN  - 978-5-02-040000-0',
        'PY  - 0000',
        'LB  - label kept',
        'ER  - ',
        '',
        'TY  - CHAP',
        'A1  - Green, Gail',
        'A2  - Brown, Bob',
        'T1  - First things',
        'BT  - Handbook of things',
        'SP  - 1-20',
        'Y1  - 2020/06/15/Spring meeting',
        'Y2  - 2024/01/05',
        'N1  - A note',
        'N1  - A second note',
        'ER  - ',
        '',
        'TY  - ELEC',
        'TI  - A page with a long title that an editor wrapped on a second line',
        'UR  - https://example.org/page',
        'ER  - ',
        '',
      ].join('\n'),
    )
    expect(readRis(toRis(read.items)).items).toEqual(read.items)
  })

  it('keeps a tag the file left empty', () => {
    const [item] = readRis('TY  - JOUR\nTI  - T\nIS  - \nER  - \n').items
    expect(item!.custom?.ris?.fields).toEqual({ IS: '' })
    expect(toRis([item!])).toBe('TY  - JOUR\nTI  - T\nIS  - \nER  - \n')
  })

  it('never writes a line break inside a value', () => {
    const item: CslItem = { id: 'x', type: 'webpage', title: 'one\u2028two\u2029three\nfour\r\nfive' }
    expect(toRis([item])).toBe('TY  - ELEC\nTI  - one two three four five\nER  - \n')
  })

  it('keeps a record that the file ends before its ER, and reports text outside records', () => {
    const result = readRis('1.\nTY  - JOUR\nTI  - Unfinished\n')
    expect(result.items.map((item) => item.title)).toEqual(['Unfinished'])
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'line 1: text outside a record (before "TY  - ") is ignored',
      'record at line 2: the file ends before its "ER" line; the record is kept',
    ])
  })

  it('does not take a two-letter word at a line start for a tag unless a dash follows', () => {
    const records = parseRisSyntax('TY  - JOUR\nAB  - First line\nOf the abstract\nER  - \n').records
    expect(records[0]!.tags.get('AB')).toEqual(['First line Of the abstract'])
    const wrapped = parseRisSyntax('TY  - JOUR\nN2  - first line,\nER then the second\nER  - \n').records
    expect(wrapped[0]!.tags.get('N2')).toEqual(['first line, ER then the second'])
  })
})

describe('RIS types both ways', () => {
  it('maps the RIS types to CSL types', () => {
    const types = [
      'JOUR',
      'BOOK',
      'CHAP',
      'EDBOOK',
      'RPRT',
      'THES',
      'CONF',
      'CPAPER',
      'ENCYC',
      'DICT',
      'ELEC',
      'BLOG',
    ]
    const more = ['NEWS', 'MGZN', 'DATA', 'COMP', 'STAT', 'BILL', 'CASE', 'GEN', 'UNPB', 'Journal Article']
    const text = [...types, ...more].map((type) => `TY  - ${type}\nTI  - t\nER  - \n`).join('')
    expect(readRis(text).items.map((item) => item.type)).toEqual([
      'article-journal',
      'book',
      'chapter',
      'book',
      'report',
      'thesis',
      'paper-conference',
      'paper-conference',
      'entry-encyclopedia',
      'entry-dictionary',
      'webpage',
      'post-weblog',
      'article-newspaper',
      'article-magazine',
      'dataset',
      'software',
      'legislation',
      'bill',
      'legal_case',
      'document',
      'manuscript',
      // A type the RIS specification does not have is kept for the export.
      'document',
    ])
    expect(toRis(readRis('TY  - Journal Article\nTI  - t\nER  - \n').items)).toBe(
      'TY  - Journal Article\nTI  - t\nER  - \n',
    )
  })

  it('writes every kind of item under its RIS type, an edited book as EDBOOK', () => {
    const types = [...toRis(EVERY_KIND).matchAll(/^TY {2}- (\w+)$/gm)].map((match) => match[1])
    expect(EVERY_KIND.map((item, index) => `${item.type} ${types[index]}`)).toEqual([
      'article-journal JOUR',
      'article-journal JOUR',
      'book BOOK',
      'book BOOK',
      'book EDBOOK',
      'chapter CHAP',
      'chapter CHAP',
      'report RPRT',
      'thesis THES',
      'thesis THES',
      'paper-conference CPAPER',
      'entry-encyclopedia ENCYC',
      'entry-dictionary DICT',
      'legislation STAT',
      'dataset DATA',
      'software COMP',
      'article-newspaper NEWS',
      'article-magazine MGZN',
      'webpage ELEC',
      'post-weblog BLOG',
    ])
  })

  it('keeps through RIS every CSL variable RIS has a tag for', () => {
    const read = readRis(toRis(EVERY_KIND)).items
    const noTag = ['subtitle', 'number-of-pages', 'collection-number', 'event-title', 'event-place']
    EVERY_KIND.forEach((item, index) => {
      const { custom: _custom, ...back } = read[index]!
      const expected: Record<string, unknown> = { ...item, id: back.id }
      for (const variable of noTag) delete expected[variable]
      // RIS has one title: the subtitle joins it.
      if (item.subtitle) expected.title = `${item.title}: ${item.subtitle}`
      expect(back).toEqual(expected)
    })
  })
})
