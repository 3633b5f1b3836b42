/**
 * Fuzzing the importer: small sample files of every format it reads (written here), mutated files
 * written to a folder, and a verdict on each line of the import report. Shared by the fuzz test in
 * the unit suite and the longer run of `npm run bench:fuzz`.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportItemResult, ImportReport } from '../../src/common/types'
import { buildPdf } from '../fixtures/pdf/build-pdf'
import { Mutator, type MutationKind } from './mutate'

/** A file to mutate: its name gives the extension the mutated copies keep. */
export interface FuzzSource {
  name: string
  bytes: Buffer
}

export type FuzzOutcome = 'imported' | 'duplicate' | 'skipped' | 'failed' | 'crash' | 'missing'

const PARAGRAPHS = [
  'The harbour authority reopened the northern quay on Monday after a week of repairs to the breakwater.',
  'Ferries to the islands ran on their winter timetable, and the first cargo ship docked before noon.',
  'Портовые власти сообщили, что ремонт волнолома завершён раньше срока, а паромы вернулись к расписанию.',
  'Officials said the cost of the work stayed within the budget agreed with the city council in the spring.',
]

const TITLE = 'The northern quay reopens'

function pageHtml(head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${head}<title>${TITLE}</title>
<meta property="og:site_name" content="Harbour Notes"><meta name="author" content="Anna Smith">
<meta property="article:published_time" content="2026-02-07T09:30:00+03:00"></head>
<body><nav><a href="/">Home</a> <a href="/port">Port</a></nav><article><h1>${TITLE}</h1>
${PARAGRAPHS.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
</article><footer>© Harbour Notes</footer></body></html>
`
}

function mhtml(): string {
  const boundary = '----=_NextPart_000_0000_01DA'
  const body = pageHtml()
    .replace(/=/g, '=3D')
    .replace(/(.{70})/g, '$1=\r\n')
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://harbour.example/quay',
    `Subject: ${TITLE}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-0@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://harbour.example/quay',
    '',
    body,
    `--${boundary}`,
    'Content-Type: text/css',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://harbour.example/style.css',
    '',
    'article p { margin: 0 }',
    `--${boundary}--`,
    '',
  ].join('\r\n')
}

type PlistValue = string | Buffer | PlistValue[] | { [key: string]: PlistValue }

/** A binary property list (bplist00) with one-byte object references and two-byte offsets. */
function binaryPlist(root: PlistValue): Buffer {
  const objects: Buffer[] = []
  const marker = (type: number, length: number): Buffer =>
    length < 15
      ? Buffer.from([(type << 4) | length])
      : Buffer.from([(type << 4) | 0xf, 0x11, length >> 8, length & 0xff])
  const encode = (value: PlistValue): number => {
    const index = objects.push(Buffer.alloc(0)) - 1
    if (typeof value === 'string') {
      const ascii = /^[\x20-\x7e]*$/.test(value)
      const text = ascii ? Buffer.from(value, 'latin1') : Buffer.from(value, 'utf16le').swap16()
      objects[index] = Buffer.concat([marker(ascii ? 0x5 : 0x6, value.length), text])
    } else if (Buffer.isBuffer(value)) {
      objects[index] = Buffer.concat([marker(0x4, value.length), value])
    } else if (Array.isArray(value)) {
      const references = value.map(encode)
      objects[index] = Buffer.concat([marker(0xa, references.length), Buffer.from(references)])
    } else {
      const keys = Object.keys(value).map(encode)
      const values = Object.values(value).map(encode)
      objects[index] = Buffer.concat([marker(0xd, keys.length), Buffer.from([...keys, ...values])])
    }
    return index
  }
  encode(root)
  const header = Buffer.from('bplist00', 'latin1')
  const offsets = Buffer.alloc(objects.length * 2)
  let position = header.length
  objects.forEach((object, index) => {
    offsets.writeUInt16BE(position, index * 2)
    position += object.length
  })
  const trailer = Buffer.alloc(32)
  trailer.writeUInt8(2, 6)
  trailer.writeUInt8(1, 7)
  trailer.writeBigUInt64BE(BigInt(objects.length), 8)
  trailer.writeBigUInt64BE(BigInt(position), 24)
  return Buffer.concat([header, ...objects, offsets, trailer])
}

const BIBTEX = `@article{smith2024quay,
  author = {Smith, Anna and Иванов, Иван},
  title = {The Northern Quay: Repairs and Reopening},
  journal = {Journal of Harbour Studies},
  year = {2024},
  volume = {12},
  number = {3},
  pages = {41--58},
  doi = {10.5555/quay.2024.3},
}

@book{carter2019ports,
  author = {Carter, John},
  title = {Ports of the Caspian},
  publisher = {Routledge},
  address = {London},
  year = {2019},
}
`

const RIS = `TY  - JOUR
AU  - Smith, Anna
TI  - The Northern Quay
T2  - Journal of Harbour Studies
PY  - 2024
VL  - 12
SP  - 41
EP  - 58
DO  - 10.5555/quay.2024.3
ER  - 

TY  - BOOK
AU  - Carter, John
TI  - Ports of the Caspian
PB  - Routledge
CY  - London
PY  - 2019
ER  - 
`

const CSL_JSON = `[
  {
    "id": "smith2024quay",
    "type": "article-journal",
    "title": "The Northern Quay",
    "author": [{ "family": "Smith", "given": "Anna" }],
    "container-title": "Journal of Harbour Studies",
    "issued": { "date-parts": [[2024, 3]] },
    "volume": "12",
    "page": "41-58"
  },
  {
    "id": "carter2019",
    "type": "book",
    "title": "Ports of the Caspian",
    "author": [{ "family": "Carter", "given": "John" }],
    "publisher": "Routledge",
    "issued": { "date-parts": [[2019]] }
  }
]
`

/** One small valid file of every format the importer reads (the export zip is made from an archive). */
export function fuzzSamples(): FuzzSource[] {
  const text = `${TITLE}\n\nHarbour Notes · 7 February 2026\n\n${PARAGRAPHS.join('\n\n')}\n\nShare this article\n`
  return [
    { name: 'page.html', bytes: Buffer.from(pageHtml()) },
    { name: 'page.mhtml', bytes: Buffer.from(mhtml()) },
    {
      name: 'singlefile.html',
      bytes: Buffer.from(
        pageHtml().replace(
          '<!doctype html>',
          '<!DOCTYPE html> <!--\n Page saved with SingleFile \n url: https://harbour.example/quay \n saved date: Sat Feb 07 2026 10:00:00 GMT+0300\n-->',
        ),
      ),
    },
    {
      name: 'page.webarchive',
      bytes: binaryPlist({
        WebMainResource: {
          WebResourceData: Buffer.from(pageHtml()),
          WebResourceMIMEType: 'text/html',
          WebResourceTextEncodingName: 'UTF-8',
          WebResourceURL: 'https://harbour.example/quay',
          WebResourceFrameName: '',
        },
        WebSubresources: [],
      }),
    },
    {
      name: 'paper.pdf',
      bytes: buildPdf(
        [
          PARAGRAPHS.slice(0, 2).map((line, index) => ({
            text: line.slice(0, 90),
            x: 72,
            y: 700 - index * 16,
            size: 11,
          })),
        ],
        {
          info: { Title: TITLE, Author: 'Anna Smith' },
        },
      ),
    },
    { name: 'copy.txt', bytes: Buffer.from(text) },
    { name: 'library.bib', bytes: Buffer.from(BIBTEX) },
    { name: 'library.ris', bytes: Buffer.from(RIS) },
    { name: 'items.json', bytes: Buffer.from(CSL_JSON) },
  ]
}

export interface MutatedFile {
  path: string
  source: string
  kinds: MutationKind[]
}

/**
 * Write `perSource` mutated copies of every source into `dir` (named after the source, keeping its
 * extension), from one seed. Pieces spliced in come from `donors` (by default the sources themselves).
 */
export async function writeMutations(
  dir: string,
  sources: readonly FuzzSource[],
  perSource: number,
  seed: number,
  donors: readonly Buffer[] = sources.map((source) => source.bytes),
): Promise<MutatedFile[]> {
  await mkdir(dir, { recursive: true })
  const mutator = new Mutator(seed, donors)
  const written: MutatedFile[] = []
  for (const [index, source] of sources.entries()) {
    const dot = source.name.lastIndexOf('.')
    const stem = dot > 0 ? source.name.slice(0, dot) : source.name
    const extension = dot > 0 ? source.name.slice(dot) : ''
    for (let n = 0; n < perSource; n++) {
      const { kinds, bytes } = mutator.mutate(source.bytes)
      const path = join(
        dir,
        `${String(index).padStart(3, '0')}-${stem}-${String(n).padStart(4, '0')}${extension}`,
      )
      await writeFile(path, bytes)
      written.push({ path, source: source.name, kinds })
    }
  }
  return written
}

/**
 * Signs that a failure came from a bug rather than from the file: a JavaScript error or a stack, or
 * the catch-all wrappers that only unexpected exceptions reach (the importer's "could not be
 * imported", the extractor's "could not be read"), a crashed or stopped extraction worker, a timeout.
 */
const BUG_SIGNS =
  /\b(?:TypeError|RangeError|ReferenceError|InternalError|AggregateError)\b|Cannot read propert|is not a function|is not iterable|Maximum call stack|\n\s+at |could not be imported \(|: could not be read \(|the extractor (?:crashed|stopped)|took longer than/

/** What became of one file: the worst of its lines (a reference file has one per entry). */
export function outcomeOf(lines: readonly ImportItemResult[]): FuzzOutcome {
  if (lines.length === 0) return 'missing'
  if (lines.some((line) => line.status === 'failed' && BUG_SIGNS.test(line.error ?? ''))) return 'crash'
  if (lines.some((line) => line.status === 'failed')) return 'failed'
  if (lines.some((line) => line.status === 'imported')) return 'imported'
  if (lines.some((line) => line.status === 'duplicate')) return 'duplicate'
  return 'skipped'
}

/** Every file's outcome in one report, with the lines that show a bug. */
export function judgeReport(
  report: ImportReport,
  files: readonly MutatedFile[],
): { counts: Record<FuzzOutcome, number>; bugs: { file: MutatedFile; lines: ImportItemResult[] }[] } {
  const byFile = new Map<string, ImportItemResult[]>()
  for (const item of report.items) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item])
  const counts: Record<FuzzOutcome, number> = {
    imported: 0,
    duplicate: 0,
    skipped: 0,
    failed: 0,
    crash: 0,
    missing: 0,
  }
  const bugs: { file: MutatedFile; lines: ImportItemResult[] }[] = []
  for (const file of files) {
    const lines = byFile.get(file.path) ?? []
    const outcome = outcomeOf(lines)
    counts[outcome] += 1
    if (outcome === 'crash' || outcome === 'missing') bugs.push({ file, lines })
  }
  return { counts, bugs }
}
