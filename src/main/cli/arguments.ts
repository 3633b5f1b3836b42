/**
 * Reading a `lectern` command line: the command word among the global flags, each command's options
 * (with messages that name the flag and suggest the closest one), and the values the options hold.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError, errorMessage } from './context'
import { closestName } from './suggest'

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>

/** --json anywhere before a "--": errors are reported as JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json')
}

/** Finds the command word, skipping global flags (and the value of --archive) before it. */
export function splitCommand(argv: string[]): { command: string | null; rest: string[] } {
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

export function parseCommandLine(
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

export function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, command)
}

export function text(value: OptionValues[string]): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function texts(value: OptionValues[string]): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
