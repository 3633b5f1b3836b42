// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { neighbourStop, tabStops } from './focus'

describe('Tab stops around the reading frame', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <header><button id="toggle">Sidebar</button><a id="brand" href="#/library">Lectern</a></header>
      <main>
        <input id="tag" />
        <button id="disabled" disabled>Add</button>
        <iframe id="frame" srcdoc="<p>Text</p>"></iframe>
        <div hidden><button id="hidden">Hidden</button></div>
        <aside><button id="notes-close">Close</button></aside>
      </main>`
    // happy-dom lays nothing out; every element counts as rendered here.
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('*')))
      element.getClientRects = () => [new DOMRect(0, 0, 10, 10)] as unknown as DOMRectList
  })

  it('skips disabled and hidden controls', () => {
    expect(tabStops(document).map((element) => element.id)).toEqual([
      'toggle',
      'brand',
      'tag',
      'frame',
      'notes-close',
    ])
  })

  it('goes on after the frame and back before it', () => {
    const frame = document.getElementById('frame')!
    expect(neighbourStop(frame, false)?.id).toBe('notes-close')
    expect(neighbourStop(frame, true)?.id).toBe('tag')
  })

  it('wraps around to the toolbar past the last stop, and to the end before the first', () => {
    expect(neighbourStop(document.getElementById('notes-close')!, false)?.id).toBe('toggle')
    expect(neighbourStop(document.getElementById('toggle')!, true)?.id).toBe('notes-close')
  })
})
