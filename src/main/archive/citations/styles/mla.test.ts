import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS, threeAuthors } from '../../../../../tests/support/cite-items'
import { EVERY_KIND, book, chapter, journalArticle } from '../../../../../tests/support/cite-kinds'

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

// Every kind of source, from the MLA Handbook, 9th ed.: the core elements in their order (Author. Title of
// source. Title of container, Other contributors, Version, Number, Publisher, Publication date, Location.),
// "vol. 76, no. 3", "pp. 412–37" (the second number shortened to two digits where it can be), a DOI as
// https://doi.org/…, "edited by", "editors", "2nd ed.", "University Press" as "UP" and "University" as "U"
// in publishers' names, no place of publication, no publisher for periodicals; books, websites and
// databases in italics, parts of them in quotation marks; a dissertation "Year. Institution, PhD
// dissertation."; a series at the end. Titles in title case, in the capitalisation of their own language
// otherwise (the first word of a subtitle capitalised).
describe('MLA 9, every kind of source, en-US', () => {
  const options = { style: 'mla', locale: 'en-US', format: 'text' } as const

  it('formats every kind, sorted by author or title', () => {
    expect(processor.bibliography(EVERY_KIND, options)).toEqual([
      '“Caspian Sea.” Wikipedia, Wikimedia Foundation, 30 Oct. 2026, en.wikipedia.org/wiki/Caspian_Sea.',
      '“Corridor.” Oxford English Dictionary, Oxford UP, 2023, www.oed.com/dictionary/corridor_n.',
      'Feldman, Noah. “The Quiet Boom on the Caspian.” The Economist, vol. 450, no. 9431, 20 Jan. 2024, pp. 41–43.',
      'Haddad, Rami. Caspian Port Calls, 2015-2024. Version 2.1, Zenodo, 3 Feb. 2025, https://doi.org/10.5281/zenodo.1234567.',
      'International Transport Forum. Shipping Costs on the Trans-Caspian Route. Policy Paper no. 118, OECD Publishing, 14 June 2023, www.itf-oecd.org/trans-caspian-costs.',
      'Kvaratskhelia, Nino, and Sean Patrick O’Brien. “Frozen No More: Pipeline Politics after the Caspian Settlement.” Europe-Asia Studies, vol. 76, no. 3, Mar. 2024, pp. 412–37, https://doi.org/10.1080/09668136.2024.2311408.',
      'Lindqvist, Maria, and Hiroshi Tanaka, editors. Connectivity and Conflict in Eurasia. Routledge, 2022.',
      'Mehdiyev, Farid. “Ports, Rails and the New Middle Corridor.” Connectivity and Conflict in Eurasia, edited by Maria Lindqvist and Hiroshi Tanaka, Routledge, 2022, pp. 145–62, https://doi.org/10.4324/9781003154211-9.',
      'Novak, Petra, et al. “Measuring Border Delays with Open Shipping Data.” Proceedings of the 12th International Conference on Transport Data, Springer, 2024, pp. 77–89, https://doi.org/10.1007/978-3-031-52345-6_7.',
      'Okonkwo, Adaeze. Water, Oil and the State in Central Asia. 2021. U of Edinburgh, PhD dissertation.',
      'Park, Jiwoo. “Why the Middle Corridor Keeps Stalling.” Eurasia Logistics Blog, 2 Sept. 2025, eurasialogistics.example.org/2025/09/middle-corridor.',
      'Rahimli, Aysel. “Ferry Queues Return to Baku Port.” The Guardian, 7 Feb. 2026, www.theguardian.com/world/2026/feb/07/baku-ferry-queues.',
      'Varga, Bence. corridor-sim. Version 1.4.0, GitHub, 2025, github.com/example/corridor-sim.',
      'Whitfield, Harriet. The Caspian Crossroads: Trade, Energy and Power since 1991. 2nd ed., Oxford UP, 2019.',
      'Абрамова, Елена Викторовна, and Рустам Алиевич Гусейнов. “Транзитный потенциал Южного Кавказа: Оценка после 2020 года.” Вестник международных организаций, vol. 15, no. 2, 2023, pp. 34–58, https://doi.org/10.17323/1996-7845-2023-02-02.',
      'Иванов, Иван Иванович. “Транспортные коридоры Южного Кавказа.” Российский совет по международным делам, 15 Mar. 2025, russiancouncil.ru/analytics-and-comments/koridory/.',
      'Керимов, Тимур Эльдарович. “Энергетическая дипломатия Азербайджана.” Современная политика на Каспии, edited by Андрей Петрович Соколов, МГИМО-Университет, 2020, pp. 88–109.',
      'О морских портах в Российской Федерации. Собрание законодательства Российской Федерации, Федеральный закон no. 261-ФЗ, 8 Nov. 2007.',
      'Петренко, Ольга Игоревна. Региональная интеграция на постсоветском пространстве. 2019. МГУ им. М. В. Ломоносова, диссертация на соискание ученой степени кандидата политических наук.',
      'Соколов, Андрей Петрович, and Лейла Руслановна Мамедова. Каспийский регион: Политика, экономика, безопасность. Аспект Пресс, 2021. Библиотека регионоведа 7.',
    ])
  })

  it('italicises the book and the book a chapter is in, never quoting them', () => {
    expect(processor.bibliography([book, chapter], { ...options, format: 'html' })).toEqual([
      '<div class="csl-entry">Mehdiyev, Farid. “Ports, Rails and the New Middle Corridor.” <i>Connectivity and Conflict in Eurasia</i>, edited by Maria Lindqvist and Hiroshi Tanaka, Routledge, 2022, pp. 145–62, https://doi.org/10.4324/9781003154211-9.</div>',
      '<div class="csl-entry">Whitfield, Harriet. <i>The Caspian Crossroads: Trade, Energy and Power since 1991</i>. 2nd ed., Oxford UP, 2019.</div>',
    ])
  })

  // In-text: "(Author page)" without a year; two authors with "and", three or more "First et al."; a work
  // without an author by its (short) title.
  it('gives the in-text citation of every kind in the order cited', () => {
    const cites = [
      { id: journalArticle.id, locator: '415' },
      ...EVERY_KIND.slice(1).map((item) => ({ id: item.id })),
      { id: journalArticle.id },
    ]
    expect(processor.citations(EVERY_KIND, cites, options)).toEqual([
      '(Kvaratskhelia and O’Brien 415)',
      '(Абрамова and Гусейнов)',
      '(Whitfield)',
      '(Соколов and Мамедова)',
      '(Lindqvist and Tanaka)',
      '(Mehdiyev)',
      '(Керимов)',
      '(International Transport Forum)',
      '(Okonkwo)',
      '(Петренко)',
      '(Novak et al.)',
      '(“Caspian Sea”)',
      '(“Corridor”)',
      '(О морских портах в Российской Федерации)',
      '(Haddad)',
      '(Varga)',
      '(Rahimli)',
      '(Feldman)',
      '(Иванов)',
      '(Park)',
      '(Kvaratskhelia and O’Brien)',
    ])
  })
})

describe('MLA 9, what is not a number', () => {
  it('prints a genre only with the number it qualifies', () => {
    const review: CslItem = { ...journalArticle, id: 'review', genre: 'Review essay' }
    expect(processor.bibliography([review], { style: 'mla', locale: 'en-US', format: 'text' })[0]).toBe(
      'Kvaratskhelia, Nino, and Sean Patrick O’Brien. “Frozen No More: Pipeline Politics after the Caspian Settlement.” Europe-Asia Studies, vol. 76, no. 3, Mar. 2024, pp. 412–37, https://doi.org/10.1080/09668136.2024.2311408.',
    )
  })
})
