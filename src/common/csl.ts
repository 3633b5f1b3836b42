/**
 * The bibliographic item: a CSL-JSON item (CSL 1.0.2 variables), the one model behind every kind of
 * source Lectern stores, cites and exports. A saved page is one kind of item; a reference read from a
 * BibTeX, RIS or CSL-JSON file is another. Variables a style does not know are kept as they came.
 */

/** Every item type of CSL 1.0.2. */
export const CSL_ITEM_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const

export type CslItemType = (typeof CSL_ITEM_TYPES)[number]

/** CSL's name variables (people and organisations in a role). */
export const CSL_NAME_VARIABLES = [
  'author',
  'chair',
  'collection-editor',
  'compiler',
  'composer',
  'container-author',
  'contributor',
  'curator',
  'director',
  'editor',
  'editorial-director',
  'editor-translator',
  'executive-producer',
  'guest',
  'host',
  'illustrator',
  'interviewer',
  'narrator',
  'organizer',
  'original-author',
  'performer',
  'producer',
  'recipient',
  'reviewed-author',
  'script-writer',
  'series-creator',
  'translator',
] as const

export type CslNameVariable = (typeof CSL_NAME_VARIABLES)[number]

/** CSL's date variables. */
export const CSL_DATE_VARIABLES = [
  'accessed',
  'available-date',
  'event-date',
  'issued',
  'original-date',
  'submitted',
] as const

export type CslDateVariable = (typeof CSL_DATE_VARIABLES)[number]

/** CSL's number variables: numbers, or strings such as "2-3" or "2nd". */
export const CSL_NUMBER_VARIABLES = [
  'chapter-number',
  'citation-number',
  'collection-number',
  'edition',
  'first-reference-note-number',
  'issue',
  'number',
  'number-of-pages',
  'number-of-volumes',
  'part-number',
  'printing-number',
  'supplement-number',
  'volume',
] as const

export type CslNumberVariable = (typeof CSL_NUMBER_VARIABLES)[number]

/** CSL's string variables. */
export const CSL_STRING_VARIABLES = [
  'abstract',
  'annotation',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'citation-key',
  'citation-label',
  'collection-title',
  'container-title',
  'container-title-short',
  'dimensions',
  'division',
  'DOI',
  'event',
  'event-place',
  'event-title',
  'genre',
  'ISBN',
  'ISSN',
  'jurisdiction',
  'keyword',
  'language',
  'license',
  'locator',
  'medium',
  'note',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'page',
  'page-first',
  'part-title',
  'PMCID',
  'PMID',
  'publisher',
  'publisher-place',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'section',
  'source',
  'status',
  'title',
  'title-short',
  'URL',
  'version',
  'volume-title',
  'year-suffix',
] as const

export type CslStringVariable = (typeof CSL_STRING_VARIABLES)[number]

export interface CslName {
  family?: string
  given?: string
  'dropping-particle'?: string
  'non-dropping-particle'?: string
  suffix?: string
  'comma-suffix'?: boolean
  'static-ordering'?: boolean
  /** An organisation or a name that must never be split ("Reuters", "World Bank"). */
  literal?: string
  'parse-names'?: boolean
}

export interface CslDate {
  /** One [year, month?, day?] for a date, two for a range; parts may come as strings. */
  'date-parts'?: (number | string)[][]
  season?: number | string
  circa?: boolean | number | string
  /** Free text when the date cannot be split into parts. */
  literal?: string
  raw?: string
}

/**
 * How an item was written in the file it came from, so an export in the same format gives it back:
 * the entry type, the fields no CSL variable holds (BibTeX/BibLaTeX field names with their values as
 * written, TeX included; RIS tags with every value of a repeated tag), and which of the format's names
 * carried each variable that the format can write in more than one way ("journal" or "journaltitle",
 * "T1" or "TI").
 */
export interface CslSourceRecord {
  type: string
  fields: Record<string, string | string[]>
  /** CSL variable -> the field name or tag it was read from, where that is not the writer's default. */
  names?: Record<string, string>
  /**
   * Field name or tag -> the value as written, for values of CSL variables that an export would not
   * write back the same (TeX with no Unicode form, "american" for the language en-US). An export uses
   * it while the variable still holds what was read from it.
   */
  verbatim?: Record<string, string>
}

/** CSL-JSON's `custom` object: data without a CSL variable. Lectern keeps the source records here. */
export interface CslCustom {
  bibtex?: CslSourceRecord
  biblatex?: CslSourceRecord
  ris?: CslSourceRecord
  [key: string]: unknown
}

export type CslItem = {
  /** CSL-JSON allows numbers; Lectern reads every id as a string. */
  id: string
  type: CslItemType
  /** Not a CSL 1.0 variable: kept apart so each style joins it to the title its own way. */
  subtitle?: string
  custom?: CslCustom
} & { [V in CslStringVariable]?: string } & { [V in CslNumberVariable]?: string | number } & {
  [V in CslNameVariable]?: CslName[]
} & { [V in CslDateVariable]?: CslDate }

/** The first [year, month?, day?] of a date as numbers (parts given as strings are read); undefined without a year. */
export function firstDateParts(date: CslDate | undefined): number[] | undefined {
  const parts = date?.['date-parts']?.[0]
  if (!parts?.length) return undefined
  const numbers: number[] = []
  for (const part of parts) {
    const value = typeof part === 'number' ? part : Number.parseInt(part, 10)
    if (!Number.isInteger(value)) break
    numbers.push(value)
  }
  return numbers.length > 0 ? numbers : undefined
}
