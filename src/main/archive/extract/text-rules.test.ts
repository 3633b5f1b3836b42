import { describe, expect, it } from 'vitest'
import {
  bylineAuthors,
  dateOfLine,
  isBylineLabel,
  isChrome,
  isDateLine,
  isImprintLine,
  isReadingTime,
  isSectionBreak,
  isTeaserLabel,
  personNames,
} from './text-rules'

describe('bylineAuthors', () => {
  it('splits names joined by a comma, a semicolon or "and" in the languages the name lists know', () => {
    expect(bylineAuthors('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(bylineAuthors('Автор: Иван Петров и Мария Сидорова')).toEqual(['Иван Петров', 'Мария Сидорова'])
    expect(bylineAuthors('By Jane Doe und John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(bylineAuthors('Text: Ursula von der Leyen; Jane Roe')).toEqual([
      'Ursula von der Leyen',
      'Jane Roe',
    ])
  })

  it('reads the byline among the date and the photo credit of its line', () => {
    expect(bylineAuthors('3 марта 2020 · Текст: Анна Миллионова · Фото: Getty Images')).toEqual([
      'Анна Миллионова',
    ])
    expect(bylineAuthors('on March 10, 2015 by Jane Doe')).toEqual(['Jane Doe'])
    expect(bylineAuthors('Written by Rebecca Lake, CFP®')).toEqual(['Rebecca Lake'])
    expect(bylineAuthors('Автор: Иван Петров, корреспондент')).toEqual(['Иван Петров'])
  })

  it('gives null for a line that is not a byline', () => {
    expect(bylineAuthors('By the harbour the ferries waited all night.')).toBeNull()
    expect(bylineAuthors('Jane Doe and John Roe')).toBeNull()
    expect(bylineAuthors('Фото: Иван Петров')).toBeNull()
  })
})

describe('personNames', () => {
  it('reads a line of names alone, with or without separators, in Russian and English', () => {
    expect(personNames('Юлия ХОЖАТЕЛЕВА')).toEqual(['Юлия ХОЖАТЕЛЕВА'])
    expect(personNames('Андрей Петров, Ольга Зимина и Карина Лисова')).toEqual([
      'Андрей Петров',
      'Ольга Зимина',
      'Карина Лисова',
    ])
    expect(personNames('Андрей Петров Ольга Зимина Карина Лисова 8 января, 17:46')).toEqual([
      'Андрей Петров',
      'Ольга Зимина',
      'Карина Лисова',
    ])
    expect(personNames('Mary Marlowe Leverette')).toEqual(['Mary Marlowe Leverette'])
    expect(personNames('А. Сидоренко')).toEqual(['А. Сидоренко'])
  })

  it('takes no section label, headline or sentence for names', () => {
    expect(personNames('Artificial Intelligence')).toBeNull()
    expect(personNames('Свежий номер')).toBeNull()
    expect(personNames('Новости Москвы')).toBeNull()
    expect(personNames('Иван Петров рассказал о планах.')).toBeNull()
    expect(personNames('Шеф отдела информации')).toBeNull()
  })

  it('knows a byline label standing on its own line', () => {
    expect(isBylineLabel('Авторы:')).toBe(true)
    expect(isBylineLabel('By')).toBe(true)
    expect(isBylineLabel('Written by')).toBe(true)
    expect(isBylineLabel('Автор идеи рассказал')).toBe(false)
  })
})

describe('page chrome of text copies', () => {
  it('takes share buttons and runs of network names for chrome', () => {
    for (const line of [
      'Share on Twitter',
      'Share via Email',
      'Share this post',
      'Share on:',
      'Поделиться в Telegram',
      'Facebook Twitter LinkedIn Email',
      'Print   Email   Copy Link',
      'TikTokYouTubeInstagramLinkedInFacebook',
      'Подпишитесь на рассылку РБК. Рассказываем о главных событиях.',
      'АиФ в социальных сетях',
      'Continue reading the main story',
      '75 with 51 posters participating',
    ])
      expect(isChrome(line), line).toBe(true)
    for (const line of ['Share prices fell', 'Search and rescue teams', 'Home Gym Ideas', 'Post a comment'])
      expect(isChrome(line), line).toBe(false)
  })

  it('takes a site’s imprint for chrome, but not a sentence about an editor', () => {
    expect(isImprintLine('Главный редактор: Иван Петров')).toBe(true)
    expect(isImprintLine('Учредитель — ООО «Медиа»')).toBe(true)
    expect(isImprintLine('Editor-in-chief Jane Roe')).toBe(true)
    expect(isChrome('Главный редактор: Иван Петров')).toBe(true)
    expect(
      isImprintLine('Главный редактор издания Иван Петров заявил, что подаст в суд. Суд назначен на март.'),
    ).toBe(false)
  })

  it('knows a reading-time estimate', () => {
    for (const line of [
      '5 min read',
      '13 Min Read',
      '6 minute read',
      'Время чтения: 3 минуты',
      '2–3 minutes',
    ])
      expect(isReadingTime(line), line).toBe(true)
    expect(isReadingTime('Wait 5 minutes before you stir')).toBe(false)
  })

  it('takes the heads of comments and related lists for a section break', () => {
    for (const line of [
      'Комментарии (176)',
      'Обсуждение',
      'Join the discussion',
      '12 responses',
      'Похожие записи',
      'Записи из этого журнала по тегу «Транспорт»',
    ])
      expect(isSectionBreak(line), line).toBe(true)
    expect(isSectionBreak('Обсуждение закона продлится до весны')).toBe(false)
  })

  it('knows the label of a box of links set into the text, which is no section break', () => {
    expect(isTeaserLabel('Читайте также')).toBe(true)
    expect(isTeaserLabel('See also:')).toBe(true)
    expect(isSectionBreak('Читайте также')).toBe(false)
    expect(isTeaserLabel('Читайте также нашу новую рубрику о путешествиях')).toBe(false)
  })
})

describe('date lines', () => {
  const saved = { year: 2026, month: 2, day: 7, hour: 19, minute: 45 }

  it('read a line of several dates as its first one', () => {
    expect(dateOfLine('July 4, 2025February 9, 2026 Updated onFebruary 9, 2026')).toBe('2025-07-04')
    expect(dateOfLine('Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC')).toBe(
      '2024-12-06T22:00',
    )
    expect(dateOfLine('Published Thursday 27 July 2017')).toBe('2017-07-27')
  })

  it('tell a relative date only when the day of saving is known, and know the line either way', () => {
    expect(dateOfLine('Сегодня, 19:20')).toBeNull()
    expect(dateOfLine('Сегодня, 19:20', saved)).toBe('2026-02-07T19:20')
    expect(isDateLine('Сегодня, 19:20')).toBe(true)
    expect(isDateLine('8 января, 17:46')).toBe(true)
    expect(isDateLine('Вчера в Москве прошёл снег, и дороги замело до вечера')).toBe(false)
  })
})
