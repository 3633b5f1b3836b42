import { describe, expect, it } from 'vitest'
import { parseCommandLine, splitCommand, wantsJson, type OptionsConfig } from './arguments'
import { UsageError } from './context'

const LIST_OPTIONS: OptionsConfig = {
  limit: { type: 'string' },
  json: { type: 'boolean' },
  archive: { type: 'string' },
}

describe('splitCommand', () => {
  it('finds the command word after global flags and the value of --archive', () => {
    expect(splitCommand(['--archive', 'list', 'search', 'x'])).toEqual({
      command: 'search',
      rest: ['--archive', 'list', 'x'],
    })
    expect(splitCommand(['--json', 'list'])).toEqual({ command: 'list', rest: ['--json'] })
  })

  it('finds no command in flags alone or after "--"', () => {
    expect(splitCommand(['--version'])).toEqual({ command: null, rest: ['--version'] })
    expect(splitCommand(['--', 'list'])).toEqual({ command: null, rest: ['--', 'list'] })
  })
})

describe('wantsJson', () => {
  it('sees --json anywhere before "--" only', () => {
    expect(wantsJson(['list', '--json'])).toBe(true)
    expect(wantsJson(['search', '--', '--json'])).toBe(false)
  })
})

describe('parseCommandLine', () => {
  it('reads a negative number as the value of a string option, for the option to refuse it', () => {
    expect(parseCommandLine('list', ['--limit', '-3'], LIST_OPTIONS).values.limit).toBe('-3')
  })

  it('names an unknown option and suggests the closest known one', () => {
    expect(() => parseCommandLine('list', ['--limt', '3'], LIST_OPTIONS)).toThrow(
      new UsageError('unknown option --limt; did you mean `--limit`?', 'list'),
    )
  })

  it('says a flag takes no value, or needs one', () => {
    expect(() => parseCommandLine('list', ['--json=yes'], LIST_OPTIONS)).toThrow('--json takes no value')
    expect(() => parseCommandLine('list', ['--limit'], LIST_OPTIONS)).toThrow(/--limit needs a value/)
  })
})
