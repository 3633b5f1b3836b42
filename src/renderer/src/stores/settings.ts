import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

export type Theme = 'light' | 'night'
export type Language = 'en' | 'ru'

export const FONT_SIZES = [14, 16, 18, 20, 22, 24, 26] as const
export const DEFAULT_FONT_SIZE = 18
export const SETTINGS_STORAGE_KEY = 'lectern.settings'

interface StoredSettings {
  theme: Theme
  language: Language
  fontSize: number
}

function systemDefaults(): StoredSettings {
  const prefersNight =
    typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches
  const language: Language = (navigator.language ?? '').toLowerCase().startsWith('ru') ? 'ru' : 'en'
  return { theme: prefersNight ? 'night' : 'light', language, fontSize: DEFAULT_FONT_SIZE }
}

function readStored(): Partial<StoredSettings> {
  try {
    const raw = window.localStorage.getItem(SETTINGS_STORAGE_KEY)
    if (!raw) return {}
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object') return {}
    const { theme, language, fontSize } = parsed as Record<string, unknown>
    return {
      ...(theme === 'light' || theme === 'night' ? { theme } : {}),
      ...(language === 'en' || language === 'ru' ? { language } : {}),
      ...(typeof fontSize === 'number' && (FONT_SIZES as readonly number[]).includes(fontSize)
        ? { fontSize }
        : {}),
    }
  } catch {
    return {}
  }
}

/** Theme, language and reading size: remembered in localStorage and applied on start. */
export const useSettingsStore = defineStore('settings', () => {
  const initial = { ...systemDefaults(), ...readStored() }
  const theme = ref<Theme>(initial.theme)
  const language = ref<Language>(initial.language)
  const fontSize = ref<number>(initial.fontSize)

  const canIncreaseFont = computed(() => fontSize.value < FONT_SIZES[FONT_SIZES.length - 1]!)
  const canDecreaseFont = computed(() => fontSize.value > FONT_SIZES[0])

  function toggleTheme(): void {
    theme.value = theme.value === 'light' ? 'night' : 'light'
  }

  function setTheme(next: Theme): void {
    theme.value = next
  }

  function setLanguage(next: Language): void {
    language.value = next
  }

  function toggleLanguage(): void {
    language.value = language.value === 'en' ? 'ru' : 'en'
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

  watch([theme, language, fontSize], () => {
    const stored: StoredSettings = { theme: theme.value, language: language.value, fontSize: fontSize.value }
    try {
      window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(stored))
    } catch {
      // Storage can be full or disabled; the settings still apply for this session.
    }
  })

  return {
    theme,
    language,
    fontSize,
    canIncreaseFont,
    canDecreaseFont,
    toggleTheme,
    setTheme,
    setLanguage,
    toggleLanguage,
    stepFontSize,
  }
})
