import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AppCommand, ImportReport } from '../common/types'
import {
  backupsDir,
  openRecoverableArchive,
  startAutoBackup,
  type RecoverableArchive,
  type StopAutoBackup,
  toErrorShape,
  defaultArchiveDir,
  userDataDir,
  IMPORTABLE_EXTENSIONS,
} from './archive/index'
import { forwardEvents, registerIpc, sendAppCommand } from './ipc'
import { buildMenuTemplate, DIALOG_TEXT, menuLanguage, type MenuLanguage } from './menu'
import {
  DEEP_LINK_SCHEME,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  desktopContentSecurityPolicy,
  findDeepLink,
  isTrustedSenderUrl,
  parseDeepLink,
} from './window-policy'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererFile = join(__dirname, '../renderer/index.html')
const appUrl = devServerUrl ?? pathToFileURL(rendererFile).href

let archive: RecoverableArchive | null = null
let stopAutoBackup: StopAutoBackup | null = null
let mainWindow: BrowserWindow | null = null
/** A command that arrived before the window could take it (a deep link at launch). */
let pendingCommand: AppCommand | null = null
let windowReady = false
/** The interface language the menu and the dialogs are in. */
let shellLanguage: MenuLanguage = 'en'

app.setName('Lectern')
// Chromium's own data lives beside the archive, in the folder the CLI also computes.
app.setPath('userData', userDataDir(process.env, process.platform))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerDeepLinks()
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLink(argv)
    if (link) handleDeepLink(link)
    focusWindow()
  })
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (archive && BrowserWindow.getAllWindows().length === 0) createWindow(archive)
  })
  app.on('will-quit', (event) => {
    if (!archive) return
    // Let the archive finish its current write and close the database, then quit for real.
    event.preventDefault()
    const closing = archive
    const stopBackups = stopAutoBackup ?? (async () => undefined)
    archive = null
    stopAutoBackup = null
    stopBackups()
      .then(() => closing.close())
      .catch((error: unknown) => console.error('lectern: closing the archive failed:', error))
      .finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Lectern could not start', toErrorShape(error).message)
      app.exit(1)
    })
}

async function start(): Promise<void> {
  const dir = defaultArchiveDir(process.env, process.platform)
  try {
    // A damaged archive opens as a stand-in: the window says what happened and offers a backup.
    archive = await openRecoverableArchive({ dir, appVersion: app.getVersion() })
  } catch (error) {
    throw new Error(`The archive at ${dir} could not be opened: ${toErrorShape(error).message}`, {
      cause: error,
    })
  }
  secureSession()
  const openedArchive = archive
  // Rotating copies beside the archive: one a day, the last week kept (backup/auto-backup.ts).
  stopAutoBackup = startAutoBackup(openedArchive, {
    dir: backupsDir(dir),
    keep: 7,
    intervalMs: 24 * 60 * 60 * 1000,
    // A damaged archive is not backed up (the good backups stay): one line says so, without a trace.
    onError: (error) => console.error(`lectern: automatic backup failed: ${toErrorShape(error).message}`),
  })
  registerIpc(ipcMain, openedArchive, (event: IpcMainInvokeEvent) =>
    isTrustedSenderUrl(event.senderFrame?.url, appUrl),
  )
  const preferences = await openedArchive.getPreferences({})
  installMenu(openedArchive, menuLanguage(preferences.language, app.getLocale()))
  // The window (or the menu itself) chose a language: relabel the menu.
  openedArchive.on('preferencesChanged', (changed) => {
    if (changed.language && changed.language !== shellLanguage) installMenu(openedArchive, changed.language)
  })
  const launchLink = findDeepLink(process.argv)
  if (launchLink) handleDeepLink(launchLink)
  createWindow(openedArchive)
}

function installMenu(openedArchive: RecoverableArchive, language: MenuLanguage): void {
  shellLanguage = language
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        isDev: devServerUrl !== undefined,
        language,
        actions: {
          importFiles: () => void importFromDialog(openedArchive, false),
          importFolder: () => void importFromDialog(openedArchive, true),
          send: (command) => sendToWindow(command),
          setLanguage: (chosen) => {
            // Saved here too, so the choice sticks even with no window open (macOS).
            openedArchive
              .setPreferences({ patch: { language: chosen } })
              .catch((error: unknown) => console.error('lectern: saving the language failed:', error))
            sendToWindow({ kind: 'set-language', language: chosen })
          },
          showAbout: () => void showAbout(),
          toggleDevTools: () => mainWindow?.webContents.toggleDevTools(),
        },
      }),
    ),
  )
}

function createWindow(openedArchive: RecoverableArchive): void {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Lectern',
    icon: join(__dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  })
  mainWindow = window
  windowReady = false
  const stopForwarding = forwardEvents(openedArchive, window.webContents)
  window.once('ready-to-show', () => window.show())
  window.webContents.on('did-finish-load', () => {
    windowReady = true
    if (pendingCommand) {
      sendAppCommand(window.webContents, pendingCommand)
      pendingCommand = null
    }
  })
  window.on('closed', () => {
    stopForwarding()
    if (mainWindow === window) mainWindow = null
  })
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(rendererFile)
}

/** Navigation, popups, webviews: the window only ever shows the app; web links go to the browser. */
function lockDown(contents: WebContents): void {
  contents.on('will-frame-navigate', (event) => {
    const decision = decideNavigation(event.url, appUrl, event.isMainFrame)
    if (decision.allow) return
    event.preventDefault()
    if (decision.openExternally) void shell.openExternal(decision.url)
  })
  contents.on('will-redirect', (event) => {
    if (!decideNavigation(event.url, appUrl, event.isMainFrame).allow) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

function secureSession(): void {
  const policy = desktopContentSecurityPolicy(devServerUrl)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame'
    if (!isDocument) return callback({})
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(decidePermission(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => decidePermission(permission))
}

function registerDeepLinks(): void {
  if (process.defaultApp && process.argv[1]) {
    // Started as `electron .` in development: the OS must pass our entry script too.
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])])
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  }
  app.on('open-url', (event, url) => {
    event.preventDefault()
    handleDeepLink(url)
  })
}

function handleDeepLink(url: string): void {
  const command = parseDeepLink(url)
  if (command) sendToWindow(command)
}

function sendToWindow(command: AppCommand): void {
  if (mainWindow && windowReady && !mainWindow.isDestroyed()) {
    sendAppCommand(mainWindow.webContents, command)
    focusWindow()
  } else {
    pendingCommand = command
  }
}

function focusWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

async function importFromDialog(openedArchive: RecoverableArchive, folder: boolean): Promise<void> {
  const window = mainWindow
  const text = DIALOG_TEXT[shellLanguage]
  const options: Electron.OpenDialogOptions = folder
    ? { title: text.importFolderTitle, properties: ['openDirectory', 'multiSelections'] }
    : {
        title: text.importFilesTitle,
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: text.savedPages, extensions: [...IMPORTABLE_EXTENSIONS].map((ext) => ext.slice(1)) },
          { name: text.allFiles, extensions: ['*'] },
        ],
      }
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  if (choice.canceled || choice.filePaths.length === 0) return
  try {
    const report = await openedArchive.importPaths({ paths: choice.filePaths, recursive: folder })
    if (report.failed > 0) await showImportFailures(report)
  } catch (error) {
    dialog.showErrorBox(text.importFailed, toErrorShape(error).message)
  }
}

async function showImportFailures(report: ImportReport): Promise<void> {
  const text = DIALOG_TEXT[shellLanguage]
  const failures = report.items.filter((item) => item.status === 'failed')
  const shown = failures.slice(0, 15).map((item) => `• ${item.file}: ${item.error ?? text.unknownReason}`)
  if (failures.length > shown.length) shown.push(text.more(failures.length - shown.length))
  const options: Electron.MessageBoxOptions = {
    type: 'warning',
    title: text.importTitle,
    message: text.importSummary(report.imported, report.duplicates, report.failed),
    detail: shown.join('\n'),
  }
  if (mainWindow) await dialog.showMessageBox(mainWindow, options)
  else await dialog.showMessageBox(options)
}

async function showAbout(): Promise<void> {
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: DIALOG_TEXT[shellLanguage].aboutTitle,
    message: `Lectern ${app.getVersion()}`,
    detail: DIALOG_TEXT[shellLanguage].aboutDetail(defaultArchiveDir(process.env, process.platform)),
  }
  if (mainWindow) await dialog.showMessageBox(mainWindow, options)
  else await dialog.showMessageBox(options)
}
