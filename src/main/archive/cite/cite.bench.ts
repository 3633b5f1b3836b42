/**
 * `npm run bench:cite`. Targets from the issue: 1,000 items per style under 1 s; a 100-item preview after
 * one edit within 150 ms. Each style's table puts Lectern next to a bare citeproc engine (same style,
 * locale and items, none of our preparation) so the share of our own work stays visible.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import CSL from 'citeproc'
import { bench, describe } from 'vitest'
import { CitationProcessor, defaultCslDir } from './citeproc'
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
const LOCALE = 'ru-RU'
const cslDir = defaultCslDir()
const thousand = manyItems(1000)

/** A fresh CSL.Engine per run, as our fresh processor makes one: only citeproc's own work. */
function plainCiteproc(style: string, items: readonly CslItem[]): string[] {
  const byId = new Map(items.map((item) => [item.id, item]))
  const sys = {
    retrieveLocale: (lang: string): string | false => {
      const file = join(cslDir, `locales-${lang === 'ru' ? 'ru-RU' : lang === 'en' ? 'en-US' : lang}.xml`)
      try {
        return readFileSync(file, 'utf8')
      } catch {
        return false
      }
    },
    retrieveItem: (id: string): object => byId.get(id)!,
  }
  const engine = new CSL.Engine(sys, readFileSync(join(cslDir, `${style}.csl`), 'utf8'), LOCALE, true)
  engine.updateItems(items.map((item) => item.id))
  engine.setOutputFormat('text')
  const result = engine.makeBibliography()
  return result ? result[1] : []
}

for (const style of STYLES)
  describe(`1,000 items, ${style}`, () => {
    bench(
      'Lectern (fresh processor)',
      () => {
        new CitationProcessor().bibliography(thousand, { style, locale: LOCALE, format: 'text' })
      },
      { iterations: 3, warmupIterations: 1 },
    )
    bench(
      'plain citeproc (fresh engine)',
      () => {
        plainCiteproc(style, thousand)
      },
      { iterations: 3, warmupIterations: 1 },
    )
  })

describe('100-item preview after one edit', () => {
  const processor = new CitationProcessor()
  const hundred = manyItems(100)
  processor.bibliography(hundred, { style: 'gost-r-7.0.100-2018', locale: LOCALE, format: 'html' })
  let edit = 0
  bench('gost-r-7.0.100-2018, html', () => {
    edit++
    const items = hundred.map((item, index) => (index === 50 ? { ...item, title: `Edited ${edit}` } : item))
    processor.bibliography(items, { style: 'gost-r-7.0.100-2018', locale: LOCALE, format: 'html' })
  })
})
