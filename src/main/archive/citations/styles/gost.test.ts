import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import { articleToCsl, type CslItem } from '../csl-item'
import { ALL_ITEMS, fiveAuthors, oneAuthor } from '../../../../../tests/support/cite-items'

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
      'Иванов, И. И. Доклад о миграции / И. И. Иванов. – Текст : электронный. – Институт Европы РАН, 2025. – URL: https://example.ru/report.pdf (дата обращения: 27.11.2026).',
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

  it('prints no access date in en-US', () => {
    expect(
      processor.bibliography([withoutUrl], { style: 'gost-r-7.0.100-2018', locale: 'en-US', format: 'text' }),
    ).toEqual([
      'Smith, J. Energy security in the Caspian region / J. Smith. – Text : electronic // Atlantic Council : [website]. – 2025. – 1 Sept.',
    ])
  })
})
