// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import type { ArchiveClient } from '../../../common/api'
import type { CitationListDetail, CitationListItem, FormattedCitations } from '../../../common/types'
import { setClient } from '../api/client'
import { useCitationPreview } from './useCitationPreview'

function list(ids: number[], style = 'apa'): CitationListDetail {
  return {
    id: 9,
    name: 'Thesis',
    style,
    locale: 'en-US',
    count: ids.length,
    createdAt: '2026-02-08T10:00:00Z',
    updatedAt: '2026-02-08T10:00:00Z',
    items: ids.map((id, position) => ({ id, position }) as unknown as CitationListItem),
  }
}

function setup(initial: CitationListDetail | null) {
  const detail = ref<CitationListDetail | null>(initial)
  let preview!: ReturnType<typeof useCitationPreview>
  mount(
    defineComponent({
      setup() {
        preview = useCitationPreview(detail)
        return () => h('div')
      },
    }),
  )
  return { detail, preview }
}

describe('useCitationPreview', () => {
  const formatCitations = vi.fn(async (args: { format: string }): Promise<FormattedCitations> => {
    if (args.format === 'text') return { output: 'B.\nA.\n', entries: [], entryIds: [], warnings: [] }
    return {
      output: '',
      entries: ['<div class="csl-entry">B.</div>', '<div class="csl-entry"><i>A.</i></div>'],
      entryIds: [2, 1],
      warnings: [
        { id: 1, field: 'author', message: 'no author' },
        { id: 1, field: 'author', message: 'no author' },
        { id: 1, field: 'date', message: 'no date' },
        { id: 'csl-item', field: 'url', message: 'no url' },
      ],
    }
  })

  beforeEach(() => {
    vi.useFakeTimers()
    formatCitations.mockClear()
    setClient({ formatCitations } as unknown as ArchiveClient)
  })
  afterEach(() => {
    vi.useRealTimers()
    setClient(null)
  })

  it('formats the list a moment after the last change, once for several changes', async () => {
    const { preview } = setup(list([1, 2]))
    preview.schedule()
    preview.schedule()
    expect(preview.updating.value).toBe(true)
    await vi.advanceTimersByTimeAsync(149)
    expect(formatCitations).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(formatCitations).toHaveBeenCalledTimes(2)
    expect(formatCitations).toHaveBeenCalledWith({ listId: 9, style: 'apa', locale: 'en-US', format: 'html' })
    expect(preview.updating.value).toBe(false)
    expect(preview.entries.value).toHaveLength(2)
    expect(preview.plainText.value).toBe('B.\nA.\n')
    expect([...preview.warnings.value]).toEqual([[1, ['author', 'date']]])
  })

  it('tells when the style orders the list itself, and hangs the first line unless GOST', async () => {
    const { detail, preview } = setup(list([1, 2]))
    preview.schedule()
    await vi.advanceTimersByTimeAsync(150)
    expect(preview.styleReorders.value).toBe(true)
    expect(preview.hangingIndent.value).toBe(true)
    detail.value = list([2, 1], 'gost-r-7.0.100-2018')
    expect(preview.styleReorders.value).toBe(false)
    expect(preview.hangingIndent.value).toBe(false)
  })

  it('shows nothing for an empty list without asking the engine', async () => {
    const { preview } = setup(list([]))
    preview.schedule()
    await vi.advanceTimersByTimeAsync(150)
    expect(formatCitations).not.toHaveBeenCalled()
    expect(preview.entries.value).toEqual([])
    expect(preview.updating.value).toBe(false)
  })

  it('keeps only the newest answer when an older one arrives late', async () => {
    let releaseFirst!: () => void
    formatCitations.mockImplementationOnce(
      () =>
        new Promise(
          (done) =>
            (releaseFirst = () => done({ output: '', entries: ['<p>old</p>'], entryIds: [1], warnings: [] })),
        ),
    )
    const { preview } = setup(list([1, 2]))
    preview.schedule()
    await vi.advanceTimersByTimeAsync(150)
    preview.schedule()
    await vi.advanceTimersByTimeAsync(150)
    releaseFirst()
    await vi.advanceTimersByTimeAsync(0)
    expect(preview.entries.value).toHaveLength(2)
  })
})
