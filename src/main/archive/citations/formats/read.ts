/**
 * Reading a reference file: the format is recognised by what the text holds (a .bib named .txt is
 * still BibTeX), with or without a byte-order mark, with any line ends; one item per entry. A file that
 * is none of the formats, or JSON that does not parse, throws a CiteError naming the file; everything
 * wrong with single entries comes back as problems, and the other entries are read.
 */
import type { CslItem } from '../csl-item'
import { CiteError } from '../styles/citeproc'
import { readBibtex } from './bibtex'
import { readCslJson } from './csl-json'
import type { ReferenceProblem } from './problems'
import { readRis } from './ris'

export type { ReferenceProblem }

export type ReferenceFileFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json'

export interface ReferenceFile {
  format: ReferenceFileFormat
  items: CslItem[]
  problems: ReferenceProblem[]
}

const BIBTEX_ENTRY = /(?:^|[^\p{L}\p{N}._-])@[ \t]*[A-Za-z]+[ \t]*[{(]/u
const RIS_RECORD = /^[ \t]*TY[ \t]{0,3}-[ \t]*\S/im

/** Which format the text is in, judged by its content; the file name only breaks a tie. */
export function sniffReferenceText(fileName: string, text: string): ReferenceFileFormat | null {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('[') || start.startsWith('{')) {
    if (isJson(start)) return 'csl-json'
    // "{" may open a broken JSON file or nothing else: BibTeX entries start with "@".
    if (!BIBTEX_ENTRY.test(start))
      return /\.(json|csljson)$/i.test(fileName) || start.startsWith('[') ? 'csl-json' : null
  }
  const bib = BIBTEX_ENTRY.exec(start)
  const ris = RIS_RECORD.exec(start)
  if (bib && ris) return ris.index < bib.index ? 'ris' : 'bibtex'
  if (ris) return 'ris'
  if (bib) return 'bibtex'
  // Nothing to go by (an empty file, comments only): the name says what it is meant to be.
  if (/\.(bib|bibtex|biblatex)$/i.test(fileName)) return 'bibtex'
  if (/\.ris$/i.test(fileName)) return 'ris'
  if (/\.(json|csljson)$/i.test(fileName)) return 'csl-json'
  return null
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export function readReferences(fileName: string, text: string): ReferenceFile {
  const body = text.replace(/^\uFEFF/, '')
  const format = sniffReferenceText(fileName, body)
  if (!format) throw new CiteError(`${fileName}: not a BibTeX, RIS or CSL-JSON file`)
  if (format === 'ris') return { format, ...readRis(body) }
  if (format === 'csl-json') {
    let data: unknown
    try {
      data = JSON.parse(body)
    } catch (error) {
      throw new CiteError(
        `${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      )
    }
    const read = readCslJson(data)
    if (!read) throw new CiteError(`${fileName}: JSON, but not CSL-JSON items (an array of objects)`)
    return { format, ...read }
  }
  const { dialect, items, problems } = readBibtex(body)
  return { format: dialect, items, problems }
}
