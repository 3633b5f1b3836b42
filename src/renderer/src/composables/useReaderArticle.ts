import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Article } from '../../../common/types'
import { errorCode, errorMessage, getClient } from '../api/client'
import { formatNumber } from '../lib/format'
import { useHighlightsStore } from '../stores/highlights'

/**
 * The article the reader shows: loading it (an older answer never replaces a newer one) and the
 * changes made from its header: favourite, read state, re-extraction. `onFirstOpen` runs when an
 * article arrives that was not on screen before (a quiet reload of the same one does not count).
 */
export function useReaderArticle(onFirstOpen: (article: Article) => void) {
  const { t, locale } = useI18n()
  const highlights = useHighlightsStore()

  const article = ref<Article | null>(null)
  const loading = ref(false)
  const loadError = ref<string | null>(null)
  const notFound = ref(false)
  /** The outcome of the last header action (a failure, or what a re-extraction kept). */
  const actionMessage = ref('')
  const reextracting = ref(false)

  let generation = 0
  async function load(id: number, options: { quiet?: boolean } = {}): Promise<void> {
    const mine = ++generation
    if (!options.quiet) {
      loading.value = true
      article.value = null
    }
    loadError.value = null
    notFound.value = false
    try {
      const loaded = await getClient().getArticle({ id })
      if (mine === generation) {
        const firstOpen = article.value?.id !== loaded.id
        article.value = loaded
        if (firstOpen) onFirstOpen(loaded)
      }
    } catch (err) {
      if (mine !== generation) return
      article.value = null
      if (errorCode(err) === 'not-found') notFound.value = true
      else loadError.value = errorMessage(err)
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  /** No article is open: whatever is still loading is forgotten. */
  function clear(): void {
    generation++
    article.value = null
    loadError.value = null
    notFound.value = false
  }

  async function toggleFavourite(): Promise<void> {
    const current = article.value
    if (!current) return
    const favourite = !current.favourite
    try {
      await getClient().setFavourite({ ids: [current.id], favourite })
      if (article.value?.id === current.id) article.value = { ...article.value, favourite }
    } catch (err) {
      actionMessage.value = errorMessage(err)
    }
  }

  async function setRead(read: boolean): Promise<void> {
    const current = article.value
    if (!current) return
    try {
      await getClient().setRead({ ids: [current.id], read })
      if (article.value?.id === current.id)
        article.value = { ...article.value, readAt: read ? new Date().toISOString() : null }
    } catch (err) {
      actionMessage.value = errorMessage(err)
    }
  }

  async function reextract(): Promise<void> {
    const current = article.value
    if (!current) return
    reextracting.value = true
    actionMessage.value = ''
    try {
      const result = await getClient().reextractArticle({ id: current.id })
      actionMessage.value = t('reader.reextractDone', {
        kept: formatNumber(result.highlightsAnchored, locale.value),
        lost: formatNumber(result.highlightsOrphaned, locale.value),
      })
      await load(current.id, { quiet: true })
      await highlights.load(current.id)
    } catch (err) {
      actionMessage.value = t('reader.reextractError', { message: errorMessage(err) })
    } finally {
      reextracting.value = false
    }
  }

  return {
    article,
    loading,
    loadError,
    notFound,
    actionMessage,
    reextracting,
    load,
    clear,
    toggleFavourite,
    setRead,
    reextract,
  }
}
