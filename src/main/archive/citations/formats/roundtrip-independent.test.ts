/**
 * The BibTeX, BibLaTeX and RIS exports of the fixed item set, read back by a parser we did not write
 * (astrocite), field by field. Our own parsers have their round trip in parse-bibtex/parse-ris tests.
 */
import { AST as BibtexAst, parse as astrociteBibtex } from 'astrocite-bibtex'
import { parse as astrociteRis } from 'astrocite-ris'
import { describe, expect, it } from 'vitest'
import { toBiblatex, toBibtex } from './bibtex-writer'
import type { CslDate, CslItem, CslName } from '../csl-item'
import { toRis } from './ris'
import { ALL_ITEMS } from '../../../../../tests/support/cite-items'
import { firstDateParts } from '../../../../common/csl'

type ParsedItem = ReturnType<typeof astrociteRis>[number]
type ParsedName = NonNullable<ParsedItem['author']>[number]
type BibtexNode = ReturnType<typeof BibtexAst.parse>['children'][number]
type BibtexEntry = Extract<BibtexNode, { kind: 'Entry' }>
type BibtexValue = BibtexEntry['properties'][number]['value'][number]

const fullTitle = (item: CslItem): string | undefined =>
  item.subtitle ? `${item.title}: ${item.subtitle}` : item.title

/** Date parts as numbers; astrocite gives strings ("02") and "" for a part it has not got. */
function dateParts(date: ParsedItem['issued']): number[] | undefined {
  const parts = date && 'date-parts' in date ? date['date-parts']?.[0] : undefined
  return parts?.filter((part) => part !== '').map(Number)
}

function ourDateParts(date: CslDate | undefined, length = 3): number[] | undefined {
  return firstDateParts(date)?.slice(0, length)
}

/**
 * A name as its words in reading order. astrocite reads a long braced organisation
 * ("{Ministry of Foreign Affairs of Azerbaijan}") as given + particle + family despite the braces, and
 * RIS has no way to mark an organisation, so organisations are compared by their words.
 */
function nameWords(name: ParsedName | CslName): string {
  if ('literal' in name && name.literal) return name.literal
  return [name.given, 'dropping-particle' in name ? name['dropping-particle'] : undefined, name.family]
    .filter(Boolean)
    .join(' ')
}

function expectSameAuthors(parsed: ParsedItem, item: CslItem): void {
  const ours = item.author ?? []
  const theirs = parsed.author ?? []
  expect(theirs).toHaveLength(ours.length)
  ours.forEach((name, index) => {
    const read = theirs[index]!
    if (name.literal) expect(nameWords(read)).toBe(name.literal)
    else
      expect({ family: read.family, given: read.given }).toEqual({ family: name.family, given: name.given })
  })
}

/** Matches each parsed entry to its item by position; both writers keep the input order. */
function pairs(parsed: ParsedItem[]): [ParsedItem, CslItem][] {
  expect(parsed).toHaveLength(ALL_ITEMS.length)
  return parsed.map((entry, index) => [entry, ALL_ITEMS[index]!])
}

/**
 * The text of a raw BibTeX field as astrocite's own grammar tokenises it: text, escaped symbols (\& \%
 * \$ \# \_ \{ \}) and protective braces. Used for the fields its CSL conversion does not map.
 */
function fieldText(entry: BibtexEntry, key: string): string | undefined {
  const property = entry.properties.find((candidate) => candidate.key === key)
  if (!property) return undefined
  const flatten = (values: readonly BibtexValue[]): string =>
    values
      .map((value) => {
        switch (value.kind) {
          case 'Text':
          case 'SymbolCommand':
            return value.value
          case 'NestedLiteral':
            return flatten(value.value)
          default:
            throw new Error(`${key}: unexpected ${value.kind} in an export`)
        }
      })
      .join('')
  return flatten(property.value)
}

function syntaxEntries(text: string): BibtexEntry[] {
  return BibtexAst.parse(text).children.filter((node): node is BibtexEntry => node.kind === 'Entry')
}

const isoParts = (text: string | undefined): number[] | undefined => text?.split('-').map(Number)

const LANGUAGE_NAMES: Record<string, string> = { en: 'english', ru: 'russian' }

describe('BibTeX read back by astrocite-bibtex', () => {
  const text = toBibtex(ALL_ITEMS)
  const parsed = astrociteBibtex(text)
  const entries = syntaxEntries(text)

  it.each(pairs(parsed).map(([entry, item], index) => [item.id, entry, entries[index]!, item] as const))(
    '%s keeps its fields',
    (_id, entry, raw, item) => {
      expect(raw.id).toBe(entry.id)
      // Braces that protect capitals are dropped and TeX escapes decoded: the original characters return.
      expect(entry.title).toBe(fullTitle(item))
      expectSameAuthors(entry, item)
      expect(entry.URL).toBe(item.URL)
      // @article's journal becomes container-title; @misc's howpublished becomes medium.
      expect(raw.type === 'article' ? entry['container-title'] : entry.medium).toBe(item['container-title'])
      expect(entry.note).toBe(item.section)
      // Classic BibTeX dates are year + month.
      expect(dateParts(entry.issued)).toEqual(ourDateParts(item.issued, 2))
      // The extra date, urldate and language fields are not in astrocite's conversion: its syntax tree.
      expect(isoParts(fieldText(raw, 'date'))).toEqual(ourDateParts(item.issued))
      expect(isoParts(fieldText(raw, 'urldate'))).toEqual(ourDateParts(item.accessed))
      expect(fieldText(raw, 'language')).toBe(LANGUAGE_NAMES[item.language ?? ''])
    },
  )

  it('keeps TeX specials and Cyrillic as the original characters', () => {
    expect(text).toContain('{R\\&D} spending rose 5\\% as {"AI\\_Index"} hit \\$1bn (\\#2')
    const titles = parsed.map((entry) => entry.title)
    expect(titles).toContain('R&D spending rose 5% as "AI_Index" hit $1bn (#2 in EU)')
    expect(titles).toContain('Путин провёл переговоры с Алиевым')
    expect(parsed.flatMap((entry) => entry.author ?? []).map((name) => name.family)).toContain('Петрова')
  })
})

describe('BibLaTeX read back by astrocite-bibtex', () => {
  const text = toBiblatex(ALL_ITEMS)
  const parsed = astrociteBibtex(text)
  const entries = BibtexAst.parse(text).children.filter((node): node is BibtexEntry => node.kind === 'Entry')

  it.each(pairs(parsed).map(([entry, item], index) => [item.id, entry, entries[index]!, item] as const))(
    '%s keeps its fields',
    (_id, entry, raw, item) => {
      expect(raw.id).toBe(entry.id)
      // astrocite's CSL conversion knows BibTeX only: title (without the separate subtitle), authors,
      // url, and @online's organization as publisher.
      expect(entry.title).toBe(item.title)
      expectSameAuthors(entry, item)
      expect(entry.URL).toBe(item.URL)
      if (raw.type === 'online') expect(entry.publisher).toBe(item['container-title'])
      // The BibLaTeX fields it leaves out of the conversion, read from its syntax tree.
      expect(fieldText(raw, 'subtitle')).toBe(item.subtitle)
      expect(fieldText(raw, raw.type === 'article' ? 'journaltitle' : 'organization')).toBe(
        item['container-title'],
      )
      expect(fieldText(raw, 'titleaddon')).toBe(item.section)
      expect(isoParts(fieldText(raw, 'date'))).toEqual(ourDateParts(item.issued))
      expect(isoParts(fieldText(raw, 'urldate'))).toEqual(ourDateParts(item.accessed))
      expect(fieldText(raw, 'langid')).toBe(LANGUAGE_NAMES[item.language ?? ''])
    },
  )

  it('keeps TeX specials and Cyrillic as the original characters', () => {
    expect(parsed.map((entry) => entry.title)).toContain(
      'R&D spending rose 5% as "AI_Index" hit $1bn (#2 in EU)',
    )
    expect(fieldText(entries[1]!, 'journaltitle')).toBe('Российская газета')
  })
})

describe('RIS read back by astrocite-ris', () => {
  const parsed = astrociteRis(toRis(ALL_ITEMS))

  it.each(pairs(parsed).map(([entry, item]) => [item.id, entry, item] as const))(
    '%s keeps its fields',
    (_id, entry, item) => {
      expect(entry.type).toBe(item.type)
      expect(entry.title).toBe(fullTitle(item))
      expectSameAuthors(entry, item)
      expect(entry['container-title']).toBe(item['container-title'])
      expect(entry.section).toBe(item.section)
      expect(dateParts(entry.issued)).toEqual(ourDateParts(item.issued))
      expect(dateParts(entry.accessed)).toEqual(ourDateParts(item.accessed))
      expect(entry.language).toBe(item.language)
      expect(entry.URL).toBe(item.URL)
    },
  )

  it('keeps specials and Cyrillic as they are (RIS has no escaping)', () => {
    const titles = parsed.map((entry) => entry.title)
    expect(titles).toContain('R&D spending rose 5% as "AI_Index" hit $1bn (#2 in EU)')
    expect(titles).toContain('Заметки о санкциях')
  })
})
