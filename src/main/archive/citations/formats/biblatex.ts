/** BibLaTeX writer (for biber): @online / @article with urldate, subtitle, titleaddon and langid. */
import { citationKeys } from './citation-key'
import type { CslItem } from '../csl-item'
import { escapeTex, escapeTitle, isoDate, languageName, texEntry, texNames, texUrl } from './tex'

function entryType(item: CslItem): { type: string; subtype?: string } {
  switch (item.type) {
    case 'article-newspaper':
      return { type: 'article', subtype: 'newspaper' }
    case 'article-magazine':
    case 'article-journal':
      return { type: 'article' }
    case 'report':
      return { type: 'report' }
    case 'book':
      return { type: 'book' }
    case 'chapter':
      return { type: 'incollection' }
    default:
      return { type: 'online' }
  }
}

export function toBiblatex(items: readonly CslItem[]): string {
  const keys = citationKeys(items)
  return items
    .map((item, index) => {
      const { type, subtype } = entryType(item)
      const site = item['container-title'] ? escapeTex(item['container-title']) : undefined
      return texEntry(type, keys[index]!, [
        { name: 'author', value: item.author?.length ? texNames(item.author) : undefined },
        { name: 'title', value: item.title ? escapeTitle(item.title) : undefined },
        { name: 'subtitle', value: item.subtitle ? escapeTitle(item.subtitle) : undefined },
        { name: 'titleaddon', value: item.section ? escapeTex(item.section) : undefined },
        { name: 'entrysubtype', value: subtype },
        { name: 'journaltitle', value: type === 'article' ? site : undefined },
        { name: 'organization', value: type === 'online' ? site : undefined },
        { name: 'booktitle', value: type === 'incollection' ? site : undefined },
        {
          name: type === 'report' ? 'institution' : 'publisher',
          value: item.publisher ? escapeTex(item.publisher) : undefined,
        },
        { name: 'type', value: type === 'report' ? 'report' : undefined },
        { name: 'date', value: isoDate(item.issued) ?? item.issued?.literal },
        { name: 'url', value: item.URL ? texUrl(item.URL) : undefined },
        { name: 'urldate', value: isoDate(item.accessed) },
        { name: 'langid', value: languageName(item.language) },
      ])
    })
    .join('\n')
}
