import { computed, onBeforeUnmount, ref, type Ref } from 'vue'
import type { CitationListDetail, CitationWarning } from '../../../common/types'
import { errorMessage, getClient } from '../api/client'
import { sanitizeCitationHtml, type SafeNode } from '../lib/citeHtml'

const PREVIEW_DELAY_MS = 150

/**
 * The live preview of a citation list in its style: formatted a moment after the last change,
 * and only the newest answer counts. Also the missing-field warnings per article.
 */
export function useCitationPreview(detail: Ref<CitationListDetail | null>) {
  const entries = ref<SafeNode[][]>([])
  /** The articles behind `entries`, in the style's order. */
  const entryIds = ref<number[]>([])
  const plainText = ref('')
  const warnings = ref(new Map<number, CitationWarning['field'][]>())
  const updating = ref(false)
  const error = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let generation = 0

  function schedule(): void {
    clearTimeout(timer)
    updating.value = true
    timer = setTimeout(() => void refresh(), PREVIEW_DELAY_MS)
  }

  async function refresh(): Promise<void> {
    const list = detail.value
    const mine = ++generation
    if (!list || list.items.length === 0) {
      entries.value = []
      entryIds.value = []
      plainText.value = ''
      warnings.value = new Map()
      updating.value = false
      error.value = null
      return
    }
    const base = { listId: list.id, style: list.style, locale: list.locale }
    try {
      const [html, text] = await Promise.all([
        getClient().formatCitations({ ...base, format: 'html' }),
        getClient().formatCitations({ ...base, format: 'text' }),
      ])
      if (mine !== generation) return
      entries.value = html.entries.map(sanitizeCitationHtml)
      entryIds.value = html.entryIds.filter((id): id is number => typeof id === 'number')
      plainText.value = text.output
      const byArticle = new Map<number, CitationWarning['field'][]>()
      for (const warning of html.warnings) {
        if (typeof warning.id !== 'number') continue
        const fields = byArticle.get(warning.id) ?? []
        if (!fields.includes(warning.field)) fields.push(warning.field)
        byArticle.set(warning.id, fields)
      }
      warnings.value = byArticle
      error.value = null
    } catch (err) {
      if (mine === generation) error.value = errorMessage(err)
    } finally {
      if (mine === generation) updating.value = false
    }
  }
  onBeforeUnmount(() => clearTimeout(timer))

  /** Another list opens: what the last one showed goes. */
  function clear(): void {
    entries.value = []
    plainText.value = ''
    warnings.value = new Map()
  }

  /** Author-date styles sort the bibliography themselves; the list order then only matters elsewhere. */
  const styleReorders = computed(() => {
    const listOrder = detail.value?.items.map((item) => item.id) ?? []
    return (
      entryIds.value.length === listOrder.length &&
      entryIds.value.some((id, index) => id !== listOrder[index])
    )
  })

  /** Numbered styles and GOST set their own indentation; author-date styles hang the first line. */
  const hangingIndent = computed(
    () =>
      !detail.value?.style.startsWith('gost-') &&
      !entries.value.some((entry) =>
        entry.some((node) => node.kind === 'element' && node.className === 'csl-left-margin'),
      ),
  )

  return { entries, plainText, warnings, updating, error, styleReorders, hangingIndent, schedule, clear }
}
