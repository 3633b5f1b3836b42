// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Highlight } from '../../../common/types'
import { clearMarks, highlightIdAt, marksOf, renderHighlights, selectionSelector } from './highlightDom'

function article(html: string): HTMLElement {
  document.body.innerHTML = `<article>${html}</article>`
  return document.querySelector('article') as HTMLElement
}

function highlight(id: number, quote: string, extra: Partial<Highlight> = {}): Highlight {
  return {
    id,
    articleId: 1,
    color: 'yellow',
    quote,
    prefix: '',
    suffix: '',
    textOffset: null,
    note: null,
    orphaned: false,
    createdAt: '',
    updatedAt: '',
    ...extra,
  }
}

const HTML =
  '<p>The visit opens a <em>new chapter</em> in cooperation.</p>\n<p>Officials said the talks went well.</p>'

describe('renderHighlights', () => {
  it('wraps a quote that crosses elements and paragraphs, keeping the text', () => {
    const root = article(HTML)
    const text = root.textContent
    const missing = renderHighlights(
      root,
      [highlight(7, 'a new chapter in cooperation. Officials said', { color: 'blue', note: 'n' })],
      80,
    )
    expect(missing).toEqual([])
    const marks = marksOf(root, 7)
    expect(marks.map((mark) => mark.textContent).join('|')).toBe(
      'a |new chapter| in cooperation.|Officials said',
    )
    expect(marks.every((mark) => (mark as HTMLElement).dataset.color === 'blue')).toBe(true)
    expect(root.textContent).toBe(text)
    expect(highlightIdAt(marks[1]!)).toBe(7)
    clearMarks(root)
    expect(root.querySelectorAll('mark').length).toBe(0)
    expect(root.innerHTML).toBe(article(HTML).innerHTML)
  })

  it('uses the context to pick the right one of repeated words and reports the missing', () => {
    const root = article('<p>the talks, the talks, the talks</p>')
    const missing = renderHighlights(
      root,
      [
        highlight(1, 'the talks', { prefix: 'the talks,', suffix: ', the talks' }),
        highlight(2, 'absent words here'),
      ],
      30,
    )
    expect(missing).toEqual([2])
    const [mark] = marksOf(root, 1)
    expect(mark?.previousSibling?.textContent).toBe('the talks, ')
  })
})

describe('selectionSelector', () => {
  it('turns the selection into a quote with context', () => {
    const root = article(HTML)
    const em = root.querySelector('em')!
    const range = document.createRange()
    range.setStart(em.firstChild!, 4)
    range.setEnd(root.querySelectorAll('p')[1]!.firstChild!, 9)
    const selection = document.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    const selector = selectionSelector(root)
    expect(selector?.quote).toBe('chapter in cooperation. Officials')
    expect(selector?.prefix.endsWith('a new ')).toBe(true)
    expect(selector?.suffix.startsWith(' said')).toBe(true)
  })
})
