import type { CslItem } from '../../src/common/csl'
import type { Article } from '../../src/common/types'

/**
 * Test support for the window: articles as the contract returns them, for references imported from a
 * file (records without a page) and for a saved page. The works are invented for Lectern's tests.
 */

const base = {
  subtitle: null,
  section: null,
  language: null,
  url: null,
  excerpt: null,
  wordCount: 0,
  addedAt: '2026-11-27T10:00:00Z',
  updatedAt: '2026-11-27T10:00:00Z',
  tags: [],
  rights: null,
  contentText: '',
  contentHtml: '',
  originalSha256: 'bfd0',
  warnings: [],
  accessedAt: null,
  citeKind: null,
}

/** An article for a reference read from `thesis-sources.bib`, its columns mirroring the record. */
export function referenceArticle(id: number, item: Omit<CslItem, 'id'>, citationKey: string | null): Article {
  const names = item.author?.length ? item.author : (item.editor ?? [])
  return {
    ...base,
    id,
    title: item.title ?? 'Untitled',
    subtitle: item.subtitle ?? null,
    authors: names.map((name) => name.literal ?? [name.family, name.given].filter(Boolean).join(', ')),
    siteName: item['container-title'] ?? item.publisher ?? null,
    publishedAt:
      item.issued?.['date-parts']?.[0]
        ?.map((part, at) => (at === 0 ? String(part) : String(part).padStart(2, '0')))
        .join('-') ?? null,
    language: item.language ?? null,
    url: item.URL ?? null,
    format: 'reference',
    itemType: item.type,
    item: { ...item, id: String(id), ...(citationKey ? { 'citation-key': citationKey } : {}) },
    citationKey,
    sourceName: 'thesis-sources.bib',
  }
}

export const bookRecord = referenceArticle(
  2,
  {
    type: 'book',
    title: 'Транспортные коридоры Евразии',
    subtitle: 'история и современность',
    author: [{ family: 'Иванова', given: 'Мария Петровна' }],
    publisher: 'Наука',
    'publisher-place': 'Москва',
    edition: '2',
    'number-of-pages': '356',
    ISBN: '978-5-02-040123-4',
    'collection-title': 'Библиотека востоковеда',
    'collection-number': '12',
    issued: { 'date-parts': [[2019]] },
    language: 'ru',
  },
  'ivanova2019',
)

export const journalRecord = referenceArticle(
  1,
  {
    type: 'article-journal',
    title: 'Frozen No More',
    subtitle: 'Pipeline Politics after the Caspian Settlement',
    author: [
      { family: 'Kvaratskhelia', given: 'Nino' },
      { family: "O'Brien", given: 'Sean Patrick' },
    ],
    'container-title': 'Europe-Asia Studies',
    volume: '76',
    issue: '3',
    page: '412-437',
    issued: { 'date-parts': [[2024, 3]] },
    DOI: '10.1080/09668136.2024.2311408',
    ISSN: '0966-8136',
  },
  'kv2024',
)

export const chapterRecord = referenceArticle(
  3,
  {
    type: 'chapter',
    title: 'Ports and Power in the Black Sea Region',
    author: [{ family: 'Hart', given: 'Eleanor' }],
    'container-title': 'Maritime Corridors of the Twenty-First Century',
    editor: [
      { family: 'Lindqvist', given: 'Anna' },
      { family: 'Moreau', given: 'Paul' },
    ],
    page: '145-162',
    publisher: 'Routledge',
    'publisher-place': 'London',
    issued: { 'date-parts': [[2021]] },
  },
  'hart2021',
)

/** A saved news page: it describes itself from its own fields (no record, no key). */
export const savedPage: Article = {
  ...base,
  id: 9,
  title: 'What Vance’s trip means for regional cooperation',
  authors: ['Aliyev, Rauf'],
  siteName: 'Caliber.az',
  section: 'Analytics',
  publishedAt: '2026-02-07T19:01',
  language: 'en',
  url: 'https://caliber.az/en/post/vance',
  wordCount: 947,
  format: 'text',
  itemType: 'article-newspaper',
  item: {
    id: '9',
    type: 'article-newspaper',
    title: 'What Vance’s trip means for regional cooperation',
    author: [{ family: 'Aliyev', given: 'Rauf' }],
    'container-title': 'Caliber.az',
    section: 'Analytics',
    issued: { 'date-parts': [[2026, 2, 7]] },
    accessed: { 'date-parts': [[2026, 11, 27]] },
    language: 'en',
    URL: 'https://caliber.az/en/post/vance',
  },
  citationKey: null,
  contentText: 'The upcoming visit…',
  contentHtml: '<p>The upcoming visit…</p>',
  sourceName: 'caliber-az-vance-visit.txt',
}
