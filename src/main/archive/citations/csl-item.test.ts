import { describe, expect, it } from 'vitest'
import { articleToCsl, parseDate, parseName } from './csl-item'

describe('parseName', () => {
  it.each([
    ['Jane Doe', { family: 'Doe', given: 'Jane' }],
    ['Doe, Jane', { family: 'Doe', given: 'Jane' }],
    ['Иванов Иван Иванович', { family: 'Иванов', given: 'Иван Иванович' }],
    ['Иван Иванович Иванов', { family: 'Иванов', given: 'Иван Иванович' }],
    ['Иванов, И. И.', { family: 'Иванов', given: 'И. И.' }],
    ['Иванов И.И.', { family: 'Иванов', given: 'И.И.' }],
    ['И. И. Иванов', { family: 'Иванов', given: 'И. И.' }],
    ['J.D. Vance', { family: 'Vance', given: 'J.D.' }],
    ['Mary Ann Brown', { family: 'Brown', given: 'Mary Ann' }],
    ['Ludwig van Beethoven', { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
  ])('%s is a person', (raw, expected) => {
    expect(parseName(raw)).toEqual(expected)
  })

  it.each([
    'Reuters',
    'Caliber.az',
    'Ministry of Foreign Affairs of Azerbaijan',
    'Институт Европы РАН',
    'Информационное агентство ТАСС',
    'BBC News',
    'Пресс-служба Кремля',
    'AP',
    'Council on Foreign Relations',
  ])('%s is an organisation', (raw) => {
    expect(parseName(raw)).toEqual({ literal: raw })
  })

  it('ignores blank strings', () => {
    expect(parseName('  ')).toBeNull()
  })
})

describe('parseDate', () => {
  it('splits what the page states and invents nothing', () => {
    expect(parseDate('2026-02-07T19:01')).toEqual({ 'date-parts': [[2026, 2, 7]] })
    expect(parseDate('2026-02-07')).toEqual({ 'date-parts': [[2026, 2, 7]] })
    expect(parseDate('2026-02')).toEqual({ 'date-parts': [[2026, 2]] })
    expect(parseDate('2026')).toEqual({ 'date-parts': [[2026]] })
    expect(parseDate('spring 2026')).toEqual({ literal: 'spring 2026' })
    expect(parseDate(null)).toBeUndefined()
  })
})

describe('articleToCsl', () => {
  const seed = {
    id: 7,
    title: 'What Vance’s trip means for regional cooperation',
    subtitle: 'Reassessing the South Caucasus',
    authors: [],
    siteName: 'Caliber.az',
    section: 'Analytics',
    publishedAt: '2026-02-07T19:01',
    language: 'en',
    url: 'https://caliber.az/en/post/vance-trip',
    format: 'text' as const,
    addedAt: '2026-11-27T10:15:00.000Z',
  }

  it('cites a forum or Q&A thread as a post, whatever its section', () => {
    expect(articleToCsl({ ...seed, format: 'html', pageKind: 'forum' }).type).toBe('post')
    expect(articleToCsl({ ...seed, format: 'html', pageKind: 'documentation' }).type).toBe(
      'article-newspaper',
    )
    expect(articleToCsl({ ...seed, format: 'html', pageKind: 'forum' }, { kind: 'blog' }).type).toBe(
      'post-weblog',
    )
  })

  it('maps the seed page to a news item with the import date as access date', () => {
    expect(articleToCsl(seed)).toEqual({
      id: '7',
      type: 'article-newspaper',
      title: 'What Vance’s trip means for regional cooperation',
      subtitle: 'Reassessing the South Caucasus',
      'container-title': 'Caliber.az',
      section: 'Analytics',
      issued: { 'date-parts': [[2026, 2, 7]] },
      accessed: { 'date-parts': [[2026, 11, 27]] },
      language: 'en',
      URL: 'https://caliber.az/en/post/vance-trip',
    })
  })

  it('takes the access date and the kind from the user', () => {
    const item = articleToCsl(seed, { accessed: '2026-12-01', kind: 'webpage' })
    expect(item.type).toBe('webpage')
    expect(item.accessed).toEqual({ 'date-parts': [[2026, 12, 1]] })
  })

  it('guesses blogs, plain pages and PDFs', () => {
    expect(articleToCsl({ ...seed, url: 'https://example.substack.com/p/x', section: null }).type).toBe(
      'post-weblog',
    )
    expect(articleToCsl({ ...seed, section: 'About us' }).type).toBe('webpage')
    const report = articleToCsl({ ...seed, format: 'pdf' })
    expect(report.type).toBe('report')
    expect(report.publisher).toBe('Caliber.az')
    expect(report['container-title']).toBeUndefined()
    expect(articleToCsl({ ...seed, format: 'pdf', siteName: null }).type).toBe('document')
  })

  it('keeps people and organisations apart', () => {
    const item = articleToCsl({ ...seed, authors: ['Иванов Иван Иванович', 'Reuters'] })
    expect(item.author).toEqual([{ family: 'Иванов', given: 'Иван Иванович' }, { literal: 'Reuters' }])
  })
})
