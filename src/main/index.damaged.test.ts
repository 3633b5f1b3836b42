import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { type ArchiveClient } from '../common/api'
import { createClient, type ClientTransport } from '../common/client'
import { Archive, userDataDir } from './archive/index'
import { garbleHeader } from '../../tests/support/damage'
import { fixture } from '../../tests/support/paths'
import { MAIN_BUNDLE, PRELOAD_BUNDLE, assertBuiltFromCurrentSources } from '../../tests/support/built-shell'
import { ElectronStandIn, installStandIn } from '../../tests/support/electron-stand-in'

// The built desktop shell (as in desktop-shell.test.ts) started on an archive whose file is damaged:
// it must still start, serve the window, and come back after a restore.

const home = mkdtempSync(join(tmpdir(), 'lectern-shell-damaged-'))
const ENVIRONMENT_KEYS = ['XDG_CONFIG_HOME', 'HOME', 'APPDATA', 'LECTERN_ARCHIVE', 'ELECTRON_RENDERER_URL']
const savedEnvironment = ENVIRONMENT_KEYS.map((key) => [key, process.env[key]] as const)
let archiveDir = ''
let damagedBytes: Buffer
let electron: ElectronStandIn
let hook: ReturnType<typeof installStandIn>
let client: ArchiveClient

beforeAll(async () => {
  assertBuiltFromCurrentSources()
  process.env.XDG_CONFIG_HOME = join(home, 'config')
  process.env.HOME = home
  process.env.APPDATA = join(home, 'AppData')
  delete process.env.LECTERN_ARCHIVE
  delete process.env.ELECTRON_RENDERER_URL
  archiveDir = join(userDataDir(process.env, process.platform), 'archive')

  // One article and yesterday's backup of it; then the archive file's header is written over.
  const seeded = await Archive.open({ dir: archiveDir })
  await seeded.importPaths({ paths: [fixture('zanzibar-spice-trade.html')] })
  mkdirSync(join(archiveDir, 'backups'))
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().replace(/:/g, '-')
  await seeded.backupArchive({ file: join(archiveDir, 'backups', `lectern-${yesterday}.sqlite`) })
  await seeded.close()
  await garbleHeader(join(archiveDir, 'lectern.sqlite'))
  damagedBytes = readFileSync(join(archiveDir, 'lectern.sqlite'))

  electron = new ElectronStandIn({ locale: 'en-US', version: '0.1.0-shell-test' })
  hook = installStandIn(electron)
  const load = createRequire(import.meta.url)
  load(MAIN_BUNDLE)
  const window = await electron.firstWindow()
  load(PRELOAD_BUNDLE)
  client = createClient(electron.page.world.lectern as ClientTransport)
  window.webContents.emit('did-finish-load')
})

afterAll(async () => {
  if (electron?.quitCalls === 0) {
    electron.app.emit('will-quit', { preventDefault: () => undefined })
    await vi.waitFor(() => expect(electron.quitCalls).toBe(1))
  }
  hook?.uninstall()
  for (const [key, value] of savedEnvironment) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  rmSync(home, { recursive: true, force: true })
})

it('starts on a damaged archive, tells the window, and opens the restored backup without a restart', async () => {
  expect(electron.errorBoxes).toEqual([])
  expect(electron.windows).toHaveLength(1)
  expect((await client.info({})).damaged).toMatchObject({
    cause: 'not-a-database',
    backup: { articleCount: 1 },
  })
  await expect(client.listArticles({})).rejects.toMatchObject({ code: 'damaged' })

  const restored = await client.restoreLatestBackup({})
  expect(readFileSync(restored.previousCopy as string).equals(damagedBytes)).toBe(true)
  expect((await client.listArticles({})).total).toBe(1)
  expect(await client.info({})).not.toHaveProperty('damaged')
  expect(readdirSync(archiveDir).filter((name) => name.startsWith('lectern.sqlite.damaged-'))).toHaveLength(1)

  const willQuit = { preventDefault: vi.fn() }
  electron.app.emit('will-quit', willQuit)
  expect(willQuit.preventDefault).toHaveBeenCalled()
  await vi.waitFor(() => expect(electron.quitCalls).toBe(1))
})
