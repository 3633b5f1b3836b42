import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, isAbsolute, relative } from 'node:path'
import { ApiError, type ApiArgs, type ApiMethod, type ApiResult, type ArchiveApi } from '../../common/api'
import type {
  Article,
  ArticleSummary,
  DuplicateChoice,
  DuplicateReason,
  ImportItemResult,
  ListQuery,
} from '../../common/types'
import { callApi, describeFileError } from '../archive/index'
import type { HostedArchive } from '../../common/api'
import {
  EXIT_FAILURE,
  EXIT_INTERRUPTED,
  EXIT_OK,
  UsageError,
  interruptSignal,
  resolvePath,
  writeJson,
  writeLine,
  type CliIo,
} from './context'
import { articleJson, renderSnippet, searchHitJson, summaryJson } from './output'

/** Every CLI call goes through dispatch, so arguments are checked exactly as on IPC and HTTP. */
export function call<M extends ApiMethod>(
  api: ArchiveApi,
  method: M,
  args: ApiArgs<M>,
): Promise<ApiResult<M>> {
  return callApi(api, method, args) as Promise<ApiResult<M>>
}

/** The most a single listArticles call may return. */
const LIST_PAGE_SIZE = 1_000

const DUPLICATE_CHOICES: readonly DuplicateChoice[] = ['skip', 'replace', 'keep']

/** The value of `--duplicates`: skip (the default), replace or keep. */
export function parseDuplicateChoice(value: string | undefined): DuplicateChoice {
  if (value === undefined) return 'skip'
  const choice = DUPLICATE_CHOICES.find((known) => known === value)
  if (!choice) throw new UsageError(`--duplicates must be skip, replace or keep, not "${value}"`, 'import')
  return choice
}

export async function runImport(
  io: CliIo,
  archive: HostedArchive,
  options: { paths: string[]; recursive: boolean; json: boolean; duplicates?: string; list?: string },
): Promise<number> {
  if (options.paths.length === 0) throw new UsageError('give at least one file or folder to import', 'import')
  if (options.list !== undefined && options.list.trim() === '')
    throw new UsageError('--list needs the name of a citation list', 'import')
  const duplicates = parseDuplicateChoice(options.duplicates)
  const jobId = `cli-${randomUUID()}`
  const showProgress = io.stderr.isTTY === true && !options.json
  const stopProgress = archive.on('importProgress', (progress) => {
    if (!showProgress || progress.jobId !== jobId) return
    if (progress.finished) {
      io.stderr.write('\r\u001b[K')
      return
    }
    // "Importing 3/10: name" while the third file is being read.
    const position = progress.current ? Math.min(progress.done + 1, progress.total) : progress.done
    const current = progress.current ? `: ${displayPath(io, progress.current)}` : ''
    io.stderr.write(`\r\u001b[KImporting ${position}/${progress.total}${current}`)
  })
  const interrupt = interruptSignal(io)
  const cancel = (): void => {
    void call(archive, 'cancelImport', { jobId }).catch(() => undefined)
  }
  interrupt.signal.addEventListener('abort', cancel, { once: true })
  try {
    const paths = options.paths.map((path) => resolvePath(io, path))
    const report = await call(archive, 'importPaths', {
      paths,
      recursive: options.recursive,
      jobId,
      duplicates,
      ...(options.list !== undefined ? { list: options.list } : {}),
    })
    if (showProgress) io.stderr.write('\r\u001b[K')
    if (options.json) writeJson(io.stdout, report)
    else for (const item of report.items) writeLine(io.stdout, importLine(io, item))
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
    writeLine(
      io.stderr,
      `${plural(report.imported, 'item')} imported, ${plural(report.duplicates, 'duplicate')}, ${report.failed} failed` +
        (report.list ? `; in the list "${report.list.name}"` : '') +
        (report.cancelled ? ' (cancelled)' : ''),
    )
    if (report.cancelled) return EXIT_INTERRUPTED
    return report.failed > 0 ? EXIT_FAILURE : EXIT_OK
  } finally {
    interrupt.signal.removeEventListener('abort', cancel)
    interrupt.dispose()
    stopProgress()
  }
}

function importLine(io: CliIo, item: ImportItemResult): string {
  const file = displayPath(io, item.file) + (item.entry !== undefined ? ` [${item.entry}]` : '')
  switch (item.status) {
    case 'imported':
      return item.replaced
        ? `replaced #${item.id}${duplicateWhy(item)}: ${oneLine(item.title ?? file)}`
        : `imported #${item.id}: ${oneLine(item.title ?? file)}${item.entry !== undefined ? ` [${item.entry}]` : ''}`
    case 'duplicate':
      return `duplicate of #${item.duplicateOf}${duplicateWhy(item)}: ${file}`
    case 'failed': {
      // The engine's message may already start with the file it names.
      const reason = (item.error ?? 'unknown reason').replace(`${item.file}: `, '')
      return `failed: ${file}: ${reason}`
    }
  }
}

const DUPLICATE_REASONS: Record<DuplicateReason, string> = {
  'same-file': 'same file',
  'same-url': 'same URL',
  'similar-text': 'similar text',
}

/** " (same URL)", " (similar text, 94%)"; empty when the engine gave no reason. */
function duplicateWhy(item: ImportItemResult): string {
  if (!item.duplicateReason) return ''
  const share = item.similarity !== undefined ? `, ${Math.round(item.similarity * 100)}%` : ''
  return ` (${DUPLICATE_REASONS[item.duplicateReason]}${share})`
}

/** Titles and snippets on one terminal line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Paths under the working folder are shown relative to it, as the user would type them. */
function displayPath(io: CliIo, path: string): string {
  if (!isAbsolute(path)) return path
  const inside = relative(io.cwd, path)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path
}

export async function runList(
  io: CliIo,
  archive: ArchiveApi,
  options: ListQuery & { json: boolean },
): Promise<number> {
  const { json, ...query } = options
  const items: ArticleSummary[] = []
  if (query.limit !== undefined) {
    items.push(...(await call(archive, 'listArticles', query)).items)
  } else {
    // No --limit: the whole archive, page by page.
    for (let offset = query.offset ?? 0; ; offset += LIST_PAGE_SIZE) {
      const page = await call(archive, 'listArticles', { ...query, offset, limit: LIST_PAGE_SIZE })
      items.push(...page.items)
      if (page.items.length < LIST_PAGE_SIZE || offset + page.items.length >= page.total) break
    }
  }
  if (json) {
    writeJson(io.stdout, items.map(summaryJson))
    return EXIT_OK
  }
  const idWidth = Math.max(0, ...items.map((item) => String(item.id).length)) + 1
  for (const item of items) {
    const date = (item.publishedAt ?? '').slice(0, 10).padEnd(10)
    const site = item.siteName ? `${item.siteName} · ` : ''
    const tags = item.tags.length ? `  [${item.tags.join(', ')}]` : ''
    writeLine(io.stdout, `${`#${item.id}`.padStart(idWidth)}  ${date}  ${site}${oneLine(item.title)}${tags}`)
  }
  if (items.length === 0)
    writeLine(io.stderr, query.tag ? `No articles tagged "${query.tag}".` : 'The archive is empty.')
  return EXIT_OK
}

export async function runShow(
  io: CliIo,
  archive: ArchiveApi,
  options: { id: number; json: boolean },
): Promise<number> {
  const article = await call(archive, 'getArticle', { id: options.id })
  if (options.json) {
    writeJson(io.stdout, articleJson(article))
    return EXIT_OK
  }
  writeArticle(io, article)
  return EXIT_OK
}

function writeArticle(io: CliIo, article: Article): void {
  writeLine(io.stdout, `#${article.id} ${article.title}`)
  if (article.subtitle) writeLine(io.stdout, article.subtitle)
  const rows: [string, string | null][] = [
    ['Authors', article.authors.length ? article.authors.join('; ') : null],
    ['Site', article.siteName],
    ['Section', article.section],
    ['Published', article.publishedAt],
    ['Language', article.language],
    ['URL', article.url],
    ['Rights', article.rights],
    ['Tags', article.tags.length ? article.tags.join(', ') : null],
    ['Words', String(article.wordCount)],
    ['Added', article.addedAt],
    [
      'Source',
      `${article.sourceName ?? 'pasted'} (${article.format}, sha256 ${article.originalSha256.slice(0, 12)}…)`,
    ],
  ]
  writeLine(io.stdout)
  for (const [label, value] of rows) if (value) writeLine(io.stdout, `${`${label}:`.padEnd(11)}${value}`)
  for (const warning of article.warnings) writeLine(io.stdout, `${'Warning:'.padEnd(11)}${warning}`)
  writeLine(io.stdout)
  writeLine(io.stdout, article.contentText)
}

export async function runSearch(
  io: CliIo,
  archive: ArchiveApi,
  options: { query: string; limit?: number; offset?: number; json: boolean },
): Promise<number> {
  const { json, ...query } = options
  const hits = await call(archive, 'search', query)
  if (json) {
    writeJson(io.stdout, hits.map(searchHitJson))
    return EXIT_OK
  }
  const ansi = io.stdout.isTTY === true
  for (const hit of hits) {
    const source = [hit.siteName, hit.publishedAt?.slice(0, 10)].filter(Boolean).join(', ')
    writeLine(io.stdout, `#${hit.id}  ${oneLine(hit.title)}${source ? ` (${source})` : ''}`)
    writeLine(io.stdout, `    ${oneLine(renderSnippet(hit.snippet, ansi))}`)
  }
  if (hits.length === 0) writeLine(io.stderr, `Nothing found for "${options.query}".`)
  return EXIT_OK
}

export async function runTag(
  io: CliIo,
  archive: ArchiveApi,
  options: { ids: number[]; add: string[]; remove: string[]; json: boolean },
): Promise<number> {
  if (options.ids.length === 0) throw new UsageError('give the IDs of the articles to tag', 'tag')
  if (options.add.length + options.remove.length === 0) {
    throw new UsageError('say what to change with --add TAG or --remove TAG', 'tag')
  }
  const result = await call(archive, 'tagArticles', {
    ids: options.ids,
    ...(options.add.length ? { add: options.add } : {}),
    ...(options.remove.length ? { remove: options.remove } : {}),
  })
  if (options.json) writeJson(io.stdout, result)
  else writeLine(io.stdout, `${result.changed} article${result.changed === 1 ? '' : 's'} changed`)
  return EXIT_OK
}

export async function runAttach(
  io: CliIo,
  archive: ArchiveApi,
  options: { id: number; file: string; json: boolean },
): Promise<number> {
  const path = resolvePath(io, options.file)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new ApiError('not-found', `${options.file}: cannot be read (${describeFileError(error)})`)
  }
  const article = await call(archive, 'attachFile', {
    id: options.id,
    name: basename(path),
    dataBase64: bytes.toString('base64'),
  })
  if (options.json) writeJson(io.stdout, articleJson(article))
  else writeLine(io.stdout, `attached ${options.file} to #${article.id}: ${oneLine(article.title)}`)
  return EXIT_OK
}

export async function runInfo(io: CliIo, archive: ArchiveApi, options: { json: boolean }): Promise<number> {
  const info = await call(archive, 'info', {})
  if (options.json) {
    writeJson(io.stdout, {
      path: info.path,
      articleCount: info.articleCount,
      schemaVersion: info.schemaVersion,
      version: info.version,
    })
    return EXIT_OK
  }
  writeLine(io.stdout, `Archive:   ${info.path}`)
  writeLine(io.stdout, `Articles:  ${info.articleCount}`)
  writeLine(io.stdout, `Schema:    ${info.schemaVersion}`)
  writeLine(io.stdout, `Lectern:   ${info.version}`)
  return EXIT_OK
}
