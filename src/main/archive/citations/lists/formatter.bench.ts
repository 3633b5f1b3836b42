/**
 * `vitest bench --run src/main/archive/citations`: a citation list as the archive serves it (formatted
 * entries, the article behind each, warnings): the live preview after one article is edited, and a
 * 1,000-item list per style.
 */
import { bench, describe } from 'vitest'
import type { CslItem } from '../index'
import { ALL_ITEMS } from '../../../../../tests/support/cite-items'
import { CitationFormatter, type CitationInput } from './formatter'

function manyInputs(count: number): CitationInput[] {
  return Array.from({ length: count }, (_, index) => {
    const base = ALL_ITEMS[index % ALL_ITEMS.length]!
    const item: CslItem = {
      ...base,
      id: String(index + 1),
      title: `${base.title} ${index}`,
      author: base.author?.map((name) =>
        name.family ? { ...name, family: `${name.family}${index}` } : name,
      ),
    }
    return { key: index + 1, item }
  })
}

describe('100-item list preview after one edit, with entry ids and warnings', () => {
  for (const style of ['gost-r-7.0.100-2018', 'apa']) {
    const formatter = new CitationFormatter([])
    const inputs = manyInputs(100)
    const options = { style, locale: 'ru-RU' as const, format: 'html' as const }
    formatter.format(inputs, options)
    let edit = 0
    bench(style, () => {
      edit++
      const edited = inputs.map((input, index) =>
        index === 50 ? { ...input, item: { ...input.item, title: `Edited ${edit}` } } : input,
      )
      formatter.format(edited, options)
    })
  }
})

describe('1,000-item list as the archive formats it (entry ids, warnings), fresh formatter', () => {
  const inputs = manyInputs(1000)
  for (const style of [
    'gost-r-7.0.100-2018',
    'apa',
    'mla',
    'chicago-author-date',
    'chicago-note-bibliography',
    'harvard',
    'ieee',
  ])
    bench(
      style,
      () => {
        new CitationFormatter([]).format(inputs, { style, locale: 'ru-RU', format: 'html' })
      },
      { iterations: 3, warmupIterations: 1 },
    )
})
