/**
 * Which message an error is, so a window can say it in its own language: a key the renderer
 * translates with `params`. The English `message` stays what the CLI prints.
 */
export const MESSAGE_KEYS = [
  'file-empty',
  'file-type-unsupported',
  'file-too-large',
  'no-readable-text',
  'clipboard-empty',
  'article-not-found',
  'list-not-found',
  'collection-not-found',
  'tag-not-found',
  'highlight-not-found',
  'list-name-taken',
  'collection-name-taken',
  'tag-name-taken',
  'name-empty',
  'archive-damaged',
  'storage-full',
  'invalid-date',
] as const

export type MessageKey = (typeof MESSAGE_KEYS)[number]
export type MessageParams = Record<string, string | number>

/** The kinds of file `file-type-unsupported` names (its `type` parameter). */
export const UNSUPPORTED_FILE_TYPES = [
  'png',
  'jpeg',
  'gif',
  'zip',
  'gzip',
  'rar',
  'seven-zip',
  'old-office',
  'elf',
  'windows-program',
  'binary',
  'property-list',
] as const
export type UnsupportedFileType = (typeof UNSUPPORTED_FILE_TYPES)[number]

/** A message by key, as an error or an import result carries it beside its English words. */
export interface MessageRef {
  messageKey: MessageKey
  params?: MessageParams
}

/** Failure as it crosses a transport: a code a program can test and a message a person can read. */
export interface ApiErrorShape {
  code: ApiErrorCode
  message: string
  /** Which message it is, for a window that shows it in another language (see MESSAGE_KEYS). */
  messageKey?: MessageKey
  params?: MessageParams
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
const KNOWN_MESSAGE_KEYS: ReadonlySet<string> = new Set(MESSAGE_KEYS)

/** The one error of the contract: thrown by the engine, carried by every transport, rethrown by every client. */
export class ApiError extends Error {
  readonly messageKey?: MessageKey
  readonly params?: MessageParams

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    ref?: MessageRef,
  ) {
    super(message)
    this.name = 'ApiError'
    if (ref) {
      this.messageKey = ref.messageKey
      if (ref.params) this.params = ref.params
    }
  }

  toJSON(): ApiErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.messageKey ? { messageKey: this.messageKey } : {}),
      ...(this.params ? { params: this.params } : {}),
    }
  }

  /** An ApiError from whatever a transport delivered as the error; unknown codes read as 'internal'. */
  static fromShape(shape: unknown, fallbackMessage: string): ApiError {
    if (shape && typeof shape === 'object') {
      const { code, message } = shape as { code?: unknown; message?: unknown }
      return new ApiError(
        isApiErrorCode(code) ? code : 'internal',
        typeof message === 'string' && message !== '' ? message : fallbackMessage,
        messageRefOf(shape) ?? undefined,
      )
    }
    return new ApiError('internal', fallbackMessage)
  }
}

/** The message key (and its parameters) an error or an import result carries, if it is a known one. */
export function messageRefOf(value: unknown): MessageRef | null {
  if (!value || typeof value !== 'object') return null
  const { messageKey, params } = value as { messageKey?: unknown; params?: unknown }
  if (typeof messageKey !== 'string' || !KNOWN_MESSAGE_KEYS.has(messageKey)) return null
  const ref: MessageRef = { messageKey: messageKey as MessageKey }
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    const kept = Object.entries(params).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === 'string' || typeof entry[1] === 'number',
    )
    if (kept.length > 0) ref.params = Object.fromEntries(kept)
  }
  return ref
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
