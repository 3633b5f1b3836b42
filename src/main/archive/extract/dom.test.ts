import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { type DomDocument, type DomElement, elementsByTagNames, parseDocument } from './dom'

describe('elementsByTagNames', () => {
  const page = `<!doctype html><html><head><title>t</title></head><body>
    <div id="a"><p id="p1">one <a href="#x">x</a></p><ul><li><p id="p2">two</p></li></ul></div>
    <section><h2>h</h2><p id="p3">three</p><div><h1>deep</h1></div></section></body></html>`

  it('finds what querySelectorAll finds, in document order, under a document and under an element', () => {
    const { document } = parseHTML(page)
    const ids = (elements: ArrayLike<unknown>): string[] =>
      Array.from(elements as ArrayLike<{ localName: string; id: string }>).map(
        (e) => `${e.localName}#${e.id}`,
      )
    for (const names of [['p'], ['p', 'h1', 'h2'], ['div', 'li', 'a'], ['html', 'body'], ['table']]) {
      const doc = document as unknown as DomDocument
      expect(ids(elementsByTagNames(doc, names))).toEqual(ids(document.querySelectorAll(names.join(','))))
      const section = document.querySelector('section') as unknown as DomElement
      expect(ids(elementsByTagNames(section, names))).toEqual(
        ids(document.querySelector('section')!.querySelectorAll(names.join(','))),
      )
    }
  })

  it('matches elements created with upper-case names, as selectors do', () => {
    const { document } = parseHTML(page)
    const created = document.createElement('DIV')
    document.querySelector('#p3')!.appendChild(created)
    const doc = document as unknown as DomDocument
    expect(elementsByTagNames(doc, ['div'])).toHaveLength(document.querySelectorAll('div').length)
    expect(elementsByTagNames(doc, ['div', 'p'])).toHaveLength(document.querySelectorAll('div,p').length)
    expect(elementsByTagNames(doc, ['div'])).toContain(created)
  })
})

describe('parseDocument', () => {
  it('finds the head and the body of a page without a <head> tag, or with markup between the two', () => {
    const headless = parseDocument(
      '<html><title>Harbour</title><meta charset="utf-8"><body><p>Ships</p></body></html>',
    )
    expect(headless.body?.textContent).toBe('Ships')
    expect(headless.head?.querySelector('title')?.textContent).toBe('Harbour')
    const between = parseDocument(
      '<html><head><title>Harbour</title></head><div>Before</div><body><p>Ships</p></body><p>After</p></html>',
    )
    expect(between.body?.textContent).toBe('BeforeShipsAfter')
    expect(between.documentElement.children).toHaveLength(2)
  })
})
