/** BibTeX and BibLaTeX entry types <-> CSL item types. */
import type { CslItemType } from '../csl-item'

export type BibDialect = 'bibtex' | 'biblatex'

const ENTRY_TO_CSL: Readonly<Record<string, CslItemType>> = {
  article: 'article-journal',
  book: 'book',
  mvbook: 'book',
  collection: 'book',
  mvcollection: 'book',
  proceedings: 'book',
  mvproceedings: 'book',
  reference: 'book',
  mvreference: 'book',
  manual: 'book',
  inbook: 'chapter',
  bookinbook: 'chapter',
  suppbook: 'chapter',
  incollection: 'chapter',
  suppcollection: 'chapter',
  inreference: 'entry-encyclopedia',
  inproceedings: 'paper-conference',
  conference: 'paper-conference',
  booklet: 'pamphlet',
  mastersthesis: 'thesis',
  phdthesis: 'thesis',
  thesis: 'thesis',
  techreport: 'report',
  report: 'report',
  online: 'webpage',
  electronic: 'webpage',
  www: 'webpage',
  webpage: 'webpage',
  misc: 'document',
  unpublished: 'manuscript',
  patent: 'patent',
  dataset: 'dataset',
  software: 'software',
  periodical: 'periodical',
  suppperiodical: 'article-journal',
  standard: 'standard',
  artwork: 'graphic',
  image: 'graphic',
  audio: 'song',
  music: 'song',
  video: 'motion_picture',
  movie: 'motion_picture',
  letter: 'personal_communication',
  legislation: 'legislation',
  legal: 'legislation',
  jurisdiction: 'legal_case',
  review: 'review',
  performance: 'performance',
}

/** The CSL type of an entry; `fields` decides between kinds that share an entry type. */
export function cslTypeOfEntry(entryType: string, fields: ReadonlyMap<string, string>): CslItemType {
  const type = ENTRY_TO_CSL[entryType] ?? 'document'
  if (type === 'article-journal' && entryType === 'article') {
    const subtype = fields.get('entrysubtype')?.trim().toLowerCase()
    if (subtype === 'newspaper') return 'article-newspaper'
    if (subtype === 'magazine') return 'article-magazine'
  }
  // A @misc with an address and the day it was read is how BibTeX users cite a web page.
  if (entryType === 'misc' && fields.has('url') && fields.has('urldate')) return 'webpage'
  return type
}

/** The entry type an item gets when it has no entry type of its own from a file. */
export function entryTypeOfItem(type: CslItemType, genre: string | undefined, dialect: BibDialect): string {
  const biblatex = dialect === 'biblatex'
  switch (type) {
    case 'article-journal':
    case 'article-magazine':
    case 'article-newspaper':
    case 'article':
    case 'review':
    case 'review-book':
      return 'article'
    case 'book':
    case 'classic':
      return 'book'
    case 'chapter':
      return 'incollection'
    case 'entry-encyclopedia':
    case 'entry-dictionary':
    case 'entry':
      return biblatex ? 'inreference' : 'incollection'
    case 'paper-conference':
      return 'inproceedings'
    case 'report':
      return biblatex ? 'report' : 'techreport'
    case 'thesis':
      if (biblatex) return 'thesis'
      return genre && /master|mathesis|магистер/i.test(genre) ? 'mastersthesis' : 'phdthesis'
    case 'manuscript':
      return 'unpublished'
    case 'pamphlet':
      return 'booklet'
    case 'periodical':
      return biblatex ? 'periodical' : 'misc'
    case 'dataset':
    case 'software':
    case 'patent':
    case 'standard':
      return biblatex ? type : 'misc'
    case 'webpage':
    case 'post':
    case 'post-weblog':
      return biblatex ? 'online' : 'misc'
    case 'legislation':
      return biblatex ? 'legislation' : 'misc'
    default:
      return 'misc'
  }
}

/** Types and fields that only BibLaTeX has: a file that uses them is a BibLaTeX file. */
export const BIBLATEX_ONLY_TYPES = new Set([
  'online',
  'mvbook',
  'bookinbook',
  'suppbook',
  'collection',
  'mvcollection',
  'suppcollection',
  'reference',
  'mvreference',
  'inreference',
  'mvproceedings',
  'report',
  'thesis',
  'dataset',
  'software',
  'periodical',
  'suppperiodical',
  'patent',
  'set',
  'xdata',
])

export const BIBLATEX_ONLY_FIELDS = new Set([
  'journaltitle',
  'location',
  'date',
  'langid',
  'eprinttype',
  'maintitle',
  'bookauthor',
  'editora',
  'origdate',
  'eventdate',
  'eventtitle',
  'venue',
  'pagetotal',
  'shortjournal',
  'subtitle',
  'titleaddon',
  'xdata',
  'entrysubtype',
])
