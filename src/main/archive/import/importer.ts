import { createHash, randomUUID } from 'node:crypto'
import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { ApiError, type ArchiveEvents } from '../../../common/api'
import type { MessageRef } from '../../../common/errors'
import type {
  DuplicateChoice,
  FileUpload,
  ImportItemResult,
  ImportProgress,
  ImportReport,
  ImportStop,
  PasteInput,
  SkipReason,
} from '../../../common/types'
import { plainSqliteProblem } from '../backup/health'
import { CiteError } from '../citations/index'
import { findDuplicate, insertArticle } from '../db/articles'
import { storageError } from '../dispatch'
import type { Database } from '../db/database'
import { ExtractError, extractPaste } from '../extract/index'
import { ExtractionPool, type ExtractionPoolOptions } from '../extract/pool'
import { duplicateResult, matchDuplicate, replaceArticleContent, saveFingerprint } from './duplicates'
import { type SignedArticle, signArticle } from './signature'
import { settleItemAfterContent } from '../items/edit'
import { flushSearchIndex } from '../search/indexer'
import { readReferenceFile, referenceFormatOf, storeReferenceEntries, type ReferenceFile } from './references'
import { judgeContent, skippedItem } from './skip'
import { collectImportTargets, describeFileError, savedPageResourceDir } from './walk'

export type ImportEventName = 'importProgress' | 'archiveChanged'
export type ImportEventSink = <E extends ImportEventName>(event: E, payload: ArchiveEvents[E]) => void

/** Larger files are refused by name instead of exhausting memory. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

/** During a long batch, tell views to reload after this many new articles (and at the end). */
const CHANGE_NOTICE_EVERY = 100

export const PASTE_LABEL = 'clipboard'

interface ImportSource {
  /** How results and errors name the item: the path or file name as given. */
  label: string
  /** Stored as the article's source name. */
  sourceName: string | null
  read(): Promise<Buffer>
  extract(bytes: Buffer): Promise<SignedArticle>
  /** Known before reading: why this item cannot be imported. */
  problem?: string
  /** Which message `problem` is (see MESSAGE_KEYS). */
  problemRef?: MessageRef
  /** Known before reading: a file passed over by its name. */
  skip?: SkipReason
  /** Files are judged by their content too (a licence text, data); a paste is not. */
  judged: boolean
  /** What to do when the archive already holds it. */
  duplicates: DuplicateChoice
}

interface Job {
  cancelled: boolean
}

/** What a batch will go through. */
interface BatchPlan {
  sources: ImportSource[]
  foldersNotEntered: string[]
}

/** An item read, fingerprinted, extracted and signed, waiting to be stored (or already settled). */
type Prepared =
  | { settled: ImportItemResult }
  | { settled?: undefined; references: ReferenceFile }
  | { settled?: undefined; references?: undefined; bytes: Buffer; sha256: string; signed: SignedArticle }

export interface ImporterOptions {
  /** How batch files are extracted (worker threads by default; `workers: 0` = in-process). */
  extraction?: ExtractionPoolOptions
}

/**
 * Runs imports: each item is read, fingerprinted (SHA-256), checked for duplicates, extracted
 * and stored with its original bytes in one transaction. A failing item is reported by name and
 * the batch goes on. Batches report progress and can be cancelled between items.
 * Batch files are extracted in worker threads, a few ahead of the single writer, which stores
 * them in the order given.
 */
export class Importer {
  private readonly jobs = new Map<string, Job>()
  private readonly running = new Set<Promise<unknown>>()
  private pool: ExtractionPool | null = null

  constructor(
    private readonly db: Database,
    private readonly emit: ImportEventSink,
    private readonly options: ImporterOptions = {},
  ) {}

  /** How batch files are extracted: in worker threads, or in-process (and why). */
  get extraction(): { mode: ExtractionPool['mode']; workers: number; inProcessReason: string | null } {
    const pool = this.extractionPool()
    return { mode: pool.mode, workers: pool.workerCount, inProcessReason: pool.inProcessReason }
  }

  private extractionPool(): ExtractionPool {
    this.pool ??= new ExtractionPool(this.options.extraction)
    return this.pool
  }

  importFiles(args: {
    files: FileUpload[]
    jobId?: string
    duplicates?: DuplicateChoice
  }): Promise<ImportReport> {
    const sources = args.files.map((file): ImportSource => ({
      duplicates: args.duplicates ?? 'skip',
      judged: true,
      label: file.name,
      sourceName: basename(file.name),
      read: async () => Buffer.from(file.dataBase64, 'base64'),
      extract: (bytes) => this.extractionPool().extractSigned({ name: file.name, bytes }),
    }))
    return this.track(this.runBatch(args.jobId, async () => ({ sources, foldersNotEntered: [] })))
  }

  importPaths(args: {
    paths: string[]
    recursive?: boolean
    jobId?: string
    duplicates?: DuplicateChoice
  }): Promise<ImportReport> {
    return this.track(
      this.runBatch(args.jobId, async () => {
        const walk = await collectImportTargets(args.paths, args.recursive ?? false)
        const sources = walk.targets.map((target): ImportSource => ({
          duplicates: args.duplicates ?? 'skip',
          judged: true,
          label: target.path,
          sourceName: basename(target.path),
          ...(target.skip ? { skip: target.skip } : {}),
          problem:
            target.problem ??
            (target.size !== undefined && target.size > MAX_IMPORT_BYTES ? tooLarge(target.size) : undefined),
          ...(!target.problem && target.size !== undefined && target.size > MAX_IMPORT_BYTES
            ? { problemRef: tooLargeRef(target.size) }
            : {}),
          read: () => readWholeFile(target.path),
          extract: async (bytes) => {
            // A "Save Page As" page keeps its images in the folder beside it.
            const resourceDir = await savedPageResourceDir(target.path)
            const input = { name: target.path, bytes }
            return this.extractionPool().extractSigned(resourceDir ? { ...input, resourceDir } : input)
          },
        }))
        return { sources, foldersNotEntered: walk.foldersNotEntered }
      }),
    )
  }

  async importPaste(input: PasteInput & { duplicates?: DuplicateChoice }): Promise<ImportItemResult> {
    const paste: PasteInput = { text: input.text }
    if (input.html !== undefined) paste.html = input.html
    if (input.url !== undefined) paste.url = input.url
    // The original of a paste is the paste itself, kept as JSON so it can be extracted again.
    const bytes = Buffer.from(JSON.stringify(paste), 'utf8')
    const result = await this.track(
      this.importOne({
        duplicates: input.duplicates ?? 'skip',
        judged: false,
        label: PASTE_LABEL,
        sourceName: null,
        read: async () => bytes,
        extract: async () => signArticle(await extractPaste(paste)),
      }),
    )
    if (result.status === 'imported' && result.id !== undefined) {
      this.emit('archiveChanged', { reason: 'import', ids: [result.id] })
    }
    return result
  }

  /** Ask a running batch to stop after its current item. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job || job.cancelled) return false
    job.cancelled = true
    return true
  }

  /** Stop every batch after its current item and wait until all imports have settled. */
  async shutdown(): Promise<void> {
    for (const job of this.jobs.values()) job.cancelled = true
    await Promise.allSettled([...this.running])
    await this.pool?.close()
    this.pool = null
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work)
    void work.finally(() => this.running.delete(work)).catch(() => undefined)
    return work
  }

  private async runBatch(
    requestedJobId: string | undefined,
    plan: () => Promise<BatchPlan>,
  ): Promise<ImportReport> {
    const jobId = requestedJobId ?? randomUUID()
    if (this.jobs.has(jobId))
      throw new ApiError('conflict', `an import with job id "${jobId}" is already running`)
    const job: Job = { cancelled: false }
    this.jobs.set(jobId, job)
    try {
      const { sources, foldersNotEntered } = await plan()
      const progress: ImportProgress = {
        jobId,
        done: 0,
        total: sources.length,
        current: null,
        imported: 0,
        duplicates: 0,
        failed: 0,
        skipped: 0,
        finished: false,
      }
      const skippedByReason: Partial<Record<SkipReason, number>> = {}
      const items: ImportItemResult[] = []
      const importedIds: number[] = []
      let noticedCount = 0
      // Up to `maxInFlight` items are read and extracted ahead; they are stored one by one, in order.
      const ahead: Array<{ source: ImportSource; prepared: Promise<Prepared> }> = []
      const maxInFlight = this.extractionPool().maxInFlight
      let next = 0
      const fill = (): void => {
        while (!job.cancelled && ahead.length < maxInFlight && next < sources.length) {
          const source = sources[next++] as ImportSource
          ahead.push({ source, prepared: this.prepare(source) })
        }
      }
      let stopped: ImportStop | undefined
      fill()
      for (let entry = ahead.shift(); entry && !job.cancelled && !stopped; entry = ahead.shift()) {
        this.emit('importProgress', { ...progress, current: entry.source.label })
        let stored: ImportItemResult[]
        try {
          stored = await this.store(entry.source, await entry.prepared)
        } catch (error) {
          // The archive cannot be written: the next files would fail the same way, so the batch ends here.
          const notImported = sources.length - progress.done - 1
          stopped = { file: entry.source.label, code: stopCode(error), notImported }
          stored = [
            failed(entry.source.label, stopMessage(entry.source.label, stopped, progress.imported, error)),
          ]
        }
        if (!stopped) fill()
        progress.done += 1
        for (const item of stored) {
          items.push(item)
          if (item.status === 'imported') {
            progress.imported += 1
            if (item.id !== undefined) importedIds.push(item.id)
          } else if (item.status === 'duplicate') progress.duplicates += 1
          else if (item.status === 'skipped') {
            progress.skipped += 1
            if (item.skipReason)
              skippedByReason[item.skipReason] = (skippedByReason[item.skipReason] ?? 0) + 1
          } else progress.failed += 1
        }
        if (importedIds.length - noticedCount >= CHANGE_NOTICE_EVERY) {
          this.emit('archiveChanged', { reason: 'import', ids: importedIds.slice(noticedCount) })
          noticedCount = importedIds.length
        }
      }
      // Items prepared ahead of a cancel are dropped, but not left running.
      await Promise.allSettled(ahead.map((entry) => entry.prepared))
      this.emit('importProgress', { ...progress, current: null, finished: true })
      if (importedIds.length > noticedCount) {
        this.emit('archiveChanged', { reason: 'import', ids: importedIds.slice(noticedCount) })
      }
      return {
        jobId,
        items,
        imported: progress.imported,
        duplicates: progress.duplicates,
        failed: progress.failed,
        skipped: progress.skipped,
        skippedByReason,
        foldersNotEntered,
        cancelled: job.cancelled,
        ...(stopped ? { stopped } : {}),
      }
    } finally {
      this.jobs.delete(jobId)
    }
  }

  private async importOne(source: ImportSource): Promise<ImportItemResult> {
    const [result] = await this.store(source, await this.prepare(source))
    return result ?? failed(source.label, `${source.label}: nothing to import`)
  }

  /** Read, fingerprint, skip a known duplicate, extract. Never throws: failures are settled items. */
  private async prepare(source: ImportSource): Promise<Prepared> {
    const { label } = source
    try {
      if (source.skip !== undefined) return { settled: skippedItem(label, source.skip) }
      if (source.problem !== undefined)
        return { settled: failed(label, `${label}: ${source.problem}`, source.problemRef) }
      let bytes: Buffer
      try {
        bytes = await source.read()
      } catch (error) {
        return { settled: failed(label, `${label}: ${describeFileError(error)}`) }
      }
      if (bytes.length > MAX_IMPORT_BYTES)
        return { settled: failed(label, `${label}: ${tooLarge(bytes.length)}`, tooLargeRef(bytes.length)) }
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      // A reference file is many items, each judged on its own (its bytes say nothing of its entries).
      if (referenceFormatOf(bytes)) {
        const parsed = readReferenceFile(label, bytes)
        return { references: { label, sourceName: source.sourceName, bytes, sha256, parsed } }
      }
      const verdict = source.judged ? judgeContent(label, bytes) : null
      if (verdict && 'skip' in verdict) return { settled: skippedItem(label, verdict.skip, verdict.reason) }
      if (verdict) return { settled: failed(label, verdict.fail) }
      // Cheap check first, so a re-import of a big folder skips extraction.
      const known = source.duplicates === 'skip' ? await findDuplicate(this.db, sha256, null) : undefined
      if (known) return { settled: duplicateResult(label, { ...known, reason: 'same-file' }) }
      return { bytes, sha256, signed: await source.extract(bytes) }
    } catch (error) {
      return { settled: failedWith(label, error) }
    }
  }

  private async store(source: ImportSource, prepared: Prepared): Promise<ImportItemResult[]> {
    if (prepared.settled) return [prepared.settled]
    if (prepared.references) {
      const file = prepared.references
      try {
        return await this.db.transaction(() =>
          storeReferenceEntries(this.db, file, source.duplicates, new Date().toISOString()),
        )
      } catch (error) {
        if (storageError(error)) throw error
        return [failedWith(source.label, error)]
      }
    }
    return [await this.storePage(source, prepared)]
  }

  private async storePage(
    source: ImportSource,
    prepared: Extract<Prepared, { signed: SignedArticle }>,
  ): Promise<ImportItemResult> {
    const { label } = source
    const { bytes, sha256, signed } = prepared
    const extracted = signed.article
    try {
      return await this.db.transaction(async () => {
        // Checked again inside the transaction: another item or batch may have stored it meanwhile.
        const duplicate =
          source.duplicates === 'keep' ? undefined : await matchDuplicate(this.db, sha256, signed)
        if (duplicate && source.duplicates === 'skip') return duplicateResult(label, duplicate)
        const original = { sha256, bytes, name: source.sourceName }
        const now = new Date().toISOString()
        if (duplicate) {
          await replaceArticleContent(this.db, duplicate.id, {
            signed,
            sourceName: source.sourceName,
            original,
            now,
          })
          return {
            ...duplicateResult(label, duplicate),
            status: 'imported',
            id: duplicate.id,
            title: extracted.title,
            replaced: true,
          }
        }
        const id = await insertArticle(this.db, {
          extracted,
          sourceName: source.sourceName,
          original,
          addedAt: now,
        })
        await settleItemAfterContent(this.db, id, extracted, now)
        await flushSearchIndex(this.db)
        await saveFingerprint(this.db, id, signed.signature)
        return { file: label, status: 'imported', id, title: extracted.title }
      })
    } catch (error) {
      if (storageError(error)) throw error
      return failedWith(label, error)
    }
  }
}

function stopCode(error: unknown): ImportStop['code'] {
  return storageError(error)?.code === 'damaged' ? 'damaged' : 'storage-full'
}

/** Why the batch stopped at `label`, what is safe, and what to do. */
function stopMessage(label: string, stop: ImportStop, importedBefore: number, error: unknown): string {
  const before = `the ${importedBefore === 1 ? 'item' : `${importedBefore} items`} imported before it`
  const after =
    stop.notImported === 1 ? 'the file after it was' : `the ${stop.notImported} files after it were`
  if (stop.code === 'damaged')
    return (
      `${label}: the archive file is damaged (${plainSqliteProblem(error)}), so the import stopped here and ` +
      `nothing more is written to it; ${after} not imported. Restore the newest backup (lectern restore --latest).`
    )
  return (
    `${label}: the disk is full (or the archive reached its size limit), so the import stopped here; ` +
    `${importedBefore === 0 ? 'nothing was imported before it' : `${before} are stored and intact`}, and ` +
    `${after} not imported. Free some space and import again: what is already in is skipped as a duplicate.`
  )
}

function failedWith(label: string, error: unknown): ImportItemResult {
  // Both name the file and say what is wrong with it in plain words.
  if (error instanceof ExtractError) return failed(label, error.message, error.ref)
  if (error instanceof CiteError) return failed(label, error.message)
  const detail = error instanceof Error ? error.message : String(error)
  return failed(label, `${label}: could not be imported (${detail})`)
}

function failed(file: string, error: string, ref?: MessageRef): ImportItemResult {
  return { file, status: 'failed', error, ...ref }
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024))

function tooLarge(size: number): string {
  return `the file is too large to import (${megabytes(size)} MB; the limit is ${megabytes(MAX_IMPORT_BYTES)} MB)`
}

function tooLargeRef(size: number): MessageRef {
  return {
    messageKey: 'file-too-large',
    params: { size: megabytes(size), limit: megabytes(MAX_IMPORT_BYTES) },
  }
}

const READ_FLAGS = constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NONBLOCK)

/**
 * Read a file that `collectImportTargets` found to be a regular file. Opening without blocking
 * means a path that turned into a pipe meanwhile cannot hang the batch.
 */
async function readWholeFile(path: string): Promise<Buffer> {
  const handle = await open(path, READ_FLAGS)
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new Error('not a regular file (a pipe, socket or device)')
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}
