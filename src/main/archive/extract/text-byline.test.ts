import { describe, expect, it } from 'vitest'
import { readTextPage } from './text-page'

const read = (lines: readonly string[]) => readTextPage(lines.join('\n'), { url: null, fallbackTitle: 'x' })

describe('plain-text page reader: bylines', () => {
  const body = [
    'Правительство области выделит почти десять миллионов рублей на покупку пяти служебных автомобилей.',
    'Машины должны быть не старше года, с полным приводом и системой экстренного вызова.',
    'Заявки на участие в аукционе принимают до конца месяца, итоги подведут в начале весны.',
  ]

  it('reads a name line under the headline, and takes a photo credit for no author', () => {
    const article = read([
      'Регион',
      'Чиновникам купят пять машин',
      'Фото: Сергей Иванов',
      'Юлия ХОЖАТЕЛЕВА',
      ...body,
    ])
    expect(article.authors).toEqual(['Юлия ХОЖАТЕЛЕВА'])
  })

  it('reads a byline whose label the copy glued to the name, and leaves an update stamp after the names out', () => {
    const english = [
      'The regional government will spend almost ten million on five new cars for its officials.',
      'The cars must be less than a year old, with four-wheel drive and an emergency call system.',
    ]
    expect(read(['News', 'Officials to get five new cars', 'ByTrevor Jones', ...english]).authors).toEqual([
      'Trevor Jones',
    ])
    expect(
      read([
        'News',
        'Officials to get five new cars',
        'By Bhaval Patel   Last Updated: December 6, 2024',
        ...english,
      ]).authors,
    ).toEqual(['Bhaval Patel'])
    expect(
      read(['Регион', 'Чиновникам купят пять машин', 'Автор: Иван Петров Обновлено 12 марта 2025', ...body])
        .authors,
    ).toEqual(['Иван Петров'])
  })

  it('reads "Авторы:" on its own line with the names on the next, below the body', () => {
    const article = read([
      'Регион',
      'Чиновникам купят пять машин',
      ...body,
      'Подписаться',
      'Авторы:',
      'Дмитрий Попов',
    ])
    expect(article.authors).toEqual(['Дмитрий Попов'])
  })

  it('reads "Текст:" among the date and the credits, and the date of that line', () => {
    const article = read([
      'Регион',
      'Чиновникам купят пять машин',
      '3 марта 2020 · Текст: Анна Миллионова · Фото: Getty Images',
      ...body,
    ])
    expect(article.authors).toEqual(['Анна Миллионова'])
    expect(article.publishedAt).toBe('2020-03-03')
  })

  it('reads names printed without commas next to the date, and a signature under the body', () => {
    const withDate = read([
      'Регион',
      'Чиновникам купят пять машин',
      'Андрей Петров Ольга Зимина 8 января, 17:46',
      ...body,
    ])
    expect(withDate.title).toBe('Чиновникам купят пять машин')
    expect(withDate.authors).toEqual(['Андрей Петров', 'Ольга Зимина'])
    const signed = read([
      'Регион',
      'Чиновникам купят пять машин',
      ...body,
      'Валерия Пестрова',
      'Организации: Правительство',
    ])
    expect(signed.authors).toEqual(['Валерия Пестрова'])
  })

  it('takes the names of a tag list and of other stories’ teasers for no author', () => {
    const article = read([
      'Донецкие шахтёры вышли на протест',
      'Александр Шляпников',
      'Партнёры',
      'Прочитать статью',
      'Чиновникам купят пять машин',
      'Теги:',
      'Владимир Путин',
      'Ольга Зимина',
      ...body,
    ])
    expect(article.title).toBe('Чиновникам купят пять машин')
    expect(article.authors).toEqual([])
  })
})
