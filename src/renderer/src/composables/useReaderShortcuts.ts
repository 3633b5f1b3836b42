import { onBeforeUnmount, onMounted } from 'vue'
import { isEditableTarget } from '../lib/droppedFiles'
import { navigate } from '../router'
import { useLibraryStore } from '../stores/library'

/**
 * The reader's keys: j/k open the next and previous article of the list, t goes to the tag
 * field, h highlights the selection, Esc drops the selection, then closes the notes, then goes
 * back to the list. Keys typed into a field or an open dialog are left alone.
 */
export function useReaderShortcuts(reader: {
  articleId: () => number | null
  hasArticle: () => boolean
  hasSelection: () => boolean
  highlightSelection: () => void
  clearSelection: () => void
  /** Closes the notes panel; false when it was not open. */
  closeNotes: () => boolean
}): void {
  const library = useLibraryStore()

  function openSibling(step: 1 | -1): void {
    const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="article-row"]'))
    const current = rows.find((row) => Number(row.dataset.id) === reader.articleId())
    const position = current ? Number(current.getAttribute('aria-posinset')) - 1 : -1
    let nextId: number | undefined
    if (position >= 0) nextId = library.rowAt(position + step)?.id
    else if (step === 1) nextId = Number(rows[0]?.dataset.id) || undefined
    if (nextId) navigate({ name: 'article', id: nextId })
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    if (isEditableTarget(event.target) || document.querySelector('dialog[open]')) return
    switch (event.key) {
      case 'j':
        event.preventDefault()
        openSibling(1)
        break
      case 'k':
        event.preventDefault()
        openSibling(-1)
        break
      case 't':
        if (!reader.hasArticle()) return
        event.preventDefault()
        document.querySelector<HTMLInputElement>('[data-testid="tag-input"]')?.focus()
        break
      case 'h':
        if (!reader.hasArticle()) return
        event.preventDefault()
        reader.highlightSelection()
        break
      case 'Escape':
        if (reader.hasSelection()) reader.clearSelection()
        else if (reader.closeNotes()) event.preventDefault()
        else if (reader.articleId() !== null)
          navigate({ name: 'library', query: library.query, tag: library.tag })
        break
    }
  }

  onMounted(() => window.addEventListener('keydown', onKeydown))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown))
}
