import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  buildMenuTemplate,
  DIALOG_TEXT,
  MENU_LABELS,
  menuLanguage,
  type MenuActions,
  type MenuLanguage,
} from './menu'

function actions(): MenuActions {
  return {
    importFiles: vi.fn(),
    importFolder: vi.fn(),
    send: vi.fn(),
    setLanguage: vi.fn(),
    showAbout: vi.fn(),
    toggleDevTools: vi.fn(),
  }
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item
    if (Array.isArray(item.submenu)) {
      const inner = find(item.submenu, label)
      if (inner) return inner
    }
  }
  return undefined
}

/** Every item of the template, submenus included. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

function click(item: MenuItemConstructorOptions | undefined): void {
  expect(item, 'menu item').toBeDefined()
  ;(item?.click as (() => void) | undefined)?.()
}

const PLATFORMS: NodeJS.Platform[] = ['linux', 'win32', 'darwin']
const LANGUAGES: MenuLanguage[] = ['en', 'ru']

describe('application menu', () => {
  it('has File, Edit, View and Help menus', () => {
    const labels = buildMenuTemplate({
      platform: 'linux',
      isDev: false,
      language: 'en',
      actions: actions(),
    }).map((item) => item.label)
    expect(labels).toEqual(['&File', '&Edit', '&View', '&Help'])
  })

  it('is in Russian when the interface is', () => {
    const template = buildMenuTemplate({
      platform: 'linux',
      isDev: false,
      language: 'ru',
      actions: actions(),
    })
    expect(template.map((item) => item.label)).toEqual(['&Файл', '&Правка', '&Вид', '&Справка'])
    for (const label of [
      'Импортировать файлы…',
      'Импортировать папку…',
      'Вставить как статью',
      'Выход',
      'Отменить',
      'Повторить',
      'Вырезать',
      'Копировать',
      'Вставить',
      'Выделить всё',
      'Ночная тема',
      'Язык',
      'Увеличить размер',
      'Уменьшить размер',
      'Сбросить размер',
      'Во весь экран',
      'Сочетания клавиш',
      'О программе Lectern',
    ]) {
      expect(find(template, label), label).toBeDefined()
    }
    expect(find(template, 'Выход')?.role).toBe('quit')
    expect(find(template, 'Import Files…')).toBeUndefined()
  })

  it.each(PLATFORMS.flatMap((platform) => LANGUAGES.map((language) => [platform, language] as const)))(
    'labels every item on %s in %s, from its own dictionary',
    (platform, language) => {
      const items = flatten(buildMenuTemplate({ platform, isDev: true, language, actions: actions() }))
      const ownLabels = new Set<string>(Object.values(MENU_LABELS[language]))
      const otherLabels = new Set<string>(Object.values(MENU_LABELS[language === 'en' ? 'ru' : 'en']))
      // Labels both dictionaries share (the app's name) and the self-named languages are neutral.
      const neutral = new Set(['Lectern', 'English', 'Русский'])
      for (const item of items.filter((entry) => entry.type !== 'separator')) {
        expect(item.label, `an item with role ${item.role ?? '(none)'}`).toBeTruthy()
        const label = item.label ?? ''
        if (neutral.has(label)) continue
        expect(ownLabels.has(label), `${label} is in the ${language} dictionary`).toBe(true)
        expect(otherLabels.has(label), `${label} is not from the other language`).toBe(false)
      }
    },
  )

  it('has every label in both languages', () => {
    expect(Object.keys(MENU_LABELS.ru).sort()).toEqual(Object.keys(MENU_LABELS.en).sort())
    for (const key of Object.keys(MENU_LABELS.en) as (keyof typeof MENU_LABELS.en)[]) {
      expect(MENU_LABELS.ru[key], key).not.toBe(MENU_LABELS.en[key])
    }
  })

  it('wires File actions', () => {
    const a = actions()
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, language: 'en', actions: a })
    click(find(template, 'Import Files…'))
    click(find(template, 'Import Folder…'))
    click(find(template, 'Paste as Article'))
    expect(a.importFiles).toHaveBeenCalledOnce()
    expect(a.importFolder).toHaveBeenCalledOnce()
    expect(a.send).toHaveBeenCalledWith({ kind: 'paste-article' })
    expect(find(template, 'Quit')?.role).toBe('quit')
  })

  it('sends view commands to the window', () => {
    const a = actions()
    const template = buildMenuTemplate({ platform: 'win32', isDev: false, language: 'en', actions: a })
    click(find(template, 'Night Theme'))
    click(find(template, 'Zoom In'))
    click(find(template, 'Zoom Out'))
    click(find(template, 'Reset Zoom'))
    expect(vi.mocked(a.send).mock.calls.map(([command]) => command)).toEqual([
      { kind: 'toggle-theme' },
      { kind: 'font-size', step: 1 },
      { kind: 'font-size', step: -1 },
      { kind: 'font-size', step: 0 },
    ])
  })

  it('opens the keyboard shortcuts sheet from Help, in either language', () => {
    for (const language of LANGUAGES) {
      const a = actions()
      const template = buildMenuTemplate({ platform: 'linux', isDev: false, language, actions: a })
      const help = template.at(-1)
      expect(help?.role).toBe('help')
      const item = find(
        Array.isArray(help?.submenu) ? help.submenu : [],
        MENU_LABELS[language].keyboardShortcuts,
      )
      click(item)
      expect(item?.accelerator).toBeUndefined()
      expect(a.send).toHaveBeenCalledWith({ kind: 'show-shortcuts' })
    }
  })

  it('chooses the language through its own action and marks the current one', () => {
    const a = actions()
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, language: 'ru', actions: a })
    expect(find(template, 'Русский')).toMatchObject({ type: 'radio', checked: true })
    expect(find(template, 'English')).toMatchObject({ type: 'radio', checked: false })
    click(find(template, 'English'))
    click(find(template, 'Русский'))
    expect(vi.mocked(a.setLanguage).mock.calls).toEqual([['en'], ['ru']])
  })

  it('offers developer tools only in development', () => {
    expect(
      find(
        buildMenuTemplate({ platform: 'linux', isDev: false, language: 'en', actions: actions() }),
        'Toggle Developer Tools',
      ),
    ).toBeUndefined()
    const a = actions()
    click(
      find(
        buildMenuTemplate({ platform: 'linux', isDev: true, language: 'en', actions: a }),
        'Toggle Developer Tools',
      ),
    )
    expect(a.toggleDevTools).toHaveBeenCalledOnce()
  })

  it('follows macOS conventions there', () => {
    const a = actions()
    const template = buildMenuTemplate({ platform: 'darwin', isDev: false, language: 'ru', actions: a })
    expect(template[0]?.label).toBe('Lectern')
    expect(find(template, 'Окно')?.role).toBe('windowMenu')
    expect(find(template, 'Завершить Lectern')?.role).toBe('quit')
    click(find(template, 'О программе Lectern'))
    expect(a.showAbout).toHaveBeenCalled()
  })
})

describe('menuLanguage', () => {
  it('takes the chosen language over the system locale', () => {
    expect(menuLanguage('en', 'ru-RU')).toBe('en')
    expect(menuLanguage('ru', 'en-US')).toBe('ru')
  })

  it('follows the system locale when nothing was chosen', () => {
    expect(menuLanguage(undefined, 'ru-RU')).toBe('ru')
    expect(menuLanguage(undefined, 'ru')).toBe('ru')
    expect(menuLanguage(undefined, 'en-GB')).toBe('en')
    expect(menuLanguage(undefined, 'de')).toBe('en')
    expect(menuLanguage(undefined, '')).toBe('en')
  })
})

describe('dialog texts', () => {
  it('exist in both languages', () => {
    expect(Object.keys(DIALOG_TEXT.ru).sort()).toEqual(Object.keys(DIALOG_TEXT.en).sort())
    expect(DIALOG_TEXT.ru.aboutTitle).toBe(MENU_LABELS.ru.about)
    expect(DIALOG_TEXT.en.aboutTitle).toBe(MENU_LABELS.en.about)
  })

  it('fill in the counts and the folder', () => {
    expect(DIALOG_TEXT.ru.importSummary(3, 1, 2)).toBe(
      'Импортировано: 3, уже в архиве: 1, не удалось импортировать: 2.',
    )
    expect(DIALOG_TEXT.en.importSummary(3, 1, 2)).toBe(
      '3 imported, 1 already in the archive, 2 could not be imported.',
    )
    expect(DIALOG_TEXT.ru.more(5)).toBe('…и ещё 5')
    expect(DIALOG_TEXT.ru.aboutDetail('/home/r/.config/Lectern/archive')).toContain(
      'Архив: /home/r/.config/Lectern/archive',
    )
  })
})
