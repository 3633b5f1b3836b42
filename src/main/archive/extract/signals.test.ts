import { describe, expect, it } from 'vitest'
import {
  CLOCK_TIME,
  COPYRIGHT_IN_MARKUP,
  COPYRIGHT_MARK,
  DOMAIN_TOKENS,
  SITE_NAME_SEPARATOR,
  STAMP_TIME,
  TITLE_SEPARATOR,
  endsLikeSentence,
  endsLikeSentenceInMoreScripts,
  endsPdfLineLikeSentence,
  isCaptionWithCredit,
  isCreditForName,
  isDomainLike,
  isPhotoCredit,
  lineKey,
  nameFromCopyright,
  looksLikeUrl,
} from './signals'

describe('sentence ends', () => {
  it('take a stop with closing quotes or brackets after it, in Latin, Cyrillic and CJK text', () => {
    expect(endsLikeSentence('He said the port would reopen.»')).toBe(true)
    expect(endsLikeSentence('Порт откроют в понедельник.')).toBe(true)
    expect(endsLikeSentence('港は月曜日に再開する。')).toBe(true)
    expect(endsLikeSentence('Ports reopen after the storm')).toBe(false)
    expect(endsLikeSentence('see the table (below)')).toBe(false)
  })

  it('know Arabic, Urdu and Devanagari stops only in the HTML reader’s variant', () => {
    expect(endsLikeSentence('बंदरगाह सोमवार को फिर खुलेगा।')).toBe(false)
    expect(endsLikeSentenceInMoreScripts('बंदरगाह सोमवार को फिर खुलेगा।')).toBe(true)
    expect(endsLikeSentenceInMoreScripts('هل سيفتح الميناء؟')).toBe(true)
    expect(endsLikeSentenceInMoreScripts('Ports reopen after the storm')).toBe(false)
  })

  it('end a PDF line at a Latin stop or a closing mark, with no stop needed before the mark', () => {
    expect(endsPdfLineLikeSentence('as the harbour master said (see Table 1)')).toBe(true)
    expect(endsPdfLineLikeSentence('the first ships reached the docks.')).toBe(true)
    expect(endsPdfLineLikeSentence('closures, and the first ships reached the har-')).toBe(false)
    expect(endsPdfLineLikeSentence('港は月曜日に再開する。')).toBe(false)
  })
})

describe('title separators', () => {
  it('split a page title at bars, dashes, double colons, guillemets and slashes set apart by spaces', () => {
    expect('Headline | Section | Site'.split(TITLE_SEPARATOR)).toEqual(['Headline', 'Section', 'Site'])
    expect('News » Europe » Headline'.split(TITLE_SEPARATOR)).toEqual(['News', 'Europe', 'Headline'])
    expect('Site :: Headline'.split(TITLE_SEPARATOR)).toEqual(['Site', 'Headline'])
    expect('Headline / Site'.split(TITLE_SEPARATOR)).toEqual(['Headline', 'Site'])
    expect('AC/DC play Baku: the review'.split(TITLE_SEPARATOR)).toHaveLength(1)
  })

  it('take a middle dot and a spaced colon only for taking off a known site name', () => {
    expect('Deploy app servers close to your users · Fly'.split(TITLE_SEPARATOR)).toHaveLength(1)
    expect('Deploy app servers close to your users · Fly'.split(SITE_NAME_SEPARATOR)).toHaveLength(2)
    expect('Site : Headline'.split(SITE_NAME_SEPARATOR)).toEqual(['Site', 'Headline'])
    expect('Headline | Site'.split(SITE_NAME_SEPARATOR)).toEqual(['Headline', 'Site'])
  })
})

describe('credits', () => {
  it('take a photo credit line for a credit, not a headline', () => {
    expect(isPhotoCredit('Фото: пресс-служба')).toBe(true)
    expect(isPhotoCredit('Photo: Reuters')).toBe(true)
    expect(isPhotoCredit('Ursula von der Leyen at the border (Photo: Dimitris Papamitsos / AP)')).toBe(true)
    expect(isPhotoCredit('Photographers gather for the spring festival in the old town')).toBe(false)
    expect(isPhotoCredit('Фотографы собрались на весенний фестиваль в старом городе')).toBe(false)
  })

  it('take credits by their wording, glued to a caption, or by a photo agency’s name', () => {
    for (const line of [
      'Image credit: Amazon',
      'Illustration by Tomson Highway',
      'коллаж: Андрей Калистратенко',
      'Каждому владельцу айфона выплатят компенсацию, но не в РоссииФото: Shutterstock',
      'МОК признался в подделке подписей. Фото Reuters',
      'Whale expert Hori Parata. Photograph: Adrian Malloch for the Guardian',
      'Shutterstock / FOTODOM',
      'РИА Новости / Иван Петров',
      '© Depositphotos',
      'Getty Images',
      'Reuters',
    ])
      expect(isPhotoCredit(line), line).toBe(true)
    for (const line of ['Владимир Путин', 'Reuters reported the deal on Monday', 'Фотография как искусство'])
      expect(isPhotoCredit(line), line).toBe(false)
  })

  it('know a caption block that ends with its credit', () => {
    expect(isCaptionWithCredit('Jona Niemiec (r.) will abziehen. Foto: Getty Images')).toBe(true)
    expect(isCaptionWithCredit('Cranes on the quay at dawn. Bild: Hafenamt')).toBe(true)
    expect(isCaptionWithCredit('The photo: it showed the quay at dawn, before the storm came in.')).toBe(
      false,
    )
  })

  it('know a credit given where a name is expected, but not a name that starts alike', () => {
    expect(isCreditForName('Фото: Иван Петров')).toBe(true)
    expect(isCreditForName('Photos by Jane Roe')).toBe(true)
    expect(isCreditForName('Video: Harbour Post')).toBe(true)
    expect(isCreditForName('Photographer Jane Roe')).toBe(false)
    expect(isCreditForName('Imogen Poots')).toBe(false)
  })
})

describe('rights marks', () => {
  it('take ©, a dated (c) and the word copyright, but not a list item’s (c)', () => {
    expect(COPYRIGHT_MARK.test('(c) 2026 Harbour Post')).toBe(true)
    expect(COPYRIGHT_MARK.test('Copyright Harbour Post')).toBe(true)
    expect(COPYRIGHT_MARK.test('options (a), (b) and (c) were discussed')).toBe(false)
  })

  it('read the holder a copyright line names', () => {
    expect(nameFromCopyright('Caliber.az © 2026. .')).toBe('Caliber.az')
    expect(nameFromCopyright('(c) 2019–2026 Harbour Post. All rights reserved.')).toBe('Harbour Post')
    expect(nameFromCopyright('© 2026 Все права защищены')).toBeNull()
    expect(nameFromCopyright('The copyrighted works of the harbour museum')).toBeNull()
  })

  it('find a rights line in markup before parsing, entities included', () => {
    expect(COPYRIGHT_IN_MARKUP.test('<nav>About &copy; 2026</nav>')).toBe(true)
    expect(COPYRIGHT_IN_MARKUP.test('<nav>About &#169; 2026</nav>')).toBe(true)
    expect(COPYRIGHT_IN_MARKUP.test('<nav>Все права защищены</nav>')).toBe(true)
    expect(COPYRIGHT_IN_MARKUP.test('<nav>Home · News</nav>')).toBe(false)
  })
})

describe('addresses, domains, keys and times', () => {
  it('know a site name printed as its domain, and find domains in a line', () => {
    expect(isDomainLike('Caliber.Az')).toBe(true)
    expect(isDomainLike('meduza.io')).toBe(true)
    expect(isDomainLike('Caliber Az')).toBe(false)
    expect('© 2026 caliber.az and Meduza.io'.match(DOMAIN_TOKENS)).toEqual(['caliber.az', 'Meduza.io'])
  })

  it('know an address from a name', () => {
    expect(looksLikeUrl('https://post.example/story')).toBe(true)
    expect(looksLikeUrl('//cdn.example/a.jpg')).toBe(true)
    expect(looksLikeUrl('www.example.org')).toBe(true)
    expect(looksLikeUrl('Jane Doe')).toBe(false)
  })

  it('key a line by its words', () => {
    expect(lineKey('Night_Theme!')).toBe('night theme')
    expect(lineKey('· Share | Facebook ·')).toBe('share facebook')
  })

  it('know times of day, and a stamp’s dotted time only when marked as one', () => {
    expect(CLOCK_TIME.test('Updated 20:22')).toBe(true)
    expect(CLOCK_TIME.test('page 120:225')).toBe(false)
    expect(STAMP_TIME.test('Online seit heute, 7.57 Uhr')).toBe(true)
    expect(STAMP_TIME.test('05.08.2024, kl. 13.05')).toBe(true)
    expect(STAMP_TIME.test('the index rose 3.25 points')).toBe(false)
  })
})
