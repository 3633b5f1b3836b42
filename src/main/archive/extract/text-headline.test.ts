import { describe, expect, it } from 'vitest'
import { splitGluedSubtitle } from './text-headline'
import { readTextPage } from './text-page'

const read = (lines: readonly string[]) => readTextPage(lines.join('\n'), { url: null, fallbackTitle: 'x' })

describe('plain-text page reader: headlines', () => {
  it('takes the headline under the date, not the menu, the photo bank or the editor-in-chief line', () => {
    const article = read([
      'Главный редактор: Пётр Сидоров',
      'Новости',
      'Политика',
      'Экономика',
      'Общество',
      'Спорт',
      '19.10.2020 09:34',
      'Андрей Волков',
      '25',
      'Мост через пролив достроят к весне',
      'Shutterstock / FOTODOM',
      'Строители закончили монтаж последнего пролёта моста через пролив, сообщили в областной администрации в понедельник.',
      'По словам губернатора, движение по мосту откроют в апреле, после проверки опор, освещения и ограждений.',
      'Старую паромную переправу сохранят как запасную, но рейсы будут ходить только летом и по выходным.',
      '© 2020 Областные новости',
    ])
    expect(article.title).toBe('Мост через пролив достроят к весне')
    expect(article.authors).toEqual(['Андрей Волков'])
    expect(article.publishedAt).toBe('2020-10-19T09:34')
    expect(article.contentText).toMatch(/^Строители закончили/)
    expect(article.contentText).not.toMatch(/Shutterstock|Главный редактор/)
  })

  it('takes the headline after a menu and before its byline and reading time in an English copy', () => {
    const article = read([
      'Skip to main content',
      'Home',
      'Guides',
      'Reviews',
      'Deals',
      'Our Newsletter',
      'The best ways to keep a small garden green through the summer',
      'Dana Whitfield',
      '6 min read',
      'Share on Facebook',
      'Share on Twitter',
      'Copy Link',
      'A small garden can stay green all summer if you water early in the morning and keep the soil covered with mulch.',
      'Plants in pots dry out faster than those in beds, so group them together in the shade on the hottest afternoons.',
      'Choose plants that suit your climate, and your garden will need far less water than a lawn of the same size.',
    ])
    expect(article.title).toBe('The best ways to keep a small garden green through the summer')
    expect(article.authors).toEqual(['Dana Whitfield'])
    expect(article.contentText).toMatch(/^A small garden can stay green/)
    expect(article.contentText).not.toMatch(/Share on|min read|Copy Link/)
  })

  it('takes a short headline over the standfirst printed under it', () => {
    const article = read([
      'Мир',
      '14.05.2025, 20:28',
      'Лёгкий визит',
      'Как президент и премьер провели переговоры в Малахитовом зале',
      'Переговоры президента и премьер-министра продолжались больше трёх часов, сообщили в пресс-службе.',
      'Стороны обсудили торговлю, поставки зерна и новые авиарейсы между столицами двух стран.',
      'По итогам встречи подписаны четыре соглашения, в том числе о культурном обмене и туризме.',
    ])
    expect(article.title).toBe('Лёгкий визит')
    expect(article.subtitle).toBe('Как президент и премьер провели переговоры в Малахитовом зале')
    expect(article.contentText).toMatch(/^Переговоры президента/)
  })

  it('takes the headline over its standfirst right after the end of a menu, and not a menu item over a headline', () => {
    const body = [
      'В Санкт-Петербурге открыли самый длинный в городе пешеходный мост через Неву, сообщил губернатор.',
      'Длина моста составляет почти 700 метров, он соединил Васильевский остров и Петроградскую сторону.',
    ]
    const afterMenu = read([
      'Россия',
      'Силовые структуры',
      'Наука и техника',
      'В Петербурге открыли самый длинный пешеходный мост через Неву',
      'Он соединил два исторических района города',
      '14:33, 7 февраля 2026',
      'Читать lenta.ru в',
      ...body,
    ])
    expect(afterMenu.title).toBe('В Петербурге открыли самый длинный пешеходный мост через Неву')
    expect(afterMenu.subtitle).toBe('Он соединил два исторических района города')
    const menuItem = read([
      'Easy sample ordering',
      'Access to order history',
      'Simplified contact with us',
      'Ten easy steps to a bridge that lasts a century',
      'Share',
      ...body,
    ])
    expect(menuItem.title).toBe('Ten easy steps to a bridge that lasts a century')
  })

  it('takes the headline the body starts with when it ends with a question, after the date', () => {
    const article = read([
      'Новости',
      'Прислать новость',
      'Контакты',
      '1 марта 2020, 17:26',
      'В Люксембурге транспорт сделали бесплатным. А вам слабо?',
      'Фото: Иван Петров',
      'Каждый крупный город мира сталкивается с пробками, загруженными дорогами и плохим воздухом, и этот вопрос надо как-то решать.',
      'Люксембург первым в мире сделал весь общественный транспорт бесплатным для жителей и для гостей страны.',
      'Власти рассчитывают, что горожане станут реже пользоваться личными машинами и чаще садиться в трамвай.',
    ])
    expect(article.title).toBe('В Люксембурге транспорт сделали бесплатным. А вам слабо?')
    expect(article.publishedAt).toBe('2020-03-01T17:26')
    expect(article.contentText).toMatch(/^Каждый крупный город/)
    expect(article.contentText).not.toContain('Фото:')
  })
})

describe('plain-text page reader: a subtitle glued to the headline', () => {
  it('splits a glued subtitle only when the body uses the word in lowercase', () => {
    const body = 'Officials are reassessing the plan. Trump praised Azerbaijan again, and Azerbaijan agreed.'
    expect(splitGluedSubtitle('Why the trip matters for cooperation Reassessing the region', body)).toEqual({
      title: 'Why the trip matters for cooperation',
      subtitle: 'Reassessing the region',
    })
    expect(splitGluedSubtitle('The United States praises Azerbaijan for peace efforts', body)).toBeNull()
    expect(splitGluedSubtitle('Talks in Baku go on into the night', body)).toBeNull()
  })
})

describe('plain-text page reader: the author’s role under the byline', () => {
  it('takes the role printed under the byline and over the date for no headline, in Russian and English', () => {
    const russian = read([
      'Главная',
      'Чиновникам купят пять машин',
      'Иван Петров',
      'Обозреватель отдела экономики',
      '7 февраля 2026',
      'Правительство области выделит почти десять миллионов рублей на покупку пяти служебных автомобилей.',
      'Машины должны быть не старше года, с полным приводом и системой экстренного вызова.',
    ])
    expect(russian.title).toBe('Чиновникам купят пять машин')
    expect(russian.authors).toEqual(['Иван Петров'])
    const english = read([
      'Home',
      'Officials to get five new cars',
      'By Jane Doe',
      'Senior Business Writer',
      'March 4, 2025',
      'The regional government will spend almost ten million on five new cars for its officials.',
      'The cars must be less than a year old, with four-wheel drive and an emergency call system.',
    ])
    expect(english.title).toBe('Officials to get five new cars')
  })

  it('still takes a short headline printed under the site’s menu and over the date', () => {
    const article = read([
      'Home',
      'News',
      'Five new cars',
      'March 4, 2025',
      'The regional government will spend almost ten million on five new cars for its officials.',
      'The cars must be less than a year old, with four-wheel drive and an emergency call system.',
    ])
    expect(article.title).toBe('Five new cars')
  })
})
