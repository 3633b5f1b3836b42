import { ACCEPTED_EXTENSIONS } from '../stores/importer'

function hasAcceptedExtension(name: string): boolean {
  const lower = name.toLowerCase()
  return ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension))
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

async function filesInDirectory(directory: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = directory.createReader()
  const files: File[] = []
  // readEntries answers in pages; an empty page means the end.
  for (let page = await readEntries(reader); page.length > 0; page = await readEntries(reader)) {
    for (const entry of page) {
      if (entry.isDirectory) files.push(...(await filesInDirectory(entry as FileSystemDirectoryEntry)))
      else if (entry.isFile && hasAcceptedExtension(entry.name))
        files.push(await entryFile(entry as FileSystemFileEntry))
    }
  }
  return files
}

/**
 * Files from a drop. Dropped folders are walked for pages Lectern can import; files dropped
 * one by one are all passed on, so an unsupported one is reported by name instead of vanishing.
 */
export async function collectDroppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null))
  if (entries.length === 0 || entries.some((entry) => entry === null)) return Array.from(transfer.files)
  const files: File[] = []
  for (const entry of entries as FileSystemEntry[]) {
    if (entry.isDirectory) files.push(...(await filesInDirectory(entry as FileSystemDirectoryEntry)))
    else files.push(await entryFile(entry as FileSystemFileEntry))
  }
  return files
}

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}
