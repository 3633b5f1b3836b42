/**
 * Extraction: a saved file's bytes (or a paste) -> ExtractedArticle.
 * The format is sniffed from the content (the name only breaks ties): HTML, SingleFile, MHTML, plain
 * text copies of whole pages, Safari web archives, PDF (text layer); other binary files are refused
 * with a clear reason.
 */
import type { ExtractedArticle, PasteInput, SourceFormat } from '../../../common/types'
import { squash } from './article'
import { savedMomentOf } from './dates'
import { decodeText } from './decode'
import { ExtractError } from './errors'
import { readHtmlPage } from './html-page'
import { folderImageSource } from './local-images'
import { readMhtml } from './mhtml'
import { readPdf } from './pdf'
import { singleFileHeader, sniffFormat } from './sniff'
import { readTextPage } from './text-page'
import { WebArchiveError, readWebArchive } from './webarchive'

export { ExtractError } from './errors'

/** One file to extract: its name (for messages and format hints), its bytes, and optionally the page URL. */
export interface ExtractInput {
  name: string
  bytes: Uint8Array
  url?: string
  /**
   * The "<page>_files" folder a browser's "Save Page As" wrote beside an HTML page. Images the page
   * refers to inside it (relative to the page's folder) are kept; nothing outside it is read, and
   * symbolic links are not followed.
   */
  resourceDir?: string
}

/** The name a paste is reported under. */
const CLIPBOARD = 'clipboard'

/** Share of U+FFFD in decoded text above which the file is not text in any encoding we could find. */
const MAX_REPLACEMENT_SHARE = 0.02

function titleFromName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  return base.replace(/\.[^.]{1,8}$/, '').trim() || 'Untitled'
}

function checkDecoded(name: string, text: string): void {
  const sample = text.slice(0, 100_000)
  let replacements = 0
  for (let at = sample.indexOf('\ufffd'); at >= 0; at = sample.indexOf('\ufffd', at + 1)) replacements++
  if (replacements > Math.max(8, sample.length * MAX_REPLACEMENT_SHARE)) {
    throw new ExtractError(
      name,
      'the file is not readable text (its bytes do not decode in any known encoding)',
    )
  }
}

function finish(
  format: SourceFormat,
  fields: Omit<ExtractedArticle, 'format'>,
  name: string,
  decodeWarnings: string[] = [],
): ExtractedArticle {
  if (!fields.contentText.trim())
    throw new ExtractError(name, 'no readable text was found in it', { messageKey: 'no-readable-text' })
  return { format, ...fields, warnings: [...decodeWarnings, ...fields.warnings] }
}

function extractBytes(input: ExtractInput): ExtractedArticle | Promise<ExtractedArticle> {
  const { name, bytes } = input
  const url = input.url ?? null
  const fallbackTitle = titleFromName(name)
  const sniffed = sniffFormat(name, bytes)
  switch (sniffed.kind) {
    case 'empty':
      throw new ExtractError(name, 'the file is empty', { messageKey: 'file-empty' })
    case 'pdf':
      return readPdf(bytes, { name, url, fallbackTitle }).then((fields) => finish('pdf', fields, name))
    case 'binary':
      throw new ExtractError(name, `unsupported file type: ${sniffed.what}`, {
        messageKey: 'file-type-unsupported',
        params: { type: sniffed.type },
      })
    case 'webarchive':
      return readWebArchivePage(input)
    case 'mhtml': {
      const mhtml = readMhtml(bytes)
      if (!mhtml) throw new ExtractError(name, 'the MHTML file has no HTML part')
      const decoded = decodeText(mhtml.html, { declared: mhtml.charset, html: true })
      checkDecoded(name, decoded.text)
      const fields = readHtmlPage(decoded.text, {
        url,
        savedUrl: mhtml.url,
        fallbackTitle,
        localImages: mhtml.resources,
      })
      return finish('mhtml', fields, name, decoded.warnings)
    }
    case 'html':
    case 'singlefile': {
      const decoded = decodeText(bytes, { html: true })
      checkDecoded(name, decoded.text)
      const savedFrom = sniffed.kind === 'singlefile' ? singleFileHeader(decoded.text).url : null
      const fields = readHtmlPage(decoded.text, {
        url,
        savedUrl: savedFrom,
        fallbackTitle,
        ...(input.resourceDir ? { localImages: folderImageSource(input.resourceDir) } : {}),
      })
      return finish(sniffed.kind, fields, name, decoded.warnings)
    }
    case 'text': {
      const decoded = decodeText(bytes, { html: false })
      checkDecoded(name, decoded.text)
      if (!decoded.text.trim())
        throw new ExtractError(name, 'the file is empty', { messageKey: 'file-empty' })
      return finish('text', readTextPage(decoded.text, { url, fallbackTitle }), name, decoded.warnings)
    }
  }
}

/** A Safari web archive: its main resource is read as the HTML (or text) page it is. */
function readWebArchivePage(input: ExtractInput): ExtractedArticle {
  const { name } = input
  let archive
  try {
    archive = readWebArchive(input.bytes)
  } catch (error) {
    if (error instanceof WebArchiveError)
      throw new ExtractError(name, `the Safari web archive is damaged: ${error.message}`)
    throw error
  }
  if (!archive)
    throw new ExtractError(name, 'unsupported file type: a binary property list, not a Safari web archive', {
      messageKey: 'file-type-unsupported',
      params: { type: 'property-list' },
    })
  const url = input.url ?? null
  const fallbackTitle = titleFromName(name)
  const mime = archive.mimeType ?? 'text/html'
  if (mime === 'text/plain') {
    const decoded = decodeText(archive.data, { declared: archive.charset, html: false })
    checkDecoded(name, decoded.text)
    return finish('text', readTextPage(decoded.text, { url, fallbackTitle }), name, decoded.warnings)
  }
  if (!/html|xml/.test(mime)) throw new ExtractError(name, `the Safari web archive holds ${mime}, not a page`)
  let decoded = decodeText(archive.data, { declared: archive.charset, html: true })
  checkDecoded(name, decoded.text)
  let framesetTitle: string | null = null
  // A page made of frames keeps its text in them: read the largest frame, under the page's title.
  const largestFrame = archive.frames
    .filter((frame) => /html/.test(frame.mimeType ?? 'text/html'))
    .sort((a, b) => b.data.length - a.data.length)[0]
  if (/<frameset\b/i.test(decoded.text) && largestFrame) {
    framesetTitle = squash(/<title[^>]*>([^<]*)<\/title>/i.exec(decoded.text)?.[1] ?? '') || null
    decoded = decodeText(largestFrame.data, { declared: largestFrame.charset, html: true })
    checkDecoded(name, decoded.text)
  }
  const fields = readHtmlPage(decoded.text, { url, savedUrl: archive.url, fallbackTitle })
  return finish('html', { ...fields, title: framesetTitle ?? fields.title }, name, decoded.warnings)
}

/** Anything unexpected becomes an ExtractError naming the file, so a batch can go on. */
function asExtractError(name: string, error: unknown): ExtractError {
  if (error instanceof ExtractError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new ExtractError(name, `could not be read (${detail.slice(0, 200)})`)
}

function guarded<T>(name: string, work: () => T): T {
  try {
    return work()
  } catch (error) {
    throw asExtractError(name, error)
  }
}

export async function extractDocument(input: ExtractInput): Promise<ExtractedArticle> {
  try {
    return await extractBytes(input)
  } catch (error) {
    throw asExtractError(input.name, error)
  }
}

export async function extractPaste(input: PasteInput): Promise<ExtractedArticle> {
  return guarded(CLIPBOARD, () => {
    const url = input.url ?? null
    const fallbackTitle = 'Pasted text'
    if (input.html?.trim()) {
      const fields = readHtmlPage(input.html, { url, fallbackTitle, preferWholeBody: true })
      if (fields.contentText.trim()) return finish('paste-html', fields, CLIPBOARD)
    }
    if (!input.text.trim())
      throw new ExtractError(CLIPBOARD, 'the clipboard is empty', { messageKey: 'clipboard-empty' })
    // A paste is made from the page as it is read now: "сегодня" and "2 hours ago" count from this moment.
    const savedAt = savedMomentOf(new Date())
    return finish('paste-text', readTextPage(input.text, { url, fallbackTitle, savedAt }), CLIPBOARD)
  })
}
