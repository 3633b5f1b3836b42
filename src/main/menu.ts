import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../common/types'

export type MenuLanguage = 'en' | 'ru'

/** Every label of the menu, in each interface language. */
export const MENU_LABELS = {
  en: {
    about: 'About Lectern',
    services: 'Services',
    hide: 'Hide Lectern',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit',
    quitMac: 'Quit Lectern',
    file: '&File',
    importFiles: 'Import Files…',
    importFolder: 'Import Folder…',
    pasteArticle: 'Paste as Article',
    closeWindow: 'Close Window',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    selectAll: 'Select All',
    view: '&View',
    nightTheme: 'Night Theme',
    language: 'Language',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Reset Zoom',
    fullScreen: 'Toggle Full Screen',
    reload: 'Reload',
    devTools: 'Toggle Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    zoomWindow: 'Zoom',
    bringAllToFront: 'Bring All to Front',
    help: '&Help',
    keyboardShortcuts: 'Keyboard Shortcuts',
  },
  ru: {
    about: 'О программе Lectern',
    services: 'Службы',
    hide: 'Скрыть Lectern',
    hideOthers: 'Скрыть остальные',
    showAll: 'Показать все',
    quit: 'Выход',
    quitMac: 'Завершить Lectern',
    file: '&Файл',
    importFiles: 'Импортировать файлы…',
    importFolder: 'Импортировать папку…',
    pasteArticle: 'Вставить как статью',
    closeWindow: 'Закрыть окно',
    edit: '&Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    pasteAndMatchStyle: 'Вставить без форматирования',
    selectAll: 'Выделить всё',
    view: '&Вид',
    nightTheme: 'Ночная тема',
    language: 'Язык',
    zoomIn: 'Увеличить размер',
    zoomOut: 'Уменьшить размер',
    resetZoom: 'Сбросить размер',
    fullScreen: 'Во весь экран',
    reload: 'Перезагрузить',
    devTools: 'Инструменты разработчика',
    window: 'Окно',
    minimize: 'Свернуть',
    zoomWindow: 'Изменить масштаб окна',
    bringAllToFront: 'Все окна — на передний план',
    help: '&Справка',
    keyboardShortcuts: 'Сочетания клавиш',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>

/** What the menu can ask the shell to do. */
export interface MenuActions {
  importFiles(): void
  importFolder(): void
  /** Forward a command to the window (theme, language, font size, paste). */
  send(command: AppCommand): void
  /** Remember the interface language (the archive's preferences) and tell the window. */
  setLanguage(language: MenuLanguage): void
  showAbout(): void
  toggleDevTools(): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  /** Development build: adds Toggle Developer Tools. */
  isDev: boolean
  /** The interface language the labels are in. */
  language: MenuLanguage
  actions: MenuActions
}

/** The application menu as a plain template (built into a Menu by index.ts, tested in plain Node). */
export function buildMenuTemplate({
  platform,
  isDev,
  language,
  actions,
}: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const t = MENU_LABELS[language]
  const send = (command: AppCommand) => () => actions.send(command)

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Lectern',
          submenu: [
            { label: t.about, click: () => actions.showAbout() },
            { type: 'separator' },
            { role: 'services', label: t.services },
            { type: 'separator' },
            { role: 'hide', label: t.hide },
            { role: 'hideOthers', label: t.hideOthers },
            { role: 'unhide', label: t.showAll },
            { type: 'separator' },
            { role: 'quit', label: t.quitMac },
          ],
        },
      ]
    : []

  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.importFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      { label: t.importFolder, accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
      { label: t.pasteArticle, accelerator: 'CmdOrCtrl+Shift+V', click: send({ kind: 'paste-article' }) },
      { type: 'separator' },
      isMac
        ? { role: 'close', label: t.closeWindow }
        : { role: 'quit', label: t.quit, accelerator: 'CmdOrCtrl+Q' },
    ],
  }

  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'pasteAndMatchStyle', label: t.pasteAndMatchStyle },
      { role: 'selectAll', label: t.selectAll },
    ],
  }

  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { label: t.nightTheme, accelerator: 'CmdOrCtrl+Shift+N', click: send({ kind: 'toggle-theme' }) },
      {
        label: t.language,
        // Each language names itself, whatever the menu's language.
        submenu: [
          {
            label: 'English',
            type: 'radio',
            checked: language === 'en',
            click: () => actions.setLanguage('en'),
          },
          {
            label: 'Русский',
            type: 'radio',
            checked: language === 'ru',
            click: () => actions.setLanguage('ru'),
          },
        ],
      },
      { type: 'separator' },
      // The app's own text size steps (A+ / A-), remembered by the window, not Chromium's page zoom.
      { label: t.zoomIn, accelerator: 'CmdOrCtrl+=', click: send({ kind: 'font-size', step: 1 }) },
      { label: t.zoomOut, accelerator: 'CmdOrCtrl+-', click: send({ kind: 'font-size', step: -1 }) },
      { label: t.resetZoom, accelerator: 'CmdOrCtrl+0', click: send({ kind: 'font-size', step: 0 }) },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
      ...(isDev
        ? ([
            { type: 'separator' },
            { role: 'reload', label: t.reload },
            { label: t.devTools, accelerator: 'F12', click: () => actions.toggleDevTools() },
          ] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  }

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    label: t.window,
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'zoom', label: t.zoomWindow },
      { type: 'separator' },
      { role: 'front', label: t.bringAllToFront },
    ],
  }

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    label: t.help,
    submenu: [
      // No accelerator: the window answers "?" itself, and a menu accelerator would take the key from text fields.
      { label: t.keyboardShortcuts, click: send({ kind: 'show-shortcuts' }) },
      { type: 'separator' },
      { label: t.about, click: () => actions.showAbout() },
    ],
  }

  return [...appMenu, fileMenu, editMenu, viewMenu, ...(isMac ? [windowMenu] : []), helpMenu]
}

/** The menu's language: the one chosen in the archive's preferences, else the system's (ru* -> ru). */
export function menuLanguage(chosen: MenuLanguage | undefined, systemLocale: string): MenuLanguage {
  return chosen ?? (systemLocale.toLowerCase().startsWith('ru') ? 'ru' : 'en')
}

/** The desktop shell's dialogs (import pickers, import failures, About), in each language. */
export const DIALOG_TEXT = {
  en: {
    importFolderTitle: 'Import a folder',
    importFilesTitle: 'Import saved pages',
    savedPages: 'Saved pages',
    allFiles: 'All files',
    importFailed: 'Import failed',
    importTitle: 'Import',
    importSummary: (imported: number, duplicates: number, failed: number) =>
      `${imported} imported, ${duplicates} already in the archive, ${failed} could not be imported.`,
    unknownReason: 'unknown reason',
    more: (count: number) => `…and ${count} more`,
    aboutTitle: 'About Lectern',
    aboutDetail: (archiveDir: string) =>
      `An offline research archive for saved web pages.\n\nArchive: ${archiveDir}`,
  },
  ru: {
    importFolderTitle: 'Импорт папки',
    importFilesTitle: 'Импорт сохранённых страниц',
    savedPages: 'Сохранённые страницы',
    allFiles: 'Все файлы',
    importFailed: 'Импорт не удался',
    importTitle: 'Импорт',
    importSummary: (imported: number, duplicates: number, failed: number) =>
      `Импортировано: ${imported}, уже в архиве: ${duplicates}, не удалось импортировать: ${failed}.`,
    unknownReason: 'причина неизвестна',
    more: (count: number) => `…и ещё ${count}`,
    aboutTitle: 'О программе Lectern',
    aboutDetail: (archiveDir: string) =>
      `Офлайн-архив сохранённых веб-страниц для исследований.\n\nАрхив: ${archiveDir}`,
  },
} as const
