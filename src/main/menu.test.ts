import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuActions } from './menu'

function actions(): MenuActions {
  return {
    importFiles: vi.fn(),
    importFolder: vi.fn(),
    send: vi.fn(),
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

function click(item: MenuItemConstructorOptions | undefined): void {
  expect(item, 'menu item').toBeDefined()
  ;(item?.click as (() => void) | undefined)?.()
}

describe('application menu', () => {
  it('has File, Edit, View and Help menus', () => {
    const labels = buildMenuTemplate({ platform: 'linux', isDev: false, actions: actions() }).map(
      (item) => item.label,
    )
    expect(labels).toEqual(['&File', '&Edit', '&View', '&Help'])
  })

  it('wires File actions', () => {
    const a = actions()
    const template = buildMenuTemplate({ platform: 'linux', isDev: false, actions: a })
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
    const template = buildMenuTemplate({ platform: 'win32', isDev: false, actions: a })
    click(find(template, 'Night Theme'))
    click(find(template, 'Русский'))
    click(find(template, 'English'))
    click(find(template, 'Zoom In'))
    click(find(template, 'Zoom Out'))
    click(find(template, 'Reset Zoom'))
    expect(vi.mocked(a.send).mock.calls.map(([command]) => command)).toEqual([
      { kind: 'toggle-theme' },
      { kind: 'set-language', language: 'ru' },
      { kind: 'set-language', language: 'en' },
      { kind: 'font-size', step: 1 },
      { kind: 'font-size', step: -1 },
      { kind: 'font-size', step: 0 },
    ])
  })

  it('offers developer tools only in development', () => {
    expect(
      find(
        buildMenuTemplate({ platform: 'linux', isDev: false, actions: actions() }),
        'Toggle Developer Tools',
      ),
    ).toBeUndefined()
    const a = actions()
    click(find(buildMenuTemplate({ platform: 'linux', isDev: true, actions: a }), 'Toggle Developer Tools'))
    expect(a.toggleDevTools).toHaveBeenCalledOnce()
  })

  it('follows macOS conventions there', () => {
    const a = actions()
    const template = buildMenuTemplate({ platform: 'darwin', isDev: false, actions: a })
    expect(template[0]?.label).toBe('Lectern')
    click(find(template, 'About Lectern'))
    expect(a.showAbout).toHaveBeenCalled()
  })
})
