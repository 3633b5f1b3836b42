/**
 * `vitest bench --run src/main/archive/cite` (the lead wires it as `npm run bench:cite`).
 * Targets from the issue: 1,000 items per style under 1 s; a 100-item preview after one edit within 150 ms.
 */
import { bench, describe } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from './csl-item'
import { ALL_ITEMS } from './tests/items'

function manyItems(count: number): CslItem[] {
  return Array.from({ length: count }, (_, index) => {
    const base = ALL_ITEMS[index % ALL_ITEMS.length]!
    // Distinct authors and years, as in a real list (identical author-year pairs force disambiguation).
    const author = base.author?.map((name) =>
      name.family ? { ...name, family: `${name.family}${index}` } : name,
    )
    const issued = base.issued
      ? { 'date-parts': [[2000 + (index % 27), 1 + (index % 12), 1 + (index % 28)]] }
      : undefined
    return { ...base, id: `item-${index}`, title: `${base.title} ${index}`, author, issued }
  })
}

const STYLES = [
  'gost-r-7.0.100-2018',
  'apa',
  'mla',
  'chicago-author-date',
  'chicago-note-bibliography',
  'harvard',
  'ieee',
]
const thousand = manyItems(1000)

describe('1,000 items, fresh processor, per style', () => {
  for (const style of STYLES)
    bench(
      style,
      () => {
        new CitationProcessor().bibliography(thousand, { style, locale: 'ru-RU', format: 'text' })
      },
      { iterations: 3, warmupIterations: 0 },
    )
})

describe('100-item preview after one edit', () => {
  const processor = new CitationProcessor()
  const hundred = manyItems(100)
  processor.bibliography(hundred, { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'html' })
  let edit = 0
  bench('gost-r-7.0.100-2018, html', () => {
    edit++
    const items = hundred.map((item, index) => (index === 50 ? { ...item, title: `Edited ${edit}` } : item))
    processor.bibliography(items, { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'html' })
  })
})
