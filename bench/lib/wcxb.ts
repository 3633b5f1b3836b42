/**
 * The wcxb-dev corpus (../shared/corpus/wcxb-dev, see its NOTICE.md): real pages of seven kinds with reviewed
 * gold, and the benchmark's own metric. Per page: lower-case both texts, take the tokens Python's `\w+`
 * matches (letters, digits and underscore, Unicode-aware), and score the multiset overlap; the corpus score is
 * the mean F1 over pages. A page whose gold is empty scores 1 only when the prediction is empty too.
 */
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { PAGE_KINDS as PAGE_KIND_NAMES, type PageKind } from '../../src/common/types'

export const PAGE_KINDS = [
  'article',
  'forum',
  'documentation',
  'service',
  'listing',
  'collection',
  'product',
] as const
export type GoldPageKind = (typeof PAGE_KINDS)[number]

export interface WcxbPage {
  name: string
  bytes: Uint8Array
  kind: GoldPageKind
  mainContent: string
  title: string | null
  author: string | null
  date: string | null
  with: string[]
  without: string[]
}

interface WcxbGold {
  page_type: GoldPageKind
  title: string | null
  author: string | null
  publish_date: string | null
  main_content: string | null
  with?: string[] | null
  without?: string[] | null
}

/**
 * The two halves of the corpus: rules are tuned on one and judged on the other. A page's half is the low bit of
 * the first byte of its file name's SHA-256 ("0010.html"), so it never changes and the kinds split about evenly.
 */
export type WcxbHalf = 'tune' | 'held'

export function wcxbHalf(name: string): WcxbHalf {
  return ((createHash('sha256').update(name).digest()[0] ?? 0) & 1) === 0 ? 'tune' : 'held'
}

/** The corpus's pages, or only one half of them. */
export async function loadWcxbPages(root: string, half: WcxbHalf | null = null): Promise<WcxbPage[]> {
  const pages: WcxbPage[] = []
  for (const file of (await readdir(join(root, 'gold'))).filter((f) => f.endsWith('.json')).sort()) {
    const id = file.replace(/\.json$/, '')
    if (half !== null && wcxbHalf(`${id}.html`) !== half) continue
    const gold = JSON.parse(await readFile(join(root, 'gold', file), 'utf8')) as WcxbGold
    pages.push({
      name: `${id}.html`,
      bytes: gunzipSync(await readFile(join(root, 'html', `${id}.html.gz`))),
      kind: gold.page_type,
      mainContent: gold.main_content ?? '',
      title: gold.title,
      author: gold.author,
      date: gold.publish_date,
      with: gold.with ?? [],
      without: gold.without ?? [],
    })
  }
  return pages
}

/** Python's `\w+` on lower-cased text: runs of letters, digits (every numeric character) and underscores. */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []
}

export interface WordScore {
  precision: number
  recall: number
  f1: number
}

export function wordScore(gold: string, predicted: string): WordScore {
  const expected = wordTokens(gold)
  const got = wordTokens(predicted)
  if (expected.length === 0) {
    const score = got.length === 0 ? 1 : 0
    return { precision: score, recall: score, f1: score }
  }
  if (got.length === 0) return { precision: 0, recall: 0, f1: 0 }
  const counts = new Map<string, number>()
  for (const token of expected) counts.set(token, (counts.get(token) ?? 0) + 1)
  let overlap = 0
  for (const token of got) {
    const left = counts.get(token) ?? 0
    if (left > 0) {
      overlap++
      counts.set(token, left - 1)
    }
  }
  const precision = overlap / got.length
  const recall = overlap / expected.length
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  }
}

/** Share of the snippets found in the text (case-insensitive substring, as the benchmark checks), or null with none. */
export function snippetRate(snippets: readonly string[], text: string): number | null {
  if (snippets.length === 0) return null
  const haystack = text.toLowerCase()
  return snippets.filter((snippet) => haystack.includes(snippet.toLowerCase())).length / snippets.length
}

/** "Jane Roe, John Doe and Ann Poe" as a sorted list of lower-cased names, for comparing author fields. */
export function authorKey(names: string): string {
  return names
    .split(/\s*,\s*|\s*&\s*|\s+and\s+/iu)
    .map((name) => name.replace(/\s+/g, ' ').trim().toLowerCase())
    .filter(Boolean)
    .sort()
    .join('|')
}

/** The kind Lectern should recognise for a gold kind: it reads a collection as a listing. */
export function expectedKind(gold: GoldPageKind): PageKind {
  return gold === 'collection' ? 'listing' : gold
}

/** How often each gold kind (row) was recognised as each kind (column); pages read with no kind count as none. */
export class KindConfusion {
  private readonly counts = new Map<GoldPageKind, Map<PageKind | 'none', number>>()

  add(gold: GoldPageKind, recognised: PageKind | null): void {
    const row = this.counts.get(gold) ?? new Map<PageKind | 'none', number>()
    this.counts.set(gold, row)
    const column = recognised ?? 'none'
    row.set(column, (row.get(column) ?? 0) + 1)
  }

  /** The table, then precision (of the pages recognised as a kind, how many are of it) and recall per kind. */
  lines(): string[] {
    const columns = [...PAGE_KIND_NAMES, 'none'] as const
    const width = 8
    const cell = (text: string): string => text.padStart(width)
    const lines = [
      `${'gold \\ read as'.padEnd(14)}${columns.map((column) => cell(column.slice(0, 7))).join('')}`,
    ]
    for (const gold of PAGE_KINDS) {
      const row = this.counts.get(gold)
      if (!row) continue
      lines.push(`${gold.padEnd(14)}${columns.map((column) => cell(String(row.get(column) ?? 0))).join('')}`)
    }
    lines.push(`${'kind'.padEnd(14)}${cell('precis.')}${cell('recall')}`)
    for (const kind of PAGE_KIND_NAMES) {
      let recognised = 0
      let right = 0
      let expected = 0
      for (const [gold, row] of this.counts) {
        const count = row.get(kind) ?? 0
        recognised += count
        if (expectedKind(gold) === kind) {
          right += count
          for (const n of row.values()) expected += n
        }
      }
      const ratio = (part: number, whole: number): string =>
        whole === 0 ? '–' : `${(part / whole).toFixed(2)} ${part}/${whole}`
      lines.push(
        `${kind.padEnd(14)}${ratio(right, recognised).padStart(14)}${ratio(right, expected).padStart(14)}`,
      )
    }
    return lines
  }
}
