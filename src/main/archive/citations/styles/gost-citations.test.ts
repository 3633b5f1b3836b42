import { describe, expect, it } from 'vitest'
import { CitationProcessor, type CitationRef } from './citeproc'
import { fourAuthors, noDate } from '../../../../../tests/support/cite-items'
import {
  EVERY_KIND,
  book,
  bookRu,
  editedBook,
  journalArticle,
  journalArticleRu,
  report,
  webpage,
} from '../../../../../tests/support/cite-kinds'

// References in the text and in footnotes, written from GOST R 7.0.5-2008 and GOST R 7.0.108-2022 before the
// styles were. In the text: "[heading or title, year, с. 45]", the heading's first author, "б. г." without a
// year. In footnotes: the first reference is a short description (areas joined by ". ", the authors of the
// heading as "Фамилия И. О." with no statement of responsibility repeating them, no content form, no
// identifiers, the page cited in place of the extent); the reference right after one to the same work is
// "Там же" ("Ibid." for a work in English), with the page when it changes; a later one gives the heading, the
// main title and the page. Pages, volumes and "Там же" follow the item's language; "[сайт]" and "дата
// обращения" the interface's.
const processor = new CitationProcessor()
const NOTES = 'gost-r-7.0.5-2008-notes'

describe('GOST R 7.0.100-2018, references in the text', () => {
  const items = [bookRu, journalArticle, editedBook, report, fourAuthors, noDate, webpage]
  const cites: CitationRef[] = [
    { id: bookRu.id, locator: '45' },
    { id: journalArticle.id, locator: '415' },
    { id: editedBook.id },
    { id: report.id },
    { id: fourAuthors.id },
    { id: noDate.id },
    { id: webpage.id },
  ]

  it('gives the heading or the title, the year and the page, ru-RU', () => {
    expect(
      processor.citations(items, cites, { style: 'gost-r-7.0.100-2018', locale: 'ru-RU', format: 'text' }),
    ).toEqual([
      '[Соколов, 2021, с. 45]',
      '[Kvaratskhelia, 2024, p. 415]',
      '[Connectivity and Conflict in Eurasia, 2022]',
      '[Shipping costs on the trans-Caspian route, 2023]',
      '[Заметки о санкциях, 2024]',
      '[Clark, б. г.]',
      '[Иванов, 2025]',
    ])
  })

  it('says "s. a." for a missing year in en-US', () => {
    expect(
      processor.citations(items, cites, { style: 'gost-r-7.0.100-2018', locale: 'en-US', format: 'text' }),
    ).toEqual([
      '[Соколов, 2021, с. 45]',
      '[Kvaratskhelia, 2024, p. 415]',
      '[Connectivity and Conflict in Eurasia, 2022]',
      '[Shipping costs on the trans-Caspian route, 2023]',
      '[Заметки о санкциях, 2024]',
      '[Clark, s. a.]',
      '[Иванов, 2025]',
    ])
  })
})

const FIRST_NOTES_RU: Record<string, string> = {
  'journal-en':
    'Kvaratskhelia N., O’Brien S. P. Frozen no more : Pipeline politics after the Caspian settlement // Europe-Asia Studies. 2024. Vol. 76, no. 3. P. 412–437.',
  'journal-ru':
    'Абрамова Е. В., Гусейнов Р. А. Транзитный потенциал Южного Кавказа : оценка после 2020 года // Вестник международных организаций. 2023. Т. 15, № 2. С. 34–58.',
  'book-en':
    'Whitfield H. The Caspian Crossroads : Trade, energy and power since 1991. 2nd ed. Oxford : Oxford University Press, 2019. 352 p.',
  'book-ru':
    'Соколов А. П., Мамедова Л. Р. Каспийский регион : политика, экономика, безопасность. Москва : Аспект Пресс, 2021. 412 с.',
  'edited-en':
    'Connectivity and Conflict in Eurasia / edited by M. Lindqvist, H. Tanaka. London : Routledge, 2022. 298 p.',
  'chapter-en':
    'Mehdiyev F. Ports, rails and the new middle corridor // Connectivity and Conflict in Eurasia / edited by M. Lindqvist, H. Tanaka. London : Routledge, 2022. P. 145–162.',
  'chapter-ru':
    'Керимов Т. Э. Энергетическая дипломатия Азербайджана // Современная политика на Каспии / под редакцией А. П. Соколова. Москва : МГИМО-Университет, 2020. С. 88–109.',
  'report-en':
    'Shipping costs on the trans-Caspian route : Policy Paper no. 118 / International Transport Forum. Paris : OECD Publishing, 2023. URL: https://www.itf-oecd.org/trans-caspian-costs (дата обращения: 27.11.2026).',
  'thesis-en': 'Okonkwo A. Water, oil and the state in Central Asia : PhD thesis. Edinburgh, 2021. 284 p.',
  'thesis-ru':
    'Петренко О. И. Региональная интеграция на постсоветском пространстве : диссертация на соискание ученой степени кандидата политических наук. Москва, 2019. 214 с.',
  'conference-en':
    'Novak P., Ibrahim Y., Chen L. Measuring border delays with open shipping data // Proceedings of the 12th International Conference on Transport Data. Cham : Springer, 2024. P. 77–89.',
  'wikipedia-en':
    'Caspian Sea // Wikipedia : [сайт]. 2026. 30 окт. URL: https://en.wikipedia.org/wiki/Caspian_Sea (дата обращения: 27.11.2026).',
  'dictionary-en':
    'corridor // Oxford English Dictionary : [сайт]. 2023. URL: https://www.oed.com/dictionary/corridor_n (дата обращения: 27.11.2026).',
  'law-ru':
    'О морских портах в Российской Федерации : Федеральный закон от 8 ноября 2007 г. № 261-ФЗ // Собрание законодательства Российской Федерации. 2007.',
  'dataset-en': 'Haddad R. Caspian port calls, 2015-2024. Version 2.1. [Б. м.] : Zenodo, 2025.',
  'software-en':
    'Varga B. corridor-sim. Version 1.4.0. [Б. м.] : GitHub, 2025. URL: https://github.com/example/corridor-sim.',
  'newspaper-en':
    'Rahimli A. Ferry queues return to Baku port // The Guardian : [сайт]. 2026. 7 февр. URL: https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues (дата обращения: 27.11.2026).',
  'magazine-en':
    'Feldman N. The quiet boom on the Caspian // The Economist. 2024. Vol. 450, no. 9431. P. 41–43.',
  'webpage-ru':
    'Иванов И. И. Транспортные коридоры Южного Кавказа // Российский совет по международным делам : [сайт]. 2025. 15 марта. URL: https://russiancouncil.ru/analytics-and-comments/koridory/ (дата обращения: 27.11.2026).',
  'blog-en':
    'Park J. Why the middle corridor keeps stalling // Eurasia Logistics Blog : [сайт]. 2025. 2 сент. URL: https://eurasialogistics.example.org/2025/09/middle-corridor (дата обращения: 27.11.2026).',
}

describe('GOST R 7.0.5-2008 footnotes', () => {
  const ru = { style: NOTES, locale: 'ru-RU', format: 'text' } as const

  it('gives a first reference for every kind of source, ru-RU', () => {
    const cites = EVERY_KIND.map((item) => ({ id: item.id }))
    expect(processor.citations(EVERY_KIND, cites, ru)).toEqual(
      EVERY_KIND.map((item) => FIRST_NOTES_RU[item.id]),
    )
  })

  it('writes the interface’s words of a web reference in en-US', () => {
    expect(processor.citations([webpage], [{ id: webpage.id }], { ...ru, locale: 'en-US' })).toEqual([
      'Иванов И. И. Транспортные коридоры Южного Кавказа // Российский совет по международным делам : [website]. 2025. 15 Mar. URL: https://russiancouncil.ru/analytics-and-comments/koridory/ (date accessed: 27.11.2026).',
    ])
  })

  it('follows a first reference with "Там же", a shortened repeat and "Ibid."', () => {
    const cites: CitationRef[] = [
      { id: bookRu.id, locator: '45' },
      { id: bookRu.id, locator: '45' },
      { id: bookRu.id, locator: '47' },
      { id: journalArticleRu.id, locator: '40' },
      { id: bookRu.id, locator: '50' },
      { id: book.id, locator: '12' },
      { id: book.id, locator: '15' },
      { id: journalArticleRu.id },
    ]
    expect(processor.citations([bookRu, journalArticleRu, book], cites, ru)).toEqual([
      'Соколов А. П., Мамедова Л. Р. Каспийский регион : политика, экономика, безопасность. Москва : Аспект Пресс, 2021. С. 45.',
      'Там же.',
      'Там же. С. 47.',
      'Абрамова Е. В., Гусейнов Р. А. Транзитный потенциал Южного Кавказа : оценка после 2020 года // Вестник международных организаций. 2023. Т. 15, № 2. С. 40.',
      'Соколов А. П., Мамедова Л. Р. Каспийский регион. С. 50.',
      'Whitfield H. The Caspian Crossroads : Trade, energy and power since 1991. 2nd ed. Oxford : Oxford University Press, 2019. P. 12.',
      'Ibid. P. 15.',
      'Абрамова Е. В., Гусейнов Р. А. Транзитный потенциал Южного Кавказа.',
    ])
  })

  it('shortens the repeat of a work without a heading to its title', () => {
    const cites: CitationRef[] = [
      { id: editedBook.id, locator: '10' },
      { id: report.id },
      { id: editedBook.id, locator: '11' },
    ]
    expect(processor.citations([editedBook, report], cites, ru)).toEqual([
      'Connectivity and Conflict in Eurasia / edited by M. Lindqvist, H. Tanaka. London : Routledge, 2022. P. 10.',
      'Shipping costs on the trans-Caspian route : Policy Paper no. 118 / International Transport Forum. Paris : OECD Publishing, 2023. URL: https://www.itf-oecd.org/trans-caspian-costs (дата обращения: 27.11.2026).',
      'Connectivity and Conflict in Eurasia. P. 11.',
    ])
  })

  it('keeps the bibliography of GOST R 7.0.100-2018', () => {
    for (const locale of ['ru-RU', 'en-US'] as const)
      expect(processor.bibliography(EVERY_KIND, { style: NOTES, locale, format: 'text' })).toEqual(
        processor.bibliography(EVERY_KIND, { style: 'gost-r-7.0.100-2018', locale, format: 'text' }),
      )
  })
})
