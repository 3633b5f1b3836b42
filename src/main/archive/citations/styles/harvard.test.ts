import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS } from '../../../../../tests/support/cite-items'
import { EVERY_KIND, book, chapter, journalArticle } from '../../../../../tests/support/cite-kinds'

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

// Every kind of source, from Cite Them Right (Harvard): journals "‘Title’, Journal, 76(3), pp. 412–437.",
// a DOI as "Available at: https://doi.org/…" without an access date; books "Title. 2nd edn. Place:
// Publisher." with a series in parentheses after the publisher; edited books "(eds)"; chapters and
// conference papers "‘Title’, in Editor, A. (ed.) Book. Place: Publisher, pp. 145–162." (a conference's
// location after the proceedings); reports with their number; theses "Title. PhD thesis. University.";
// entries in online reference works by their title, the work in italics; software "Title (Version 1.4.0)
// [Computer program]."; magazines by volume and issue; titles keep the case they are stored in.
describe('Harvard, every kind of source, en-US', () => {
  const kindOptions = { ...options, locale: 'en-US' } as const

  it('formats every kind, sorted by author or title', () => {
    expect(processor.bibliography(EVERY_KIND, kindOptions)).toEqual([
      '‘Caspian Sea’ (2026) Wikipedia. Available at: https://en.wikipedia.org/wiki/Caspian_Sea (Accessed: 27 November 2026).',
      '‘Corridor’ (2023) Oxford English Dictionary. Available at: https://www.oed.com/dictionary/corridor_n (Accessed: 27 November 2026).',
      'Feldman, N. (2024) ‘The quiet boom on the Caspian’, The Economist, 450(9431), pp. 41–43.',
      'Haddad, R. (2025) Caspian port calls, 2015-2024. Version 2.1. Zenodo. Available at: https://doi.org/10.5281/zenodo.1234567.',
      'International Transport Forum (2023) Shipping costs on the trans-Caspian route. Policy Paper 118. Paris: OECD Publishing. Available at: https://www.itf-oecd.org/trans-caspian-costs (Accessed: 27 November 2026).',
      'Kvaratskhelia, N. and O’Brien, S.P. (2024) ‘Frozen no more: Pipeline politics after the Caspian settlement’, Europe-Asia Studies, 76(3), pp. 412–437. Available at: https://doi.org/10.1080/09668136.2024.2311408.',
      'Lindqvist, M. and Tanaka, H. (eds) (2022) Connectivity and Conflict in Eurasia. London: Routledge.',
      'Mehdiyev, F. (2022) ‘Ports, rails and the new middle corridor’, in Lindqvist, M. and Tanaka, H. (eds) Connectivity and Conflict in Eurasia. London: Routledge, pp. 145–162. Available at: https://doi.org/10.4324/9781003154211-9.',
      'Novak, P., Ibrahim, Y. and Chen, L. (2024) ‘Measuring border delays with open shipping data’, in Proceedings of the 12th International Conference on Transport Data. Vienna. Cham: Springer, pp. 77–89. Available at: https://doi.org/10.1007/978-3-031-52345-6_7.',
      'Okonkwo, A. (2021) Water, oil and the state in Central Asia. PhD thesis. University of Edinburgh.',
      'Park, J. (2025) ‘Why the middle corridor keeps stalling’, Eurasia Logistics Blog, 2 September. Available at: https://eurasialogistics.example.org/2025/09/middle-corridor (Accessed: 27 November 2026).',
      'Rahimli, A. (2026) ‘Ferry queues return to Baku port’, The Guardian, 7 February. Available at: https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues (Accessed: 27 November 2026).',
      'Varga, B. (2025) corridor-sim (Version 1.4.0) [Computer program]. Available at: https://github.com/example/corridor-sim.',
      'Whitfield, H. (2019) The Caspian Crossroads: Trade, energy and power since 1991. 2nd edn. Oxford: Oxford University Press.',
      'Абрамова, Е.В. and Гусейнов, Р.А. (2023) ‘Транзитный потенциал Южного Кавказа: оценка после 2020 года’, Вестник международных организаций, 15(2), pp. 34–58. Available at: https://doi.org/10.17323/1996-7845-2023-02-02.',
      'Иванов, И.И. (2025) Транспортные коридоры Южного Кавказа. Available at: https://russiancouncil.ru/analytics-and-comments/koridory/ (Accessed: 27 November 2026).',
      'Керимов, Т.Э. (2020) ‘Энергетическая дипломатия Азербайджана’, in Соколов, А.П. (ed.) Современная политика на Каспии. Москва: МГИМО-Университет, pp. 88–109.',
      'О морских портах в Российской Федерации (2007) Федеральный закон 261-ФЗ. Собрание законодательства Российской Федерации.',
      'Петренко, О.И. (2019) Региональная интеграция на постсоветском пространстве. Диссертация на соискание ученой степени кандидата политических наук. МГУ им. М. В. Ломоносова.',
      'Соколов, А.П. and Мамедова, Л.Р. (2021) Каспийский регион: политика, экономика, безопасность. Москва: Аспект Пресс (Библиотека регионоведа, 7).',
    ])
  })

  it('italicises the book and the book a chapter is in, never quoting them', () => {
    expect(processor.bibliography([book, chapter], { ...kindOptions, format: 'html' })).toEqual([
      '<div class="csl-entry">Mehdiyev, F. (2022) ‘Ports, rails and the new middle corridor’, in Lindqvist, M. and Tanaka, H. (eds) <i>Connectivity and Conflict in Eurasia</i>. London: Routledge, pp. 145–162. Available at: https://doi.org/10.4324/9781003154211-9.</div>',
      '<div class="csl-entry">Whitfield, H. (2019) <i>The Caspian Crossroads: Trade, energy and power since 1991</i>. 2nd edn. Oxford: Oxford University Press.</div>',
    ])
  })

  // In-text: "(Author, Year, p. 415)"; up to three authors named ("A, B and C"), four or more "First et
  // al."; a work without an author by its title, in italics.
  it('gives the in-text citation of every kind in the order cited', () => {
    const cites = [
      { id: journalArticle.id, locator: '415' },
      ...EVERY_KIND.slice(1).map((item) => ({ id: item.id })),
      { id: journalArticle.id },
    ]
    expect(processor.citations(EVERY_KIND, cites, kindOptions)).toEqual([
      '(Kvaratskhelia and O’Brien, 2024, p. 415)',
      '(Абрамова and Гусейнов, 2023)',
      '(Whitfield, 2019)',
      '(Соколов and Мамедова, 2021)',
      '(Lindqvist and Tanaka, 2022)',
      '(Mehdiyev, 2022)',
      '(Керимов, 2020)',
      '(International Transport Forum, 2023)',
      '(Okonkwo, 2021)',
      '(Петренко, 2019)',
      '(Novak, Ibrahim and Chen, 2024)',
      '(Caspian Sea, 2026)',
      '(Corridor, 2023)',
      '(О морских портах в Российской Федерации, 2007)',
      '(Haddad, 2025)',
      '(Varga, 2025)',
      '(Rahimli, 2026)',
      '(Feldman, 2024)',
      '(Иванов, 2025)',
      '(Park, 2025)',
      '(Kvaratskhelia and O’Brien, 2024)',
    ])
  })
})
