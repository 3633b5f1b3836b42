/**
 * Extraction off the main thread: a pool of worker threads, each running `extractDocument` on one
 * file at a time. A worker that crashes or takes too long on a file is replaced; that file fails
 * with an error naming it and the other files go on. Without a built worker file (running from
 * source, as in Vitest), with `workers: 0`, or when workers keep failing to start, extraction runs
 * in-process and `mode` / `inProcessReason` say so.
 */
import type { MessageRef } from '../../../common/errors'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ExtractedArticle } from '../../../common/types'
import { type SignedArticle, signArticle } from '../import/signature'
import { ExtractError } from './errors'
import { type ExtractInput, extractDocument } from './index'

/** The bundle entry name of worker.ts (electron.vite.config.ts). */
export const WORKER_BUNDLE_NAME = 'extractWorker.js'
/** Overrides the number of workers (0 = extract in-process). */
export const WORKERS_ENV = 'LECTERN_EXTRACT_WORKERS'
/** Path of a built worker file to use instead of the one next to the bundle. */
export const WORKER_FILE_ENV = 'LECTERN_EXTRACT_WORKER'

export const DEFAULT_FILE_TIMEOUT_MS = 120_000
/** A worker's heap limit: a hostile file that needs more kills only that worker. */
const WORKER_HEAP_MB = 1536
/**
 * Parsing a page allocates many short-lived DOM nodes; a larger young generation than V8's
 * default spends less time collecting them (about 7% faster imports measured on 2 cores).
 */
const WORKER_YOUNG_HEAP_MB = 64

export interface WorkerRequest {
  id: number
  name: string
  bytes: Uint8Array
  url?: string
  resourceDir?: string
}

export type WorkerReply =
  /** `signature` is the body's MinHash signature (signArticle); a worker that leaves it out is signed after. */
  | { id: number; ok: true; article: ExtractedArticle; signature?: Uint32Array | null }
  | { id: number; ok: false; file: string; reason: string; ref?: MessageRef }
  /** Sent once the worker has loaded: a worker lost before this failed to start, not on a file. */
  | { ready: true }

/** After this many workers in a row fail to start, extraction goes on in-process. */
const MAX_START_FAILURES = 3

export interface ExtractionPoolOptions {
  /** Number of worker threads; 0 extracts in-process. Default: `defaultWorkerCount()` or $LECTERN_EXTRACT_WORKERS. */
  workers?: number
  /** The built worker script; default: $LECTERN_EXTRACT_WORKER, else extractWorker.js next to the bundle. */
  workerFile?: string
  /** A file still being extracted after this long is given up and its worker replaced. */
  fileTimeoutMs?: number
}

/** One less than the cores (the main thread stores results), but 2 whenever there are 2 cores or more. */
export function defaultWorkerCount(cores = availableParallelism()): number {
  return cores >= 2 ? Math.max(2, cores - 1) : 1
}

/** The built worker next to the running bundle (entries in out/main, shared code in out/main/chunks). */
function bundledWorkerFile(): string | null {
  const candidates = [join(__dirname, WORKER_BUNDLE_NAME), join(__dirname, '..', WORKER_BUNDLE_NAME)]
  return candidates.find((file) => existsSync(file)) ?? null
}

function configuredWorkers(requested: number | undefined): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested))
  const fromEnv = process.env[WORKERS_ENV]
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv.trim())) return Number(fromEnv)
  return defaultWorkerCount()
}

/** An extracted article, signed unless `signature` is undefined. */
type PartlySigned = Pick<SignedArticle, 'article'> & { signature?: SignedArticle['signature'] }

interface Task {
  id: number
  input: ExtractInput
  resolve: (extracted: PartlySigned) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  task: Task | null
  timer: NodeJS.Timeout | null
}

export class ExtractionPool {
  private reasonForInProcess: string | null
  private readonly workers: number
  private readonly workerFile: string | null
  private readonly fileTimeoutMs: number
  private readonly slots: Slot[] = []
  private readonly queue: Task[] = []
  private nextId = 1
  private closed = false
  private startFailures = 0

  constructor(options: ExtractionPoolOptions = {}) {
    const workers = configuredWorkers(options.workers)
    this.fileTimeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS
    const file = options.workerFile ?? process.env[WORKER_FILE_ENV] ?? bundledWorkerFile()
    if (workers === 0) {
      this.reasonForInProcess = 'worker threads are turned off (workers: 0)'
    } else if (!file || !existsSync(file)) {
      this.reasonForInProcess = `no built extraction worker (${file ?? WORKER_BUNDLE_NAME}) was found`
    } else {
      this.reasonForInProcess = null
    }
    this.workerFile = this.reasonForInProcess === null ? file : null
    this.workers = this.reasonForInProcess === null ? workers : 0
  }

  /** 'workers': files are extracted in worker threads; 'in-process': on the calling thread. */
  get mode(): 'workers' | 'in-process' {
    return this.reasonForInProcess === null ? 'workers' : 'in-process'
  }

  /** Why extraction runs in-process (null when it runs in workers). */
  get inProcessReason(): string | null {
    return this.reasonForInProcess
  }

  get workerCount(): number {
    return this.mode === 'workers' ? this.workers : 0
  }

  /**
   * How many files may be read and extracting at once, so a batch's memory stays bounded. Files are
   * stored in order, so a few per worker keep both workers busy while a big page holds up the queue
   * (4 per worker imported about 4% faster than 2 in alternating runs).
   */
  get maxInFlight(): number {
    return this.mode === 'workers' ? this.workerCount * 4 : 1
  }

  extract(input: ExtractInput): Promise<ExtractedArticle> {
    return this.extractInPlace(input).then((extracted) => extracted.article)
  }

  /** Extract and sign (signArticle) in the same place, so the writer thread only stores the signature. */
  async extractSigned(input: ExtractInput): Promise<SignedArticle> {
    const { article, signature } = await this.extractInPlace(input)
    return signature === undefined ? signArticle(article) : { article, signature }
  }

  private extractInPlace(input: ExtractInput): Promise<PartlySigned> {
    if (this.closed) return Promise.reject(new ExtractError(input.name, 'the import was stopped'))
    if (this.mode === 'in-process') return extractSignedInProcess(input)
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject })
      this.dispatch()
    })
  }

  /** Stops every worker; files still waiting fail. */
  async close(): Promise<void> {
    this.closed = true
    for (const task of this.queue.splice(0))
      task.reject(new ExtractError(task.input.name, 'the import was stopped'))
    const slots = this.slots.splice(0)
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer)
      slot.task?.reject(new ExtractError(slot.task.input.name, 'the import was stopped'))
      slot.task = null
    }
    await Promise.allSettled(slots.map((slot) => slot.worker.terminate()))
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => candidate.task === null)
      if (!slot && this.slots.length < this.workerCount) slot = this.startWorker()
      if (!slot) return
      const task = this.queue.shift()
      if (!task) return
      this.run(slot, task)
    }
  }

  private startWorker(): Slot {
    const worker = new Worker(this.workerFile ?? '', {
      resourceLimits: {
        maxOldGenerationSizeMb: WORKER_HEAP_MB,
        maxYoungGenerationSizeMb: WORKER_YOUNG_HEAP_MB,
      },
    })
    // Idle workers must not keep a command-line process alive.
    worker.unref()
    const slot: Slot = { worker, ready: false, task: null, timer: null }
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true
        this.startFailures = 0
      } else this.settle(slot, reply)
    })
    worker.on('error', (error) =>
      this.fail(slot, `the extractor crashed on it (${error.message.slice(0, 200)})`),
    )
    worker.on('exit', (code) => this.fail(slot, `the extractor stopped on it (exit code ${code})`))
    this.slots.push(slot)
    return slot
  }

  private run(slot: Slot, task: Task): void {
    slot.task = task
    // A copy is handed over, so the caller keeps its bytes (they are stored as the original).
    const bytes = new Uint8Array(task.input.bytes)
    const request: WorkerRequest = { id: task.id, name: task.input.name, bytes }
    if (task.input.url !== undefined) request.url = task.input.url
    if (task.input.resourceDir !== undefined) request.resourceDir = task.input.resourceDir
    slot.timer = setTimeout(() => {
      const seconds = Math.round(this.fileTimeoutMs / 1000)
      this.fail(slot, `extraction took longer than ${seconds} s and was stopped`)
    }, this.fileTimeoutMs)
    slot.worker.postMessage(request, [bytes.buffer])
  }

  private settle(slot: Slot, reply: Exclude<WorkerReply, { ready: true }>): void {
    const task = slot.task
    if (!task || task.id !== reply.id) return
    if (slot.timer) clearTimeout(slot.timer)
    slot.task = null
    slot.timer = null
    if (reply.ok) task.resolve(reply)
    else task.reject(new ExtractError(reply.file, reply.reason, reply.ref))
    this.dispatch()
  }

  /** The worker is lost (crash, exit, timeout): its file fails, a new worker takes its place later. */
  private fail(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot)
    if (index < 0) return
    this.slots.splice(index, 1)
    if (slot.timer) clearTimeout(slot.timer)
    slot.worker.removeAllListeners()
    slot.worker.on('error', () => undefined)
    void slot.worker.terminate().catch(() => undefined)
    const task = slot.task
    slot.task = null
    if (slot.ready) {
      task?.reject(new ExtractError(task.input.name, reason))
    } else {
      // The worker never started (a broken or stale build): not the file's fault, so it is tried again.
      if (task) this.queue.unshift(task)
      this.startFailures += 1
      if (this.startFailures >= MAX_START_FAILURES) this.fallBackInProcess(reason)
    }
    if (!this.closed) this.dispatch()
  }

  private fallBackInProcess(cause: string): void {
    this.reasonForInProcess = `the extraction worker failed to start ${MAX_START_FAILURES} times (${cause})`
    for (const task of this.queue.splice(0))
      extractSignedInProcess(task.input).then(task.resolve, task.reject)
    for (const slot of this.slots.splice(0)) {
      slot.worker.removeAllListeners()
      slot.worker.on('error', () => undefined)
      if (slot.task) extractSignedInProcess(slot.task.input).then(slot.task.resolve, slot.task.reject)
      if (slot.timer) clearTimeout(slot.timer)
      void slot.worker.terminate().catch(() => undefined)
    }
  }
}

/** What a worker does for one file, on the calling thread. */
export async function extractSignedInProcess(input: ExtractInput): Promise<SignedArticle> {
  return signArticle(await extractDocument(input))
}
