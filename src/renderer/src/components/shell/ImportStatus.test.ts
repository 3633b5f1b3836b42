// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../../common/api'
import type { FileUpload, ImportReport } from '../../../../common/types'
import { setClient } from '../../api/client'
import { createLecternI18n, messageTranslator } from '../../i18n'
import { setMessageTranslator } from '../../lib/errorText'
import type { Language } from '../../stores/settings'
import { useImportStore } from '../../stores/importer'
import ImportStatus from './ImportStatus.vue'

let choices: Array<string | undefined> = []

async function importWithDuplicates(language: Language) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const wrapper = mount(ImportStatus, { global: { plugins: [pinia, createLecternI18n(language)] } })
  await useImportStore().importFiles([new File(['b'], 'b.html'), new File(['c'], 'c.html')])
  await flushPromises()
  return wrapper
}

describe('ImportStatus duplicates', () => {
  beforeEach(() => {
    choices = []
    setClient({
      importFiles: async (args: { files: FileUpload[]; jobId?: string; duplicates?: string }) => {
        choices.push(args.duplicates)
        const report: ImportReport = {
          jobId: args.jobId!,
          items: args.duplicates
            ? args.files.map((file) => ({ file: file.name, status: 'imported', id: 9, replaced: true }))
            : [
                { file: 'b.html', status: 'duplicate', duplicateOf: 3, duplicateReason: 'same-url' },
                {
                  file: 'c.html',
                  status: 'duplicate',
                  duplicateOf: 4,
                  duplicateReason: 'similar-text',
                  similarity: 0.94,
                },
              ],
          imported: args.duplicates ? args.files.length : 0,
          duplicates: args.duplicates ? 0 : 2,
          failed: 0,
          skipped: 0,
          skippedByReason: {},
          foldersNotEntered: [],
          cancelled: false,
        }
        return report
      },
    } as unknown as ArchiveClient)
  })
  afterEach(() => setClient(null))

  it('lists each duplicate with its reason and replaces all of them on request', async () => {
    const wrapper = await importWithDuplicates('en')
    const rows = wrapper.findAll('[data-testid="import-duplicates"] li').map((row) => row.text())
    expect(rows[0]).toContain('the same address as #3')
    expect(rows[1]).toContain('nearly the same text as #4 (94% alike)')
    expect(wrapper.text()).toContain('Already in the archive (2 files):')
    await wrapper.get('[data-testid="duplicates-replace-all"]').trigger('click')
    await flushPromises()
    expect(choices).toEqual([undefined, 'replace'])
    expect(wrapper.text()).toContain('Replaced #9')
    expect(wrapper.find('[data-testid="duplicates-replace-all"]').exists()).toBe(false)
  })

  it('speaks Russian with the right plural', async () => {
    const wrapper = await importWithDuplicates('ru')
    expect(wrapper.text()).toContain('Уже в архиве (2 файла):')
    expect(wrapper.text()).toContain('почти тот же текст, что и в №4 (совпадает на 94%)')
    const keep = wrapper.findAll('button').find((button) => button.text() === 'Оставить оба')
    await keep!.trigger('click')
    await flushPromises()
    expect(choices).toEqual([undefined, 'keep'])
  })
})

describe('ImportStatus skipped files', () => {
  beforeEach(() => {
    setClient({
      importFiles: async (args: { files: FileUpload[]; jobId?: string }): Promise<ImportReport> => ({
        jobId: args.jobId!,
        items: [
          { file: 'NOTICE.md', status: 'skipped', skipReason: 'readme', reason: 'a README' },
          { file: 'gold.json', status: 'skipped', skipReason: 'data', reason: 'JSON data' },
        ],
        imported: 0,
        duplicates: 0,
        failed: 0,
        skipped: 2,
        skippedByReason: { readme: 1, data: 1 },
        foldersNotEntered: [],
        cancelled: false,
      }),
    } as unknown as ArchiveClient)
  })
  afterEach(() => setClient(null))

  async function importSkipped(language: Language) {
    const pinia = createPinia()
    setActivePinia(pinia)
    const wrapper = mount(ImportStatus, { global: { plugins: [pinia, createLecternI18n(language)] } })
    await useImportStore().importFiles(
      [new File(['n'], 'NOTICE.md'), new File(['{}'], 'gold.json')],
      [{ file: 'saved/photo.png', status: 'skipped', skipReason: 'image' }],
    )
    await flushPromises()
    return wrapper
  }

  it('lists each skipped file with its reason', async () => {
    const wrapper = await importSkipped('en')
    expect(wrapper.get('[data-testid="import-skipped-count"]').text()).toBe('3 skipped')
    expect(wrapper.text()).toContain('Skipped, not pages or reference files (3 files):')
    const rows = wrapper.findAll('[data-testid="import-skipped"] li').map((row) => row.text())
    expect(rows).toEqual([
      'saved/photo.pngan image',
      'NOTICE.mda README, NOTICE or CHANGELOG file',
      'gold.jsondata, not a page or a reference file',
    ])
  })

  it('speaks Russian with the right plural', async () => {
    const wrapper = await importSkipped('ru')
    expect(wrapper.get('[data-testid="import-skipped-count"]').text()).toBe('Пропущено: 3')
    expect(wrapper.text()).toContain('Пропущены — не страницы и не списки литературы (3 файла):')
    const rows = wrapper.findAll('[data-testid="import-skipped"] li').map((row) => row.text())
    expect(rows[0]).toBe('saved/photo.pngизображение')
    expect(rows[2]).toBe('gold.jsonданные, а не страница и не список литературы')
  })
})

describe('ImportStatus failures', () => {
  afterEach(() => {
    setClient(null)
    setMessageTranslator(null)
  })

  it('gives the reason in the interface language when the engine says which message it is', async () => {
    setClient({
      importFiles: async (args: { files: FileUpload[]; jobId?: string }) =>
        ({
          jobId: args.jobId!,
          items: [
            {
              file: 'pages.html',
              status: 'failed',
              error: 'pages.html: unsupported file type: a gzip archive',
              messageKey: 'file-type-unsupported',
              params: { type: 'gzip' },
            },
            { file: 'odd.html', status: 'failed', error: 'odd.html: something only the engine knows' },
          ],
          imported: 0,
          duplicates: 0,
          failed: 2,
          skipped: 0,
          skippedByReason: {},
          foldersNotEntered: [],
          cancelled: false,
        }) satisfies ImportReport,
    } as unknown as ArchiveClient)
    const pinia = createPinia()
    setActivePinia(pinia)
    const i18n = createLecternI18n('ru')
    setMessageTranslator(messageTranslator(i18n.global))
    const wrapper = mount(ImportStatus, { global: { plugins: [pinia, i18n] } })
    await useImportStore().importFiles([new File(['x'], 'pages.html'), new File(['y'], 'odd.html')])
    await flushPromises()
    const reasons = wrapper.findAll('[data-testid="import-failures"] .reason').map((reason) => reason.text())
    expect(reasons).toEqual([
      'файлы такого рода не импортируются: архив gzip',
      'something only the engine knows',
    ])
  })
})
