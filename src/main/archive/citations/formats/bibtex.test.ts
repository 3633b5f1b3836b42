import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CslItem } from '../csl-item'
import { readBibtex } from './bibtex'
import { toBiblatex, toBibtex } from './bibtex-writer'
import { EVERY_KIND } from '../../../../../tests/support/cite-kinds'
import { FIXTURES_DIR } from '../../../../../tests/support/paths'

const CASES = readFileSync(join(FIXTURES_DIR, 'references', 'cases.bib'), 'utf8')

function itemWithKey(items: readonly CslItem[], key: string): CslItem {
  const item = items.find((candidate) => candidate['citation-key'] === key)
  if (!item) throw new Error(`no item ${key}`)
  return item
}

describe('readBibtex on hand-written cases', () => {
  const read = readBibtex(CASES)

  it('reads a BibLaTeX file as BibLaTeX, one item per entry, @string/@preamble/@comment/@xdata aside', () => {
    expect(read.dialect).toBe('biblatex')
    expect(read.items.map((item) => item.id)).toEqual([
      'kv2024',
      'Muller:2020',
      'king1963',
      'ivanov2019',
      'icml2019',
      'smith2019',
      'handbook',
      'chapter1',
      'techrep',
      'thesis1',
      'thesis2',
      'web2024',
      'nokey2023',
    ])
  })

  it('warns about the repeated field and the undefined macro, and keeps the entry', () => {
    expect(read.problems).toEqual([
      {
        severity: 'warning',
        line: 41,
        entry: 'king1963',
        message:
          'entry "king1963" (line 41): the field "title" appears twice; the first value counts and "A repeated title is ignored" is kept aside',
      },
      {
        severity: 'warning',
        line: 42,
        entry: 'king1963',
        message:
          'entry "king1963" (line 42): the macro "undefinedmacro" is not defined; its name is kept as the value',
      },
    ])
    const king = itemWithKey(read.items, 'king1963')
    expect(king).toMatchObject({ title: 'Strength to Love', note: 'undefinedmacro' })
    // The repeated title is kept aside and written back as the file had it.
    expect(king.custom?.biblatex?.fields).toEqual({ title: ['A repeated title is ignored'] })
    expect(toBiblatex([king])).toContain(
      '  title     = {Strength to {Love}},\n  title     = {A repeated title is ignored},\n',
    )
  })

  it('maps a journal article to every CSL variable it has', () => {
    expect(itemWithKey(read.items, 'kv2024')).toEqual({
      id: 'kv2024',
      'citation-key': 'kv2024',
      type: 'article-journal',
      author: [
        { family: 'Kvaratskhelia', given: 'Nino' },
        { family: "O'Brien", given: 'Sean P.' },
      ],
      title: 'Frozen No More: Georgia and the South Caucasus',
      'container-title': 'Europe-Asia Studies',
      volume: '76',
      issue: '3',
      page: '412-437',
      publisher: 'Taylor & Francis',
      DOI: '10.1080/09668136.2024.2310011',
      issued: { 'date-parts': [[2024, 3]] },
      custom: {
        biblatex: { type: 'article', fields: {}, names: { 'container-title': 'journal', issued: 'year' } },
      },
    })
  })

  it('decodes TeX, reads particles, organisations and "and others", and keeps unknown fields as written', () => {
    expect(itemWithKey(read.items, 'Muller:2020')).toEqual({
      id: 'Muller:2020',
      'citation-key': 'Muller:2020',
      type: 'article-journal',
      author: [
        { family: 'Müller', given: 'Jörg' },
        { family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' },
        { literal: 'World Health Organization' },
        { literal: 'others' },
      ],
      title: "Café culture – a first look at 50% of Škoda's ß-words",
      'container-title': 'Journal of Geophysical Research (Online)',
      URL: 'https://example.org/a_b?x=1%20y',
      language: 'en',
      ISSN: '0148-0227',
      issued: { 'date-parts': [[2020, 3, 5]] },
      custom: {
        biblatex: {
          // The entry type and field names as the file wrote them.
          type: 'Article',
          fields: { unknownfield: 'kept as it was' },
          names: { author: 'Author', title: 'TITLE', 'container-title': 'journal', issued: 'year' },
          // What the file spelled its own way comes back as it was written.
          verbatim: {
            author: String.raw`M{\"u}ller, J{\"o}rg and de la Fontaine, Jean and {World Health Organization} and others`,
            title: String.raw`Caf\'e culture -- a {\emph{first}} look at 50\% of {\v{S}}koda's {\ss}-words`,
            month: 'March',
          },
        },
      },
    })
    expect(itemWithKey(read.items, 'king1963').author).toEqual([
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
      { family: 'Neumann', given: 'John', 'non-dropping-particle': 'von' },
    ])
    expect(itemWithKey(read.items, 'techrep').author).toEqual([
      { literal: 'National Aeronautics and Space Administration' },
    ])
  })

  it('keeps Cyrillic names and text, and reads the language name as a code', () => {
    expect(itemWithKey(read.items, 'ivanov2019')).toMatchObject({
      type: 'book',
      author: [
        { family: 'Иванов', given: 'Иван Иванович' },
        { family: 'Петрова', given: 'Анна' },
      ],
      title: 'Транспортные коридоры Южного Кавказа',
      publisher: 'Наука',
      'publisher-place': 'Москва',
      'number-of-pages': '312',
      language: 'ru',
    })
  })

  it('keeps TeX with no Unicode form as written, for the export', () => {
    expect(itemWithKey(read.items, 'king1963').custom?.biblatex?.verbatim).toEqual({
      author: 'King, Jr., Martin Luther and Ludwig van Beethoven and von Neumann, John',
      publisher: 'Izdatel{\\cyr\\cprime}stvo RAN',
    })
    expect(toBiblatex([itemWithKey(read.items, 'king1963')])).toContain(
      'publisher = {Izdatel{\\cyr\\cprime}stvo RAN},',
    )
  })

  it('inherits through crossref by biblatex rules: the parent title becomes the booktitle', () => {
    expect(itemWithKey(read.items, 'smith2019')).toMatchObject({
      type: 'paper-conference',
      title: 'Learning to Cite',
      'container-title': 'Proceedings of the 36th International Conference on Machine Learning',
      editor: [
        { family: 'Chaudhuri', given: 'Kamalika' },
        { family: 'Salakhutdinov', given: 'Ruslan' },
      ],
      publisher: 'PMLR',
      volume: '97',
      page: '1-10',
      issued: { 'date-parts': [[2019]] },
    })
    const chapter = itemWithKey(read.items, 'chapter1')
    expect(chapter).toMatchObject({
      type: 'chapter',
      'container-title': 'Handbook of Things',
      'publisher-place': 'Amsterdam',
      issued: { 'date-parts': [[2020], [2021]] },
    })
    expect(chapter.custom?.biblatex?.fields).toEqual({ crossref: 'handbook', booksubtitle: 'A Survey' })
  })

  it('inherits xdata fields under their own names; the entry’s own fields come first', () => {
    expect(itemWithKey(read.items, 'techrep')).toMatchObject({
      type: 'report',
      genre: 'Technical Report',
      number: 'TR-42',
      publisher: 'NASA',
      'publisher-place': 'New York',
      issued: { 'date-parts': [[1999, 4], [2000]] },
    })
    expect(itemWithKey(read.items, 'techrep').custom?.biblatex?.fields).toEqual({
      xdata: 'acm',
      publisher: 'ACM',
    })
  })

  it('reads theses, web pages and date ranges', () => {
    expect(itemWithKey(read.items, 'thesis1')).toMatchObject({ type: 'thesis', publisher: 'MIT' })
    expect(itemWithKey(read.items, 'thesis2')).toMatchObject({
      type: 'thesis',
      genre: 'mathesis',
      publisher: 'Oxford University',
      issued: { 'date-parts': [[2002, 6, 30]] },
    })
    expect(itemWithKey(read.items, 'web2024')).toMatchObject({
      type: 'webpage',
      'container-title': 'Policy Watch',
      URL: 'https://policywatch.example.org/page',
      issued: { 'date-parts': [[2024, 6]] },
      accessed: { 'date-parts': [[2024, 6, 30]] },
    })
    expect(itemWithKey(read.items, 'handbook')).toMatchObject({
      subtitle: 'A Survey',
      issued: { 'date-parts': [[2020], [2021]] },
    })
  })

  it('writes every entry back with its type, key and fields, and reads the same items again', () => {
    const written = toBiblatex(read.items)
    expect(written).toContain('@collection{handbook,')
    expect(written).toContain('@thesis{thesis2,')
    expect(written).toContain('  unknownfield = {kept as it was}')
    expect(written).toContain('  date      = {2020/2021}')
    expect(written).toContain(
      '  author    = {King, Jr., Martin Luther and Ludwig van Beethoven and von Neumann, John},',
    )
    expect(readBibtex(written).items).toEqual(read.items)
  })

  it('keeps a BibLaTeX entry whole in a BibTeX export, adding the year, month and address BibTeX reads', () => {
    const written = toBibtex(read.items)
    expect(written).toContain(
      [
        '@collection{handbook,',
        '  editor    = {Brown, Bob},',
        '  title     = {Handbook of {Things}},',
        '  subtitle  = {A {Survey}},',
        '  publisher = {Elsevier},',
        '  location  = {Amsterdam},',
        '  address   = {Amsterdam},',
        '  year      = {2020--2021},',
        '  date      = {2020/2021}',
        '}',
      ].join('\n'),
    )
    expect(written).toContain('@thesis{thesis2,')
    expect(written).toContain(
      '  organization = {Policy Watch},\n  year         = {2024},\n  month        = jun,\n',
    )
    expect(written).toContain(
      String.raw`  Author       = {M{\"u}ller, J{\"o}rg and de la Fontaine, Jean and {World Health Organization} and others},`,
    )
    const again = readBibtex(written).items
    again.forEach((item, index) => {
      const { custom: _custom, ...rest } = item
      const { custom: _original, ...original } = read.items[index]!
      expect(rest).toEqual(original)
    })
  })
})

describe('entry types both ways', () => {
  it('maps BibTeX and BibLaTeX entry types to CSL types', () => {
    const types = [
      'article',
      'book',
      'booklet',
      'inbook',
      'incollection',
      'inproceedings',
      'conference',
      'manual',
      'mastersthesis',
      'phdthesis',
      'techreport',
      'online',
      'electronic',
      'www',
      'misc',
      'unpublished',
      'proceedings',
      'collection',
      'mvbook',
      'report',
      'thesis',
      'dataset',
      'software',
      'patent',
      'inreference',
      'periodical',
    ]
    const text = types.map((type) => `@${type}{k-${type}, title = {T}}`).join('\n')
    expect(readBibtex(text).items.map((item) => item.type)).toEqual([
      'article-journal',
      'book',
      'pamphlet',
      'chapter',
      'chapter',
      'paper-conference',
      'paper-conference',
      'book',
      'thesis',
      'thesis',
      'report',
      'webpage',
      'webpage',
      'webpage',
      'document',
      'manuscript',
      'book',
      'book',
      'book',
      'report',
      'thesis',
      'dataset',
      'software',
      'patent',
      'entry-encyclopedia',
      'periodical',
    ])
  })

  it('writes every kind of item under the entry type its format has for it', () => {
    const bibtex = [...toBibtex(EVERY_KIND).matchAll(/^@(\w+)\{/gm)].map((match) => match[1])
    const biblatex = [...toBiblatex(EVERY_KIND).matchAll(/^@(\w+)\{/gm)].map((match) => match[1])
    expect(EVERY_KIND.map((item, index) => `${item.type} ${bibtex[index]} ${biblatex[index]}`)).toEqual([
      'article-journal article article',
      'article-journal article article',
      'book book book',
      'book book book',
      'book book book',
      'chapter incollection incollection',
      'chapter incollection incollection',
      'report techreport report',
      'thesis phdthesis thesis',
      'thesis phdthesis thesis',
      'paper-conference inproceedings inproceedings',
      'entry-encyclopedia incollection inreference',
      'entry-dictionary incollection inreference',
      'legislation misc legislation',
      'dataset misc dataset',
      'software misc software',
      'article-newspaper article article',
      'article-magazine article article',
      'webpage misc online',
      'post-weblog misc online',
    ])
  })
})

describe('items of every kind through BibLaTeX', () => {
  it('keep every CSL variable BibLaTeX has a field for', () => {
    const read = readBibtex(toBiblatex(EVERY_KIND)).items
    EVERY_KIND.forEach((item, index) => {
      const { custom: _custom, 'citation-key': _key, ...back } = read[index]!
      const expected: CslItem = { ...item, id: back.id }
      // BibLaTeX has one entry type for encyclopedia and dictionary entries, and for pages and blog posts.
      if (item.type === 'entry-dictionary') expected.type = 'entry-encyclopedia'
      if (item.type === 'post-weblog') expected.type = 'webpage'
      expect(back).toEqual(expected)
    })
  })
})

describe('values written their own way', () => {
  it('keeps years BibTeX users write with sorting tricks or as ranges, and a child’s own year', () => {
    const text = String.raw`@book{parent, title = {Collected Works}, date = {1988/2009}}
@book{sorted, title = {A}, year = {{\noopsort{1985a}}1985}}
@book{range, title = {B}, year = {1955--58}}
@inbook{child, title = {C}, year = {1992}, crossref = {parent}}
`
    const { items } = readBibtex(text)
    expect(items.map((item) => item.issued)).toEqual([
      { 'date-parts': [[1988], [2009]] },
      { 'date-parts': [[1985]] },
      { literal: '1955–58' },
      { 'date-parts': [[1992]] },
    ])
    const written = toBiblatex(items)
    expect(written).toContain(String.raw`  year  = {{\noopsort{1985a}}1985}`)
    expect(written).toContain('  year  = {1955--58}')
    // The child takes the parent's title as its booktitle, not the parent's date over its own year.
    expect(items[3]!['container-title']).toBe('Collected Works')
    expect(written).toContain(
      '@inbook{child,\n  title     = {C},\n  booktitle = {Collected Works},\n  year      = {1992},',
    )
  })

  it('writes a name, a month or a language the way the file did while the value is unchanged', () => {
    const text =
      '@book{b, author = {Ludwig van Beethoven}, title = {T}, year = 1801, month = {March}, language = {American}}'
    const [item] = readBibtex(text).items
    expect(item).toMatchObject({
      author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
      issued: { 'date-parts': [[1801, 3]] },
      language: 'American',
    })
    const written = toBibtex([item!])
    expect(written).toContain('  author   = {Ludwig van Beethoven},')
    expect(written).toContain('  month    = {March},')
    expect(written).toContain('  language = {American}')
    const edited: CslItem = {
      ...item!,
      author: [{ family: 'Beethoven', given: 'L.', 'non-dropping-particle': 'van' }],
    }
    expect(toBibtex([edited])).toContain('  author   = {van Beethoven, L.},')
  })
})

describe('names as the file wrote them', () => {
  it('writes entry types and field names in the file’s own case, and reads them in any case', () => {
    const text = '@Article{a, Author = {Doe, Jane}, JOURNAL = {J}, Title = {T}, Year = 1990, Owner = {me}}'
    const { items } = readBibtex(text)
    expect(items[0]).toMatchObject({
      type: 'article-journal',
      author: [{ family: 'Doe', given: 'Jane' }],
      'container-title': 'J',
      title: 'T',
      issued: { 'date-parts': [[1990]] },
    })
    expect(toBibtex(items)).toBe(
      '@Article{a,\n  Author  = {Doe, Jane},\n  Title   = {T},\n  JOURNAL = {J},\n  year    = {1990},\n  Owner   = {me}\n}\n',
    )
  })
})

describe('empty fields', () => {
  it('writes an empty field back, as the file had it', () => {
    const { items } = readBibtex('@string{adr = ""}\n@misc{e, title = {T}, address = adr, note = {}}')
    expect(items[0]!.custom?.bibtex?.fields).toEqual({ address: '', note: '' })
    expect(toBibtex(items)).toBe('@misc{e,\n  title   = {T},\n  address = {},\n  note    = {}\n}\n')
  })
})

describe('dates BibTeX users write', () => {
  it('keeps a month beside a year range, and a range that starts and ends in one year', () => {
    const text =
      '@book{a, title = {A}, year = {1991--1992}, month = {????}}\n@book{b, title = {B}, year = {1865--1865}}'
    const { items } = readBibtex(text)
    expect(items.map((item) => item.issued)).toEqual([
      { 'date-parts': [[1991], [1992]] },
      { 'date-parts': [[1865], [1865]] },
    ])
    expect(items[0]!.custom?.bibtex?.fields).toEqual({ month: '????' })
    const written = toBibtex(items)
    expect(written).toContain('  year  = {1991--1992},\n  month = {????}')
    expect(written).toContain('  year  = {1865--1865}')
  })
})
