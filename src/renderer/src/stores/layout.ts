import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'

export const SIDEBAR_STORAGE_KEY = 'lectern.sidebarOpen'
/** Below this window width the sidebar leaves the grid and opens over the list instead. */
export const NARROW_WINDOW_QUERY = '(max-width: 1099px)'

function readRemembered(): boolean {
  try {
    return window.localStorage.getItem(SIDEBAR_STORAGE_KEY) !== 'false'
  } catch {
    return true
  }
}

/**
 * The window's layout: whether the library sidebar shows. A wide window keeps the sidebar as a
 * column, shown or hidden as the user last chose (remembered across restarts); a narrow one starts
 * with it closed and opens it over the list, closing it again once the user goes somewhere.
 */
export const useLayoutStore = defineStore('layout', () => {
  const docked = ref(readRemembered())
  const overlayOpen = ref(false)
  /** The reader shows its notes panel (the list then narrows to leave the article its width). */
  const readerNotesOpen = ref(false)
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_WINDOW_QUERY) : null
  const narrow = ref(query?.matches ?? false)
  query?.addEventListener?.('change', (event) => {
    narrow.value = event.matches
    overlayOpen.value = false
  })

  /** The sidebar is on screen (as a column or over the list). */
  const sidebarVisible = computed(() => (narrow.value ? overlayOpen.value : docked.value))
  /** It covers the list rather than standing beside it. */
  const sidebarOverlays = computed(() => narrow.value && overlayOpen.value)

  function toggleSidebar(): void {
    if (narrow.value) overlayOpen.value = !overlayOpen.value
    else docked.value = !docked.value
  }

  /** Closes the sidebar when it covers the list; true when it did. */
  function closeOverlay(): boolean {
    if (!sidebarOverlays.value) return false
    overlayOpen.value = false
    return true
  }

  watch(docked, (open) => {
    try {
      window.localStorage.setItem(SIDEBAR_STORAGE_KEY, String(open))
    } catch {
      // Not remembered; the sidebar still opens and closes.
    }
  })

  return { narrow, readerNotesOpen, sidebarVisible, sidebarOverlays, toggleSidebar, closeOverlay }
})
