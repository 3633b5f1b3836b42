import { describe, expect, it } from 'vitest'
import {
  CitationProcessor,
  htmlEntryToMarkdown,
  importReferences,
  renderCitations,
  sniffReferenceFormat,
} from './index'
import { toBibtex } from './formats/bibtex-writer'
import { toRis } from './formats/ris'
import { ALL_ITEMS, noDate, oneAuthor, twoAuthors } from '../../../../tests/support/cite-items'

const processor = new CitationProcessor()

describe('renderCitations', () => {
  it('prints one reference per line as text', () => {
    const text = renderCitations(processor, [oneAuthor, twoAuthors], {
      format: 'text',
      style: 'apa',
      locale: 'en-US',
    })
    expect(text.split('\n')).toEqual([
      'Doe, J. (2026, February 7). What Vance’s trip means for regional cooperation: Reassessing the South Caucasus. Caliber.az. https://caliber.az/en/post/vance-trip',
      'Иванов, И. И., & Петрова, А. С. (2025, March 15). Транспортные коридоры Южного Кавказа. Российская газета. https://rg.ru/2025/03/15/koridory.html',
      '',
    ])
  })

  it('wraps HTML entries and writes Markdown with escaped specials', () => {
    const html = renderCitations(processor, [noDate], { format: 'html', style: 'apa', locale: 'en-US' })
    expect(html.startsWith('<div class="csl-bib-body">\n<div class="csl-entry">')).toBe(true)
    expect(renderCitations(processor, [noDate], { format: 'markdown', style: 'apa', locale: 'en-US' })).toBe(
      'Clark, T. (n.d.). *R&D spending rose 5% as “AI\\_Index” hit $1bn (#2 in EU)*. Policy Watch. https://policywatch.example.org/rd-spending\n',
    )
  })

  it('passes the writer formats through', () => {
    expect(renderCitations(processor, ALL_ITEMS, { format: 'bibtex' })).toBe(toBibtex(ALL_ITEMS))
    expect(renderCitations(processor, ALL_ITEMS, { format: 'ris' })).toBe(toRis(ALL_ITEMS))
    expect(JSON.parse(renderCitations(processor, ALL_ITEMS, { format: 'csl-json' }))).toEqual(ALL_ITEMS)
    expect(() => renderCitations(processor, ALL_ITEMS, { format: 'text' })).toThrow(/style is needed/)
  })

  it('turns citeproc HTML into Markdown', () => {
    expect(htmlEntryToMarkdown('<div class="csl-entry">A &#38; B. <i>T_1</i> [x]</div>')).toBe(
      'A & B. *T\\_1* \\[x\\]',
    )
  })
})

describe('importReferences', () => {
  it('recognises the three formats by name and by content', () => {
    expect(sniffReferenceFormat('refs.bib', '')).toBe('bibtex')
    expect(sniffReferenceFormat('refs.txt', 'TY  - ELEC\nER  - \n')).toBe('ris')
    expect(sniffReferenceFormat('refs', '[{"id":"a"}]')).toBe('csl-json')
    expect(sniffReferenceFormat('notes.txt', 'hello')).toBeNull()
    expect(() => importReferences('notes.txt', 'hello')).toThrow(
      /notes\.txt: not a BibTeX, RIS or CSL-JSON file/,
    )
  })

  it('reads back what our writers wrote', () => {
    const fromBib = importReferences('list.bib', toBibtex(ALL_ITEMS))
    expect(fromBib.problems).toEqual([])
    expect(fromBib.items.map((item) => item.URL)).toEqual(ALL_ITEMS.map((item) => item.URL))
    const fromRis = importReferences('list.ris', toRis(ALL_ITEMS))
    expect(fromRis.items.map((item) => item.author)).toEqual(ALL_ITEMS.map((item) => item.author))
  })

  it('reads CSL-JSON and reports unusable items by number', () => {
    const result = importReferences(
      'items.json',
      JSON.stringify([
        { id: 1, type: 'webpage', title: 'A' },
        42,
        { id: 'x', type: 'unknown-type', title: 'B' },
        {},
      ]),
    )
    expect(result.items).toEqual([
      { id: '1', type: 'webpage', title: 'A' },
      // A word id is the key the file cites the item by.
      { id: 'x', type: 'document', title: 'B', 'citation-key': 'x' },
    ])
    expect(result.problems).toEqual([
      { file: 'items.json', severity: 'error', message: 'item 2 is not an object' },
      {
        file: 'items.json',
        severity: 'warning',
        message: 'item 3 ("x"): the type "unknown-type" is not a CSL type; it is read as "document"',
      },
      { file: 'items.json', severity: 'error', message: 'item 4 has neither a title nor authors' },
    ])
    expect(() => importReferences('broken.json', '[{')).toThrow(/broken\.json: not valid JSON/)
  })
})
