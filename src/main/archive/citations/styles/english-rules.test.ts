import { describe, expect, it } from 'vitest'
import { bareDoi, capitaliseSubtitle, chicagoTitleCase, mlaPublisher, thesisDegree } from './english-rules'

describe('chicagoTitleCase (CMOS 18, 8.159–8.161)', () => {
  it('capitalises major words and prepositions of five or more letters, lowercases the short ones', () => {
    expect(chicagoTitleCase('Frozen no more: pipeline politics after the Caspian settlement')).toBe(
      'Frozen No More: Pipeline Politics After the Caspian Settlement',
    )
    expect(chicagoTitleCase('trade, energy and power since 1991')).toBe('Trade, Energy and Power Since 1991')
    expect(chicagoTitleCase('measuring border delays with open shipping data')).toBe(
      'Measuring Border Delays with Open Shipping Data',
    )
  })

  it('capitalises the first and last words and the first word after a colon', () => {
    expect(chicagoTitleCase('the world we live in')).toBe('The World We Live In')
    expect(chicagoTitleCase('ports: a history of the Caspian')).toBe('Ports: A History of the Caspian')
  })

  it('lowercases a capitalised article or preposition inside the title', () => {
    expect(chicagoTitleCase('War And Peace In The Caucasus')).toBe('War and Peace in the Caucasus')
  })

  it('treats each part of a hyphenated compound', () => {
    expect(chicagoTitleCase('shipping costs on the trans-caspian route')).toBe(
      'Shipping Costs on the Trans-Caspian Route',
    )
    expect(chicagoTitleCase('a run-of-the-mill report')).toBe('A Run-of-the-Mill Report')
  })

  it('keeps words with their own capitals, numbers, domains and quoted words as written', () => {
    expect(chicagoTitleCase('R&D spending rose 5% as “AI_Index” hit $1bn (#2 in EU)')).toBe(
      'R&D Spending Rose 5% as “AI_Index” Hit $1bn (#2 in EU)',
    )
    expect(chicagoTitleCase('the 12th iPhone review on caliber.az')).toBe(
      'The 12th iPhone Review on caliber.az',
    )
  })
})

describe('capitaliseSubtitle', () => {
  it('capitalises the first letter in any script and leaves the rest', () => {
    expect(capitaliseSubtitle('оценка после 2020 года')).toBe('Оценка после 2020 года')
    expect(capitaliseSubtitle('“quoted” start')).toBe('“Quoted” start')
    expect(capitaliseSubtitle('Already')).toBe('Already')
  })
})

describe('thesisDegree', () => {
  it('recognises the usual English names of doctoral and master’s theses', () => {
    for (const genre of [
      'PhD thesis',
      'Ph.D. dissertation',
      'Doctoral dissertation',
      'DPhil thesis',
      'PhD diss.',
    ])
      expect(thesisDegree(genre)).toBe('doctoral')
    for (const genre of [
      'Master’s thesis',
      "Master's dissertation",
      'MA thesis',
      'MSc thesis',
      'M.S. thesis',
    ])
      expect(thesisDegree(genre)).toBe('masters')
  })

  it('leaves other descriptions alone', () => {
    expect(thesisDegree('диссертация на соискание ученой степени кандидата наук')).toBeUndefined()
    expect(thesisDegree('Habilitationsschrift')).toBeUndefined()
    expect(thesisDegree(undefined)).toBeUndefined()
  })
})

describe('mlaPublisher (MLA 9)', () => {
  it('writes University Press as UP, University as U and Press as P', () => {
    expect(mlaPublisher('Oxford University Press')).toBe('Oxford UP')
    expect(mlaPublisher('University of Chicago Press')).toBe('U of Chicago P')
    expect(mlaPublisher('University of Edinburgh')).toBe('U of Edinburgh')
    expect(mlaPublisher('Routledge')).toBe('Routledge')
  })
})

describe('bareDoi', () => {
  it('takes the resolver or "doi:" off a DOI', () => {
    expect(bareDoi('https://doi.org/10.1000/xyz')).toBe('10.1000/xyz')
    expect(bareDoi('http://dx.doi.org/10.1000/xyz')).toBe('10.1000/xyz')
    expect(bareDoi('doi: 10.1000/xyz')).toBe('10.1000/xyz')
    expect(bareDoi('10.1000/xyz')).toBe('10.1000/xyz')
  })
})
