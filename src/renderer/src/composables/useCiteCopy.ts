import { onBeforeUnmount, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CiteLocale } from '../../../common/types'
import { errorMessage, getClient } from '../api/client'
import { copyToClipboard } from '../lib/citeClipboard'
import { entriesToClipboardHtml, sanitizeCitationHtml } from '../lib/citeHtml'

export type CopyKind = 'reference' | 'citation'

const STATUS_MS = 2500

/**
 * Copying one item's reference (its bibliography entry) or its citation (the in-text citation, or
 * the footnote in a note style) with formatting and as plain text. `status` says what happened, for
 * the item it happened to.
 */
export function useCiteCopy() {
  const { t } = useI18n()
  const status = ref<{ id: number; text: string; failed: boolean } | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  onBeforeUnmount(() => clearTimeout(timer))

  function say(id: number, text: string, failed: boolean): void {
    status.value = { id, text, failed }
    clearTimeout(timer)
    timer = setTimeout(() => (status.value = null), STATUS_MS)
  }

  async function copy(id: number, kind: CopyKind, style: string, locale: CiteLocale): Promise<void> {
    try {
      const base = { ids: [id], style, locale, ...(kind === 'citation' ? { citations: true } : {}) }
      const [html, text] = await Promise.all([
        getClient().formatCitations({ ...base, format: 'html' }),
        getClient().formatCitations({ ...base, format: 'text' }),
      ])
      const copied = await copyToClipboard(
        text.entries.join('\n'),
        entriesToClipboardHtml(html.entries.map(sanitizeCitationHtml)),
      )
      if (copied)
        say(id, t(kind === 'reference' ? 'items.copy.copiedReference' : 'items.copy.copiedCitation'), false)
      else say(id, t('items.copy.refused'), true)
    } catch (err) {
      say(id, t('items.copy.failed', { message: errorMessage(err) }), true)
    }
  }

  return { status, copy }
}
