/** Classic BibTeX (.bib) writer: Unicode kept, TeX specials escaped, stable keys. */
import { citationKeys } from './citation-key'
import type { CslItem } from '../csl-item'
import { escapeTex, escapeTitle, fullTitle, isoDate, languageName, texEntry, texNames, texUrl } from './tex'
import { firstDateParts } from '../../../../common/csl'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function entryType(item: CslItem): string {
  switch (item.type) {
    case 'article-newspaper':
    case 'article-magazine':
    case 'article-journal':
      return 'article'
    case 'report':
      return 'techreport'
    case 'book':
      return 'book'
    case 'chapter':
      return 'incollection'
    default:
      return 'misc'
  }
}

export function toBibtex(items: readonly CslItem[]): string {
  const keys = citationKeys(items)
  return items
    .map((item, index) => {
      const type = entryType(item)
      const issued = firstDateParts(item.issued)
      const month = issued?.[1]
      const site = item['container-title'] ? escapeTex(item['container-title']) : undefined
      const title = fullTitle(item, ': ')
      return texEntry(type, keys[index]!, [
        { name: 'author', value: item.author?.length ? texNames(item.author) : undefined },
        { name: 'title', value: title ? escapeTitle(title) : undefined },
        { name: 'journal', value: type === 'article' ? site : undefined },
        { name: 'howpublished', value: type === 'misc' ? site : undefined },
        { name: 'institution', value: type === 'techreport' ? escapeTex(item.publisher ?? '') : undefined },
        {
          name: 'publisher',
          value: type === 'book' && item.publisher ? escapeTex(item.publisher) : undefined,
        },
        { name: 'booktitle', value: type === 'incollection' ? site : undefined },
        { name: 'year', value: issued?.[0] !== undefined ? String(issued[0]) : undefined },
        { name: 'month', value: month ? MONTHS[month - 1] : undefined, bare: true },
        { name: 'date', value: isoDate(item.issued) },
        { name: 'url', value: item.URL ? texUrl(item.URL) : undefined },
        { name: 'urldate', value: isoDate(item.accessed) },
        { name: 'language', value: languageName(item.language) },
        { name: 'note', value: item.section ? escapeTex(item.section) : undefined },
      ])
    })
    .join('\n')
}
