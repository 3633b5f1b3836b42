// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import type { ArchiveClient } from '../../../common/api'
import type { Article } from '../../../common/types'
import { setClient } from '../api/client'
import { useReadingProgress } from './useReadingProgress'

/** A scroll box 1,000 px taller than its window. */
function scrollBox(scrollTop = 0): HTMLElement {
  return { scrollHeight: 1100, clientHeight: 100, scrollTop } as unknown as HTMLElement
}

function setup(opened: Partial<Article> = {}) {
  const scroller = ref<HTMLElement | null>(scrollBox())
  const article = ref<Article | null>({ id: 3, readAt: null, readingProgress: null, ...opened } as Article)
  const markRead = vi.fn(async () => undefined)
  let progress!: ReturnType<typeof useReadingProgress>
  const wrapper = mount(
    defineComponent({
      setup() {
        progress = useReadingProgress({ scroller, article, markRead })
        return () => h('div')
      },
    }),
  )
  return { scroller, article, markRead, progress, wrapper }
}

describe('useReadingProgress', () => {
  const setReadingProgress = vi.fn(async () => undefined)

  beforeEach(() => {
    vi.useFakeTimers()
    setReadingProgress.mockClear()
    setClient({ setReadingProgress } as unknown as ArchiveClient)
  })
  afterEach(() => {
    vi.useRealTimers()
    setClient(null)
  })

  it('saves the position once scrolling has stopped for a moment', async () => {
    const { scroller, progress } = setup()
    scroller.value!.scrollTop = 200
    progress.track()
    scroller.value!.scrollTop = 500
    progress.track()
    expect(progress.progress.value).toBe(0.5)
    await vi.advanceTimersByTimeAsync(699)
    expect(setReadingProgress).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(setReadingProgress).toHaveBeenCalledTimes(1)
    expect(setReadingProgress).toHaveBeenCalledWith({ id: 3, progress: 0.5 })
  })

  it('marks the article read at the end, and only then', async () => {
    const { scroller, progress, markRead } = setup()
    scroller.value!.scrollTop = 900
    progress.track()
    await vi.advanceTimersByTimeAsync(700)
    expect(markRead).not.toHaveBeenCalled()
    scroller.value!.scrollTop = 990
    progress.track()
    await vi.advanceTimersByTimeAsync(700)
    expect(markRead).toHaveBeenCalledTimes(1)
  })

  it('does not mark an article read twice', async () => {
    const { scroller, progress, markRead } = setup({ readAt: '2026-02-08T10:00:00Z' })
    scroller.value!.scrollTop = 1000
    progress.track()
    await vi.advanceTimersByTimeAsync(700)
    expect(setReadingProgress).toHaveBeenCalledWith({ id: 3, progress: 1 })
    expect(markRead).not.toHaveBeenCalled()
  })

  it('restores the saved place once the frame has grown, ignoring the scroll that causes', async () => {
    const { scroller, article, progress } = setup({ readingProgress: 0.25 })
    progress.restore(article.value!)
    expect(progress.progress.value).toBe(0.25)
    progress.track()
    await vi.advanceTimersByTimeAsync(350)
    expect(scroller.value!.scrollTop).toBe(250)
    await vi.advanceTimersByTimeAsync(1000)
    expect(setReadingProgress).not.toHaveBeenCalled()
  })

  it('opens a finished article at the top', async () => {
    const { scroller, article, progress } = setup({ readingProgress: 0.99 })
    scroller.value!.scrollTop = 700
    progress.restore(article.value!)
    await vi.advanceTimersByTimeAsync(350)
    expect(scroller.value!.scrollTop).toBe(0)
  })

  it('saves nothing for an article the reader has already left', async () => {
    const { scroller, article, progress } = setup()
    scroller.value!.scrollTop = 500
    progress.track()
    article.value = { ...article.value!, id: 4 }
    await vi.advanceTimersByTimeAsync(700)
    expect(setReadingProgress).not.toHaveBeenCalled()
  })

  it('drops a pending save when the reader closes', async () => {
    const { scroller, progress, wrapper } = setup()
    scroller.value!.scrollTop = 500
    progress.track()
    wrapper.unmount()
    await vi.advanceTimersByTimeAsync(700)
    expect(setReadingProgress).not.toHaveBeenCalled()
  })
})
