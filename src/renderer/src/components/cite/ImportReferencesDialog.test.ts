// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type { ImportReport } from '../../../../common/types'
import { setClient } from '../../api/client'
import { createLecternI18n } from '../../i18n'
import ImportReferencesDialog from './ImportReferencesDialog.vue'

const report: ImportReport = {
  jobId: 'job',
  imported: 2,
  duplicates: 1,
  failed: 1,
  skipped: 1,
  skippedByReason: { data: 1 },
  foldersNotEntered: [],
  cancelled: false,
  list: { id: 7, name: 'Thesis' },
  items: [
    { file: 'refs.bib', entry: 'kv2024', status: 'imported', id: 11, title: 'Frozen No More' },
    {
      file: 'refs.bib',
      entry: 'hart2021',
      status: 'imported',
      id: 12,
      title: 'Ports and Power',
      warnings: ['undefined @string macro "rout"; its name is kept'],
    },
    {
      file: 'refs.bib',
      entry: 'ivanova2019',
      status: 'duplicate',
      duplicateOf: 3,
      title: 'Транспортные коридоры',
    },
    { file: 'refs.bib', entry: 'entry 4', status: 'failed', error: 'refs.bib: entry 4 has no title' },
    { file: 'notes.json', status: 'skipped', skipReason: 'data' },
  ],
}

function client() {
  return {
    listCitationLists: vi.fn(async () => [
      { id: 5, name: 'Chapter 1', style: 'apa', locale: 'en-US', count: 0, createdAt: '', updatedAt: '' },
      { id: 7, name: 'Thesis', style: 'apa', locale: 'en-US', count: 0, createdAt: '', updatedAt: '' },
    ]),
    importFiles: vi.fn(async () => report),
  }
}

async function chooseFile(wrapper: ReturnType<typeof mount>) {
  const input = wrapper.get('[data-testid="cite-references-input"]')
  const file = new File(['@article{kv2024, title={Frozen}}'], 'refs.bib')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

describe('ImportReferencesDialog', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => {
    setClient(null)
    document.body.innerHTML = ''
  })

  it('imports into the list it was opened from and reports a line per entry with its warnings', async () => {
    const api = client()
    setClient(api as unknown as ArchiveClient)
    const wrapper = mount(ImportReferencesDialog, {
      props: { open: true, currentListId: 7 },
      global: { plugins: [createLecternI18n('en')] },
      attachTo: document.body,
    })
    await flushPromises()
    expect((wrapper.get('[data-testid="import-references-list"]').element as HTMLSelectElement).value).toBe(
      'list:7',
    )
    await chooseFile(wrapper)
    expect(wrapper.get('[data-testid="import-references-file"]').text()).toBe('refs.bib')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(api.importFiles).toHaveBeenCalledWith(
      expect.objectContaining({
        files: [{ name: 'refs.bib', dataBase64: expect.any(String) }],
        list: 'Thesis',
      }),
    )
    const reportBox = wrapper.get('[data-testid="cite-import-report"]')
    expect(reportBox.text()).toContain('refs.bib: 2 imported, 1 already in the archive, 1 failed.')
    expect(reportBox.text()).toContain('Added to “Thesis”.')
    const lines = wrapper.findAll('[data-testid="import-entry"]').map((line) =>
      line
        .findAll('.status, .key, .entry-title, .reason, .warning')
        .map((part) => part.text())
        .join(' | '),
    )
    expect(lines).toEqual([
      'Imported | kv2024 | Frozen No More',
      'Imported | hart2021 | Ports and Power | Warning: undefined @string macro "rout"; its name is kept',
      'Already in the archive as #3 | ivanova2019 | Транспортные коридоры',
      'Not imported | entry 4 | entry 4 has no title',
      'Skipped | notes.json | data, not a page or a reference file',
    ])
    expect(
      wrapper.findAll('[data-testid="import-entry-open"]').map((link) => link.attributes('href')),
    ).toEqual(['#/article/11', '#/article/12', '#/article/3'])
    expect(wrapper.emitted('imported')?.[0]).toEqual([report])
  })

  it('creates a new list by the name given, or adds to none', async () => {
    const api = client()
    setClient(api as unknown as ArchiveClient)
    const wrapper = mount(ImportReferencesDialog, {
      props: { open: true },
      global: { plugins: [createLecternI18n('ru')] },
      attachTo: document.body,
    })
    await flushPromises()
    await chooseFile(wrapper)
    await wrapper.get('[data-testid="import-references-list"]').setValue('new')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.get('[data-testid="import-references-error"]').text()).toBe(
      'Дайте новому списку название.',
    )
    expect(api.importFiles).not.toHaveBeenCalled()
    await wrapper.get('[data-testid="import-references-new-name"]').setValue('Глава 2')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(api.importFiles).toHaveBeenLastCalledWith(expect.objectContaining({ list: 'Глава 2' }))
  })
})
