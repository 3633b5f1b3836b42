import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS } from '../../../../../tests/support/cite-items'

// Written from Cite Them Right (Harvard): Author, Initials. (Year) 'Title of article', Title of newspaper or
// blog, day Month. Available at: URL (Accessed: day Month year). Web pages: Author (Year) Title of page (in
// italics). "(no date)"; four or more authors as the first and "et al."; no author: the title leads.
const processor = new CitationProcessor()
const options = { style: 'harvard', format: 'text' } as const

describe('Harvard', () => {
  it('formats every test item, en-US', () => {
    expect(processor.bibliography(ALL_ITEMS, { ...options, locale: 'en-US' })).toEqual([
      'Clark, T. (no date) R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU). Available at: https://policywatch.example.org/rd-spending (Accessed: 27 November 2026).',
      'Doe, J. (2026) ‘What Vance’s trip means for regional cooperation: Reassessing the South Caucasus’, Caliber.az, 7 February. Available at: https://caliber.az/en/post/vance-trip (Accessed: 27 November 2026).',
      'Ministry of Foreign Affairs of Azerbaijan (2026) Press release on the peace agenda. Available at: https://mfa.gov.az/en/news/peace-agenda (Accessed: 27 November 2026).',
      'Smith, J., Brown, M.A. and Clark, P. (2025) Energy security in the Caspian region. Available at: https://www.atlanticcouncil.org/energy-caspian/ (Accessed: 27 November 2026).',
      'Иванов, И.И. and Петрова, А.С. (2025) ‘Транспортные коридоры Южного Кавказа’, Российская газета, 15 March. Available at: https://rg.ru/2025/03/15/koridory.html (Accessed: 27 November 2026).',
      '‘Путин провёл переговоры с Алиевым’ (2026) ТАСС, 9 May. Available at: https://tass.ru/politika/123 (Accessed: 27 November 2026).',
      'Смирнов, А. et al. (2024) ‘Заметки о санкциях’, Экономический блог, 1 December. Available at: https://econ.example.ru/blog/sanctions (Accessed: 27 November 2026).',
    ])
  })

  it('formats every test item, ru-RU', () => {
    expect(processor.bibliography(ALL_ITEMS, { ...options, locale: 'ru-RU' })).toEqual([
      'Иванов, И.И. и Петрова, А.С. (2025) «Транспортные коридоры Южного Кавказа», Российская газета, 15 марта. Доступно по адресу: https://rg.ru/2025/03/15/koridory.html (Дата обращения: 27 ноября 2026).',
      '«Путин провёл переговоры с Алиевым» (2026) ТАСС, 9 мая. Доступно по адресу: https://tass.ru/politika/123 (Дата обращения: 27 ноября 2026).',
      'Смирнов, А. и др. (2024) «Заметки о санкциях», Экономический блог, 1 декабря. Доступно по адресу: https://econ.example.ru/blog/sanctions (Дата обращения: 27 ноября 2026).',
      'Clark, T. (без даты) R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU). Доступно по адресу: https://policywatch.example.org/rd-spending (Дата обращения: 27 ноября 2026).',
      'Doe, J. (2026) «What Vance’s trip means for regional cooperation: Reassessing the South Caucasus», Caliber.az, 7 февраля. Доступно по адресу: https://caliber.az/en/post/vance-trip (Дата обращения: 27 ноября 2026).',
      'Ministry of Foreign Affairs of Azerbaijan (2026) Press release on the peace agenda. Доступно по адресу: https://mfa.gov.az/en/news/peace-agenda (Дата обращения: 27 ноября 2026).',
      'Smith, J., Brown, M.A. и Clark, P. (2025) Energy security in the Caspian region. Доступно по адресу: https://www.atlanticcouncil.org/energy-caspian/ (Дата обращения: 27 ноября 2026).',
    ])
  })
})

describe('Harvard, an item without a URL', () => {
  // A local copy without its address: "Available at" and the access date belong to the URL.
  const withoutUrl: CslItem = {
    id: 'without-url',
    type: 'article-newspaper',
    title: 'Energy security in the Caspian region',
    author: [{ family: 'Smith', given: 'John' }],
    'container-title': 'Atlantic Council',
    issued: { 'date-parts': [[2025, 9, 1]] },
    accessed: { 'date-parts': [[2026, 11, 27]] },
    language: 'en',
  }

  it('prints neither "Available at" nor the access date, en-US', () => {
    expect(processor.bibliography([withoutUrl], { ...options, locale: 'en-US' })).toEqual([
      'Smith, J. (2025) ‘Energy security in the Caspian region’, Atlantic Council, 1 September.',
    ])
  })

  it('prints neither "Доступно по адресу" nor the access date, ru-RU', () => {
    expect(processor.bibliography([withoutUrl], { ...options, locale: 'ru-RU' })).toEqual([
      'Smith, J. (2025) «Energy security in the Caspian region», Atlantic Council, 1 сентября.',
    ])
  })
})
