/**
 * Text copies (the page's innerText, as select-all + copy gives it) of the corpus pages whose gold says
 * what a reader should get, in Russian and in English, and how the plain-text reader does on them field by
 * field: title, authors, date, where the body starts and ends, and the body's word-level F1.
 *
 * Russian: ru-pages (gold title, authors, date, first and last words of the body), the two Russian fundus
 * pages (full body), trafilatura-eval-ru (title, date, snippets). English: the English readability-pages
 * (the body Readability is expected to give, its title) and the wcxb-dev articles (full body, title,
 * author, date). A field is counted only where the gold gives it (authors: where it names somebody).
 *
 * Body start (end) is right when the extracted text's first (last) words are the gold's: the words of
 * bodyStart (bodyEnd), or the first (last) BODY_EDGE_WORDS words of a full gold body. Body F1 is the
 * wcxb-dev metric: lower-cased \w+ tokens as multisets, F1 per page, mean over pages. "Fields right" counts
 * title, authors, body start and body end, as the issue's figure for Russian text copies does; the date is
 * shown beside it.
 */
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { gunzipSync } from 'node:zlib'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { extractDocument } from '../../src/main/archive/extract/index'
import { splitNames } from '../../src/main/archive/extract/names'
import { innerTextCopy } from './inner-text'
import { pageHtml } from './page-html'

/** Words compared at each end of a full gold body. */
const BODY_EDGE_WORDS = 12

export interface CopyPage {
  /** Corpus folder and page, as printed. */
  name: string
  /** The page's HTML (MHTML unpacked), for timing Readability on the same pages. */
  html: string
  copy: string
  title?: string
  /** Compare titles loosely (one contains the other): the gold title may carry the site's name. */
  looseTitle?: boolean
  authors?: string[]
  date?: string
  bodyStart?: string
  bodyEnd?: string
  body?: string
  must?: string[]
  mustNot?: string[]
}

export interface CopySet {
  label: string
  pages: CopyPage[]
}

// ---------------------------------------------------------------- loading

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

async function jsonFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((file) => file.endsWith('.json')).sort()
}

function copyPage(name: string, bytes: Uint8Array, gold: Omit<CopyPage, 'name' | 'html' | 'copy'>): CopyPage {
  const html = pageHtml(bytes) ?? ''
  return { name, html, copy: innerTextCopy(html), ...gold }
}

const present = <T>(value: T | null | undefined): value is T =>
  value !== null && value !== undefined && value !== ''

/** Drops the gold fields that are empty, so they are not counted. */
function given(gold: Record<string, unknown>): Omit<CopyPage, 'name' | 'html' | 'copy'> {
  return Object.fromEntries(
    Object.entries(gold).filter(
      ([, value]) => present(value) && !(Array.isArray(value) && value.length === 0),
    ),
  )
}

async function ruPages(corpusDir: string): Promise<CopyPage[]> {
  const root = join(corpusDir, 'ru-pages')
  const pages: CopyPage[] = []
  for (const file of await jsonFiles(join(root, 'gold'))) {
    const gold = await readJson<{
      file: string
      title: string | null
      authors: string[] | null
      publishedAt: string | null
      bodyStart: string | null
      bodyEnd: string | null
    }>(join(root, 'gold', file))
    const bytes = await readFile(join(root, 'pages', gold.file))
    pages.push(
      copyPage(
        `ru-pages/${gold.file}`,
        bytes,
        given({
          title: gold.title,
          authors: gold.authors,
          date: gold.publishedAt,
          bodyStart: gold.bodyStart,
          bodyEnd: gold.bodyEnd,
        }),
      ),
    )
  }
  return pages
}

interface FundusGold {
  source_html: string
  html_lang_attr: string | null
  articleBody: string
  title: string
  authors: string[]
  publishing_date: string | null
}

async function fundusRussianPages(corpusDir: string): Promise<CopyPage[]> {
  const root = join(corpusDir, 'fundus-pages')
  const pages: CopyPage[] = []
  for (const file of await jsonFiles(join(root, 'gold'))) {
    const gold = await readJson<FundusGold>(join(root, 'gold', file))
    if (!/^ru/i.test(gold.html_lang_attr ?? '') && !/\/rus\//.test(gold.source_html)) continue
    const bytes = gunzipSync(await readFile(join(root, gold.source_html)))
    pages.push(
      copyPage(
        `fundus-pages/${file}`,
        bytes,
        given({
          title: gold.title,
          authors: gold.authors,
          date: gold.publishing_date,
          body: gold.articleBody,
        }),
      ),
    )
  }
  return pages
}

async function trafilaturaRussianPages(corpusDir: string): Promise<CopyPage[]> {
  const root = join(corpusDir, 'trafilatura-eval-ru')
  const entries = await readJson<
    Record<string, { file: string; title: string; date: string; with: string[]; without: string[] }>
  >(join(root, 'evaldata-entry.json'))
  const pages: CopyPage[] = []
  for (const entry of Object.values(entries)) {
    const bytes = await readFile(join(root, entry.file))
    pages.push(
      copyPage(
        `trafilatura-eval-ru/${entry.file}`,
        bytes,
        given({ title: entry.title, date: entry.date, must: entry.with, mustNot: entry.without }),
      ),
    )
  }
  return pages
}

/** The text of Readability's expected output, a block per line. */
function expectedText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const blocks = [...document.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, pre, blockquote, td')]
    .filter((element) => element.querySelector('p, li, pre, blockquote, td') === null)
    .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  return blocks.join('\n\n')
}

async function readabilityEnglishPages(corpusDir: string): Promise<CopyPage[]> {
  const root = join(corpusDir, 'readability-pages')
  const pages: CopyPage[] = []
  for (const folder of (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    const metadata = await readJson<{ title?: string | null; lang?: string | null }>(
      join(root, folder, 'expected-metadata.json'),
    ).catch(() => null)
    if (!metadata || !/^en\b/i.test(metadata.lang ?? '')) continue
    const body = expectedText(await readFile(join(root, folder, 'expected.html'), 'utf8'))
    const bytes = await readFile(join(root, folder, 'source.html'))
    pages.push(
      copyPage(
        `readability-pages/${folder}`,
        bytes,
        given({ title: metadata.title, looseTitle: true, body }),
      ),
    )
  }
  return pages
}

async function wcxbEnglishArticles(corpusDir: string): Promise<CopyPage[]> {
  const root = join(corpusDir, 'wcxb-dev')
  const pages: CopyPage[] = []
  for (const file of await jsonFiles(join(root, 'gold'))) {
    const gold = await readJson<{
      page_type: string
      title: string | null
      author: string | null
      publish_date: string | null
      main_content: string
    }>(join(root, 'gold', file))
    if (gold.page_type !== 'article' || !/\b(?:the|and|of)\b/i.test(gold.main_content)) continue
    const bytes = gunzipSync(await readFile(join(root, 'html', file.replace(/\.json$/, '.html.gz'))))
    pages.push(
      copyPage(
        `wcxb-dev/${file}`,
        bytes,
        given({
          title: gold.title,
          authors: gold.author ? splitNames(gold.author) : null,
          date: gold.publish_date,
          body: gold.main_content,
        }),
      ),
    )
  }
  return pages
}

/** The Russian and the English measuring sets, each a list of corpora; a missing corpus is left out. */
export async function loadCopySets(corpusDir: string): Promise<{ ru: CopySet[]; en: CopySet[] }> {
  const load = async (label: string, read: () => Promise<CopyPage[]>): Promise<CopySet[]> => {
    try {
      return [{ label, pages: await read() }]
    } catch {
      console.log(`  text copies: ${label} skipped (not found under ${corpusDir})`)
      return []
    }
  }
  return {
    ru: [
      ...(await load('ru-pages', () => ruPages(corpusDir))),
      ...(await load('fundus-pages (ru)', () => fundusRussianPages(corpusDir))),
      ...(await load('trafilatura-eval-ru', () => trafilaturaRussianPages(corpusDir))),
    ],
    en: [
      ...(await load('readability-pages (en)', () => readabilityEnglishPages(corpusDir))),
      ...(await load('wcxb-dev articles (en)', () => wcxbEnglishArticles(corpusDir))),
    ],
  }
}

// ---------------------------------------------------------------- scoring

/** The wcxb-dev tokens: lower-cased runs of letters, digits and underscores (Python's \w+). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
}

/** Word-level F1 of two texts, tokens compared as multisets; an empty gold scores 1 only for an empty text. */
export function wordF1(gold: string, predicted: string): number {
  const expected = wordTokens(gold)
  const got = wordTokens(predicted)
  if (expected.length === 0) return got.length === 0 ? 1 : 0
  if (got.length === 0) return 0
  const counts = new Map<string, number>()
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1)
  let shared = 0
  for (const token of got) {
    const left = counts.get(token) ?? 0
    if (left > 0) {
      shared++
      counts.set(token, left - 1)
    }
  }
  if (shared === 0) return 0
  const precision = shared / got.length
  const recall = shared / expected.length
  return (2 * precision * recall) / (precision + recall)
}

const squash = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim()
const loose = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

function sameTitle(ours: string, gold: string, containment: boolean): boolean {
  if (!containment) return squash(ours).toLowerCase() === squash(gold).toLowerCase()
  const a = loose(ours)
  const b = loose(gold)
  return a.length > 0 && (a === b || b.includes(a) || a.includes(b))
}

function sameAuthors(ours: readonly string[], gold: readonly string[]): boolean {
  const key = (names: readonly string[]): string =>
    names
      .map((name) => squash(name).toLowerCase())
      .sort()
      .join('|')
  return key(ours) === key(gold)
}

function sameEdge(predicted: string[], gold: string[], atEnd: boolean): boolean {
  if (gold.length === 0 || predicted.length < gold.length) return false
  const part = atEnd ? predicted.slice(predicted.length - gold.length) : predicted.slice(0, gold.length)
  return part.every((token, i) => token === gold[i])
}

export type CopyField = 'title' | 'authors' | 'date' | 'bodyStart' | 'bodyEnd'
const FIELDS: readonly CopyField[] = ['title', 'authors', 'date', 'bodyStart', 'bodyEnd']

export interface CopyResult {
  page: CopyPage
  /** Each field the gold gives: right or not. */
  fields: Partial<Record<CopyField, boolean>>
  f1: number | null
  snippets: number | null
  got: { title: string; authors: string[]; date: string | null; text: string }
}

/** Reads one text copy with the plain-text reader and scores it against the page's gold. */
export async function scoreCopy(page: CopyPage): Promise<CopyResult> {
  const article = await extractDocument({
    name: `${page.name.replace(/\.[^./]+$/, '')}.txt`,
    bytes: Buffer.from(page.copy, 'utf8'),
  }).catch(() => null)
  const got = {
    title: article?.title ?? '',
    authors: article?.authors ?? [],
    date: article?.publishedAt ?? null,
    text: article?.contentText ?? '',
  }
  const fields: CopyResult['fields'] = {}
  if (page.title) fields.title = sameTitle(got.title, page.title, page.looseTitle === true)
  if (page.authors) fields.authors = sameAuthors(got.authors, page.authors)
  if (page.date) fields.date = got.date !== null && got.date.slice(0, 10) === page.date.slice(0, 10)
  const tokens = wordTokens(got.text)
  const goldStart = page.bodyStart ?? page.body
  const goldEnd = page.bodyEnd ?? page.body
  if (goldStart) {
    const words = wordTokens(goldStart)
    fields.bodyStart = sameEdge(tokens, page.bodyStart ? words : words.slice(0, BODY_EDGE_WORDS), false)
  }
  if (goldEnd) {
    const words = wordTokens(goldEnd)
    fields.bodyEnd = sameEdge(tokens, page.bodyEnd ? words : words.slice(-BODY_EDGE_WORDS), true)
  }
  let snippets: number | null = null
  if (page.must && page.mustNot) {
    const flat = squash(got.text)
    const hits =
      page.must.filter((snippet) => flat.includes(squash(snippet))).length +
      page.mustNot.filter((snippet) => !flat.includes(squash(snippet))).length
    snippets = hits / (page.must.length + page.mustNot.length)
  }
  return { page, fields, f1: page.body ? wordF1(page.body, got.text) : null, snippets, got }
}

// ---------------------------------------------------------------- timing

type ReadabilityInput = ConstructorParameters<typeof Readability>[0]

/**
 * Median time per page of the plain-text reader on the copies and of Readability + linkedom on the pages'
 * HTML, in alternating passes: the same pages in the same run, so their ratio holds on a loaded machine.
 */
async function timeCopies(
  pages: readonly CopyPage[],
  passes: number,
): Promise<{ oursMs: number; readabilityMs: number }> {
  const ours: number[] = []
  const theirs: number[] = []
  const copies = pages.map((page) => Buffer.from(page.copy, 'utf8'))
  const timeOurs = async (): Promise<void> => {
    const started = performance.now()
    for (const bytes of copies) await extractDocument({ name: 'copy.txt', bytes }).catch(() => null)
    ours.push((performance.now() - started) / pages.length)
  }
  const timeReadability = (): void => {
    const started = performance.now()
    for (const page of pages) {
      try {
        const { document } = parseHTML(page.html)
        new Readability(document as unknown as ReadabilityInput).parse()
      } catch {
        // A page Readability cannot read costs what it cost.
      }
    }
    theirs.push((performance.now() - started) / pages.length)
  }
  for (let pass = 0; pass < passes; pass++) {
    if (pass % 2 === 0) {
      await timeOurs()
      timeReadability()
    } else {
      timeReadability()
      await timeOurs()
    }
  }
  const median = (values: number[]): number => {
    const sorted = [...values].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  }
  return { oursMs: median(ours), readabilityMs: median(theirs) }
}

// ---------------------------------------------------------------- reporting

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`
const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length

function fieldCounts(results: readonly CopyResult[]): Record<CopyField, [number, number]> {
  const counts = Object.fromEntries(FIELDS.map((field) => [field, [0, 0]])) as Record<
    CopyField,
    [number, number]
  >
  for (const result of results)
    for (const field of FIELDS) {
      const right = result.fields[field]
      if (right === undefined) continue
      counts[field][1]++
      if (right) counts[field][0]++
    }
  return counts
}

/** The fields the issue's figure counts (43% of fields right: titles, authors, body start, body end); dates apart. */
const COUNTED: readonly CopyField[] = ['title', 'authors', 'bodyStart', 'bodyEnd']

function summary(label: string, results: readonly CopyResult[]): string {
  const counts = fieldCounts(results)
  let right = 0
  let total = 0
  const parts = FIELDS.filter((field) => counts[field][1] > 0).map((field) => {
    const [fieldRight, fieldTotal] = counts[field]
    if (COUNTED.includes(field)) {
      right += fieldRight
      total += fieldTotal
    }
    return `${field} ${fieldRight}/${fieldTotal}`
  })
  const scored = results.flatMap((result) => (result.f1 === null ? [] : [result.f1]))
  const snippets = results.flatMap((result) => (result.snippets === null ? [] : [result.snippets]))
  const columns = [
    label.padEnd(26),
    `fields right ${right}/${total} = ${total > 0 ? pct(right / total) : '–'}`,
    parts.join(', '),
  ]
  if (scored.length > 0) columns.push(`body F1 ${pct(mean(scored))} (${scored.length} pages)`)
  if (snippets.length > 0) columns.push(`snippets ${pct(mean(snippets))}`)
  return columns.join('  |  ')
}

function describeMiss(result: CopyResult): string | null {
  const wrong = FIELDS.filter((field) => result.fields[field] === false)
  if (wrong.length === 0 && (result.f1 === null || result.f1 >= 0.9)) return null
  const page = result.page
  const show = (text: string): string => JSON.stringify(text.length > 90 ? `${text.slice(0, 90)}…` : text)
  const details = wrong.map((field) => {
    switch (field) {
      case 'title':
        return `title ${show(result.got.title)} (gold ${show(page.title ?? '')})`
      case 'authors':
        return `authors ${JSON.stringify(result.got.authors)} (gold ${JSON.stringify(page.authors)})`
      case 'date':
        return `date ${result.got.date} (gold ${page.date})`
      case 'bodyStart':
        return `starts ${show(result.got.text.slice(0, 90))}`
      case 'bodyEnd':
        return `ends ${show(result.got.text.slice(-90))}`
    }
  })
  const f1 = result.f1 === null ? '' : ` F1 ${pct(result.f1)}`
  return `    ${page.name}${f1}: ${details.join('; ')}`
}

/**
 * Prints the per-field figures of the plain-text reader on the Russian and the English text copies, a
 * line per corpus and one for each language, and the reader's time next to Readability's on the same pages.
 */
export async function benchTextCopies(
  corpusDir: string,
  options: { timingRuns: number; verbose: boolean },
): Promise<void> {
  const sets = await loadCopySets(corpusDir)
  for (const [language, corpora] of [
    ['Russian', sets.ru],
    ['English', sets.en],
  ] as const) {
    if (corpora.length === 0) continue
    const pages = corpora.flatMap((set) => set.pages)
    console.log(`\n${language} text copies through the plain-text reader: ${pages.length} pages`)
    const all: CopyResult[] = []
    for (const set of corpora) {
      const results: CopyResult[] = []
      for (const page of set.pages) results.push(await scoreCopy(page))
      all.push(...results)
      console.log(`  ${summary(set.label, results)}`)
      if (options.verbose) for (const line of results.map(describeMiss)) if (line !== null) console.log(line)
    }
    console.log(`  ${summary(`all ${language}`, all)}`)
    const { oursMs, readabilityMs } = await timeCopies(pages, options.timingRuns)
    console.log(
      `  time: ${oursMs.toFixed(1)} ms/page on the copies vs Readability+linkedom ${readabilityMs.toFixed(1)} ms/page on the pages' HTML, ratio ${(oursMs / readabilityMs).toFixed(2)}`,
    )
  }
}
