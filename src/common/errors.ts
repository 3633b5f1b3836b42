/** Failure as it crosses a transport: a code a program can test and a message a person can read. */
export interface ApiErrorShape {
  code: ApiErrorCode
  message: string
}

export const API_ERROR_CODES = [
  'invalid-arguments',
  'not-found',
  'unsupported',
  'conflict',
  'internal',
  'unauthorized',
  /** The archive file is damaged: nothing is written to it; restore a backup. */
  'damaged',
  /** The disk (or the archive's size limit) is full: what was stored before is intact. */
  'storage-full',
] as const

export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

const KNOWN_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES)

/** The one error of the contract: thrown by the engine, carried by every transport, rethrown by every client. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message }
  }

  /** An ApiError from whatever a transport delivered as the error; unknown codes read as 'internal'. */
  static fromShape(shape: unknown, fallbackMessage: string): ApiError {
    if (shape && typeof shape === 'object') {
      const { code, message } = shape as { code?: unknown; message?: unknown }
      return new ApiError(
        isApiErrorCode(code) ? code : 'internal',
        typeof message === 'string' && message !== '' ? message : fallbackMessage,
      )
    }
    return new ApiError('internal', fallbackMessage)
  }
}

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value)
}

/** The contract's code of a failure, or null for anything that is not an API failure. */
export function errorCode(error: unknown): ApiErrorCode | null {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = (error as { code: unknown }).code
    if (isApiErrorCode(code)) return code
  }
  return null
}

/** A failure's message for people. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
