import type { ArchiveApi } from '../../common/api'
import type { ReextractResult } from '../../common/types'
import { call } from './archive-commands'
import {
  EXIT_FAILURE,
  EXIT_OK,
  UsageError,
  errorMessage,
  writeJsonLine,
  writeLine,
  type CliIo,
} from './context'

const PAGE = 1_000

async function allArticleIds(archive: ArchiveApi): Promise<number[]> {
  const ids: number[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await call(archive, 'listArticles', { offset, limit: PAGE, sort: 'addedAt', order: 'asc' })
    ids.push(...page.items.map((item) => item.id))
    if (page.items.length < PAGE) return ids
  }
}

function describe(result: ReextractResult): string {
  const lost = result.highlightsOrphaned > 0 ? `, ${result.highlightsOrphaned} no longer found` : ''
  const highlights =
    result.highlightsAnchored + result.highlightsOrphaned > 0
      ? ` (highlights: ${result.highlightsAnchored} kept${lost})`
      : ''
  return `#${result.id} re-extracted: ${result.title}${highlights}`
}

/**
 * `lectern reextract ID...|--all`: run extraction again on the kept originals. Tags, highlights and
 * reading state stay. One line (or JSON object) per article; a failure is reported and the rest go on.
 */
export async function runReextract(
  io: CliIo,
  archive: ArchiveApi,
  options: { ids: number[]; all: boolean; json: boolean },
): Promise<number> {
  if (options.all === options.ids.length > 0)
    throw new UsageError('give article IDs or --all (not both)', 'reextract')
  const ids = options.all ? await allArticleIds(archive) : options.ids
  let failed = 0
  for (const id of ids) {
    try {
      const result = await call(archive, 'reextractArticle', { id })
      if (options.json) writeJsonLine(io.stdout, result)
      else writeLine(io.stdout, describe(result))
    } catch (error) {
      failed++
      if (options.json) writeJsonLine(io.stdout, { id, error: errorMessage(error) })
      else writeLine(io.stderr, `#${id} failed: ${errorMessage(error)}`)
    }
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK
}
