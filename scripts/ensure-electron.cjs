#!/usr/bin/env node
// @ts-check
// `npm start` runs this first (prestart). Electron 45 no longer downloads its binary on install, and
// electron-vite only reads node_modules/electron/path.txt, so a fresh clone has no binary to start.
// This fetches it with Electron's own installer, or says in two plain lines what is missing.
'use strict'
const { spawnSync } = require('node:child_process')
const { existsSync, readFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname, join } = require('node:path')

/**
 * @typedef {object} ElectronPackage
 * @property {string} dir       node_modules/electron
 * @property {string} version   the version package.json pins
 * @property {string} nodeRange the Node versions its installer needs (its engines field)
 */

/**
 * @typedef {object} InstallerRun
 * @property {number | null} status exit code (null when it could not be started or was killed)
 * @property {string} stderr        what it printed on stderr (a stack trace when it fails)
 */

/**
 * What the decision needs from the machine; the tests hand in their own.
 * @typedef {object} StartEnvironment
 * @property {ElectronPackage | null} electron   null when `npm install` has not run
 * @property {string | undefined} execPathOverride ELECTRON_EXEC_PATH, which electron-vite prefers to path.txt
 * @property {string} nodeVersion
 * @property {(version: string, range: string) => boolean} nodeSatisfies
 * @property {(path: string) => boolean} exists
 * @property {() => string | null} findBinary    the binary path.txt names, when both exist
 * @property {() => InstallerRun} runInstaller
 * @property {(line: string) => void} say        progress for the person waiting
 */

/** @typedef {{ ready: true, binary: string, fetched: boolean } | { ready: false, lines: [string, string] }} StartOutcome */

/**
 * Decides whether the app can start, fetching Electron's binary when it is missing and can be fetched.
 * @param {StartEnvironment} environment
 * @returns {StartOutcome}
 */
function ensureElectron(environment) {
  const { electron, execPathOverride } = environment
  if (execPathOverride) {
    if (environment.exists(execPathOverride)) return { ready: true, binary: execPathOverride, fetched: false }
    return cannotStart(
      `ELECTRON_EXEC_PATH names ${execPathOverride}, which does not exist.`,
      'Point it at an Electron binary, or unset it so that `npm start` fetches Electron itself.',
    )
  }
  if (!electron) {
    return cannotStart(
      'its dependencies are not installed (node_modules/electron is missing).',
      'Run `npm install`, then `npm start`.',
    )
  }
  const installed = environment.findBinary()
  if (installed) return { ready: true, binary: installed, fetched: false }

  const missing = `Electron ${electron.version} is not installed yet`
  if (!environment.nodeSatisfies(environment.nodeVersion, electron.nodeRange)) {
    return cannotStart(
      `${missing}, and its installer needs Node ${electron.nodeRange} (this is Node ${environment.nodeVersion}).`,
      `Switch to Node ${electron.nodeRange} and run \`npm start\` again with a network connection: it downloads Electron once.`,
    )
  }
  environment.say(`Downloading Electron ${electron.version} (once; later starts use it)…`)
  const run = environment.runInstaller()
  if (run.status !== 0) {
    return cannotStart(
      `${missing}, and downloading it failed (${firstErrorLine(run.stderr)}).`,
      'Connect to the internet (or set ELECTRON_MIRROR) and run `npm start` again.',
    )
  }
  const fetched = environment.findBinary()
  if (fetched) return { ready: true, binary: fetched, fetched: true }
  return cannotStart(
    `Electron's installer finished, but ${join(electron.dir, 'path.txt')} still names no binary.`,
    'Delete node_modules/electron, run `npm install`, then `npm start` again.',
  )
}

/**
 * @param {string} what
 * @param {string} remedy
 * @returns {StartOutcome}
 */
function cannotStart(what, remedy) {
  return { ready: false, lines: [`Lectern cannot start: ${what}`, remedy] }
}

/**
 * The error's own line from an installer's stack trace, without the frames.
 * @param {string} stderr
 */
function firstErrorLine(stderr) {
  const line = stderr
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('at '))
  return line ?? 'the installer printed no reason'
}

/**
 * Electron's package as npm installed it, or null when it is not installed.
 * @param {string} fromDir where to resolve `electron` from
 * @returns {ElectronPackage | null}
 */
function locateElectron(fromDir) {
  let manifestPath
  try {
    manifestPath = createRequire(join(fromDir, 'package.json')).resolve('electron/package.json')
  } catch {
    return null
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  return { dir: dirname(manifestPath), version: manifest.version, nodeRange: manifest.engines?.node ?? '*' }
}

/**
 * The binary electron-vite will start: the file path.txt names under dist/, when both exist.
 * @param {string} electronDir
 * @returns {string | null}
 */
function findElectronBinary(electronDir) {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  if (relative === '') return null
  const binary = join(electronDir, 'dist', relative)
  return existsSync(binary) ? binary : null
}

/**
 * @param {string} repoRoot
 * @returns {StartEnvironment}
 */
function machineEnvironment(repoRoot) {
  const electron = locateElectron(repoRoot)
  return {
    electron,
    execPathOverride: process.env.ELECTRON_EXEC_PATH || undefined,
    nodeVersion: process.versions.node,
    nodeSatisfies: (version, range) => {
      /** @type {{ satisfies(version: string, range: string): boolean }} */
      const semver = createRequire(join(repoRoot, 'package.json'))('semver')
      return semver.satisfies(version, range)
    },
    exists: existsSync,
    findBinary: () => (electron ? findElectronBinary(electron.dir) : null),
    runInstaller: () => {
      if (!electron) return { status: null, stderr: 'Electron is not installed' }
      // stderr is kept: on failure the installer prints a stack trace, which we boil down to one line.
      const run = spawnSync(process.execPath, [join(electron.dir, 'install.js')], {
        cwd: repoRoot,
        stdio: ['ignore', 'inherit', 'pipe'],
        encoding: 'utf8',
      })
      return { status: run.status, stderr: run.error ? String(run.error) : run.stderr }
    },
    say: (line) => process.stdout.write(`${line}\n`),
  }
}

function main() {
  const repoRoot = dirname(__dirname)
  let outcome
  try {
    outcome = ensureElectron(machineEnvironment(repoRoot))
  } catch (error) {
    // A module-not-found message goes on with its require stack; the first line says it all.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    outcome = cannotStart(`checking for Electron failed (${reason}).`, 'Run `npm install`, then `npm start`.')
  }
  if (outcome.ready) return
  for (const line of outcome.lines) process.stderr.write(`${line}\n`)
  process.exitCode = 1
}

module.exports = { ensureElectron, firstErrorLine, locateElectron, findElectronBinary }

if (require.main === module) main()
