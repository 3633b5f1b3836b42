import { describe, expect, it } from 'vitest'
import {
  labelledDois,
  normaliseDoi,
  normaliseIsbn,
  normaliseIssn,
  normalisePages,
  settleBibliographic,
} from './bibliographic'

describe('identifiers', () => {
  it('reads a DOI in the forms tags and metadata give it, and refuses what is not one', () => {
    expect(normaliseDoi('10.1080/09668136.2024.2312345')).toBe('10.1080/09668136.2024.2312345')
    expect(normaliseDoi('doi:10.1080/09668136.2024.2312345')).toBe('10.1080/09668136.2024.2312345')
    expect(normaliseDoi('https://doi.org/10.1080/09668136.2024.2312345.')).toBe(
      '10.1080/09668136.2024.2312345',
    )
    expect(normaliseDoi('info:doi/10.1000/182')).toBe('10.1000/182')
    expect(normaliseDoi('https://doi.org/10.1175/1520-0469(1963)020%3C0130:DNF%3E2.0.CO;2')).toBe(
      '10.1175/1520-0469(1963)020<0130:DNF>2.0.CO;2',
    )
    expect(normaliseDoi('10.12/short-registrant')).toBeNull()
    expect(normaliseDoi('https://example.org/10.1080/x')).toBeNull()
    expect(normaliseDoi('10.1080/one 10.1080/two')).toBeNull()
    expect(normaliseDoi('')).toBeNull()
  })

  it('finds labelled DOIs in text, without the punctuation after them', () => {
    expect(
      labelledDois(
        'See DOI: 10.1234/abc.def). Also (https://doi.org/10.5555/xyz-1), and doi:10.1234/ABC.DEF.',
      ),
    ).toEqual(['10.1234/abc.def', '10.5555/xyz-1'])
    expect(labelledDois('Call 10.1234/5678 for details')).toEqual([])
  })

  it('keeps an ISSN or ISBN only with a right check digit', () => {
    expect(normaliseIssn('0966-8136')).toBe('0966-8136')
    expect(normaliseIssn('ISSN 1465-3427 (online)')).toBe('1465-3427')
    expect(normaliseIssn('2049-3630')).toBe('2049-3630')
    expect(normaliseIssn('0966-8137')).toBeNull()
    expect(normaliseIsbn('978-0-19-953556-9')).toBe('978-0-19-953556-9')
    expect(normaliseIsbn('ISBN 0-306-40615-2')).toBe('0-306-40615-2')
    expect(normaliseIsbn('978-0-19-953556-8')).toBeNull()
    expect(normaliseIsbn('12345')).toBeNull()
  })

  it('writes page ranges with a hyphen', () => {
    expect(normalisePages('412', '437')).toBe('412-437')
    expect(normalisePages('pp. 412 – 437')).toBe('412-437')
    expect(normalisePages('e1234')).toBe('e1234')
    expect(normalisePages('412', '412')).toBe('412')
    expect(normalisePages('see below')).toBeNull()
  })
})

describe('settleBibliographic', () => {
  it('names a kind only on its evidence', () => {
    expect(settleBibliographic({ journal: 'Polis', volume: '3' })?.type).toBe('article-journal')
    expect(settleBibliographic({ journal: 'Polis', DOI: '10.1234/x' })?.type).toBe('article-journal')
    expect(settleBibliographic({ conference: 'Proceedings of ACL 2020' })?.type).toBe('paper-conference')
    expect(settleBibliographic({ bookTitle: 'Frozen Conflicts' })?.type).toBe('chapter')
    expect(settleBibliographic({ ISBN: '978-0-19-953556-9' })?.type).toBe('book')
    expect(settleBibliographic({ statedKind: 'thesis', publisher: 'University of Glasgow' })).toEqual({
      type: 'thesis',
      publisher: 'University of Glasgow',
    })
  })

  it('keeps only a DOI when nothing names a kind, and nothing when nothing is stated', () => {
    expect(settleBibliographic({ journal: 'Le Monde', ISSN: '1950-6244', publisher: 'Le Monde' })).toBe(
      undefined,
    )
    expect(settleBibliographic({ journal: 'Polis', DOI: undefined })).toBeUndefined()
    expect(settleBibliographic({ DOI: '10.1234/x', ISSN: '0966-8136' })).toEqual({ DOI: '10.1234/x' })
    expect(settleBibliographic({})).toBeUndefined()
  })
})
