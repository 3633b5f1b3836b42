import type { ExtractedArticle, PasteInput } from '../../../common/types'

/** One file to extract: its name (for messages and format hints), its bytes, and optionally the page URL. */
export interface ExtractInput {
  name: string
  bytes: Uint8Array
  url?: string
}

/** A file that cannot be turned into an article; the message names the file and the cause. */
export class ExtractError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'ExtractError'
  }
}

// Placeholder until the extraction module lands: plain text only, first line as the title.
export async function extractDocument(input: ExtractInput): Promise<ExtractedArticle> {
  const text = new TextDecoder('utf-8').decode(input.bytes)
  if (text.trim() === '') throw new ExtractError(input.name, 'the file is empty')
  return fromText(text, 'text', input.url ?? null)
}

export async function extractPaste(input: PasteInput): Promise<ExtractedArticle> {
  return fromText(input.text, 'paste-text', input.url ?? null)
}

function fromText(text: string, format: ExtractedArticle['format'], url: string | null): ExtractedArticle {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  const title = paragraphs.shift() ?? 'Untitled'
  const contentText = paragraphs.join('\n\n')
  return {
    format,
    title,
    subtitle: null,
    authors: [],
    siteName: null,
    section: null,
    publishedAt: null,
    language: null,
    url,
    excerpt: paragraphs[0]?.slice(0, 300) ?? null,
    rights: null,
    wordCount: contentText.split(/\s+/).filter(Boolean).length,
    contentText,
    contentHtml: paragraphs.map((p) => `<p>${p.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</p>`).join('\n'),
    warnings: [],
  }
}
