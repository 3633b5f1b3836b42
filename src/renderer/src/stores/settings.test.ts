// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import type { InterfacePreferences } from '../../../common/types'
import {
  LEGACY_CITE_STYLE_KEY,
  SETTINGS_STORAGE_KEY,
  UNSYNCED_STORAGE_KEY,
  useSettingsStore,
  type PreferencesClient,
} from './settings'

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

/** An archive's preferences in memory, the way the engine merges patches. */
function fakeArchive(initial: InterfacePreferences = {}): PreferencesClient & {
  stored: InterfacePreferences
  patches: InterfacePreferences[]
  failing: boolean
  announce(preferences: InterfacePreferences): void
} {
  const followers = new Set<(preferences: InterfacePreferences) => void>()
  const archive = {
    stored: { ...initial },
    patches: [] as InterfacePreferences[],
    failing: false,
    on: vi.fn((_event: 'preferencesChanged', listener: (preferences: InterfacePreferences) => void) => {
      followers.add(listener)
      return () => followers.delete(listener)
    }) as unknown as PreferencesClient['on'],
    /** What the archive's preferencesChanged event does when another window saves. */
    announce(preferences: InterfacePreferences): void {
      archive.stored = { ...preferences }
      for (const follower of followers) follower(preferences)
    },
    getPreferences: vi.fn(async () => ({ ...archive.stored })),
    setPreferences: vi.fn(async ({ patch }: { patch: InterfacePreferences }) => {
      if (archive.failing) throw new Error('archive unreachable')
      archive.patches.push(patch)
      archive.stored = { ...archive.stored, ...patch }
      return { ...archive.stored }
    }),
  }
  return archive
}

/** Lets pending promise callbacks (fake archive answers) run. */
const settle = () => new Promise((done) => setTimeout(done, 0))

describe('settings and the archive', () => {
  beforeEach(() => {
    window.localStorage.clear()
    setActivePinia(createPinia())
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it("takes the archive's values over this browser's and remembers them here", async () => {
    window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ theme: 'light', language: 'en' }))
    const archive = fakeArchive({ theme: 'night', language: 'ru', fontSize: 22, lineWidth: 'narrow' })
    const settings = useSettingsStore()
    expect(settings.language).toBe('en')
    await settings.syncWithArchive(archive)
    expect(settings).toMatchObject({ theme: 'night', language: 'ru', fontSize: 22, lineWidth: 'narrow' })
    await nextTick()
    expect(stored()).toMatchObject({ theme: 'night', language: 'ru', fontSize: 22 })
    // Taking the archive's values is not a change to send back.
    await settle()
    expect(archive.setPreferences).not.toHaveBeenCalled()
  })

  it('cites in GOST and Russian for a Russian interface and APA in English otherwise, until a style is chosen', async () => {
    const archive = fakeArchive({ language: 'ru' })
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    expect([settings.citeStyle, settings.citeLocale]).toEqual(['gost-r-7.0.100-2018', 'ru-RU'])
    settings.setLanguage('en')
    expect([settings.citeStyle, settings.citeLocale]).toEqual(['apa', 'en-US'])
    settings.setCiteStyle('chicago-author-date')
    settings.setCiteLocale('ru-RU')
    settings.setLanguage('ru')
    expect([settings.citeStyle, settings.citeLocale]).toEqual(['chicago-author-date', 'ru-RU'])
    await settle()
    expect(archive.stored).toMatchObject({ citeStyle: 'chicago-author-date', citeLocale: 'ru-RU' })
  })

  it('takes the citation default from the archive, and the style the items area kept in this browser once', async () => {
    window.localStorage.setItem(LEGACY_CITE_STYLE_KEY, 'mla')
    const archive = fakeArchive({ language: 'en', citeLocale: 'ru-RU' })
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    expect([settings.citeStyle, settings.citeLocale]).toEqual(['mla', 'ru-RU'])
    expect(window.localStorage.getItem(LEGACY_CITE_STYLE_KEY)).toBeNull()
    await settle()
    expect(archive.stored).toMatchObject({ citeStyle: 'mla', citeLocale: 'ru-RU' })
  })

  it('ignores archive values the window cannot show', async () => {
    const archive = fakeArchive({ language: 'ru', fontSize: 17 })
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    expect(settings.language).toBe('ru')
    expect(settings.fontSize).toBe(18)
  })

  it('sends every change to the archive', async () => {
    const archive = fakeArchive({ language: 'en' })
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    settings.setTheme('sepia')
    settings.toggleLanguage()
    settings.stepFontSize(1)
    settings.setReadingFont('sans')
    settings.setLineWidth('wide')
    settings.setLineSpacing('compact')
    await settle()
    expect(archive.stored).toEqual({
      theme: 'sepia',
      language: 'ru',
      fontSize: 20,
      readingFont: 'sans',
      lineWidth: 'wide',
      lineSpacing: 'compact',
    })
    expect(window.localStorage.getItem(UNSYNCED_STORAGE_KEY)).toBeNull()
  })

  it('keeps a choice made while the archive was answering', async () => {
    const archive = fakeArchive({ theme: 'light', language: 'en' })
    const settings = useSettingsStore()
    const syncing = settings.syncWithArchive(archive)
    settings.setTheme('night')
    await syncing
    await settle()
    expect(settings.theme).toBe('night')
    expect(settings.language).toBe('en')
    expect(archive.stored).toEqual({ theme: 'night', language: 'en' })
  })

  it('keeps a choice the archive never got and sends it on the next start', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const archive = fakeArchive({ language: 'en' })
    archive.failing = true
    const first = useSettingsStore()
    await first.syncWithArchive(archive)
    first.setLanguage('ru')
    await settle()
    expect(error).toHaveBeenCalled()
    expect(archive.stored).toEqual({ language: 'en' })

    // Next start: this browser's unconfirmed choice wins over the archive's older value.
    archive.failing = false
    setActivePinia(createPinia())
    const second = useSettingsStore()
    await second.syncWithArchive(archive)
    await settle()
    expect(second.language).toBe('ru')
    expect(archive.stored).toEqual({ language: 'ru' })
    expect(window.localStorage.getItem(UNSYNCED_STORAGE_KEY)).toBeNull()
  })

  it('gives an archive without preferences what this browser remembers', async () => {
    window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ theme: 'night', language: 'ru' }))
    const archive = fakeArchive()
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    await settle()
    expect(archive.stored).toEqual({ theme: 'night', language: 'ru' })
  })

  it('first run, nothing stored anywhere: the language follows the browser, nothing is written', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('ru-RU')
    const archive = fakeArchive()
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    await settle()
    expect(settings.language).toBe('ru')
    expect(archive.setPreferences).not.toHaveBeenCalled()

    vi.spyOn(navigator, 'language', 'get').mockReturnValue('de-DE')
    setActivePinia(createPinia())
    expect(useSettingsStore().language).toBe('en')
  })

  it('keeps working when the archive cannot be read', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const archive = fakeArchive()
    vi.mocked(archive.getPreferences).mockRejectedValueOnce(new Error('host gone'))
    window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify({ theme: 'night' }))
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    expect(settings.theme).toBe('night')
    expect(error).toHaveBeenCalledWith(
      expect.stringContaining('reading the interface settings'),
      expect.any(Error),
    )
  })

  it('follows preferences another window saves, but not over a choice it has not sent yet', async () => {
    const archive = fakeArchive({ theme: 'light', language: 'en' })
    const settings = useSettingsStore()
    await settings.syncWithArchive(archive)
    archive.announce({ theme: 'night', language: 'ru', fontSize: 22 })
    expect(settings.theme).toBe('night')
    expect(settings.language).toBe('ru')
    expect(settings.fontSize).toBe(22)

    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    archive.failing = true
    settings.setLanguage('en')
    await settle()
    archive.announce({ theme: 'light', language: 'ru' })
    expect(settings.theme).toBe('light')
    expect(settings.language).toBe('en')
  })
})
