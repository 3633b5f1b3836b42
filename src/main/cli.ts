/**
 * `lectern`: one invocation from its command line to its exit code, and the entry point of bin/lectern.cjs.
 * The commands are in cli/commands.ts, the usage text in cli/usage.ts, argument parsing in cli/arguments.ts.
 */
import { ApiError } from '../common/api'
import packageJson from '../../package.json'
import { Archive, DamagedArchiveError, defaultArchiveDir, openRecoverableArchive } from './archive/index'
import { parseCommandLine, splitCommand, wantsJson, type OptionsConfig } from './cli/arguments'
import { commandNamed } from './cli/commands'
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  UsageError,
  errorMessage,
  resolvePath,
  writeJsonLine,
  writeLine,
  type CliIo,
} from './cli/context'
import { explainDamage } from './cli/damaged'
import { NoArchiveError, describeFailure } from './cli/errors'
import { withArchive } from './cli/open-archive'
import { closestName } from './cli/suggest'
import { showHelp, usage } from './cli/usage'

export type { CliIo, CliStream } from './cli/context'

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
