import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import { ALL_ITEMS } from '../../../../../tests/support/cite-items'

// Written from the IEEE Reference Guide: numbered in the order cited; initials before the family name; up to
// six authors ("and" before the last, serial comma from three on); "Title," in quotes; source; abbreviated
// month; "Accessed:" for web pages and blogs; "[Online]. Available: URL" without a closing period.
const processor = new CitationProcessor()
const options = { style: 'ieee', format: 'text' } as const

describe('IEEE', () => {
  it('formats every test item in the order given, en-US', () => {
    expect(processor.bibliography(ALL_ITEMS, { ...options, locale: 'en-US' })).toEqual([
      '[1] J. Doe, “What Vance’s trip means for regional cooperation: Reassessing the South Caucasus,” Caliber.az, Feb. 7, 2026. [Online]. Available: https://caliber.az/en/post/vance-trip',
      '[2] И. И. Иванов and А. С. Петрова, “Транспортные коридоры Южного Кавказа,” Российская газета, Mar. 15, 2025. [Online]. Available: https://rg.ru/2025/03/15/koridory.html',
      '[3] J. Smith, M. A. Brown, and P. Clark, “Energy security in the Caspian region,” Atlantic Council, Sept. 1, 2025. Accessed: Nov. 27, 2026. [Online]. Available: https://www.atlanticcouncil.org/energy-caspian/',
      '[4] А. Смирнов, Б. Кузнецов, В. Попов, and Г. Васильев, “Заметки о санкциях,” Экономический блог, Dec. 1, 2024. Accessed: Nov. 27, 2026. [Online]. Available: https://econ.example.ru/blog/sanctions',
      '[5] Ministry of Foreign Affairs of Azerbaijan, “Press release on the peace agenda,” mfa.gov.az, Jan. 20, 2026. Accessed: Nov. 27, 2026. [Online]. Available: https://mfa.gov.az/en/news/peace-agenda',
      '[6] “Путин провёл переговоры с Алиевым,” ТАСС, May 9, 2026. [Online]. Available: https://tass.ru/politika/123',
      '[7] T. Clark, “R&D spending rose 5% as ‘AI_Index’ hit $1bn (#2 in EU),” Policy Watch. Accessed: Nov. 27, 2026. [Online]. Available: https://policywatch.example.org/rd-spending',
    ])
  })

  it('formats every test item in the order given, ru-RU', () => {
    expect(processor.bibliography(ALL_ITEMS, { ...options, locale: 'ru-RU' })).toEqual([
      '[1] J. Doe, «What Vance’s trip means for regional cooperation: Reassessing the South Caucasus», Caliber.az, 7 февр. 2026. [Электронный ресурс]. Доступно по адресу: https://caliber.az/en/post/vance-trip',
      '[2] И. И. Иванов и А. С. Петрова, «Транспортные коридоры Южного Кавказа», Российская газета, 15 марта 2025. [Электронный ресурс]. Доступно по адресу: https://rg.ru/2025/03/15/koridory.html',
      '[3] J. Smith, M. A. Brown, и P. Clark, «Energy security in the Caspian region», Atlantic Council, 1 сент. 2025. Дата обращения: 27 нояб. 2026. [Электронный ресурс]. Доступно по адресу: https://www.atlanticcouncil.org/energy-caspian/',
      '[4] А. Смирнов, Б. Кузнецов, В. Попов, и Г. Васильев, «Заметки о санкциях», Экономический блог, 1 дек. 2024. Дата обращения: 27 нояб. 2026. [Электронный ресурс]. Доступно по адресу: https://econ.example.ru/blog/sanctions',
      '[5] Ministry of Foreign Affairs of Azerbaijan, «Press release on the peace agenda», mfa.gov.az, 20 янв. 2026. Дата обращения: 27 нояб. 2026. [Электронный ресурс]. Доступно по адресу: https://mfa.gov.az/en/news/peace-agenda',
      '[6] «Путин провёл переговоры с Алиевым», ТАСС, 9 мая 2026. [Электронный ресурс]. Доступно по адресу: https://tass.ru/politika/123',
      '[7] T. Clark, «R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU)», Policy Watch. Дата обращения: 27 нояб. 2026. [Электронный ресурс]. Доступно по адресу: https://policywatch.example.org/rd-spending',
    ])
  })
})
