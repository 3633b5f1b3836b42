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
    const base = { jobId: 'menu-1', total: 3, current: 'a.html', duplicates: 0 }
    store.onProgress({ ...base, done: 1, imported: 1, failed: 0, finished: false })
    expect(store.busy).toBe(true)
    expect(store.done).toBe(1)
    store.onProgress({ ...base, done: 3, imported: 2, failed: 1, current: null, finished: true })
    expect(store.busy).toBe(false)
    expect(store.summary).toMatchObject({ imported: 2, failedCount: 1, failed: [] })
  })
})
