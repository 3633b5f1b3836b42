/**
 * Extraction snapshot (`npm run bench:snapshot`): runs the extractor `lectern extract` runs
 * (extractDocument) over every page of every folder of the shared corpus and records everything it
 * returns, so a change meant to keep extraction as it is can be checked page by page.
 *
 *   npm run bench:snapshot -- OUT.jsonl [--with PATH]...     write a snapshot of the current code
 *   npm run bench:snapshot -- --compare BEFORE.jsonl [AFTER.jsonl] [--with PATH]...
 *                                                           compare two snapshots; without AFTER, the
 *                                                           current code's snapshot is taken and compared
 *
 * A page is every file under ../shared/corpus (CORPUS_DIR overrides) named .html, .htm, .xhtml, .mht,
 * .mhtml, .webarchive, .pdf or .txt, gzipped or not, outside gold/ and LICENSES/ folders and other than
 * readability-pages' expected.html. Each page that reads as HTML is also extracted as the text copy a
 * browser's select-all + copy would give (the plain-text reader's input). `--with PATH` adds files or
 * folders from elsewhere (PDFs, fixtures). One JSON line per page and form: {page, form, ...fields}
 * with every field of the extracted article, contentText and contentHtml in full, or {page, form, error}.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, join, relative, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { extractDocument } from '../src/main/archive/extract/index'
import { innerTextCopy } from './lib/inner-text'
import { pageHtml } from './lib/page-html'

const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? '../shared/corpus')
const PAGE_FILE = /\.(?:html?|xhtml|mht|mhtml|webarchive|pdf|txt)(?:\.gz)?$/i
const SKIPPED_FOLDERS = new Set(['gold', 'LICENSES'])
/** Differing pages whose fields are shown in full; the rest are only counted and named. */
const SHOWN_DIFFERENCES = 5
const NAMED_DIFFERENCES = 30
const DIFF_CONTEXT = 60

interface SnapshotLine {
  page: string
  form: 'file' | 'text copy'
  [field: string]: unknown
}

interface PageFile {
  /** Where the page is shown in the snapshot: its path under the corpus (or as given with --with). */
  label: string
  /** The group it is counted in: the corpus folder, or "with". */
  group: string
  path: string
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...(await walk(path)))
    } else if (PAGE_FILE.test(entry.name) && entry.name !== 'expected.html') found.push(path)
  }
  return found
}

async function corpusPages(): Promise<PageFile[]> {
  const pages: PageFile[] = []
  for (const folder of (await readdir(CORPUS_DIR, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    for (const path of await walk(join(CORPUS_DIR, folder)))
      pages.push({ label: relative(CORPUS_DIR, path), group: folder, path })
  }
  return pages
}

async function extraPages(paths: readonly string[]): Promise<PageFile[]> {
  const pages: PageFile[] = []
  for (const given of paths) {
    const path = resolve(given)
    if (!existsSync(path)) throw new Error(`--with ${given}: no such file or folder`)
    const files = (await stat(path)).isDirectory() ? await walk(path) : [path]
    for (const file of files) pages.push({ label: `with:${file}`, group: 'with', path: file })
  }
  return pages
}

async function extractLine(page: string, form: SnapshotLine['form'], name: string, bytes: Uint8Array) {
  try {
    return { page, form, ...(await extractDocument({ name, bytes })) }
  } catch (error) {
    return { page, form, error: error instanceof Error ? error.message : String(error) }
  }
}

/** The snapshot of the current code, one line per page and form, with counts per group. */
async function takeSnapshot(withPaths: readonly string[]): Promise<string[]> {
  const pages = [...(await corpusPages()), ...(await extraPages(withPaths))]
  const lines: string[] = []
  const counts = new Map<string, { files: number; copies: number; failed: number }>()
  for (const page of pages) {
    const raw = await readFile(page.path)
    const gzipped = page.path.toLowerCase().endsWith('.gz')
    const bytes = gzipped ? gunzipSync(raw) : raw
    const name = basename(page.path).replace(/\.gz$/i, '')
    const count = counts.get(page.group) ?? { files: 0, copies: 0, failed: 0 }
    counts.set(page.group, count)
    const file = await extractLine(page.label, 'file', name, bytes)
    lines.push(JSON.stringify(file))
    count.files++
    if ('error' in file) count.failed++
    const html = pageHtml(bytes)
    if (html === null) continue
    const copy = await extractLine(
      page.label,
      'text copy',
      name.replace(/\.[^.]+$/, '.txt'),
      Buffer.from(innerTextCopy(html), 'utf8'),
    )
    lines.push(JSON.stringify(copy))
    count.copies++
    if ('error' in copy) count.failed++
  }
  for (const [group, count] of counts)
    console.log(
      `${group.padEnd(22)} ${String(count.files).padStart(5)} pages, ${String(count.copies).padStart(5)} text copies, ${count.failed} not extracted`,
    )
  return lines
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

function keyOf(line: SnapshotLine): string {
  return `${line.page} [${line.form}]`
}

function parseSnapshot(text: string, file: string): Map<string, SnapshotLine> {
  const byKey = new Map<string, SnapshotLine>()
  for (const [index, raw] of text.split('\n').entries()) {
    if (!raw.trim()) continue
    let line: SnapshotLine
    try {
      line = JSON.parse(raw) as SnapshotLine
    } catch {
      throw new Error(`${file}: line ${index + 1} is not JSON`)
    }
    byKey.set(keyOf(line), line)
  }
  return byKey
}

/** Where two strings first differ, with some text around it from each. */
function shortDiff(before: string, after: string): string {
  let at = 0
  while (at < before.length && at < after.length && before[at] === after[at]) at++
  const from = Math.max(0, at - DIFF_CONTEXT)
  const show = (text: string): string => JSON.stringify(text.slice(from, at + DIFF_CONTEXT))
  return `at character ${at} (lengths ${before.length} / ${after.length}):\n        - ${show(before)}\n        + ${show(after)}`
}

function fieldDiff(before: unknown, after: unknown): string {
  if (typeof before === 'string' && typeof after === 'string') return shortDiff(before, after)
  return `\n        - ${JSON.stringify(before)?.slice(0, 300)}\n        + ${JSON.stringify(after)?.slice(0, 300)}`
}

function compare(beforeText: string, afterText: string, beforeName: string, afterName: string): number {
  const before = parseSnapshot(beforeText, beforeName)
  const after = parseSnapshot(afterText, afterName)
  const missing = [...before.keys()].filter((key) => !after.has(key))
  const added = [...after.keys()].filter((key) => !before.has(key))
  const differing: Array<{ key: string; fields: string[] }> = []
  for (const [key, old] of before) {
    const now = after.get(key)
    if (!now) continue
    const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
      (field) => JSON.stringify(old[field]) !== JSON.stringify(now[field]),
    )
    if (fields.length > 0) differing.push({ key, fields })
  }
  const identical = sha256(beforeText) === sha256(afterText)
  console.log(
    `\n${before.size} entries before, ${after.size} after: ${differing.length} differ, ${missing.length} missing, ${added.length} new` +
      (identical ? ' (the two snapshots are byte-identical)' : ''),
  )
  for (const [index, { key, fields }] of differing.slice(0, NAMED_DIFFERENCES).entries()) {
    console.log(`  ${key}: ${fields.join(', ')}`)
    if (index >= SHOWN_DIFFERENCES) continue
    const old = before.get(key)
    const now = after.get(key)
    for (const field of fields) console.log(`      ${field} ${fieldDiff(old?.[field], now?.[field])}`)
  }
  if (differing.length > NAMED_DIFFERENCES)
    console.log(`  … and ${differing.length - NAMED_DIFFERENCES} more`)
  for (const key of missing.slice(0, NAMED_DIFFERENCES)) console.log(`  missing: ${key}`)
  for (const key of added.slice(0, NAMED_DIFFERENCES)) console.log(`  new: ${key}`)
  return differing.length + missing.length + added.length
}

interface Arguments {
  compare: boolean
  files: string[]
  withPaths: string[]
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed: Arguments = { compare: false, files: [], withPaths: [] }
  for (let at = 0; at < argv.length; at++) {
    const argument = argv[at] ?? ''
    if (argument === '--compare') parsed.compare = true
    else if (argument === '--with') {
      const path = argv[++at]
      if (!path) throw new Error('--with needs a file or folder')
      parsed.withPaths.push(path)
    } else if (argument.startsWith('-')) throw new Error(`unknown option ${argument}`)
    else parsed.files.push(argument)
  }
  const wanted = parsed.compare ? [1, 2] : [1]
  if (!wanted.includes(parsed.files.length))
    throw new Error(
      'usage: bench:snapshot -- OUT.jsonl [--with PATH]...  |  --compare BEFORE.jsonl [AFTER.jsonl] [--with PATH]...',
    )
  return parsed
}

async function main(argv: readonly string[]): Promise<number> {
  let options: Arguments
  try {
    options = parseArguments(argv)
  } catch (error) {
    console.error(`bench:snapshot: ${(error as Error).message}`)
    return 2
  }
  if (!existsSync(CORPUS_DIR)) {
    console.error(
      `bench:snapshot: the corpus is missing at ${CORPUS_DIR} (set CORPUS_DIR to where ../shared/corpus is); nothing was extracted`,
    )
    return 1
  }
  const [first = '', second] = options.files
  if (!options.compare) {
    const lines = await takeSnapshot(options.withPaths)
    await writeFile(first, `${lines.join('\n')}\n`)
    console.log(`${lines.length} entries written to ${first}`)
    return 0
  }
  const beforeText = await readFile(first, 'utf8')
  const afterText = second
    ? await readFile(second, 'utf8')
    : `${(await takeSnapshot(options.withPaths)).join('\n')}\n`
  return compare(beforeText, afterText, first, second ?? 'the current code') === 0 ? 0 : 1
}

process.exitCode = await main(process.argv.slice(3)).catch((error: unknown) => {
  console.error(`bench:snapshot: ${error instanceof Error ? error.message : String(error)}`)
  return 1
})
