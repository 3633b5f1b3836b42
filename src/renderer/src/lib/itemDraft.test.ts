import { describe, expect, it } from 'vitest'
import { bookRecord, chapterRecord, journalRecord, savedPage } from '../../../../tests/support/item-articles'
import { cslNames, draftItem, draftOf, nameRow, patchOf, shownFields, type ItemDraft } from './itemDraft'

const copy = (draft: ItemDraft): ItemDraft => structuredClone(draft)

describe('the edit form of an item', () => {
  it('shows the fields of the item’s kind, the date as the language writes it', () => {
    const draft = draftOf(journalRecord, 'ru')
    expect(shownFields(draft)).toEqual([
      'container-title',
      'volume',
      'issue',
      'page',
      'issued',
      'DOI',
      'ISSN',
      'URL',
      'language',
    ])
    expect(draft.fields.issued).toBe('03.2024')
    expect(draft.fields.volume).toBe('76')
    expect(draft.names.author.map((row) => [row.family, row.given])).toEqual([
      ['Kvaratskhelia', 'Nino'],
      ["O'Brien", 'Sean Patrick'],
    ])
    // A page read online also asks for the day it was read.
    expect(shownFields(draftOf(savedPage, 'en'))).toContain('accessed')
  })

  it('sends nothing for a form left as it was', () => {
    for (const article of [bookRecord, journalRecord, chapterRecord, savedPage]) {
      const initial = draftOf(article, 'ru')
      expect(patchOf(initial, copy(initial), 'ru')).toEqual({ patch: {}, problems: {} })
    }
  })

  it('sends a page’s own fields as page fields and the rest as CSL variables', () => {
    const initial = draftOf(savedPage, 'ru')
    const draft = copy(initial)
    draft.fields['container-title'] = 'Caliber'
    draft.fields.issued = '08.02.2026'
    draft.fields.accessed = '10.02.2026'
    draft.fields.page = '3'
    const { patch, problems } = patchOf(initial, draft, 'ru')
    expect(problems).toEqual({})
    expect(patch).toEqual({
      siteName: 'Caliber',
      publishedAt: '2026-02-08',
      accessedAt: '2026-02-10',
      item: { page: '3' },
    })
  })

  it('edits a book’s publisher, place and editors, keeping the names it did not touch as stored', () => {
    const initial = draftOf(bookRecord, 'en')
    const draft = copy(initial)
    draft.fields['publisher-place'] = 'Санкт-Петербург'
    draft.fields['number-of-pages'] = ''
    draft.names.editor = [{ ...nameRow(null), family: 'Петров', given: 'Иван' }]
    draft.names.author = [
      ...draft.names.author,
      { ...nameRow(null), organisation: true, literal: 'Институт востоковедения РАН' },
    ]
    const { patch } = patchOf(initial, draft, 'en')
    expect(patch).toEqual({
      item: {
        'publisher-place': 'Санкт-Петербург',
        'number-of-pages': null,
        author: [{ family: 'Иванова', given: 'Мария Петровна' }, { literal: 'Институт востоковедения РАН' }],
        editor: [{ family: 'Петров', given: 'Иван' }],
      },
    })
  })

  it('gives back a name with particles exactly while its row is unchanged', () => {
    const name = { family: 'Fontaine', 'non-dropping-particle': 'de la', given: 'Jean', suffix: 'Jr.' }
    const row = nameRow(name)
    expect([row.family, row.given]).toEqual(['de la Fontaine', 'Jean'])
    expect(cslNames([row])).toEqual([name])
    expect(cslNames([{ ...row, given: 'Jeanne' }])).toEqual([{ family: 'de la Fontaine', given: 'Jeanne' }])
    expect(cslNames([nameRow(null)])).toEqual([])
  })

  it('changes a page kind through the page’s own kind, any other kind as the item type', () => {
    const initial = draftOf(savedPage, 'en')
    expect(patchOf(initial, { ...copy(initial), type: 'post-weblog' }, 'en').patch).toEqual({
      citeKind: 'blog',
    })
    expect(patchOf(initial, { ...copy(initial), type: 'report' }, 'en').patch).toEqual({ citeKind: 'report' })
    const book = draftOf(bookRecord, 'en')
    expect(patchOf(book, { ...copy(book), type: 'thesis' }, 'en').patch).toEqual({ itemType: 'thesis' })
  })

  it('saves only what the chosen kind shows: a field typed under another kind stays as it was', () => {
    const initial = draftOf(chapterRecord, 'en')
    const draft = copy(initial)
    draft.fields.volume = '2'
    draft.type = 'report'
    draft.fields.number = 'WP-17'
    expect(patchOf(initial, draft, 'en').patch).toEqual({ citeKind: 'report', item: { number: 'WP-17' } })
  })

  it('names what is wrong instead of sending it', () => {
    const initial = draftOf(journalRecord, 'ru')
    const draft = copy(initial)
    draft.title = '  '
    draft.fields.issued = '31.02.2024'
    draft.fields.URL = 'journal.example.org'
    draft.fields.language = 'русский'
    draft.citationKey = 'kv 2024'
    const { patch, problems } = patchOf(initial, draft, 'ru')
    expect(problems).toEqual({
      title: 'items.error.title',
      issued: 'items.error.date',
      URL: 'items.error.url',
      language: 'items.error.language',
      citationKey: 'items.error.citationKey',
    })
    expect(patch).toEqual({})
  })

  it('takes a language tag beyond two letters as a CSL variable and a new citation key', () => {
    const initial = draftOf(journalRecord, 'en')
    const draft = copy(initial)
    draft.fields.language = 'en-GB'
    draft.citationKey = 'kvaratskhelia2024'
    expect(patchOf(initial, draft, 'en').patch).toEqual({
      item: { language: 'en-GB' },
      citationKey: 'kvaratskhelia2024',
    })
  })

  it('builds the item as it would be saved, for the style check', () => {
    const draft = copy(draftOf(bookRecord, 'ru'))
    draft.fields['publisher-place'] = ''
    draft.fields.issued = '05.2020'
    draft.fields.edition = 'not a date, kept as typed'
    const item = draftItem(bookRecord, draft, 'ru')
    expect(item['publisher-place']).toBeUndefined()
    expect(item.issued).toEqual({ 'date-parts': [[2020, 5]] })
    expect(item.edition).toBe('not a date, kept as typed')
    expect(item['citation-key']).toBe('ivanova2019')
    expect(item.id).toBe('2')
  })
})
