/**
 * Reference file round trips (`npm run bench:references -- DIR`): every .bib/.ris/.json/.txt file
 * under DIR goes through read -> write in the same format -> read, by our readers and writers and by
 * the candidate packages, and the figures are printed per format and overall: entries, fields present
 * in the input, fields kept, citation keys kept, entries lost, problems reported, crashes, and the time
 * spent reading and writing (after an untimed warm-up pass). Prints figures; asserts nothing about time.
 *
 * One yardstick for everyone: the input and every output are taken apart by the same syntax readers
 * (bibtex-syntax.ts, repeated fields counted; the RIS line reader), entries are matched by citation
 * key (by position where a
 * file has none), and a field is kept when the output entry has a field of the same name (BibTeX) or
 * tag (RIS) with the same value after TeX is decoded, whitespace collapsed, names compared part by
 * part, months and page dashes read as such ("fields kept"); stricter, "as written" counts fields
 * whose text is the same as written, braces and runs of whitespace aside. A field renamed ("journal"
 * written as "journaltitle", "T1" as "TI") counts as lost. Packages that only read get our writer behind them, so the figure is
 * what their reading keeps.
 *
 * BENCH_READERS=lectern,citation-js   only the readers whose names start so (all by default)
 * BENCH_VERBOSE=1                     also a line per file that loses fields, and each crash
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { expect, it } from 'vitest'
import { parse as astrociteBibtex } from 'astrocite-bibtex'
import { parse as astrociteRis } from 'astrocite-ris'
import type { CslItem, CslName } from '../src/common/csl'
import { unescapeVerbatim } from '../src/main/archive/citations/formats/bibtex-values'
import { toBiblatex, toBibtex } from '../src/main/archive/citations/formats/bibtex-writer'
import { parseNames } from '../src/main/archive/citations/formats/bibtex-names'
import { parseBibtexSyntax } from '../src/main/archive/citations/formats/bibtex-syntax'
import { monthNumber } from '../src/main/archive/citations/formats/dates'
import { readReferences, sniffReferenceText } from '../src/main/archive/citations/formats/read'
import { parseRisSyntax, risDateParts, risNameToCsl, toRis } from '../src/main/archive/citations/formats/ris'
import { decodeTex } from '../src/main/archive/citations/formats/tex'
import { Archive } from '../src/main/archive/api'
import { CANDIDATES, type Candidate } from './lib/reference-candidates'

type Family = 'bibtex' | 'biblatex' | 'ris'

/** An entry as the yardstick sees it: key and fields (a tag may repeat in RIS). */
interface Inventory {
  key: string
  /** Name or tag, the value as compared, the value as written (braces and whitespace runs taken out). */
  fields: [string, string, string][]
}

interface Tally {
  files: number
  entries: number
  fields: number
  fieldsKept: number
  fieldsAsWritten: number
  keys: number
  keysKept: number
  entriesLost: number
  problems: number
  crashes: number
  ms: number
  lostByField: Map<string, number>
}

const NAME_FIELDS = new Set([
  'author',
  'editor',
  'translator',
  'bookauthor',
  'editora',
  'editorb',
  'editorc',
  'commentator',
  'annotator',
  'introduction',
  'foreword',
  'afterword',
  'holder',
])
const RIS_NAME_TAGS = new Set(['AU', 'A1', 'A2', 'A3', 'A4', 'ED', 'TA'])
const RIS_DATE_TAGS = new Set(['PY', 'Y1', 'DA', 'Y2'])

function nameKey(name: CslName): string {
  if (name.literal !== undefined && !name.family) return `lit:${name.literal}`
  const family = [name['non-dropping-particle'] ?? name['dropping-particle'], name.family]
    .filter(Boolean)
    .join(' ')
  return [family, name.given ?? '', name.suffix ?? ''].join('|')
}

/** The text of a value as written, with only braces and runs of whitespace taken out. */
function loose(text: string): string {
  return text.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim()
}

function plain(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** The value of a field as the comparison sees it. */
function bibValue(name: string, raw: string): string {
  if (NAME_FIELDS.has(name)) return parseNames(raw).map(nameKey).join(' & ')
  if (name === 'url' || name === 'doi') return unescapeVerbatim(raw)
  if (name === 'month') {
    const text = decodeTex(raw)
    return String(monthNumber(text) ?? plain(text))
  }
  const text = plain(decodeTex(raw))
  return name === 'pages' ? text.replace(/\s*[–—-]+\s*/g, '-') : text
}

function risValue(tag: string, raw: string): string {
  if (RIS_NAME_TAGS.has(tag)) return nameKey(risNameToCsl(raw))
  if (RIS_DATE_TAGS.has(tag)) return (risDateParts(raw) ?? [plain(raw)]).join('/')
  return plain(raw)
}

function bibInventory(text: string): Inventory[] {
  return parseBibtexSyntax(text)
    .entries.filter((entry) => entry.type !== 'xdata')
    .map((entry) => ({
      key: entry.key,
      fields: [...entry.fields, ...entry.duplicates]
        .filter((field) => field.value.trim() !== '')
        .map((field): [string, string, string] => [
          field.name,
          bibValue(field.name, field.value),
          loose(field.value),
        ]),
    }))
}

function risInventory(text: string): Inventory[] {
  return parseRisSyntax(text).records.map((record) => {
    const fields: [string, string, string][] = []
    for (const [tag, values] of record.tags)
      for (const value of values)
        if (tag !== 'ID' && value.trim() !== '') fields.push([tag, risValue(tag, value), loose(value)])
    return { key: record.tags.get('ID')?.[0] ?? '', fields }
  })
}

function inventory(family: Family, text: string): Inventory[] {
  return family === 'ris' ? risInventory(text) : bibInventory(text)
}

/** Pairs each input entry with an output entry: same key, else the next unmatched one in order. */
function compare(input: Inventory[], output: Inventory[], tally: Tally): void {
  const byKey = new Map<string, Inventory[]>()
  for (const entry of output) if (entry.key) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry])
  const used = new Set<Inventory>()
  let cursor = 0
  for (const entry of input) {
    tally.entries++
    tally.fields += entry.fields.length
    if (entry.key) tally.keys++
    let match = entry.key ? byKey.get(entry.key)?.find((candidate) => !used.has(candidate)) : undefined
    if (match && entry.key) tally.keysKept++
    if (!match && !entry.key) {
      while (cursor < output.length && used.has(output[cursor]!)) cursor++
      match = output[cursor]
    }
    if (!match) {
      tally.entriesLost++
      for (const [name] of entry.fields) tally.lostByField.set(name, (tally.lostByField.get(name) ?? 0) + 1)
      continue
    }
    used.add(match)
    const remaining = [...match.fields]
    const unchanged = [...match.fields]
    for (const [name, value, written] of entry.fields) {
      const index = remaining.findIndex(
        ([otherName, otherValue]) => otherName === name && otherValue === value,
      )
      if (index >= 0) {
        remaining.splice(index, 1)
        tally.fieldsKept++
      } else tally.lostByField.set(name, (tally.lostByField.get(name) ?? 0) + 1)
      const same = unchanged.findIndex(
        ([otherName, , otherText]) => otherName === name && otherText === written,
      )
      if (same >= 0) {
        unchanged.splice(same, 1)
        tally.fieldsAsWritten++
      }
    }
  }
}

function emptyTally(): Tally {
  return {
    files: 0,
    entries: 0,
    fields: 0,
    fieldsKept: 0,
    fieldsAsWritten: 0,
    keys: 0,
    keysKept: 0,
    entriesLost: 0,
    problems: 0,
    crashes: 0,
    ms: 0,
    lostByField: new Map(),
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) return listFiles(path)
      return /\.(bib|bibtex|biblatex|ris|txt|json)$/i.test(name) ? [path] : []
    })
}

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Ours: readReferences, then the writer of the same format. */
const OURS: Candidate = {
  name: 'lectern',
  families: ['bibtex', 'biblatex', 'ris'],
  roundTrip(fileName, text, family) {
    const read = readReferences(fileName, text)
    const write = family === 'ris' ? toRis : family === 'biblatex' ? toBiblatex : toBibtex
    return { output: write(read.items), problems: read.problems.length }
  },
}

/** Ours as `lectern cite --format bibtex` exports any .bib: BibLaTeX files through the BibTeX writer too. */
const OURS_AS_BIBTEX: Candidate = {
  name: 'lectern, every .bib exported as BibTeX',
  families: ['bibtex', 'biblatex'],
  roundTrip(fileName, text) {
    const read = readReferences(fileName, text)
    return { output: toBibtex(read.items), problems: read.problems.length }
  },
}

/**
 * Ours through the archive, as a user (and the outside check) does it: `lectern import FILE --list
 * NAME`, then `lectern cite --list NAME --format bibtex|ris`. One archive for every file, as a user
 * would keep: an entry the archive already has (by its identifiers, title, authors, year and container)
 * is added to the list as the stored item.
 */
function throughTheArchive(): Candidate & { close(): Promise<void> } {
  let opened: Promise<{ archive: Archive; dir: string }> | null = null
  let listNumber = 0
  return {
    name: 'lectern archive (import --list, cite --list)',
    families: ['bibtex', 'biblatex', 'ris'],
    async roundTrip(fileName, text, family) {
      opened ??= mkdtemp(join(tmpdir(), 'lectern-bench-refs-')).then(async (dir) => ({
        dir,
        archive: await Archive.open({ dir }),
      }))
      const { archive } = await opened
      const list = `round trip ${++listNumber}`
      const report = await archive.importFiles({
        files: [{ name: basename(fileName), dataBase64: Buffer.from(text).toString('base64') }],
        list,
      })
      const format = family === 'ris' ? 'ris' : 'bibtex'
      const output =
        report.list === undefined
          ? ''
          : (await archive.formatCitations({ listId: report.list.id, format })).output
      return { output, problems: report.items.filter((item) => item.status === 'failed').length }
    },
    async close() {
      if (!opened) return
      const { archive, dir } = await opened
      await archive.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Parsers that only read: their CSL items written by our writer of the same family. */
const READ_ONLY: Candidate[] = [
  {
    name: 'astrocite (+ our writer)',
    families: ['bibtex', 'biblatex', 'ris'],
    roundTrip(_fileName, text, family) {
      const items = (family === 'ris' ? astrociteRis(text) : astrociteBibtex(text)) as unknown as CslItem[]
      const write = family === 'ris' ? toRis : family === 'biblatex' ? toBiblatex : toBibtex
      const keyed = items.map((item, index) => {
        const id = String(item.id ?? index)
        return { ...item, id, 'citation-key': id }
      })
      return { output: write(keyed), problems: 0 }
    },
  },
]

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`
}

function row(label: string, tally: Tally): string {
  return [
    label.padEnd(34),
    String(tally.files).padStart(5),
    String(tally.entries).padStart(7),
    String(tally.fields).padStart(7),
    `${tally.fieldsKept} (${percent(tally.fieldsKept, tally.fields)})`.padStart(16),
    `${tally.fieldsAsWritten} (${percent(tally.fieldsAsWritten, tally.fields)})`.padStart(16),
    `${tally.keysKept}/${tally.keys} (${percent(tally.keysKept, tally.keys)})`.padStart(20),
    String(tally.entriesLost).padStart(6),
    String(tally.problems).padStart(8),
    String(tally.crashes).padStart(7),
    tally.ms.toFixed(0).padStart(8),
  ].join(' ')
}

function add(into: Tally, from: Tally): void {
  for (const key of [
    'files',
    'entries',
    'fields',
    'fieldsKept',
    'fieldsAsWritten',
    'keys',
    'keysKept',
    'entriesLost',
    'problems',
    'crashes',
    'ms',
  ] as const)
    into[key] += from[key]
  for (const [name, count] of from.lostByField)
    into.lostByField.set(name, (into.lostByField.get(name) ?? 0) + count)
}

/** The family a file belongs to, by its content (BibTeX or BibLaTeX as our reader tells them apart). */
function familyOf(path: string, text: string): Family | null {
  const format = sniffReferenceText(path, text)
  if (format === 'csl-json' || format === null) return null
  if (format === 'ris') return 'ris'
  try {
    return readReferences(path, text).format === 'biblatex' ? 'biblatex' : 'bibtex'
  } catch {
    return 'bibtex'
  }
}

/**
 * The yardstick counts the input with our syntax reader; Better BibTeX's parser counts it too, so an
 * entry or field our reader does not see would show as a difference here.
 */
async function crossCheckInput(files: { text: string }[]): Promise<void> {
  const { parse } = (await import('@retorquere/bibtex-parser')) as unknown as {
    parse(text: string, options: Record<string, unknown>): { entries: { fields: Record<string, unknown> }[] }
  }
  let ourEntries = 0
  let ourFields = 0
  let theirEntries = 0
  let theirFields = 0
  for (const file of files) {
    const ours = bibInventory(file.text)
    ourEntries += ours.length
    ourFields += ours.reduce((sum, entry) => sum + entry.fields.length, 0)
    const theirs = parse(file.text, {
      raw: true,
      applyCrossRef: false,
      sentenceCase: false,
      english: false,
      unsupported: 'ignore',
    }).entries
    theirEntries += theirs.length
    theirFields += theirs.reduce((sum, entry) => sum + Object.keys(entry.fields).length, 0)
  }
  console.log(
    `BibTeX input as the yardstick reads it: ${ourEntries} entries, ${ourFields} fields; ` +
      `as @retorquere/bibtex-parser reads it: ${theirEntries} entries, ${theirFields} fields`,
  )
}

const DIR = process.env.REFERENCES_DIR

it('round-trips reference files', async () => {
  if (!DIR) {
    console.log('usage: npm run bench:references -- DIR (a folder of .bib, .ris and CSL-JSON files)')
    return
  }
  const root = resolve(DIR)
  const files = listFiles(root).map((path) => {
    const text = decode(readFileSync(path))
    return { path, text, family: familyOf(path, text) }
  })
  await crossCheckInput(files.filter((file) => file.family === 'bibtex' || file.family === 'biblatex'))
  const only = process.env.BENCH_READERS?.split(',').map((prefix) => prefix.trim())
  const archiveTrip = throughTheArchive()
  const candidates = [OURS, OURS_AS_BIBTEX, archiveTrip, ...READ_ONLY, ...(await CANDIDATES())].filter(
    (candidate) => !only || only.some((prefix) => candidate.name.startsWith(prefix)),
  )
  const verbose = process.env.BENCH_VERBOSE === '1'
  const header = [
    'reader'.padEnd(34),
    'files'.padStart(5),
    'entries'.padStart(7),
    'fields'.padStart(7),
    'fields kept'.padStart(16),
    'as written'.padStart(16),
    'keys kept'.padStart(20),
    'lost'.padStart(6),
    'problems'.padStart(8),
    'crashes'.padStart(7),
    'ms'.padStart(8),
  ].join(' ')
  const families: Family[] = ['bibtex', 'biblatex', 'ris']
  for (const candidate of candidates) {
    // One untimed pass over a few files first, so no reader pays for the JIT warming up.
    for (const file of files.slice(0, 20))
      if (file.family && candidate.families.includes(file.family))
        try {
          await candidate.roundTrip(file.path, file.text, file.family)
        } catch {
          // Crashes are counted in the measured pass.
        }
    const overall = emptyTally()
    const lines: string[] = []
    for (const family of families) {
      if (!candidate.families.includes(family)) continue
      const tally = emptyTally()
      for (const file of files.filter((each) => each.family === family)) {
        tally.files++
        const input = inventory(family, file.text)
        const fileTally = emptyTally()
        try {
          const started = performance.now()
          const result = await candidate.roundTrip(relative(root, file.path), file.text, family)
          fileTally.ms += performance.now() - started
          fileTally.problems += result.problems
          compare(input, inventory(family, result.output), fileTally)
        } catch (error) {
          fileTally.crashes++
          compare(input, [], fileTally)
          if (verbose)
            console.log(`${candidate.name} crashed on ${relative(root, file.path)}: ${String(error)}`)
        }
        if (verbose && fileTally.fieldsKept < fileTally.fields)
          console.log(
            `${candidate.name} ${relative(root, file.path)}: ${fileTally.fieldsKept}/${fileTally.fields} fields, ${fileTally.keysKept}/${fileTally.keys} keys`,
          )
        fileTally.files = 0
        add(tally, fileTally)
      }
      lines.push(row(`  ${family}`, tally))
      add(overall, tally)
    }
    console.log(`\n${candidate.name}\n${header}\n${lines.join('\n')}\n${row('  overall', overall)}`)
    const lost = [...overall.lostByField].sort((a, b) => b[1] - a[1]).slice(0, 12)
    if (lost.length > 0)
      console.log(`  most lost: ${lost.map(([name, count]) => `${name} ${count}`).join(', ')}`)
  }
  await archiveTrip.close()
  expect(files.length).toBeGreaterThan(0)
})
