import { describe, expect, it } from 'vitest'
import { editionStatement, genitiveName } from './gost-description'

const genitiveFamily = (family: string, given?: string): string | undefined =>
  genitiveName({ family, ...(given ? { given } : {}) }).family

describe('genitiveName ("под редакцией А. П. Соколова")', () => {
  it('declines men’s surnames', () => {
    expect(genitiveFamily('Соколов', 'Андрей Петрович')).toBe('Соколова')
    expect(genitiveFamily('Ильин', 'Павел')).toBe('Ильина')
    expect(genitiveFamily('Достоевский', 'Фёдор Михайлович')).toBe('Достоевского')
    expect(genitiveFamily('Толстой', 'Лев Николаевич')).toBe('Толстого')
    expect(genitiveFamily('Горький', 'Максим')).toBe('Горького')
    expect(genitiveFamily('Гоголь', 'Николай Васильевич')).toBe('Гоголя')
    expect(genitiveFamily('Гайдай', 'Леонид Иович')).toBe('Гайдая')
    expect(genitiveFamily('Шмидт', 'Отто Юльевич')).toBe('Шмидта')
    expect(genitiveFamily('Глинка', 'Михаил Иванович')).toBe('Глинки')
    expect(genitiveFamily('Сковорода', 'Григорий Саввич')).toBe('Сковороды')
    expect(genitiveFamily('Римский-Корсаков', 'Николай Андреевич')).toBe('Римского-Корсакова')
  })

  it('declines women’s surnames', () => {
    expect(genitiveFamily('Мамедова', 'Лейла Руслановна')).toBe('Мамедовой')
    expect(genitiveFamily('Ильина', 'Анна')).toBe('Ильиной')
    expect(genitiveFamily('Толстая', 'Татьяна Никитична')).toBe('Толстой')
    expect(genitiveFamily('Белая', 'Ирина Олеговна')).toBe('Белой')
    expect(genitiveFamily('Гарсия', 'Мария')).toBe('Гарсии')
  })

  it('leaves alone what does not decline', () => {
    expect(genitiveFamily('Шевченко', 'Тарас Григорьевич')).toBe('Шевченко')
    expect(genitiveFamily('Черных', 'Иван')).toBe('Черных')
    expect(genitiveFamily('Шмидт', 'Анна Отовна')).toBe('Шмидт')
    expect(genitiveFamily('Лукашенко', 'Анна')).toBe('Лукашенко')
    expect(genitiveFamily('Lindqvist', 'Maria')).toBe('Lindqvist')
    expect(genitiveName({ literal: 'Институт Европы РАН' })).toEqual({ literal: 'Институт Европы РАН' })
  })

  it('takes the person’s sex from the patronymic, then the surname, then the first name', () => {
    expect(genitiveFamily('Кох', 'Елена Петровна')).toBe('Кох')
    expect(genitiveFamily('Кох', 'Пётр')).toBe('Коха')
    expect(genitiveFamily('Кох', 'Никита')).toBe('Коха')
    expect(genitiveFamily('Кох', 'Ирина')).toBe('Кох')
    expect(genitiveFamily('Кох', 'И. П.')).toBe('Коха')
  })
})

describe('editionStatement', () => {
  it('writes a numbered edition in the item’s language and keeps any other as given', () => {
    expect(editionStatement('2', true)).toBe('2-е изд.')
    expect(editionStatement(3, true)).toBe('3-е изд.')
    expect(editionStatement('2', false)).toBe('2nd ed.')
    expect(editionStatement('1', false)).toBe('1st ed.')
    expect(editionStatement('3', false)).toBe('3rd ed.')
    expect(editionStatement('11', false)).toBe('11th ed.')
    expect(editionStatement('22', false)).toBe('22nd ed.')
    expect(editionStatement('Изд. 2-е, перераб. и доп.', true)).toBe('Изд. 2-е, перераб. и доп.')
    expect(editionStatement('Rev. ed.', false)).toBe('Rev. ed.')
  })
})
