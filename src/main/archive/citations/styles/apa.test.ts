import { describe, expect, it } from 'vitest'
import { CitationProcessor } from './citeproc'
import type { CslItem } from '../csl-item'
import { ALL_ITEMS, fiveAuthors, threeAuthors } from '../../../../../tests/support/cite-items'

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
