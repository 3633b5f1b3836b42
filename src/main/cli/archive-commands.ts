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
  ImportReport,
  ListQuery,
  SkipReason,
  SortField,
  SortOrder,
} from '../../common/types'
import { callApi, describeFileError } from '../archive/index'
import type { HostedArchive } from '../../common/api'
import {
  EXIT_FAILURE,
  EXIT_INTERRUPTED,
  EXIT_NOT_FOUND,
  EXIT_OK,
  UsageError,
  interruptSignal,
  parseName,
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
const SORT_FIELDS: readonly SortField[] = ['addedAt', 'publishedAt', 'title', 'siteName']
const SORT_ORDERS: readonly SortOrder[] = ['asc', 'desc']

/** The value of `list --sort`. */
export function parseSortField(value: string | undefined): SortField | undefined {
  if (value === undefined) return undefined
  const field = SORT_FIELDS.find((known) => known === value)
  if (!field) throw new UsageError(`--sort takes ${SORT_FIELDS.join(', ')}, not "${value}"`, 'list')
  return field
}

/** The value of `list --order`. */
export function parseSortOrder(value: string | undefined): SortOrder | undefined {
  if (value === undefined) return undefined
  const order = SORT_ORDERS.find((known) => known === value)
  if (!order) throw new UsageError(`--order takes asc or desc, not "${value}"`, 'list')
  return order
}

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
  const list =
    options.list === undefined
      ? undefined
      : parseName(options.list, '--list', 'the name of a citation list', 'import')
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
      ...(list !== undefined ? { list } : {}),
    })
    if (showProgress) io.stderr.write('\r\u001b[K')
    if (options.json) writeJson(io.stdout, report)
    else for (const item of report.items) writeLine(io.stdout, importLine(io, item))
    for (const line of importSummary(report)) writeLine(io.stderr, line)
    if (report.stopped) {
      const { file, code, notImported } = report.stopped
      const why = code === 'damaged' ? 'the archive file is damaged' : 'the disk is full'
      writeLine(
        io.stderr,
        `The import stopped at ${displayPath(io, file)} (${why}): ${plural(notImported, 'file was', 'files were')} not imported.`,
      )
    }
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
    case 'skipped':
      return `skipped: ${file}: ${item.reason ?? 'not a page or a reference file'}`
    case 'failed': {
      // The engine's message may already start with the file it names.
      const reason = (item.error ?? 'unknown reason').replace(`${item.file}: `, '')
      return `failed: ${file}: ${reason}`
    }
  }
}

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`
}

/** What skipped files were, counted: "3 licence texts, 1 image". */
const SKIPPED_KINDS: Record<SkipReason, [string, string]> = {
  hidden: ['hidden file', 'hidden files'],
  licence: ['licence text', 'licence texts'],
  readme: ['README or NOTICE file', 'README or NOTICE files'],
  data: ['data file', 'data files'],
  archive: ['compressed archive', 'compressed archives'],
  image: ['image', 'images'],
  font: ['font', 'fonts'],
  program: ['program', 'programs'],
  media: ['audio or video file', 'audio or video files'],
  document: ['office document', 'office documents'],
  code: ['script or source file', 'script or source files'],
  other: ['file of another kind', 'files of other kinds'],
}

/**
 * The lines that close an import on stderr: "2 items imported, 1 duplicate, 0 failed, 4 skipped (3
 * licence texts, 1 image)", and "3 folders were not entered; use --recursive" when that is why.
 */
function importSummary(report: ImportReport): string[] {
  const kinds = Object.entries(report.skippedByReason).map(([reason, count]) => {
    const [one, many] = SKIPPED_KINDS[reason as SkipReason]
    return plural(count, one, many)
  })
  const skipped = report.skipped > 0 ? `, ${report.skipped} skipped (${kinds.join(', ')})` : ''
  const lines = [
    `${plural(report.imported, 'item')} imported, ${plural(report.duplicates, 'duplicate')}, ${report.failed} failed` +
      skipped +
      (report.list ? `; in the list "${report.list.name}"` : '') +
      (report.cancelled ? ' (cancelled)' : ''),
  ]
  const notEntered = report.foldersNotEntered.length
  if (notEntered > 0)
    lines.push(
      `${notEntered === 1 ? '1 folder was' : `${notEntered} folders were`} not entered; use --recursive`,
    )
  return lines
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
  const { json, limit, ...query } = options
  const items: ArticleSummary[] = []
  // Page by page: the whole archive without --limit, and any --limit beyond one call's page.
  for (let offset = query.offset ?? 0; limit === undefined || items.length < limit;) {
    const pageSize = Math.min(LIST_PAGE_SIZE, limit === undefined ? LIST_PAGE_SIZE : limit - items.length)
    const page = await call(archive, 'listArticles', { ...query, offset, limit: pageSize })
    items.push(...page.items)
    offset += page.items.length
    if (page.items.length < pageSize || offset >= page.total) break
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

/**
 * `lectern delete ID...`: a line per ID (deleted, or not found), through the same deleteArticles as
 * the window. IDs that exist are deleted even when others are not found; exit 3 names those.
 */
export async function runDelete(
  io: CliIo,
  archive: ArchiveApi,
  options: { ids: number[]; json: boolean },
): Promise<number> {
  const ids = [...new Set(options.ids)]
  const titles = new Map<number, string>()
  const notFound: number[] = []
  for (const id of ids) {
    try {
      titles.set(id, (await call(archive, 'getArticle', { id })).title)
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'not-found')) throw error
      notFound.push(id)
    }
  }
  const deleted = [...titles.keys()]
  if (deleted.length > 0) await call(archive, 'deleteArticles', { ids: deleted })
  const missing = notFound.map((id) => `#${id}`).join(', ')
  const error = `no article ${missing} in the archive`
  if (options.json) {
    writeJson(io.stdout, {
      deleted,
      notFound,
      ...(notFound.length > 0 ? { error: { code: 'not-found', message: error } } : {}),
    })
  } else {
    for (const id of ids) {
      const title = titles.get(id)
      writeLine(io.stdout, title === undefined ? `not found: #${id}` : `deleted #${id}: ${oneLine(title)}`)
    }
    if (notFound.length > 0) writeLine(io.stderr, `lectern: ${error}`)
  }
  return notFound.length > 0 ? EXIT_NOT_FOUND : EXIT_OK
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
