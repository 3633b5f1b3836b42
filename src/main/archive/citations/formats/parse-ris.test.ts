import { describe, expect, it } from 'vitest'
import { parseRis, risToCsl } from './parse-ris'

const HAND_WRITTEN = [
  'TY  - NEWS',
  'AU  - Петров, Пётр',
  'AU  - Reuters',
  'TI  - Долгий заголовок, который какой-то',
  '  редактор перенёс на вторую строку',
  'T2  - Коммерсантъ',
  'PY  - 2023',
  'DA  - 2023/10/05/',
  'Y2  - 2024/01/15',
  'UR  - https://www.kommersant.ru/doc/1',
  'LA  - ru',
  'ER  -',
  '',
  'AU  - Stray, Line',
  'TY  - BLOG',
  'TI  - A post',
  'PY  - 2022',
  'ER  - ',
  'TY  - ELEC',
  'TI  - Unfinished',
].join('\r\n')

describe('parseRis on hand-written input', () => {
  const result = parseRis(HAND_WRITTEN)

  it('reads records, repeated tags and wrapped values', () => {
    expect(result.records).toHaveLength(2)
    expect(result.records[0]!.fields.AU).toEqual(['Петров, Пётр', 'Reuters'])
    expect(result.records[0]!.fields.TI).toEqual([
      'Долгий заголовок, который какой-то редактор перенёс на вторую строку',
    ])
  })

  it('reports stray and unfinished records by line', () => {
    expect(result.problems).toEqual([
      { line: 14, message: 'AU line outside a record (no TY before it)' },
      { line: 19, message: 'record of type ELEC has no ER line' },
    ])
  })

  it('maps a record to a CSL item', () => {
    expect(risToCsl(result.records[0]!, 'r1')).toEqual({
      id: 'r1',
      type: 'article-newspaper',
      title: 'Долгий заголовок, который какой-то редактор перенёс на вторую строку',
      author: [{ family: 'Петров', given: 'Пётр' }, { literal: 'Reuters' }],
      'container-title': 'Коммерсантъ',
      issued: { 'date-parts': [[2023, 10, 5]] },
      accessed: { 'date-parts': [[2024, 1, 15]] },
      language: 'ru',
      URL: 'https://www.kommersant.ru/doc/1',
    })
    expect(risToCsl(result.records[1]!, 'r2')).toEqual({
      id: 'r2',
      type: 'post-weblog',
      title: 'A post',
      issued: { 'date-parts': [[2022]] },
    })
  })
})
