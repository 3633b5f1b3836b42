// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ArchiveClient } from '../../../common/api'
import type { FileUpload, ImportReport } from '../../../common/types'
import { setClient } from '../api/client'
import { batchBySize, useImportStore } from './importer'

describe('batchBySize', () => {
  it('keeps files whole and starts a new batch when the budget would overflow', () => {
    const files = [{ size: 40 }, { size: 50 }, { size: 30 }, { size: 200 }, { size: 10 }]
    expect(batchBySize(files, 100).map((batch) => batch.map((file) => file.size))).toEqual([
      [40, 50],
      [30],
      [200],
      [10],
    ])
  })
})

describe('import store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => setClient(null))

  it('sends base64 uploads, follows only its own progress and lists failures', async () => {
    const store = useImportStore()
    let sent: FileUpload[] = []
    const importFiles = vi.fn(
      async (args: { files: FileUpload[]; jobId?: string }): Promise<ImportReport> => {
        sent = args.files
        store.onProgress({
          jobId: 'someone-else',
          done: 9,
          total: 9,
          current: 'x',
          imported: 9,
          duplicates: 0,
          failed: 0,
          skipped: 0,
          finished: true,
        })
        store.onProgress({
          jobId: args.jobId!,
          done: 1,
          total: 2,
          current: 'b.pdf',
          imported: 1,
          duplicates: 0,
          failed: 0,
          skipped: 0,
          finished: false,
        })
        expect(store.done).toBe(1)
        expect(store.currentFile).toBe('b.pdf')
        return {
          jobId: args.jobId!,
          items: [
            { file: 'a.html', status: 'imported', id: 4 },
            { file: 'b.pdf', status: 'failed', error: 'b.pdf: not a PDF' },
          ],
          imported: 1,
          duplicates: 0,
          failed: 1,
          skipped: 0,
          skippedByReason: {},
          foldersNotEntered: [],
          cancelled: false,
        }
      },
    )
    setClient({ importFiles } as unknown as ArchiveClient)

    await store.importFiles([new File(['<p>hi</p>'], 'a.html'), new File(['nope'], 'b.pdf')])

    expect(sent).toEqual([
      { name: 'a.html', dataBase64: btoa('<p>hi</p>') },
      { name: 'b.pdf', dataBase64: btoa('nope') },
    ])
    expect(store.phase).toBe('finished')
    expect(store.summary).toMatchObject({ imported: 1, duplicates: 0, cancelled: false, openId: null })
    expect(store.summary?.failed.map((item) => item.file)).toEqual(['b.pdf'])
  })

  it('reports a transport failure instead of hanging in the busy state', async () => {
    const store = useImportStore()
    setClient({
      importFiles: async () => {
        throw new Error('connection lost')
      },
    } as unknown as ArchiveClient)
    await store.importFiles([new File(['x'], 'a.txt')])
    expect(store.busy).toBe(false)
    expect(store.error).toBe('connection lost')
  })
})

describe('imports started elsewhere', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('follows the progress of a job this window did not start', () => {
    const store = useImportStore()
    const base = { jobId: 'menu-1', total: 3, current: 'a.html', duplicates: 0, skipped: 0 }
    store.onProgress({ ...base, done: 1, imported: 1, failed: 0, finished: false })
    expect(store.busy).toBe(true)
    expect(store.done).toBe(1)
    store.onProgress({ ...base, done: 3, imported: 2, failed: 1, current: null, finished: true })
    expect(store.busy).toBe(false)
    expect(store.summary).toMatchObject({ imported: 2, failedCount: 1, failed: [] })
  })

  it('counts the files such an import skipped', () => {
    const store = useImportStore()
    const base = { jobId: 'menu-2', total: 4, current: null, duplicates: 0, failed: 0 }
    store.onProgress({ ...base, done: 4, imported: 1, skipped: 3, finished: true })
    expect(store.summary).toMatchObject({ imported: 1, skippedCount: 3, skipped: [] })
  })
})

describe('skipped files', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => setClient(null))

  it('keeps the files the engine skipped and those a dropped folder held, with their reasons', async () => {
    const store = useImportStore()
    setClient({
      importFiles: async (args: { files: FileUpload[]; jobId?: string }): Promise<ImportReport> => ({
        jobId: args.jobId!,
        items: [
          { file: 'a.html', status: 'imported', id: 1 },
          { file: 'LICENSE.txt', status: 'skipped', skipReason: 'licence', reason: 'a licence text' },
        ],
        imported: 1,
        duplicates: 0,
        failed: 0,
        skipped: 1,
        skippedByReason: { licence: 1 },
        foldersNotEntered: [],
        cancelled: false,
      }),
    } as unknown as ArchiveClient)
    await store.importFiles(
      [new File(['a'], 'a.html'), new File(['b'], 'LICENSE.txt')],
      [{ file: 'saved/photo.png', status: 'skipped', skipReason: 'image' }],
    )
    expect(store.summary?.skippedCount).toBe(2)
    expect(store.summary?.skipped.map((item) => [item.file, item.skipReason])).toEqual([
      ['saved/photo.png', 'image'],
      ['LICENSE.txt', 'licence'],
    ])
    expect(store.summary?.failed).toEqual([])
  })

  it('shows a summary when a dropped folder held nothing to import', async () => {
    const store = useImportStore()
    const importFiles = vi.fn()
    setClient({ importFiles } as unknown as ArchiveClient)
    await store.importFiles([], [{ file: 'saved/archive.zip', status: 'skipped', skipReason: 'archive' }])
    expect(importFiles).not.toHaveBeenCalled()
    expect(store.phase).toBe('finished')
    expect(store.summary).toMatchObject({ imported: 0, skippedCount: 1 })
  })
})

describe('duplicates of the last import', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => setClient(null))

  it('lists them with their reasons and re-submits the chosen ones with the choice', async () => {
    const store = useImportStore()
    const calls: Array<{ files: FileUpload[]; duplicates?: string }> = []
    const importFiles = vi.fn(
      async (args: { files: FileUpload[]; jobId?: string; duplicates?: string }): Promise<ImportReport> => {
        calls.push({ files: args.files, ...(args.duplicates ? { duplicates: args.duplicates } : {}) })
        if (!args.duplicates) {
          return {
            jobId: args.jobId!,
            items: [
              { file: 'a.html', status: 'imported', id: 1 },
              { file: 'b.html', status: 'duplicate', duplicateOf: 3, duplicateReason: 'same-url' },
              {
                file: 'c.html',
                status: 'duplicate',
                duplicateOf: 4,
                duplicateReason: 'similar-text',
                similarity: 0.93,
              },
            ],
            imported: 1,
            duplicates: 2,
            failed: 0,
            skipped: 0,
            skippedByReason: {},
            foldersNotEntered: [],
            cancelled: false,
          }
        }
        return {
          jobId: args.jobId!,
          items: args.files.map((file, index) => ({
            file: file.name,
            status: 'imported' as const,
            id: args.duplicates === 'replace' ? 3 : 10 + index,
            replaced: args.duplicates === 'replace',
          })),
          imported: args.files.length,
          duplicates: 0,
          failed: 0,
          skipped: 0,
          skippedByReason: {},
          foldersNotEntered: [],
          cancelled: false,
        }
      },
    )
    setClient({ importFiles } as unknown as ArchiveClient)

    await store.importFiles([
      new File(['a'], 'a.html'),
      new File(['bb'], 'b.html'),
      new File(['cc'], 'c.html'),
    ])
    expect(store.summary?.duplicateItems).toMatchObject([
      { key: 0, file: 'b.html', duplicateOf: 3, reason: 'same-url', similarity: null, resolved: null },
      { key: 1, file: 'c.html', duplicateOf: 4, reason: 'similar-text', similarity: 0.93, resolved: null },
    ])
    expect(store.openDuplicates.map((entry) => entry.file)).toEqual(['b.html', 'c.html'])

    await store.resolveDuplicates('replace', [0])
    expect(calls[1]).toEqual({ files: [{ name: 'b.html', dataBase64: btoa('bb') }], duplicates: 'replace' })
    expect(store.summary?.duplicateItems[0]).toMatchObject({ resolved: 'replace', resolvedId: 3 })
    expect(store.openDuplicates.map((entry) => entry.file)).toEqual(['c.html'])

    await store.resolveDuplicates('keep')
    expect(calls[2]).toEqual({ files: [{ name: 'c.html', dataBase64: btoa('cc') }], duplicates: 'keep' })
    expect(store.summary?.duplicateItems[1]).toMatchObject({ resolved: 'keep', resolvedId: 10 })
    expect(store.openDuplicates).toEqual([])

    // Nothing is left to submit.
    await store.resolveDuplicates('keep')
    expect(calls).toHaveLength(3)
  })

  it('keeps a duplicate open with the reason when re-submitting it fails', async () => {
    const store = useImportStore()
    let round = 0
    setClient({
      importFiles: async (args: { files: FileUpload[]; jobId?: string }): Promise<ImportReport> => {
        round++
        const item =
          round === 1
            ? {
                file: 'b.html',
                status: 'duplicate' as const,
                duplicateOf: 2,
                duplicateReason: 'same-file' as const,
              }
            : { file: 'b.html', status: 'failed' as const, error: 'b.html: the file is empty' }
        return {
          jobId: args.jobId!,
          items: [item],
          imported: 0,
          duplicates: round === 1 ? 1 : 0,
          failed: round === 1 ? 0 : 1,
          skipped: 0,
          skippedByReason: {},
          foldersNotEntered: [],
          cancelled: false,
        }
      },
    } as unknown as ArchiveClient)
    await store.importFiles([new File(['b'], 'b.html')])
    await store.resolveDuplicates('replace')
    expect(store.summary?.duplicateItems[0]).toMatchObject({
      resolved: null,
      error: 'b.html: the file is empty',
    })
    expect(store.openDuplicates).toHaveLength(1)
    store.dismiss()
    expect(store.openDuplicates).toEqual([])
  })
})
