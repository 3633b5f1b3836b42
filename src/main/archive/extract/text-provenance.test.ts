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
