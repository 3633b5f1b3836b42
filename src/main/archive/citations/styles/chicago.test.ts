import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS, fiveAuthors } from '../../../../../tests/support/cite-items'

// Written from The Chicago Manual of Style, 18th ed.: first author inverted, "and" before the last, up to six
// authors, seven or more as the first three and "et al."; headline-style titles in quotes; news and blog names
// in italics, other site names roman; full date of a web source; access date only when undated.
const processor = new CitationProcessor()

describe('Chicago author-date', () => {
  it('formats every test item, en-US', () => {
    expect(
      processor.bibliography(ALL_ITEMS, { style: 'chicago-author-date', locale: 'en-US', format: 'text' }),
    ).toEqual([
      'Clark, Tom. n.d. “R&D Spending Rose 5% as ‘AI_Index’ Hit $1bn (#2 in EU).” Policy Watch. Accessed November 27, 2026. https://policywatch.example.org/rd-spending.',
      'Doe, Jane. 2026. “What Vance’s Trip Means for Regional Cooperation: Reassessing the South Caucasus.” Caliber.az, February 7, 2026. https://caliber.az/en/post/vance-trip.',
      'Ministry of Foreign Affairs of Azerbaijan. 2026. “Press Release on the Peace Agenda.” mfa.gov.az, January 20, 2026. https://mfa.gov.az/en/news/peace-agenda.',
      'Smith, John, Mary Ann Brown, and Peter Clark. 2025. “Energy Security in the Caspian Region.” Atlantic Council, September 1, 2025. https://www.atlanticcouncil.org/energy-caspian/.',
      'Иванов, Иван Иванович, and Анна Сергеевна Петрова. 2025. “Транспортные коридоры Южного Кавказа.” Российская газета, March 15, 2025. https://rg.ru/2025/03/15/koridory.html.',
      '“Путин провёл переговоры с Алиевым.” 2026. ТАСС, May 9, 2026. https://tass.ru/politika/123.',
      'Смирнов, Алексей, Борис Кузнецов, Виктор Попов, and Григорий Васильев. 2024. “Заметки о санкциях.” Экономический блог, December 1, 2024. https://econ.example.ru/blog/sanctions.',
    ])
  })

  it('formats every test item, ru-RU', () => {
    expect(
      processor.bibliography(ALL_ITEMS, { style: 'chicago-author-date', locale: 'ru-RU', format: 'text' }),
    ).toEqual([
      'Иванов, Иван Иванович, и Анна Сергеевна Петрова. 2025. «Транспортные коридоры Южного Кавказа». Российская газета, 15 марта 2025. https://rg.ru/2025/03/15/koridory.html.',
      '«Путин провёл переговоры с Алиевым». 2026. ТАСС, 9 мая 2026. https://tass.ru/politika/123.',
      'Смирнов, Алексей, Борис Кузнецов, Виктор Попов, и Григорий Васильев. 2024. «Заметки о санкциях». Экономический блог, 1 декабря 2024. https://econ.example.ru/blog/sanctions.',
      'Clark, Tom. б. д. «R&D Spending Rose 5% as “AI_Index” Hit $1bn (#2 in EU)». Policy Watch. Дата обращения 27 ноября 2026. https://policywatch.example.org/rd-spending.',
      'Doe, Jane. 2026. «What Vance’s Trip Means for Regional Cooperation: Reassessing the South Caucasus». Caliber.az, 7 февраля 2026. https://caliber.az/en/post/vance-trip.',
      'Ministry of Foreign Affairs of Azerbaijan. 2026. «Press Release on the Peace Agenda». mfa.gov.az, 20 января 2026. https://mfa.gov.az/en/news/peace-agenda.',
      'Smith, John, Mary Ann Brown, и Peter Clark. 2025. «Energy Security in the Caspian Region». Atlantic Council, 1 сентября 2025. https://www.atlanticcouncil.org/energy-caspian/.',
    ])
  })

  it('names six authors and shortens seven to three and et al.', () => {
    const authors = ['Adams', 'Baker', 'Cole', 'Dunn', 'Evans', 'Fox', 'Gray'].map((family) => ({
      family,
      given: 'A.',
    }))
    const six: CslItem = { ...fiveAuthors, author: authors.slice(0, 6) }
    const seven: CslItem = { ...fiveAuthors, id: 'seven', author: authors }
    const options = { style: 'chicago-author-date', locale: 'en-US', format: 'text' } as const
    const [sixEntry] = processor.bibliography([six], options)
    const [sevenEntry] = processor.bibliography([seven], options)
    expect(sixEntry).toMatch(/^Adams, A\., A\. Baker, A\. Cole, A\. Dunn, A\. Evans, and A\. Fox\. 2025\./)
    expect(sevenEntry).toMatch(/^Adams, A\., A\. Baker, A\. Cole, et al\. 2025\./)
  })
})

describe('Chicago notes and bibliography', () => {
  it('formats every test item, en-US', () => {
    expect(
      processor.bibliography(ALL_ITEMS, {
        style: 'chicago-note-bibliography',
        locale: 'en-US',
        format: 'text',
      }),
    ).toEqual([
      'Clark, Tom. “R&D Spending Rose 5% as ‘AI_Index’ Hit $1bn (#2 in EU).” Policy Watch. Accessed November 27, 2026. https://policywatch.example.org/rd-spending.',
      'Doe, Jane. “What Vance’s Trip Means for Regional Cooperation: Reassessing the South Caucasus.” Caliber.az, February 7, 2026. https://caliber.az/en/post/vance-trip.',
      'Ministry of Foreign Affairs of Azerbaijan. “Press Release on the Peace Agenda.” mfa.gov.az, January 20, 2026. https://mfa.gov.az/en/news/peace-agenda.',
      'Smith, John, Mary Ann Brown, and Peter Clark. “Energy Security in the Caspian Region.” Atlantic Council, September 1, 2025. https://www.atlanticcouncil.org/energy-caspian/.',
      'Иванов, Иван Иванович, and Анна Сергеевна Петрова. “Транспортные коридоры Южного Кавказа.” Российская газета, March 15, 2025. https://rg.ru/2025/03/15/koridory.html.',
      '“Путин провёл переговоры с Алиевым.” ТАСС, May 9, 2026. https://tass.ru/politika/123.',
      'Смирнов, Алексей, Борис Кузнецов, Виктор Попов, and Григорий Васильев. “Заметки о санкциях.” Экономический блог, December 1, 2024. https://econ.example.ru/blog/sanctions.',
    ])
  })

  it('formats every test item, ru-RU', () => {
    expect(
      processor.bibliography(ALL_ITEMS, {
        style: 'chicago-note-bibliography',
        locale: 'ru-RU',
        format: 'text',
      }),
    ).toEqual([
      'Иванов, Иван Иванович, и Анна Сергеевна Петрова. «Транспортные коридоры Южного Кавказа». Российская газета, 15 марта 2025. https://rg.ru/2025/03/15/koridory.html.',
      '«Путин провёл переговоры с Алиевым». ТАСС, 9 мая 2026. https://tass.ru/politika/123.',
      'Смирнов, Алексей, Борис Кузнецов, Виктор Попов, и Григорий Васильев. «Заметки о санкциях». Экономический блог, 1 декабря 2024. https://econ.example.ru/blog/sanctions.',
      'Clark, Tom. «R&D Spending Rose 5% as “AI_Index” Hit $1bn (#2 in EU)». Policy Watch. Дата обращения 27 ноября 2026. https://policywatch.example.org/rd-spending.',
      'Doe, Jane. «What Vance’s Trip Means for Regional Cooperation: Reassessing the South Caucasus». Caliber.az, 7 февраля 2026. https://caliber.az/en/post/vance-trip.',
      'Ministry of Foreign Affairs of Azerbaijan. «Press Release on the Peace Agenda». mfa.gov.az, 20 января 2026. https://mfa.gov.az/en/news/peace-agenda.',
      'Smith, John, Mary Ann Brown, и Peter Clark. «Energy Security in the Caspian Region». Atlantic Council, 1 сентября 2025. https://www.atlanticcouncil.org/energy-caspian/.',
    ])
  })
})
