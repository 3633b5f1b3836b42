/**
 * Extraction benchmark (`npm run bench:extract`). For each corpus with gold it prints our body
 * scores next to Readability+linkedom's on the same pages in the same run, the mean time per page of
 * both, metadata exact-match rates, the same for text copies of the pages (innerText as select-all +
 * copy gives it, approximated with linkedom), and import throughput through Archive.importPaths.
 * Prints figures; asserts nothing about time.
 *
 * Body score: the article-extraction-benchmark metric: 4-word shingles (multisets) over normalised
 * tokens (NFKC, lower case, \w+ runs); precision and recall per page, averaged over pages; F1 of
 * the mean precision and mean recall. Corpora whose gold gives only the body's first and last words
 * (ru-pages, mhtml-pages, ...) are scored by how often both are found in the extracted text, and,
 * where they are, by the share of the kept text that lies outside that span (page chrome kept);
 * trafilatura-eval-ru by its must-contain / must-not-contain snippets. wcxb-dev (pages of seven kinds:
 * articles, forums, documentation, service pages, listings, collections, products) by its own benchmark's
 * metric (bench/lib/wcxb.ts): word-level F1 per page, mean over pages, in a table per kind.
 *
 * CORPUS_DIR=path        default ../shared/corpus
 * BENCH_IMPORT_PAGES=n   pages for the throughput run (default 1000; 0 skips it)
 * BENCH_TIMING_RUNS=n    timed passes of each extractor over each corpus (default 5), alternating
 *                        whole passes so each pays for its own garbage collection (a small corpus
 *                        is gone through several times per pass); the figures are the median pass;
 *                        0 skips them (the times shown are then the scoring run's)
 * BENCH_CORPORA=a,b      only these corpus folders (default: all of them)
 * BENCH_VERBOSE=1        also prints our precision and recall per page (pages with full-body gold,
 *                        and wcxb-dev's word scores next to Readability's)
 * BENCH_WCXB_HALF=tune|held  only that half of wcxb-dev (bench/lib/wcxb.ts): rules are tuned on one half and
 *                        judged on the other
 * BENCH_TEXT_COPIES=only runs only the Russian and English text-copy tables (bench/lib/text-copies.ts)
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { it } from 'vitest'
import type { ExtractedArticle, PageKind } from '../src/common/types'
import { extractDocument } from '../src/main/archive/extract/index'
import { innerTextCopy } from './lib/inner-text'
import {
  bodyScore,
  f1,
  mean,
  median,
  ms,
  pct,
  sameAuthors,
  sameDay,
  sameText,
  squashSpaces,
} from './lib/extract-scores'
import { pageHtml } from './lib/page-html'
import { buildWorker, throughput } from './lib/throughput'
import {
  KindConfusion,
  PAGE_KINDS,
  type WcxbPage,
  type WordScore,
  authorKey,
  loadWcxbPages,
  type WcxbHalf,
  snippetRate,
  wordScore,
} from './lib/wcxb'
import { benchTextCopies } from './lib/text-copies'

const CORPUS_DIR = resolve(process.env.CORPUS_DIR ?? '../shared/corpus')
const IMPORT_PAGES = Number(process.env.BENCH_IMPORT_PAGES ?? 1000)
const VERBOSE = process.env.BENCH_VERBOSE === '1'
const ONLY_CORPORA = process.env.BENCH_CORPORA ? new Set(process.env.BENCH_CORPORA.split(',')) : null
const TIMING_RUNS = Math.max(0, Number(process.env.BENCH_TIMING_RUNS ?? 5))
const TEXT_COPIES_ONLY = process.env.BENCH_TEXT_COPIES === 'only'
const WCXB_HALF = parseWcxbHalf(process.env.BENCH_WCXB_HALF)
const MIN_PASS_MS = 400

function parseWcxbHalf(value: string | undefined): WcxbHalf | null {
  if (value === undefined || value === '') return null
  if (value === 'tune' || value === 'held') return value
  throw new Error(`BENCH_WCXB_HALF is "${value}": it takes tune or held`)
}

// ---------------------------------------------------------------- extractors

interface Extraction {
  text: string
  title: string | null
  authors: string[]
  date: string | null
  site: string | null
  /** The kind of page Lectern recognised (null for Readability). */
  pageKind: PageKind | null
  ms: number
}

async function runOurs(name: string, bytes: Uint8Array): Promise<Extraction> {
  const started = performance.now()
  const article: ExtractedArticle | null = await extractDocument({ name, bytes }).catch(() => null)
  const elapsed = performance.now() - started
  return {
    text: article?.contentText ?? '',
    title: article?.title ?? null,
    authors: article?.authors ?? [],
    date: article?.publishedAt ?? null,
    site: article?.siteName ?? null,
    pageKind: article?.pageKind ?? null,
    ms: elapsed,
  }
}

type ReadabilityInput = ConstructorParameters<typeof Readability>[0]

function runReadability(bytes: Uint8Array): Extraction {
  const started = performance.now()
  let parsed: ReturnType<Readability['parse']> = null
  try {
    const html = pageHtml(bytes)
    if (html !== null) {
      const { document } = parseHTML(html)
      parsed = new Readability(document as unknown as ReadabilityInput).parse()
    }
  } catch {
    // A page Readability cannot read scores as empty.
  }
  const elapsed = performance.now() - started
  return {
    text: parsed?.textContent ?? '',
    title: parsed?.title ?? null,
    authors: parsed?.byline ? parsed.byline.split(/\s*,\s*|\s+and\s+|\s+и\s+/).filter(Boolean) : [],
    date: parsed?.publishedTime ?? null,
    site: parsed?.siteName ?? null,
    pageKind: null,
    ms: elapsed,
  }
}

// ---------------------------------------------------------------- corpora

interface Page {
  name: string
  bytes: Uint8Array
  /** The full article body, when the gold has it. */
  body?: string
  bodyStart?: string | null
  bodyEnd?: string | null
  title?: string | null
  authors?: string[] | null
  date?: string | null
  site?: string | null
  must?: string[]
  mustNot?: string[]
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

async function fundusPages(): Promise<Page[]> {
  const root = join(CORPUS_DIR, 'fundus-pages')
  const pages: Page[] = []
  for (const file of (await readdir(join(root, 'gold'))).filter((f) => f.endsWith('.json')).sort()) {
    const gold = await readJson<{
      source_html: string
      articleBody: string
      title: string
      authors: string[]
      publishing_date: string | null
    }>(join(root, 'gold', file))
    const bytes = gunzipSync(await readFile(join(root, gold.source_html)))
    pages.push({
      name: `${file.replace(/\.json$/, '')}.html`,
      bytes,
      body: gold.articleBody,
      title: gold.title,
      authors: gold.authors,
      date: gold.publishing_date,
    })
  }
  return pages
}

interface StartEndGold {
  file: string
  title: string | null
  authors: string[] | null
  publishedAt: string | null
  siteName: string | null
  bodyStart: string | null
  bodyEnd: string | null
}

async function startEndPages(folder: string): Promise<Page[]> {
  const root = join(CORPUS_DIR, folder)
  const pages: Page[] = []
  for (const file of (await readdir(join(root, 'gold'))).filter((f) => f.endsWith('.json')).sort()) {
    const gold = await readJson<StartEndGold>(join(root, 'gold', file))
    pages.push({
      name: gold.file,
      bytes: await readFile(join(root, 'pages', gold.file)),
      bodyStart: gold.bodyStart,
      bodyEnd: gold.bodyEnd,
      title: gold.title,
      authors: gold.authors,
      date: gold.publishedAt,
      site: gold.siteName,
    })
  }
  return pages
}

async function trafilaturaPages(): Promise<Page[]> {
  const root = join(CORPUS_DIR, 'trafilatura-eval-ru')
  const entries = await readJson<
    Record<string, { file: string; title: string; date: string; with: string[]; without: string[] }>
  >(join(root, 'evaldata-entry.json'))
  return Promise.all(
    Object.values(entries).map(async (entry) => ({
      name: entry.file,
      bytes: await readFile(join(root, entry.file)),
      title: entry.title,
      date: entry.date,
      must: entry.with,
      mustNot: entry.without,
    })),
  )
}

// ---------------------------------------------------------------- reporting

interface Tally {
  precision: number[]
  recall: number[]
  startEnd: number[]
  /** Share of the kept text outside the gold body, on pages where the body was found. */
  outside: number[]
  snippets: number[]
  ms: number[]
  title: number[]
  authors: number[]
  date: number[]
  site: number[]
}

const emptyTally = (): Tally => ({
  precision: [],
  recall: [],
  startEnd: [],
  outside: [],
  snippets: [],
  ms: [],
  title: [],
  authors: [],
  date: [],
  site: [],
})

function score(tally: Tally, page: Page, result: Extraction, withMetadata: boolean): void {
  tally.ms.push(result.ms)
  const flat = squashSpaces(result.text)
  if (page.body !== undefined) {
    const { precision, recall } = bodyScore(page.body, result.text)
    tally.precision.push(precision)
    tally.recall.push(recall)
  }
  if (page.bodyStart && page.bodyEnd) {
    const start = flat.indexOf(squashSpaces(page.bodyStart))
    const endText = squashSpaces(page.bodyEnd)
    const end = start < 0 ? -1 : flat.indexOf(endText, start)
    tally.startEnd.push(start >= 0 && flat.includes(endText) ? 1 : 0)
    // When the body is found in order, how much of the kept text lies outside it (page chrome).
    if (end >= 0 && flat.length > 0) tally.outside.push(1 - (end + endText.length - start) / flat.length)
  }
  if (page.must && page.mustNot) {
    const hits =
      page.must.filter((snippet) => flat.includes(squashSpaces(snippet))).length +
      page.mustNot.filter((snippet) => !flat.includes(squashSpaces(snippet))).length
    tally.snippets.push(hits / (page.must.length + page.mustNot.length))
  }
  if (!withMetadata) return
  if (page.title) tally.title.push(sameText(result.title, page.title) ? 1 : 0)
  if (page.authors) tally.authors.push(sameAuthors(result.authors, page.authors) ? 1 : 0)
  if (page.date) tally.date.push(sameDay(result.date, page.date) ? 1 : 0)
  if (page.site) tally.site.push(sameText(result.site, page.site) ? 1 : 0)
}

function describe(label: string, tally: Tally): string {
  const parts = [label.padEnd(26)]
  if (tally.precision.length > 0) {
    const precision = mean(tally.precision)
    const recall = mean(tally.recall)
    parts.push(`F1 ${pct(f1(precision, recall))}  P ${pct(precision)}  R ${pct(recall)}`)
  }
  if (tally.startEnd.length > 0)
    parts.push(
      `body start+end found ${tally.startEnd.filter(Boolean).length}/${tally.startEnd.length}` +
        (tally.outside.length > 0 ? `, text outside it ${pct(mean(tally.outside))}` : ''),
    )
  if (tally.snippets.length > 0) parts.push(`snippets right ${pct(mean(tally.snippets))}`)
  parts.push(`${ms(mean(tally.ms))}/page`)
  const rate = (name: string, values: number[]): string | null =>
    values.length > 0 ? `${name} ${values.filter(Boolean).length}/${values.length}` : null
  const metadata = [
    rate('title', tally.title),
    rate('authors', tally.authors),
    rate('date', tally.date),
    rate('site', tally.site),
  ].filter((value): value is string => value !== null)
  if (metadata.length > 0) parts.push(`metadata: ${metadata.join(', ')}`)
  return parts.join('  |  ')
}

/**
 * Median time per page of each extractor over TIMING_RUNS passes through the pages, alternating between the
 * two (the scores come from the first run of each on each page). A pass's time is the sum over its pages.
 * A small corpus is gone through several times per pass, so that a pass lasts long enough for collection
 * costs to even out (about MIN_PASS_MS by the first run's times). Null when BENCH_TIMING_RUNS=0.
 */
async function timedPasses(
  pages: ReadonlyArray<{ name: string; bytes: Uint8Array }>,
  firstRunMsPerPage: number,
): Promise<{ ours: number; readability: number } | null> {
  if (TIMING_RUNS === 0 || pages.length === 0) return null
  const firstRunMs = firstRunMsPerPage * pages.length
  const repeats = Math.min(50, Math.max(1, Math.ceil(MIN_PASS_MS / Math.max(firstRunMs, 1))))
  const oursPasses: number[] = []
  const readabilityPasses: number[] = []
  for (let pass = 0; pass < TIMING_RUNS; pass++) {
    const timeOurs = async (): Promise<void> => {
      let total = 0
      for (let repeat = 0; repeat < repeats; repeat++)
        for (const page of pages) total += (await runOurs(page.name, page.bytes)).ms
      oursPasses.push(total / repeats)
    }
    const timeReadability = (): void => {
      let total = 0
      for (let repeat = 0; repeat < repeats; repeat++)
        for (const page of pages) total += runReadability(page.bytes).ms
      readabilityPasses.push(total / repeats)
    }
    if (pass % 2 === 0) {
      await timeOurs()
      timeReadability()
    } else {
      timeReadability()
      await timeOurs()
    }
  }
  return { ours: median(oursPasses) / pages.length, readability: median(readabilityPasses) / pages.length }
}

const timesLabel = (): string =>
  TIMING_RUNS === 0 ? 'times: first run only' : `times: median of ${TIMING_RUNS} timed passes`

async function benchCorpus(label: string, pages: Page[]): Promise<void> {
  const ours = emptyTally()
  const readability = emptyTally()
  const oursCopy = emptyTally()
  const wholeCopy = emptyTally()
  // One untimed run of each on the first page, so neither pays the other's warm-up (JIT, linkedom).
  const first = pages[0]
  if (first) {
    await runOurs(first.name, first.bytes)
    runReadability(first.bytes)
  }
  for (const [index, page] of pages.entries()) {
    // Alternating who goes first spreads cache and GC effects over both.
    const readabilityFirst = index % 2 === 1
    const theirs = readabilityFirst ? runReadability(page.bytes) : null
    const result = await runOurs(page.name, page.bytes)
    score(ours, page, result, true)
    if (VERBOSE && page.body !== undefined) {
      const { precision, recall } = bodyScore(page.body, result.text)
      console.log(`  ${page.name}  P ${pct(precision)}  R ${pct(recall)}  ${ms(result.ms)}`)
    }
    score(readability, page, theirs ?? runReadability(page.bytes), true)
    const html = pageHtml(page.bytes)
    if (html === null) continue
    const copy = innerTextCopy(html)
    const copyName = page.name.replace(/\.[^.]+$/, '.txt')
    score(oursCopy, page, await runOurs(copyName, Buffer.from(copy, 'utf8')), true)
    score(
      wholeCopy,
      page,
      { text: copy, title: null, authors: [], date: null, site: null, pageKind: null, ms: 0 },
      false,
    )
  }
  const timed = await timedPasses(pages, (mean(ours.ms) + mean(readability.ms)) * 0.5)
  if (timed) {
    ours.ms = pages.map(() => timed.ours)
    readability.ms = pages.map(() => timed.readability)
  }
  console.log(`\n${label}: ${pages.length} pages (${timesLabel()})`)
  console.log(`  ${describe('Lectern (page)', ours)}`)
  console.log(`  ${describe('Readability+linkedom', readability)}`)
  const ratio = mean(readability.ms) > 0 ? mean(ours.ms) / mean(readability.ms) : 0
  console.log(`  time ratio Lectern / Readability: ${ratio.toFixed(2)}`)
  if (oursCopy.ms.length > 0) {
    console.log(`  ${describe('Lectern (text copy)', oursCopy)}`)
    console.log(`  ${describe('whole text copy kept', wholeCopy)}`)
  }
}

// ---------------------------------------------------------------- pages of every kind (wcxb-dev)

/** One extractor's figures on some wcxb-dev pages. */
interface KindTally {
  f1: number[]
  precision: number[]
  recall: number[]
  /** Share of the gold's `with` snippets found, per page that has some; likewise `without` (lower is better). */
  with: number[]
  without: number[]
  empty: number
  title: number[]
  author: number[]
  date: number[]
}

const emptyKindTally = (): KindTally => ({
  f1: [],
  precision: [],
  recall: [],
  with: [],
  without: [],
  empty: 0,
  title: [],
  author: [],
  date: [],
})

function scoreKind(tally: KindTally, page: WcxbPage, result: Extraction): WordScore {
  const scored = wordScore(page.mainContent, result.text)
  tally.f1.push(scored.f1)
  tally.precision.push(scored.precision)
  tally.recall.push(scored.recall)
  const found = snippetRate(page.with, result.text)
  if (found !== null) tally.with.push(found)
  const leaked = snippetRate(page.without, result.text)
  if (leaked !== null) tally.without.push(leaked)
  if (!result.text.trim()) tally.empty++
  if (page.title) tally.title.push(sameText(result.title, page.title) ? 1 : 0)
  if (page.author)
    tally.author.push(
      result.authors.length > 0 && authorKey(result.authors.join(', ')) === authorKey(page.author) ? 1 : 0,
    )
  if (page.date) tally.date.push(sameDay(result.date, page.date) ? 1 : 0)
  return scored
}

function kindRow(label: string, pages: number, tally: KindTally): string {
  const rate = (values: number[]): string =>
    values.length === 0 ? '–' : `${values.filter(Boolean).length}/${values.length}`
  return [
    label.padEnd(14),
    String(pages).padStart(5),
    mean(tally.f1).toFixed(3).padStart(7),
    mean(tally.precision).toFixed(3).padStart(6),
    mean(tally.recall).toFixed(3).padStart(6),
    pct(mean(tally.with)).padStart(7),
    pct(mean(tally.without)).padStart(8),
    String(tally.empty).padStart(6),
    rate(tally.title).padStart(8),
    rate(tally.author).padStart(7),
    rate(tally.date).padStart(7),
  ].join(' ')
}

const KIND_HEADER = `${'kind'.padEnd(14)} pages      F1      P      R    with  without  empty    title  author    date`

/**
 * wcxb-dev: the benchmark's word-level F1 (mean over pages), the `with`/`without` snippet rates and the title,
 * author and date exact-match rates where the gold has them, per kind and overall, for both extractors on the
 * same pages, and the time ratio.
 */
async function benchKinds(label: string, pages: WcxbPage[]): Promise<void> {
  const ours = new Map<string, KindTally>()
  const readability = new Map<string, KindTally>()
  const tallyOf = (map: Map<string, KindTally>, kind: string): KindTally => {
    const tally = map.get(kind) ?? emptyKindTally()
    map.set(kind, tally)
    return tally
  }
  const confusion = new KindConfusion()
  const oursMs: number[] = []
  const readabilityMs: number[] = []
  const first = pages[0]
  if (first) {
    await runOurs(first.name, first.bytes)
    runReadability(first.bytes)
  }
  for (const [index, page] of pages.entries()) {
    const theirsFirst = index % 2 === 1 ? runReadability(page.bytes) : null
    const result = await runOurs(page.name, page.bytes)
    const theirs = theirsFirst ?? runReadability(page.bytes)
    oursMs.push(result.ms)
    readabilityMs.push(theirs.ms)
    confusion.add(page.kind, result.pageKind)
    for (const kind of ['all', page.kind]) {
      scoreKind(tallyOf(ours, kind), page, result)
      scoreKind(tallyOf(readability, kind), page, theirs)
    }
    if (VERBOSE) {
      const mine = wordScore(page.mainContent, result.text)
      const other = wordScore(page.mainContent, theirs.text)
      console.log(
        `  ${page.name} ${page.kind.padEnd(13)} read as ${(result.pageKind ?? 'none').padEnd(13)} F1 ${mine.f1.toFixed(3)} (P ${mine.precision.toFixed(3)} R ${mine.recall.toFixed(3)})  Readability ${other.f1.toFixed(3)}  ${ms(result.ms)}`,
      )
    }
  }
  const timed = await timedPasses(pages, (mean(oursMs) + mean(readabilityMs)) * 0.5)
  const perPage = timed ?? { ours: mean(oursMs), readability: mean(readabilityMs) }
  console.log(
    `\n${label}: ${pages.length} pages; word F1 (mean over pages), with/without snippets found, empty extractions, metadata exact matches`,
  )
  for (const [name, tallies] of [
    ['Lectern', ours],
    ['Readability+linkedom', readability],
  ] as const) {
    console.log(`  ${name}`)
    console.log(`    ${KIND_HEADER}`)
    for (const kind of ['all', ...PAGE_KINDS]) {
      const tally = tallies.get(kind)
      if (tally) console.log(`    ${kindRow(kind, tally.f1.length, tally)}`)
    }
  }
  console.log('  Kinds recognised by Lectern (a collection is read as a listing)')
  for (const line of confusion.lines()) console.log(`    ${line}`)
  console.log(
    `  ${ms(perPage.ours)}/page vs ${ms(perPage.readability)}/page (${timesLabel()}); time ratio Lectern / Readability: ${(perPage.ours / perPage.readability).toFixed(2)}`,
  )
}

// ---------------------------------------------------------------- run

it('extraction benchmark', async () => {
  if (!existsSync(CORPUS_DIR)) {
    console.log(`corpus missing at ${CORPUS_DIR}: nothing to measure`)
    return
  }
  if (TEXT_COPIES_ONLY) {
    await benchTextCopies(CORPUS_DIR, { timingRuns: Math.max(1, TIMING_RUNS), verbose: VERBOSE })
    return
  }
  const corpora: Array<[string, string, () => Promise<Page[]>]> = [
    ['fundus-pages', 'fundus-pages (gold articleBody: F1)', fundusPages],
    ['ru-pages', 'ru-pages (gold start/end)', () => startEndPages('ru-pages')],
    ['mhtml-pages', 'mhtml-pages (gold start/end)', () => startEndPages('mhtml-pages')],
    ['singlefile-pages', 'singlefile-pages (gold start/end)', () => startEndPages('singlefile-pages')],
    ['webarchive-pages', 'webarchive-pages (gold start/end)', () => startEndPages('webarchive-pages')],
    ['trafilatura-eval-ru', 'trafilatura-eval-ru (snippets)', trafilaturaPages],
  ]
  const htmlSources: string[] = []
  for (const [folder, label, load] of corpora) {
    if (ONLY_CORPORA && !ONLY_CORPORA.has(folder)) continue
    if (!existsSync(join(CORPUS_DIR, folder))) {
      console.log(`\n${label}: skipped, ${join(CORPUS_DIR, folder)} is missing`)
      continue
    }
    const pages = await load()
    await benchCorpus(label, pages)
    if (folder === 'fundus-pages' || folder === 'ru-pages')
      for (const page of pages) htmlSources.push(pageHtml(page.bytes) ?? '')
  }
  await benchTextCopies(CORPUS_DIR, { timingRuns: Math.max(1, TIMING_RUNS), verbose: VERBOSE })

  const kinds = join(CORPUS_DIR, 'wcxb-dev')
  if (!ONLY_CORPORA || ONLY_CORPORA.has('wcxb-dev')) {
    const half = WCXB_HALF ? `, ${WCXB_HALF} half` : ''
    if (existsSync(kinds))
      await benchKinds(`wcxb-dev (pages of seven kinds${half})`, await loadWcxbPages(kinds, WCXB_HALF))
    else console.log(`\nwcxb-dev: skipped, ${kinds} is missing`)
  }

  if (IMPORT_PAGES <= 0 || htmlSources.length === 0) {
    console.log('\nimport throughput: skipped (no pages or BENCH_IMPORT_PAGES=0)')
    return
  }
  console.log(
    `\nimport throughput through Archive.importPaths (${htmlSources.length} distinct pages, copied):`,
  )
  await throughput(htmlSources, IMPORT_PAGES, 'in-process')
  // Inside the repository, so the worker bundle's require() calls find node_modules.
  const bundle = await mkdtemp(join(resolve('node_modules'), '.cache-lectern-bench-'))
  try {
    await throughput(htmlSources, IMPORT_PAGES, await buildWorker(bundle))
  } finally {
    await rm(bundle, { recursive: true, force: true })
  }
})
