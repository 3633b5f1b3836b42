/** Worker-thread entry (bundled as extractWorker.js): extracts the files the pool sends, one at a time. */
import { parentPort } from 'node:worker_threads'
import { ExtractError } from './errors'
import type { ExtractInput } from './index'
import { type WorkerReply, type WorkerRequest, extractSignedInProcess } from './pool'

const port = parentPort
if (!port) throw new Error('worker.ts must run in a worker thread')

port.on('message', (request: WorkerRequest) => {
  const { id, name, bytes, url, resourceDir } = request
  const input: ExtractInput = { name, bytes }
  if (url !== undefined) input.url = url
  if (resourceDir !== undefined) input.resourceDir = resourceDir
  extractSignedInProcess(input).then(
    ({ article, signature }) => port.postMessage({ id, ok: true, article, signature } satisfies WorkerReply),
    (error: unknown) => {
      const failure =
        error instanceof ExtractError
          ? { file: error.file, reason: error.reason, ...(error.ref ? { ref: error.ref } : {}) }
          : { file: name, reason: `could not be read (${String(error).slice(0, 200)})` }
      port.postMessage({ id, ok: false, ...failure } satisfies WorkerReply)
    },
  )
})

port.postMessage({ ready: true } satisfies WorkerReply)
