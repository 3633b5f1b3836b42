import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import { ALL_ITEMS, threeAuthors } from '../../../../../tests/support/cite-items'

// Written from the MLA Handbook, 9th ed.: Author. "Title of Source." Container, date, location. Titles in
// title case (English only), up to two authors named, three or more "et al.", months of more than four
// letters abbreviated, URLs without http(s)://, access date when the source has no date.
const processor = new CitationProcessor()

describe('MLA 9, en-US', () => {
  it('formats every test item', () => {
    expect(processor.bibliography(ALL_ITEMS, { style: 'mla', locale: 'en-US', format: 'text' })).toEqual([
      'Clark, Tom. “R&D Spending Rose 5% as ‘AI_Index’ Hit $1bn (#2 in EU).” Policy Watch, policywatch.example.org/rd-spending. Accessed 27 Nov. 2026.',
      'Doe, Jane. “What Vance’s Trip Means for Regional Cooperation: Reassessing the South Caucasus.” Caliber.az, 7 Feb. 2026, caliber.az/en/post/vance-trip.',
      'Ministry of Foreign Affairs of Azerbaijan. “Press Release on the Peace Agenda.” mfa.gov.az, 20 Jan. 2026, mfa.gov.az/en/news/peace-agenda.',
      'Smith, John, et al. “Energy Security in the Caspian Region.” Atlantic Council, 1 Sept. 2025, www.atlanticcouncil.org/energy-caspian/.',
      'Иванов, Иван Иванович, and Анна Сергеевна Петрова. “Транспортные коридоры Южного Кавказа.” Российская газета, 15 Mar. 2025, rg.ru/2025/03/15/koridory.html.',
      '“Путин провёл переговоры с Алиевым.” ТАСС, 9 May 2026, tass.ru/politika/123.',
      'Смирнов, Алексей, et al. “Заметки о санкциях.” Экономический блог, 1 Dec. 2024, econ.example.ru/blog/sanctions.',
    ])
  })

  it('italicises the container in HTML', () => {
    expect(processor.bibliography([threeAuthors], { style: 'mla', locale: 'en-US', format: 'html' })).toEqual(
      [
        '<div class="csl-entry">Smith, John, et al. “Energy Security in the Caspian Region.” <i>Atlantic Council</i>, 1 Sept. 2025, www.atlanticcouncil.org/energy-caspian/.</div>',
      ],
    )
  })
})

// Quotes inside a title stay those of the title's own language (English “…” inside the Russian «…»).
describe('MLA 9, ru-RU', () => {
  it('formats every test item with Russian quotes and dates', () => {
    expect(processor.bibliography(ALL_ITEMS, { style: 'mla', locale: 'ru-RU', format: 'text' })).toEqual([
      'Иванов, Иван Иванович, и Анна Сергеевна Петрова. «Транспортные коридоры Южного Кавказа». Российская газета, 15 марта 2025, rg.ru/2025/03/15/koridory.html.',
      '«Путин провёл переговоры с Алиевым». ТАСС, 9 мая 2026, tass.ru/politika/123.',
      'Смирнов, Алексей, и др. «Заметки о санкциях». Экономический блог, 1 дек. 2024, econ.example.ru/blog/sanctions.',
      'Clark, Tom. «R&D Spending Rose 5% as “AI_Index” Hit $1bn (#2 in EU)». Policy Watch, policywatch.example.org/rd-spending. Дата обращения 27 нояб. 2026.',
      'Doe, Jane. «What Vance’s Trip Means for Regional Cooperation: Reassessing the South Caucasus». Caliber.az, 7 февр. 2026, caliber.az/en/post/vance-trip.',
      'Ministry of Foreign Affairs of Azerbaijan. «Press Release on the Peace Agenda». mfa.gov.az, 20 янв. 2026, mfa.gov.az/en/news/peace-agenda.',
      'Smith, John, и др. «Energy Security in the Caspian Region». Atlantic Council, 1 сент. 2025, www.atlanticcouncil.org/energy-caspian/.',
    ])
  })
})
