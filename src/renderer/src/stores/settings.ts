import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

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

interface StoredSettings {
  theme: ThemeChoice
  language: Language
  fontSize: number
  readingFont: ReadingFont
  lineWidth: LineWidth
  lineSpacing: LineSpacing
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
  }
}

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((option) => option === value)
}

function readStored(): Partial<StoredSettings> {
  try {
    const raw = window.localStorage.getItem(SETTINGS_STORAGE_KEY)
    if (!raw) return {}
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object') return {}
    const values = parsed as Record<string, unknown>
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
    if (typeof values.fontSize === 'number' && (FONT_SIZES as readonly number[]).includes(values.fontSize))
      stored.fontSize = values.fontSize
    return stored
  } catch {
    return {}
  }
}

/** Theme, language and typography: remembered in localStorage and applied on start. */
export const useSettingsStore = defineStore('settings', () => {
  const initial = { ...systemDefaults(), ...readStored() }
  const themeChoice = ref<ThemeChoice>(initial.theme)
  const language = ref<Language>(initial.language)
  const fontSize = ref<number>(initial.fontSize)
  const readingFont = ref<ReadingFont>(initial.readingFont)
  const lineWidth = ref<LineWidth>(initial.lineWidth)
  const lineSpacing = ref<LineSpacing>(initial.lineSpacing)

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

  const canIncreaseFont = computed(() => fontSize.value < FONT_SIZES[FONT_SIZES.length - 1]!)
  const canDecreaseFont = computed(() => fontSize.value > FONT_SIZES[0])

  /** Light (or sepia) to night and back. */
  function toggleTheme(): void {
    themeChoice.value = theme.value === 'night' ? 'light' : 'night'
  }

  function setTheme(next: ThemeChoice): void {
    themeChoice.value = next
  }

  function setLanguage(next: Language): void {
    language.value = next
  }

  function toggleLanguage(): void {
    language.value = language.value === 'en' ? 'ru' : 'en'
  }

  function setReadingFont(next: ReadingFont): void {
    readingFont.value = next
  }

  function setLineWidth(next: LineWidth): void {
    lineWidth.value = next
  }

  function setLineSpacing(next: LineSpacing): void {
    lineSpacing.value = next
  }

  /** +1 / -1 moves one step; 0 goes back to the default size. */
  function stepFontSize(step: 1 | -1 | 0): void {
    if (step === 0) {
      fontSize.value = DEFAULT_FONT_SIZE
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
    if (next !== undefined) fontSize.value = next
  }

  watch([themeChoice, language, fontSize, readingFont, lineWidth, lineSpacing], () => {
    const stored: StoredSettings = {
      theme: themeChoice.value,
      language: language.value,
      fontSize: fontSize.value,
      readingFont: readingFont.value,
      lineWidth: lineWidth.value,
      lineSpacing: lineSpacing.value,
    }
    try {
      window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(stored))
    } catch {
      // Storage can be full or disabled; the settings still apply for this session.
    }
  })

  return {
    theme,
    themeChoice,
    language,
    fontSize,
    readingFont,
    lineWidth,
    lineSpacing,
    canIncreaseFont,
    canDecreaseFont,
    toggleTheme,
    setTheme,
    setLanguage,
    toggleLanguage,
    setReadingFont,
    setLineWidth,
    setLineSpacing,
    stepFontSize,
  }
})
