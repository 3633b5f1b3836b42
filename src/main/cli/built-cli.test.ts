import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempFolder } from '../../../tests/support/helpers'
import { REPO_ROOT } from '../../../tests/support/paths'

/** The CLI as users run it: bin/lectern.cjs over the build (`npm run build` writes out/main/cli.js). */
const BIN = join(REPO_ROOT, 'bin', 'lectern.cjs')
const BUILT = existsSync(join(REPO_ROOT, 'out', 'main', 'cli.js'))

interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

function lectern(args: string[], cwd: string, options: { closeStdout?: boolean } = {}): Promise<Finished> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, LECTERN_DEBUG: '' } })
    let stdout = ''
    let stderr = ''
    // A reader that goes away at once, as `| head -1` does once it has its line.
    if (options.closeStdout) child.stdout.destroy()
    else child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolveRun({ code, stdout, stderr }))
  })
}

// Outside CI a checkout without `npm run build` skips these; CI builds first, so there they always run.
describe.skipIf(!BUILT && !process.env.CI)('the built lectern command (after `npm run build`)', () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>

  beforeAll(async () => {
    folder = await tempFolder('built-cli')
    await writeFile(
      join(folder.dir, 'story.txt'),
      'A story\n\nOne paragraph about the harbour and its ferries.\n',
    )
  })

  afterAll(async () => {
    await folder?.cleanup()
  })

  it('exits with the documented codes: 0 done, 2 usage, 3 not found', async () => {
    expect((await lectern(['import', 'story.txt', '--archive', 'archive'], folder.dir)).code).toBe(0)
    const missing = await lectern(['show', '4242', '--archive', 'archive', '--json'], folder.dir)
    expect(missing.code).toBe(3)
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'not-found', message: expect.stringContaining('4242') },
    })
    expect((await lectern(['serch', 'x'], folder.dir)).code).toBe(2)
  })

  it('stops quietly when the reader of its output goes away', async () => {
    const result = await lectern(['--help'], folder.dir, { closeStdout: true })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })
})
