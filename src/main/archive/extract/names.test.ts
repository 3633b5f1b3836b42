import { describe, expect, it } from 'vitest'
import { splitNames } from './names'

describe('splitNames', () => {
  it('splits lists of people (EN and RU)', () => {
    expect(splitNames('By Jane Doe, John Roe and Ann Poe')).toEqual(['Jane Doe', 'John Roe', 'Ann Poe'])
    expect(splitNames('Иван Петров и Мария Сидорова')).toEqual(['Иван Петров', 'Мария Сидорова'])
  })

  it('drops roles, affiliations and domains beside a name, but never every part', () => {
    expect(splitNames('Иван Петров, специальный корреспондент')).toEqual(['Иван Петров'])
    expect(splitNames('Jane Doe, staff writer, news.example.com')).toEqual(['Jane Doe'])
    expect(splitNames('Ludwig van Beethoven')).toEqual(['Ludwig van Beethoven'])
    expect(splitNames('staff writer')).toEqual(['staff writer'])
  })

  it('drops photo credits inside a list of names', () => {
    expect(splitNames('Анна Миллионова, Фото: Getty Images')).toEqual(['Анна Миллионова'])
  })
})
