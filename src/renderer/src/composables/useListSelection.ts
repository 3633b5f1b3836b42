import { ref, type Ref } from 'vue'
import { rowsPerPage, targetRowForKey } from '../lib/virtualList'
import { setDraggedArticles } from '../lib/virtualListDrag'
import { navigate } from '../router'
import { useLibraryStore } from '../stores/library'

/**
 * Mouse and keyboard on the article list: the active row (the list's focus), opening a row,
 * checking rows with Ctrl/Shift or the check box, Ctrl+A and Esc, and dragging checked rows.
 */
export function useListSelection(list: {
  scroller: Ref<HTMLElement | null>
  viewportHeight: Ref<number>
  rowHeight: number
  reveal: (index: number) => void
}) {
  const library = useLibraryStore()
  const activeIndex = ref(-1)

  function open(index: number): void {
    const row = library.rowAt(index)
    if (row) navigate({ name: 'article', id: row.id })
  }

  function onRowClick(event: MouseEvent, index: number): void {
    const row = library.rowAt(index)
    if (!row) return
    activeIndex.value = index
    if (event.shiftKey) {
      event.preventDefault()
      void library.selectTo(index)
    } else if (event.ctrlKey || event.metaKey) {
      library.toggleSelected(row.id, index)
    } else {
      open(index)
    }
  }

  function onCheckClick(event: MouseEvent, index: number): void {
    event.stopPropagation()
    const row = library.rowAt(index)
    if (!row) return
    activeIndex.value = index
    if (event.shiftKey) void library.selectTo(index)
    else library.toggleSelected(row.id, index)
  }

  function onListKeydown(event: KeyboardEvent): void {
    const mod = event.ctrlKey || event.metaKey
    if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault()
      library.selectEverything()
      return
    }
    if (event.key === 'Escape' && library.selectedCount > 0) {
      library.clearSelection()
      return
    }
    const current = activeIndex.value
    if (event.key === 'Enter' && current >= 0) {
      event.preventDefault()
      open(current)
      return
    }
    if (event.key === ' ' && current >= 0) {
      event.preventDefault()
      const row = library.rowAt(current)
      if (row) library.toggleSelected(row.id, current)
      return
    }
    const pageRows = rowsPerPage(
      list.scroller.value?.clientHeight ?? list.viewportHeight.value,
      list.rowHeight,
    )
    const target = targetRowForKey(event.key, current, library.total, pageRows)
    if (target === null) return
    event.preventDefault()
    if (event.shiftKey && current >= 0 && library.selection.anchor === null) {
      // Shift+arrow starts a range at the row the focus leaves.
      const from = library.rowAt(current)
      if (from && !library.isRowSelected(from.id)) library.toggleSelected(from.id, current)
    }
    activeIndex.value = target
    list.reveal(target)
    if (event.shiftKey) void library.selectTo(target)
  }

  /** Focus lands on the first row fully in view (the overscan rows above it are not). */
  function onListFocus(): void {
    if (activeIndex.value >= 0 || library.total === 0) return
    const firstInView = Math.ceil((list.scroller.value?.scrollTop ?? 0) / list.rowHeight)
    activeIndex.value = Math.min(firstInView, library.total - 1)
  }

  function onDragStart(event: DragEvent, index: number): void {
    const row = library.rowAt(index)
    if (!row) return
    // A checked row drags every checked row (onto a tag or collection); otherwise just itself.
    const ids =
      library.isRowSelected(row.id) && !library.selection.allSelected ? [...library.selection.ids] : [row.id]
    setDraggedArticles(event, ids)
  }

  return { activeIndex, onRowClick, onCheckClick, onListKeydown, onListFocus, onDragStart }
}
