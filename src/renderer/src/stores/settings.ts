import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { ArchiveClient } from '../../../common/api'
import type { CiteLocale, InterfacePreferences } from '../../../common/types'

/** The theme in effect. */
export type Theme = 'light' | 'sepia' | 'night'
/** What the user chose: a theme, or whatever the system prefers (light or night). */
export type ThemeChoice = Theme | 'system'
export type Language = 'en' | 'ru'
export type ReadingFont = 'serif' | 'sans'
export type LineWidth = 'narrow' | 'medium' | 'wide'
export type LineSpacing = 'compact' | 'normal' | 'loose'

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'sepia', 'night', 'system']
export const READING_FONTS: readonly ReadingFont[] = ['serif', 'sans']
export const LINE_WIDTHS: readonly LineWidth[] = ['narrow', 'medium', 'wide']
export const LINE_SPACINGS: readonly LineSpacing[] = ['compact', 'normal', 'loose']
/** The measure of each line width, in characters of the reading face. */
export const LINE_WIDTH_CH: Record<LineWidth, number> = { narrow: 56, medium: 68, wide: 84 }
export const LINE_HEIGHTS: Record<LineSpacing, number> = { compact: 1.45, normal: 1.6, loose: 1.85 }

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 26] as const
export const DEFAULT_FONT_SIZE = 18
export const SETTINGS_STORAGE_KEY = 'lectern.settings'
/** Settings changed here that the archive has not confirmed yet (a failed or cut-off save). */
export const UNSYNCED_STORAGE_KEY = 'lectern.settings.unsynced'

/** The part of the archive client the settings use. */
export type PreferencesClient = Pick<ArchiveClient, 'getPreferences' | 'setPreferences' | 'on'>

interface StoredSettings {
  theme: ThemeChoice
  language: Language
  fontSize: number
  readingFont: ReadingFont
  lineWidth: LineWidth
  lineSpacing: LineSpacing
  /** null until the user chooses: the interface language's default then applies. */
  citeStyle: string | null
  citeLocale: CiteLocale | null
}

type SettingKey = keyof StoredSettings
const SETTING_KEYS: readonly SettingKey[] = [
  'theme',
  'language',
  'fontSize',
  'readingFont',
  'lineWidth',
  'lineSpacing',
  'citeStyle',
  'citeLocale',
]

export const CITE_LOCALES: readonly CiteLocale[] = ['en-US', 'ru-RU']
/** Where the items area kept its style choice before it became a preference. */
export const LEGACY_CITE_STYLE_KEY = 'lectern.citeStyle'

/** The citation style and language a Russian interface starts with, and an English one. */
export function defaultCitation(language: Language): { style: string; locale: CiteLocale } {
  return language === 'ru'
    ? { style: 'gost-r-7.0.100-2018', locale: 'ru-RU' }
    : { style: 'apa', locale: 'en-US' }
}

const DARK_QUERY = '(prefers-color-scheme: dark)'

function systemPrefersNight(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
}

/** First run: the theme follows the system, the language follows the browser's. */
function systemDefaults(): StoredSettings {
  const language: Language = (navigator.language ?? '').toLowerCase().startsWith('ru') ? 'ru' : 'en'
  return {
    theme: 'system',
    language,
    fontSize: DEFAULT_FONT_SIZE,
    readingFont: 'serif',
    lineWidth: 'medium',
    lineSpacing: 'normal',
    citeStyle: null,
    citeLocale: null,
  }
}

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value)
}

/** The valid settings among `values` (from localStorage or the archive); the rest is ignored. */
function validSettings(values: Record<string, unknown>): Partial<StoredSettings> {
  const stored: Partial<StoredSettings> = {}
  const theme = pick(values.theme, THEME_CHOICES)
  const language = pick(values.language, ['en', 'ru'] as const)
  const readingFont = pick(values.readingFont, READING_FONTS)
  const lineWidth = pick(values.lineWidth, LINE_WIDTHS)
  const lineSpacing = pick(values.lineSpacing, LINE_SPACINGS)
  if (theme) stored.theme = theme
  if (language) stored.language = language
  if (readingFont) stored.readingFont = readingFont
  if (lineWidth) stored.lineWidth = lineWidth
  if (lineSpacing) stored.lineSpacing = lineSpacing
  const citeLocale = pick(values.citeLocale, CITE_LOCALES)
  if (citeLocale) stored.citeLocale = citeLocale
  if (typeof values.citeStyle === 'string' && values.citeStyle.trim() && values.citeStyle.length <= 200)
    stored.citeStyle = values.citeStyle.trim()
  if (typeof values.fontSize === 'number' && (FONT_SIZES as readonly number[]).includes(values.fontSize))
    stored.fontSize = values.fontSize
  return stored
}

function readStored(): Partial<StoredSettings> {
  try {
    const raw = window.localStorage.getItem(SETTINGS_STORAGE_KEY)
    if (!raw) return {}
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object') return {}
    return validSettings(parsed as Record<string, unknown>)
  } catch {
    return {}
  }
}

function readUnsynced(): Set<SettingKey> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(UNSYNCED_STORAGE_KEY) ?? '[]')
    return new Set(Array.isArray(parsed) ? SETTING_KEYS.filter((key) => parsed.includes(key)) : [])
  } catch {
    return new Set()
  }
}

function writeUnsynced(keys: ReadonlySet<SettingKey>): void {
  try {
    if (keys.size === 0) window.localStorage.removeItem(UNSYNCED_STORAGE_KEY)
    else window.localStorage.setItem(UNSYNCED_STORAGE_KEY, JSON.stringify([...keys]))
  } catch {
    // Storage can be full or disabled; the archive still gets the change when it can.
  }
}

/**
 * Theme, language and typography: remembered in localStorage (applied before the first paint)
 * and in the archive's preferences, which win once they arrive, so the desktop app, its menu and
 * the browser host agree.
 */
export const useSettingsStore = defineStore('settings', () => {
  const storedHere = readStored()
  const initial = { ...systemDefaults(), ...storedHere }
  const themeChoice = ref<ThemeChoice>(initial.theme)
  const language = ref<Language>(initial.language)
  const fontSize = ref<number>(initial.fontSize)
  const readingFont = ref<ReadingFont>(initial.readingFont)
  const lineWidth = ref<LineWidth>(initial.lineWidth)
  const lineSpacing = ref<LineSpacing>(initial.lineSpacing)
  const chosenCiteStyle = ref<string | null>(initial.citeStyle)
  const chosenCiteLocale = ref<CiteLocale | null>(initial.citeLocale)

  // "Follow the system" follows it live, not only at start.
  const systemNight = ref(systemPrefersNight())
  if (typeof window.matchMedia === 'function') {
    window.matchMedia(DARK_QUERY).addEventListener?.('change', (event) => {
      systemNight.value = event.matches
    })
  }

  /** The theme in effect (what <html data-theme> shows). */
  const theme = computed<Theme>(() =>
    themeChoice.value === 'system' ? (systemNight.value ? 'night' : 'light') : themeChoice.value,
  )

  let archiveClient: PreferencesClient | null = null
  /** Chosen by the user since start: an archive answer arriving later must not undo them. */
  const chosenSinceStart = new Set<SettingKey>()
  const unsynced = readUnsynced()

  function currentSettings(): StoredSettings {
    return {
      theme: themeChoice.value,
      language: language.value,
      fontSize: fontSize.value,
      readingFont: readingFont.value,
      lineWidth: lineWidth.value,
      lineSpacing: lineSpacing.value,
      citeStyle: chosenCiteStyle.value,
      citeLocale: chosenCiteLocale.value,
    }
  }

  function applySetting<K extends SettingKey>(key: K, value: StoredSettings[K]): void {
    const refs: { [Key in SettingKey]: { value: StoredSettings[Key] } } = {
      theme: themeChoice,
      language,
      fontSize,
      readingFont,
      lineWidth,
      lineSpacing,
      citeStyle: chosenCiteStyle,
      citeLocale: chosenCiteLocale,
    }
    refs[key].value = value
  }

  /** Send the settings the archive has not confirmed; fire-and-forget, failures are logged. */
  function saveToArchive(): void {
    if (!archiveClient || unsynced.size === 0) return
    const current = currentSettings()
    const patch = Object.fromEntries(
      [...unsynced].filter((key) => current[key] !== null).map((key) => [key, current[key]]),
    ) as InterfacePreferences
    archiveClient.setPreferences({ patch }).then(
      () => {
        const now = currentSettings()
        for (const key of SETTING_KEYS) if (key in patch && patch[key] === now[key]) unsynced.delete(key)
        writeUnsynced(unsynced)
      },
      (error: unknown) => console.error('lectern: saving the interface settings failed:', error),
    )
  }

  function chosen(key: SettingKey): void {
    chosenSinceStart.add(key)
    unsynced.add(key)
    writeUnsynced(unsynced)
    saveToArchive()
  }

  /**
   * Take the archive's preferences (they win over this browser's storage, except for choices it
   * has not confirmed yet) and keep it informed of every change from now on.
   */
  async function syncWithArchive(client: PreferencesClient): Promise<void> {
    archiveClient = client
    client.on('preferencesChanged', followArchive)
    let fromArchive: InterfacePreferences
    try {
      fromArchive = await client.getPreferences({})
    } catch (error) {
      console.error('lectern: reading the interface settings from the archive failed:', error)
      return
    }
    const archived = validSettings({ ...fromArchive })
    for (const key of SETTING_KEYS) {
      const value = archived[key]
      if (value === undefined || chosenSinceStart.has(key) || unsynced.has(key)) continue
      applySetting(key, value)
    }
    // An archive that has never had preferences learns what this browser already remembers.
    if (Object.keys(fromArchive).length === 0) {
      for (const key of SETTING_KEYS) if (storedHere[key] !== undefined) unsynced.add(key)
      writeUnsynced(unsynced)
    }
    saveToArchive()
  }

  /** Another window or the desktop menu saved preferences: follow them, except choices not yet sent. */
  function followArchive(preferences: InterfacePreferences): void {
    const archived = validSettings({ ...preferences })
    for (const key of SETTING_KEYS) {
      const value = archived[key]
      if (value !== undefined && !unsynced.has(key)) applySetting(key, value)
    }
  }

  const canIncreaseFont = computed(() => fontSize.value < FONT_SIZES[FONT_SIZES.length - 1]!)
  const canDecreaseFont = computed(() => fontSize.value > FONT_SIZES[0])

  /** Light (or sepia) to night and back. */
  function toggleTheme(): void {
    themeChoice.value = theme.value === 'night' ? 'light' : 'night'
    chosen('theme')
  }

  function setTheme(next: ThemeChoice): void {
    themeChoice.value = next
    chosen('theme')
  }

  function setLanguage(next: Language): void {
    language.value = next
    chosen('language')
  }

  function toggleLanguage(): void {
    language.value = language.value === 'en' ? 'ru' : 'en'
    chosen('language')
  }

  function setReadingFont(next: ReadingFont): void {
    readingFont.value = next
    chosen('readingFont')
  }

  function setLineWidth(next: LineWidth): void {
    lineWidth.value = next
    chosen('lineWidth')
  }

  function setLineSpacing(next: LineSpacing): void {
    lineSpacing.value = next
    chosen('lineSpacing')
  }

  /** +1 / -1 moves one step; 0 goes back to the default size. */
  function stepFontSize(step: 1 | -1 | 0): void {
    if (step === 0) {
      fontSize.value = DEFAULT_FONT_SIZE
      chosen('fontSize')
      return
    }
    const sizes: readonly number[] = FONT_SIZES
    const index = sizes.indexOf(fontSize.value)
    const next =
      sizes[
        Math.min(
          sizes.length - 1,
          Math.max(0, (index === -1 ? sizes.indexOf(DEFAULT_FONT_SIZE) : index) + step),
        )
      ]
    if (next === undefined) return
    fontSize.value = next
    chosen('fontSize')
  }

  /** The style and language citations are made in unless a list says otherwise. */
  const citeStyle = computed(() => chosenCiteStyle.value ?? defaultCitation(language.value).style)
  const citeLocale = computed(() => chosenCiteLocale.value ?? defaultCitation(language.value).locale)

  function setCiteStyle(next: string): void {
    chosenCiteStyle.value = next
    chosen('citeStyle')
  }

  function setCiteLocale(next: CiteLocale): void {
    chosenCiteLocale.value = next
    chosen('citeLocale')
  }

  // The items area kept its style in this browser's storage; it becomes the preference once.
  try {
    const legacyStyle = window.localStorage.getItem(LEGACY_CITE_STYLE_KEY)
    if (legacyStyle !== null) {
      window.localStorage.removeItem(LEGACY_CITE_STYLE_KEY)
      if (chosenCiteStyle.value === null && legacyStyle.trim()) setCiteStyle(legacyStyle.trim())
    }
  } catch {
    // Storage disabled: there is nothing to carry over.
  }

  watch(
    [themeChoice, language, fontSize, readingFont, lineWidth, lineSpacing, chosenCiteStyle, chosenCiteLocale],
    () => {
      try {
        window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(currentSettings()))
      } catch {
        // Storage can be full or disabled; the settings still apply for this session.
      }
    },
  )

  return {
    theme,
    themeChoice,
    language,
    fontSize,
    readingFont,
    lineWidth,
    lineSpacing,
    citeStyle,
    citeLocale,
    canIncreaseFont,
    canDecreaseFont,
    toggleTheme,
    setTheme,
    setLanguage,
    toggleLanguage,
    setReadingFont,
    setLineWidth,
    setLineSpacing,
    setCiteStyle,
    setCiteLocale,
    stepFontSize,
    syncWithArchive,
    followArchive,
  }
})
