import { readFile } from 'node:fs/promises'
import type { ExtractedArticle } from '../../common/types'
import { ExtractError, extractDocument, describeFileError } from '../archive/index'
import {
  EXIT_FAILURE,
  EXIT_OK,
  UsageError,
  resolvePath,
  writeJsonLine,
  writeLine,
  type CliIo,
} from './context'
import { extractJson } from './output'

export interface ExtractOptions {
  files: string[]
  url?: string
  json: boolean
}

/** `lectern extract`: what an import would store, without touching an archive. */
export async function runExtract(io: CliIo, options: ExtractOptions): Promise<number> {
  if (options.files.length === 0) throw new UsageError('give at least one FILE to extract', 'extract')
  if (options.url !== undefined && !isWebUrl(options.url)) {
    throw new UsageError(`--url takes an http(s) address, not "${options.url}"`, 'extract')
  }
  let failures = 0
  for (const [index, file] of options.files.entries()) {
    let article: ExtractedArticle
    try {
      const bytes = await readFile(resolvePath(io, file))
      article = await extractDocument({ name: file, bytes, url: options.url })
    } catch (error) {
      failures++
      const reason = isExtractError(error) ? error.reason : describeFileError(error)
      if (options.json) writeJsonLine(io.stdout, { file, error: reason })
      else writeLine(io.stderr, `lectern: ${file}: ${reason}`)
      continue
    }
    if (options.json) writeJsonLine(io.stdout, extractJson(file, article))
    else {
      if (index > 0) writeLine(io.stdout)
      writeSummary(io, file, article)
    }
  }
  return failures > 0 ? EXIT_FAILURE : EXIT_OK
}

function writeSummary(io: CliIo, file: string, article: ExtractedArticle): void {
  const paragraphs = article.contentText.split('\n\n').filter((p) => p.trim() !== '').length
  const rows: [string, string | null][] = [
    ['File', file],
    ['Format', article.format],
    ['Title', article.title],
    ['Subtitle', article.subtitle],
    ['Authors', article.authors.length ? article.authors.join('; ') : null],
    ['Site', article.siteName],
    ['Section', article.section],
    ['Published', article.publishedAt],
    ['Language', article.language],
    ['URL', article.url],
    ['Rights', article.rights],
    ['Words', `${article.wordCount} in ${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}`],
    ['Excerpt', article.excerpt],
  ]
  for (const [label, value] of rows) {
    if (value !== null && value !== '') writeLine(io.stdout, `${`${label}:`.padEnd(11)}${value}`)
  }
  for (const warning of article.warnings) writeLine(io.stdout, `${'Warning:'.padEnd(11)}${warning}`)
}

function isExtractError(error: unknown): error is ExtractError {
  // By shape as well as class: the extractor's modules may each carry their own copy.
  return (
    error instanceof ExtractError ||
    (error instanceof Error &&
      error.name === 'ExtractError' &&
      typeof (error as ExtractError).reason === 'string')
  )
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
