// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type { CslItem } from '../../../../common/csl'
import type { Article, CitationWarning } from '../../../../common/types'
import {
  bookRecord,
  chapterRecord,
  journalRecord,
  savedPage,
} from '../../../../../tests/support/item-articles'
import { setClient } from '../../api/client'
import { createLecternI18n } from '../../i18n'
import EditMetadataDialog from './EditMetadataDialog.vue'

/** The missing-field check as the engine makes it for the few fields these tests touch. */
function warningsFor(item: CslItem, style: string): CitationWarning[] {
  const warnings: CitationWarning[] = []
  if (style.startsWith('gost') && ['book', 'chapter'].includes(item.type) && !item['publisher-place'])
    warnings.push({ id: item.id, field: 'place', message: 'no place' })
  if (item.type === 'article-journal' && !item.volume && !item.issue)
    warnings.push({ id: item.id, field: 'volume', message: 'no volume' })
  return warnings
}

function client(saved?: Article) {
  return {
    listCiteStyles: vi.fn(async () => [
      { id: 'apa', title: 'APA', builtIn: true },
      { id: 'gost-r-7.0.100-2018', title: 'GOST', builtIn: true },
    ]),
    formatCitations: vi.fn(async (args: { items: CslItem[]; style: string }) => ({
      output: '',
      entries: [`${args.items[0]!.title} [${args.style}]`],
      entryIds: [args.items[0]!.id],
      warnings: warningsFor(args.items[0]!, args.style),
    })),
    updateArticle: vi.fn(async () => saved),
  }
}

function mountDialog(
  article: Article,
  language: 'en' | 'ru',
  citeStyle?: { style: string; locale: 'en-US' | 'ru-RU' },
) {
  return mount(EditMetadataDialog, {
    props: { open: true, article, ...(citeStyle ? { citeStyle } : {}) },
    global: { plugins: [createLecternI18n(language)] },
    attachTo: document.body,
  })
}

/** Waits out the check's pause after typing. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(300)
  await flushPromises()
}

const labels = (wrapper: ReturnType<typeof mountDialog>) =>
  wrapper.findAll('label.field > span:first-child').map((span) => span.text().replace(/ •$/, ''))

describe('EditMetadataDialog', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    window.localStorage.clear()
    setActivePinia(createPinia())
  })
  afterEach(() => {
    vi.useRealTimers()
    setClient(null)
    document.body.innerHTML = ''
  })

  it('asks a journal article for its journal, volume, issue, pages, DOI and ISSN', async () => {
    setClient(client() as unknown as ArchiveClient)
    const wrapper = mountDialog(journalRecord, 'en')
    await settle()
    expect(labels(wrapper)).toEqual([
      'Kind of source',
      'Citation key',
      'Title',
      'Subtitle',
      'Journal',
      'Volume',
      'Issue',
      'Pages',
      'Date published',
      'DOI',
      'ISSN',
      'URL',
      'Language',
    ])
    expect((wrapper.get('[data-testid="edit-field-volume"]').element as HTMLInputElement).value).toBe('76')
    expect((wrapper.get('[data-testid="edit-citation-key"]').element as HTMLInputElement).value).toBe(
      'kv2024',
    )
    expect(
      wrapper
        .findAll('[data-testid="name-family"]')
        .map((input) => (input.element as HTMLInputElement).value),
    ).toEqual(['Kvaratskhelia', "O'Brien"])
  })

  it('asks a book for its publisher, place, edition, pages, ISBN and series, in Russian', async () => {
    setClient(client() as unknown as ArchiveClient)
    const wrapper = mountDialog(bookRecord, 'ru')
    await settle()
    expect(labels(wrapper).slice(4)).toEqual([
      'Издание',
      'Место издания',
      'Издательство',
      'Год',
      'Число страниц',
      'ISBN',
      'Серия',
      'Номер в серии',
      'Том',
      'Число томов',
      'DOI',
      'Первое издание',
      'URL',
      'Язык',
    ])
    // Editors and translators wait behind their buttons until the book has some.
    expect(wrapper.find('[data-testid="edit-names-editor"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="name-add-editor"]').text()).toBe('Добавить редактора')
  })

  it('asks a chapter for its book, editors and pages; a new kind brings its own fields', async () => {
    setClient(client() as unknown as ArchiveClient)
    const wrapper = mountDialog(chapterRecord, 'en')
    await settle()
    expect(labels(wrapper)).toContain('Book title')
    expect(wrapper.get('[data-testid="edit-names-editor"] legend').text()).toBe('Editors')
    expect(wrapper.findAll('[data-testid="edit-names-editor"] [data-testid="name-row"]')).toHaveLength(2)
    await wrapper.get('[data-testid="edit-kind"]').setValue('thesis')
    expect(labels(wrapper)).toContain('University')
    expect(labels(wrapper)).toContain('Degree or type of thesis')
    expect(labels(wrapper)).not.toContain('Book title')
    await wrapper.get('[data-testid="edit-kind"]').setValue('entry-encyclopedia')
    expect(labels(wrapper).slice(4, 6)).toEqual(['Encyclopedia', 'Edition'])
    await wrapper.get('[data-testid="edit-kind"]').setValue('webpage')
    expect(labels(wrapper)).toEqual(expect.arrayContaining(['Site', 'URL', 'Accessed on']))
  })

  it('warns what the list’s style needs and the item lacks, and stops warning once it is filled in', async () => {
    const api = client()
    setClient(api as unknown as ArchiveClient)
    const wrapper = mountDialog(chapterRecord, 'ru', { style: 'gost-r-7.0.100-2018', locale: 'ru-RU' })
    await settle()
    await wrapper.get('[data-testid="edit-field-publisher-place"]').setValue('')
    await settle()
    expect(wrapper.get('[data-testid="edit-missing"]').text()).toBe(
      // A built-in style is named in the interface language.
      'Для стиля «ГОСТ Р 7.0.100-2018» не хватает: Нет места издания',
    )
    expect(
      wrapper.get('[data-testid="edit-field-publisher-place"]').element.closest('label')?.className,
    ).toContain('warned')
    expect(api.formatCitations).toHaveBeenLastCalledWith(
      expect.objectContaining({ style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'html' }),
    )
    await wrapper.get('[data-testid="edit-field-publisher-place"]').setValue('Лондон')
    await settle()
    expect(wrapper.get('[data-testid="edit-missing"]').text()).toBe(
      'Всё, что нужно стилю «ГОСТ Р 7.0.100-2018», на месте.',
    )
    expect(wrapper.get('[data-testid="edit-preview"]').text()).toBe(
      'Ports and Power in the Black Sea Region [gost-r-7.0.100-2018]',
    )
  })

  it('takes dates the way Russian writes them and saves only what changed', async () => {
    const api = client(savedPage)
    setClient(api as unknown as ArchiveClient)
    const wrapper = mountDialog(savedPage, 'ru')
    await settle()
    expect((wrapper.get('[data-testid="edit-published"]').element as HTMLInputElement).value).toBe(
      '07.02.2026 19:01',
    )
    await wrapper.get('[data-testid="edit-published"]').setValue('08.02.2026')
    await wrapper.get('[data-testid="edit-accessed"]').setValue('10.02.2026')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.updateArticle).toHaveBeenCalledWith({
      id: 9,
      patch: { publishedAt: '2026-02-08', accessedAt: '2026-02-10' },
    })
    expect(wrapper.emitted('saved')?.[0]).toEqual([savedPage])
  })

  it('edits names as a list and says what is wrong before anything is sent', async () => {
    const api = client(journalRecord)
    setClient(api as unknown as ArchiveClient)
    const wrapper = mountDialog(journalRecord, 'en')
    await settle()
    await wrapper.findAll('[data-testid="name-move-up"]')[1]!.trigger('click')
    await wrapper.findAll('[data-testid="name-remove"]')[1]!.trigger('click')
    await wrapper.get('[data-testid="name-add-author"]').trigger('click')
    await wrapper.findAll('[data-testid="name-organisation"]')[1]!.setValue(true)
    await wrapper.get('[data-testid="name-literal"]').setValue('World Bank')
    await wrapper.get('[data-testid="edit-published"]').setValue('31.02.2024')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.updateArticle).not.toHaveBeenCalled()
    expect(wrapper.get('[data-testid="edit-published-error"]').text()).toBe(
      'Write the date as 2026-02-07 or as 7 February 2026; a year or a month will do.',
    )
    await wrapper.get('[data-testid="edit-published"]').setValue('2024-03')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.updateArticle).toHaveBeenCalledWith({
      id: 1,
      patch: { item: { author: [{ family: "O'Brien", given: 'Sean Patrick' }, { literal: 'World Bank' }] } },
    })
  })
})
