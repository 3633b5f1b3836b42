import type { CiteFormat } from '../../../common/types'
import { escapeHtml } from './citeHtml'

export type ExportFormat = Exclude<CiteFormat, 'text'>

export interface ExportKind {
  format: ExportFormat
  extension: string
  mime: string
  /** Told apart from BibTeX in the file name, since both end in .bib. */
  nameSuffix: string
}

export const EXPORT_KINDS: readonly ExportKind[] = [
  { format: 'bibtex', extension: 'bib', mime: 'application/x-bibtex', nameSuffix: '' },
  { format: 'biblatex', extension: 'bib', mime: 'application/x-bibtex', nameSuffix: '-biblatex' },
  { format: 'ris', extension: 'ris', mime: 'application/x-research-info-systems', nameSuffix: '' },
  { format: 'csl-json', extension: 'json', mime: 'application/vnd.citationstyles.csl+json', nameSuffix: '' },
  { format: 'html', extension: 'html', mime: 'text/html', nameSuffix: '' },
  { format: 'markdown', extension: 'md', mime: 'text/markdown', nameSuffix: '' },
]

export function exportKind(format: ExportFormat): ExportKind {
  const kind = EXPORT_KINDS.find((candidate) => candidate.format === format)
  if (!kind) throw new Error(`no export kind for ${format}`)
  return kind
}

const MAX_BASE_LENGTH = 80

/**
 * A file name made from the list's name that every desktop system accepts: letters of any script
 * stay, characters Windows forbids and control characters go, spaces become dashes.
 */
export function exportFileName(listName: string, format: ExportFormat): string {
  const kind = exportKind(format)
  const base =
    listName
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
      .trim()
      .replace(/\s+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[.-]+|[.-]+$/g, '')
      .slice(0, MAX_BASE_LENGTH)
      .replace(/[.-]+$/, '') || 'citations'
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)
  return `${reserved ? `${base}-list` : base}${kind.nameSuffix}.${kind.extension}`
}

/** A standalone page around a bibliography that was already reduced to whitelisted HTML. */
export function htmlDocument(title: string, bodyHtml: string, language: string): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;line-height:1.5}' +
      '.csl-entry{margin:0 0 .8em;padding-left:2em;text-indent:-2em}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    bodyHtml,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** Saves text as a file through the browser's download (the desktop shell shows a save dialog). */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
