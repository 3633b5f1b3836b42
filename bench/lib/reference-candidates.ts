/**
 * The packages bench/references.ts measures our readers against, each as read -> write in one family:
 * citation-js (its BibTeX, BibLaTeX and RIS plugins read and write), biblatex-csl-converter (reads
 * and writes BibLaTeX), and @retorquere/bibtex-parser (Better BibTeX's parser; it only reads, so its
 * entries are written back field by field with our TeX escaping).
 */
import { createRequire } from 'node:module'
import type { CslName } from '../../src/common/csl'
import { formatNames } from '../../src/main/archive/citations/formats/bibtex-names'
import { escapeTex, texEntry } from '../../src/main/archive/citations/formats/tex'

export type Family = 'bibtex' | 'biblatex' | 'ris'

export interface Candidate {
  name: string
  families: readonly Family[]
  /** Reads `text` and writes it back in the same family; `problems` is what the package reported. */
  roundTrip(
    fileName: string,
    text: string,
    family: Family,
  ): { output: string; problems: number } | Promise<{ output: string; problems: number }>
}

const require = createRequire(import.meta.url)

interface CiteInstance {
  format(format: string, options?: Record<string, unknown>): string
}

function citationJs(): Candidate {
  const core = require('@citation-js/core') as {
    Cite: new (data: string, options?: Record<string, unknown>) => CiteInstance
  }
  require('@citation-js/plugin-bibtex')
  require('@citation-js/plugin-ris')
  return {
    name: 'citation-js 0.8 (plugin-bibtex, plugin-ris)',
    families: ['bibtex', 'biblatex', 'ris'],
    roundTrip(_fileName, text, family) {
      const cite = new core.Cite(text, { forceType: family === 'ris' ? '@ris/file' : '@biblatex/text' })
      return { output: cite.format(family), problems: 0 }
    },
  }
}

interface BiblatexCslConverter {
  BibLatexParser: new (
    input: string,
    config: Record<string, unknown>,
  ) => { parse(): { entries: Record<number, unknown>; errors: unknown[]; warnings: unknown[] } }
  BibLatexExporter: new (
    entries: Record<number, unknown>,
    keys: false,
    config: Record<string, unknown>,
  ) => { parse(): string }
}

function biblatexCslConverter(): Candidate {
  const converter = require('biblatex-csl-converter') as BiblatexCslConverter
  return {
    name: 'biblatex-csl-converter 3.2',
    families: ['bibtex', 'biblatex'],
    roundTrip(_fileName, text) {
      const parsed = new converter.BibLatexParser(text, {
        processUnexpected: true,
        processUnknown: true,
        processComments: true,
      }).parse()
      const output = new converter.BibLatexExporter(parsed.entries, false, {
        exportUnexpectedFields: true,
      }).parse()
      return { output, problems: parsed.errors.length + parsed.warnings.length }
    },
  }
}

interface BbtCreator {
  name?: string
  lastName?: string
  firstName?: string
  prefix?: string
  suffix?: string
}

interface BbtLibrary {
  entries: { type: string; key: string; fields: Record<string, string | string[] | BbtCreator[]> }[]
  errors: unknown[]
}

function creatorToCsl(creator: BbtCreator): CslName {
  if (creator.name !== undefined) return { literal: creator.name }
  if (creator.lastName === 'others' && !creator.firstName) return { literal: 'others' }
  const name: CslName = { family: creator.lastName ?? '' }
  if (creator.firstName) name.given = creator.firstName
  if (creator.prefix) name['non-dropping-particle'] = creator.prefix
  if (creator.suffix) name.suffix = creator.suffix
  return name
}

/** Its rich-text markup (<i>, <b>, <sup>, <span class="nocase">) is dropped: the yardstick compares text. */
function plainText(value: string): string {
  return value.replace(/<\/?(?:i|b|sup|sub|sc|span|nc)(?:\s[^>]*)?>/g, '')
}

async function retorquereParser(): Promise<Candidate> {
  const module = (await import('@retorquere/bibtex-parser')) as unknown as {
    parse(input: string, options: Record<string, unknown>): BbtLibrary
  }
  return {
    name: '@retorquere/bibtex-parser 9 (+ field writer)',
    families: ['bibtex', 'biblatex'],
    roundTrip(_fileName, text) {
      const library = module.parse(text, { sentenceCase: false, english: false, unsupported: 'ignore' })
      const output = library.entries
        .map((entry) =>
          texEntry(
            entry.type,
            entry.key,
            Object.entries(entry.fields).map(([name, value]) => {
              if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object')
                return { name, value: formatNames((value as BbtCreator[]).map(creatorToCsl)) }
              const text = Array.isArray(value) ? (value as string[]).join(', ') : value
              return { name, value: name === 'url' || name === 'doi' ? text : escapeTex(plainText(text)) }
            }),
          ),
        )
        .join('\n')
      return { output, problems: library.errors.length }
    },
  }
}

export async function CANDIDATES(): Promise<Candidate[]> {
  return [citationJs(), biblatexCslConverter(), await retorquereParser()]
}
