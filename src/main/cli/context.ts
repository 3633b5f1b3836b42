import { resolve } from 'node:path'
import { ApiError } from '../../common/api'

/** Where a CLI run writes. `isTTY` turns on progress lines and ANSI emphasis. */
export interface CliStream {
  write(chunk: string): unknown
  isTTY?: boolean
}

export interface CliIo {
  stdout: CliStream
  stderr: CliStream
  env: NodeJS.ProcessEnv
  cwd: string
  /**
   * Ends long-running commands (`serve`, a batch `import`). Without it, those commands stop on
   * SIGINT/SIGTERM themselves.
   */
  signal?: AbortSignal
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2
export const EXIT_NOT_FOUND = 3
export const EXIT_INTERRUPTED = 130

/** A mistake in how the command was called: reported with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message)
    this.name = 'UsageError'
  }
}

export function writeLine(stream: CliStream, line = ''): void {
  stream.write(`${line}\n`)
}

export function writeJsonLine(stream: CliStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`)
}

export function writeJson(stream: CliStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`)
}

export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path)
}

/** "12" or "#12" -> 12. */
export function parseArticleId(text: string): number {
  const match = /^#?(\d{1,15})$/.exec(text.trim())
  const id = match ? Number(match[1]) : NaN
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new UsageError(`an article ID is a positive whole number like 12, not "${text}"`)
  }
  return id
}

/** The value of a counting flag (--limit, --offset, --port), checked against its range. */
export function parseCount(
  text: string | undefined,
  flag: string,
  range: { min: 0 | 1; max?: number },
): number | undefined {
  if (text === undefined) return undefined
  const value = /^\d{1,9}$/.test(text.trim()) ? Number(text) : NaN
  if (Number.isSafeInteger(value) && value >= range.min && (range.max === undefined || value <= range.max))
    return value
  const kind = range.min === 1 ? 'a positive whole number' : 'a whole number (0 or more)'
  const upTo = range.max !== undefined ? ` up to ${range.max}` : ''
  throw new UsageError(`--${flag} takes ${kind}${upTo}, not "${text}"`)
}

/** A tag or list name given with `flag`: not blank, and no longer than the archive keeps. */
export function parseName(text: string, flag: string, what: string, command: string): string {
  const name = text.trim()
  if (name === '') throw new UsageError(`${flag} needs ${what}`, command)
  if (name.length > MAX_NAME_LENGTH)
    throw new UsageError(`${flag}: ${what} is at most ${MAX_NAME_LENGTH} characters`, command)
  return name
}

/** The longest tag, collection or citation list name (the contract's limit). */
export const MAX_NAME_LENGTH = 200

/**
 * The stop signal for a long command: the caller's, or one wired to SIGINT/SIGTERM for the
 * command's lifetime (so other commands keep Node's default Ctrl+C behaviour).
 */
export function interruptSignal(io: CliIo): { signal: AbortSignal; dispose(): void } {
  if (io.signal) return { signal: io.signal, dispose: () => undefined }
  const controller = new AbortController()
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}

export function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise((resolveAbort) => signal.addEventListener('abort', () => resolveAbort(), { once: true }))
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof UsageError) return error.message
  return error instanceof Error ? error.message : String(error)
}
