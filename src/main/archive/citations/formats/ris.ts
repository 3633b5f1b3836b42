/** RIS writer: one "TAG  - value" line per field, "\n" line ends, values never wrapped. */
import type { CslItem, CslName } from '../csl-item'
import { firstDateParts } from '../../../../common/csl'

const RIS_TYPES: Partial<Record<CslItem['type'], string>> = {
  'article-newspaper': 'NEWS',
  'article-magazine': 'MGZN',
  'article-journal': 'JOUR',
  webpage: 'ELEC',
  'post-weblog': 'BLOG',
  report: 'RPRT',
  document: 'GEN',
  book: 'BOOK',
  chapter: 'CHAP',
}

function risDate(parts: number[] | undefined): string | undefined {
  if (!parts || parts.length === 0) return undefined
  const [year, month, day] = parts
  const pad = (value: number | undefined): string =>
    value === undefined ? '' : String(value).padStart(2, '0')
  return `${String(year).padStart(4, '0')}/${pad(month)}/${pad(day)}/`
}

function risName(name: CslName): string {
  if (name.literal) return name.literal
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  return [family, name.given, name.suffix].filter(Boolean).join(', ')
}

function line(tag: string, value: string | number | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  return `${tag}  - ${String(value).replace(/\s+/g, ' ').trim()}`
}

export function toRis(items: readonly CslItem[]): string {
  return items
    .map((item) => {
      const issued = firstDateParts(item.issued)
      const title = item.subtitle
        ? item.title
          ? `${item.title}: ${item.subtitle}`
          : item.subtitle
        : item.title
      const lines = [
        line('TY', RIS_TYPES[item.type] ?? 'GEN'),
        ...(item.author ?? []).map((name) => line('AU', risName(name))),
        line('TI', title),
        line('T2', item['container-title']),
        line('SE', item.section),
        line('PB', item.publisher),
        line('PY', issued?.[0]),
        line('DA', risDate(issued)),
        line('Y2', risDate(firstDateParts(item.accessed))),
        line('LA', item.language),
        line('UR', item.URL),
        'ER  - ',
      ]
      return lines.filter((text): text is string => text !== undefined).join('\n') + '\n'
    })
    .join('\n')
}
