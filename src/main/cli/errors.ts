import { ApiError } from '../../common/api'
import { EXIT_FAILURE, EXIT_NOT_FOUND, EXIT_USAGE, UsageError } from './context'

/** A command that reads an archive was pointed at a folder without one (it never creates one). */
export class NoArchiveError extends Error {
  constructor(readonly dir: string) {
    super(`no archive at ${dir}; \`lectern import\` creates one`)
    this.name = 'NoArchiveError'
  }
}

/** How a failure is reported: a code for programs (`--json`), words for people, and the exit code. */
export interface CliFailure {
  code: string
  message: string
  exitCode: number
}

export function describeFailure(error: unknown): CliFailure {
  if (error instanceof UsageError) return { code: 'usage', message: error.message, exitCode: EXIT_USAGE }
  if (error instanceof NoArchiveError)
    return { code: 'no-archive', message: error.message, exitCode: EXIT_FAILURE }
  if (error instanceof ApiError) {
    const exitCode =
      error.code === 'not-found'
        ? EXIT_NOT_FOUND
        : error.code === 'invalid-arguments'
          ? EXIT_USAGE
          : EXIT_FAILURE
    return { code: error.code, message: inPlainWords(error.message), exitCode }
  }
  const code = systemErrorCode(error)
  const words = code ? SYSTEM_ERRORS[code] : undefined
  const path = (error as NodeJS.ErrnoException | undefined)?.path
  const message =
    words !== undefined
      ? path
        ? `${path}: ${words}`
        : words
      : inPlainWords(error instanceof Error ? error.message : String(error))
  return { code: 'internal', message, exitCode: EXIT_FAILURE }
}

/** What the system's and SQLite's error codes mean, in words. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EEXIST: 'a file or folder of that name is already there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EBUSY: 'in use by another program',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links in the path',
  EIO: 'the disk could not be read or written',
  EADDRINUSE: 'already in use by another program',
  EADDRNOTAVAIL: 'not an address of this computer',
  SQLITE_CANTOPEN:
    'the archive file cannot be opened (the path is a folder, or the folder cannot be written)',
  SQLITE_NOTADB: 'not a Lectern archive (not an SQLite database)',
  SQLITE_CORRUPT: 'the archive file is damaged',
  SQLITE_BUSY: 'the archive is busy: another program is writing to it; try again',
  SQLITE_LOCKED: 'the archive is busy: another program is writing to it; try again',
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the archive cannot be written (a read-only file or folder)',
  SQLITE_IOERR: 'the disk could not be read or written',
  SQLITE_PERM: 'permission denied',
}

/** The error code of a system or SQLite error, when it is one we can put in words. */
export function systemErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | undefined)?.code
  if (typeof code === 'string' && code in SYSTEM_ERRORS) return code
  const message = error instanceof Error ? error.message : ''
  const named = /\b(SQLITE_[A-Z]+|E[A-Z]{2,})\b/.exec(message)?.[1]
  return named !== undefined && named in SYSTEM_ERRORS ? named : null
}

/** What a system error code means in words ("permission denied"), or null for other codes. */
export function systemErrorWords(code: string): string | null {
  return SYSTEM_ERRORS[code] ?? null
}

/**
 * Raw system text inside a message, put in words: "EACCES: permission denied, open '/x/a.zip'"
 * becomes "/x/a.zip: permission denied", "SQLITE_CANTOPEN: unable to open database file" what it means.
 */
export function inPlainWords(message: string): string {
  return message
    .replace(
      /\b(E[A-Z]{2,}): [^,'\n]*, \w+ '([^']*)'(?: -> '[^']*')?/g,
      (raw, code: string, path: string) => {
        const words = SYSTEM_ERRORS[code]
        return words ? `${path}: ${words}` : raw
      },
    )
    .replace(
      /\b(?:listen |connect )?(E[A-Z]{2,}): [a-z ]+?(?:, [a-z]+)?(?: (\S+:\d+))?(?=$|[;)\n])/g,
      (raw, code: string, at?: string) => {
        const words = SYSTEM_ERRORS[code]
        return words ? `${at ? `${at} is ` : ''}${words}` : raw
      },
    )
    .replace(/\b(SQLITE_[A-Z]+)(?:\[\d+\])?: [^;)\n]*/g, (raw, code: string) => SYSTEM_ERRORS[code] ?? raw)
}
