import { describe, expect, it } from 'vitest'
import { catalogueNames, splitNames } from './names'

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

describe('catalogueNames', () => {
  it('reads one person written family name first, and lists of names as lists', () => {
    expect(catalogueNames('Lopez, Maria')).toEqual(['Maria Lopez'])
    expect(catalogueNames('Lopez, M. A.')).toEqual(['M. A. Lopez'])
    expect(catalogueNames('Иванов, Иван Иванович')).toEqual(['Иван Иванович Иванов'])
    expect(catalogueNames('Jong, Michiel de')).toEqual(['Michiel de Jong'])
    expect(catalogueNames('van der Berg, Anna')).toEqual(['Anna van der Berg'])
    expect(catalogueNames('Maria Lopez')).toEqual(['Maria Lopez'])
    expect(catalogueNames('Jane Doe, John Roe')).toEqual(['Jane Doe', 'John Roe'])
    expect(catalogueNames('Jane Doe, staff writer')).toEqual(['Jane Doe'])
  })
})
