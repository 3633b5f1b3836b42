import type { CslItem, CslItemType, CslName } from '../../../common/csl'
import type { Article, ArticleCitationPatch, ArticlePatch, CslItemPatch } from '../../../common/types'
import { FIELD_VARIABLES, layoutOf, usesAccessDate, type FieldVariable, type NameRole } from './itemFields'
import { CITE_KIND_OF_TYPE } from './itemKinds'
import { isWebUrl, LANGUAGE_PATTERN } from './patchErrors'
import { cslDateOf, cslDateText, formatTypedDate, parseTypedDate, type DateLanguage } from './typedDate'

/**
 * The edit dialog's working copy of an item: every field as the text its input shows, names as
 * rows. `patchOf` turns what the user changed into an `updateArticle` patch (the fields a saved page
 * has of its own go as page fields, so a page keeps describing itself; the rest as CSL variables),
 * and `draftItem` gives the item as it would be saved, for the style's missing-field check.
 */

/** One name of a list: a person (family and given names) or an organisation (one name as written). */
export interface NameRow {
  /** Stable within the dialog, for the list's keys and focus. */
  key: number
  organisation: boolean
  family: string
  given: string
  literal: string
  /** The name as stored, given back unchanged while its row is. */
  original: CslName | null
}

export interface ItemDraft {
  type: CslItemType
  citationKey: string
  title: string
  subtitle: string
  fields: Record<FieldVariable, string>
  names: Record<NameRole, NameRow[]>
}

export type FullPatch = ArticlePatch & ArticleCitationPatch

/** What is wrong with a field the user changed, as a message key under `items.error`. */
export type DraftProblems = Partial<Record<FieldVariable | 'title' | 'citationKey', string>>

const NAME_ROLES: readonly NameRole[] = ['author', 'editor', 'translator']
const DATE_FIELDS: ReadonlySet<FieldVariable> = new Set(['event-date', 'original-date'])
const CITATION_KEY = /^[^\s,{}%#~\\"]+$/
/** A language tag a record may carry beyond the two or three letters of a page's language ("en-GB"). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})+$/i

let nextRowKey = 1

type ShownName = Pick<NameRow, 'organisation' | 'family' | 'given' | 'literal'>

/** What a row shows of a stored name: particles join the family and given names they go with. */
function shownName(name: CslName): ShownName {
  if (name.literal !== undefined || (name.family === undefined && name.given === undefined))
    return { organisation: true, family: '', given: '', literal: name.literal ?? '' }
  return {
    organisation: false,
    family: [name['non-dropping-particle'], name.family].filter(Boolean).join(' '),
    given: [name.given, name['dropping-particle']].filter(Boolean).join(' '),
    literal: '',
  }
}

/** A row for a stored name, or an empty row (a person) for a new one. */
export function nameRow(name: CslName | null): NameRow {
  const key = nextRowKey++
  if (name === null) return { key, organisation: false, family: '', given: '', literal: '', original: null }
  return { key, ...shownName(name), original: name }
}

/** The names of the rows that hold one; a row unchanged gives back the name as it was stored. */
export function cslNames(rows: readonly NameRow[]): CslName[] {
  const names: CslName[] = []
  for (const row of rows) {
    const shown = row.original && shownName(row.original)
    const unchanged =
      shown !== null &&
      row.organisation === shown.organisation &&
      row.family === shown.family &&
      row.given === shown.given &&
      row.literal === shown.literal
    if (unchanged) {
      names.push(row.original!)
      continue
    }
    if (row.organisation) {
      if (row.literal.trim()) names.push({ literal: row.literal.trim() })
    } else if (row.family.trim() || row.given.trim()) {
      names.push({
        ...(row.family.trim() ? { family: row.family.trim() } : {}),
        ...(row.given.trim() ? { given: row.given.trim() } : {}),
      })
    }
  }
  return names
}

function fieldText(item: CslItem, variable: FieldVariable, article: Article, language: DateLanguage): string {
  switch (variable) {
    case 'issued':
      return article.publishedAt
        ? formatTypedDate(article.publishedAt, language)
        : cslDateText(item.issued, language)
    case 'accessed':
    case 'event-date':
    case 'original-date':
      return cslDateText(item[variable], language)
    default: {
      const value = item[variable]
      return value === undefined ? '' : String(value)
    }
  }
}

export function draftOf(article: Article, language: DateLanguage): ItemDraft {
  const item = article.item
  const fields = Object.fromEntries(
    FIELD_VARIABLES.map((variable) => [variable, fieldText(item, variable, article, language)]),
  ) as Record<FieldVariable, string>
  const names = Object.fromEntries(
    NAME_ROLES.map((role) => [role, (item[role] ?? []).map(nameRow)]),
  ) as Record<NameRole, NameRow[]>
  return {
    type: article.itemType,
    citationKey: article.citationKey ?? '',
    title: article.title,
    subtitle: article.subtitle ?? '',
    fields,
    names,
  }
}

/** The fields the draft's kind shows: its layout's, less the access date where it has no use. */
export function shownFields(draft: ItemDraft): FieldVariable[] {
  const hasUrl = draft.fields.URL.trim() !== '' || draft.fields.accessed.trim() !== ''
  return layoutOf(draft.type)
    .fields.map((field) => field.variable)
    .filter((variable) => variable !== 'accessed' || usesAccessDate(draft.type, hasUrl))
}

const nullable = (value: string): string | null => (value.trim() === '' ? null : value.trim())

/**
 * The patch for what changed between `initial` and `draft` (only the fields and names the draft's
 * kind shows), and the problems that stop it from being saved.
 */
export function patchOf(
  initial: ItemDraft,
  draft: ItemDraft,
  language: DateLanguage,
): { patch: FullPatch; problems: DraftProblems } {
  const patch: FullPatch = {}
  const problems: DraftProblems = {}
  const item: CslItemPatch = {}

  if (draft.title.trim() !== initial.title.trim()) {
    if (draft.title.trim() === '') problems.title = 'items.error.title'
    else patch.title = draft.title.trim()
  }
  if (draft.subtitle.trim() !== initial.subtitle.trim()) patch.subtitle = nullable(draft.subtitle)

  for (const variable of shownFields(draft)) {
    const text = draft.fields[variable]
    if (text.trim() === initial.fields[variable].trim()) continue
    const value = nullable(text)
    switch (variable) {
      case 'container-title':
        patch.siteName = value
        break
      case 'section':
        patch.section = value
        break
      case 'URL':
        if (value !== null && !isWebUrl(value)) problems.URL = 'items.error.url'
        else patch.url = value
        break
      case 'language':
        if (value === null || LANGUAGE_PATTERN.test(value.toLowerCase()))
          patch.language = value?.toLowerCase() ?? null
        else if (LANGUAGE_TAG.test(value)) item.language = value
        else problems.language = 'items.error.language'
        break
      case 'issued': {
        const iso = value === null ? null : parseTypedDate(value, language, { withTime: true })
        if (value !== null && iso === null) problems.issued = 'items.error.date'
        else patch.publishedAt = iso
        break
      }
      case 'accessed': {
        const iso = value === null ? null : parseTypedDate(value, language)
        if (value !== null && (iso === null || iso.length !== 10)) problems.accessed = 'items.error.accessed'
        else patch.accessedAt = iso
        break
      }
      default:
        if (DATE_FIELDS.has(variable)) {
          const iso = value === null ? null : parseTypedDate(value, language)
          if (value !== null && iso === null) problems[variable] = 'items.error.date'
          else item[variable] = iso === null ? null : cslDateOf(iso)
        } else {
          item[variable] = value
        }
    }
  }

  for (const role of layoutOf(draft.type).names) {
    const next = cslNames(draft.names[role])
    if (JSON.stringify(next) !== JSON.stringify(cslNames(initial.names[role])))
      item[role] = next.length > 0 ? next : null
  }
  if (Object.keys(item).length > 0) patch.item = item

  if (draft.type !== initial.type) {
    const citeKind = CITE_KIND_OF_TYPE[draft.type]
    if (citeKind) patch.citeKind = citeKind
    else patch.itemType = draft.type
  }
  if (draft.citationKey.trim() !== initial.citationKey.trim()) {
    const key = nullable(draft.citationKey)
    if (key !== null && !CITATION_KEY.test(key)) problems.citationKey = 'items.error.citationKey'
    else patch.citationKey = key
  }
  return { patch, problems }
}

/** The item as the draft would save it (fields that do not read yet keep their stored value). */
export function draftItem(article: Article, draft: ItemDraft, language: DateLanguage): CslItem {
  const next: Record<string, unknown> = { ...article.item, type: draft.type }
  const set = (variable: string, value: unknown): void => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      delete next[variable]
    else next[variable] = value
  }
  set('title', draft.title.trim())
  set('subtitle', draft.subtitle.trim())
  set('citation-key', draft.citationKey.trim())
  for (const variable of shownFields(draft)) {
    const text = draft.fields[variable].trim()
    if (variable === 'issued' || variable === 'accessed' || DATE_FIELDS.has(variable)) {
      if (text === '') set(variable, null)
      else {
        const iso = parseTypedDate(text, language, { withTime: variable === 'issued' })
        if (iso !== null) set(variable, cslDateOf(iso))
      }
    } else {
      set(variable, text)
    }
  }
  for (const role of layoutOf(draft.type).names) set(role, cslNames(draft.names[role]))
  return next as CslItem
}
