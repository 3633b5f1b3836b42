import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS, fiveAuthors } from '../../../../../tests/support/cite-items'
import { EVERY_KIND, book, chapter, journalArticle } from '../../../../../tests/support/cite-kinds'

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

// Every kind of source, from The Chicago Manual of Style, 18th ed. (chapters 13–15): title case with
// prepositions of five or more letters capitalised (new in the 18th edition); no place of publication;
// journals "Journal 76, no. 3 (March 2024): 412–37" (notes and bibliography) and "Journal 76 (3): 412–37"
// (author-date), inclusive numbers shortened as CMOS 9.64 does; magazines and newspapers by date; chapters
// "In Book, edited by …, 145–62. Publisher" (a note: "in Book, ed. … (Publisher, 2022), 145–62"); a thesis
// title in quotation marks, "PhD diss., University"; a series after the title; "2nd ed."; reports with
// their number; datasets and software with their version (software titles roman); reference works by
// their name ("s.v." in notes); an initial "The" of a periodical kept when it is part of the name (18th ed.).
describe('Chicago author-date, every kind of source, en-US', () => {
  const options = { style: 'chicago-author-date', locale: 'en-US', format: 'text' } as const

  it('formats every kind, sorted by author', () => {
    expect(processor.bibliography(EVERY_KIND, options)).toEqual([
      'Feldman, Noah. 2024. “The Quiet Boom on the Caspian.” The Economist, January 20, 2024, 41–43.',
      'Haddad, Rami. 2025. Caspian Port Calls, 2015-2024. Version 2.1. Zenodo. https://doi.org/10.5281/zenodo.1234567.',
      'International Transport Forum. 2023. Shipping Costs on the Trans-Caspian Route. Policy Paper no. 118. OECD Publishing. https://www.itf-oecd.org/trans-caspian-costs.',
      'Kvaratskhelia, Nino, and Sean Patrick O’Brien. 2024. “Frozen No More: Pipeline Politics After the Caspian Settlement.” Europe-Asia Studies 76 (3): 412–37. https://doi.org/10.1080/09668136.2024.2311408.',
      'Lindqvist, Maria, and Hiroshi Tanaka, eds. 2022. Connectivity and Conflict in Eurasia. Routledge.',
      'Mehdiyev, Farid. 2022. “Ports, Rails and the New Middle Corridor.” In Connectivity and Conflict in Eurasia, edited by Maria Lindqvist and Hiroshi Tanaka, 145–62. Routledge. https://doi.org/10.4324/9781003154211-9.',
      'Novak, Petra, Yusuf Ibrahim, and Li Chen. 2024. “Measuring Border Delays with Open Shipping Data.” In Proceedings of the 12th International Conference on Transport Data, 77–89. Springer. https://doi.org/10.1007/978-3-031-52345-6_7.',
      'Okonkwo, Adaeze. 2021. “Water, Oil and the State in Central Asia.” PhD diss., University of Edinburgh.',
      'Oxford English Dictionary. 2023. “Corridor.” https://www.oed.com/dictionary/corridor_n.',
      'Park, Jiwoo. 2025. “Why the Middle Corridor Keeps Stalling.” Eurasia Logistics Blog, September 2, 2025. https://eurasialogistics.example.org/2025/09/middle-corridor.',
      'Rahimli, Aysel. 2026. “Ferry Queues Return to Baku Port.” The Guardian, February 7, 2026. https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues.',
      'Varga, Bence. 2025. corridor-sim. Version 1.4.0. GitHub. https://github.com/example/corridor-sim.',
      'Whitfield, Harriet. 2019. The Caspian Crossroads: Trade, Energy and Power Since 1991. 2nd ed. Oxford University Press.',
      'Wikipedia. 2026. “Caspian Sea.” October 30, 2026. https://en.wikipedia.org/wiki/Caspian_Sea.',
      'Абрамова, Елена Викторовна, and Рустам Алиевич Гусейнов. 2023. “Транзитный потенциал Южного Кавказа: Оценка после 2020 года.” Вестник международных организаций 15 (2): 34–58. https://doi.org/10.17323/1996-7845-2023-02-02.',
      'Иванов, Иван Иванович. 2025. “Транспортные коридоры Южного Кавказа.” Российский совет по международным делам, March 15, 2025. https://russiancouncil.ru/analytics-and-comments/koridory/.',
      'Керимов, Тимур Эльдарович. 2020. “Энергетическая дипломатия Азербайджана.” In Современная политика на Каспии, edited by Андрей Петрович Соколов, 88–109. МГИМО-Университет.',
      'О морских портах в Российской Федерации. 2007. Федеральный закон no. 261-ФЗ. Собрание законодательства Российской Федерации, November 8, 2007.',
      'Петренко, Ольга Игоревна. 2019. “Региональная интеграция на постсоветском пространстве.” Диссертация на соискание ученой степени кандидата политических наук, МГУ им. М. В. Ломоносова.',
      'Соколов, Андрей Петрович, and Лейла Руслановна Мамедова. 2021. Каспийский регион: Политика, экономика, безопасность. Библиотека регионоведа 7. Аспект Пресс.',
    ])
  })

  it('italicises the journal and the book, never quoting them', () => {
    expect(processor.bibliography([journalArticle, chapter], { ...options, format: 'html' })).toEqual([
      '<div class="csl-entry">Kvaratskhelia, Nino, and Sean Patrick O’Brien. 2024. “Frozen No More: Pipeline Politics After the Caspian Settlement.” <i>Europe-Asia Studies</i> 76 (3): 412–37. https://doi.org/10.1080/09668136.2024.2311408.</div>',
      '<div class="csl-entry">Mehdiyev, Farid. 2022. “Ports, Rails and the New Middle Corridor.” In <i>Connectivity and Conflict in Eurasia</i>, edited by Maria Lindqvist and Hiroshi Tanaka, 145–62. Routledge. https://doi.org/10.4324/9781003154211-9.</div>',
    ])
  })

  // In-text: "(Author Year, page)"; two authors with "and"; three or more "First et al." (18th ed.).
  it('gives the in-text citation of every kind in the order cited', () => {
    const cites = [
      { id: journalArticle.id, locator: '415' },
      ...EVERY_KIND.slice(1).map((item) => ({ id: item.id })),
      { id: journalArticle.id },
    ]
    expect(processor.citations(EVERY_KIND, cites, options)).toEqual([
      '(Kvaratskhelia and O’Brien 2024, 415)',
      '(Абрамова and Гусейнов 2023)',
      '(Whitfield 2019)',
      '(Соколов and Мамедова 2021)',
      '(Lindqvist and Tanaka 2022)',
      '(Mehdiyev 2022)',
      '(Керимов 2020)',
      '(International Transport Forum 2023)',
      '(Okonkwo 2021)',
      '(Петренко 2019)',
      '(Novak et al. 2024)',
      '(Wikipedia 2026)',
      '(Oxford English Dictionary 2023)',
      '(О морских портах в Российской Федерации 2007)',
      '(Haddad 2025)',
      '(Varga 2025)',
      '(Rahimli 2026)',
      '(Feldman 2024)',
      '(Иванов 2025)',
      '(Park 2025)',
      '(Kvaratskhelia and O’Brien 2024)',
    ])
  })
})

describe('Chicago notes and bibliography, every kind of source, en-US', () => {
  const options = { style: 'chicago-note-bibliography', locale: 'en-US', format: 'text' } as const

  it('formats every kind, sorted by author', () => {
    expect(processor.bibliography(EVERY_KIND, options)).toEqual([
      'Feldman, Noah. “The Quiet Boom on the Caspian.” The Economist, January 20, 2024, 41–43.',
      'Haddad, Rami. Caspian Port Calls, 2015-2024. Version 2.1. Zenodo, 2025. https://doi.org/10.5281/zenodo.1234567.',
      'International Transport Forum. Shipping Costs on the Trans-Caspian Route. Policy Paper no. 118. OECD Publishing, 2023. https://www.itf-oecd.org/trans-caspian-costs.',
      'Kvaratskhelia, Nino, and Sean Patrick O’Brien. “Frozen No More: Pipeline Politics After the Caspian Settlement.” Europe-Asia Studies 76, no. 3 (March 2024): 412–37. https://doi.org/10.1080/09668136.2024.2311408.',
      'Lindqvist, Maria, and Hiroshi Tanaka, eds. Connectivity and Conflict in Eurasia. Routledge, 2022.',
      'Mehdiyev, Farid. “Ports, Rails and the New Middle Corridor.” In Connectivity and Conflict in Eurasia, edited by Maria Lindqvist and Hiroshi Tanaka, 145–62. Routledge, 2022. https://doi.org/10.4324/9781003154211-9.',
      'Novak, Petra, Yusuf Ibrahim, and Li Chen. “Measuring Border Delays with Open Shipping Data.” In Proceedings of the 12th International Conference on Transport Data, 77–89. Springer, 2024. https://doi.org/10.1007/978-3-031-52345-6_7.',
      'Okonkwo, Adaeze. “Water, Oil and the State in Central Asia.” PhD diss., University of Edinburgh, 2021.',
      'Oxford English Dictionary. “Corridor.” 2023. https://www.oed.com/dictionary/corridor_n.',
      'Park, Jiwoo. “Why the Middle Corridor Keeps Stalling.” Eurasia Logistics Blog, September 2, 2025. https://eurasialogistics.example.org/2025/09/middle-corridor.',
      'Rahimli, Aysel. “Ferry Queues Return to Baku Port.” The Guardian, February 7, 2026. https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues.',
      'Varga, Bence. corridor-sim. Version 1.4.0. GitHub, 2025. https://github.com/example/corridor-sim.',
      'Whitfield, Harriet. The Caspian Crossroads: Trade, Energy and Power Since 1991. 2nd ed. Oxford University Press, 2019.',
      'Wikipedia. “Caspian Sea.” October 30, 2026. https://en.wikipedia.org/wiki/Caspian_Sea.',
      'Абрамова, Елена Викторовна, and Рустам Алиевич Гусейнов. “Транзитный потенциал Южного Кавказа: Оценка после 2020 года.” Вестник международных организаций 15, no. 2 (2023): 34–58. https://doi.org/10.17323/1996-7845-2023-02-02.',
      'Иванов, Иван Иванович. “Транспортные коридоры Южного Кавказа.” Российский совет по международным делам, March 15, 2025. https://russiancouncil.ru/analytics-and-comments/koridory/.',
      'Керимов, Тимур Эльдарович. “Энергетическая дипломатия Азербайджана.” In Современная политика на Каспии, edited by Андрей Петрович Соколов, 88–109. МГИМО-Университет, 2020.',
      'О морских портах в Российской Федерации. Федеральный закон no. 261-ФЗ. Собрание законодательства Российской Федерации, November 8, 2007.',
      'Петренко, Ольга Игоревна. “Региональная интеграция на постсоветском пространстве.” Диссертация на соискание ученой степени кандидата политических наук, МГУ им. М. В. Ломоносова, 2019.',
      'Соколов, Андрей Петрович, and Лейла Руслановна Мамедова. Каспийский регион: Политика, экономика, безопасность. Библиотека регионоведа 7. Аспект Пресс, 2021.',
    ])
  })

  // CMOS 18 (13.32–13.37): a full note at the first citation, a short note (author, short title, page) at
  // every later one, including right after the same source: shortened citations rather than "ibid.".
  // Three or more authors are "First et al." in notes. The short title is the main title, without the
  // subtitle.
  it('gives a full note at the first citation and a short note after it', () => {
    const cites = [
      { id: journalArticle.id, locator: '415' },
      ...EVERY_KIND.slice(1).map((item) => ({ id: item.id })),
      { id: journalArticle.id, locator: '416' },
      ...EVERY_KIND.slice(1).map((item) => ({ id: item.id })),
    ]
    expect(processor.citations(EVERY_KIND, cites, options)).toEqual([
      'Nino Kvaratskhelia and Sean Patrick O’Brien, “Frozen No More: Pipeline Politics After the Caspian Settlement,” Europe-Asia Studies 76, no. 3 (March 2024): 415, https://doi.org/10.1080/09668136.2024.2311408.',
      'Елена Викторовна Абрамова and Рустам Алиевич Гусейнов, “Транзитный потенциал Южного Кавказа: Оценка после 2020 года,” Вестник международных организаций 15, no. 2 (2023): 34–58, https://doi.org/10.17323/1996-7845-2023-02-02.',
      'Harriet Whitfield, The Caspian Crossroads: Trade, Energy and Power Since 1991, 2nd ed. (Oxford University Press, 2019).',
      'Андрей Петрович Соколов and Лейла Руслановна Мамедова, Каспийский регион: Политика, экономика, безопасность, Библиотека регионоведа 7 (Аспект Пресс, 2021).',
      'Maria Lindqvist and Hiroshi Tanaka, eds., Connectivity and Conflict in Eurasia (Routledge, 2022).',
      'Farid Mehdiyev, “Ports, Rails and the New Middle Corridor,” in Connectivity and Conflict in Eurasia, ed. Maria Lindqvist and Hiroshi Tanaka (Routledge, 2022), 145–62, https://doi.org/10.4324/9781003154211-9.',
      'Тимур Эльдарович Керимов, “Энергетическая дипломатия Азербайджана,” in Современная политика на Каспии, ed. Андрей Петрович Соколов (МГИМО-Университет, 2020), 88–109.',
      'International Transport Forum, Shipping Costs on the Trans-Caspian Route, Policy Paper no. 118 (OECD Publishing, 2023), https://www.itf-oecd.org/trans-caspian-costs.',
      'Adaeze Okonkwo, “Water, Oil and the State in Central Asia” (PhD diss., University of Edinburgh, 2021).',
      'Ольга Игоревна Петренко, “Региональная интеграция на постсоветском пространстве” (диссертация на соискание ученой степени кандидата политических наук, МГУ им. М. В. Ломоносова, 2019).',
      'Petra Novak et al., “Measuring Border Delays with Open Shipping Data,” in Proceedings of the 12th International Conference on Transport Data (Springer, 2024), 77–89, https://doi.org/10.1007/978-3-031-52345-6_7.',
      'Wikipedia, s.v. “Caspian Sea,” October 30, 2026, https://en.wikipedia.org/wiki/Caspian_Sea.',
      'Oxford English Dictionary, s.v. “corridor,” 2023, https://www.oed.com/dictionary/corridor_n.',
      'О морских портах в Российской Федерации, Федеральный закон no. 261-ФЗ, Собрание законодательства Российской Федерации, November 8, 2007.',
      'Rami Haddad, Caspian Port Calls, 2015-2024, version 2.1 (Zenodo, 2025), https://doi.org/10.5281/zenodo.1234567.',
      'Bence Varga, corridor-sim, version 1.4.0 (GitHub, 2025), https://github.com/example/corridor-sim.',
      'Aysel Rahimli, “Ferry Queues Return to Baku Port,” The Guardian, February 7, 2026, https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues.',
      'Noah Feldman, “The Quiet Boom on the Caspian,” The Economist, January 20, 2024, 41–43.',
      'Иван Иванович Иванов, “Транспортные коридоры Южного Кавказа,” Российский совет по международным делам, March 15, 2025, https://russiancouncil.ru/analytics-and-comments/koridory/.',
      'Jiwoo Park, “Why the Middle Corridor Keeps Stalling,” Eurasia Logistics Blog, September 2, 2025, https://eurasialogistics.example.org/2025/09/middle-corridor.',
      'Kvaratskhelia and O’Brien, “Frozen No More,” 416.',
      'Абрамова and Гусейнов, “Транзитный потенциал Южного Кавказа.”',
      'Whitfield, The Caspian Crossroads.',
      'Соколов and Мамедова, Каспийский регион.',
      'Lindqvist and Tanaka, Connectivity and Conflict in Eurasia.',
      'Mehdiyev, “Ports, Rails and the New Middle Corridor.”',
      'Керимов, “Энергетическая дипломатия Азербайджана.”',
      'International Transport Forum, Shipping Costs on the Trans-Caspian Route.',
      'Okonkwo, “Water, Oil and the State in Central Asia.”',
      'Петренко, “Региональная интеграция на постсоветском пространстве.”',
      'Novak et al., “Measuring Border Delays with Open Shipping Data.”',
      'Wikipedia, s.v. “Caspian Sea.”',
      'Oxford English Dictionary, s.v. “corridor.”',
      'О морских портах в Российской Федерации.',
      'Haddad, Caspian Port Calls, 2015-2024.',
      'Varga, corridor-sim.',
      'Rahimli, “Ferry Queues Return to Baku Port.”',
      'Feldman, “The Quiet Boom on the Caspian.”',
      'Иванов, “Транспортные коридоры Южного Кавказа.”',
      'Park, “Why the Middle Corridor Keeps Stalling.”',
    ])
  })

  it('italicises the book in a note', () => {
    const [note] = processor.citations([book], [{ id: book.id, locator: '42' }], {
      ...options,
      format: 'html',
    })
    expect(note).toBe(
      'Harriet Whitfield, <i>The Caspian Crossroads: Trade, Energy and Power Since 1991</i>, 2nd ed. (Oxford University Press, 2019), 42.',
    )
  })
})
