import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { IMPORTABLE_EXTENSIONS } from '../../../common/import-kinds'
import type {
  DuplicateReason,
  FileUpload,
  ImportItemResult,
  ImportProgress,
  ImportReport,
  PasteInput,
} from '../../../common/types'
import { errorMessage, getClient } from '../api/client'
import { fileToBase64 } from '../lib/base64'

/** Raw bytes sent per importFiles call, well under the browser host's request limit. */
const BATCH_BYTES = 48 * 1024 * 1024

/** What the file picker offers: every page and reference file kind the engine reads. */
export const ACCEPTED_EXTENSIONS = IMPORTABLE_EXTENSIONS

export type ImportPhase = 'idle' | 'reading' | 'importing' | 'finished'

/** What the user chose for a duplicate after the import (skipping is what already happened). */
export type DuplicateResolution = 'replace' | 'keep'

/** A file of the last import that the archive already held, and what became of it since. */
export interface DuplicateEntry {
  /** Stable within one summary, to address the entry. */
  key: number
  file: string
  duplicateOf: number
  reason: DuplicateReason | null
  /** For a similar text: the estimated share of shared wording, 0..1. */
  similarity: number | null
  title: string | null
  /** Set once the user replaced the existing article or kept both. */
  resolved: DuplicateResolution | null
  /** The article it became (the existing one when replaced, a new one when kept). */
  resolvedId: number | null
  error: string | null
}

export interface ImportSummary {
  imported: number
  duplicates: number
  /** Failures with their reasons (empty for an import started elsewhere, e.g. the desktop menu). */
  failed: ImportItemResult[]
  failedCount: number
  /** Files that are not pages or reference files, each with its `skipReason` (empty for a foreign import). */
  skipped: ImportItemResult[]
  skippedCount: number
  cancelled: boolean
  /** The single new article, so the view can open it right away. */
  openId: number | null
  /** Duplicates of this window's own import, with their reasons (empty for a foreign import). */
  duplicateItems: DuplicateEntry[]
}

function newJobId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
}

/** Splits files into calls of bounded size, keeping each file whole. */
export function batchBySize<T extends { size: number }>(files: readonly T[], budget = BATCH_BYTES): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let bytes = 0
  for (const file of files) {
    if (current.length > 0 && bytes + file.size > budget) {
      batches.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.size
  }
  if (current.length > 0) batches.push(current)
  return batches
}

/** One import at a time: reads files, sends them in batches, follows `importProgress`. */
export const useImportStore = defineStore('importer', () => {
  const phase = ref<ImportPhase>('idle')
  const totalFiles = ref(0)
  /** Files finished in batches that already returned. */
  const doneBefore = ref(0)
  const progress = ref<ImportProgress | null>(null)
  const currentFile = ref<string | null>(null)
  const failedSoFar = ref(0)
  const summary = ref<ImportSummary | null>(null)
  const error = ref<string | null>(null)
  const activeJobId = ref<string | null>(null)
  const cancelRequested = ref(false)
  /** Jobs this window started; their late events must not look like someone else's import. */
  const ownJobIds = new Set<string>()
  /** The uploaded bytes of the last import's duplicates, by entry key, to submit them again. */
  const duplicateUploads = new Map<number, FileUpload>()
  const resolving = ref(false)

  const busy = computed(() => phase.value === 'reading' || phase.value === 'importing')
  const done = computed(() => doneBefore.value + (progress.value?.done ?? 0))

  function onProgress(event: ImportProgress): void {
    if (event.jobId === activeJobId.value) {
      progress.value = event
      currentFile.value = event.current
      failedSoFar.value = (summary.value?.failed.length ?? 0) + event.failed
      if (event.finished && phase.value === 'importing' && !ownJobIds.has(event.jobId))
        finishForeignJob(event)
      return
    }
    // An import started elsewhere (the desktop menu's Import): show its progress too.
    if (busy.value || ownJobIds.has(event.jobId)) return
    reset(event.total)
    phase.value = 'importing'
    activeJobId.value = event.jobId
    progress.value = event
    currentFile.value = event.current
    failedSoFar.value = event.failed
    if (event.finished) finishForeignJob(event)
  }

  function finishForeignJob(event: ImportProgress): void {
    summary.value = {
      imported: event.imported,
      duplicates: event.duplicates,
      failed: [],
      failedCount: event.failed,
      skipped: [],
      skippedCount: event.skipped,
      cancelled: cancelRequested.value,
      openId: null,
      duplicateItems: [],
    }
    activeJobId.value = null
    currentFile.value = null
    phase.value = 'finished'
  }

  function reset(total: number): void {
    phase.value = 'reading'
    totalFiles.value = total
    doneBefore.value = 0
    progress.value = null
    currentFile.value = null
    failedSoFar.value = 0
    error.value = null
    cancelRequested.value = false
    duplicateUploads.clear()
    summary.value = {
      imported: 0,
      duplicates: 0,
      failed: [],
      failedCount: 0,
      skipped: [],
      skippedCount: 0,
      cancelled: false,
      openId: null,
      duplicateItems: [],
    }
  }

  function rememberDuplicate(item: ImportItemResult, upload: FileUpload | undefined): void {
    const entries = summary.value!.duplicateItems
    const key = entries.length
    entries.push({
      key,
      file: item.file,
      duplicateOf: item.duplicateOf ?? 0,
      reason: item.duplicateReason ?? null,
      similarity: item.similarity ?? null,
      title: item.title ?? null,
      resolved: null,
      resolvedId: null,
      error: null,
    })
    if (upload) duplicateUploads.set(key, upload)
  }

  /** Import `files`; `skipped` are files a dropped folder held that are not pages or references. */
  async function importFiles(
    files: readonly File[],
    skipped: readonly ImportItemResult[] = [],
  ): Promise<void> {
    if (busy.value || files.length + skipped.length === 0) return
    reset(files.length)
    const accumulated = summary.value!
    accumulated.skipped.push(...skipped)
    let lastImportedId: number | null = null
    try {
      for (const batch of batchBySize(files)) {
        if (cancelRequested.value) break
        phase.value = 'reading'
        const uploads: FileUpload[] = []
        for (const file of batch) {
          currentFile.value = file.name
          try {
            uploads.push({ name: file.name, dataBase64: await fileToBase64(file) })
          } catch (err) {
            accumulated.failed.push({ file: file.name, status: 'failed', error: errorMessage(err) })
            doneBefore.value += 1
          }
        }
        if (uploads.length === 0) continue
        phase.value = 'importing'
        const jobId = newJobId()
        ownJobIds.add(jobId)
        activeJobId.value = jobId
        progress.value = null
        const report = await getClient().importFiles({ files: uploads, jobId })
        accumulated.imported += report.imported
        accumulated.duplicates += report.duplicates
        report.items.forEach((item, index) => {
          if (item.status === 'failed') accumulated.failed.push(item)
          if (item.status === 'skipped') accumulated.skipped.push(item)
          if (item.status === 'imported' && item.id !== undefined) lastImportedId = item.id
          // Items come back in the order sent, so the index finds the upload.
          if (item.status === 'duplicate') rememberDuplicate(item, uploads[index])
        })
        doneBefore.value += report.items.length
        progress.value = null
        failedSoFar.value = accumulated.failed.length
        if (report.cancelled) accumulated.cancelled = true
      }
      if (cancelRequested.value) accumulated.cancelled = true
      accumulated.failedCount = accumulated.failed.length
      accumulated.skippedCount = accumulated.skipped.length
      accumulated.openId = files.length === 1 ? lastImportedId : null
    } catch (err) {
      error.value = errorMessage(err)
      accumulated.failedCount = accumulated.failed.length
      accumulated.skippedCount = accumulated.skipped.length
    } finally {
      activeJobId.value = null
      currentFile.value = null
      phase.value = 'finished'
    }
  }

  /** Stores a paste; returns the new (or already present) article's id. */
  async function importPaste(input: PasteInput): Promise<ImportItemResult> {
    const result = await getClient().importPaste(input)
    if (result.status === 'failed') throw new Error(result.error ?? 'the paste could not be imported')
    return result
  }

  /**
   * Imports one reference file (each entry becomes an item), optionally adding what it brings in to
   * the citation list named `list` (created when missing). Its dialog reports it; the import summary
   * does not show it again.
   */
  async function importReferenceFile(upload: FileUpload, list?: string): Promise<ImportReport> {
    const jobId = newJobId()
    ownJobIds.add(jobId)
    return getClient().importFiles({ files: [upload], jobId, ...(list ? { list } : {}) })
  }

  /** Duplicates the user can still replace or keep: those whose bytes are at hand. */
  const openDuplicates = computed(() =>
    (summary.value?.duplicateItems ?? []).filter(
      (entry) => entry.resolved === null && duplicateUploads.has(entry.key),
    ),
  )

  /**
   * Submit duplicates of the last import again, replacing the existing articles or keeping both.
   * Without keys: every open duplicate.
   */
  async function resolveDuplicates(choice: DuplicateResolution, keys?: readonly number[]): Promise<void> {
    if (busy.value || resolving.value || !summary.value) return
    const entries = openDuplicates.value.filter((entry) => !keys || keys.includes(entry.key))
    if (entries.length === 0) return
    resolving.value = true
    error.value = null
    try {
      const sized = entries.map((entry) => {
        const upload = duplicateUploads.get(entry.key) as FileUpload
        return { entry, upload, size: Math.ceil((upload.dataBase64.length * 3) / 4) }
      })
      for (const batch of batchBySize(sized)) {
        const jobId = newJobId()
        ownJobIds.add(jobId)
        const report = await getClient().importFiles({
          files: batch.map((part) => part.upload),
          jobId,
          duplicates: choice,
        })
        report.items.forEach((item, index) => {
          const entry = batch[index]?.entry
          if (!entry) return
          if (item.status === 'imported') {
            entry.resolved = choice
            entry.resolvedId = item.id ?? null
            entry.error = null
            duplicateUploads.delete(entry.key)
          } else {
            entry.error = item.error ?? null
          }
        })
      }
    } catch (err) {
      error.value = errorMessage(err)
    } finally {
      resolving.value = false
    }
  }

  async function cancel(): Promise<void> {
    cancelRequested.value = true
    const jobId = activeJobId.value
    if (!jobId) return
    try {
      await getClient().cancelImport({ jobId })
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  function dismiss(): void {
    if (busy.value) return
    phase.value = 'idle'
    summary.value = null
    error.value = null
    duplicateUploads.clear()
  }

  return {
    phase,
    totalFiles,
    done,
    currentFile,
    failedSoFar,
    summary,
    error,
    busy,
    cancelRequested,
    resolving,
    openDuplicates,
    onProgress,
    importFiles,
    importPaste,
    importReferenceFile,
    resolveDuplicates,
    cancel,
    dismiss,
  }
})
