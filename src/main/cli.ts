import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ApiError } from '../common/api'
import type { SortField, SortOrder } from '../common/types'
import packageJson from '../../package.json'
import { Archive, defaultArchiveDir } from './archive/index'
import { runImport, runInfo, runList, runSearch, runShow, runTag } from './cli/archive-commands'
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
  resolvePath,
  writeLine,
  type CliIo,
} from './cli/context'
import { runExtract } from './cli/extract-command'
import { runReextract } from './cli/reextract-command'
import { runServe } from './cli/serve-command'

export type { CliIo, CliStream } from './cli/context'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>
type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

interface CommandContext {
  io: CliIo
  values: OptionValues
  positionals: string[]
  /** The archive folder named by --archive / LECTERN_ARCHIVE / the app's folder. */
  archiveDir: string
  /** Opens the archive named by --archive / LECTERN_ARCHIVE / the app's folder, and always closes it. */
  withArchive(run: (archive: Archive) => Promise<number>): Promise<number>
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
      '  Exit code 1 when a file failed.',
    ],
    options: {
      recursive: { type: 'boolean', short: 'r' },
      list: { type: 'string' },
      duplicates: { type: 'string' },
      ...JSON_OPTION,
    },
    run: ({ io, values, positionals, withArchive }) =>
      withArchive((archive) =>
        runImport(io, archive, {
          paths: positionals,
          recursive: values.recursive === true,
          duplicates: text(values.duplicates),
          list: text(values.list),
          json: values.json === true,
        }),
      ),
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
      const options = {
        tag: text(values.tag),
        sort: text(values.sort) as SortField | undefined,
        order: text(values.order) as SortOrder | undefined,
        limit: parseCount(text(values.limit), 'limit', 1),
        offset: parseCount(text(values.offset), 'offset', 0),
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
      '  --limit N    at most N hits',
      '  --offset N   skip the first N hits',
      '  --json       a JSON array of {id, title, siteName, publishedAt, snippet, highlights, score}',
    ],
    options: { limit: { type: 'string' }, offset: { type: 'string' }, ...JSON_OPTION },
    run: ({ io, values, positionals, withArchive }) => {
      const query = positionals.join(' ').trim()
      if (query === '') throw new UsageError('give something to search for', 'search')
      const options = {
        query,
        limit: parseCount(text(values.limit), 'limit', 1),
        offset: parseCount(text(values.offset), 'offset', 0),
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
        add: texts(values.add),
        remove: texts(values.remove),
        json: values.json === true,
      }
      return withArchive((archive) => runTag(io, archive, options))
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
    run: ({ io, values, positionals, withArchive }) => {
      noPositionals('serve', positionals)
      const port = parseCount(text(values.port), 'port', 0)
      if (port !== undefined && port > 65_535)
        throw new UsageError('--port takes a number up to 65535', 'serve')
      return withArchive((archive) => runServe(io, archive, { port, open: values['no-open'] !== true }))
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
    synopsis: 'restore FILE [--json]',
    summary: 'Replace the archive with a backup (the replaced archive is kept beside it).',
    optionHelp: [
      '  FILE     a backup made by `lectern backup` (or a copy of lectern.sqlite); it is checked first',
      '  --json   {"archiveFile", "restoredFrom", "previousCopy", "articleCount", "schemaVersion"}',
      '  Close the desktop app and any `lectern serve` first: restore refuses an archive in use.',
    ],
    options: { ...JSON_OPTION },
    run: ({ io, values, positionals, archiveDir }) =>
      runRestore(io, archiveDir, { positionals, json: values.json === true }),
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
      withArchive((archive) =>
        runImportArchive(io, archive, {
          positionals,
          merge: values.merge === true,
          json: values.json === true,
        }),
      ),
  },
}

const COMMON_OPTIONS = {
  archive: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionsConfig

/** Runs one `lectern` invocation and returns its exit code (0 ok, 1 failed, 2 usage, 130 interrupted). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { command, rest } = splitCommand(argv)
    if (command === null) return runWithoutCommand(io, rest)
    if (command === 'help') return showHelp(io, rest[0])
    const spec = COMMANDS[command]
    if (!spec) throw new UsageError(`unknown command "${command}"`)
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
      withArchive: (run) => withArchive(archiveDir, run),
    })
  } catch (error) {
    return reportError(io, error)
  }
}

/** The entry point of bin/lectern.cjs. */
export function main(): void {
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

async function withArchive(dir: string, run: (archive: Archive) => Promise<number>): Promise<number> {
  let archive: Archive
  try {
    archive = await Archive.open({ dir, appVersion: packageJson.version })
  } catch (error) {
    throw new ApiError('internal', `cannot open the archive at ${dir}: ${errorMessage(error)}`)
  }
  try {
    return await run(archive)
  } finally {
    await archive.close()
  }
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
  if (rest.length > 0) throw new UsageError(`unknown option ${rest[0]} (or a missing command)`)
  io.stderr.write(usage())
  return EXIT_USAGE
}

function showHelp(io: CliIo, command: string | undefined): number {
  if (command === undefined) {
    io.stdout.write(usage())
    return EXIT_OK
  }
  const spec = COMMANDS[command]
  if (!spec) throw new UsageError(`unknown command "${command}"`)
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
    '',
    'Run "lectern <command> --help" for the options of a command.',
    '',
  ].join('\n')
}

function parseCommandLine(
  command: string,
  args: string[],
  options: OptionsConfig,
): { values: OptionValues; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
    return { values: parsed.values as OptionValues, positionals: parsed.positionals }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error
    const flag = /'(-[^' ]+)/.exec(errorMessage(error))?.[1]
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`unknown option ${flag ?? ''}`.trim(), command)
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
      throw new UsageError(
        `${flag} ${options[flag.replace(/^-+/, '')]?.type === 'boolean' ? 'takes no value' : 'needs a value'}`,
        command,
      )
    }
    throw new UsageError(errorMessage(error), command)
  }
}

function reportError(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    writeLine(io.stderr, `lectern: ${error.message}`)
    writeLine(io.stderr, `Run "lectern ${error.command ? `${error.command} ` : ''}--help" for usage.`)
    return EXIT_USAGE
  }
  writeLine(io.stderr, `lectern: ${errorMessage(error)}`)
  if (!(error instanceof ApiError) && io.env.LECTERN_DEBUG && error instanceof Error && error.stack) {
    writeLine(io.stderr, error.stack)
  }
  return EXIT_FAILURE
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
