/**
 * `lectern cite`, `lectern lists`, `lectern list-add` and `lectern styles`: citation lists and formatted
 * references from the command line. `cite --input` and `styles` need no archive database (user styles
 * still come from the archive folder's csl-styles, when it exists).
 */
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ParseArgsConfig } from 'node:util'
import { ApiError } from '../../common/api'
import { text } from './arguments'
import type { CitationList, CiteFormat, CiteLocale, CiteStyle, FormattedCitations } from '../../common/types'
import {
  type Archive,
  CITE_FORMATS,
  CITE_LOCALES,
  CiteError,
  describeFileError,
  importReferences,
  CitationFormatter,
  DEFAULT_CITE_LOCALE,
  DEFAULT_CITE_STYLE,
  USER_STYLES_FOLDER,
} from '../archive/index'
import { call } from './archive-commands'
import {
  EXIT_FAILURE,
  EXIT_OK,
  MAX_NAME_LENGTH,
  UsageError,
  parseArticleId,
  resolvePath,
  writeJson,
  writeLine,
  type CliIo,
} from './context'

type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

/** What the CLI hands every command (the same shape as its own CommandContext). */
export interface CiteCommandContext {
  io: CliIo
  values: OptionValues
  positionals: string[]
  archiveDir: string
  withArchive(run: (archive: Archive) => Promise<number>, options?: { create?: boolean }): Promise<number>
}

export interface CiteCommand {
  synopsis: string
  summary: string
  optionHelp: string[]
  options: NonNullable<ParseArgsConfig['options']>
  run(context: CiteCommandContext): Promise<number>
}

export interface CiteOptions {
  ids: number[]
  list?: string
  input?: string
  /** undefined: the list's own style with --list, apa otherwise. */
  style?: string
  locale?: string
  format?: string
  /** In-text citations or notes, one per item in order, instead of the bibliography. */
  citations?: boolean
}

export async function runCite(context: CiteCommandContext, options: CiteOptions): Promise<number> {
  const { io } = context
  const sources = [options.ids.length > 0, options.list !== undefined, options.input !== undefined]
  if (sources.filter(Boolean).length !== 1)
    throw new UsageError('give article IDs, or --list NAME, or --input FILE (one of them)', 'cite')
  const format = checkFormat(options.format)
  const locale = checkLocale(options.locale)
  const citations = options.citations === true
  if (citations && !['text', 'html', 'markdown'].includes(format))
    throw new UsageError('--citations prints text, html or markdown, not ' + format, 'cite')

  if (options.input !== undefined) {
    const formatter = new CitationFormatter([join(context.archiveDir, USER_STYLES_FOLDER)])
    const style = options.style ?? DEFAULT_CITE_STYLE
    requireKnownStyle(formatter.listStyles(), style)
    return citeInputFile(io, formatter, resolvePath(io, options.input), {
      style,
      locale: locale ?? DEFAULT_CITE_LOCALE,
      format,
      citations,
    })
  }

  return context.withArchive(async (archive) => {
    if (options.style !== undefined)
      requireKnownStyle(await call(archive, 'listCiteStyles', {}), options.style)
    let result: FormattedCitations
    if (options.list !== undefined) {
      const list = await findList(archive, options.list)
      result = await call(archive, 'formatCitations', {
        listId: list.id,
        format,
        citations,
        ...(options.style !== undefined ? { style: options.style } : {}),
        ...(locale !== undefined ? { locale } : {}),
      })
      if (list.count === 0) writeLine(io.stderr, `lectern: the list "${list.name}" is empty`)
    } else {
      result = await call(archive, 'formatCitations', {
        ids: options.ids,
        style: options.style ?? DEFAULT_CITE_STYLE,
        locale: locale ?? DEFAULT_CITE_LOCALE,
        format,
        citations,
      })
    }
    io.stdout.write(result.output)
    writeWarnings(io, result, (id) => `#${id}`)
    return EXIT_OK
  })
}

async function citeInputFile(
  io: CliIo,
  formatter: CitationFormatter,
  file: string,
  options: { style: string; locale: CiteLocale; format: CiteFormat; citations: boolean },
): Promise<number> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
    throw new ApiError(
      missing ? 'not-found' : 'unsupported',
      `${file}: cannot be read: ${describeFileError(error)}`,
    )
  }
  let parsed: ReturnType<typeof importReferences>
  try {
    parsed = importReferences(basename(file), text)
  } catch (error) {
    if (error instanceof CiteError)
      throw new ApiError('unsupported', `${file}: ${error.message.replace(/^[^:]*: /, '')}`)
    throw error
  }
  const result = formatter.format(
    parsed.items.map((item) => ({ key: item.id, item })),
    options,
  )
  io.stdout.write(result.output)
  writeWarnings(io, result, (id) => `item "${id}"`)
  for (const problem of parsed.problems)
    writeLine(
      io.stderr,
      `lectern: ${file}${problem.line !== undefined ? `, line ${problem.line}` : ''}: ${problem.message}`,
    )
  return parsed.problems.some((problem) => problem.severity === 'error') ? EXIT_FAILURE : EXIT_OK
}

export async function runLists(context: CiteCommandContext, options: { json: boolean }): Promise<number> {
  return context.withArchive(async (archive) => {
    const lists = await call(archive, 'listCitationLists', {})
    if (options.json) {
      writeJson(context.io.stdout, lists)
      return EXIT_OK
    }
    if (lists.length === 0) writeLine(context.io.stderr, 'No citation lists yet: lectern list-add NAME ID...')
    for (const list of lists)
      writeLine(
        context.io.stdout,
        `#${list.id}\t${list.name}\t${list.count} ${list.count === 1 ? 'article' : 'articles'}\t${list.style}\t${list.locale}`,
      )
    return EXIT_OK
  })
}

export async function runListAdd(
  context: CiteCommandContext,
  options: { positionals: string[]; json: boolean },
): Promise<number> {
  const [name, ...rawIds] = options.positionals
  if (name === undefined || name.trim() === '' || rawIds.length === 0)
    throw new UsageError('give a list name and at least one article ID', 'list-add')
  if (name.trim().length > MAX_NAME_LENGTH)
    throw new UsageError(`a list name is at most ${MAX_NAME_LENGTH} characters`, 'list-add')
  const ids = rawIds.map(parseArticleId)
  return context.withArchive(async (archive) => {
    const existing = await findListOrUndefined(archive, name)
    const list = existing ?? (await call(archive, 'createCitationList', { name }))
    const { changed } = await call(archive, 'addToCitationList', { id: list.id, articleIds: ids })
    const after = await call(archive, 'getCitationList', { id: list.id })
    if (options.json) {
      writeJson(context.io.stdout, {
        id: after.id,
        name: after.name,
        created: existing === undefined,
        added: changed,
        count: after.count,
      })
      return EXIT_OK
    }
    const plural = (n: number): string => `${n} ${n === 1 ? 'article' : 'articles'}`
    writeLine(
      context.io.stdout,
      `${existing ? '' : `Created the list "${after.name}". `}Added ${plural(changed)} to "${after.name}" (now ${plural(after.count)}).`,
    )
    return EXIT_OK
  })
}

export function runStyles(context: CiteCommandContext, options: { json: boolean }): number {
  const styles = new CitationFormatter([join(context.archiveDir, USER_STYLES_FOLDER)]).listStyles()
  if (options.json) {
    writeJson(context.io.stdout, styles)
    return EXIT_OK
  }
  const width = Math.max(...styles.map((style) => style.id.length)) + 2
  for (const style of styles)
    writeLine(context.io.stdout, `${style.id.padEnd(width)}${style.title}${style.builtIn ? '' : ' (added)'}`)
  return EXIT_OK
}

function checkFormat(format: string | undefined): CiteFormat {
  if (format === undefined) return 'text'
  if (!(CITE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`unknown format "${format}" (use ${CITE_FORMATS.join(', ')})`, 'cite')
  return format as CiteFormat
}

function checkLocale(locale: string | undefined): CiteLocale | undefined {
  if (locale === undefined) return undefined
  if (!(CITE_LOCALES as readonly string[]).includes(locale))
    throw new UsageError(`unknown locale "${locale}" (use ${CITE_LOCALES.join(' or ')})`, 'cite')
  return locale as CiteLocale
}

function requireKnownStyle(styles: readonly CiteStyle[], style: string): void {
  if (!styles.some((known) => known.id === style))
    throw new UsageError(
      `unknown style "${style}"; available: ${styles.map((known) => known.id).join(', ')}`,
      'cite',
    )
}

async function findListOrUndefined(archive: Archive, name: string): Promise<CitationList | undefined> {
  const key = name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
  const lists = await call(archive, 'listCitationLists', {})
  return lists.find((list) => list.name.toLowerCase() === key)
}

async function findList(archive: Archive, name: string): Promise<CitationList> {
  const list = await findListOrUndefined(archive, name)
  if (!list) {
    const names = (await call(archive, 'listCitationLists', {})).map((known) => `"${known.name}"`)
    throw new ApiError(
      'not-found',
      `no citation list named "${name}"` +
        (names.length > 0 ? ` (lists: ${names.join(', ')})` : ' (there are none yet)'),
    )
  }
  return list
}

function writeWarnings(io: CliIo, result: FormattedCitations, label: (id: number | string) => string): void {
  for (const warning of result.warnings)
    writeLine(io.stderr, `warning: ${label(warning.id)}: ${warning.message}`)
}

const JSON_OPTION = { json: { type: 'boolean' } } as const

/** The citation commands, added to the command table (cli/commands.ts). */
export const CITE_COMMANDS: Record<string, CiteCommand> = {
  cite: {
    synopsis:
      'cite [ID...|--list NAME|--input FILE] [--style STYLE] [--locale LOCALE] [--format FORMAT] [--citations]',
    summary: 'Print formatted references (GOST, APA, MLA, Chicago, Harvard, IEEE, or BibTeX/RIS/CSL-JSON).',
    optionHelp: [
      '  ID...            article IDs, in any order (the style sorts them)',
      '  --citations      the in-text citation or footnote of each item instead, one per line, in the',
      '                   order given (repeat an ID to cite it again: "ibid." and short forms follow)',
      '  --list NAME      a citation list, in its own style and locale unless given',
      '  --input FILE     CSL-JSON items (or a .bib / .ris file); needs no archive',
      `  --style STYLE    a style id (default ${DEFAULT_CITE_STYLE}); "lectern styles" lists them`,
      `  --locale LOCALE  ${CITE_LOCALES.join(' or ')} (default ${DEFAULT_CITE_LOCALE})`,
      `  --format FORMAT  ${CITE_FORMATS.join(', ')} (default text: one reference per line)`,
      '  Missing authors, dates and URLs are reported on stderr as warnings.',
    ],
    options: {
      list: { type: 'string' },
      input: { type: 'string' },
      style: { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      citations: { type: 'boolean' },
    },
    run: (context) =>
      runCite(context, {
        citations: context.values.citations === true,
        ids: context.positionals.map(parseArticleId),
        list: text(context.values.list),
        input: text(context.values.input),
        style: text(context.values.style),
        locale: text(context.values.locale),
        format: text(context.values.format),
      }),
  },
  lists: {
    synopsis: 'lists [--json]',
    summary: 'Show the citation lists: id, name, article count, style and locale.',
    optionHelp: ['  --json   a JSON array of {id, name, style, locale, count, createdAt, updatedAt}'],
    options: { ...JSON_OPTION },
    run: (context) => {
      if (context.positionals.length > 0)
        throw new UsageError(`unexpected argument "${context.positionals[0]}"`, 'lists')
      return runLists(context, { json: context.values.json === true })
    },
  },
  'list-add': {
    synopsis: 'list-add NAME ID... [--json]',
    summary: 'Add articles to the end of a citation list (created when missing).',
    optionHelp: ['  --json   {"id", "name", "created", "added", "count"}'],
    options: { ...JSON_OPTION },
    run: (context) =>
      runListAdd(context, { positionals: context.positionals, json: context.values.json === true }),
  },
  styles: {
    synopsis: 'styles [--json]',
    summary: 'Show the citation styles: the shipped ones and those added to this archive.',
    optionHelp: ['  --json   a JSON array of {id, title, builtIn}'],
    options: { ...JSON_OPTION },
    run: async (context) => {
      if (context.positionals.length > 0)
        throw new UsageError(`unexpected argument "${context.positionals[0]}"`, 'styles')
      return runStyles(context, { json: context.values.json === true })
    },
  },
}
