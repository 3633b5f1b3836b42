import { shallowRef } from 'vue'
import { articleIdsFromDrag, carriesArticles } from '../lib/virtualListDrag'

/**
 * Rows dragged out of the article list, dropped on a sidebar item (a tag, a collection, a
 * citation list) identified by `Key`. `receive` gets the item and the dragged article ids.
 */
export function useArticleDrop<Key>(receive: (key: Key, ids: number[]) => Promise<unknown>) {
  /** The item the rows are being dragged over. */
  const dropTarget = shallowRef<Key | null>(null)

  function onDragOver(event: DragEvent, key: Key): void {
    if (!carriesArticles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    dropTarget.value = key
  }

  function onDragLeave(): void {
    dropTarget.value = null
  }

  async function onDrop(event: DragEvent, key: Key): Promise<void> {
    dropTarget.value = null
    const ids = articleIdsFromDrag(event)
    if (ids.length === 0) return
    event.preventDefault()
    await receive(key, ids)
  }

  return { dropTarget, onDragOver, onDragLeave, onDrop }
}
