import { describe, expect, it, vi } from 'vitest'
import { ARTICLE_DRAG_TYPE } from '../lib/virtualListDrag'
import { useArticleDrop } from './useArticleDrop'

/** A drag event carrying `data` by type, as the browser hands it to a drop target. */
function dragEvent(data: Record<string, string>) {
  const dataTransfer = {
    types: Object.keys(data),
    dropEffect: 'none',
    getData: (type: string) => data[type] ?? '',
  }
  return { dataTransfer, preventDefault: vi.fn() } as unknown as DragEvent & {
    preventDefault: ReturnType<typeof vi.fn>
  }
}

describe('useArticleDrop', () => {
  it('marks the item under a drag of article rows and hands it the ids on drop', async () => {
    const receive = vi.fn(async () => undefined)
    const drop = useArticleDrop<string>(receive)
    const over = dragEvent({ [ARTICLE_DRAG_TYPE]: '[3,5]' })
    drop.onDragOver(over, 'region')
    expect(over.preventDefault).toHaveBeenCalled()
    expect(over.dataTransfer!.dropEffect).toBe('copy')
    expect(drop.dropTarget.value).toBe('region')

    const dropped = dragEvent({ [ARTICLE_DRAG_TYPE]: '[3,5]' })
    await drop.onDrop(dropped, 'region')
    expect(dropped.preventDefault).toHaveBeenCalled()
    expect(receive).toHaveBeenCalledWith('region', [3, 5])
    expect(drop.dropTarget.value).toBeNull()
  })

  it('leaves other drags alone (files, text) and ignores a drop without article ids', async () => {
    const receive = vi.fn(async () => undefined)
    const drop = useArticleDrop<number>(receive)
    const files = dragEvent({ Files: '' })
    drop.onDragOver(files, 1)
    expect(files.preventDefault).not.toHaveBeenCalled()
    expect(drop.dropTarget.value).toBeNull()

    drop.onDragOver(dragEvent({ [ARTICLE_DRAG_TYPE]: '[1]' }), 1)
    drop.onDragLeave()
    expect(drop.dropTarget.value).toBeNull()

    const malformed = dragEvent({ [ARTICLE_DRAG_TYPE]: 'not json' })
    await drop.onDrop(malformed, 1)
    expect(malformed.preventDefault).not.toHaveBeenCalled()
    expect(receive).not.toHaveBeenCalled()
  })
})
