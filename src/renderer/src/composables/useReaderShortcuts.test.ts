// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { useReaderShortcuts } from './useReaderShortcuts'

function press(key: string, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  target.dispatchEvent(event)
  return event
}

describe('useReaderShortcuts', () => {
  let wrapper: VueWrapper | null
  const reader = {
    articleId: vi.fn<() => number | null>(),
    hasArticle: vi.fn<() => boolean>(),
    hasSelection: vi.fn<() => boolean>(),
    highlightSelection: vi.fn(),
    clearSelection: vi.fn(),
    closeNotes: vi.fn<() => boolean>(),
  }

  beforeEach(() => {
    setActivePinia(createPinia())
    window.location.hash = '#/article/7'
    reader.articleId.mockReturnValue(7)
    reader.hasArticle.mockReturnValue(true)
    reader.hasSelection.mockReturnValue(false)
    reader.highlightSelection.mockClear()
    reader.clearSelection.mockClear()
    reader.closeNotes.mockReset()
    reader.closeNotes.mockReturnValue(false)
    document.body.innerHTML = `
      <div data-testid="article-row" data-id="12" aria-posinset="1"></div>
      <input data-testid="tag-input" />`
    wrapper = mount(defineComponent({ setup: () => (useReaderShortcuts(reader), () => h('div')) }), {
      attachTo: document.body,
    })
  })
  afterEach(() => wrapper?.unmount())

  it('h highlights the selection; t goes to the tag field', () => {
    expect(press('h').defaultPrevented).toBe(true)
    expect(reader.highlightSelection).toHaveBeenCalledTimes(1)
    press('t')
    expect(document.activeElement).toBe(document.querySelector('[data-testid="tag-input"]'))
  })

  it('leaves keys typed into a field alone', () => {
    const field = document.querySelector<HTMLInputElement>('[data-testid="tag-input"]')!
    expect(press('h', field).defaultPrevented).toBe(false)
    expect(reader.highlightSelection).not.toHaveBeenCalled()
  })

  it('ignores h and t with no article open', () => {
    reader.hasArticle.mockReturnValue(false)
    expect(press('h').defaultPrevented).toBe(false)
    expect(press('t').defaultPrevented).toBe(false)
    expect(reader.highlightSelection).not.toHaveBeenCalled()
  })

  it('Esc drops the selection first, then closes the notes, then goes back to the list', () => {
    reader.hasSelection.mockReturnValue(true)
    press('Escape')
    expect(reader.clearSelection).toHaveBeenCalledTimes(1)
    expect(reader.closeNotes).not.toHaveBeenCalled()
    expect(window.location.hash).toBe('#/article/7')
    reader.hasSelection.mockReturnValue(false)
    reader.closeNotes.mockReturnValueOnce(true)
    press('Escape')
    expect(reader.closeNotes).toHaveBeenCalledTimes(1)
    expect(window.location.hash).toBe('#/article/7')
    press('Escape')
    expect(window.location.hash).toBe('#/library')
  })

  it('leaves Esc to a menu or dialog that already handled it', () => {
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    event.preventDefault()
    document.body.dispatchEvent(event)
    expect(reader.closeNotes).not.toHaveBeenCalled()
    expect(window.location.hash).toBe('#/article/7')
  })

  it('j opens the first row of the list when the open article is not in it', () => {
    press('j')
    expect(window.location.hash).toBe('#/article/12')
  })

  it('stops listening once the reader is gone', () => {
    wrapper?.unmount()
    wrapper = null
    press('h')
    expect(reader.highlightSelection).not.toHaveBeenCalled()
  })
})
