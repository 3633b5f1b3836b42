/**
 * `npm run bench:cite`. Targets from the issue: 1,000 items of every kind per style under 1 s; a 100-item
 * preview after one edit within 150 ms. Each style's table puts Lectern next to a bare citeproc engine (same style,
 * locale and items, none of our preparation) so the share of our own work stays visible.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import CSL, { type Engine } from 'citeproc'
import { bench, describe } from 'vitest'
import { CitationProcessor, defaultCslDir } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS } from '../../../../../tests/support/cite-items'
import { EVERY_KIND } from '../../../../../tests/support/cite-kinds'

/** Every kind of source (articles, books, chapters, reports, theses, entries, laws, data, web pages) in turn. */
const KINDS: readonly CslItem[] = [...EVERY_KIND, ...ALL_ITEMS]

function manyItems(count: number): CslItem[] {
  return Array.from({ length: count }, (_, index) => {
    const base = KINDS[index % KINDS.length]!
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
  'gost-r-7.0.5-2008-notes',
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

function readLocale(lang: string): string | false {
  const file = join(cslDir, `locales-${lang === 'ru' ? 'ru-RU' : lang === 'en' ? 'en-US' : lang}.xml`)
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return false
  }
}

/** A bare CSL.Engine over a mutable item table: only citeproc's own work, none of our preparation. */
function plainEngine(style: string, table: Map<string, CslItem>): Engine {
  const sys = { retrieveLocale: readLocale, retrieveItem: (id: string): object => table.get(id)! }
  const engine = new CSL.Engine(sys, readFileSync(join(cslDir, `${style}.csl`), 'utf8'), LOCALE, true)
  engine.setOutputFormat('text')
  return engine
}

function plainBibliography(engine: Engine, ids: string[]): string[] {
  engine.updateItems(ids)
  const result = engine.makeBibliography()
  return result ? result[1] : []
}

/** The same list with item 500 edited: a new id, as our processor gives an edited item. */
function withOneEdit(items: readonly CslItem[], edit: number): CslItem[] {
  return items.map((item, index) =>
    index === 500 ? { ...item, id: `${item.id}-edit${edit}`, title: `Edited ${edit}` } : item,
  )
}

const once = { iterations: 3, warmupIterations: 1 }

/** Every item cited once, then every tenth again: notes styles give full notes, then short ones. */
const citeOrder = [
  ...thousand.map((item) => ({ id: item.id })),
  ...thousand.filter((_, index) => index % 10 === 0).map((item) => ({ id: item.id, locator: '12' })),
]

for (const style of STYLES)
  describe(`1,000 items, ${style}`, () => {
    bench(
      'Lectern, fresh processor',
      () => {
        new CitationProcessor().bibliography(thousand, { style, locale: LOCALE, format: 'text' })
      },
      once,
    )
    bench(
      'Lectern, 1,100 citations in the text or notes',
      () => {
        new CitationProcessor().citations(thousand, citeOrder, { style, locale: LOCALE, format: 'text' })
      },
      once,
    )
    bench(
      'plain citeproc, fresh engine',
      () => {
        const table = new Map(thousand.map((item) => [item.id, item]))
        plainBibliography(plainEngine(style, table), [...table.keys()])
      },
      once,
    )

    const processor = new CitationProcessor()
    let lecternEdit = 0
    bench(
      'Lectern, reused processor, one item edited',
      () => {
        processor.bibliography(withOneEdit(thousand, ++lecternEdit), {
          style,
          locale: LOCALE,
          format: 'text',
        })
      },
      {
        ...once,
        setup: () => {
          processor.bibliography(thousand, { style, locale: LOCALE, format: 'text' })
        },
      },
    )

    const table = new Map(thousand.map((item) => [item.id, item]))
    let engine: Engine | undefined
    let plainEdit = 0
    bench(
      'plain citeproc, reused engine, one item edited',
      () => {
        const items = withOneEdit(thousand, ++plainEdit)
        for (const item of items) table.set(item.id, item)
        plainBibliography(
          engine!,
          items.map((item) => item.id),
        )
      },
      {
        ...once,
        setup: () => {
          engine ??= plainEngine(style, table)
          plainBibliography(engine, [...table.keys()])
        },
      },
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
