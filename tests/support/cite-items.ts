/** The fixed item set of the style and writer tests: every case the issue lists, RU and EN mixed. */
import type { CslItem } from '../../src/main/archive/citations/csl-item'

const accessed = { 'date-parts': [[2026, 11, 27]] }

/** One author, a subtitle, a news piece. */
export const oneAuthor: CslItem = {
  id: 'one-author',
  type: 'article-newspaper',
  title: 'What Vance’s trip means for regional cooperation',
  subtitle: 'Reassessing the South Caucasus',
  author: [{ family: 'Doe', given: 'Jane' }],
  'container-title': 'Caliber.az',
  section: 'Analytics',
  issued: { 'date-parts': [[2026, 2, 7]] },
  accessed,
  language: 'en',
  URL: 'https://caliber.az/en/post/vance-trip',
}

/** Two authors, Cyrillic. */
export const twoAuthors: CslItem = {
  id: 'two-authors',
  type: 'article-newspaper',
  title: 'Транспортные коридоры Южного Кавказа',
  author: [
    { family: 'Иванов', given: 'Иван Иванович' },
    { family: 'Петрова', given: 'Анна Сергеевна' },
  ],
  'container-title': 'Российская газета',
  issued: { 'date-parts': [[2025, 3, 15]] },
  accessed,
  language: 'ru',
  URL: 'https://rg.ru/2025/03/15/koridory.html',
}

/** Three authors, a web page. */
export const threeAuthors: CslItem = {
  id: 'three-authors',
  type: 'webpage',
  title: 'Energy security in the Caspian region',
  author: [
    { family: 'Smith', given: 'John' },
    { family: 'Brown', given: 'Mary Ann' },
    { family: 'Clark', given: 'Peter' },
  ],
  'container-title': 'Atlantic Council',
  issued: { 'date-parts': [[2025, 9, 1]] },
  accessed,
  language: 'en',
  URL: 'https://www.atlanticcouncil.org/energy-caspian/',
}

/** Four authors, Cyrillic, a blog post. */
export const fourAuthors: CslItem = {
  id: 'four-authors',
  type: 'post-weblog',
  title: 'Заметки о санкциях',
  author: [
    { family: 'Смирнов', given: 'Алексей' },
    { family: 'Кузнецов', given: 'Борис' },
    { family: 'Попов', given: 'Виктор' },
    { family: 'Васильев', given: 'Григорий' },
  ],
  'container-title': 'Экономический блог',
  issued: { 'date-parts': [[2024, 12, 1]] },
  accessed,
  language: 'ru',
  URL: 'https://econ.example.ru/blog/sanctions',
}

/** An organisation as author. */
export const organisation: CslItem = {
  id: 'organisation',
  type: 'webpage',
  title: 'Press release on the peace agenda',
  author: [{ literal: 'Ministry of Foreign Affairs of Azerbaijan' }],
  'container-title': 'mfa.gov.az',
  issued: { 'date-parts': [[2026, 1, 20]] },
  accessed,
  language: 'en',
  URL: 'https://mfa.gov.az/en/news/peace-agenda',
}

/** No author, Cyrillic, a news piece with a time in its date. */
export const noAuthor: CslItem = {
  id: 'no-author',
  type: 'article-newspaper',
  title: 'Путин провёл переговоры с Алиевым',
  'container-title': 'ТАСС',
  issued: { 'date-parts': [[2026, 5, 9]] },
  accessed,
  language: 'ru',
  URL: 'https://tass.ru/politika/123',
}

/** No date; TeX specials and straight quotes in the title. */
export const noDate: CslItem = {
  id: 'no-date',
  type: 'webpage',
  title: 'R&D spending rose 5% as "AI_Index" hit $1bn (#2 in EU)',
  author: [{ family: 'Clark', given: 'Tom' }],
  'container-title': 'Policy Watch',
  accessed,
  language: 'en',
  URL: 'https://policywatch.example.org/rd-spending',
}

export const ALL_ITEMS: CslItem[] = [
  oneAuthor,
  twoAuthors,
  threeAuthors,
  fourAuthors,
  organisation,
  noAuthor,
  noDate,
]

/** Five authors: GOST lists the first three and "[и др.]". */
export const fiveAuthors: CslItem = {
  id: 'five-authors',
  type: 'webpage',
  title: 'Regional trade outlook',
  author: [
    { family: 'Adams', given: 'Alice' },
    { family: 'Baker', given: 'Bob' },
    { family: 'Cole', given: 'Carol' },
    { family: 'Dunn', given: 'Dan' },
    { family: 'Evans', given: 'Eve' },
  ],
  'container-title': 'Trade Review',
  issued: { 'date-parts': [[2025, 7, 4]] },
  accessed,
  language: 'en',
  URL: 'https://trade.example.com/outlook',
}
