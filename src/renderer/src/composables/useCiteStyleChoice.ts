import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CiteLocale } from '../../../common/types'
import { citeStyleName } from '../i18n/citeStyleNames'
import { useCitationsStore } from '../stores/citations'
import { useSettingsStore } from '../stores/settings'

/**
 * The citation style and language the window cites in outside a citation list: the default chosen
 * in Settings (an interface preference, so the record view, the edit dialog, the notes and new
 * citation lists agree), or GOST R 7.0.100-2018 in Russian for a Russian interface and APA in
 * English otherwise.
 */
export function useCiteStyleChoice() {
  const settings = useSettingsStore()
  const citations = useCitationsStore()
  if (citations.styles.length === 0) void citations.loadStyles().catch(() => undefined)

  const style = computed<string>({
    get: () => settings.citeStyle,
    set: (value) => settings.setCiteStyle(value),
  })
  const citeLocale = computed<CiteLocale>(() => settings.citeLocale)
  return { style, citeLocale }
}

/** A style's name in the interface language, or its id while the styles have not arrived. */
export function useStyleTitle() {
  const { locale } = useI18n()
  const citations = useCitationsStore()
  return (id: string): string => citeStyleName(locale.value, citations.styles, id)
}
