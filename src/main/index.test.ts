import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  API_METHODS,
  ENGINE_EVENTS,
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_PREFIX,
  type ArchiveClient,
  type ArchiveEvents,
} from '../common/api'
import { createClient, type ClientTransport } from '../common/client'
import { Archive, userDataDir } from './archive/index'
import { SEED_FIXTURE, fixture } from '../../tests/support/paths'
import {
  MAIN_BUNDLE,
  PRELOAD_BUNDLE,
  RENDERER_PAGE,
  assertBuiltFromCurrentSources,
} from '../../tests/support/built-shell'
import {
  ElectronStandIn,
  installStandIn,
  type MenuItem,
  type StandInMenu,
  type StandInWindow,
} from '../../tests/support/electron-stand-in'

// The desktop shell as it ships: the built main process (out/main/index.js) and preload run in Node
// against a recording stand-in for `electron`, on a real archive on disk. It lives under tests/
// because it needs `npm run build` (which `npm test` runs first); it refuses bundles older than
// the sources rather than test an old shell.

/** What a sandboxed preload's require offers (Electron's process sandboxing guide). */
const SANDBOXED_PRELOAD_MODULES = new Set([
  'electron',
  'events',
  'timers',
  'url',
  'node:events',
  'node:timers',
  'node:url',
])

const HARBOUR_TITLE = 'A new ferry line links the Caspian ports'

const home = mkdtempSync(join(tmpdir(), 'lectern-shell-'))
const ENVIRONMENT_KEYS = ['XDG_CONFIG_HOME', 'HOME', 'APPDATA', 'LECTERN_ARCHIVE', 'ELECTRON_RENDERER_URL']
const savedEnvironment = ENVIRONMENT_KEYS.map((key) => [key, process.env[key]] as const)
let userData = ''
let archiveDir = ''
let seededTitles: string[] = []
let electron: ElectronStandIn
let hook: ReturnType<typeof installStandIn>
let window: StandInWindow
let client: ArchiveClient

const topLabels = (menu: StandInMenu | undefined): (string | undefined)[] =>
  (menu?.items ?? []).map((item) => item.label)

function findItem(items: MenuItem[] | undefined, label: string): MenuItem | undefined {
  for (const item of items ?? []) {
    if (item.label === label) return item
    const inside = findItem(item.submenu, label)
    if (inside) return inside
  }
  return undefined
}

function click(menu: StandInMenu | undefined, label: string): void {
  const item = findItem(menu?.items, label)
  if (!item?.click) throw new Error(`the menu has no item "${label}" to click`)
  item.click()
}

const currentMenu = (): StandInMenu | undefined => electron.applicationMenus.at(-1)

/** The app commands the page has received, in order. */
function appCommandsSeen(): ArchiveEvents['appCommand'][] {
  return window.webContents.sent
    .map(({ args }) => args[0] as { event: string; payload: ArchiveEvents['appCommand'] })
    .filter((message) => message.event === 'appCommand')
    .map((message) => message.payload)
}

beforeAll(async () => {
  assertBuiltFromCurrentSources()
  // Every folder the shell derives from the environment points into the temp folder.
  process.env.XDG_CONFIG_HOME = join(home, 'config')
  process.env.HOME = home
  process.env.APPDATA = join(home, 'AppData')
  delete process.env.LECTERN_ARCHIVE
  delete process.env.ELECTRON_RENDERER_URL
  userData = userDataDir(process.env, process.platform)
  archiveDir = join(userData, 'archive')

  // A real archive with one article, there before the app starts.
  const seeded = await Archive.open({ dir: archiveDir })
  await seeded.importPaths({ paths: [fixture('zanzibar-spice-trade.html')] })
  seededTitles = (await seeded.listArticles({})).items.map((article) => article.title)
  await seeded.close()

  electron = new ElectronStandIn({ locale: 'en-US', version: '0.1.0-shell-test' })
  hook = installStandIn(electron)
  const load = createRequire(import.meta.url)
  load(MAIN_BUNDLE)
  window = await electron.firstWindow()
  // The window loads its page: the preload runs and the page builds its client on what it exposed.
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

describe('the desktop shell, built, on a stand-in for Electron', () => {
  it('opens the archive in the data folder the CLI also uses, and starts its daily backup', async () => {
    expect(electron.appName).toBe('Lectern')
    expect(electron.paths.get('userData')).toBe(userData)
    expect(userData.startsWith(home)).toBe(true)
    expect(seededTitles).toHaveLength(1)
    expect(await client.info({})).toMatchObject({
      path: archiveDir,
      articleCount: 1,
      version: '0.1.0-shell-test',
    })
    const listed = await client.listArticles({})
    expect(listed.items.map((article) => article.title)).toEqual(seededTitles)
    await vi.waitFor(() => expect(readdirSync(join(archiveDir, 'backups'))).toHaveLength(1))
    expect(electron.protocolClients).toEqual(['lectern'])
    expect(electron.errorBoxes).toEqual([])
  })

  it('creates one window with the hardened options, the built preload and the built page', () => {
    expect(electron.windows).toHaveLength(1)
    const preferences = window.options.webPreferences
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: PRELOAD_BUNDLE,
    })
    expect(preferences?.nodeIntegrationInSubFrames).not.toBe(true)
    expect(window.loadedFile).toBe(RENDERER_PAGE)
    expect(window.shown).toBe(false)
    window.emit('ready-to-show')
    expect(window.shown).toBe(true)
  })

  it('keeps the window on the app: links go to the system browser, pages get the CSP, no permission is granted', () => {
    const contents = window.webContents
    const away = { url: 'https://example.org/story', isMainFrame: true, preventDefault: vi.fn() }
    contents.emit('will-frame-navigate', away)
    expect(away.preventDefault).toHaveBeenCalled()
    const reload = { url: `${contents.loadedUrl}#/library`, isMainFrame: true, preventDefault: vi.fn() }
    contents.emit('will-frame-navigate', reload)
    expect(reload.preventDefault).not.toHaveBeenCalled()
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/popup' })).toEqual({ action: 'deny' })
    expect(electron.openedExternally).toEqual(['https://example.org/story', 'https://example.org/popup'])
    const webview = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()

    let headers: Record<string, string[]> | undefined
    electron.headersListener?.({ resourceType: 'mainFrame', responseHeaders: {} }, (response) => {
      headers = response.responseHeaders
    })
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("default-src 'self'")
    expect(electron.permissionCheckHandler?.({}, 'media')).toBe(false)
    const grant = vi.fn()
    electron.permissionRequestHandler?.({}, 'geolocation', grant)
    expect(grant).toHaveBeenCalledWith(false)
  })

  it('binds an IPC handler for every method of the contract and nothing else', () => {
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(
      API_METHODS.map((method) => `${IPC_INVOKE_PREFIX}${method}`).sort(),
    )
  })

  it('has a preload that a sandbox can load and that gives the page the contract’s transport only', () => {
    const requested = hook.requestsFrom(PRELOAD_BUNDLE)
    expect(requested).toContain('electron')
    expect(requested.filter((name) => !SANDBOXED_PRELOAD_MODULES.has(name))).toEqual([])
    expect(Object.keys(electron.page.world)).toEqual(['lectern'])
    expect(Object.keys(electron.page.world.lectern as object).sort()).toEqual(['call', 'subscribe'])
  })

  it('refuses calls from a frame that is not the app’s page', async () => {
    for (const frameUrl of ['https://example.org/', 'about:srcdoc']) {
      electron.page.frameUrl = frameUrl
      await expect(client.info({})).rejects.toMatchObject({ name: 'ApiError', code: 'unauthorized' })
    }
    electron.page.frameUrl = null
    await expect(client.info({})).resolves.toMatchObject({ articleCount: 1 })
  })

  it('forwards every engine event to the window', async () => {
    const seen = new Set<string>()
    const stops = ENGINE_EVENTS.map((name) => client.on(name, () => seen.add(name)))
    const report = await client.importPaths({ paths: [SEED_FIXTURE] })
    expect(report).toMatchObject({ imported: 1, failed: 0 })
    await client.setPreferences({ patch: { theme: 'night' } })
    await vi.waitFor(() => expect([...seen].sort()).toEqual([...ENGINE_EVENTS].sort()))
    for (const stop of stops) stop()
    expect(new Set(window.webContents.sent.map(({ channel }) => channel))).toEqual(
      new Set([IPC_EVENT_CHANNEL]),
    )
  })

  it('builds the menu in the system’s language and in Russian when the window switches to it', async () => {
    expect(topLabels(currentMenu())).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Help']))
    expect(findItem(currentMenu()?.items, 'Import Files…')).toMatchObject({ accelerator: 'CmdOrCtrl+O' })

    await client.setPreferences({ patch: { language: 'ru' } })
    await vi.waitFor(() => expect(topLabels(currentMenu())).toContain('&Файл'))
    expect(topLabels(currentMenu())).toEqual(expect.arrayContaining(['&Файл', '&Правка', '&Вид', '&Справка']))
    expect(topLabels(currentMenu())).not.toContain('&File')
    expect(findItem(currentMenu()?.items, 'Импортировать файлы…')).toMatchObject({
      accelerator: 'CmdOrCtrl+O',
    })
    expect(findItem(currentMenu()?.items, 'Русский')).toMatchObject({ checked: true })

    // Choosing English in the Russian menu saves it, relabels the menu and tells the window.
    click(currentMenu(), 'English')
    await vi.waitFor(() => expect(topLabels(currentMenu())).toContain('&File'))
    expect(appCommandsSeen()).toContainEqual({ kind: 'set-language', language: 'en' })
    expect(await client.getPreferences({})).toMatchObject({ language: 'en', theme: 'night' })
  })

  it('imports the files chosen in File > Import Files…, and lists the ones that failed', async () => {
    const page = join(home, 'harbour.html')
    writeFileSync(
      page,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${HARBOUR_TITLE}</title></head><body><article><h1>${HARBOUR_TITLE}</h1><p>The new ferry line connects two Caspian ports and cuts the crossing time for freight by almost a day.</p><p>Shipping companies expect the route to carry grain, steel and containers bound for Central Asian markets.</p></article></body></html>`,
    )
    const brokenPdf = join(home, 'broken.pdf')
    writeFileSync(brokenPdf, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nand then the file stops')
    electron.openDialogAnswers.push([page, brokenPdf])
    click(currentMenu(), 'Import Files…')
    await vi.waitFor(() => expect(electron.messageBoxes).toHaveLength(1), { timeout: 20_000 })
    expect(electron.openDialogs.at(-1)).toMatchObject({
      title: 'Import saved pages',
      properties: ['openFile', 'multiSelections'],
    })
    const [savedPages] = electron.openDialogs.at(-1)?.filters as { extensions: string[] }[]
    expect(savedPages?.extensions).toEqual(expect.arrayContaining(['html', 'mhtml', 'txt', 'pdf']))
    const box = electron.messageBoxes[0]
    expect(box).toMatchObject({ type: 'warning', title: 'Import' })
    expect(String(box?.message)).toMatch(/could not be imported/)
    expect(String(box?.detail)).toContain('broken.pdf')
    expect(String(box?.detail)).not.toContain('harbour.html')
    const titles = (await client.listArticles({})).items.map((article) => article.title)
    expect(titles).toContain(HARBOUR_TITLE)
  })

  it('opens an article from a lectern:// link given to a second instance', () => {
    electron.app.emit('second-instance', {}, ['/usr/bin/lectern', 'lectern://article/1'])
    expect(appCommandsSeen().at(-1)).toEqual({ kind: 'open-article', id: 1 })
  })

  it('closes the archive when the app quits, with everything stored on disk', async () => {
    const willQuit = { preventDefault: vi.fn() }
    electron.app.emit('will-quit', willQuit)
    expect(willQuit.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(electron.quitCalls).toBe(1))
    const again = { preventDefault: vi.fn() }
    electron.app.emit('will-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()

    const reopened = await Archive.open({ dir: archiveDir })
    try {
      const titles = (await reopened.listArticles({})).items.map((article) => article.title)
      expect(titles).toHaveLength(3)
      expect(titles).toEqual(expect.arrayContaining(seededTitles))
    } finally {
      await reopened.close()
    }
  })
})
