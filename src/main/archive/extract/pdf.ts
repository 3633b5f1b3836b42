/**
 * The PDF path (pdf.js, text only): text items -> lines (by baseline) -> paragraphs (by gaps and
 * first-line indents), running headers/footers and page numbers dropped, hyphenated line breaks
 * joined, larger-font lines kept as headings. A page set in columns is read column by column,
 * whatever order its content stream has. Metadata comes from the Info dictionary.
 * Lines: pdf-lines.ts (columns: pdf-columns.ts); paragraphs: pdf-paragraphs.ts.
 */
import { escapeHtmlNumeric } from '../../../common/text'
import type { ExtractedArticle } from '../../../common/types'
import { countWords, detectLanguage, makeExcerpt, squash } from './article'
import { readPdfBibliographic } from './bibliographic-pdf'
import { ExtractError } from './errors'
import { splitNames } from './names'
import type { PdfTextItem } from './pdf-items'
import { type Line, dropRunningLines, pageLines } from './pdf-lines'
import { buildBlocks } from './pdf-paragraphs'
import { sanitizeHtml } from './sanitize'

export type PdfFields = Omit<ExtractedArticle, 'format'>

/** Pages beyond this are not read (a book-length PDF still gives its first chapters). */
export const MAX_PDF_PAGES = 1500
/** Text beyond this many characters is not kept. */
const MAX_PDF_TEXT_CHARS = 5_000_000

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
    const metadata = await document.getMetadata().catch(() => null)
    const info = (metadata?.info ?? {}) as PdfInfo
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

    // Read before running heads go: a paper's journal, volume and pages are printed in them.
    const bibliographic = readPdfBibliographic(
      {
        info: info as Record<string, unknown>,
        xmp: metadata?.metadata
          ? { properties: new Map(metadata.metadata), raw: String(metadata.metadata.getRaw() ?? '') }
          : null,
      },
      lines,
    )
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
        block.heading
          ? `<h2>${escapeHtmlNumeric(block.text)}</h2>`
          : `<p>${escapeHtmlNumeric(block.text)}</p>`,
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
      ...(bibliographic ? { bibliographic } : {}),
    }
  } finally {
    await task.destroy().catch(() => undefined)
  }
}
