import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import { articleToCsl, type CslItem } from '../csl-item'
import { ALL_ITEMS, fiveAuthors, oneAuthor } from '../../../../../tests/support/cite-items'
import { EVERY_KIND } from '../../../../../tests/support/cite-kinds'

// Written from GOST R 7.0.100-2018 (areas separated by ". – ", heading "Фамилия, И. О." for one to three
// authors, all authors after the slash, "// Сайт : [сайт]", short genitive months, access date dd.mm.yyyy),
// following the standard's own example of an article on a website.
const processor = new CitationProcessor()
const NBSP = '\u00a0'

describe('GOST R 7.0.100-2018, ru-RU', () => {
  it('formats every test item, Cyrillic entries first', () => {
    expect(
      processor.bibliography(ALL_ITEMS, { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' }),
    ).toEqual([
      'Заметки о санкциях / А. Смирнов, Б. Кузнецов, В. Попов, Г. Васильев. – Текст : электронный // Экономический блог : [сайт]. – 2024. – 1 дек. – URL: https://econ.example.ru/blog/sanctions (дата обращения: 27.11.2026).',
      'Иванов, И. И. Транспортные коридоры Южного Кавказа / И. И. Иванов, А. С. Петрова. – Текст : электронный // Российская газета : [сайт]. – 2025. – 15 марта. – URL: https://rg.ru/2025/03/15/koridory.html (дата обращения: 27.11.2026).',
      'Путин провёл переговоры с Алиевым. – Текст : электронный // ТАСС : [сайт]. – 2026. – 9 мая. – URL: https://tass.ru/politika/123 (дата обращения: 27.11.2026).',
      'Clark, T. R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU) / T. Clark. – Текст : электронный // Policy Watch : [сайт]. – URL: https://policywatch.example.org/rd-spending (дата обращения: 27.11.2026).',
      'Doe, J. What Vance’s trip means for regional cooperation : Reassessing the South Caucasus / J. Doe. – Текст : электронный // Caliber.az : [сайт]. – 2026. – 7 февр. – URL: https://caliber.az/en/post/vance-trip (дата обращения: 27.11.2026).',
      'Press release on the peace agenda / Ministry of Foreign Affairs of Azerbaijan. – Текст : электронный // mfa.gov.az : [сайт]. – 2026. – 20 янв. – URL: https://mfa.gov.az/en/news/peace-agenda (дата обращения: 27.11.2026).',
      'Smith, J. Energy security in the Caspian region / J. Smith, M. A. Brown, P. Clark. – Текст : электронный // Atlantic Council : [сайт]. – 2025. – 1 сент. – URL: https://www.atlanticcouncil.org/energy-caspian/ (дата обращения: 27.11.2026).',
    ])
  })

  it('names the first three of five or more authors and adds [и др.]', () => {
    expect(
      processor.bibliography([fiveAuthors], {
        style: 'gost-r-7.0.100-2018',
        locale: 'ru-RU',
        format: 'text',
      }),
    ).toEqual([
      `Regional trade outlook / A. Adams, B. Baker, C. Cole${NBSP}[и др.]. – Текст : электронный // Trade Review : [сайт]. – 2025. – 4 июля. – URL: https://trade.example.com/outlook (дата обращения: 27.11.2026).`,
    ])
  })

  it('writes HTML entries', () => {
    expect(
      processor.bibliography([oneAuthor], { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'html' }),
    ).toEqual([
      '<div class="csl-entry">Doe, J. What Vance’s trip means for regional cooperation : Reassessing the South Caucasus / J. Doe. – Текст : электронный // Caliber.az : [сайт]. – 2026. – 7 февр. – URL: https://caliber.az/en/post/vance-trip (дата обращения: 27.11.2026).</div>',
    ])
  })
})

describe('GOST R 7.0.100-2018, en-US (prescribed words in English)', () => {
  it('formats every test item', () => {
    expect(
      processor.bibliography(ALL_ITEMS, { style: 'gost-r-7.0.100-2018', locale: 'en-US', format: 'text' }),
    ).toEqual([
      'Заметки о санкциях / А. Смирнов, Б. Кузнецов, В. Попов, Г. Васильев. – Text : electronic // Экономический блог : [website]. – 2024. – 1 Dec. – URL: https://econ.example.ru/blog/sanctions (date accessed: 27.11.2026).',
      'Иванов, И. И. Транспортные коридоры Южного Кавказа / И. И. Иванов, А. С. Петрова. – Text : electronic // Российская газета : [website]. – 2025. – 15 Mar. – URL: https://rg.ru/2025/03/15/koridory.html (date accessed: 27.11.2026).',
      'Путин провёл переговоры с Алиевым. – Text : electronic // ТАСС : [website]. – 2026. – 9 May. – URL: https://tass.ru/politika/123 (date accessed: 27.11.2026).',
      'Clark, T. R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU) / T. Clark. – Text : electronic // Policy Watch : [website]. – URL: https://policywatch.example.org/rd-spending (date accessed: 27.11.2026).',
      'Doe, J. What Vance’s trip means for regional cooperation : Reassessing the South Caucasus / J. Doe. – Text : electronic // Caliber.az : [website]. – 2026. – 7 Feb. – URL: https://caliber.az/en/post/vance-trip (date accessed: 27.11.2026).',
      'Press release on the peace agenda / Ministry of Foreign Affairs of Azerbaijan. – Text : electronic // mfa.gov.az : [website]. – 2026. – 20 Jan. – URL: https://mfa.gov.az/en/news/peace-agenda (date accessed: 27.11.2026).',
      'Smith, J. Energy security in the Caspian region / J. Smith, M. A. Brown, P. Clark. – Text : electronic // Atlantic Council : [website]. – 2025. – 1 Sept. – URL: https://www.atlanticcouncil.org/energy-caspian/ (date accessed: 27.11.2026).',
    ])
  })

  it('adds [et al.] after three of five authors', () => {
    expect(
      processor.bibliography([fiveAuthors], {
        style: 'gost-r-7.0.100-2018',
        locale: 'en-US',
        format: 'text',
      })[0],
    ).toContain(`/ A. Adams, B. Baker, C. Cole${NBSP}[et al.]. – Text : electronic`)
  })
})

describe('GOST R 7.0.100-2018 from an imported article', () => {
  it('describes the seed page (no author, a subtitle, a time in the date) as the standard’s example does', () => {
    const item = articleToCsl(
      {
        id: 1,
        title: 'What Vance’s trip means for regional cooperation',
        subtitle: 'Reassessing the South Caucasus',
        authors: [],
        siteName: 'Caliber.az',
        section: 'Analytics',
        publishedAt: '2026-02-07T19:01',
        language: 'en',
        url: 'https://caliber.az/en/post/what-vance-s-trip-means',
        format: 'text',
        addedAt: '2026-11-27T08:00:00.000Z',
      },
      {},
    )
    expect(
      processor.bibliography([item], { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' }),
    ).toEqual([
      'What Vance’s trip means for regional cooperation : Reassessing the South Caucasus. – Текст : электронный // Caliber.az : [сайт]. – 2026. – 7 февр. – URL: https://caliber.az/en/post/what-vance-s-trip-means (дата обращения: 27.11.2026).',
    ])
  })

  // A whole resource ends with its content form (area 9 comes last), and a publisher without a place gets
  // "[Б. м.]": this entry used to read "… / И. И. Иванов. – Текст : электронный. – Институт Европы РАН, 2025. – URL: …".
  it('gives a PDF report its publisher and year instead of a site', () => {
    const item = articleToCsl({
      id: 2,
      title: 'Доклад о миграции',
      authors: ['Иванов Иван Иванович'],
      siteName: 'Институт Европы РАН',
      publishedAt: '2025',
      language: 'ru',
      url: 'https://example.ru/report.pdf',
      format: 'pdf',
      addedAt: '2026-11-27T08:00:00.000Z',
    })
    expect(
      processor.bibliography([item], { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' }),
    ).toEqual([
      'Иванов, И. И. Доклад о миграции / И. И. Иванов. – [Б. м.] : Институт Европы РАН, 2025. – URL: https://example.ru/report.pdf (дата обращения: 27.11.2026). – Текст : электронный.',
    ])
  })
})

describe('GOST R 7.0.100-2018, an item without a URL', () => {
  // A local copy without its address: the access date belongs to the URL, so neither is printed.
  const withoutUrl: CslItem = {
    id: 'without-url',
    type: 'webpage',
    title: 'Energy security in the Caspian region',
    author: [{ family: 'Smith', given: 'John' }],
    'container-title': 'Atlantic Council',
    issued: { 'date-parts': [[2025, 9, 1]] },
    accessed: { 'date-parts': [[2026, 11, 27]] },
    language: 'en',
  }

  it('prints no access date in ru-RU', () => {
    expect(
      processor.bibliography([withoutUrl], { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' }),
    ).toEqual([
      'Smith, J. Energy security in the Caspian region / J. Smith. – Текст : электронный // Atlantic Council : [сайт]. – 2025. – 1 сент.',
    ])
  })

  it('still describes a saved news page without its address as a page of a website', () => {
    const savedNews: CslItem = { ...withoutUrl, id: 'saved-news', type: 'article-newspaper' }
    expect(
      processor.bibliography([savedNews], { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' }),
    ).toEqual([
      'Smith, J. Energy security in the Caspian region / J. Smith. – Текст : электронный // Atlantic Council : [сайт]. – 2025. – 1 сент.',
    ])
  })

  it('prints no access date in en-US', () => {
    expect(
      processor.bibliography([withoutUrl], { style: 'gost-r-7.0.100-2018', locale: 'en-US', format: 'text' }),
    ).toEqual([
      'Smith, J. Energy security in the Caspian region / J. Smith. – Text : electronic // Atlantic Council : [website]. – 2025. – 1 Sept.',
    ])
  })
})

// Every kind of source, written from GOST R 7.0.100-2018 before the style was: a whole resource ends with its
// content form ("Текст : непосредственный" for print, "Текст : электронный" with a URL, "Данные : электронные",
// "Программа : электронная"); a part of a resource gives it before "//" and its host after (periodicals
// "– 2023. – Т. 15, № 2. – С. 34–58.", books "– Москва : Издательство, 2020. – С. 88–109."); the DOI belongs
// to the described part, before the content form; editors follow "/" ("под редакцией" and the name in the
// genitive), after the authors with ";"; a thesis names its author in full and the institution after ";";
// "[Б. м.]" for a publisher without a place. Words printed from the item (Т., №, С., с., изд., под редакцией)
// follow the item's language (Vol., no., P., p., ed., edited by for English); the cataloguer's additions in
// square brackets, the content form and the access date follow the interface language.
const BIBLIOGRAPHY_RU: Record<string, string> = {
  'journal-ru':
    'Абрамова, Е. В. Транзитный потенциал Южного Кавказа : оценка после 2020 года / Е. В. Абрамова, Р. А. Гусейнов. – DOI 10.17323/1996-7845-2023-02-02. – Текст : непосредственный // Вестник международных организаций. – 2023. – Т. 15, № 2. – С. 34–58.',
  'webpage-ru':
    'Иванов, И. И. Транспортные коридоры Южного Кавказа / И. И. Иванов. – Текст : электронный // Российский совет по международным делам : [сайт]. – 2025. – 15 марта. – URL: https://russiancouncil.ru/analytics-and-comments/koridory/ (дата обращения: 27.11.2026).',
  'chapter-ru':
    'Керимов, Т. Э. Энергетическая дипломатия Азербайджана / Т. Э. Керимов. – Текст : непосредственный // Современная политика на Каспии / под редакцией А. П. Соколова. – Москва : МГИМО-Университет, 2020. – С. 88–109.',
  'law-ru':
    'О морских портах в Российской Федерации : Федеральный закон от 8 ноября 2007 г. № 261-ФЗ. – Текст : непосредственный // Собрание законодательства Российской Федерации. – 2007.',
  'thesis-ru':
    'Петренко, О. И. Региональная интеграция на постсоветском пространстве : диссертация на соискание ученой степени кандидата политических наук / Петренко Ольга Игоревна ; МГУ им. М. В. Ломоносова. – Москва, 2019. – 214 с. – Текст : непосредственный.',
  'book-ru':
    'Соколов, А. П. Каспийский регион : политика, экономика, безопасность / А. П. Соколов, Л. Р. Мамедова. – Москва : Аспект Пресс, 2021. – 412 с. – (Библиотека регионоведа ; вып. 7). – ISBN 978-5-7567-1120-4. – Текст : непосредственный.',
  'wikipedia-en':
    'Caspian Sea. – Текст : электронный // Wikipedia : [сайт]. – 2026. – 30 окт. – URL: https://en.wikipedia.org/wiki/Caspian_Sea (дата обращения: 27.11.2026).',
  'edited-en':
    'Connectivity and Conflict in Eurasia / edited by M. Lindqvist, H. Tanaka. – London : Routledge, 2022. – 298 p. – ISBN 978-0-367-71245-0. – Текст : непосредственный.',
  'dictionary-en':
    'corridor. – Текст : электронный // Oxford English Dictionary : [сайт]. – 2023. – URL: https://www.oed.com/dictionary/corridor_n (дата обращения: 27.11.2026).',
  'magazine-en':
    'Feldman, N. The quiet boom on the Caspian / N. Feldman. – Текст : непосредственный // The Economist. – 2024. – Vol. 450, no. 9431. – P. 41–43.',
  'dataset-en':
    'Haddad, R. Caspian port calls, 2015-2024 / R. Haddad. – Version 2.1. – [Б. м.] : Zenodo, 2025. – DOI 10.5281/zenodo.1234567. – Данные : электронные.',
  'journal-en':
    'Kvaratskhelia, N. Frozen no more : Pipeline politics after the Caspian settlement / N. Kvaratskhelia, S. P. O’Brien. – DOI 10.1080/09668136.2024.2311408. – Текст : непосредственный // Europe-Asia Studies. – 2024. – Vol. 76, no. 3. – P. 412–437.',
  'chapter-en':
    'Mehdiyev, F. Ports, rails and the new middle corridor / F. Mehdiyev. – DOI 10.4324/9781003154211-9. – Текст : непосредственный // Connectivity and Conflict in Eurasia / edited by M. Lindqvist, H. Tanaka. – London : Routledge, 2022. – P. 145–162.',
  'conference-en':
    'Novak, P. Measuring border delays with open shipping data / P. Novak, Y. Ibrahim, L. Chen. – DOI 10.1007/978-3-031-52345-6_7. – Текст : непосредственный // Proceedings of the 12th International Conference on Transport Data. – Cham : Springer, 2024. – P. 77–89.',
  'thesis-en':
    'Okonkwo, A. Water, oil and the state in Central Asia : PhD thesis / Adaeze Okonkwo ; University of Edinburgh. – Edinburgh, 2021. – 284 p. – Текст : непосредственный.',
  'blog-en':
    'Park, J. Why the middle corridor keeps stalling / J. Park. – Текст : электронный // Eurasia Logistics Blog : [сайт]. – 2025. – 2 сент. – URL: https://eurasialogistics.example.org/2025/09/middle-corridor (дата обращения: 27.11.2026).',
  'newspaper-en':
    'Rahimli, A. Ferry queues return to Baku port / A. Rahimli. – Текст : электронный // The Guardian : [сайт]. – 2026. – 7 февр. – URL: https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues (дата обращения: 27.11.2026).',
  'report-en':
    'Shipping costs on the trans-Caspian route : Policy Paper no. 118 / International Transport Forum. – Paris : OECD Publishing, 2023. – URL: https://www.itf-oecd.org/trans-caspian-costs (дата обращения: 27.11.2026). – Текст : электронный.',
  'software-en':
    'Varga, B. corridor-sim / B. Varga. – Version 1.4.0. – [Б. м.] : GitHub, 2025. – URL: https://github.com/example/corridor-sim. – Программа : электронная.',
  'book-en':
    'Whitfield, H. The Caspian Crossroads : Trade, energy and power since 1991 / H. Whitfield. – 2nd ed. – Oxford : Oxford University Press, 2019. – 352 p. – ISBN 978-0-19-883412-5. – Текст : непосредственный.',
}

/** The same entries with the interface in English: only the interface's words change. */
const BIBLIOGRAPHY_EN: Record<string, string> = Object.fromEntries(
  Object.entries(BIBLIOGRAPHY_RU).map(([id, entry]) => [
    id,
    entry
      .replace('Текст : непосредственный', 'Text : unmediated')
      .replace('Текст : электронный', 'Text : electronic')
      .replace('Данные : электронные', 'Dataset : electronic')
      .replace('Программа : электронная', 'Program : electronic')
      .replace('[сайт]', '[website]')
      .replace('[Б. м.]', '[S. l.]')
      .replace('дата обращения', 'date accessed')
      .replace('15 марта.', '15 Mar.')
      .replace('30 окт.', '30 Oct.')
      .replace('2 сент.', '2 Sept.')
      .replace('7 февр.', '7 Feb.'),
  ]),
)

describe('GOST R 7.0.100-2018, every kind of source', () => {
  it('describes each kind as the standard does, Cyrillic entries first, ru-RU', () => {
    expect(
      processor.bibliography(EVERY_KIND, { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' }),
    ).toEqual(Object.values(BIBLIOGRAPHY_RU))
  })

  it('changes only the interface’s words in en-US', () => {
    expect(BIBLIOGRAPHY_EN['edited-en']).toContain('Text : unmediated')
    expect(
      processor.bibliography(EVERY_KIND, { style: 'gost-r-7.0.100-2018', locale: 'en-US', format: 'text' }),
    ).toEqual(Object.values(BIBLIOGRAPHY_EN))
  })
})

describe('GOST R 7.0.100-2018, statements of responsibility and numbering', () => {
  const options = { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' } as const

  it('puts the editors of a collection after the slash, in the genitive, with the edition', () => {
    const collection: CslItem = {
      id: 'edited-ru',
      type: 'book',
      title: 'Каспий в мировой политике',
      editor: [{ family: 'Мамедова', given: 'Лейла Руслановна' }],
      publisher: 'Наука',
      'publisher-place': 'Санкт-Петербург',
      issued: { 'date-parts': [[2018]] },
      edition: '3',
      'number-of-pages': '256',
      language: 'ru',
    }
    expect(processor.bibliography([collection], options)).toEqual([
      'Каспий в мировой политике / под редакцией Л. Р. Мамедовой. – 3-е изд. – Санкт-Петербург : Наука, 2018. – 256 с. – Текст : непосредственный.',
    ])
  })

  it('follows the authors with the translator and the editor, each after ";"', () => {
    const translated: CslItem = {
      id: 'translated-ru',
      type: 'book',
      title: 'Порты Каспия',
      author: [{ family: 'Ковальский', given: 'Ян' }],
      translator: [{ family: 'Белая', given: 'Ирина Олеговна' }],
      editor: [{ family: 'Гусейнов', given: 'Рустам Алиевич' }],
      publisher: 'Международные отношения',
      'publisher-place': 'Москва',
      issued: { 'date-parts': [[2016]] },
      'number-of-pages': '320',
      language: 'ru',
    }
    expect(processor.bibliography([translated], options)).toEqual([
      'Ковальский, Я. Порты Каспия / Я. Ковальский ; перевод И. О. Белой ; под редакцией Р. А. Гусейнова. – Москва : Международные отношения, 2016. – 320 с. – Текст : непосредственный.',
    ])
  })

  it('starts with the title when a work has four authors, and names them all after the slash', () => {
    const fourAuthorBook: CslItem = {
      id: 'four-ru',
      type: 'book',
      title: 'Экономика Каспийского региона',
      author: [
        { family: 'Абрамова', given: 'Елена Викторовна' },
        { family: 'Гусейнов', given: 'Рустам Алиевич' },
        { family: 'Керимов', given: 'Тимур Эльдарович' },
        { family: 'Петренко', given: 'Ольга Игоревна' },
      ],
      publisher: 'Аспект Пресс',
      'publisher-place': 'Москва',
      issued: { 'date-parts': [[2022]] },
      'number-of-pages': '198',
      language: 'ru',
    }
    expect(processor.bibliography([fourAuthorBook], options)).toEqual([
      'Экономика Каспийского региона / Е. В. Абрамова, Р. А. Гусейнов, Т. Э. Керимов, О. И. Петренко. – Москва : Аспект Пресс, 2022. – 198 с. – Текст : непосредственный.',
    ])
  })

  it('dates a printed newspaper article by its day', () => {
    const printedNewspaper: CslItem = {
      id: 'newspaper-ru',
      type: 'article-newspaper',
      title: 'Паромы снова ждут погоды',
      author: [{ family: 'Алиева', given: 'Севиль' }],
      'container-title': 'Каспийский вестник',
      issued: { 'date-parts': [[2024, 3, 5]] },
      page: '3',
      language: 'ru',
    }
    expect(processor.bibliography([printedNewspaper], options)).toEqual([
      'Алиева, С. Паромы снова ждут погоды / С. Алиева. – Текст : непосредственный // Каспийский вестник. – 2024. – 5 марта. – С. 3.',
    ])
  })

  it('describes an online journal article with its DOI, numbering and URL', () => {
    const onlineArticle: CslItem = {
      id: 'online-journal',
      type: 'article-journal',
      title: 'Ports as platforms',
      author: [{ family: 'Lindqvist', given: 'Maria' }],
      'container-title': 'Journal of Eurasian Transport',
      volume: '9',
      issue: '1',
      page: '1-18',
      issued: { 'date-parts': [[2025, 1]] },
      DOI: '10.5555/jet.2025.001',
      URL: 'https://jet.example.org/articles/2025-001',
      accessed: { 'date-parts': [[2026, 11, 27]] },
    }
    expect(processor.bibliography([onlineArticle], options)).toEqual([
      'Lindqvist, M. Ports as platforms / M. Lindqvist. – DOI 10.5555/jet.2025.001. – Текст : электронный // Journal of Eurasian Transport. – 2025. – Vol. 9, no. 1. – P. 1–18. – URL: https://jet.example.org/articles/2025-001 (дата обращения: 27.11.2026).',
    ])
  })

  it('reads the language of an item that does not give it from its title', () => {
    const unmarked: CslItem = {
      id: 'journal-ru-unmarked',
      type: 'article-journal',
      title: 'Грузопотоки через Актау',
      author: [{ family: 'Нурланов', given: 'Ерлан' }],
      'container-title': 'Транспорт Евразии',
      volume: '4',
      issue: '2',
      page: '10-21',
      issued: { 'date-parts': [[2022]] },
    }
    expect(processor.bibliography([unmarked], { ...options, locale: 'en-US' })).toEqual([
      'Нурланов, Е. Грузопотоки через Актау / Е. Нурланов. – Text : unmediated // Транспорт Евразии. – 2022. – Т. 4, № 2. – С. 10–21.',
    ])
  })

  it('leaves out a month that has no day (never "2024. – марта")', () => {
    const monthOnly: CslItem = {
      id: 'month-only',
      type: 'webpage',
      title: 'Обзор рынка',
      'container-title': 'Каспийский портал',
      issued: { 'date-parts': [[2024, 3]] },
      URL: 'https://caspian.example.ru/obzor',
      accessed: { 'date-parts': [[2026, 11, 27]] },
      language: 'ru',
    }
    expect(processor.bibliography([monthOnly], options)).toEqual([
      'Обзор рынка. – Текст : электронный // Каспийский портал : [сайт]. – 2024. – URL: https://caspian.example.ru/obzor (дата обращения: 27.11.2026).',
    ])
  })
})
