import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ensureElectron,
  findElectronBinary,
  firstErrorLine,
  locateElectron,
  type InstallerRun,
  type StartEnvironment,
} from './ensure-electron.cjs'

const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean
}

const ELECTRON_DIR = '/repo/node_modules/electron'
const BINARY = `${ELECTRON_DIR}/dist/electron`

/** Electron's installer as it fails without a network: a stack trace on stderr, exit code 1. */
const OFFLINE_RUN: InstallerRun = {
  status: 1,
  stderr: [
    'TypeError: fetch failed',
    '    at node:internal/deps/undici/undici:14976:13',
    '    at async FetchDownloader.download (file:///repo/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
    '',
  ].join('\n'),
}

/** A machine with Electron's package but no binary, on a Node its installer accepts. */
function machine(overrides: Partial<StartEnvironment> = {}) {
  const installerRuns: number[] = []
  const said: string[] = []
  let binaryPresent = false
  const environment: StartEnvironment = {
    electron: { dir: ELECTRON_DIR, version: '45.5.0', nodeRange: '>= 22.12.0' },
    execPathOverride: undefined,
    nodeVersion: '22.12.0',
    nodeSatisfies: (version, range) => semver.satisfies(version, range),
    exists: () => false,
    findBinary: () => (binaryPresent ? BINARY : null),
    runInstaller: () => {
      installerRuns.push(1)
      binaryPresent = true
      return { status: 0, stderr: '' }
    },
    say: (line) => said.push(line),
    ...overrides,
  }
  return {
    environment,
    installerRuns,
    said,
    installBinary: () => {
      binaryPresent = true
    },
  }
}

function expectTwoPlainLines(outcome: ReturnType<typeof ensureElectron>): [string, string] {
  if (outcome.ready) throw new Error('expected the start to be refused')
  expect(outcome.lines).toHaveLength(2)
  for (const line of outcome.lines) {
    expect(line).not.toMatch(/\n|^\s*at /)
    expect(line.length).toBeGreaterThan(20)
  }
  return outcome.lines
}

describe('ensureElectron', () => {
  it('starts at once when the binary is installed, on any Node, without running the installer', () => {
    const fake = machine({ nodeVersion: '20.20.2' })
    fake.installBinary()
    expect(ensureElectron(fake.environment)).toEqual({ ready: true, binary: BINARY, fetched: false })
    expect(fake.installerRuns).toHaveLength(0)
    expect(fake.said).toEqual([])
  })

  it('fetches a missing binary with Electron’s installer and then starts', () => {
    const fake = machine()
    expect(ensureElectron(fake.environment)).toEqual({ ready: true, binary: BINARY, fetched: true })
    expect(fake.installerRuns).toHaveLength(1)
    expect(fake.said).toEqual([expect.stringContaining('Downloading Electron 45.5.0')])
  })

  it('refuses on a Node older than the installer needs, without trying to download', () => {
    const fake = machine({ nodeVersion: '20.20.2' })
    const [what, remedy] = expectTwoPlainLines(ensureElectron(fake.environment))
    expect(what).toBe(
      'Lectern cannot start: Electron 45.5.0 is not installed yet, and its installer needs Node >= 22.12.0 (this is Node 20.20.2).',
    )
    expect(remedy).toContain('Switch to Node >= 22.12.0')
    expect(remedy).toContain('npm start')
    expect(fake.installerRuns).toHaveLength(0)
  })

  it('says what failed without a network, in two lines and no stack trace', () => {
    const fake = machine({ runInstaller: () => OFFLINE_RUN })
    const [what, remedy] = expectTwoPlainLines(ensureElectron(fake.environment))
    expect(what).toBe(
      'Lectern cannot start: Electron 45.5.0 is not installed yet, and downloading it failed (TypeError: fetch failed).',
    )
    expect(remedy).toBe('Connect to the internet (or set ELECTRON_MIRROR) and run `npm start` again.')
  })

  it('does not trust an installer that succeeds without leaving a binary', () => {
    const fake = machine({ runInstaller: () => ({ status: 0, stderr: '' }) })
    const [what, remedy] = expectTwoPlainLines(ensureElectron(fake.environment))
    expect(what).toContain(`${ELECTRON_DIR}/path.txt still names no binary`)
    expect(remedy).toBe('Delete node_modules/electron, run `npm install`, then `npm start` again.')
  })

  it('asks for npm install when Electron’s package is missing', () => {
    const fake = machine({ electron: null })
    const [what, remedy] = expectTwoPlainLines(ensureElectron(fake.environment))
    expect(what).toContain('node_modules/electron is missing')
    expect(remedy).toBe('Run `npm install`, then `npm start`.')
    expect(fake.installerRuns).toHaveLength(0)
  })

  it('uses ELECTRON_EXEC_PATH as electron-vite does, and names it when it points nowhere', () => {
    const own = '/opt/electron/electron'
    const present = machine({ execPathOverride: own, exists: (path) => path === own, electron: null })
    expect(ensureElectron(present.environment)).toEqual({ ready: true, binary: own, fetched: false })
    expect(present.installerRuns).toHaveLength(0)

    const absent = machine({ execPathOverride: '/nowhere/electron' })
    const [what] = expectTwoPlainLines(ensureElectron(absent.environment))
    expect(what).toContain('ELECTRON_EXEC_PATH names /nowhere/electron, which does not exist')
    expect(absent.installerRuns).toHaveLength(0)
  })
})

describe('firstErrorLine', () => {
  it('keeps the error and drops the frames', () => {
    expect(firstErrorLine(OFFLINE_RUN.stderr)).toBe('TypeError: fetch failed')
    expect(firstErrorLine('\n\n')).toBe('the installer printed no reason')
  })
})

describe('the files electron-vite reads', () => {
  let root = ''
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true })
  })

  function electronPackage(): string {
    root = mkdtempSync(join(tmpdir(), 'lectern-electron-'))
    writeFileSync(join(root, 'package.json'), '{"name":"app"}')
    const dir = join(root, 'node_modules', 'electron')
    mkdirSync(dir, { recursive: true })
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'electron', version: '45.5.0', engines: { node: '>= 22.12.0' } }),
    )
    return dir
  }

  it('finds Electron’s package, its version and the Node its installer needs', () => {
    const dir = electronPackage()
    expect(locateElectron(root)).toEqual({ dir, version: '45.5.0', nodeRange: '>= 22.12.0' })
    expect(locateElectron(tmpdir())).toBeNull()
  })

  it('counts the binary as installed only when path.txt names a file that exists', () => {
    const dir = electronPackage()
    expect(findElectronBinary(dir)).toBeNull()
    writeFileSync(join(dir, 'path.txt'), 'electron')
    expect(findElectronBinary(dir)).toBeNull()
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'electron'), '')
    expect(findElectronBinary(dir)).toBe(join(dir, 'dist', 'electron'))
  })
})
