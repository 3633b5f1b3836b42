import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { QuoteSelector } from '../../../common/textAnchor'
import type { Highlight, HighlightColor } from '../../../common/types'
import { errorMessage, getClient } from '../api/client'

export const HIGHLIGHT_COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple']

/** The open article's highlights and notes. */
export const useHighlightsStore = defineStore('highlights', () => {
  const articleId = ref<number | null>(null)
  const items = ref<Highlight[]>([])
  const error = ref<string | null>(null)
  /** The highlight the notes panel or the frame points at. */
  const activeId = ref<number | null>(null)

  let generation = 0
  async function load(id: number | null): Promise<void> {
    const mine = ++generation
    if (id !== articleId.value) {
      items.value = []
      activeId.value = null
    }
    articleId.value = id
    error.value = null
    if (id === null) return
    try {
      const loaded = await getClient().listHighlights({ articleId: id })
      if (mine === generation) items.value = loaded
    } catch (err) {
      if (mine === generation) error.value = errorMessage(err)
    }
  }

  async function add(
    selector: QuoteSelector,
    color: HighlightColor,
    note?: string,
  ): Promise<Highlight | null> {
    const id = articleId.value
    if (id === null) return null
    error.value = null
    try {
      const created = await getClient().addHighlight({
        articleId: id,
        quote: selector.quote,
        prefix: selector.prefix,
        suffix: selector.suffix,
        textOffset: selector.textOffset ?? null,
        color,
        ...(note?.trim() ? { note } : {}),
      })
      if (articleId.value === id) {
        await load(id)
        activeId.value = created.id
      }
      return created
    } catch (err) {
      error.value = errorMessage(err)
      return null
    }
  }

  async function update(id: number, change: { color?: HighlightColor; note?: string | null }): Promise<void> {
    error.value = null
    try {
      const updated = await getClient().updateHighlight({ id, ...change })
      items.value = items.value.map((item) => (item.id === id ? updated : item))
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  async function remove(id: number): Promise<void> {
    error.value = null
    try {
      await getClient().deleteHighlight({ id })
      items.value = items.value.filter((item) => item.id !== id)
      if (activeId.value === id) activeId.value = null
    } catch (err) {
      error.value = errorMessage(err)
    }
  }

  return { articleId, items, error, activeId, load, add, update, remove }
})
