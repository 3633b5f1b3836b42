import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import { ALL_ITEMS } from '../../../../../tests/support/cite-items'
import { EVERY_KIND, book, journalArticle } from '../../../../../tests/support/cite-kinds'

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

// Every kind of source, from the IEEE Reference Guide: "vol. 76, no. 3, pp. 412–437, Mar. 2024, doi:
// 10.1080/…."; book titles in italics and title case, "2nd ed. City: Publisher, year."; chapters "in
// Book, A. Editor and B. Editor, Eds. City: Publisher, year, pp. 145–162."; edited books "Eds.,";
// published conference papers "in Proceedings, Place, year, pp."; reports "Publisher, Place, Number,
// Month year."; theses "Ph.D. dissertation, University, Place, year."; online sources "Accessed: Mon. Day,
// Year. [Online]. Available: URL"; months abbreviated as IEEE does ("Jun.", "Sept.").
describe('IEEE, every kind of source, en-US', () => {
  const kindOptions = { ...options, locale: 'en-US' } as const

  it('formats every kind in the order given', () => {
    expect(processor.bibliography(EVERY_KIND, kindOptions)).toEqual([
      '[1] N. Kvaratskhelia and S. P. O’Brien, “Frozen no more: Pipeline politics after the Caspian settlement,” Europe-Asia Studies, vol. 76, no. 3, pp. 412–437, Mar. 2024, doi: 10.1080/09668136.2024.2311408.',
      '[2] Е. В. Абрамова and Р. А. Гусейнов, “Транзитный потенциал Южного Кавказа: Оценка после 2020 года,” Вестник международных организаций, vol. 15, no. 2, pp. 34–58, 2023, doi: 10.17323/1996-7845-2023-02-02.',
      '[3] H. Whitfield, The Caspian Crossroads: Trade, Energy and Power since 1991, 2nd ed. Oxford: Oxford University Press, 2019.',
      '[4] А. П. Соколов and Л. Р. Мамедова, Каспийский регион: Политика, экономика, безопасность (Библиотека регионоведа, no. 7). Москва: Аспект Пресс, 2021.',
      '[5] M. Lindqvist and H. Tanaka, Eds., Connectivity and Conflict in Eurasia. London: Routledge, 2022.',
      '[6] F. Mehdiyev, “Ports, rails and the new middle corridor,” in Connectivity and Conflict in Eurasia, M. Lindqvist and H. Tanaka, Eds. London: Routledge, 2022, pp. 145–162, doi: 10.4324/9781003154211-9.',
      '[7] Т. Э. Керимов, “Энергетическая дипломатия Азербайджана,” in Современная политика на Каспии, А. П. Соколов, Ed. Москва: МГИМО-Университет, 2020, pp. 88–109.',
      '[8] International Transport Forum, “Shipping costs on the trans-Caspian route,” OECD Publishing, Paris, Policy Paper 118, Jun. 2023. Accessed: Nov. 27, 2026. [Online]. Available: https://www.itf-oecd.org/trans-caspian-costs',
      '[9] A. Okonkwo, “Water, oil and the state in Central Asia,” Ph.D. dissertation, University of Edinburgh, Edinburgh, 2021.',
      '[10] О. И. Петренко, “Региональная интеграция на постсоветском пространстве,” диссертация на соискание ученой степени кандидата политических наук, МГУ им. М. В. Ломоносова, Москва, 2019.',
      '[11] P. Novak, Y. Ibrahim, and L. Chen, “Measuring border delays with open shipping data,” in Proceedings of the 12th International Conference on Transport Data, Vienna, 2024, pp. 77–89, doi: 10.1007/978-3-031-52345-6_7.',
      '[12] “Caspian Sea,” in Wikipedia, Oct. 30, 2026. Accessed: Nov. 27, 2026. [Online]. Available: https://en.wikipedia.org/wiki/Caspian_Sea',
      '[13] “Corridor,” in Oxford English Dictionary, 2023. Accessed: Nov. 27, 2026. [Online]. Available: https://www.oed.com/dictionary/corridor_n',
      '[14] О морских портах в Российской Федерации, Федеральный закон no. 261-ФЗ, Собрание законодательства Российской Федерации, Nov. 8, 2007.',
      '[15] R. Haddad, Caspian Port Calls, 2015-2024 (Version 2.1). Zenodo, 2025, doi: 10.5281/zenodo.1234567.',
      '[16] B. Varga, corridor-sim (Version 1.4.0). GitHub, 2025. [Online]. Available: https://github.com/example/corridor-sim',
      '[17] A. Rahimli, “Ferry queues return to Baku port,” The Guardian, Feb. 7, 2026. [Online]. Available: https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues',
      '[18] N. Feldman, “The quiet boom on the Caspian,” The Economist, vol. 450, no. 9431, pp. 41–43, Jan. 2024.',
      '[19] И. И. Иванов, “Транспортные коридоры Южного Кавказа,” Российский совет по международным делам, Mar. 15, 2025. Accessed: Nov. 27, 2026. [Online]. Available: https://russiancouncil.ru/analytics-and-comments/koridory/',
      '[20] J. Park, “Why the middle corridor keeps stalling,” Eurasia Logistics Blog, Sept. 2, 2025. Accessed: Nov. 27, 2026. [Online]. Available: https://eurasialogistics.example.org/2025/09/middle-corridor',
    ])
  })

  it('italicises the journal and the book, never quoting them', () => {
    expect(processor.bibliography([journalArticle, book], { ...kindOptions, format: 'html' })).toEqual([
      '<div class="csl-entry">[1] N. Kvaratskhelia and S. P. O’Brien, “Frozen no more: Pipeline politics after the Caspian settlement,” <i>Europe-Asia Studies</i>, vol. 76, no. 3, pp. 412–437, Mar. 2024, doi: 10.1080/09668136.2024.2311408.</div>',
      '<div class="csl-entry">[2] H. Whitfield, <i>The Caspian Crossroads: Trade, Energy and Power since 1991</i>, 2nd ed. Oxford: Oxford University Press, 2019.</div>',
    ])
  })

  // In the text: the number of the first citation, in brackets, with "p." before a page.
  it('numbers every kind by its first citation', () => {
    const cites = [
      { id: journalArticle.id, locator: '415' },
      ...EVERY_KIND.slice(1).map((item) => ({ id: item.id })),
      { id: journalArticle.id },
    ]
    expect(processor.citations(EVERY_KIND, cites, kindOptions)).toEqual([
      '[1, p. 415]',
      ...EVERY_KIND.slice(1).map((_, index) => `[${index + 2}]`),
      '[1]',
    ])
  })
})
