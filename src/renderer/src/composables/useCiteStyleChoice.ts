import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CiteLocale } from '../../../common/types'
import { useCitationsStore } from '../stores/citations'

const STYLE_KEY = 'lectern.citeStyle'

function storedStyle(): string | null {
  try {
    return window.localStorage.getItem(STYLE_KEY)
  } catch {
    return null
  }
}

/** One choice for the whole window, so the record view and the edit dialog check against the same style. */
const chosen = ref<string | null>(storedStyle())
watch(chosen, (style) => {
  try {
    if (style) window.localStorage.setItem(STYLE_KEY, style)
  } catch {
    // Not remembered; the choice still holds until the window closes.
  }
})

/**
 * The citation style the window cites in outside a citation list: the one last chosen, or GOST for
 * a Russian interface and APA for an English one. References come in the interface's language.
 */
export function useCiteStyleChoice() {
  const { locale } = useI18n()
  const citations = useCitationsStore()
  if (citations.styles.length === 0) void citations.loadStyles().catch(() => undefined)

  const style = computed<string>({
    get: () => chosen.value ?? (locale.value === 'ru' ? 'gost-r-7.0.100-2018' : 'apa'),
    set: (value) => (chosen.value = value),
  })
  const citeLocale = computed<CiteLocale>(() => (locale.value === 'ru' ? 'ru-RU' : 'en-US'))
  return { style, citeLocale }
}

/** A style's title for messages, or its id while the styles have not arrived. */
export function useStyleTitle() {
  const citations = useCitationsStore()
  return (id: string): string => citations.styles.find((style) => style.id === id)?.title ?? id
}
