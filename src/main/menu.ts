import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../common/types'

/** What the menu can ask the shell to do. */
export interface MenuActions {
  importFiles(): void
  importFolder(): void
  /** Forward a command to the window (theme, language, font size, paste). */
  send(command: AppCommand): void
  showAbout(): void
  toggleDevTools(): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Development build: adds Toggle Developer Tools. */
  isDev: boolean
  actions: MenuActions
}

/** The application menu as a plain template (built into a Menu by index.ts, tested in plain Node). */
export function buildMenuTemplate({ platform, isDev, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const send = (command: AppCommand) => () => actions.send(command)

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Lectern',
          submenu: [
            { label: 'About Lectern', click: () => actions.showAbout() },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : []

  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
      { label: 'Paste as Article', accelerator: 'CmdOrCtrl+Shift+V', click: send({ kind: 'paste-article' }) },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  }

  const editMenu: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
    ],
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Night Theme', accelerator: 'CmdOrCtrl+Shift+N', click: send({ kind: 'toggle-theme' }) },
      {
        label: 'Language',
        submenu: [
          { label: 'English', click: send({ kind: 'set-language', language: 'en' }) },
          { label: 'Русский', click: send({ kind: 'set-language', language: 'ru' }) },
        ],
      },
      { type: 'separator' },
      // The app's own text size steps (A+ / A-), remembered by the window, not Chromium's page zoom.
      { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: send({ kind: 'font-size', step: 1 }) },
      { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: send({ kind: 'font-size', step: -1 }) },
      { label: 'Reset Zoom', accelerator: 'CmdOrCtrl+0', click: send({ kind: 'font-size', step: 0 }) },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(isDev
        ? ([
            { type: 'separator' },
            { role: 'reload' },
            { label: 'Toggle Developer Tools', accelerator: 'F12', click: () => actions.toggleDevTools() },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  }

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [{ label: 'About Lectern', click: () => actions.showAbout() }],
  }

  return [
    ...appMenu,
    fileMenu,
    editMenu,
    viewMenu,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    helpMenu,
  ]
}
