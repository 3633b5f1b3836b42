import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface RunningHost {
  /** The URL `lectern serve` printed, token included. */
  url: string
  origin: string
  archiveDir: string
  stop(): Promise<void>
}

const repoRoot = resolve(__dirname, '..', '..')

/**
 * Starts the real `lectern serve` on a fresh archive folder (or on `archiveDir`, made ready by the
 * test; it is removed at the end too) and waits for the URL it prints.
 */
export async function startHost(
  archiveDir = mkdtempSync(join(tmpdir(), 'lectern-e2e-')),
): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bin', 'lectern.cjs'), 'serve', '--archive', archiveDir, '--port', '0', '--no-open'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const url = await waitForUrl(child)
  return {
    url,
    origin: new URL(url).origin,
    archiveDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(archiveDir, { recursive: true, force: true })
    },
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`lectern serve printed no URL:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`lectern serve exited with ${code}:\n${output}`))
    })
  })
}
