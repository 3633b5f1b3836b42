import { describe, expect, it } from 'vitest'
import { readTextPage } from './text-page'

const read = (lines: readonly string[]) => readTextPage(lines.join('\n'), { url: null, fallbackTitle: 'x' })

describe('plain-text page reader: prose the page repeats', () => {
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

  it('knows a thread of comments without a heading by its names over dates, in English and Russian', () => {
    const english = read([
      'Menu',
      'The ferry timetable changes for the winter',
      'By Sam Ortiz',
      'The ferry to the islands will sail twice a day from November, the operator said on Friday.',
      'The morning crossing moves to eight o’clock so that children can reach the school in time.',
      'Share',
      'Ruth Gallagher',
      'November 2, 2025, 9:46 pm',
      'Two sailings a day is not enough for the people who work on the mainland and come home late in the evening.',
      'The last boat leaves before most shops even close, so half the island will have to stay the night in town.',
      'Tom B',
      'November 2, 2025, 10:12 pm',
      'We were promised a third boat in the summer and now even the second one is at risk, it seems to me.',
      'islander42',
      'November 3, 2025, 7:05 am',
      'The school crossing is the one change that makes sense, the children have been late every Monday for a year.',
      'It took the operator three winters to notice, and it still did not ask the parents what times would suit them.',
    ])
    expect(english.contentText).toMatch(/^The ferry to the islands/)
    expect(english.contentText).toMatch(/reach the school in time\.$/)
    const russian = read([
      'Новости',
      'В парке у реки откроют каток',
      '12 декабря 2025',
      'Каток в парке у реки откроют к Новому году, сообщили в управлении культуры города.',
      'Вход будет бесплатным, а коньки можно будет взять напрокат в павильоне у главного входа.',
      'Ольга',
      'вчера в 10:05',
      'Прошлой зимой каток заливали только к февралю, и половину сезона дети катались во дворах, где лёд был ужасный.',
      'Надеюсь, что в этот раз успеют вовремя, потому что обещали нам это уже не первый год подряд.',
      'Сергей П.',
      'вчера в 11:40',
      'Прокат в павильоне был и раньше, только коньков там всегда не хватало, особенно детских размеров.',
      'Марина',
      'сегодня в 08:15',
      'Лучше бы сделали освещение на дорожках, вечером в парке темно и идти к катку по набережной страшно.',
    ])
    expect(russian.contentText).toMatch(/^Каток в парке у реки/)
    expect(russian.contentText).toMatch(/у главного входа\.$/)
  })

  it('takes a box of other stories under their authors and dates for no thread of comments: the article goes on below it', () => {
    const article = read([
      'Why neon lit up the last century',
      'Sarah Archer',
      '1:39 PM ET',
      'Neon lighting was a novelty when it first appeared in the early years of the last century.',
      'Its glow soon became the sign of the modern city, from Paris to Las Vegas and beyond.',
      'Editors’ picks',
      'Mark Byrnes',
      'Jul 17, 2014',
      'Remembering the most mesmerising sign in town',
      'Tanvi Misra',
      'Mar 9, 2018',
      'An ode to the dead shopping mall',
      'Linda Poon',
      'Aug 23, 2017',
      'A chemist found the gas in 1898, while looking for something else in liquefied air.',
      'The first neon lights were shown at a motor show in Paris a dozen years later.',
      'Within two decades neon signs hung over shops and theatres in every large city.',
    ])
    expect(article.contentText).toMatch(/in every large city\.$/)
  })

  it('keeps a running story whose updates stand under dates, and its byline over its date', () => {
    const article = read([
      'A new bridge for the old town',
      'Dana Whitfield',
      'March 4, 2025',
      'The old town will get a new footbridge over the river next spring, the council said.',
      'The bridge replaces a crossing that was closed after the floods two years ago.',
      'March 5, 2025',
      'Work on the banks begins in April, and the span will be lifted into place in one night.',
      'Traffic on the river road will be stopped for that night only, the engineers said.',
      'March 6, 2025',
      'The council will show the final design in the town hall from Monday to Friday next week.',
      'Residents can leave their comments on the design there or on the council website until May.',
    ])
    expect(article.contentText).toMatch(/^The old town will get/)
    expect(article.contentText).toMatch(/on the council website until May\.$/)
  })
})

describe('plain-text page reader: lists of other stories', () => {
  const article = [
    'The town library reopens after two years',
    'By Sam Ortiz',
    'The town library reopened on Saturday after two years of building work on its roof and walls.',
    'Hundreds of readers queued in the square before the doors opened at nine in the morning.',
    'The new reading room on the top floor looks over the river and holds the local history collection.',
    'The library will stay open until eight in the evening on weekdays, two hours longer than before.',
  ]

  it('leaves out a list of other stories whose summaries are cut short, under no heading', () => {
    const page = read([
      ...article,
      'The bakery on Mill Street celebrates its hundredth year',
      'The family that has run the bakery for four generations opened its doors to visitors this week and…',
      'A new bus route links the station with the hospital',
      'From Monday the number 12 bus will run every twenty minutes between the station and the…',
      'Volunteers plant three hundred trees along the river path',
      'More than sixty volunteers turned out in the rain on Sunday to plant oaks, limes and…',
    ])
    expect(page.contentText).toMatch(/^The town library reopened/)
    expect(page.contentText).toMatch(/two hours longer than before\.$/)
  })

  it('leaves out a list of other stories, each dated, in Russian', () => {
    const page = read([
      'В городе открылась библиотека после ремонта',
      '12 марта 2025',
      'Городская библиотека открылась в субботу после двух лет ремонта крыши и стен здания.',
      'Сотни читателей собрались на площади ещё до того, как двери открылись в девять утра.',
      'Новый читальный зал на верхнем этаже смотрит на реку и хранит собрание по истории края.',
      'Библиотека теперь будет работать до восьми вечера по будням, на два часа дольше прежнего.',
      'Пекарня на Мельничной улице отмечает сто лет со дня открытия',
      'Семья, которая держит пекарню уже четыре поколения, на этой неделе открыла двери для гостей.',
      '11 марта 2025',
      'Новый автобусный маршрут свяжет вокзал с городской больницей',
      'С понедельника автобус номер 12 будет ходить каждые двадцать минут между вокзалом и больницей.',
      '10 марта 2025',
      'Добровольцы посадили триста деревьев вдоль речной тропы',
      'Больше шестидесяти добровольцев вышли под дождём в воскресенье сажать дубы и липы у реки.',
      '9 марта 2025',
    ])
    expect(page.contentText).toMatch(/^Городская библиотека открылась/)
    expect(page.contentText).toMatch(/на два часа дольше прежнего\.$/)
  })

  it('keeps an article whose sections have one paragraph each, and a page that is mostly a list', () => {
    const sections = read([
      ...article,
      'What the new building offers its readers',
      'There are forty new desks with lamps and sockets, and a quiet room that can be booked by the hour.',
      'How the work on the old roof was paid for',
      'The town paid for half of the work, and a fund raised by readers over three years paid for the rest.',
      'What the library plans for the coming summer',
      'Reading clubs for children start in June, and an exhibition of old maps of the town opens in July.',
    ])
    expect(sections.contentText).toMatch(/opens in July\.$/)
    const listing = read([
      'Latest news',
      'Here is the news from around the town this week, gathered by our reporters.',
      'The bakery on Mill Street celebrates its hundredth year',
      'The family that has run the bakery for four generations opened its doors to visitors this week and…',
      'A new bus route links the station with the hospital',
      'From Monday the number 12 bus will run every twenty minutes between the station and the…',
      'Volunteers plant three hundred trees along the river path',
      'More than sixty volunteers turned out in the rain on Sunday to plant oaks, limes and…',
    ])
    expect(listing.contentText).toMatch(/number 12 bus/)
  })
})

describe('plain-text page reader: how the copy breaks lines', () => {
  it('does not join a byline in lower case to a long headline without a full stop', () => {
    const english = read([
      'Menu',
      'Comparing the eight best platforms for a small business budget in 2024 [with pros and cons]',
      'by Geri Mileva',
      'Having a budget for social media is no longer enough to make an impact on your customers.',
      'This guide compares the platforms by their reach, their costs and the tools they offer.',
    ])
    expect(english.title).toBe(
      'Comparing the eight best platforms for a small business budget in 2024 [with pros and cons]',
    )
    expect(english.authors).toEqual(['Geri Mileva'])
    const russian = read([
      'Новости',
      'Как выбрать платформу для небольшого бизнеса и не потратить весь бюджет на рекламу',
      'текст: Анна Миллионова',
      'Бюджета на продвижение в соцсетях сегодня мало, чтобы о компании узнали новые покупатели.',
      'Мы сравнили площадки по охвату, стоимости рекламы и инструментам, которые они предлагают.',
    ])
    expect(russian.title).toBe(
      'Как выбрать платформу для небольшого бизнеса и не потратить весь бюджет на рекламу',
    )
    expect(russian.authors).toEqual(['Анна Миллионова'])
  })

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
