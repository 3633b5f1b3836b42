import { describe, expect, it } from 'vitest'
import { readBibtex } from './bibtex'
import { toBiblatex, toBibtex } from './bibtex-writer'
import { citationKeys, entryKeys, transliterate } from './citation-key'
import type { CslItem } from '../csl-item'
import { toCslJson } from './csl-json'
import { readRis, toRis } from './ris'
import { escapeTex, escapeTitle } from './tex'
import {
  ALL_ITEMS,
  noDate,
  oneAuthor,
  organisation,
  twoAuthors,
} from '../../../../../tests/support/cite-items'

describe('citation keys', () => {
  it('transliterates Cyrillic and folds diacritics', () => {
    expect(transliterate('Щукин-Жуковский')).toBe('shchukinzhukovskii')
    expect(transliterate('Юрьев')).toBe('iurev')
    expect(transliterate('Müller')).toBe('muller')
  })

  it('builds family + year + first significant title word, and keeps earlier keys on collision', () => {
    expect(citationKeys(ALL_ITEMS)).toEqual([
      'doe2026vance',
      'ivanov2025transportnye',
      'smith2025energy',
      'smirnov2024zametki',
      'ministry2026press',
      'tass2026putin',
      'clarkndspending',
    ])
    expect(citationKeys([oneAuthor, oneAuthor, oneAuthor])).toEqual([
      'doe2026vance',
      'doe2026vancea',
      'doe2026vanceb',
    ])
  })

  it('exports an item under its own key, and never gives another item a key already taken', () => {
    const keyed: CslItem = { ...twoAuthors, 'citation-key': 'doe2026vance' }
    expect(entryKeys([keyed, oneAuthor, { ...oneAuthor, 'citation-key': 'Kv:2024' }])).toEqual([
      'doe2026vance',
      'doe2026vancea',
      'Kv:2024',
    ])
  })
})

describe('TeX escaping', () => {
  it('escapes the specials and keeps Unicode', () => {
    expect(escapeTex('R&D 5% $1 #2 a_b {x} ~ ^ \\ «Ёж»')).toBe(
      'R\\&D 5\\% \\$1 \\#2 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} «Ёж»',
    )
  })

  it('protects capitalised words after the first, grouping neighbours', () => {
    expect(escapeTitle('What Vance’s trip means for the South Caucasus')).toBe(
      'What {Vance’s} trip means for the {South Caucasus}',
    )
    expect(escapeTitle('NATO and Россия')).toBe('{NATO} and {Россия}')
  })
})

describe('BibTeX writer', () => {
  it('writes an entry exactly', () => {
    expect(toBibtex([oneAuthor])).toBe(
      [
        '@article{doe2026vance,',
        '  author   = {Doe, Jane},',
        '  title    = {What {Vance’s} trip means for regional cooperation: {Reassessing} the {South Caucasus}},',
        '  journal  = {Caliber.az},',
        '  year     = {2026},',
        '  month    = feb,',
        '  date     = {2026-02-07},',
        '  url      = {https://caliber.az/en/post/vance-trip},',
        '  urldate  = {2026-11-27},',
        '  language = {english},',
        '  note     = {Analytics}',
        '}',
        '',
      ].join('\n'),
    )
  })

  it('keeps Cyrillic, escapes specials, braces organisations', () => {
    const bib = toBibtex([twoAuthors, organisation, noDate])
    expect(bib).toContain('author   = {Иванов, Иван Иванович and Петрова, Анна Сергеевна},')
    expect(bib).toContain('title    = {Транспортные коридоры {Южного Кавказа}},')
    expect(bib).toContain('author       = {{Ministry of Foreign Affairs of Azerbaijan}},')
    expect(bib).toContain(
      'title        = {{R\\&D} spending rose 5\\% as {"AI\\_Index"} hit \\$1bn (\\#2 in {EU)}},',
    )
    expect(bib).toContain('@misc{clarkndspending,')
  })
})

/** An item read back from one of our exports, without what the reader adds (its key and source record). */
function withoutSource(item: CslItem): CslItem {
  const { 'citation-key': _key, custom: _custom, ...rest } = item
  return { ...rest, id: '' }
}

describe('BibTeX round trip through the reader', () => {
  it('gives back the same fields for every test item: title and subtitle joined, the section as note', () => {
    const read = readBibtex(toBibtex(ALL_ITEMS))
    expect(read.problems).toEqual([])
    expect(read.items).toHaveLength(ALL_ITEMS.length)
    read.items.forEach((item, index) => {
      const original = ALL_ITEMS[index]!
      const { subtitle: _subtitle, section, ...rest } = original
      const expected: CslItem = { ...rest, id: '' }
      if (original.subtitle) expected.title = `${original.title}: ${original.subtitle}`
      if (section) expected.note = section
      // @article reads as a journal article; @misc with url and urldate as a web page.
      expected.type = original.type === 'article-newspaper' ? 'article-journal' : 'webpage'
      expect(withoutSource(item)).toEqual(expected)
      expect(item['citation-key']).toBe(citationKeys(ALL_ITEMS)[index])
    })
  })
})

describe('BibLaTeX writer', () => {
  it('writes @article for news and @online for pages, with urldate and langid', () => {
    const text = toBiblatex([oneAuthor, noDate])
    expect(text).toBe(
      [
        '@article{doe2026vance,',
        '  author       = {Doe, Jane},',
        '  title        = {What {Vance’s} trip means for regional cooperation},',
        '  subtitle     = {Reassessing the {South Caucasus}},',
        '  titleaddon   = {Analytics},',
        '  entrysubtype = {newspaper},',
        '  journaltitle = {Caliber.az},',
        '  date         = {2026-02-07},',
        '  url          = {https://caliber.az/en/post/vance-trip},',
        '  urldate      = {2026-11-27},',
        '  langid       = {english}',
        '}',
        '',
        '@online{clarkndspending,',
        '  author       = {Clark, Tom},',
        '  title        = {{R\\&D} spending rose 5\\% as {"AI\\_Index"} hit \\$1bn (\\#2 in {EU)}},',
        '  organization = {Policy Watch},',
        '  url          = {https://policywatch.example.org/rd-spending},',
        '  urldate      = {2026-11-27},',
        '  langid       = {english}',
        '}',
        '',
      ].join('\n'),
    )
  })

  it('round-trips every test item, subtitle and section included', () => {
    const read = readBibtex(toBiblatex(ALL_ITEMS))
    expect(read.problems).toEqual([])
    read.items.forEach((item, index) => {
      const original = ALL_ITEMS[index]!
      const type = original.type === 'post-weblog' ? 'webpage' : original.type
      expect(withoutSource(item)).toEqual({ ...original, type, id: '' })
    })
  })
})

describe('RIS writer', () => {
  it('writes one TAG  - value line per field', () => {
    expect(toRis([oneAuthor, organisation])).toBe(
      [
        'TY  - NEWS',
        'AU  - Doe, Jane',
        'TI  - What Vance’s trip means for regional cooperation: Reassessing the South Caucasus',
        'T2  - Caliber.az',
        'SE  - Analytics',
        'PY  - 2026',
        'DA  - 2026/02/07/',
        'Y2  - 2026/11/27/',
        'LA  - en',
        'UR  - https://caliber.az/en/post/vance-trip',
        'ER  - ',
        '',
        'TY  - ELEC',
        'AU  - Ministry of Foreign Affairs of Azerbaijan',
        'TI  - Press release on the peace agenda',
        'T2  - mfa.gov.az',
        'PY  - 2026',
        'DA  - 2026/01/20/',
        'Y2  - 2026/11/27/',
        'LA  - en',
        'UR  - https://mfa.gov.az/en/news/peace-agenda',
        'ER  - ',
        '',
      ].join('\n'),
    )
  })

  it('never wraps and never writes CR', () => {
    const long: CslItem = { ...oneAuthor, title: 'word '.repeat(200).trim(), subtitle: 'line\nbreak' }
    const text = toRis([long])
    expect(text).not.toContain('\r')
    for (const line of text.split('\n').filter(Boolean)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /)
  })

  it('round-trips every test item', () => {
    const read = readRis(toRis(ALL_ITEMS))
    expect(read.problems).toEqual([])
    read.items.forEach((item, index) => {
      const original = ALL_ITEMS[index]!
      const title = original.subtitle ? `${original.title}: ${original.subtitle}` : original.title
      const { subtitle: _subtitle, ...rest } = original
      expect(withoutSource(item)).toEqual({ ...rest, title, id: '' })
    })
  })
})

describe('CSL-JSON writer', () => {
  it('writes the items as JSON that parses back to the same items', () => {
    expect(JSON.parse(toCslJson(ALL_ITEMS))).toEqual(ALL_ITEMS)
  })
})
