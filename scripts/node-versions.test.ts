import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../tests/support/paths'

// The Node versions package.json promises (engines) against what every installed dependency asks for.
// npm only warns about a mismatch, so nothing else would notice a dependency raising its floor.

const semver = createRequire(import.meta.url)('semver') as {
  subset(range: string, superset: string): boolean
}

interface Manifest {
  name?: string
  engines?: { node?: string }
}

const readManifest = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest
const ourRange = readManifest(join(REPO_ROOT, 'package.json')).engines?.node ?? ''

/**
 * Installed packages (by their place in the lock file) that ask for a newer Node than engines does,
 * and why that does not hold the project back. A dependency added here needs a reason as good.
 */
const ASKS_FOR_MORE: Record<string, string> = {
  'node_modules/electron':
    'fetched and run only by `npm start` (whose prestart checks this very range) and `npm run package`',
  'node_modules/@electron/get': 'Electron’s downloader, run by its installer (see electron)',
  'node_modules/@electron-internal/extract-zip':
    'unpacks the download for Electron’s installer (see electron)',
  'node_modules/@electron/rebuild': 'electron-builder’s native-module rebuild: `npm run package` only',
  'node_modules/@electron/rebuild/node_modules/node-abi': 'used by @electron/rebuild only',
  'node_modules/vue-i18n':
    'a browser library that Vite bundles into the window; Node runs it only in the renderer’s unit tests, which pass on Node 20',
  'node_modules/@intlify/core-base': 'part of vue-i18n',
  'node_modules/@intlify/devtools-types': 'part of vue-i18n',
  'node_modules/@intlify/message-compiler': 'part of vue-i18n',
  'node_modules/@intlify/shared': 'part of vue-i18n',
  'node_modules/js-beautify/node_modules/nopt':
    'read only by js-beautify’s command-line tool, which nothing runs (@vue/test-utils uses its library)',
  'node_modules/js-beautify/node_modules/abbrev': 'used by nopt only (see nopt)',
}

/** Every installed package that states the Node versions it needs. */
function installedNodeRanges(): { place: string; range: string }[] {
  const lock = readManifest(join(REPO_ROOT, 'package-lock.json')) as { packages?: Record<string, unknown> }
  const ranges: { place: string; range: string }[] = []
  for (const place of Object.keys(lock.packages ?? {})) {
    const manifestPath = join(REPO_ROOT, place, 'package.json')
    // The root, and optional packages for other platforms, which npm did not install here.
    if (place === '' || !existsSync(manifestPath)) continue
    const range = readManifest(manifestPath).engines?.node
    if (typeof range === 'string') ranges.push({ place, range })
  }
  return ranges
}

describe('the Node versions', () => {
  const ranges = installedNodeRanges()

  it('engines promises only versions that every dependency accepts, apart from the ones explained', () => {
    expect(ranges.length).toBeGreaterThan(100)
    const refusing = ranges
      .filter(({ place, range }) => !(place in ASKS_FOR_MORE) && !semver.subset(ourRange, range))
      .map(({ place, range }) => `${place} asks for Node ${range}`)
    expect(refusing, `package.json engines is ${ourRange}`).toEqual([])
  })

  it('each explained exception still asks for more (a list that has gone stale is cleaned up)', () => {
    const byPlace = new Map(ranges.map(({ place, range }) => [place, range]))
    for (const place of Object.keys(ASKS_FOR_MORE)) {
      const range = byPlace.get(place)
      expect(range, `${place} is no longer installed`).toBeDefined()
      expect(semver.subset(ourRange, range ?? ''), `${place} accepts ${ourRange} now`).toBe(false)
    }
  })

  it('the README states the engines range and the Node that `npm start` needs to fetch Electron', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
    const electronRange = readManifest(join(REPO_ROOT, 'node_modules', 'electron', 'package.json')).engines
      ?.node
    expect(readme).toContain(`Node \`${ourRange}\``)
    expect(readme).toContain(`Node \`${electronRange}\``)
  })
})
