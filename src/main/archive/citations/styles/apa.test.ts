import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS, fiveAuthors, threeAuthors } from '../../../../../tests/support/cite-items'
import {
  EVERY_KIND,
  book,
  chapter,
  journalArticle,
  report,
  thesis,
} from '../../../../../tests/support/cite-kinds'

// Written from the APA Publication Manual, 7th ed.: "Author, A. A., & Author, B. B. (Year, Month Day).
// Title. Site. URL"; web page titles in italics, news and blog titles plain with the periodical or blog name
// in italics; no author: the title moves to the author position; no date: (n.d.).
const processor = new CitationProcessor()

describe('APA 7, en-US', () => {
  it('formats every test item, sorted by author', () => {
    expect(processor.bibliography(ALL_ITEMS, { style: 'apa', locale: 'en-US', format: 'text' })).toEqual([
      'Clark, T. (n.d.). R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU). Policy Watch. https://policywatch.example.org/rd-spending',
      'Doe, J. (2026, February 7). What Vance’s trip means for regional cooperation: Reassessing the South Caucasus. Caliber.az. https://caliber.az/en/post/vance-trip',
      'Ministry of Foreign Affairs of Azerbaijan. (2026, January 20). Press release on the peace agenda. mfa.gov.az. https://mfa.gov.az/en/news/peace-agenda',
      'Smith, J., Brown, M. A., & Clark, P. (2025, September 1). Energy security in the Caspian region. Atlantic Council. https://www.atlanticcouncil.org/energy-caspian/',
      'Иванов, И. И., & Петрова, А. С. (2025, March 15). Транспортные коридоры Южного Кавказа. Российская газета. https://rg.ru/2025/03/15/koridory.html',
      'Путин провёл переговоры с Алиевым. (2026, May 9). ТАСС. https://tass.ru/politika/123',
      'Смирнов, А., Кузнецов, Б., Попов, В., & Васильев, Г. (2024, December 1). Заметки о санкциях. Экономический блог. https://econ.example.ru/blog/sanctions',
    ])
  })

  it('italicises the web page title and the newspaper name in HTML', () => {
    const [news, page] = processor.bibliography([ALL_ITEMS[0]!, threeAuthors], {
      style: 'apa',
      locale: 'en-US',
      format: 'html',
    })
    expect(news).toBe(
      '<div class="csl-entry">Doe, J. (2026, February 7). What Vance’s trip means for regional cooperation: Reassessing the South Caucasus. <i>Caliber.az</i>. https://caliber.az/en/post/vance-trip</div>',
    )
    expect(page).toBe(
      '<div class="csl-entry">Smith, J., Brown, M. A., &#38; Clark, P. (2025, September 1). <i>Energy security in the Caspian region</i>. Atlantic Council. https://www.atlanticcouncil.org/energy-caspian/</div>',
    )
  })

  it('lists all of up to 20 authors, and 19 … last beyond that', () => {
    expect(
      processor.bibliography([fiveAuthors], { style: 'apa', locale: 'en-US', format: 'text' })[0],
    ).toMatch(/^Adams, A\., Baker, B\., Cole, C\., Dunn, D\., & Evans, E\. \(2025, July 4\)\./)
    const many: CslItem = {
      ...fiveAuthors,
      author: Array.from({ length: 22 }, (_, index) => ({ family: `Author${index + 1}`, given: 'A' })),
    }
    const entry = processor.bibliography([many], { style: 'apa', locale: 'en-US', format: 'text' })[0]!
    expect(entry).toContain('Author18, A., Author19, A., … Author22, A. (2025, July 4).')
  })

  it('leaves out a site name that repeats the author', () => {
    const item: CslItem = { ...ALL_ITEMS[4]!, 'container-title': 'Ministry of Foreign Affairs of Azerbaijan' }
    expect(processor.bibliography([item], { style: 'apa', locale: 'en-US', format: 'text' })).toEqual([
      'Ministry of Foreign Affairs of Azerbaijan. (2026, January 20). Press release on the peace agenda. https://mfa.gov.az/en/news/peace-agenda',
    ])
  })
})

describe('APA 7, ru-RU', () => {
  it('formats every test item with Russian dates, Cyrillic entries first', () => {
    expect(processor.bibliography(ALL_ITEMS, { style: 'apa', locale: 'ru-RU', format: 'text' })).toEqual([
      'Иванов, И. И., & Петрова, А. С. (2025, 15 марта). Транспортные коридоры Южного Кавказа. Российская газета. https://rg.ru/2025/03/15/koridory.html',
      'Путин провёл переговоры с Алиевым. (2026, 9 мая). ТАСС. https://tass.ru/politika/123',
      'Смирнов, А., Кузнецов, Б., Попов, В., & Васильев, Г. (2024, 1 декабря). Заметки о санкциях. Экономический блог. https://econ.example.ru/blog/sanctions',
      'Clark, T. (б. д.). R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU). Policy Watch. https://policywatch.example.org/rd-spending',
      'Doe, J. (2026, 7 февраля). What Vance’s trip means for regional cooperation: Reassessing the South Caucasus. Caliber.az. https://caliber.az/en/post/vance-trip',
      'Ministry of Foreign Affairs of Azerbaijan. (2026, 20 января). Press release on the peace agenda. mfa.gov.az. https://mfa.gov.az/en/news/peace-agenda',
      'Smith, J., Brown, M. A., & Clark, P. (2025, 1 сентября). Energy security in the Caspian region. Atlantic Council. https://www.atlanticcouncil.org/energy-caspian/',
    ])
  })
})

// Every kind of source, from the APA Publication Manual, 7th ed. (chapter 10): journal articles "Journal,
// Volume(Issue), pages. https://doi.org/…" with the journal and volume in italics; books and reports in
// italics with "(2nd ed.)" and "(Policy Paper No. 118)" after the title, publisher without place; chapters
// and published proceedings "In A. Editor & B. Editor (Eds.), Book (pp. 145–162). Publisher."; edited books
// "(Eds.)."; theses "[Doctoral dissertation, University]"; entries in online reference works "In Wikipedia"
// with "Retrieved Month Day, Year, from URL" (their content changes); datasets "(Version 2.1) [Data set]";
// software "(Version 1.4.0) [Computer software]"; newspapers and magazines with the date and the periodical
// in italics; statutes "Title, Number, Source (Year)" after the legal (Bluebook) form APA uses. Titles keep
// the case they are stored in (APA's sentence case needs to know proper nouns), the first word after a
// colon is capitalised.
describe('APA 7, every kind of source, en-US', () => {
  const options = { style: 'apa', locale: 'en-US', format: 'text' } as const

  it('formats every kind, sorted by author or title', () => {
    expect(processor.bibliography(EVERY_KIND, options)).toEqual([
      'Caspian Sea. (2026, October 30). In Wikipedia. Retrieved November 27, 2026, from https://en.wikipedia.org/wiki/Caspian_Sea',
      'Corridor. (2023). In Oxford English Dictionary. Retrieved November 27, 2026, from https://www.oed.com/dictionary/corridor_n',
      'Feldman, N. (2024, January 20). The quiet boom on the Caspian. The Economist, 450(9431), 41–43.',
      'Haddad, R. (2025). Caspian port calls, 2015-2024 (Version 2.1) [Data set]. Zenodo. https://doi.org/10.5281/zenodo.1234567',
      'International Transport Forum. (2023). Shipping costs on the trans-Caspian route (Policy Paper No. 118). OECD Publishing. https://www.itf-oecd.org/trans-caspian-costs',
      'Kvaratskhelia, N., & O’Brien, S. P. (2024). Frozen no more: Pipeline politics after the Caspian settlement. Europe-Asia Studies, 76(3), 412–437. https://doi.org/10.1080/09668136.2024.2311408',
      'Lindqvist, M., & Tanaka, H. (Eds.). (2022). Connectivity and Conflict in Eurasia. Routledge.',
      'Mehdiyev, F. (2022). Ports, rails and the new middle corridor. In M. Lindqvist & H. Tanaka (Eds.), Connectivity and Conflict in Eurasia (pp. 145–162). Routledge. https://doi.org/10.4324/9781003154211-9',
      'Novak, P., Ibrahim, Y., & Chen, L. (2024). Measuring border delays with open shipping data. In Proceedings of the 12th International Conference on Transport Data (pp. 77–89). Springer. https://doi.org/10.1007/978-3-031-52345-6_7',
      'Okonkwo, A. (2021). Water, oil and the state in Central Asia [Doctoral dissertation, University of Edinburgh].',
      'Park, J. (2025, September 2). Why the middle corridor keeps stalling. Eurasia Logistics Blog. https://eurasialogistics.example.org/2025/09/middle-corridor',
      'Rahimli, A. (2026, February 7). Ferry queues return to Baku port. The Guardian. https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues',
      'Varga, B. (2025). corridor-sim (Version 1.4.0) [Computer software]. GitHub. https://github.com/example/corridor-sim',
      'Whitfield, H. (2019). The Caspian Crossroads: Trade, energy and power since 1991 (2nd ed.). Oxford University Press.',
      'Абрамова, Е. В., & Гусейнов, Р. А. (2023). Транзитный потенциал Южного Кавказа: Оценка после 2020 года. Вестник международных организаций, 15(2), 34–58. https://doi.org/10.17323/1996-7845-2023-02-02',
      'Иванов, И. И. (2025, March 15). Транспортные коридоры Южного Кавказа. Российский совет по международным делам. https://russiancouncil.ru/analytics-and-comments/koridory/',
      'Керимов, Т. Э. (2020). Энергетическая дипломатия Азербайджана. In А. П. Соколов (Ed.), Современная политика на Каспии (pp. 88–109). МГИМО-Университет.',
      'О морских портах в Российской Федерации, Федеральный закон No. 261-ФЗ, Собрание законодательства Российской Федерации (2007).',
      'Петренко, О. И. (2019). Региональная интеграция на постсоветском пространстве [диссертация на соискание ученой степени кандидата политических наук, МГУ им. М. В. Ломоносова].',
      'Соколов, А. П., & Мамедова, Л. Р. (2021). Каспийский регион: Политика, экономика, безопасность. Аспект Пресс.',
    ])
  })

  it('italicises the journal and its volume, the book, and the book a chapter is in', () => {
    expect(processor.bibliography([journalArticle, book, chapter], { ...options, format: 'html' })).toEqual([
      '<div class="csl-entry">Kvaratskhelia, N., &#38; O’Brien, S. P. (2024). Frozen no more: Pipeline politics after the Caspian settlement. <i>Europe-Asia Studies</i>, <i>76</i>(3), 412–437. https://doi.org/10.1080/09668136.2024.2311408</div>',
      '<div class="csl-entry">Mehdiyev, F. (2022). Ports, rails and the new middle corridor. In M. Lindqvist &#38; H. Tanaka (Eds.), <i>Connectivity and Conflict in Eurasia</i> (pp. 145–162). Routledge. https://doi.org/10.4324/9781003154211-9</div>',
      '<div class="csl-entry">Whitfield, H. (2019). <i>The Caspian Crossroads: Trade, energy and power since 1991</i> (2nd ed.). Oxford University Press.</div>',
    ])
  })

  it('names a master’s thesis as APA does', () => {
    const masters: CslItem = { ...thesis, id: 'masters', genre: 'MA thesis' }
    expect(processor.bibliography([masters], options)).toEqual([
      'Okonkwo, A. (2021). Water, oil and the state in Central Asia [Master’s thesis, University of Edinburgh].',
    ])
  })

  // In-text: "(Author, Year)", two authors joined by "&", three or more "First et al."; a work without an
  // author by its title, in quotation marks for a part of a larger work (an entry); "p." before a page.
  it('gives the in-text citation of every kind in the order cited', () => {
    const cites = [
      { id: journalArticle.id, locator: '415' },
      ...EVERY_KIND.slice(1).map((item) => ({ id: item.id })),
      { id: journalArticle.id },
    ]
    expect(processor.citations(EVERY_KIND, cites, options)).toEqual([
      '(Kvaratskhelia & O’Brien, 2024, p. 415)',
      '(Абрамова & Гусейнов, 2023)',
      '(Whitfield, 2019)',
      '(Соколов & Мамедова, 2021)',
      '(Lindqvist & Tanaka, 2022)',
      '(Mehdiyev, 2022)',
      '(Керимов, 2020)',
      '(International Transport Forum, 2023)',
      '(Okonkwo, 2021)',
      '(Петренко, 2019)',
      '(Novak et al., 2024)',
      '(“Caspian Sea,” 2026)',
      '(“Corridor,” 2023)',
      '(О морских портах в Российской Федерации, 2007)',
      '(Haddad, 2025)',
      '(Varga, 2025)',
      '(Rahimli, 2026)',
      '(Feldman, 2024)',
      '(Иванов, 2025)',
      '(Park, 2025)',
      '(Kvaratskhelia & O’Brien, 2024)',
    ])
  })
})

describe('APA 7, a group author that is also the publisher', () => {
  it('names the group once, as the author', () => {
    const ownReport: CslItem = { ...report, id: 'own-report', publisher: 'International Transport Forum' }
    expect(processor.bibliography([ownReport], { style: 'apa', locale: 'en-US', format: 'text' })).toEqual([
      'International Transport Forum. (2023). Shipping costs on the trans-Caspian route (Policy Paper No. 118). https://www.itf-oecd.org/trans-caspian-costs',
    ])
  })
})
