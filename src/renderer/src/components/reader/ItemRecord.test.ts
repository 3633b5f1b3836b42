// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type { Article } from '../../../../common/types'
import { bookRecord, chapterRecord, journalRecord } from '../../../../../tests/support/item-articles'
import { setClient } from '../../api/client'
import { createLecternI18n } from '../../i18n'
import ItemRecord from './ItemRecord.vue'

type FormatArgs = { ids: number[]; style: string; format: string; citations?: boolean }

function clientFor(attached?: Article) {
  return {
    listCiteStyles: vi.fn(async () => [
      { id: 'apa', title: 'APA 7th edition', builtIn: true },
      { id: 'gost-r-7.0.100-2018', title: 'GOST R 7.0.100-2018', builtIn: true },
    ]),
    formatCitations: vi.fn(async (args: FormatArgs) => {
      const text = args.citations
        ? `(Hart, 2021) [${args.style}]`
        : `Hart, E. (2021). <i>Ports</i> [${args.style}]`
      return {
        output: text,
        entries: [args.format === 'html' ? text : text.replace(/<\/?i>/g, '')],
        entryIds: args.ids,
        warnings: args.citations ? [] : [{ id: args.ids[0], field: 'place', message: 'no place' }],
      }
    }),
    attachFile: vi.fn(async () => attached),
  }
}

function mountRecord(article: Article, language: 'en' | 'ru') {
  return mount(ItemRecord, {
    props: { article },
    global: { plugins: [createLecternI18n(language)] },
    attachTo: document.body,
  })
}

const fieldRows = (wrapper: ReturnType<typeof mountRecord>) =>
  wrapper.findAll('.field-row').map((row) => [row.get('dt').text(), row.get('dd').text()])

describe('ItemRecord', () => {
  beforeEach(() => {
    window.localStorage.clear()
    setActivePinia(createPinia())
  })
  afterEach(() => {
    setClient(null)
    document.body.innerHTML = ''
  })

  it('lays out a book’s record with the fields a book uses, in Russian', async () => {
    setClient(clientFor() as unknown as ArchiveClient)
    const wrapper = mountRecord(bookRecord, 'ru')
    await flushPromises()
    expect(fieldRows(wrapper)).toEqual([
      ['Издание', '2'],
      ['Место издания', 'Москва'],
      ['Издательство', 'Наука'],
      ['Год', '2019'],
      ['Число страниц', '356'],
      ['ISBN', '978-5-02-040123-4'],
      ['Серия', 'Библиотека востоковеда'],
      ['Номер в серии', '12'],
      ['Язык', 'русский'],
      ['Ключ цитирования', 'ivanova2019'],
    ])
    expect(wrapper.text()).toContain('Этот источник пришёл из файла thesis-sources.bib')
  })

  it('gives a journal article its journal, volume, issue, pages and a DOI link, in English', async () => {
    setClient(clientFor() as unknown as ArchiveClient)
    const wrapper = mountRecord(journalRecord, 'en')
    await flushPromises()
    expect(fieldRows(wrapper)).toEqual([
      ['Journal', 'Europe-Asia Studies'],
      ['Volume', '76'],
      ['Issue', '3'],
      ['Pages', '412–437'],
      ['Date published', 'March 2024'],
      ['DOI', '10.1080/09668136.2024.2311408'],
      ['ISSN', '0966-8136'],
      ['Citation key', 'kv2024'],
    ])
    expect(wrapper.get('[data-field="DOI"] a').attributes('href')).toBe(
      'https://doi.org/10.1080/09668136.2024.2311408',
    )
  })

  it('names a chapter’s book and its editors together', async () => {
    setClient(clientFor() as unknown as ArchiveClient)
    const wrapper = mountRecord(chapterRecord, 'en')
    await flushPromises()
    expect(fieldRows(wrapper).slice(0, 3)).toEqual([
      ['Book title', 'Maritime Corridors of the Twenty-First Century'],
      ['Editors', 'Anna Lindqvist, Paul Moreau'],
      ['Pages', '145–162'],
    ])
  })

  it('shows the reference and the citation in the chosen style, with what the style misses', async () => {
    const client = clientFor()
    setClient(client as unknown as ArchiveClient)
    const wrapper = mountRecord(chapterRecord, 'en')
    await flushPromises()
    expect(client.formatCitations).toHaveBeenCalledWith({
      ids: [3],
      style: 'apa',
      locale: 'en-US',
      format: 'html',
    })
    expect(wrapper.get('[data-testid="record-reference"]').html()).toContain('<i>Ports</i>')
    expect(wrapper.get('[data-testid="record-citation"]').text()).toBe('(Hart, 2021) [apa]')
    expect(wrapper.get('[data-testid="record-missing"]').text()).toContain(
      'APA, 7th edition needs what this item lacks: No place of publication',
    )
    await wrapper.get('[data-testid="record-style"]').setValue('gost-r-7.0.100-2018')
    await flushPromises()
    expect(wrapper.get('[data-testid="record-reference"]').text()).toContain('[gost-r-7.0.100-2018]')
    await wrapper.get('[data-testid="record-fix"]').trigger('click')
    expect(wrapper.emitted('edit')).toHaveLength(1)
  })

  it('copies the citation with its formatting and as text', async () => {
    const client = clientFor()
    setClient(client as unknown as ArchiveClient)
    const write = vi.fn(async () => undefined)
    vi.stubGlobal(
      'ClipboardItem',
      class {
        constructor(readonly parts: Record<string, Blob>) {}
      },
    )
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true })
    const wrapper = mountRecord(chapterRecord, 'en')
    await flushPromises()
    // The window remembers one style for all records; the last test chose GOST.
    await wrapper.get('[data-testid="record-style"]').setValue('apa')
    await wrapper.get('[data-testid="record-copy-citation"]').trigger('click')
    await flushPromises()
    expect(client.formatCitations).toHaveBeenCalledWith(
      expect.objectContaining({ ids: [3], citations: true, format: 'text' }),
    )
    const [[items]] = write.mock.calls as unknown as [[Array<{ parts: Record<string, Blob> }>]]
    expect(await items[0]!.parts['text/plain']!.text()).toBe('(Hart, 2021) [apa]')
    expect(await items[0]!.parts['text/html']!.text()).toContain('(Hart, 2021) [apa]')
    expect(wrapper.get('[data-testid="record-copy-status"]').text()).toBe('Citation copied')
    vi.unstubAllGlobals()
  })

  it('attaches the chosen page or PDF and hands over the article it became', async () => {
    const attached = { ...chapterRecord, format: 'pdf' as const }
    const client = clientFor(attached)
    setClient(client as unknown as ArchiveClient)
    const wrapper = mountRecord(chapterRecord, 'en')
    await flushPromises()
    const input = wrapper.get('[data-testid="attach-input"]')
    const file = new File(['%PDF-1.4'], 'hart-2021.pdf', { type: 'application/pdf' })
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    await flushPromises()
    expect(client.attachFile).toHaveBeenCalledWith({
      id: 3,
      name: 'hart-2021.pdf',
      dataBase64: btoa('%PDF-1.4'),
    })
    expect(wrapper.emitted('attached')?.[0]).toEqual([attached])
  })
})
