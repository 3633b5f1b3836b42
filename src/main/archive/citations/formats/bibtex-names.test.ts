import { describe, expect, it } from 'vitest'
import { formatNames, parseName, parseNames, splitNames } from './bibtex-names'

describe('BibTeX names', () => {
  it('splits on "and" outside braces only, in any case', () => {
    expect(splitNames('{Barnes and Noble} and Doe, J. AND Roe, R.\n and others')).toEqual([
      '{Barnes and Noble}',
      'Doe, J.',
      'Roe, R.',
      'others',
    ])
  })

  it('reads particles in both orders, suffixes, organisations and Cyrillic', () => {
    expect(parseName('de la Fontaine, Jean')).toEqual({
      family: 'Fontaine',
      given: 'Jean',
      'non-dropping-particle': 'de la',
    })
    expect(parseName('Jean de la Fontaine')).toEqual({
      family: 'Fontaine',
      given: 'Jean',
      'non-dropping-particle': 'de la',
    })
    expect(parseName('van der Berg, Anna')).toEqual({
      family: 'Berg',
      given: 'Anna',
      'non-dropping-particle': 'van der',
    })
    expect(parseName('Ludwig van Beethoven')).toEqual({
      family: 'Beethoven',
      given: 'Ludwig',
      'non-dropping-particle': 'van',
    })
    expect(parseName('{von} Neumann, John')).toEqual({
      family: '{von} Neumann'.replace(/[{}]/g, ''),
      given: 'John',
    })
    expect(parseName('King, Jr., Martin Luther')).toEqual({
      family: 'King',
      given: 'Martin Luther',
      suffix: 'Jr.',
    })
    expect(parseName('{World Health Organization}')).toEqual({ literal: 'World Health Organization' })
    expect(parseName('Иванов, Иван Иванович')).toEqual({ family: 'Иванов', given: 'Иван Иванович' })
    expect(parseName('Пётр Ильич Чайковский')).toEqual({ family: 'Чайковский', given: 'Пётр Ильич' })
    expect(parseName(String.raw`M{\"u}ller, J{\"o}rg`)).toEqual({ family: 'Müller', given: 'Jörg' })
    expect(parseName('Aristotle')).toEqual({ family: 'Aristotle' })
    expect(parseName('others')).toEqual({ literal: 'others' })
  })

  it('writes names so they read back the same', () => {
    const text = String.raw`de la Fontaine, Jean and King, Jr., Martin Luther and {World Bank} and {Garcia Marquez}, Gabriel and Aristotle and others`
    const names = parseNames(text)
    expect(formatNames(names)).toBe(text)
    expect(parseNames(formatNames(names, { ascii: true }))).toEqual(names)
  })
})
