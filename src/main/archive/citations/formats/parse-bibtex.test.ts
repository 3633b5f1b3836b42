import { describe, expect, it } from 'vitest'
import { bibtexNameToCsl, bibtexToCsl, decodeTex, parseBibtex, splitBibtexNames } from './parse-bibtex'

const HAND_WRITTEN = String.raw`
% a comment line outside entries
@string{ rg = "Rossi{\u{i}}skaya gazeta" }
@comment{ ignored {nested} text }

@Article{ Muller:2020,
  Author = "M{\"u}ller, J{\"o}rg and van der Berg, Anna and {World Health Organization}",
  TITLE  = {The {COVID}-19 pandemic -- a {\emph{first}} look at 50\% of cases},
  journal = rg # { (online)},
  year = 2020, month = mar, day = {5},
  url = {https://example.org/a_b?x=1%20y},
  langid = {english},
}

@online(smith2024,
  author = {John Smith and Mary-Jane O'Neil},
  title = {Prices \& wages: \$5 for \#1 \textendash{} ${'``'}quoted''},
  urldate = {2024-06-30},
  date = {2024-06},
)

@misc{broken, title = {never closed
@misc{after, title = {Still parsed}}
`

describe('parseBibtex on hand-written input', () => {
  const result = parseBibtex(HAND_WRITTEN)

  it('reads entries with quotes, macros, concatenation and parentheses', () => {
    expect(result.entries.map((entry) => entry.key)).toEqual(['Muller:2020', 'smith2024', 'after'])
    const [first, second] = result.entries
    expect(first!.type).toBe('article')
    expect(first!.fields.title).toBe('The COVID-19 pandemic – a first look at 50% of cases')
    expect(first!.fields.journal).toBe('Rossiĭskaya gazeta (online)')
    expect(first!.fields.month).toBe('3')
    expect(first!.fields.url).toBe('https://example.org/a_b?x=1%20y')
    expect(second!.fields.title).toBe('Prices & wages: $5 for #1 – “quoted”')
  })

  it('reports the broken entry by line and goes on', () => {
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.line).toBe(22)
    expect(result.problems[0]!.message).toMatch(/never closed|expected/)
  })

  it('maps entries to CSL items', () => {
    expect(bibtexToCsl(result.entries[0]!)).toEqual({
      id: 'Muller:2020',
      'citation-key': 'Muller:2020',
      type: 'article-journal',
      title: 'The COVID-19 pandemic – a first look at 50% of cases',
      author: [
        { family: 'Müller', given: 'Jörg' },
        { family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van der' },
        { literal: 'World Health Organization' },
      ],
      'container-title': 'Rossiĭskaya gazeta (online)',
      issued: { 'date-parts': [[2020, 3, 5]] },
      language: 'en',
      URL: 'https://example.org/a_b?x=1%20y',
    })
    const online = bibtexToCsl(result.entries[1]!)
    expect(online.type).toBe('webpage')
    expect(online.author).toEqual([
      { family: 'Smith', given: 'John' },
      { family: "O'Neil", given: 'Mary-Jane' },
    ])
    expect(online.issued).toEqual({ 'date-parts': [[2024, 6]] })
    expect(online.accessed).toEqual({ 'date-parts': [[2024, 6, 30]] })
  })
})

describe('TeX decoding and names', () => {
  it('decodes accents, symbols and escaped braces', () => {
    expect(decodeTex(String.raw`\'{e}t\'e \c{c}a {\ss} \v{S}koda \{x\} \textbackslash{} a~b`)).toBe(
      'été ça ß Škoda {x} \\ a\u00a0b',
    )
  })

  it('splits names on "and" outside braces only', () => {
    expect(splitBibtexNames('{Barnes and Noble} and Doe, J. AND Roe, R.')).toEqual([
      '{Barnes and Noble}',
      'Doe, J.',
      'Roe, R.',
    ])
    expect(bibtexNameToCsl('King, Jr., Martin Luther')).toEqual({
      family: 'King',
      suffix: 'Jr.',
      given: 'Martin Luther',
    })
    expect(bibtexNameToCsl('{Barnes and Noble}')).toEqual({ literal: 'Barnes and Noble' })
  })
})
