import { onBeforeUnmount, ref, type Ref } from 'vue'
import type { Article } from '../../../common/types'
import { getClient } from '../api/client'

/** Progress this far down counts as the end of the article: it is marked read. */
const READ_AT = 0.98
/** How long scrolling must have stopped before the position is saved. */
const SAVE_DELAY_MS = 700
/** How long the frame takes to grow to its document's height before the saved place is restored. */
const RESTORE_DELAY_MS = 350

/**
 * Reading progress: the reading pane's scroll position, saved a moment after scrolling stops and
 * restored when the article opens again. Reaching the end marks the article read.
 */
export function useReadingProgress(options: {
  scroller: Ref<HTMLElement | null>
  article: Ref<Article | null>
  markRead: () => Promise<void>
}) {
  const { scroller, article } = options
  const progress = ref(0)
  let saveTimer: ReturnType<typeof setTimeout> | undefined
  let restoring = false

  function currentProgress(): number {
    const element = scroller.value
    if (!element) return 0
    const room = element.scrollHeight - element.clientHeight
    return room > 0 ? Math.min(1, Math.max(0, element.scrollTop / room)) : 1
  }

  async function save(id: number, value: number): Promise<void> {
    if (article.value?.id !== id) return
    const rounded = Math.round(value * 1000) / 1000
    try {
      await getClient().setReadingProgress({ id, progress: rounded })
      if (value >= READ_AT && !article.value?.readAt) await options.markRead()
    } catch {
      // Progress is a convenience; a failed save is tried again on the next scroll.
    }
  }

  /** The pane scrolled. */
  function track(): void {
    if (restoring || !article.value) return
    progress.value = currentProgress()
    clearTimeout(saveTimer)
    const id = article.value.id
    saveTimer = setTimeout(() => void save(id, progress.value), SAVE_DELAY_MS)
  }

  /** Scrolls to where the reader left `opened` last time. */
  function restore(opened: Article): void {
    progress.value = opened.readingProgress ?? 0
    restoring = true
    setTimeout(() => {
      const element = scroller.value
      if (element && article.value?.id === opened.id) {
        const room = element.scrollHeight - element.clientHeight
        element.scrollTop = progress.value > 0 && progress.value < READ_AT ? progress.value * room : 0
      }
      restoring = false
    }, RESTORE_DELAY_MS)
  }

  onBeforeUnmount(() => clearTimeout(saveTimer))

  return { progress, track, restore }
}
