/**
 * `vitest bench --run src/main/archive/citelists`: the live preview of a citation list as the archive
 * serves it (formatted entries, the article behind each, warnings) after one article is edited.
 */
import { bench, describe } from 'vitest'
import type { CslItem } from '../cite/index'
import { ALL_ITEMS } from '../cite/tests/items'
import { CitationFormatter, type CitationInput } from './formatter'

function hundredInputs(): CitationInput[] {
  return Array.from({ length: 100 }, (_, index) => {
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
    const inputs = hundredInputs()
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
