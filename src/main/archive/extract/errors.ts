import type { MessageRef } from '../../../common/errors'

/**
 * A file that cannot be turned into an article; the message names the file and the cause, `ref`
 * says which message it is for a window in another language.
 */
export class ExtractError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly ref?: MessageRef,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'ExtractError'
  }
}
