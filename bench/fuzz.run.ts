/**
 * Fuzz bench (`npm run bench:fuzz`, after `npm run build`): thousands of mutated files
 * (tests/support/mutate.ts: cut short, bit rot, glued lines, repeated chunks, spliced formats, false
 * byte-order marks) made from the corpus pages of every format (HTML, MHTML, SingleFile, Safari web
 * archives, text copies) and from the PDF and reference-file samples (the corpus has none), imported
 * in batches by the built `lectern import` (extraction workers and their time limit, as users run
 * it) into one archive; then mutated export zips loaded with `lectern import-archive`. Prints the
 * count of each outcome per format, every crash (a failure only a bug produces, a file missing from
 * the report, a stack trace on stderr, an exit code other than 0 or 1, a batch that stalls), and the
 * archive's integrity check. Asserts nothing.
 *
 * BENCH_FUZZ_PER_FORMAT=n   mutated files per format (default 400)
 * BENCH_FUZZ_SEED=n         the mutator's seed (default 20260207)
 * BENCH_FUZZ_KEEP=dir       keep the files that crashed there, to replay them
 * CORPUS_DIR=path           default ../shared/corpus
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import { expect, it } from 'vitest'
import type { ImportReport } from '../src/common/types'
import { DATABASE_FILE } from '../src/main/archive/paths'
import { integrityOf } from '../tests/support/damage'
import {
  fuzzSamples,
  judgeReport,
  writeMutations,
  type FuzzOutcome,
  type FuzzSource,
} from '../tests/support/fuzz'
import { Mutator } from '../tests/support/mutate'
import { buildPdf } from '../tests/fixtures/pdf/build-pdf'
import { innerTextCopy } from './lib/inner-text'
import { formatMs } from './lib/stats'

const PER_FORMAT = Number(process.env.BENCH_FUZZ_PER_FORMAT ?? 400)
const SEED = Number(process.env.BENCH_FUZZ_SEED ?? 20260207)
const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? '../shared/corpus')
const KEEP_DIR = process.env.BENCH_FUZZ_KEEP
const CLI = resolve(__dirname, '..', 'bin', 'lectern.cjs')
const BATCH = 250
const ZIP_MUTATIONS = Math.max(20, Math.round(PER_FORMAT / 2))
/** A batch that runs longer than this is stopped and reported as a hang. */
const BATCH_LIMIT_MS = 15 * 60_000

const OUTCOMES: FuzzOutcome[] = ['imported', 'duplicate', 'skipped', 'failed', 'crash', 'missing']

interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  ms: number
  timedOut: boolean
}

it('fuzz bench', async () => {
  if (!existsSync(resolve(__dirname, '..', 'out', 'main', 'cli.js'))) {
    console.log('The CLI is not built: run `npm run build` first. Skipping the benchmark.')
    return
  }
  const formats = await corpusSources()
  const root = await mkdtemp(join(tmpdir(), 'lectern-fuzz-'))
  const archiveDir = join(root, 'archive')
  const lines: string[] = []
  const print = (line = '') => lines.push(line)
  try {
    print(`Seed ${SEED}; about ${PER_FORMAT} mutated files per format; corpus ${CORPUS_DIR}`)
    for (const [format, sources] of Object.entries(formats))
      print(`  ${format.padEnd(11)} ${sources.length} source file${sources.length === 1 ? '' : 's'}`)
    print()

    const counts: Record<string, Record<FuzzOutcome, number>> = {}
    const crashes: string[] = []
    const kept: string[] = []
    let slowestBatch = 0
    let files = 0
    const started = performance.now()
    const donors = Object.values(formats).flatMap((sources) => sources.map((source) => source.bytes))
    for (const [index, [format, sources]] of Object.entries(formats).entries()) {
      const perSource = Math.max(1, Math.round(PER_FORMAT / sources.length))
      const mutated = await writeMutations(
        join(root, 'mutated', format),
        sources,
        perSource,
        SEED + index,
        donors,
      )
      files += mutated.length
      const row = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<FuzzOutcome, number>
      counts[format] = row
      for (let start = 0; start < mutated.length; start += BATCH) {
        const batch = mutated.slice(start, start + BATCH)
        const run = await lectern([
          'import',
          '--archive',
          archiveDir,
          '--json',
          ...batch.map((file) => file.path),
        ])
        slowestBatch = Math.max(slowestBatch, run.ms)
        const problem = runProblem(run, [0, 1])
        let report: ImportReport | null = null
        try {
          report = JSON.parse(run.stdout) as ImportReport
        } catch {
          crashes.push(`${format}: a batch printed no report (${problem ?? `exit ${run.code}`})`)
        }
        if (problem && report) crashes.push(`${format}: ${problem}`)
        if (!report) continue
        const judged = judgeReport(report, batch)
        for (const outcome of OUTCOMES) row[outcome] += judged.counts[outcome]
        for (const bug of judged.bugs) {
          const why = bug.lines.map((line) => line.error ?? line.status).join(' | ') || 'not in the report'
          crashes.push(`${format} ${basename(bug.file.path)} [${bug.file.kinds.join('+')}]: ${why}`)
          kept.push(bug.file.path)
        }
      }
    }
    const importMs = performance.now() - started

    print(
      `Import: ${files} mutated files with \`lectern import\`, ${BATCH} a run (${formatMs(importMs)} in all, slowest run ${formatMs(slowestBatch)})`,
    )
    print(`  ${'format'.padEnd(11)}${OUTCOMES.map((outcome) => outcome.padStart(10)).join('')}`)
    for (const [format, row] of Object.entries(counts))
      print(`  ${format.padEnd(11)}${OUTCOMES.map((outcome) => String(row[outcome]).padStart(10)).join('')}`)
    const total = (outcome: FuzzOutcome): number =>
      Object.values(counts).reduce((sum, row) => sum + row[outcome], 0)
    print(`  ${'all'.padEnd(11)}${OUTCOMES.map((outcome) => String(total(outcome)).padStart(10)).join('')}`)
    print(
      `Crashes (a bug's failure, a file missing from the report, a stack trace, a hang): ${crashes.length}`,
    )
    for (const crash of crashes.slice(0, 30)) print(`  ${crash.slice(0, 400)}`)
    if (KEEP_DIR && kept.length > 0) {
      await mkdir(KEEP_DIR, { recursive: true })
      for (const file of kept) await copyFile(file, join(KEEP_DIR, basename(file)))
      print(`The files that crashed are kept in ${KEEP_DIR}`)
    }
    print(`Integrity check of the fuzzed archive: ${await integrityOf(join(archiveDir, DATABASE_FILE))}`)
    print()

    const zips = await fuzzExportZips(root, formats)
    print(
      `Export zips: ${ZIP_MUTATIONS} mutated ones through \`lectern import-archive --merge\`: ${zips.loaded} loaded, ` +
        `${zips.refused} refused in plain words, ${zips.crashes.length} crashes`,
    )
    for (const crash of zips.crashes.slice(0, 10)) print(`  ${crash.slice(0, 400)}`)
    print(`Integrity check of the archive the zips went into: ${zips.integrity}`)
  } finally {
    console.log(lines.join('\n'))
    await rm(root, { recursive: true, force: true })
  }
  expect(lines.length).toBeGreaterThan(0)
})

/** Run the built CLI; a run over BATCH_LIMIT_MS is killed. */
function lectern(args: string[]): Promise<CliRun> {
  const started = performance.now()
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let timedOut = false
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, BATCH_LIMIT_MS)
  return new Promise((resolveRun) =>
    child.on('close', (code) => {
      clearTimeout(timer)
      resolveRun({ code, stdout, stderr, ms: performance.now() - started, timedOut })
    }),
  )
}

/** What is wrong with a run beyond its report: a hang, an unexpected exit code, a stack trace. */
function runProblem(run: CliRun, expectedCodes: readonly number[]): string | null {
  if (run.timedOut) return `the run took over ${formatMs(BATCH_LIMIT_MS)} and was stopped`
  if (run.code === null || !expectedCodes.includes(run.code))
    return `exit code ${run.code}: ${run.stderr.slice(-300)}`
  if (/\n\s+at |TypeError|RangeError|internal error/.test(run.stderr))
    return `stderr: ${run.stderr.slice(0, 300)}`
  return null
}

async function fuzzExportZips(
  root: string,
  formats: Record<string, FuzzSource[]>,
): Promise<{ loaded: number; refused: number; crashes: string[]; integrity: string }> {
  const sourceDir = join(root, 'zip-pages')
  await mkdir(sourceDir)
  for (const format of ['html', 'mhtml', 'text', 'references'])
    for (const file of (formats[format] ?? []).slice(0, 3))
      await writeFile(join(sourceDir, file.name), file.bytes)
  const zip = join(root, 'export.zip')
  await lectern(['import', '--archive', join(root, 'zip-source'), sourceDir])
  await lectern(['export', '--archive', join(root, 'zip-source'), zip])
  const bytes = await readFile(zip)
  const mutator = new Mutator(
    SEED,
    Object.values(formats).flatMap((sources) => sources.map((s) => s.bytes)),
  )
  const target = join(root, 'zip-target')
  const outcome = { loaded: 0, refused: 0, crashes: [] as string[], integrity: '' }
  for (let n = 0; n < ZIP_MUTATIONS; n++) {
    const file = join(root, `export-${n}.zip`)
    const mutated = mutator.mutate(bytes)
    await writeFile(file, mutated.bytes)
    const run = await lectern(['import-archive', '--archive', target, '--merge', '--json', file])
    const problem = runProblem(run, [0, 1])
    const failure =
      run.code === 1
        ? (JSON.parse(run.stdout || '{}') as { error?: { code: string; message: string } }).error
        : undefined
    if (problem) outcome.crashes.push(`export-${n}.zip [${mutated.kinds.join('+')}]: ${problem}`)
    else if (run.code === 0) outcome.loaded += 1
    else if (!failure || failure.code === 'internal')
      outcome.crashes.push(
        `export-${n}.zip [${mutated.kinds.join('+')}]: ${failure?.message ?? run.stdout.slice(0, 300)}`,
      )
    else outcome.refused += 1
    await rm(file, { force: true })
  }
  outcome.integrity = await integrityOf(join(target, DATABASE_FILE))
  return outcome
}

/** Source files by format: corpus pages, text copies of them, and the samples for what the corpus lacks. */
async function corpusSources(): Promise<Record<string, FuzzSource[]>> {
  const samples = fuzzSamples()
  const sample = (name: string): FuzzSource[] => samples.filter((source) => source.name === name)
  const html: FuzzSource[] = []
  for (const name of spread(await list(join(CORPUS_DIR, 'readability-pages')), 12)) {
    const file = join(CORPUS_DIR, 'readability-pages', name, 'source.html')
    if (existsSync(file)) html.push({ name: `${name}.html`, bytes: await readFile(file) })
  }
  for (const name of spread(
    (await list(join(CORPUS_DIR, 'ru-pages', 'pages'))).filter((n) => n.endsWith('.html')),
    4,
  ))
    html.push({ name, bytes: await readFile(join(CORPUS_DIR, 'ru-pages', 'pages', name)) })
  for (const country of spread(await list(join(CORPUS_DIR, 'fundus-pages', 'test_data')), 4)) {
    const folder = join(CORPUS_DIR, 'fundus-pages', 'test_data', country)
    const page = (await list(folder)).find((n) => n.endsWith('.html.gz'))
    if (page)
      html.push({ name: page.replace(/\.gz$/, ''), bytes: gunzipSync(await readFile(join(folder, page))) })
  }
  const mhtml = await filesIn(join(CORPUS_DIR, 'mhtml-pages', 'pages'), /\.mht(ml)?$/)
  const singlefile = await filesIn(join(CORPUS_DIR, 'singlefile-pages', 'pages'), /\.html$/)
  const webarchive = await filesIn(join(CORPUS_DIR, 'webarchive-pages', 'pages'), /\.webarchive$/)
  const seed = join(CORPUS_DIR, 'seed', 'caliber-az-vance-visit.txt')
  const text: FuzzSource[] = [
    ...(existsSync(seed) ? [{ name: 'seed.txt', bytes: await readFile(seed) }] : []),
    ...html.slice(0, 6).map((page) => ({
      name: page.name.replace(/\.html$/, '.txt'),
      bytes: Buffer.from(innerTextCopy(page.bytes.toString('utf8'))),
    })),
    ...sample('copy.txt'),
  ]
  const referencesDir = resolve(__dirname, '..', 'tests', 'fixtures', 'references')
  const references = [
    ...(await filesIn(referencesDir, /\.(bib|ris|json)$/)),
    ...sample('library.bib'),
    ...sample('library.ris'),
    ...sample('items.json'),
  ]
  const pdf = [
    ...sample('paper.pdf'),
    {
      name: 'report.pdf',
      bytes: buildPdf(
        [0, 1, 2].map((page) =>
          Array.from({ length: 30 }, (_, line) => ({
            text: `Page ${page + 1}, line ${line + 1}: the committee reviewed the harbour accounts for the year.`,
            x: 72,
            y: 720 - line * 20,
            size: 11,
          })),
        ),
        { info: { Title: 'Harbour accounts', Author: 'The Harbour Committee' } },
      ),
    },
  ]
  return { html: [...html, ...sample('page.html')], mhtml, singlefile, webarchive, text, pdf, references }
}

/** Up to `count` items spread evenly over `items` (a deterministic choice). */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items]
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)] as T)
}

async function list(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir)).sort() : []
}

async function filesIn(dir: string, pattern: RegExp): Promise<FuzzSource[]> {
  const names = (await list(dir)).filter((name) => pattern.test(name))
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })))
}
