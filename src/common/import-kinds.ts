/**
 * Which files an import takes, judged by their names: shared by the engine's folder walk and the
 * window's dropped folders, so both pass over the same files for the same reasons. The engine looks
 * at the content of every file it reads as well (a licence text named .txt, JSON that is not CSL-JSON).
 */

/** Saved pages: HTML, MHTML, SingleFile, text copies, PDF, Safari web archives. */
export const PAGE_EXTENSIONS = [
  '.html',
  '.htm',
  '.xhtml',
  '.shtml',
  '.mhtml',
  '.mht',
  '.txt',
  '.text',
  '.pdf',
  '.webarchive',
] as const

/** Reference files (BibTeX and BibLaTeX, RIS, CSL-JSON), recognised by their content once read. */
export const REFERENCE_EXTENSIONS = ['.bib', '.bibtex', '.ris', '.json', '.csljson'] as const

/** Every extension a folder import reads. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = [...PAGE_EXTENSIONS, ...REFERENCE_EXTENSIONS]

/** Why an import passed over a file that is not a page or a reference file. */
export const SKIP_REASONS = [
  'hidden',
  'licence',
  'readme',
  'data',
  'archive',
  'image',
  'font',
  'program',
  'media',
  'document',
  'code',
  'other',
] as const

export type SkipReason = (typeof SKIP_REASONS)[number]

const EXTENSION_KINDS: Readonly<
  Record<Exclude<SkipReason, 'hidden' | 'licence' | 'readme' | 'other'>, string>
> = {
  data: 'csv tsv xml yaml yml toml ini cfg conf sql sqlite sqlite3 db log ndjson jsonl geojson map plist',
  archive: 'zip gz tgz tar bz2 tbz tbz2 xz txz 7z rar zst lz lzma cab iso dmg',
  image: 'png jpg jpeg gif webp bmp ico icns tif tiff heic heif avif svg psd',
  font: 'woff woff2 ttf otf eot',
  program: 'exe dll so dylib msi deb rpm apk jar class o a bin wasm pyc node',
  media: 'mp3 mp4 m4a m4v wav ogg oga ogv opus flac aac webm mov avi mkv wmv mpg mpeg 3gp',
  document: 'doc docx odt ods odp xls xlsx ppt pptx rtf epub djvu pages numbers key',
  code: 'js mjs cjs ts tsx jsx css scss sass less py rb go rs java c h cc cpp hpp cs php pl sh bash zsh ps1 bat cmd swift kt lua vue',
}

const KIND_BY_EXTENSION: ReadonlyMap<string, SkipReason> = new Map(
  Object.entries(EXTENSION_KINDS).flatMap(([kind, extensions]) =>
    extensions.split(' ').map((extension) => [`.${extension}`, kind as SkipReason] as const),
  ),
)

/** Names that hold text about a project rather than an article; licences are also found by content. */
const README_STEM =
  /^(?:readme|notice|upstream[-_ ]?notice|third[-_ ]party[-_ ]notices?|changelog|changes|authors|contributors|contributing|code[-_ ]of[-_ ]conduct)$/i
const LICENCE_STEM = /^(?:.+[-_ .])?(?:licen[cs]es?|copying|unlicense)$/i
/** Extensions a README or licence is written with (none, plain text, Markdown and the like). */
const TEXT_NOTE_EXTENSIONS: ReadonlySet<string> = new Set([
  '',
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.rst',
  '.adoc',
])

/** ".html" for "Page.HTML"; "" when the name has none (a leading dot is a hidden name, not an extension). */
export function extensionOf(name: string): string {
  const base = baseName(name)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name
}

/** A licence, README, NOTICE or CHANGELOG by its name alone; null for any other name. */
export function projectFileReason(name: string): 'licence' | 'readme' | null {
  const extension = extensionOf(name)
  if (!TEXT_NOTE_EXTENSIONS.has(extension)) return null
  const base = baseName(name)
  const stem = extension ? base.slice(0, -extension.length) : base
  if (LICENCE_STEM.test(stem)) return 'licence'
  if (README_STEM.test(stem)) return 'readme'
  return null
}

/**
 * Why a file met inside a folder is passed over without being read, or null when the import reads
 * it (a page or a reference file by its extension).
 */
export function skipReasonForName(name: string): SkipReason | null {
  if (baseName(name).startsWith('.')) return 'hidden'
  const projectFile = projectFileReason(name)
  if (projectFile) return projectFile
  const extension = extensionOf(name)
  if (IMPORTABLE_EXTENSIONS.includes(extension)) return null
  return KIND_BY_EXTENSION.get(extension) ?? 'other'
}
