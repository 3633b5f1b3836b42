/** A file that cannot be turned into an article; the message names the file and the cause. */
export class ExtractError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'ExtractError'
  }
}
