import { EventEmitter } from 'node:events'
import Module, { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

/**
 * A recording stand-in for the `electron` module, so the built main process and preload can run in
 * plain Node (the Electron binary cannot be downloaded on every machine that runs the tests). It
 * keeps what the shell asked for (paths, windows, handlers, menus, dialogs) and plays the page's
 * side of IPC: the preload's ipcRenderer reaches the handlers the main process registered, with
 * the page's address as the sender, and every message is structured-cloned as real IPC does.
 */

type Handler = (...args: unknown[]) => unknown

export interface InvokeEvent {
  senderFrame: { url: string } | null
}

export interface WindowOptions {
  webPreferences?: Record<string, unknown>
  [option: string]: unknown
}

export interface MenuItem {
  label?: string
  role?: string
  type?: string
  checked?: boolean
  accelerator?: string
  click?: () => void
  submenu?: MenuItem[]
}

export interface StandInMenu {
  items: MenuItem[]
}

export interface HeadersDetails {
  resourceType: string
  responseHeaders?: Record<string, string[]>
}

type HeadersListener = (
  details: HeadersDetails,
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void

/** What the page holds: the world the preload exposed things into, and the IPC listeners it added. */
class StandInPage {
  readonly world: Record<string, unknown> = {}
  readonly listeners = new EventEmitter()
  /** The address the page's frame reports to the main process (null: the window's own page). */
  frameUrl: string | null = null

  constructor(private readonly electron: ElectronStandIn) {}

  senderUrl(): string | null {
    return this.frameUrl ?? this.electron.windows.at(-1)?.webContents.loadedUrl ?? null
  }
}

export class StandInWebContents extends EventEmitter {
  readonly sent: { channel: string; args: unknown[] }[] = []
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  loadedUrl: string | null = null

  constructor(private readonly page: StandInPage) {
    super()
  }

  send(channel: string, ...args: unknown[]): void {
    const copy = structuredClone(args)
    this.sent.push({ channel, args: copy })
    this.page.listeners.emit(channel, {}, ...copy)
  }

  isDestroyed(): boolean {
    return false
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
}

/** The `electron` module's exports as the shell and the preload use them. */
export class ElectronStandIn {
  readonly paths = new Map<string, string>()
  readonly windows: StandInWindow[] = []
  readonly ipcHandlers = new Map<string, Handler>()
  readonly applicationMenus: StandInMenu[] = []
  readonly openDialogs: Record<string, unknown>[] = []
  readonly messageBoxes: Record<string, unknown>[] = []
  readonly errorBoxes: { title: string; content: string }[] = []
  readonly openedExternally: string[] = []
  readonly protocolClients: string[] = []
  /** The files each Open dialog answers with, in turn (an empty queue cancels). */
  readonly openDialogAnswers: string[][] = []
  headersListener: HeadersListener | null = null
  permissionRequestHandler:
    ((contents: unknown, permission: string, grant: (ok: boolean) => void) => void) | null = null
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null = null
  appName = ''
  quitCalls = 0
  exitCode: number | null = null
  readonly page = new StandInPage(this)

  private readonly windowWaiters: ((window: StandInWindow) => void)[] = []

  constructor(private readonly machine: { locale: string; version: string }) {}

  /** Resolves with the first window, or rejects with the error box the shell showed instead. */
  firstWindow(): Promise<StandInWindow> {
    const existing = this.windows[0]
    if (existing) return Promise.resolve(existing)
    return new Promise((resolve, reject) => {
      this.windowWaiters.push(resolve)
      this.app.once('stand-in:exit', () => {
        const box = this.errorBoxes.at(-1)
        reject(new Error(`the shell exited with ${this.exitCode}: ${box?.title}: ${box?.content}`))
      })
    })
  }

  /** What `require('electron')` returns. */
  moduleExports(): Record<string, unknown> {
    const { page, windows } = this
    const createdWindow = (window: StandInWindow): void => {
      windows.push(window)
      this.app.emit('web-contents-created', {}, window.webContents)
      for (const wake of this.windowWaiters.splice(0)) wake(window)
    }
    class BrowserWindow extends StandInWindow {
      constructor(options: WindowOptions) {
        super(options, page)
        createdWindow(this)
      }
      static getAllWindows(): StandInWindow[] {
        return windows
      }
    }
    return {
      app: this.app,
      BrowserWindow,
      ipcMain: {
        handle: (channel: string, handler: Handler) => {
          if (this.ipcHandlers.has(channel)) throw new Error(`a second handler for ${channel}`)
          this.ipcHandlers.set(channel, handler)
        },
        removeHandler: (channel: string) => this.ipcHandlers.delete(channel),
      },
      Menu: {
        buildFromTemplate: (items: MenuItem[]): StandInMenu => ({ items }),
        setApplicationMenu: (menu: StandInMenu) => this.applicationMenus.push(menu),
      },
      dialog: {
        showOpenDialog: async (...args: unknown[]) => {
          this.openDialogs.push(args.at(-1) as Record<string, unknown>)
          const filePaths = this.openDialogAnswers.shift() ?? []
          return { canceled: filePaths.length === 0, filePaths }
        },
        showMessageBox: async (...args: unknown[]) => {
          this.messageBoxes.push(args.at(-1) as Record<string, unknown>)
          return { response: 0, checkboxChecked: false }
        },
        showErrorBox: (title: string, content: string) => this.errorBoxes.push({ title, content }),
      },
      session: {
        defaultSession: {
          webRequest: {
            onHeadersReceived: (listener: HeadersListener) => {
              this.headersListener = listener
            },
          },
          setPermissionRequestHandler: (handler: ElectronStandIn['permissionRequestHandler']) => {
            this.permissionRequestHandler = handler
          },
          setPermissionCheckHandler: (handler: ElectronStandIn['permissionCheckHandler']) => {
            this.permissionCheckHandler = handler
          },
        },
      },
      shell: {
        openExternal: async (url: string) => {
          this.openedExternally.push(url)
        },
      },
      // The renderer's side, for the preload.
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          page.world[key] = api
        },
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          const handler = this.ipcHandlers.get(channel)
          if (!handler) throw new Error(`No handler registered for '${channel}'`)
          const url = page.senderUrl()
          const event: InvokeEvent = { senderFrame: url === null ? null : { url } }
          return structuredClone(await handler(event, ...structuredClone(args)))
        },
        on: (channel: string, listener: Handler) => page.listeners.on(channel, listener),
        removeListener: (channel: string, listener: Handler) =>
          page.listeners.removeListener(channel, listener),
      },
    }
  }

  readonly app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setName: (name: string) => {
      this.appName = name
    },
    setPath: (name: string, path: string) => {
      this.paths.set(name, path)
    },
    getVersion: () => this.machine.version,
    getLocale: () => this.machine.locale,
    requestSingleInstanceLock: () => true,
    setAsDefaultProtocolClient: (scheme: string) => {
      this.protocolClients.push(scheme)
      return true
    },
    whenReady: () => Promise.resolve(),
    quit: () => {
      this.quitCalls += 1
    },
    exit: (code = 0) => {
      this.exitCode = code
      this.app.emit('stand-in:exit')
    },
  })
}

export class StandInWindow extends EventEmitter {
  readonly webContents: StandInWebContents
  loadedFile: string | null = null
  shown = false

  constructor(
    readonly options: WindowOptions,
    page: StandInPage,
  ) {
    super()
    this.webContents = new StandInWebContents(page)
  }

  async loadFile(path: string): Promise<void> {
    this.loadedFile = path
    this.webContents.loadedUrl = pathToFileURL(path).href
  }

  async loadURL(url: string): Promise<void> {
    this.webContents.loadedUrl = url
  }

  show(): void {
    this.shown = true
  }

  isDestroyed(): boolean {
    return false
  }

  isMinimized(): boolean {
    return false
  }

  restore(): void {}

  focus(): void {}
}

type ResolveFilename = (
  request: string,
  parent: { filename?: string | null } | undefined,
  ...rest: unknown[]
) => string

/**
 * Makes `require('electron')` return the stand-in for as long as it is installed, and records every
 * module each file asks for (a sandboxed preload may only ask for a few).
 */
export function installStandIn(standIn: ElectronStandIn): {
  requestsFrom(file: string): string[]
  uninstall(): void
} {
  const loader = Module as unknown as { _resolveFilename: ResolveFilename }
  const cache = createRequire(import.meta.url).cache
  const original = loader._resolveFilename
  const moduleId = '/electron-stand-in/electron.js'
  const requests: { from: string; request: string }[] = []

  const module = new Module(moduleId)
  module.filename = moduleId
  module.loaded = true
  module.exports = standIn.moduleExports()
  cache[moduleId] = module

  loader._resolveFilename = function (request, parent, ...rest) {
    if (parent?.filename) requests.push({ from: parent.filename, request })
    if (request === 'electron') return moduleId
    return original.call(this, request, parent, ...rest)
  }
  return {
    requestsFrom: (file) => requests.filter(({ from }) => from === file).map(({ request }) => request),
    uninstall: () => {
      loader._resolveFilename = original
      delete cache[moduleId]
    },
  }
}
