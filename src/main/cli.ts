import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ApiError } from '../common/api'
import packageJson from '../../package.json'
import {
  Archive,
  DamagedArchiveError,
  DATABASE_FILE,
  defaultArchiveDir,
  openRecoverableArchive,
  type ArchiveOptions,
  type RecoverableArchive,
} from './archive/index'
import {
  parseSortField,
  parseSortOrder,
  runAttach,
  runDelete,
  runImport,
  runInfo,
  runList,
  runSearch,
  runShow,
  runTag,
} from './cli/archive-commands'
import { runBackup, runExport, runImportArchive, runRestore } from './cli/backup-command'
import { CITE_COMMANDS } from './cli/cite-command'
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  errorMessage,
  parseArticleId,
  parseCount,
  parseName,
  resolvePath,
  writeJsonLine,
  writeLine,
  type CliIo,
} from './cli/context'
import { explainDamage } from './cli/damaged'
import { NoArchiveError, describeFailure } from './cli/errors'
import { runExtract } from './cli/extract-command'
import { runReextract } from './cli/reextract-command'
import { runServe } from './cli/serve-command'
import { closestName } from './cli/suggest'

export type { CliIo, CliStream } from './cli/context'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

interface CommandContext {
  io: CliIo
  values: OptionValues
  positionals: string[]
  /** The archive folder named by --archive / LECTERN_ARCHIVE / the app's folder. */
  archiveDir: string
  /**
   * Opens the archive named by --archive / LECTERN_ARCHIVE / the app's folder, and always closes it.
   * A folder without an archive is refused, unless the command may `create` one there.
   */
  withArchive(run: (archive: Archive) => Promise<number>, options?: { create?: boolean }): Promise<number>
  /** The same for a host: a damaged archive gives the stand-in that offers to restore a backup. */
  withRecoverableArchive(run: (archive: RecoverableArchive) => Promise<number>): Promise<number>
}

interface Command {
  synopsis: string
  summary: string
  /** "  --flag VALUE   what it does" lines for `lectern COMMAND --help`. */
  optionHelp: string[]
  options: OptionsConfig
  run(context: CommandContext): Promise<number>
}

const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies OptionsConfig

/** The contract's limits on a search, checked here so the message names the flag. */
const MAX_SEARCH_HITS = 500
const MAX_QUERY_LENGTH = 1_000

const COMMANDS: Record<string, Command> = {
  extract: {
    synopsis: 'extract FILE... [--url URL] [--json]',
    summary: 'Show what import would store for each file (no archive needed).',
    optionHelp: [
      '  --url URL   the address the page was saved from',
      '  --json      one JSON object per line per file; a failed file gives {"file","error"}',
    ],
    options: { url: { type: 'string' }, ...JSON_OPTION },
    run: ({ io, values, positionals }) =>
      runExtract(io, { files: positionals, url: text(values.url), json: values.json === true }),
  },
  import: {
    synopsis: 'import PATH... [--recursive] [--list NAME] [--duplicates skip|replace|keep] [--json]',
    summary: 'Import saved pages and reference files (BibTeX, RIS, CSL-JSON): files, or folders of them.',
    optionHelp: [
      '  -r, --recursive   also import from folders inside the given folders',
      '  --list NAME       add everything the import brings in to this citation list (created if needed)',
      '  --duplicates skip|replace|keep',
      '                    what to do with pages and references already in the archive (default skip)',
      '  --json            print the whole import report as JSON',
      '  A line per file or entry: "imported #12: Title", "duplicate of #3: FILE", "skipped: FILE: why"',
      '  (licence texts, READMEs, data, images, archives: not pages or reference files) or "failed: FILE: why".',
      '  Every file of a folder is accounted for; subfolders are entered only with --recursive.',
      '  Makes a new archive when there is none yet. Exit code 1 when a file failed.',
    ],
    options: {
      recursive: { type: 'boolean', short: 'r' },
      list: { type: 'string' },
      duplicates: { type: 'string' },
      ...JSON_OPTION,
    },
    run: ({ io, values, positionals, withArchive }) =>
      withArchive(
        (archive) =>
          runImport(io, archive, {
            paths: positionals,
            recursive: values.recursive === true,
            duplicates: text(values.duplicates),
            list: text(values.list),
            json: values.json === true,
          }),
        { create: true },
      ),
  },
  delete: {
    synopsis: 'delete ID... [--json]',
    summary: 'Delete articles and references for good, with their notes and highlights.',
    optionHelp: [
      '  ID...    the articles to delete; a line per ID says what became of it',
      '  --json   {"deleted": [ID...], "notFound": [ID...]} (and "error" when an ID was not found)',
      '  There is no undo: `lectern backup FILE` first if you may want them back.',
      '  Exit code 3 when an ID is not in the archive (the others are deleted).',
    ],
    options: { ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) => {
      if (positionals.length === 0) throw new UsageError('give the IDs of the articles to delete', 'delete')
      const ids = positionals.map(parseArticleId)
      return withArchive((archive) => runDelete(io, archive, { ids, json: values.json === true }))
    },
  },
  list: {
    synopsis: 'list [--tag TAG] [--sort FIELD] [--order asc|desc] [--limit N] [--offset N] [--json]',
    summary: 'List the articles in the archive.',
    optionHelp: [
      '  --tag TAG        only articles with this tag',
      '  --sort FIELD     addedAt (default), publishedAt, title or siteName',
      '  --order ORDER    asc or desc',
      '  --limit N        at most N articles (default: all)',
      '  --offset N       skip the first N',
      '  --json           a JSON array of article summaries',
    ],
    options: {
      tag: { type: 'string' },
      sort: { type: 'string' },
      order: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      ...JSON_OPTION,
    },
    run: ({ io, values, positionals, withArchive }) => {
      noPositionals('list', positionals)
      const tag = text(values.tag)
      const options = {
        tag: tag === undefined ? undefined : parseName(tag, '--tag', 'a tag name', 'list'),
        sort: parseSortField(text(values.sort)),
        order: parseSortOrder(text(values.order)),
        limit: parseCount(text(values.limit), 'limit', { min: 1 }),
        offset: parseCount(text(values.offset), 'offset', { min: 0 }),
        json: values.json === true,
      }
      return withArchive((archive) => runList(io, archive, options))
    },
  },
  show: {
    synopsis: 'show ID [--json]',
    summary: 'Print one article with every stored field.',
    optionHelp: ['  --json   the article as one JSON object, contentHtml included'],
    options: { ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) => {
      if (positionals.length !== 1) throw new UsageError('give exactly one article ID', 'show')
      const id = parseArticleId(positionals[0] as string)
      return withArchive((archive) => runShow(io, archive, { id, json: values.json === true }))
    },
  },
  search: {
    synopsis: 'search QUERY... [--limit N] [--offset N] [--json]',
    summary: 'Full-text search (Russian and English word forms), best matches first.',
    optionHelp: [
      `  --limit N    at most N hits (up to ${MAX_SEARCH_HITS})`,
      '  --offset N   skip the first N hits',
      '  --json       a JSON array of {id, title, siteName, publishedAt, snippet, highlights, score}',
    ],
    options: { limit: { type: 'string' }, offset: { type: 'string' }, ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) => {
      const query = positionals.join(' ').trim()
      if (query === '') throw new UsageError('give something to search for', 'search')
      if (query.length > MAX_QUERY_LENGTH)
        throw new UsageError(`the search text is at most ${MAX_QUERY_LENGTH} characters`, 'search')
      const options = {
        query,
        limit: parseCount(text(values.limit), 'limit', { min: 1, max: MAX_SEARCH_HITS }),
        offset: parseCount(text(values.offset), 'offset', { min: 0 }),
        json: values.json === true,
      }
      return withArchive((archive) => runSearch(io, archive, options))
    },
  },
  tag: {
    synopsis: 'tag ID... [--add TAG]... [--remove TAG]... [--json]',
    summary: 'Add or remove tags on articles (each flag may be repeated).',
    optionHelp: [
      '  --add TAG      add this tag',
      '  --remove TAG   remove this tag',
      '  --json         print {"changed": N}',
    ],
    options: {
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
      ...JSON_OPTION,
    },
    run: ({ io, values, positionals, withArchive }) => {
      const ids = positionals.map(parseArticleId)
      const options = {
        ids,
        add: texts(values.add).map((tag) => parseName(tag, '--add', 'a tag name', 'tag')),
        remove: texts(values.remove).map((tag) => parseName(tag, '--remove', 'a tag name', 'tag')),
        json: values.json === true,
      }
      return withArchive((archive) => runTag(io, archive, options))
    },
  },
  attach: {
    synopsis: 'attach ID FILE [--json]',
    summary:
      'Give an item a reading copy: a saved page or a PDF of a reference imported from a .bib or .ris file.',
    optionHelp: ['  --json   print the item as `show --json` does'],
    options: { ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) => {
      const [rawId, file, ...rest] = positionals
      if (rawId === undefined || file === undefined || rest.length > 0)
        throw new UsageError('give one item ID and one file: lectern attach 12 paper.pdf', 'attach')
      const id = parseArticleId(rawId)
      return withArchive((archive) => runAttach(io, archive, { id, file, json: values.json === true }))
    },
  },
  reextract: {
    synopsis: 'reextract ID... | --all [--json]',
    summary: 'Extract articles again from their kept originals; tags and highlights stay.',
    optionHelp: [
      '  --all    every article in the archive',
      '  --json   one JSON object per line per article ({"id","error"} for a failure)',
    ],
    options: { all: { type: 'boolean' }, ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) => {
      const options = {
        ids: positionals.map(parseArticleId),
        all: values.all === true,
        json: values.json === true,
      }
      return withArchive((archive) => runReextract(io, archive, options))
    },
  },
  ...CITE_COMMANDS,
  info: {
    synopsis: 'info [--json]',
    summary: 'Where the archive is, how many articles it holds, its schema and app version.',
    optionHelp: ['  --json   {"path", "articleCount", "schemaVersion", "version"}'],
    options: { ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) => {
      noPositionals('info', positionals)
      return withArchive((archive) => runInfo(io, archive, { json: values.json === true }))
    },
  },
  serve: {
    synopsis: 'serve [--port N] [--no-open]',
    summary: 'Open the archive in a web browser, served on this computer only (127.0.0.1).',
    optionHelp: [
      '  --port N    listen on port N (default: any free port)',
      '  --no-open   do not start a browser',
    ],
    options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
    run: ({ io, values, positionals, withRecoverableArchive }) => {
      noPositionals('serve', positionals)
      const port = parseCount(text(values.port), 'port', { min: 0, max: 65_535 })
      // The window imports into a new archive as the desktop app does, and shows a damaged one.
      return withRecoverableArchive((archive) =>
        runServe(io, archive, { port, open: values['no-open'] !== true }),
      )
    },
  },
  backup: {
    synopsis: 'backup FILE [--json]',
    summary: 'Copy the archive to a new file (safe while the app is running).',
    optionHelp: [
      '  FILE     the new backup file; an existing file is never overwritten',
      '  --json   {"file", "bytes", "schemaVersion", "articleCount", "createdAt"}',
    ],
    options: { ...JSON_OPTION },
    run: ({ io, values, positionals, archiveDir }) =>
      runBackup(io, archiveDir, { positionals, json: values.json === true }),
  },
  restore: {
    synopsis: 'restore FILE | --latest [--json]',
    summary: 'Replace the archive with a backup (the replaced archive is kept beside it).',
    optionHelp: [
      '  FILE       a backup made by `lectern backup` (or a copy of lectern.sqlite); it is checked first',
      '  --latest   the newest of the desktop app\u2019s daily backups (in the archive\u2019s backups',
      '             folder) that passes the check: the way back from a damaged archive',
      '  --json     {"archiveFile", "restoredFrom", "previousCopy", "previousDamaged", "articleCount",',
      '             "schemaVersion"} (and "backup" with --latest)',
      '  A damaged archive is kept beside the restored one exactly as it was (lectern.sqlite.damaged-TIME).',
      '  Close the desktop app and any `lectern serve` first: restore refuses an archive in use.',
    ],
    options: { latest: { type: 'boolean' }, ...JSON_OPTION },
    run: ({ io, values, positionals, archiveDir }) =>
      runRestore(io, archiveDir, { positionals, latest: values.latest === true, json: values.json === true }),
  },
  export: {
    synopsis: 'export FILE.zip [--json]',
    summary: 'Export everything (articles, original files, tags, lists) as one zip file.',
    optionHelp: [
      '  FILE.zip   the new zip file; an existing file is never overwritten',
      '  --json     {"file", "articles", "originals", "tags", "tables"}',
    ],
    options: { ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) =>
      withArchive((archive) => runExport(io, archive, { positionals, json: values.json === true })),
  },
  'import-archive': {
    synopsis: 'import-archive FILE.zip [--merge] [--json]',
    summary: 'Load a zip made by `lectern export` into an empty archive (or merge it).',
    optionHelp: [
      '  --merge   add to an archive that already has articles; ones already present are merged',
      '  --json    {"file", "articles", "originals", "tags", "tables", "duplicates"}',
    ],
    options: { merge: { type: 'boolean' }, ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) =>
      withArchive(
        (archive) =>
          runImportArchive(io, archive, {
            positionals,
            merge: values.merge === true,
            json: values.json === true,
          }),
        { create: true },
      ),
  },
}

const COMMON_OPTIONS = {
  archive: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig

/**
 * Runs one `lectern` invocation and returns its exit code: 0 ok, 1 failed, 2 usage, 3 not found,
 * 130 interrupted. With --json an error is `{"error": {"code", "message"}}` on stdout.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = wantsJson(argv)
  let commandForHelp: string | undefined
  try {
    const { command, rest } = splitCommand(argv)
    if (command === null) return runWithoutCommand(io, rest)
    if (command === 'help') return showHelp(io, rest[0])
    const spec = commandNamed(command)
    commandForHelp = command
    const { values, positionals } = parseCommandLine(command, rest, { ...spec.options, ...COMMON_OPTIONS })
    if (values.help === true) return showHelp(io, command)
    const archiveDir =
      typeof values.archive === 'string'
        ? resolvePath(io, values.archive)
        : resolvePath(io, defaultArchiveDir(io.env))
    return await spec.run({
      io,
      values,
      positionals,
      archiveDir,
      withArchive: (run, options) => withArchive(io, archiveDir, run, options?.create === true, Archive.open),
      withRecoverableArchive: (run) => withArchive(io, archiveDir, run, true, openRecoverableArchive),
    })
  } catch (error) {
    const explained = error instanceof DamagedArchiveError ? await explainDamage(io, error) : error
    return reportError(io, explained, { json, command: commandForHelp })
  }
}

/** The command's table entry; a typo gets the closest command suggested. */
function commandNamed(command: string): Command {
  const spec = COMMANDS[command]
  if (spec) return spec
  const guess = closestName(command, [...Object.keys(COMMANDS), 'help'])
  throw new UsageError(`unknown command "${command}"${guess ? `; did you mean \`${guess}\`?` : ''}`)
}

/** --json anywhere before a "--": errors are reported as JSON too. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json')
}

/** The entry point of bin/lectern.cjs. */
export function main(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // The reader went away (`lectern list | head`): stop quietly, as other tools do.
      process.exit(error.code === 'EPIPE' ? EXIT_OK : EXIT_FAILURE)
    })
  }
  runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  }).then(
    (code) => exitAfterFlush(code),
    (error: unknown) => {
      process.stderr.write(`lectern: ${errorMessage(error)}\n`)
      exitAfterFlush(EXIT_FAILURE)
    },
  )
}

function exitAfterFlush(code: number): void {
  // Pipes may be asynchronous (macOS): exit only after what was written has left.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

async function withArchive<Opened extends { close(): Promise<void> }>(
  io: CliIo,
  dir: string,
  run: (archive: Opened) => Promise<number>,
  create: boolean,
  open: (options: ArchiveOptions) => Promise<Opened>,
): Promise<number> {
  const exists = await archiveExists(dir)
  if (!exists && !create) throw new NoArchiveError(dir)
  let archive: Opened
  try {
    archive = await open({ dir, appVersion: packageJson.version })
  } catch (error) {
    if (error instanceof DamagedArchiveError) throw error
    throw new ApiError('internal', `cannot open the archive at ${dir}: ${describeFailure(error).message}`)
  }
  if (!exists) writeLine(io.stderr, `lectern: a new archive was made at ${dir}`)
  try {
    return await run(archive)
  } finally {
    await archive.close()
  }
}

/**
 * Whether `dir` holds an archive (false when the folder or its database file is missing). A file where
 * the folder should be, or a folder where the database file should be, is refused in plain words.
 */
async function archiveExists(dir: string): Promise<boolean> {
  const kind = async (path: string): Promise<'file' | 'folder' | 'missing'> => {
    try {
      return (await stat(path)).isDirectory() ? 'folder' : 'file'
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return 'missing'
      if (code === 'ENOTDIR')
        throw new ApiError('unsupported', `${dir} cannot be an archive folder: part of the path is a file`)
      throw error
    }
  }
  const folder = await kind(dir)
  if (folder === 'missing') return false
  if (folder === 'file') throw new ApiError('unsupported', `${dir} is a file, not an archive folder`)
  const file = join(dir, DATABASE_FILE)
  const database = await kind(file)
  if (database === 'folder') throw new ApiError('unsupported', `${file} is a folder, not an archive file`)
  return database === 'file'
}

/** Finds the command word, skipping global flags (and the value of --archive) before it. */
function splitCommand(argv: string[]): { command: string | null; rest: string[] } {
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index] as string
    if (token === '--') break
    if (token === '--archive') {
      index++
      continue
    }
    if (token.startsWith('-')) continue
    return { command: token, rest: [...argv.slice(0, index), ...argv.slice(index + 1)] }
  }
  return { command: null, rest: argv }
}

function runWithoutCommand(io: CliIo, rest: string[]): number {
  if (rest.includes('--version') || rest.includes('-v')) {
    writeLine(io.stdout, packageJson.version)
    return EXIT_OK
  }
  if (rest.includes('--help') || rest.includes('-h')) return showHelp(io, undefined)
  if (rest.length > 0) {
    const guess = closestName(rest[0] as string, ['--help', '--version'])
    throw new UsageError(
      `unknown option ${rest[0]} (or a missing command)${guess ? `; did you mean \`${guess}\`?` : ''}`,
    )
  }
  io.stderr.write(usage())
  return EXIT_USAGE
}

function showHelp(io: CliIo, command: string | undefined): number {
  if (command === undefined) {
    io.stdout.write(usage())
    return EXIT_OK
  }
  const spec = commandNamed(command)
  io.stdout.write(
    [
      `Usage: lectern ${spec.synopsis} [--archive DIR]`,
      '',
      spec.summary,
      '',
      'Options:',
      ...spec.optionHelp,
      '  --archive DIR   the archive folder (default: the desktop app\u2019s, or $LECTERN_ARCHIVE)',
      '',
    ].join('\n'),
  )
  return EXIT_OK
}

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((spec) => spec.synopsis.split(' ')[0]!.length)) + 3
  return [
    'Lectern: an offline research archive for saved web pages.',
    '',
    'Usage: lectern <command> [options] [--archive DIR]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(width)}${spec.summary}`),
    `  ${'help'.padEnd(width)}Show help for a command: lectern help import`,
    '',
    'Every command that uses an archive takes --archive DIR. Without it Lectern uses',
    'the desktop app\u2019s own archive (or $LECTERN_ARCHIVE), so both see the same articles.',
    'Only import, import-archive, serve and restore make an archive where there is none;',
    'the other commands refuse a folder without one.',
    '',
    'Run "lectern <command> --help" for the options of a command.',
    '',
    'Exit codes: 0 done, 1 failed, 2 wrong usage, 3 not found (an ID, a list or a file).',
    'With --json, an error is printed on stdout as {"error": {"code", "message"}}.',
    '',
  ].join('\n')
}

function parseCommandLine(
  command: string,
  args: string[],
  options: OptionsConfig,
): { values: OptionValues; positionals: string[] } {
  try {
    const parsed = parseArgs({
      args: withNegativeNumbersJoined(args, options),
      options,
      allowPositionals: true,
      strict: true,
    })
    return { values: parsed.values as OptionValues, positionals: parsed.positionals }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error
    const flag = /'(-[^' ]+)/.exec(errorMessage(error))?.[1]
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const known = Object.keys(options).map((name) => `--${name}`)
      const guess = flag?.startsWith('--') ? closestName(flag.split('=')[0] as string, known) : null
      throw new UsageError(
        `unknown option ${flag ?? ''}`.trim() + (guess ? `; did you mean \`${guess}\`?` : ''),
        command,
      )
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
      const name = flag.replace(/^-+/, '')
      throw new UsageError(
        options[name]?.type === 'boolean'
          ? `${flag} takes no value`
          : `${flag} needs a value (one that starts with "-" is written --${name}=-value)`,
        command,
      )
    }
    throw new UsageError(errorMessage(error), command)
  }
}

/**
 * "--limit -3" as "--limit=-3": parseArgs would read "-3" as an option and say the value is missing,
 * while the value is there and only wrong (the flag's own check says so).
 */
function withNegativeNumbersJoined(args: readonly string[], options: OptionsConfig): string[] {
  const joined: string[] = []
  for (let index = 0; index < args.length; index++) {
    const token = args[index] as string
    const next = args[index + 1]
    if (token === '--') {
      joined.push(...args.slice(index))
      break
    }
    const name = token.startsWith('--') ? token.slice(2) : null
    if (name !== null && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${token}=${next}`)
      index++
    } else joined.push(token)
  }
  return joined
}

function reportError(io: CliIo, error: unknown, context: { json: boolean; command?: string }): number {
  const failure = describeFailure(error)
  if (context.json) writeJsonLine(io.stdout, { error: { code: failure.code, message: failure.message } })
  else writeLine(io.stderr, `lectern: ${failure.message}`)
  if (error instanceof UsageError && !context.json) {
    const command = error.command ?? context.command
    writeLine(io.stderr, `Run "lectern ${command ? `${command} ` : ''}--help" for usage.`)
  }
  const expected = error instanceof ApiError || error instanceof UsageError || error instanceof NoArchiveError
  if (!expected && io.env.LECTERN_DEBUG && error instanceof Error && error.stack) {
    writeLine(io.stderr, error.stack)
  }
  return failure.exitCode
}

function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, command)
}

function text(value: OptionValues[string]): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function texts(value: OptionValues[string]): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
