import { describe, expect, it } from 'vitest'
import { readTextPage } from './text-page'

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

describe('plain-text page reader: the date on a stamp line', () => {
  const read = (lines: readonly string[]) => readTextPage(lines.join('\n'), { url: null, fallbackTitle: 'x' })
  const body = [
    'The hospital will open a new wing for children next spring, its board said on Tuesday.',
    'The wing adds forty beds and a school room, and was paid for by a fund raised over ten years.',
  ]

  it('reads the date among a name, a role and a section set apart by bars or bullets', () => {
    expect(
      read([
        'Health',
        'A new wing for the children’s hospital',
        'Aaron Ricadela | Senior Writer | July 2, 2025',
        ...body,
      ]).publishedAt,
    ).toBe('2025-07-02')
    expect(
      read([
        'Health',
        'A new wing for the children’s hospital',
        'Dec 26, 2025 • Mahua Das in Health',
        ...body,
      ]).publishedAt,
    ).toBe('2025-12-26')
    expect(
      read([
        'Здоровье',
        'В детской больнице откроют новое крыло',
        'Анна Миллионова | обозреватель | 3 марта 2020',
        'Детская больница откроет новое крыло следующей весной, сообщили в её попечительском совете.',
        'В новом крыле будет сорок коек и школьный класс, его построили на деньги благотворительного фонда.',
      ]).publishedAt,
    ).toBe('2020-03-03')
  })

  it('takes no date from a line whose other parts are longer than labels', () => {
    expect(
      read([
        'Health',
        'A new wing for the children’s hospital',
        'Closed | The wing was planned for many years | July 2, 2025',
        ...body,
      ]).publishedAt,
    ).toBeNull()
  })
})
