import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { CORPUS_DIR, corpusAvailable, corpusPath } from '../../../../tests/support/paths'
import { decodeText } from './decode'
import type { DomDocument } from './dom'
import { ensureBody, stripHeavyElements } from './html-prepare'
import { runReadability } from './readability'

const FIXTURES = join(__dirname, '../../../../tests/fixtures')

type StockInput = ConstructorParameters<typeof Readability>[0]

/** Stock Readability with the same options, and with its address rewriting off as ours has it. */
class StockReadability extends (Readability as unknown as new (
  document: StockInput,
  options: object,
) => { parse(): { content: string | null | undefined } | null }) {
  _fixRelativeUris(): void {}
}

function stockContent(html: string): string | null {
  const { document } = parseHTML(html)
  return (
    new StockReadability(document as unknown as StockInput, {
      classesToPreserve: ['caption'],
      maxElemsToParse: 100_000,
    }).parse()?.content ?? null
  )
}

function ourContent(html: string): string | null {
  const { document } = parseHTML(html)
  const content = runReadability(document as unknown as DomDocument, { maxElements: 100_000 })?.content
  return content ? (content as unknown as { innerHTML: string }).innerHTML : null
}

const prepared = (bytes: Uint8Array): string =>
  ensureBody(stripHeavyElements(decodeText(bytes, { html: true }).text))

describe('Readability on linkedom, with the cheaper helpers', () => {
  it('hides exactly what the stock visibility test hides', () => {
    const styles = [
      'display:none',
      'display: none; color: red',
      'color: red;display:none',
      'display: none !important',
      'visibility:hidden',
      'visibility: hidden; display: block',
      'display:block;display:none',
      'display:none;display:block',
      'DISPLAY:none',
      'font: 12px/1.5 a:b',
      '',
    ]
    const body = styles
      .map(
        (style, index) =>
          `<div style="${style}"><p>Paragraph ${index}, long enough to be kept as text.</p></div>`,
      )
      .join('')
    const extras =
      '<div hidden><p>hidden attribute paragraph text.</p></div><div aria-hidden="true"><p>aria hidden text.</p></div>' +
      '<div aria-hidden="true" class="mwe-math-fallback-image-inline"><p>fallback image text.</p></div>'
    const html = `<html><body><article>${body}${extras}</article></body></html>`
    expect(ourContent(html)).toBe(stockContent(html))
  })

  it('picks the same article as stock Readability on a page of our own', () => {
    const html = prepared(readFileSync(join(FIXTURES, 'zanzibar-spice-trade.html')))
    const ours = ourContent(html)
    expect(ours).not.toBeNull()
    expect(ours).toBe(stockContent(html))
  })

  const folders = [corpusPath('readability-pages'), corpusPath('ru-pages', 'pages')]
  if (!corpusAvailable(...folders)) {
    it.skip(`corpus missing at ${CORPUS_DIR}; the comparison on real pages did not run`, () => {})
    return
  }

  it('picks the same article as stock Readability on real pages', () => {
    const readabilityPages = readdirSync(folders[0]!)
      .sort()
      .slice(0, 30)
      .map((dir) => join(folders[0]!, dir, 'source.html'))
      .filter((file) => existsSync(file))
    const ruPages = readdirSync(folders[1]!).map((file) => join(folders[1]!, file))
    const differing: string[] = []
    for (const file of [...readabilityPages, ...ruPages]) {
      const html = prepared(readFileSync(file))
      if (ourContent(html) !== stockContent(html)) differing.push(file)
    }
    expect(readabilityPages.length + ruPages.length).toBeGreaterThan(35)
    expect(differing).toEqual([])
  })
})
