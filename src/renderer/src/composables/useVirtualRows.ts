import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { scrollTopToReveal, visibleRange } from '../lib/virtualList'

/**
 * A virtual list of equally tall rows in `scroller`: which rows are in view (plus `overscan` on
 * each side), kept up to date as it scrolls and resizes.
 */
export function useVirtualRows(options: {
  scroller: Ref<HTMLElement | null>
  rowHeight: number
  overscan: number
  rowCount: () => number
}) {
  const { scroller, rowHeight, overscan } = options
  const scrollTop = ref(0)
  const viewportHeight = ref(600)

  const range = computed(() =>
    visibleRange({
      scrollTop: scrollTop.value,
      viewportHeight: viewportHeight.value,
      rowHeight,
      rowCount: options.rowCount(),
      overscan,
    }),
  )

  /**
   * Rows keep their elements while the list scrolls: a row that leaves at one end hands its key
   * (index modulo the number of rendered rows) to the row that enters at the other, so Vue patches
   * text instead of building new elements every frame.
   */
  const slotCount = computed(() => Math.ceil(viewportHeight.value / rowHeight) + 1 + 2 * overscan)

  /** The rows to render, each with the key of the element it reuses. */
  const slots = computed(() => {
    const count = Math.max(slotCount.value, range.value.end - range.value.start)
    const rendered: Array<{ index: number; key: number }> = []
    for (let index = range.value.start; index < range.value.end; index++)
      rendered.push({ index, key: index % count })
    return rendered
  })

  function onScroll(): void {
    if (scroller.value) scrollTop.value = scroller.value.scrollTop
  }

  /** Moves the list to `top` (0: back to the first row). */
  function scrollTo(top: number): void {
    if (scroller.value) scroller.value.scrollTop = top
    scrollTop.value = top
  }

  /** Scrolls just far enough for row `index` to be fully in view. */
  function reveal(index: number): void {
    const element = scroller.value
    if (!element) return
    const next = scrollTopToReveal(index, element.scrollTop, element.clientHeight, rowHeight)
    if (next !== element.scrollTop) {
      element.scrollTop = next
      scrollTop.value = next
    }
  }

  let resizeObserver: ResizeObserver | null = null
  onMounted(() => {
    const element = scroller.value
    if (!element) return
    viewportHeight.value = element.clientHeight || viewportHeight.value
    if (typeof ResizeObserver === 'function') {
      resizeObserver = new ResizeObserver(() => {
        viewportHeight.value = element.clientHeight || viewportHeight.value
      })
      resizeObserver.observe(element)
    }
  })
  onBeforeUnmount(() => resizeObserver?.disconnect())

  return { scrollTop, viewportHeight, range, slots, onScroll, scrollTo, reveal }
}
