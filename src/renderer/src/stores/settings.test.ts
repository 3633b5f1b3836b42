// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { SETTINGS_STORAGE_KEY, useSettingsStore } from './settings'

function stored(): Record<string, unknown> {
  return JSON.parse(window.localStorage.getItem(SETTINGS_STORAGE_KEY) ?? '{}') as Record<string, unknown>
}

describe('settings store', () => {
  beforeEach(() => {
    window.localStorage.clear()
    setActivePinia(createPinia())
  })

  it('persists theme, language and font size to localStorage', async () => {
    const settings = useSettingsStore()
    settings.setTheme('light')
    settings.setLanguage('en')
    await nextTick()
    settings.toggleTheme()
    settings.setLanguage('ru')
    settings.stepFontSize(1)
    await nextTick()
    expect(stored()).toMatchObject({ theme: 'night', language: 'ru', fontSize: 20 })
  })

  it('restores what was stored on start', () => {
    window.localStorage.setItem(
      SETTINGS_STORAGE_KEY,
      JSON.stringify({ theme: 'night', language: 'ru', fontSize: 24 }),
    )
    const settings = useSettingsStore()
    expect(settings.theme).toBe('night')
    expect(settings.language).toBe('ru')
    expect(settings.fontSize).toBe(24)
  })

  it('ignores stored values that are not valid', () => {
    window.localStorage.setItem(
      SETTINGS_STORAGE_KEY,
      JSON.stringify({ theme: 'neon', language: 'de', fontSize: 99 }),
    )
    const settings = useSettingsStore()
    expect(settings.themeChoice).toBe('system')
    expect(['light', 'night']).toContain(settings.theme)
    expect(['en', 'ru']).toContain(settings.language)
    expect(settings.fontSize).toBe(18)
  })

  it('keeps the font size within its steps and resets with 0', () => {
    const settings = useSettingsStore()
    for (let i = 0; i < 20; i++) settings.stepFontSize(1)
    expect(settings.fontSize).toBe(26)
    expect(settings.canIncreaseFont).toBe(false)
    for (let i = 0; i < 20; i++) settings.stepFontSize(-1)
    expect(settings.fontSize).toBe(14)
    expect(settings.canDecreaseFont).toBe(false)
    settings.stepFontSize(0)
    expect(settings.fontSize).toBe(18)
  })

  it('follows the system theme until a theme is chosen; sepia toggles to night', async () => {
    const settings = useSettingsStore()
    expect(settings.themeChoice).toBe('system')
    settings.setTheme('sepia')
    expect(settings.theme).toBe('sepia')
    settings.toggleTheme()
    expect(settings.theme).toBe('night')
    settings.setReadingFont('sans')
    settings.setLineWidth('wide')
    settings.setLineSpacing('loose')
    await nextTick()
    setActivePinia(createPinia())
    const again = useSettingsStore()
    expect(again).toMatchObject({
      theme: 'night',
      readingFont: 'sans',
      lineWidth: 'wide',
      lineSpacing: 'loose',
    })
  })
})
