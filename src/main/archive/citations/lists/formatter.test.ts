import { describe, expect, it } from 'vitest'
import { CitationProcessor, renderCitations, type CslItem } from '../index'
import { ALL_ITEMS, oneAuthor } from '../../../../../tests/support/cite-items'
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
