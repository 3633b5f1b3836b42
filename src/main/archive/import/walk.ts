import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import {
  IMPORTABLE_EXTENSIONS as IMPORTABLE_EXTENSION_LIST,
  skipReasonForName,
  type SkipReason,
} from '../../../common/import-kinds'

/** File kinds read when walking a folder (pages and reference files); a file named explicitly is always read. */
export const IMPORTABLE_EXTENSIONS: ReadonlySet<string> = new Set(IMPORTABLE_EXTENSION_LIST)

/**
 * A file to import; a path that cannot be imported and why (reported as a failed item); or a file
 * passed over by its name without being read (reported as a skipped item).
 */
export interface ImportTarget {
  path: string
  size?: number
  problem?: string
  skip?: SkipReason
}

export interface ImportWalk {
  /** Every file met, in a stable order. */
  targets: ImportTarget[]
  /** Subfolders of the given folders that were not entered because the walk was not recursive. */
  foldersNotEntered: string[]
}

/**
 * Expand files and folders into the files to import, in a stable order. Inside folders every file
 * is accounted for: pages and reference files by their extension are read; hidden files and files of
 * other kinds become skipped targets. Hidden folders and the "<page>_files" folders browsers save
 * beside a page are not entered; other subfolders only when `recursive` (and listed when not).
 * Unreadable paths become targets with a `problem`, so the batch can report them and go on.
 */
export async function collectImportTargets(
  paths: readonly string[],
  recursive: boolean,
): Promise<ImportWalk> {
  const targets: ImportTarget[] = []
  const foldersNotEntered: string[] = []
  const walkedFolders = new Set<string>()

  async function visit(path: string, namedByUser: boolean): Promise<void> {
    // Inside folders the name decides what is read; a file the user named is always tried.
    const skip = namedByUser ? null : skipReasonForName(path)
    let info
    try {
      info = await stat(path)
    } catch (error) {
      targets.push(skip ? { path, skip } : { path, problem: describeFileError(error) })
      return
    }
    if (info.isFile()) {
      targets.push(skip ? { path, skip } : { path, size: info.size })
      return
    }
    if (!info.isDirectory()) {
      targets.push(skip ? { path, skip } : { path, problem: 'not a regular file (a pipe, socket or device)' })
      return
    }
    if (!namedByUser) {
      if (basename(path).startsWith('.')) return
      if (!recursive) {
        foldersNotEntered.push(path)
        return
      }
    }
    let entries
    try {
      const folder = await realpath(path)
      if (walkedFolders.has(folder)) return // a link back up the tree
      walkedFolders.add(folder)
      entries = await readdir(path, { withFileTypes: true })
    } catch (error) {
      targets.push({ path, problem: describeFileError(error) })
      return
    }
    const names = new Set(entries.map((entry) => entry.name))
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.isDirectory() && (entry.name.startsWith('.') || isSavedPageResources(entry.name, names)))
        continue
      await visit(join(path, entry.name), false)
    }
  }

  for (const path of paths) await visit(path, true)
  return { targets, foldersNotEntered }
}

const SAVED_PAGE_EXTENSIONS = ['.html', '.htm', '.xhtml', '.shtml']

/** "Page_files" next to "Page.html" holds the page's images and scripts, not articles. */
function isSavedPageResources(folderName: string, siblings: ReadonlySet<string>): boolean {
  const match = /^(.*)_files$/.exec(folderName)
  if (!match) return false
  const stem = match[1]
  return SAVED_PAGE_EXTENSIONS.some((ext) => siblings.has(`${stem}${ext}`))
}

/**
 * The "Page_files" folder a browser saved beside "Page.html" (absolute), or null when there is none.
 * A symbolic link in its place does not count.
 */
export async function savedPageResourceDir(pagePath: string): Promise<string | null> {
  const extension = extname(pagePath)
  if (!SAVED_PAGE_EXTENSIONS.includes(extension.toLowerCase())) return null
  const folder = resolve(dirname(pagePath), `${basename(pagePath, extension)}_files`)
  try {
    const info = await lstat(folder)
    return info.isDirectory() ? folder : null
  } catch {
    return null
  }
}

/** A file-system error in words a user understands. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder (or a link to one that is gone)'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder, not a file'
    case 'ENOTDIR':
      return 'part of the path is not a folder'
    case 'ELOOP':
      return 'too many symbolic links in the path'
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files'
    case 'EIO':
      return 'input/output error while reading'
    default:
      return error instanceof Error ? error.message : String(error)
  }
}
