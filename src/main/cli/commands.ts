/**
 * The command table: every `lectern` command with its synopsis, summary, option help and options, and
 * how it runs (the citation commands come from cite-command.ts).
 */
import type { Archive, RecoverableArchive } from '../archive/index'
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
} from './archive-commands'
import { noPositionals, text, texts, type OptionsConfig, type OptionValues } from './arguments'
import { runBackup, runExport, runImportArchive, runRestore } from './backup-command'
import { CITE_COMMANDS } from './cite-command'
import { UsageError, parseArticleId, parseCount, parseName, type CliIo } from './context'
import { runExtract } from './extract-command'
import { runReextract } from './reextract-command'
import { runServe } from './serve-command'
import { closestName } from './suggest'

export interface CommandContext {
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

export interface Command {
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

export const COMMANDS: Record<string, Command> = {
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

/** The command's table entry; a typo gets the closest command suggested. */
export function commandNamed(command: string): Command {
  const spec = COMMANDS[command]
  if (spec) return spec
  const guess = closestName(command, [...Object.keys(COMMANDS), 'help'])
  throw new UsageError(`unknown command "${command}"${guess ? `; did you mean \`${guess}\`?` : ''}`)
}
