import { describe, expect, it } from 'vitest'
import { CitationProcessor, renderCitations, type CslItem } from '../index'
import { ALL_ITEMS, oneAuthor } from '../../../../../tests/support/cite-items'
import {
  book,
  chapter,
  conferencePaper,
  editedBook,
  encyclopediaEntry,
  journalArticle,
  report,
  thesis,
  webpage,
} from '../../../../../tests/support/cite-kinds'
import { CitationFormatter } from './formatter'

const inputs = ALL_ITEMS.map((item, index) => ({ key: index + 1, item }))

describe('CitationFormatter', () => {
  it('writes exactly what renderCitations writes, in every format', () => {
    const formatter = new CitationFormatter([])
    const processor = new CitationProcessor()
    for (const format of ['text', 'html', 'markdown', 'bibtex', 'biblatex', 'ris', 'csl-json'] as const)
      for (const style of ['gost-r-7.0.100-2018', 'apa']) {
        const options = { style, locale: 'ru-RU' as const, format }
        expect(formatter.format(inputs, options).output, `${style} ${format}`).toBe(
          renderCitations(processor, ALL_ITEMS, options),
        )
      }
  })

  it('finds the item behind each entry in sorted, numbered and disambiguated bibliographies', () => {
    const formatter = new CitationFormatter([])
    const sameAuthorYear: CslItem[] = [
      { ...oneAuthor, id: 'later', title: 'Zebra crossings', issued: { 'date-parts': [[2026, 5, 1]] } },
      { ...oneAuthor, id: 'earlier', title: 'Aardvark farms', issued: { 'date-parts': [[2026, 1, 1]] } },
    ]
    const all = [...inputs, ...sameAuthorYear.map((item) => ({ key: item.id, item }))]
    for (const style of ['apa', 'ieee', 'chicago-note-bibliography', 'gost-r-7.0.100-2018', 'mla']) {
      const result = formatter.format(all, { style, locale: 'en-US', format: 'text' })
      expect(new Set(result.entryIds).size, style).toBe(all.length)
      result.entries.forEach((entry, index) => {
        const input = all.find((candidate) => candidate.key === result.entryIds[index])!
        // Styles change quotes and case (Chicago and MLA write titles in title case).
        const plain = (text: string): string => text.replace(/["“”«»‘’]/g, '').toLowerCase()
        expect(plain(entry), style).toContain(plain(input.item.title!).slice(0, 12))
      })
    }
    const apa = formatter.format(all, { style: 'apa', locale: 'en-US', format: 'text' })
    expect(apa.entries.filter((entry) => /^Doe, J\. \(2026[ab],/.test(entry))).toHaveLength(2)
    const ieee = formatter.format(all, { style: 'ieee', locale: 'en-US', format: 'text' })
    expect(ieee.entryIds).toEqual(all.map((input) => input.key))
  })

  it('keeps the key of an edited item and of an id that looks like our internal ones', () => {
    const formatter = new CitationFormatter([])
    const hashed = { key: 'key#1', item: { ...oneAuthor, id: 'one#author', title: 'Hashed id' } }
    const options = { style: 'apa', locale: 'en-US' as const, format: 'html' as const }
    const before = formatter.format([...inputs, hashed], options)
    const edited = inputs.map((input) =>
      input.key === 3 ? { ...input, item: { ...input.item, title: 'Aaa first now' } } : input,
    )
    const after = formatter.format([...edited, hashed], options)
    expect(new Set(after.entryIds)).toEqual(new Set(before.entryIds))
    expect(after.entryIds[after.entries.findIndex((entry) => entry.includes('Hashed id'))]).toBe('key#1')
    expect(after.entryIds[after.entries.findIndex((entry) => entry.includes('Aaa first now'))]).toBe(3)
  })
})

describe('missing-field warnings by kind of source', () => {
  const fieldsOf = (item: CslItem, style = 'apa'): string[] =>
    new CitationFormatter([])
      .format([{ key: item.id, item }], { style, locale: 'en-US', format: 'text' })
      .warnings.map((warning) => warning.field)

  it('asks nothing more of complete items of every kind', () => {
    const complete = [
      journalArticle,
      book,
      chapter,
      report,
      thesis,
      conferencePaper,
      encyclopediaEntry,
      webpage,
    ]
    for (const item of complete) expect(fieldsOf(item), item.id).toEqual([])
  })

  it('asks a journal article for its journal, volume and pages, and a chapter for its book and pages', () => {
    const {
      'container-title': _journal,
      volume: _volume,
      issue: _issue,
      page: _page,
      DOI: _doi,
      ...bareArticle
    } = journalArticle
    expect(fieldsOf(bareArticle)).toEqual(['container', 'volume', 'pages'])
    const { 'container-title': _book, page: _pages, publisher: _publisher, ...bareChapter } = chapter
    expect(fieldsOf(bareChapter)).toEqual(['container', 'pages', 'publisher'])
  })

  it('wants the place of publication and the access date only where GOST prints them', () => {
    const { 'publisher-place': _place, ...placeless } = book
    expect(fieldsOf(placeless)).toEqual([])
    expect(fieldsOf(placeless, 'gost-r-7.0.100-2018')).toEqual(['place'])
    const { accessed: _accessed, ...unread } = webpage
    expect(fieldsOf(unread)).toEqual([])
    expect(fieldsOf(unread, 'gost-r-7.0.100-2018')).toEqual(['accessed'])
  })

  it('does not ask an edited book or an encyclopedia entry for an author', () => {
    expect(fieldsOf(editedBook)).toEqual([])
    expect(encyclopediaEntry.author).toBeUndefined()
    expect(fieldsOf(encyclopediaEntry)).toEqual([])
    const { URL: _url, ...offline } = encyclopediaEntry
    expect(fieldsOf(offline)).toEqual(['url'])
  })
})
