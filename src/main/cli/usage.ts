/** `lectern --help` and `lectern help COMMAND`: the usage text, built from the command table. */
import { COMMANDS, commandNamed } from './commands'
import { EXIT_OK, type CliIo } from './context'

export function showHelp(io: CliIo, command: string | undefined): number {
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

export function usage(): string {
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
