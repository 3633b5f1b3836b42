import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bestRun, readTextPage, splitGluedSubtitle } from './text-page'
import { isChrome, isTimestampLine } from './text-rules'

const FIXTURES = join(__dirname, '../../../../tests/fixtures/extract')
const SEED_EXPECTED = join(
  __dirname,
  '../../../../../shared/corpus/seed/caliber-az-vance-visit.expected.json',
)

interface SeedExpectation {
  title: string
  subtitle: string
  siteName: string
  section: string
  publishedAt: string
  language: string
  authors: string[]
  rights: string
  bodyParagraphs: string[]
  notInBody: string[]
}

function readFixture(name: string) {
  return readTextPage(readFileSync(join(FIXTURES, name), 'utf8'), { url: null, fallbackTitle: name })
}

describe('plain-text page reader: the seed page', () => {
  const hasGold = existsSync(SEED_EXPECTED)
  it.skipIf(!hasGold)('matches every field of the seed expected.json', () => {
    const expected = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8')) as SeedExpectation
    const article = readFixture('caliber-az-vance-visit.txt')
    expect(article.title).toBe(expected.title)
    expect(article.subtitle).toBe(expected.subtitle)
    expect(article.siteName).toBe(expected.siteName)
    expect(article.section).toBe(expected.section)
    expect(article.publishedAt).toBe(expected.publishedAt)
    expect(article.language).toBe(expected.language)
    expect(article.authors).toEqual(expected.authors)
    expect(article.rights).toBe(expected.rights)
    expect(article.contentText.split('\n\n')).toEqual(expected.bodyParagraphs)
    expect(article.contentText).toBe(expected.bodyParagraphs.join('\n\n'))
    for (const fragment of expected.notInBody) expect(article.contentText).not.toContain(fragment)
    expect(article.warnings).toEqual([])
  })
  if (!hasGold) it.skip(`seed gold missing at ${SEED_EXPECTED}; the seed test did not run`, () => {})
})

describe('plain-text page reader: other pages', () => {
  it('reads a Russian news page with Russian chrome', () => {
    const article = readFixture('ru-news-page.txt')
    expect(article.title).toBe('Что изменит визит вице-президента США в Баку')
    expect(article.subtitle).toBeNull()
    expect(article.section).toBe('Политика')
    expect(article.publishedAt).toBe('2026-02-07T19:01')
    expect(article.authors).toEqual(['Иван Петров'])
    expect(article.language).toBe('ru')
    expect(article.rights).toBe('Перепечатка материалов разрешена только с активной ссылкой на источник.')
    expect(article.siteName).toBeNull()
    const paragraphs = article.contentText.split('\n\n')
    expect(paragraphs).toHaveLength(4)
    expect(paragraphs[0]).toMatch(/^Визит вице-президента США/)
    expect(paragraphs[3]).toMatch(/совместное заявление\.$/)
    for (const chrome of ['Читайте также', 'Поделиться', 'Просмотров', 'Telegram', '© 2026', 'Новый мост']) {
      expect(article.contentText).not.toContain(chrome)
    }
  })

  it('reads an English blog copy with a byline and a date on one line', () => {
    const article = readFixture('en-blog-copy.txt')
    expect(article.title).toBe('Why Small Archives Outlast Big Platforms')
    expect(article.subtitle).toBeNull()
    expect(article.authors).toEqual(['Jane Doe'])
    expect(article.publishedAt).toBe('2025-03-03')
    expect(article.language).toBe('en')
    expect(article.siteName).toBe("Jane's Notes")
    expect(article.rights).toBe("© 2025 Jane's Notes. All rights reserved.")
    expect(article.contentText.split('\n\n')).toHaveLength(3)
    expect(article.contentText).not.toMatch(/Share this|Like this|Leave a Reply|Subscribe/)
    expect(article.wordCount).toBeGreaterThan(60)
    expect(article.excerpt).toMatch(/^Every few years a platform/)
  })

  it('stops the body at the comments, and prefers the published date over the updated one', () => {
    const article = readFixture('en-news-with-comments.txt')
    expect(article.title).toBe('Harbour towns count the cost of the winter storms')
    expect(article.subtitle).toBe(
      'A season of floods has left repair bills that small councils cannot pay alone',
    )
    expect(article.publishedAt).toBe('2025-03-04T09:15')
    expect(article.authors).toEqual(['Alex Morgan'])
    expect(article.siteName).toBe('Coast Daily')
    const paragraphs = article.contentText.split('\n\n')
    expect(paragraphs).toHaveLength(4)
    expect(paragraphs[3]).toMatch(/^The government has promised/)
    expect(article.contentText).not.toMatch(/maintenance is put off|slipway completely|Comments/)
  })

  it('reads a short Russian page with a dotted date and a plain section word', () => {
    const article = readFixture('ru-dotted-date.txt')
    expect(article.title).toBe('Рубли и доллары: чем закончился год')
    expect(article.publishedAt).toBe('2026-02-07')
    expect(article.contentText.split('\n\n')).toHaveLength(2)
    expect(article.language).toBe('ru')
  })

  it('keeps body sentences that talk about copyright', () => {
    const page = [
      'Home',
      'Court backs agency in photo dispute',
      'March 2, 2025',
      'A regional court ruled on Monday in a long dispute between a photo agency and a newspaper.',
      'The court ruled that the copyright of the photographs belonged to the agency, not to the newspaper that printed them.',
      'Any use of the materials in the case will now need the agency’s permission, the judge said in her written ruling.',
      '© 2025 Example News',
    ].join('\n')
    const article = readTextPage(page, { url: null, fallbackTitle: 'x' })
    expect(article.contentText.split('\n\n')).toHaveLength(3)
    expect(article.rights).toBe('© 2025 Example News')
    expect(article.siteName).toBe('Example News')
  })

  it('keeps every non-chrome line and warns when no body is found', () => {
    const article = readTextPage('Menu\nShort line\nAnother one', {
      url: 'https://www.example.org/x',
      fallbackTitle: 'note',
    })
    expect(article.title).toBe('note')
    expect(article.contentText).toBe('Short line\n\nAnother one')
    expect(article.siteName).toBe('example.org')
    expect(article.warnings.length).toBeGreaterThan(0)
  })
})

describe('plain-text page reader: building blocks', () => {
  it('finds the best-scoring run of lines', () => {
    expect(bestRun([-1, 2, 3, -6, 1])).toEqual([1, 2])
    expect(bestRun([2, -1, 3])).toEqual([0, 2])
    expect(bestRun([-1, -2])).toBeNull()
  })

  it('splits a glued subtitle only when the body uses the word in lowercase', () => {
    const body = 'Officials are reassessing the plan. Trump praised Azerbaijan again, and Azerbaijan agreed.'
    expect(splitGluedSubtitle('Why the trip matters for cooperation Reassessing the region', body)).toEqual({
      title: 'Why the trip matters for cooperation',
      subtitle: 'Reassessing the region',
    })
    expect(splitGluedSubtitle('The United States praises Azerbaijan for peace efforts', body)).toBeNull()
    expect(splitGluedSubtitle('Talks in Baku go on into the night', body)).toBeNull()
  })

  it('knows publication stamps in many languages, but not prose with numbers', () => {
    expect(isTimestampLine('Aktualisiert am 28. April 2023, 20:22 Uhr')).toBe(true)
    expect(isTimestampLine('Publisert 05.08.2024, kl. 13.05 Oppdatert 05.08.2024, kl. 13.52')).toBe(true)
    expect(isTimestampLine('5 gennaio 2025 ( modifica il 6 gennaio 2025 | 15:24)')).toBe(true)
    expect(isTimestampLine('The meeting at 10:30 on 5 May 2024 ended.')).toBe(false)
    expect(isTimestampLine('In 2024 the index rose 3.25 points')).toBe(false)
  })

  it('takes advertising labels for page chrome', () => {
    for (const label of ['Anzeige', 'Publicidad', 'REKLAM', 'Annonce', '[PR]'])
      expect(isChrome(label)).toBe(true)
    expect(isChrome('Prices')).toBe(false)
  })

  it('takes teasers for other articles for page chrome, but not sentences that start alike', () => {
    expect(isChrome('À lire aussi La natalité russe menacée d’effondrement')).toBe(true)
    expect(isChrome('Les også: Tone Damli røper detaljer om frieriet: – Ble helt forfjamset')).toBe(true)
    expect(isChrome('Read more about the plan in the council minutes published on Monday.')).toBe(false)
  })
})
