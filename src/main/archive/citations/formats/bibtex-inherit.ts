/**
 * crossref and xdata inheritance as biblatex defines it (biblatex manual, appendix B): a child gets the
 * fields it lacks from its parent, the parent's title becoming the child's booktitle, maintitle or
 * journaltitle by the pair of entry types (and never the child's own title or subtitle); xdata entries
 * give all their fields under the same names.
 */
import type { BibtexSyntaxEntry } from './bibtex-syntax'

/** Fields a child never takes from its parent. */
const NEVER_INHERITED = new Set([
  'ids',
  'crossref',
  'xref',
  'xdata',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
])

const TITLE_FIELDS = ['title', 'subtitle', 'titleaddon'] as const
const OWN_TITLES = new Set<string>([
  ...TITLE_FIELDS,
  'shorttitle',
  'sorttitle',
  'indextitle',
  'indexsorttitle',
])

interface Mapping {
  parents: readonly string[]
  children: readonly string[]
  /** Prefix of the child's fields for the parent's title, subtitle, titleaddon. */
  titlePrefix: 'main' | 'book' | 'journal'
  /** The parent's author is also the child's bookauthor. */
  bookauthor?: boolean
}

const MAPPINGS: readonly Mapping[] = [
  { parents: ['mvbook'], children: ['book', 'inbook', 'bookinbook', 'suppbook'], titlePrefix: 'main' },
  {
    parents: ['mvcollection', 'mvreference'],
    children: ['collection', 'reference', 'incollection', 'inreference', 'suppcollection'],
    titlePrefix: 'main',
  },
  { parents: ['mvproceedings'], children: ['proceedings', 'inproceedings'], titlePrefix: 'main' },
  {
    parents: ['book'],
    children: ['inbook', 'bookinbook', 'suppbook'],
    titlePrefix: 'book',
    bookauthor: true,
  },
  {
    parents: ['collection', 'reference'],
    children: ['incollection', 'inreference', 'suppcollection'],
    titlePrefix: 'book',
  },
  { parents: ['proceedings'], children: ['inproceedings', 'conference'], titlePrefix: 'book' },
  { parents: ['periodical'], children: ['article', 'suppperiodical'], titlePrefix: 'journal' },
]

function mappingFor(parentType: string, childType: string): Mapping | undefined {
  return MAPPINGS.find(
    (mapping) => mapping.parents.includes(parentType) && mapping.children.includes(childType),
  )
}

export interface InheritanceProblem {
  entry: BibtexSyntaxEntry
  message: string
}

/**
 * Fills each entry's fields from its crossref and xdata parents (in place, parents first, so a chain
 * of parents works); a missing or circular parent is reported and the entry keeps its own fields.
 */
export function resolveInheritance(entries: readonly BibtexSyntaxEntry[]): InheritanceProblem[] {
  const byKey = new Map<string, BibtexSyntaxEntry>()
  for (const entry of entries)
    if (entry.key && !byKey.has(entry.key.toLowerCase())) byKey.set(entry.key.toLowerCase(), entry)
  const problems: InheritanceProblem[] = []
  const done = new Set<BibtexSyntaxEntry>()
  const visiting = new Set<BibtexSyntaxEntry>()

  const resolve = (entry: BibtexSyntaxEntry): void => {
    if (done.has(entry)) return
    if (visiting.has(entry)) {
      problems.push({
        entry,
        message: 'its crossref or xdata parents refer back to it; nothing is inherited',
      })
      return
    }
    visiting.add(entry)
    const own = new Map(entry.fields.map((field) => [field.name, field.value]))
    for (const xdataKey of splitKeys(own.get('xdata'))) {
      const parent = byKey.get(xdataKey.toLowerCase())
      if (!parent) {
        problems.push({ entry, message: `its xdata entry "${xdataKey}" is not in the file` })
        continue
      }
      resolve(parent)
      for (const field of parent.fields)
        if (!NEVER_INHERITED.has(field.name)) inherit(entry, own, field.name, field.value)
    }
    const crossref = own.get('crossref')?.trim()
    if (crossref) {
      const parent = byKey.get(crossref.toLowerCase())
      if (!parent) problems.push({ entry, message: `its crossref entry "${crossref}" is not in the file` })
      else {
        resolve(parent)
        inheritFrom(entry, own, parent)
      }
    }
    visiting.delete(entry)
    done.add(entry)
  }

  for (const entry of entries) resolve(entry)
  return problems
}

function splitKeys(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean)
}

/** Fields that say the same thing: a child that has one of a group takes none of the others. */
const SAME_THING: readonly (readonly string[])[] = [
  ['date', 'year', 'month', 'day'],
  ['journaltitle', 'journal'],
  ['location', 'address'],
]

function inherit(entry: BibtexSyntaxEntry, own: Map<string, string>, name: string, value: string): void {
  if (own.has(name)) return
  const group = SAME_THING.find((names) => names.includes(name))
  if (group?.some((other) => entry.fields.some((field) => field.name === other))) return
  own.set(name, value)
  entry.fields.push({ name, value })
}

function inheritFrom(entry: BibtexSyntaxEntry, own: Map<string, string>, parent: BibtexSyntaxEntry): void {
  const mapping = mappingFor(parent.type, entry.type)
  const parentFields = new Map(parent.fields.map((field) => [field.name, field.value]))
  if (mapping) {
    for (const name of TITLE_FIELDS) {
      const value = parentFields.get(name)
      if (value !== undefined) inherit(entry, own, `${mapping.titlePrefix}${name}`, value)
    }
    const author = parentFields.get('author')
    if (mapping.bookauthor && author !== undefined) inherit(entry, own, 'bookauthor', author)
  }
  for (const [name, value] of parentFields) {
    // A parent's own titles are never the child's titles (only its booktitle, maintitle or journaltitle).
    if (NEVER_INHERITED.has(name) || OWN_TITLES.has(name)) continue
    inherit(entry, own, name, value)
  }
}
