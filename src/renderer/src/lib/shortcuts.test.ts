import { describe, expect, it } from 'vitest'
import { ariaKeys, keyCaps, SHORTCUTS } from './shortcuts'

describe('keyboard shortcuts', () => {
  it('writes aria-keyshortcuts with the Command key beside Control', () => {
    expect(ariaKeys('search')).toBe('Control+F Meta+F /')
    expect(ariaKeys('toggleSidebar')).toBe('Control+B Meta+B')
    expect(ariaKeys('highlight')).toBe('H')
  })

  it('shows each key of a combination on its own, the plus and minus keys included', () => {
    expect(keyCaps('Control+=', false)).toEqual(['Ctrl', '='])
    expect(keyCaps('Control+-', true)).toEqual(['⌘', '-'])
    expect(keyCaps('Control+0', false)).toEqual(['Ctrl', '0'])
    expect(keyCaps('Escape', false)).toEqual(['Esc'])
    expect(keyCaps('Shift+?', false)).toEqual(['Shift', '?'])
  })

  it('lists every action once', () => {
    const actions = SHORTCUTS.map((shortcut) => shortcut.action)
    expect(new Set(actions).size).toBe(actions.length)
  })
})
