import { describe, expect, it } from 'vitest'
import { compileQuery } from './compile'
import { foldWord, indexText, queryTokens } from './normalize'
import { parseDateValue, parseQuery } from './query'

const compile = (text: string, prefixStems = new Map<string, string[]>()) =>
  compileQuery(parseQuery(text), prefixStems)

describe('normalisation', () => {
  it('folds case and ё, keeps й, drops Latin diacritics', () => {
    expect(foldWord('ЁЛКА')).toBe('елка')
    expect(foldWord('Войны')).toBe('войны')
    expect(foldWord('Café')).toBe('cafe')
  })

  it('stems Russian and English words, and keeps digits', () => {
    expect(indexText('Визитом в Баку, 2026: cooperating pipelines')).toBe('визит в бак 2026 cooper pipelin')
  })

  it('gives a query word every index form it may meet', () => {
    expect(queryTokens('визит')).toEqual(['виз', 'визит'])
    expect(queryTokens('Визитом')).toEqual(['визит', 'визитом', 'виз'])
    expect(queryTokens('cooperation')).toEqual(['cooper', 'cooperation'])
  })
})

describe('parseQuery', () => {
  it('reads words, phrases, prefixes and operators', () => {
    expect(parseQuery('визит "South Caucasus" cooperat* OR газ -oil')).toEqual({
      kind: 'and',
      children: [
        { kind: 'word', text: 'визит', prefix: false },
        { kind: 'phrase', text: 'South Caucasus' },
        {
          kind: 'or',
          children: [
            { kind: 'word', text: 'cooperat', prefix: true },
            { kind: 'word', text: 'газ', prefix: false },
          ],
        },
        { kind: 'not', child: { kind: 'word', text: 'oil', prefix: false } },
      ],
    })
  })

  it('reads Russian operators and parentheses', () => {
    expect(parseQuery('(нефть ИЛИ газ) НЕ уголь')).toEqual({
      kind: 'and',
      children: [
        {
          kind: 'or',
          children: [
            { kind: 'word', text: 'нефть', prefix: false },
            { kind: 'word', text: 'газ', prefix: false },
          ],
        },
        { kind: 'not', child: { kind: 'word', text: 'уголь', prefix: false } },
      ],
    })
  })

  it('reads field filters, with quoted values', () => {
    expect(
      parseQuery(
        'tag:"South Caucasus" lang:RU before:2026-02 after:07.02.2025 is:unread site:caliber.az author:Sidorchik',
      ),
    ).toEqual({
      kind: 'and',
      children: [
        { kind: 'filter', filter: { key: 'tag', value: 'South Caucasus' } },
        { kind: 'filter', filter: { key: 'lang', value: 'ru' } },
        { kind: 'filter', filter: { key: 'before', value: '2026-02' } },
        { kind: 'filter', filter: { key: 'after', value: '2025-02-07' } },
        { kind: 'filter', filter: { key: 'is', value: 'unread' } },
        { kind: 'word', text: 'caliber.az', prefix: false, field: 'site' },
        { kind: 'word', text: 'Sidorchik', prefix: false, field: 'author' },
      ],
    })
  })

  it('reads has:notes in English and Russian, negated with a minus', () => {
    const hasNotes = { kind: 'filter', filter: { key: 'has', value: 'notes' } }
    expect(parseQuery('has:notes')).toEqual(hasNotes)
    expect(parseQuery('есть:заметки')).toEqual(hasNotes)
    expect(parseQuery('HAS:Notes')).toEqual(hasNotes)
    expect(parseQuery('-has:notes')).toEqual({ kind: 'not', child: hasNotes })
    expect(parseQuery('has:pictures')).toEqual({ kind: 'word', text: 'has:pictures', prefix: false })
  })

  it('reads kind: with each kind’s name, its common words and its Russian names, negated with a minus', () => {
    const kind = (value: string) => ({ kind: 'filter', filter: { key: 'kind', value } })
    expect(parseQuery('kind:forum')).toEqual(kind('forum'))
    expect(parseQuery('KIND:QA')).toEqual(kind('forum'))
    expect(parseQuery('вид:обсуждение')).toEqual(kind('forum'))
    expect(parseQuery('kind:docs')).toEqual(kind('documentation'))
    expect(parseQuery('вид:Вики')).toEqual(kind('documentation'))
    expect(parseQuery('kind:list')).toEqual(kind('listing'))
    expect(parseQuery('вид:товар')).toEqual(kind('product'))
    expect(parseQuery('kind:service')).toEqual(kind('service'))
    expect(parseQuery('kind:article')).toEqual(kind('article'))
    expect(parseQuery('-kind:forum визит')).toEqual({
      kind: 'and',
      children: [
        { kind: 'not', child: kind('forum') },
        { kind: 'word', text: 'визит', prefix: false },
      ],
    })
    expect(parseQuery('kind:video')).toEqual({ kind: 'word', text: 'kind:video', prefix: false })
  })

  it('reads unknown keys, bad filter values and stray operators as words', () => {
    expect(parseQuery('foo:bar')).toEqual({ kind: 'word', text: 'foo:bar', prefix: false })
    expect(parseQuery('before:someday')).toEqual({ kind: 'word', text: 'before:someday', prefix: false })
    expect(parseQuery('OR')).toBeNull()
    expect(parseQuery('a OR')).toEqual({ kind: 'word', text: 'a', prefix: false })
    expect(parseQuery(')) ((')).toBeNull()
    expect(parseQuery('')).toBeNull()
  })

  it('parses dates in ISO and Russian order', () => {
    expect(parseDateValue('2026')).toBe('2026')
    expect(parseDateValue('2026-2-7')).toBe('2026-02-07')
    expect(parseDateValue('07.02.2026')).toBe('2026-02-07')
    expect(parseDateValue('02.2026')).toBe('2026-02')
    expect(parseDateValue('2026-13')).toBeNull()
    expect(parseDateValue('yesterday')).toBeNull()
  })
})

describe('compileQuery', () => {
  it('matches every index form of a word and phrases of stems', () => {
    expect(compile('визит').match).toBe('("виз" OR "визит")')
    expect(compile('"South Caucasus"').match).toBe('("south caucasu" OR "south caucasus")')
    expect(compile('cooperation baku').match).toBe('("cooper" OR "cooperation") AND "baku"')
  })

  it('adds the stems a prefix reaches through the word list', () => {
    expect(compile('cooperat*', new Map([['cooperat', ['cooper']]])).match).toBe('("cooperat"* OR "cooper")')
    expect(compile('a*').match).toBe('"a"')
  })

  it('turns OR, NOT and groups into FTS5 operators', () => {
    expect(compile('oil OR gas -coal').match).toBe('(("oil" OR ("ga" OR "gas"))) NOT "coal"')
    expect(compile('a b OR c').match).toBe('"a" AND ("b" OR "c")')
    expect(compile('(oil OR gas) (pipeline -coal)').match).toBe(
      '(("oil" OR ("ga" OR "gas")) AND ("pipelin" OR "pipeline")) NOT "coal"',
    )
  })

  it('keeps a query made only of exclusions apart', () => {
    const compiled = compile('-coal')
    expect(compiled.match).toBeNull()
    expect(compiled.exclude).toBe('"coal"')
  })

  it('restricts field words to their column', () => {
    expect(compile('title:pipeline').match).toBe('{title} : ("pipelin" OR "pipeline")')
    expect(compile('site:caliber.az').match).toBe('{site} : ("calib az" OR "caliber az")')
    expect(compile('author:"Андрей Сидорчик"').match).toBe(
      '{authors} : ("андр сидорчик" OR "андрей сидорчик")',
    )
  })

  it('turns filters into SQL conditions, OR and NOT included', () => {
    const compiled = compile('(tag:energy OR tag:oil) -lang:en')
    expect(compiled.match).toBeNull()
    expect(compiled.conditions).toHaveLength(2)
    expect(compiled.conditions[0]!.params).toEqual(['energy', 'energy/', 'energy0', 'oil', 'oil/', 'oil0'])
    expect(compiled.conditions[1]!.sql).toBe('NOT (a.language = ?)')
  })

  it('turns kind: into a condition on the kind of page', () => {
    const compiled = compile('kind:docs OR kind:wiki')
    expect(compiled.match).toBeNull()
    expect(compiled.conditions).toEqual([
      { sql: '(a.page_kind IS ?) OR (a.page_kind IS ?)', params: ['documentation', 'documentation'] },
    ])
  })

  it('quotes whatever the user typed, so FTS5 never sees raw syntax', () => {
    for (const text of ['"foo AND (', 'NEAR(a b)', 'x^', '*', 'a"b', 'x:"', '{title}:x', 'AND OR NOT']) {
      const { match } = compile(text)
      if (match !== null) expect(match).not.toMatch(/NEAR\(|\^|\{title\}/)
    }
  })

  it('collects the tokens snippets should mark, leaving out excluded ones', () => {
    const { terms } = compile('визит -oil cooperat*', new Map([['cooperat', ['cooper']]]))
    expect([...terms.tokens].sort()).toEqual(['виз', 'визит', 'cooper'].sort())
    expect(terms.prefixes).toEqual(['cooperat'])
  })
})
