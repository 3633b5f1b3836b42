import { describe, expect, it } from 'vitest'
import { parseBibtexSyntax } from './bibtex-syntax'

describe('parseBibtexSyntax', () => {
  it('reads braces, quotes, numbers, @string macros joined with #, and both delimiters', () => {
    const file = parseBibtexSyntax(String.raw`
@String{ jgr = "Journal of {Geophysical} Research" }
@preamble{ "\newcommand{\noop}[1]{}" # " % more" }
@comment{ jabref-meta: {nested} braces }
Text between entries, with an e-mail: someone@example.org
@ARTICLE( Key:2020/a,
  Title = {The {COVID}-19 "pandemic"},
  journal = jgr # { (Online)} # ", " # 2020,
  year = 2020, month = MAR,
)`)
    expect(file.problems).toEqual([])
    expect(file.preambles).toEqual(['\\newcommand{\\noop}[1]{} % more'])
    expect(file.strings.get('jgr')).toBe('Journal of {Geophysical} Research')
    expect(file.entries).toEqual([
      {
        type: 'article',
        typeAs: 'ARTICLE',
        key: 'Key:2020/a',
        line: 6,
        duplicates: [],
        fields: [
          { name: 'title', as: 'Title', value: 'The {COVID}-19 "pandemic"' },
          { name: 'journal', value: 'Journal of {Geophysical} Research (Online), 2020' },
          { name: 'year', value: '2020' },
          { name: 'month', value: '3' },
        ],
      },
    ])
  })

  it('warns and keeps the entry for an undefined macro (its name is the value) and a repeated field', () => {
    const file = parseBibtexSyntax(
      '@book{b1,\n  title = {First},\n  publisher = unknownpub,\n  title = {Second}\n}\n',
    )
    expect(file.entries[0]!.fields).toEqual([
      { name: 'title', value: 'First' },
      { name: 'publisher', value: 'unknownpub' },
    ])
    expect(file.entries[0]!.duplicates).toEqual([{ name: 'title', value: 'Second' }])
    expect(file.problems).toEqual([
      {
        severity: 'warning',
        line: 3,
        key: 'b1',
        message: 'entry "b1" (line 3): the macro "unknownpub" is not defined; its name is kept as the value',
      },
      {
        severity: 'warning',
        line: 4,
        key: 'b1',
        message:
          'entry "b1" (line 4): the field "title" appears twice; the first value counts and "Second" is kept aside',
      },
    ])
  })

  it('reads on past a missing comma between fields, with a warning', () => {
    const file = parseBibtexSyntax('@misc{m1, title = {A}\n  note = {B}}')
    expect(file.entries[0]!.fields.map((field) => field.name)).toEqual(['title', 'note'])
    expect(file.problems.map((problem) => problem.message)).toEqual([
      'entry "m1" (line 2): a comma is missing between two fields',
    ])
  })

  it('reports a broken entry with its key and line as an error and reads the next entry', () => {
    const file = parseBibtexSyntax(
      '@misc{broken, title = {never closed\n@misc{after, title = {Still read}}\n',
    )
    expect(file.entries.map((entry) => entry.key)).toEqual(['after'])
    expect(file.problems).toEqual([
      {
        severity: 'error',
        line: 1,
        key: 'broken',
        message: 'entry "broken" (line 1): a "{" is never closed; the entry is left out',
      },
    ])
  })

  it('keeps the fields read before a break in an entry, as an error', () => {
    const file = parseBibtexSyntax(
      '@book{p, title = {Kept}, note = "never closed\n}\n\n@book{q, title = {Next}}\n',
    )
    expect(file.entries.map((entry) => [entry.key, entry.fields])).toEqual([
      ['p', [{ name: 'title', value: 'Kept' }]],
      ['q', [{ name: 'title', value: 'Next' }]],
    ])
    expect(file.problems.map((problem) => [problem.severity, problem.message])).toEqual([
      ['error', 'entry "p" (line 1): a quoted value is never closed; the fields before it are kept'],
    ])
  })

  it('keeps an entry without a key, with a warning', () => {
    const file = parseBibtexSyntax('@misc{, title = {Anonymous}}')
    expect(file.entries).toEqual([
      { type: 'misc', key: '', line: 1, fields: [{ name: 'title', value: 'Anonymous' }], duplicates: [] },
    ])
    expect(file.problems[0]!.message).toBe('line 1: @misc entry has no citation key')
  })
})
