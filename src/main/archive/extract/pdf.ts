/**
 * The PDF path (pdf.js, text only): text items -> lines (by baseline) -> paragraphs (by gaps and
 * first-line indents), running headers/footers and page numbers dropped, hyphenated line breaks
 * joined, larger-font lines kept as headings. Metadata comes from the Info dictionary.
 */
import type { ExtractedArticle } from '../../../common/types'
import { countWords, detectLanguage, escapeHtml, makeExcerpt, squash } from './article'
import { ExtractError } from './errors'
import { splitNames } from './metadata'
import { sanitizeHtml } from './sanitize'

export type PdfFields = Omit<ExtractedArticle, 'format'>

/** Pages beyond this are not read (a book-length PDF still gives its first chapters). */
export const MAX_PDF_PAGES = 1500
/** Text beyond this many characters is not kept. */
const MAX_PDF_TEXT_CHARS = 5_000_000
/** A line this much larger than the body font is a heading. */
const HEADING_SCALE = 1.2
/** Longer lines are never headings, whatever their font. */
const MAX_HEADING_CHARS = 160

interface PdfTextItem {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL: boolean
}

interface Line {
  text: string
  x: number
  y: number
  /** Right edge of the line. */
  end: number
  size: number
  page: number
  /** Position among its page's lines and how many lines the page has (for headers/footers). */
  index: number
  pageLines: number
}

interface Block {
  heading: boolean
  text: string
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let pdfJsLoading: Promise<PdfJs> | null = null

/**
 * pdf.js runs its parser on the calling thread: the worker module is loaded here and handed over
 * through `globalThis.pdfjsWorker`, so no separate worker file has to be found at run time.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfJsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return pdfJsLoading
}

/** "D:20260301093000+01'00'" -> "2026-03-01T09:30:00+01:00", as stated (no zone invented). */
export function pdfDateToIso(value: string | null | undefined): string | null {
  const match =
    /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      value?.trim() ?? '',
    )
  if (!match) return null
  const [, year, month, day, hour, minute, second, zulu, sign, offsetHours, offsetMinutes] = match
  if (!year || Number(year) < 1900) return null
  if (!month || !day) return month ? `${year}-${month}` : year
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return null
  const date = `${year}-${month}-${day}`
  if (!hour) return date
  const time = `${hour}:${minute ?? '00'}${second ? `:${second}` : ''}`
  const zone = zulu ? 'Z' : sign ? `${sign}${offsetHours}:${offsetMinutes ?? '00'}` : ''
  return `${date}T${time}${zone}`
}

/** Titles that authoring tools write instead of the real one. */
function isPlaceholderTitle(title: string): boolean {
  return (
    /^(?:untitled|document\d*|title|slide \d+|microsoft word\s*-.*|.*\.(?:docx?|pdf|odt|rtf|tex|dvi|indd|pptx?))$/i.test(
      title,
    ) || !/\p{L}/u.test(title)
  )
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Groups one page's text items into lines by baseline, in content-stream order. */
function pageLines(items: readonly PdfTextItem[], page: number): Line[] {
  const lines: Line[] = []
  let current: Line | null = null
  let lastEnd = 0
  let lineBroken = false
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1
    if (item.str.length > 0) {
      const sameLine =
        current !== null && !lineBroken && Math.abs(current.y - y) < Math.max(current.size, size) * 0.5
      if (current && sameLine) {
        const gap = x - lastEnd
        const needsSpace =
          gap > Math.min(current.size, size) * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)
        current.text += (needsSpace ? ' ' : '') + item.str
        current.size = Math.max(current.size, size)
        current.end = Math.max(current.end, x + item.width)
      } else {
        current = { text: item.str, x, y, end: x + item.width, size, page, index: 0, pageLines: 0 }
        lines.push(current)
      }
      lastEnd = x + item.width
      lineBroken = false
    }
    if (item.hasEOL) lineBroken = true
  }
  const kept = lines
    .map((line) => ({ ...line, text: squash(line.text) }))
    .filter((line) => line.text.length > 0)
  kept.forEach((line, index) => {
    line.index = index
    line.pageLines = kept.length
  })
  return kept
}

const PAGE_NUMBER =
  /^(?:(?:page|p\.|стр\.?|страница|seite|página)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|из|\/)\s*\d{1,4})?$/iu
/** Front-matter page numbers (i … xxxix), lower case only, so a word like "Civil" is not one. */
const ROMAN_PAGE_NUMBER = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/

/** Lines within this many places of a page's top or bottom can be running headers or footers. */
const EDGE_LINES = 3

const isAtEdge = (line: Line): boolean => line.index < EDGE_LINES || line.index >= line.pageLines - EDGE_LINES

/** The same header on every page, with its page number or date changed, has the same key. */
const runningKey = (text: string): string => text.toLowerCase().replace(/\d+/g, '#')

/** Drops page numbers and the header/footer lines that repeat at the edges of most pages. */
function dropRunningLines(lines: readonly Line[], pageCount: number): Line[] {
  const pagesByKey = new Map<string, Set<number>>()
  for (const line of lines) {
    if (!isAtEdge(line)) continue
    const key = runningKey(line.text)
    const pages = pagesByKey.get(key) ?? new Set<number>()
    pages.add(line.page)
    pagesByKey.set(key, pages)
  }
  const needed = Math.max(2, Math.ceil(pageCount * 0.5))
  return lines.filter((line) => {
    if (!isAtEdge(line)) return true
    if (PAGE_NUMBER.test(line.text) || ROMAN_PAGE_NUMBER.test(line.text)) return false
    return pageCount < 2 || (pagesByKey.get(runningKey(line.text))?.size ?? 0) < needed
  })
}

const SENTENCE_END = /[.!?…:;"'»”)\]]$/u

/** Joins a line to the paragraph before it, undoing a hyphenated break ("exam-" + "ple"). */
function joinLine(paragraph: string, line: string): string {
  if (/\p{L}[-\u00ad\u2010]$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line
  return `${paragraph} ${line}`
}

/** Lines -> headings and paragraphs. */
function buildBlocks(lines: readonly Line[]): Block[] {
  const bodySize = median(
    lines.flatMap((line) => Array<number>(Math.min(line.text.length, 200)).fill(line.size)),
  )
  const isHeading = (line: Line): boolean =>
    line.size >= bodySize * HEADING_SCALE && line.text.length <= MAX_HEADING_CHARS
  // The usual distance between body lines, and the usual left edge and right edge of a page's body.
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]
    const line = lines[i]
    if (!previous || !line || previous.page !== line.page || isHeading(line) || isHeading(previous)) continue
    const gap = previous.y - line.y
    if (gap > 0 && gap < line.size * 3) gaps.push(gap)
  }
  const lineGap = median(gaps) || bodySize * 1.2
  const margins = new Map<number, number>()
  const rightEdges = new Map<number, number>()
  for (const page of new Set(lines.map((line) => line.page))) {
    const body = lines.filter((line) => line.page === page && !isHeading(line))
    margins.set(page, median(body.map((line) => Math.round(line.x))))
    rightEdges.set(page, Math.max(0, ...body.map((line) => line.end)))
  }

  const blocks: Block[] = []
  let previous: Line | null = null
  for (const line of lines) {
    const heading = isHeading(line)
    const last = blocks[blocks.length - 1]
    let continues = false
    if (previous && last && last.heading === heading) {
      if (previous.page !== line.page) {
        // A paragraph runs on over a page break when it did not end a sentence.
        continues = !heading && !SENTENCE_END.test(last.text)
      } else {
        const gap = previous.y - line.y
        const margin = margins.get(line.page) ?? line.x
        const indented = !heading && line.x - margin > line.size * 0.8 && line.x - margin < line.size * 8
        const previousShort =
          !heading &&
          SENTENCE_END.test(previous.text) &&
          previous.end < (rightEdges.get(line.page) ?? previous.end) - line.size * 4
        continues =
          gap > 0 &&
          gap < lineGap * (heading ? 1.8 : 1.45) &&
          Math.abs(line.size - previous.size) < bodySize * 0.1 &&
          !indented &&
          !previousShort
      }
    }
    if (continues && last) last.text = joinLine(last.text, line.text)
    else blocks.push({ heading, text: line.text })
    previous = line
  }
  return blocks
}

interface PdfInfo {
  Title?: unknown
  Author?: unknown
  Subject?: unknown
  CreationDate?: unknown
}

const infoString = (value: unknown): string | null =>
  typeof value === 'string' && squash(value) ? squash(value) : null

function damaged(name: string, error: unknown): ExtractError {
  const detail = error instanceof Error ? error.message : String(error)
  if (error instanceof Error && error.name === 'PasswordException')
    return new ExtractError(name, 'the PDF is protected by a password')
  return new ExtractError(name, `the PDF is damaged: ${detail.slice(0, 200)}`)
}

export async function readPdf(
  bytes: Uint8Array,
  options: { name: string; url: string | null; fallbackTitle: string },
): Promise<PdfFields> {
  const { name } = options
  const pdfjs = await loadPdfJs()
  const warnings: string[] = []
  // pdf.js takes ownership of the buffer it is given; the caller's bytes are stored as the original.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  try {
    let document
    try {
      document = await task.promise
    } catch (error) {
      throw damaged(name, error)
    }
    const info = ((await document.getMetadata().catch(() => null))?.info ?? {}) as PdfInfo
    const pageCount = Math.min(document.numPages, MAX_PDF_PAGES)
    if (document.numPages > MAX_PDF_PAGES)
      warnings.push(`only the first ${MAX_PDF_PAGES} of ${document.numPages} pages were read`)
    const lines: Line[] = []
    let characters = 0
    let unreadablePages = 0
    for (let number = 1; number <= pageCount && characters < MAX_PDF_TEXT_CHARS; number++) {
      try {
        const page = await document.getPage(number)
        const content = await page.getTextContent()
        const items: PdfTextItem[] = content.items.flatMap((item) => ('str' in item ? [item] : []))
        const found = pageLines(items, number)
        for (const line of found) characters += line.text.length
        lines.push(...found)
        page.cleanup()
      } catch {
        unreadablePages++
      }
    }
    if (unreadablePages === pageCount && pageCount > 0)
      throw new ExtractError(name, 'the PDF is damaged: none of its pages could be read')
    if (unreadablePages > 0) warnings.push(`${unreadablePages} damaged page(s) were skipped`)
    if (characters >= MAX_PDF_TEXT_CHARS)
      warnings.push('the PDF has too much text; only its first pages were read')
    if (lines.length === 0)
      throw new ExtractError(name, 'the PDF has no text layer (it may be scanned images); nothing to read')

    const blocks = buildBlocks(dropRunningLines(lines, pageCount))
    const infoTitle = infoString(info.Title)
    const firstHeading = blocks.find((block) => block.heading)?.text ?? null
    const title =
      (infoTitle && !isPlaceholderTitle(infoTitle) ? infoTitle : null) ??
      firstHeading ??
      options.fallbackTitle
    // The title printed at the top is metadata, not body text.
    const opening = blocks[0]
    if (opening?.heading && squash(opening.text).toLowerCase() === title.toLowerCase() && blocks.length > 1)
      blocks.shift()

    const contentText = blocks.map((block) => block.text).join('\n\n')
    const markup = blocks
      .map((block) =>
        block.heading ? `<h2>${escapeHtml(block.text)}</h2>` : `<p>${escapeHtml(block.text)}</p>`,
      )
      .join('\n')
    const subject = infoString(info.Subject)
    return {
      title,
      subtitle: null,
      authors: splitNames(infoString(info.Author) ?? ''),
      siteName: null,
      section: null,
      publishedAt: pdfDateToIso(infoString(info.CreationDate)),
      language: detectLanguage(contentText || title),
      url: options.url,
      excerpt: makeExcerpt(subject ?? contentText),
      rights: null,
      wordCount: countWords(contentText),
      contentText,
      contentHtml: sanitizeHtml(markup, null).html,
      warnings,
    }
  } finally {
    await task.destroy().catch(() => undefined)
  }
}
