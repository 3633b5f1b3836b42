import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ApiError, type HostedArchive } from '../../common/api'
import { startWebHost } from '../web-host'
import { EXIT_OK, interruptSignal, whenAborted, writeLine, type CliIo } from './context'

/** The built renderer next to the bundled CLI (out/main/cli.js -> out/renderer). */
export function defaultRendererDir(env: NodeJS.ProcessEnv): string {
  return env.LECTERN_RENDERER_DIR || join(__dirname, '..', 'renderer')
}

/** `lectern serve`: runs until Ctrl+C (or the caller's signal), then closes cleanly. */
export async function runServe(
  io: CliIo,
  archive: HostedArchive,
  options: { port?: number; open: boolean },
): Promise<number> {
  const interrupt = interruptSignal(io)
  try {
    const rendererDir = defaultRendererDir(io.env)
    if (!existsSync(join(rendererDir, 'index.html'))) {
      writeLine(
        io.stderr,
        `lectern: the window is not built (${rendererDir}); run \`npm run build\`. The API still answers.`,
      )
    }
    const host = await startWebHost({ api: archive, rendererDir, port: options.port }).catch(
      (error: unknown) => {
        throw portProblem(error, options.port)
      },
    )
    const { damaged } = await archive.info({})
    if (damaged) {
      writeLine(
        io.stderr,
        `lectern: the archive ${damaged.file} is damaged (${damaged.problem}); nothing is changed in it. ` +
          (damaged.backup
            ? 'The window offers to restore the newest good backup.'
            : 'There is no good automatic backup to restore: see `lectern help restore`.'),
      )
    }
    writeLine(io.stdout, `Lectern is running at ${host.url}`)
    writeLine(io.stdout, 'Press Ctrl+C to stop.')
    if (options.open) openInBrowser(io, host.url)
    await whenAborted(interrupt.signal)
    await host.close()
    writeLine(io.stderr, 'Lectern stopped.')
    return EXIT_OK
  } finally {
    interrupt.dispose()
  }
}

/** Why the host could not listen on the chosen port, in words that say what to do. */
function portProblem(error: unknown, port: number | undefined): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE')
    return new ApiError(
      'conflict',
      `port ${port} is already in use by another program; choose another with --port N, or leave --port out to take a free one`,
    )
  if (code === 'EACCES')
    return new ApiError('unsupported', `port ${port} needs administrator rights here; choose one above 1023`)
  return error
}

function openInBrowser(io: CliIo, url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true })
    child.on('error', () =>
      writeLine(io.stderr, 'Could not open a browser: open the address above yourself.'),
    )
    child.unref()
  } catch {
    writeLine(io.stderr, 'Could not open a browser: open the address above yourself.')
  }
}
