import type { CslItem } from '../../src/common/csl'

/**
 * Test support: one item of every kind of source a bibliography holds, in English and in Russian,
 * with the variables each kind's style guides print. The items are invented for Lectern's tests
 * (the people, titles and numbers are not real publications).
 */

export const journalArticle: CslItem = {
  id: 'journal-en',
  type: 'article-journal',
  title: 'Frozen no more',
  subtitle: 'Pipeline politics after the Caspian settlement',
  author: [
    { family: 'Kvaratskhelia', given: 'Nino' },
    { family: "O'Brien", given: 'Sean Patrick' },
  ],
  'container-title': 'Europe-Asia Studies',
  volume: '76',
  issue: '3',
  page: '412-437',
  issued: { 'date-parts': [[2024, 3]] },
  DOI: '10.1080/09668136.2024.2311408',
  ISSN: '0966-8136',
  language: 'en',
}

export const journalArticleRu: CslItem = {
  id: 'journal-ru',
  type: 'article-journal',
  title: 'Транзитный потенциал Южного Кавказа',
  subtitle: 'оценка после 2020 года',
  author: [
    { family: 'Абрамова', given: 'Елена Викторовна' },
    { family: 'Гусейнов', given: 'Рустам Алиевич' },
  ],
  'container-title': 'Вестник международных организаций',
  volume: '15',
  issue: '2',
  page: '34-58',
  issued: { 'date-parts': [[2023]] },
  DOI: '10.17323/1996-7845-2023-02-02',
  language: 'ru',
}

export const book: CslItem = {
  id: 'book-en',
  type: 'book',
  title: 'The Caspian Crossroads',
  subtitle: 'Trade, energy and power since 1991',
  author: [{ family: 'Whitfield', given: 'Harriet' }],
  publisher: 'Oxford University Press',
  'publisher-place': 'Oxford',
  issued: { 'date-parts': [[2019]] },
  edition: '2',
  'number-of-pages': '352',
  ISBN: '978-0-19-883412-5',
  language: 'en',
}

export const bookRu: CslItem = {
  id: 'book-ru',
  type: 'book',
  title: 'Каспийский регион',
  subtitle: 'политика, экономика, безопасность',
  author: [
    { family: 'Соколов', given: 'Андрей Петрович' },
    { family: 'Мамедова', given: 'Лейла Руслановна' },
  ],
  publisher: 'Аспект Пресс',
  'publisher-place': 'Москва',
  issued: { 'date-parts': [[2021]] },
  'number-of-pages': '412',
  ISBN: '978-5-7567-1120-4',
  'collection-title': 'Библиотека регионоведа',
  'collection-number': '7',
  language: 'ru',
}

export const editedBook: CslItem = {
  id: 'edited-en',
  type: 'book',
  title: 'Connectivity and Conflict in Eurasia',
  editor: [
    { family: 'Lindqvist', given: 'Maria' },
    { family: 'Tanaka', given: 'Hiroshi' },
  ],
  publisher: 'Routledge',
  'publisher-place': 'London',
  issued: { 'date-parts': [[2022]] },
  'number-of-pages': '298',
  ISBN: '978-0-367-71245-0',
  language: 'en',
}

export const chapter: CslItem = {
  id: 'chapter-en',
  type: 'chapter',
  title: 'Ports, rails and the new middle corridor',
  author: [{ family: 'Mehdiyev', given: 'Farid' }],
  editor: [
    { family: 'Lindqvist', given: 'Maria' },
    { family: 'Tanaka', given: 'Hiroshi' },
  ],
  'container-title': 'Connectivity and Conflict in Eurasia',
  publisher: 'Routledge',
  'publisher-place': 'London',
  page: '145-162',
  issued: { 'date-parts': [[2022]] },
  DOI: '10.4324/9781003154211-9',
  language: 'en',
}

export const chapterRu: CslItem = {
  id: 'chapter-ru',
  type: 'chapter',
  title: 'Энергетическая дипломатия Азербайджана',
  author: [{ family: 'Керимов', given: 'Тимур Эльдарович' }],
  editor: [{ family: 'Соколов', given: 'Андрей Петрович' }],
  'container-title': 'Современная политика на Каспии',
  publisher: 'МГИМО-Университет',
  'publisher-place': 'Москва',
  page: '88-109',
  issued: { 'date-parts': [[2020]] },
  language: 'ru',
}

export const report: CslItem = {
  id: 'report-en',
  type: 'report',
  title: 'Shipping costs on the trans-Caspian route',
  author: [{ literal: 'International Transport Forum' }],
  publisher: 'OECD Publishing',
  'publisher-place': 'Paris',
  genre: 'Policy Paper',
  number: '118',
  issued: { 'date-parts': [[2023, 6, 14]] },
  URL: 'https://www.itf-oecd.org/trans-caspian-costs',
  accessed: { 'date-parts': [[2026, 11, 27]] },
  language: 'en',
}

export const thesis: CslItem = {
  id: 'thesis-en',
  type: 'thesis',
  title: 'Water, oil and the state in Central Asia',
  author: [{ family: 'Okonkwo', given: 'Adaeze' }],
  genre: 'PhD thesis',
  publisher: 'University of Edinburgh',
  'publisher-place': 'Edinburgh',
  issued: { 'date-parts': [[2021]] },
  'number-of-pages': '284',
  language: 'en',
}

export const thesisRu: CslItem = {
  id: 'thesis-ru',
  type: 'thesis',
  title: 'Региональная интеграция на постсоветском пространстве',
  author: [{ family: 'Петренко', given: 'Ольга Игоревна' }],
  genre: 'диссертация на соискание ученой степени кандидата политических наук',
  publisher: 'МГУ им. М. В. Ломоносова',
  'publisher-place': 'Москва',
  issued: { 'date-parts': [[2019]] },
  'number-of-pages': '214',
  language: 'ru',
}

export const conferencePaper: CslItem = {
  id: 'conference-en',
  type: 'paper-conference',
  title: 'Measuring border delays with open shipping data',
  author: [
    { family: 'Novak', given: 'Petra' },
    { family: 'Ibrahim', given: 'Yusuf' },
    { family: 'Chen', given: 'Li' },
  ],
  'container-title': 'Proceedings of the 12th International Conference on Transport Data',
  'event-title': 'International Conference on Transport Data',
  'event-place': 'Vienna',
  publisher: 'Springer',
  'publisher-place': 'Cham',
  page: '77-89',
  issued: { 'date-parts': [[2024]] },
  DOI: '10.1007/978-3-031-52345-6_7',
  language: 'en',
}

export const encyclopediaEntry: CslItem = {
  id: 'wikipedia-en',
  type: 'entry-encyclopedia',
  title: 'Caspian Sea',
  'container-title': 'Wikipedia',
  publisher: 'Wikimedia Foundation',
  issued: { 'date-parts': [[2026, 10, 30]] },
  URL: 'https://en.wikipedia.org/wiki/Caspian_Sea',
  accessed: { 'date-parts': [[2026, 11, 27]] },
  language: 'en',
}

export const dictionaryEntry: CslItem = {
  id: 'dictionary-en',
  type: 'entry-dictionary',
  title: 'corridor',
  'container-title': 'Oxford English Dictionary',
  publisher: 'Oxford University Press',
  issued: { 'date-parts': [[2023]] },
  URL: 'https://www.oed.com/dictionary/corridor_n',
  accessed: { 'date-parts': [[2026, 11, 27]] },
  language: 'en',
}

export const legislation: CslItem = {
  id: 'law-ru',
  type: 'legislation',
  title: 'О морских портах в Российской Федерации',
  genre: 'Федеральный закон',
  number: '261-ФЗ',
  issued: { 'date-parts': [[2007, 11, 8]] },
  'container-title': 'Собрание законодательства Российской Федерации',
  language: 'ru',
}

export const dataset: CslItem = {
  id: 'dataset-en',
  type: 'dataset',
  title: 'Caspian port calls, 2015-2024',
  author: [{ family: 'Haddad', given: 'Rami' }],
  publisher: 'Zenodo',
  version: '2.1',
  issued: { 'date-parts': [[2025, 2, 3]] },
  DOI: '10.5281/zenodo.1234567',
  language: 'en',
}

export const software: CslItem = {
  id: 'software-en',
  type: 'software',
  title: 'corridor-sim',
  author: [{ family: 'Varga', given: 'Bence' }],
  version: '1.4.0',
  publisher: 'GitHub',
  issued: { 'date-parts': [[2025]] },
  URL: 'https://github.com/example/corridor-sim',
  language: 'en',
}

export const newspaperArticle: CslItem = {
  id: 'newspaper-en',
  type: 'article-newspaper',
  title: 'Ferry queues return to Baku port',
  author: [{ family: 'Rahimli', given: 'Aysel' }],
  'container-title': 'The Guardian',
  section: 'World',
  issued: { 'date-parts': [[2026, 2, 7]] },
  URL: 'https://www.theguardian.com/world/2026/feb/07/baku-ferry-queues',
  accessed: { 'date-parts': [[2026, 11, 27]] },
  language: 'en',
}

export const magazineArticle: CslItem = {
  id: 'magazine-en',
  type: 'article-magazine',
  title: 'The quiet boom on the Caspian',
  author: [{ family: 'Feldman', given: 'Noah' }],
  'container-title': 'The Economist',
  volume: '450',
  issue: '9431',
  page: '41-43',
  issued: { 'date-parts': [[2024, 1, 20]] },
  language: 'en',
}

export const webpage: CslItem = {
  id: 'webpage-ru',
  type: 'webpage',
  title: 'Транспортные коридоры Южного Кавказа',
  author: [{ family: 'Иванов', given: 'Иван Иванович' }],
  'container-title': 'Российский совет по международным делам',
  issued: { 'date-parts': [[2025, 3, 15]] },
  URL: 'https://russiancouncil.ru/analytics-and-comments/koridory/',
  accessed: { 'date-parts': [[2026, 11, 27]] },
  language: 'ru',
}

export const blogPost: CslItem = {
  id: 'blog-en',
  type: 'post-weblog',
  title: 'Why the middle corridor keeps stalling',
  author: [{ family: 'Park', given: 'Jiwoo' }],
  'container-title': 'Eurasia Logistics Blog',
  issued: { 'date-parts': [[2025, 9, 2]] },
  URL: 'https://eurasialogistics.example.org/2025/09/middle-corridor',
  accessed: { 'date-parts': [[2026, 11, 27]] },
  language: 'en',
}

/** Every kind above, in a fixed order. */
export const EVERY_KIND: readonly CslItem[] = [
  journalArticle,
  journalArticleRu,
  book,
  bookRu,
  editedBook,
  chapter,
  chapterRu,
  report,
  thesis,
  thesisRu,
  conferencePaper,
  encyclopediaEntry,
  dictionaryEntry,
  legislation,
  dataset,
  software,
  newspaperArticle,
  magazineArticle,
  webpage,
  blogPost,
]
