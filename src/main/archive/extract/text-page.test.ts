import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../tests/support/paths'
import { bestRun, detachedLead, readTextPage, splitGluedSubtitle } from './text-page'
import {
  isAdLabel,
  isChrome,
  isClockStampLine,
  isGluedFeed,
  isSiteLegalNotice,
  isTimestampLine,
  proseScore,
} from './text-rules'

const FIXTURES = join(__dirname, '../../../../tests/fixtures/extract')
const SEED_EXPECTED = corpusPath('seed', 'caliber-az-vance-visit.expected.json')

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
  const hasGold = corpusAvailable(SEED_EXPECTED)
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

const read = (lines: readonly string[]) => readTextPage(lines.join('\n'), { url: null, fallbackTitle: 'x' })

describe('plain-text page reader: leads, ad slots and footers', () => {
  it('keeps a body whole across an ad label', () => {
    const article = read([
      'Главная',
      'Мост через залив откроют весной',
      '12 марта 2025',
      'Строители закончили укладку последнего пролёта моста через залив, сообщили в администрации города.',
      'Реклама',
      'По словам главы города, движение по мосту откроют в апреле, после проверки всех опор и освещения.',
      'Старый паром будет работать до конца мая, а потом его передадут музею речного флота.',
      '© 2025 Городские новости',
    ])
    const paragraphs = article.contentText.split('\n\n')
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[0]).toMatch(/^Строители закончили/)
    expect(article.contentText).not.toContain('Реклама')
    expect(isAdLabel('Advertisement')).toBe(true)
    expect(isChrome('Advertisement')).toBe(true)
    expect(isAdLabel('Advertising rules')).toBe(false)
    // An ad label is a low wall, lower than other chrome.
    expect(proseScore('Реклама', 1)).toBeGreaterThan(proseScore('Поделиться', 1))
  })

  it('joins a Russian lead to the body across a box of links to other stories', () => {
    const article = read([
      'Новости',
      'Экономика',
      'Город построит три новые школы к 2027 году',
      'Иван Петров 03.03.2020, 14:48',
      'Фото: пресс-служба',
      'Власти города утвердили программу строительства трёх новых школ в северных районах до 2027 года.',
      'Главное',
      'Курс рубля снова вырос на торгах в среду',
      'В парке откроют новый каток для детей',
      'Читайте также',
      'Как изменятся тарифы на проезд с апреля',
      'Где в области построят новые дороги',
      'Первая школа рассчитана на 1200 учеников и откроется уже в сентябре следующего года, сообщили в мэрии.',
      'Вторая и третья школы будут построены по одному проекту, их строительство начнётся весной.',
      'Общая стоимость программы составит около девяти миллиардов рублей из городского бюджета.',
    ])
    const paragraphs = article.contentText.split('\n\n')
    expect(paragraphs[0]).toMatch(/^Власти города утвердили/)
    expect(paragraphs).toHaveLength(4)
    expect(article.contentText).not.toMatch(/Читайте также|Курс рубля|тарифы на проезд/)
    expect(article.title).toBe('Город построит три новые школы к 2027 году')
  })

  it('joins an English lead across a short list of section links', () => {
    const article = read([
      'Docs',
      'Element.scrollIntoView()',
      'The scrollIntoView() method scrolls the page until the element it is called on is visible to the reader.',
      'Syntax',
      'scrollIntoView(options)',
      'Parameters',
      'alignToTop Optional',
      'If true, the top of the element will be aligned to the top of the visible area of the scrolling ancestor.',
      'If false, the bottom of the element will be aligned to the bottom of the visible area of the ancestor.',
      'The element may not be scrolled completely to the top or bottom, depending on the layout of the page.',
    ])
    expect(article.contentText).toMatch(/^The scrollIntoView\(\) method scrolls/)
    expect(article.contentText).not.toMatch(/Parameters|Optional/)
  })

  it('does not join prose that stands above the article’s own headline and date', () => {
    const lines = [
      'Thanks for reading our site.',
      'Sign in with your existing account or try our digital subscription with access to every article.',
      'Subscribe',
      'Basketball: Sanctions after the brawl in Madrid',
      'Updated on 28 April 2023, 20:22',
      'Source: agency',
      'The league’s disciplinary judge has set strict sanctions after the brawl at the game between the two clubs.',
      'Both clubs must pay fines, and several players are banned for a number of games next season.',
    ]
    const article = read(lines)
    expect(article.contentText).toMatch(/^The league’s disciplinary judge/)
    expect(article.contentText).not.toMatch(/Thanks for reading|subscription/)
  })

  it('attaches at most a short lead, not a block of prose of its own', () => {
    const scored = (texts: readonly string[]) =>
      texts.map((text) => ({
        text,
        words: text.split(' ').length,
        score: proseScore(text, text.split(' ').length),
      }))
    const sentence = 'This is a sentence of prose that is long enough to count as a lead paragraph.'
    const teaser = 'Another story about something else entirely'
    expect(detachedLead(scored([sentence, teaser, teaser, sentence]), 3)).toEqual([0, 0])
    expect(detachedLead(scored([sentence, sentence, sentence, teaser, sentence]), 4)).toBeNull()
    expect(detachedLead(scored([sentence, ...Array<string>(20).fill(teaser), sentence]), 21)).toBeNull()
  })

  it('does not take a footer’s legal small print for the body', () => {
    const article = read([
      'Новости',
      'Чиновникам области купят ещё пять служебных автомобилей',
      'сегодня в 05:46, просмотров: 237',
      'Правительство области выделит почти десять миллионов рублей на покупку пяти служебных автомобилей.',
      'Требования к машинам опубликованы на портале госзакупок, заявки принимают до конца месяца.',
      'Комментарии',
      'О редакции',
      'Контакты',
      'Зарегистрировано Федеральной службой по надзору в сфере связи, информационных технологий и массовых коммуникаций.',
      'Все права на материалы, опубликованные на сайте, принадлежат редакции и охраняются в соответствии с законодательством РФ.',
      'Использование материалов, опубликованных на сайте, допускается только с письменного разрешения правообладателя и с обязательной прямой гиперссылкой на страницу, с которой материал заимствован.',
      'Для читателей: в России признаны экстремистскими и запрещены организации, список которых ведёт Министерство юстиции, и их символика.',
    ])
    expect(article.contentText.split('\n\n')).toHaveLength(2)
    expect(article.contentText).toMatch(/^Правительство области/)
    expect(article.title).toBe('Чиновникам области купят ещё пять служебных автомобилей')
  })

  it('knows a site’s legal notices from sentences about rights in the news', () => {
    expect(
      isSiteLegalNotice(
        'Any use of the materials published on this website is allowed only with a hyperlink to the original page and with the written consent of the editors.',
      ),
    ).toBe(true)
    expect(isSiteLegalNotice('All content on this site is protected by copyright.')).toBe(true)
    expect(
      isSiteLegalNotice('Свидетельство о регистрации СМИ ЭЛ № ФС 77 - 57534 выдано 10 апреля 2014 года.'),
    ).toBe(true)
    expect(
      isSiteLegalNotice(
        'Any use of the materials in the case will now need the agency’s permission, the judge said.',
      ),
    ).toBe(false)
    expect(
      isSiteLegalNotice(
        'Признанная экстремистской и запрещённой в России организация опубликовала новое расследование о закупках.',
      ),
    ).toBe(false)
    expect(
      isSiteLegalNotice(
        'Суд признал экстремистской организацию, которая, по данным следствия, действовала в трёх регионах.',
      ),
    ).toBe(false)
  })

  it('takes a news feed glued into one line for a list, not prose', () => {
    const feed =
      'Ставку снова снизили Политика, 21:02 Шторм дошёл до побережья Общество, 20:37 Открыт новый мост Бизнес, 20:12 Команда выиграла кубок Спорт, 20:07'
    expect(isGluedFeed(feed)).toBe(true)
    expect(proseScore(feed, feed.split(' ').length)).toBeLessThan(0)
    expect(
      isGluedFeed(
        'Rates were cut again Politics, 21:02 Storm hits the coast Society, 20:37 New bridge opens Business, 20:12 Team wins the cup Sport, 20:07',
      ),
    ).toBe(true)
    expect(
      isGluedFeed(
        'The train left at 10:15. It stopped at 11:20 for an hour. It reached the city at 12:45, late again.',
      ),
    ).toBe(false)
  })

  it('takes a short line around a time of day for a stamp, not a headline', () => {
    expect(isClockStampLine('сегодня в 05:46, просмотров: 237')).toBe(true)
    expect(isClockStampLine('Today at 9:30')).toBe(true)
    expect(isClockStampLine('Why the 9:30 train is always late this winter')).toBe(false)
  })

  it('takes prose printed three times on the page for template text, not the body', () => {
    const pitch = 'Always up to date with the news? It starts with us, for just one euro a week.'
    const article = read([
      'Ministers named as the coalition deal is approved',
      'March 4, 2025',
      'All the coalition parties approved the agreement on Monday evening, ending months of talks.',
      'The new ministers will be sworn in on Thursday, the palace said in a short statement.',
      'Subscribe',
      pitch,
      'Read now',
      pitch,
      'Read now',
      pitch,
      'Cancel any time',
    ])
    expect(article.contentText.split('\n\n')).toHaveLength(2)
    expect(article.contentText).not.toContain('one euro a week')
    const quote = read([
      'A quiet town votes for change',
      'March 4, 2025',
      'The mayor said the vote was the clearest signal of change the town had seen in decades of elections.',
      'Turnout was the highest since the war, and queues formed outside the polling stations before dawn.',
      'The mayor said the vote was the clearest signal of change the town had seen in decades of elections.',
      'Counting went on until the early hours, and the result was announced shortly after four.',
    ])
    expect(quote.contentText.split('\n\n')).toHaveLength(4)
  })
})

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

describe('plain-text page reader: leads', () => {
  it('joins a Russian lead printed under the byline and date to the body, but not an English deck', () => {
    const russian = read([
      'Спорт',
      'Суд отложил решение по делу биатлонисток',
      'Олег Шамонаев',
      '03.03.2020, 19:20',
      'Фото: Reuters',
      'Адвокаты считают, что шансы отстоять медаль сборной в эстафете заметно повысились после слушаний',
      'Что изменилось после второго дня',
      'По итогам второго дня слушаний адвокат спортсменок заявил, что часть доказательств может быть аннулирована.',
      'Решение суд объявит в течение месяца, а до тех пор медали остаются у спортсменок, заявили в федерации.',
    ])
    expect(russian.contentText).toMatch(/^Адвокаты считают, что шансы/)
    expect(russian.contentText.split('\n\n')[1]).toBe('Что изменилось после второго дня')
    expect(russian.title).toBe('Суд отложил решение по делу биатлонисток')
    const english = read([
      'Industry Insights',
      'The rising tide of cyber vulnerabilities in home appliances',
      'Jane Roe',
      '12 March 2025',
      'Jane Roe, chief executive of a security firm, looks into the risks of smart appliances',
      'In today’s interconnected world, smart home appliances have changed our daily lives, from fridges to kettles.',
      'Each of them is a small computer on the home network, and few of them are ever updated after they are sold.',
    ])
    expect(english.contentText).toMatch(/^In today’s interconnected world/)
  })
})

describe('plain-text page reader: dates told against the day of saving', () => {
  const page = [
    'Спорт',
    'Сборная вышла в финал турнира',
    'Олег Шамонаев',
    'Сегодня, 19:20',
    'Сборная обыграла соперников в полуфинале со счётом 3:1 и впервые за десять лет вышла в финал турнира.',
    'Два гола забил капитан команды, ещё один мяч на последних минутах провёл в ворота вышедший на замену полузащитник.',
    'Финал пройдёт в воскресенье на центральном стадионе столицы, билеты на него раскупили за час.',
  ].join('\n')

  it('tells "сегодня" from the saved moment, and keeps no date without it', () => {
    const saved = { year: 2020, month: 3, day: 3, hour: 21, minute: 0 }
    expect(readTextPage(page, { url: null, fallbackTitle: 'x', savedAt: saved }).publishedAt).toBe(
      '2020-03-03T19:20',
    )
    const unsaved = readTextPage(page, { url: null, fallbackTitle: 'x' })
    expect(unsaved.publishedAt).toBeNull()
    expect(unsaved.title).toBe('Сборная вышла в финал турнира')
    expect(unsaved.authors).toEqual(['Олег Шамонаев'])
  })
})

describe('plain-text page reader: what follows the article', () => {
  it('keeps a body whole across "Читайте также", and keeps comments and related posts out', () => {
    const article = read([
      'Город',
      'Трамвайную линию продлят до вокзала',
      '12 марта 2025',
      'Трамвайную линию в северном районе продлят до железнодорожного вокзала, сообщили в мэрии города.',
      'Строительство обойдётся в два миллиарда рублей и займёт около двух лет, начиная с весны.',
      'Читайте также',
      'Как изменятся тарифы на проезд с апреля',
      'Новая линия свяжет вокзал с тремя спальными районами, где сейчас ходят только маршрутки.',
      'Жители давно просили власти о трамвае, под их обращением собрали больше десяти тысяч подписей.',
      'Комментарии (3)',
      'Иван',
      '2 часа назад',
      'Наконец-то сделают трамвай до вокзала, мы ждали этого решения больше десяти лет и уже не верили в него.',
      'Ответить',
      'Мария',
      'вчера в 10:05',
      'Лучше бы отремонтировали старые линии, по ним сейчас страшно ездить, вагоны разваливаются на ходу.',
      'Ответить',
      'Похожие записи',
      'Маршрутки уберут с центральных улиц',
    ])
    const paragraphs = article.contentText.split('\n\n')
    expect(paragraphs).toHaveLength(4)
    expect(paragraphs[0]).toMatch(/^Трамвайную линию в северном/)
    expect(paragraphs[3]).toMatch(/^Жители давно просили/)
    expect(article.contentText).not.toMatch(/Читайте также|тарифы на проезд|Наконец-то|Ответить|Маршрутки/)
  })

  it('keeps the article when its comments are longer than it, and takes no comment line for the headline', () => {
    const comments = [
      'harbourfan',
      '2 days ago',
      'This is what happens when maintenance is put off for twenty years, and everybody in the town knew the walls were weak.',
      'Nobody wanted to pay for the repairs while the walls were still standing, and now the whole town pays twice as much.',
      'coastwatcher',
      '1 day ago',
      'Our town lost its slipway completely in the same storms and nobody from the council has even come to look at it yet.',
      'The fishermen have been landing their catch at the next harbour up the coast for three months now, at their own cost.',
      'oldsalt',
      '5 hours ago',
      'I remember when the wall was last repaired in the eighties and the contractor went bust halfway through the work.',
      'We were told then that the new wall would stand for a hundred years, and it lasted less than forty winters in the end.',
    ]
    const article = read([
      'Menu',
      'Harbour wall to be rebuilt by autumn',
      'By Alex Morgan',
      'The council will rebuild the harbour wall that collapsed in the January storms, it said on Tuesday.',
      'Work starts next month and should be finished before the autumn gales, the harbour master said.',
      'Comments (3)',
      ...comments,
      'Most read',
    ])
    expect(article.title).toBe('Harbour wall to be rebuilt by autumn')
    expect(article.authors).toEqual(['Alex Morgan'])
    expect(article.contentText).toMatch(/^The council will rebuild/)
    expect(article.contentText).not.toMatch(/maintenance|slipway|eighties/)
  })
})

describe('plain-text page reader: how the copy breaks lines', () => {
  it('joins again a paragraph the page wrapped at a fixed width, but not a headline and its date', () => {
    const article = read([
      'Menu',
      'A beginner’s guide to the equipment in a gym and what it is for',
      'today at 09:15',
      'Gym equipment refers to the various machines, tools, and accessories used in a',
      'fitness facility to help individuals achieve their fitness goals. These machines',
      'are designed to target different muscle groups and to improve cardiovascular health.',
      'Walking into a gym and seeing a sea of complex machines can be overwhelming for anyone.',
      'This guide is your no-judgment zone for understanding what everything in the room does.',
    ])
    expect(article.title).toBe('A beginner’s guide to the equipment in a gym and what it is for')
    const paragraphs = article.contentText.split('\n\n')
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[0]).toBe(
      'Gym equipment refers to the various machines, tools, and accessories used in a fitness facility to help individuals achieve their fitness goals. These machines are designed to target different muscle groups and to improve cardiovascular health.',
    )
  })

  it('keeps the items of a list the text introduces with a colon, and drops spacer lines', () => {
    const article = read([
      'Home',
      'How to plan a wedding in twelve months',
      'By Jane Doe',
      'Before you book any vendors, you need a clear idea of the wedding you want to have.',
      '\u200d',
      'Ask yourselves:',
      'Elegant or rustic?',
      'Indoor or outdoor?',
      'Big or small?',
      'Your answers will guide every decision you make over the months that follow.',
      'Next, set a realistic budget and break it into clear categories for each part of the day.',
    ])
    expect(article.contentText.split('\n\n')).toEqual([
      'Before you book any vendors, you need a clear idea of the wedding you want to have.',
      'Ask yourselves:',
      'Elegant or rustic?',
      'Indoor or outdoor?',
      'Big or small?',
      'Your answers will guide every decision you make over the months that follow.',
      'Next, set a realistic budget and break it into clear categories for each part of the day.',
    ])
  })
})
