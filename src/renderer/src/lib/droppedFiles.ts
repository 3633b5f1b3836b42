import { skipReasonForName } from '../../../common/import-kinds'
import type { ImportItemResult } from '../../../common/types'

/** A drop: the files to import, and the files of dropped folders passed over by their names. */
export interface DroppedFiles {
  files: File[]
  skipped: ImportItemResult[]
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject))
}

async function walkDirectory(directory: FileSystemDirectoryEntry, dropped: DroppedFiles): Promise<void> {
  const reader = directory.createReader()
  // readEntries answers in pages; an empty page means the end.
  for (let page = await readEntries(reader); page.length > 0; page = await readEntries(reader)) {
    for (const entry of page) {
      if (entry.isDirectory) {
        if (!entry.name.startsWith('.')) await walkDirectory(entry as FileSystemDirectoryEntry, dropped)
        continue
      }
      if (!entry.isFile) continue
      const skipReason = skipReasonForName(entry.name)
      if (skipReason) {
        const file = entry.fullPath.replace(/^\//, '') || entry.name
        dropped.skipped.push({ file, status: 'skipped', skipReason })
      } else dropped.files.push(await entryFile(entry as FileSystemFileEntry))
    }
  }
}

/**
 * Files from a drop. Dropped folders are walked as a folder import walks them: pages and reference
 * files are read, other files are reported as skipped by their names. Files dropped one by one are
 * all passed on, so the engine judges each by its content.
 */
export async function collectDroppedFiles(transfer: DataTransfer): Promise<DroppedFiles> {
  const entries = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null))
  if (entries.length === 0 || entries.some((entry) => entry === null))
    return { files: Array.from(transfer.files), skipped: [] }
  const dropped: DroppedFiles = { files: [], skipped: [] }
  for (const entry of entries as FileSystemEntry[]) {
    if (entry.isDirectory) await walkDirectory(entry as FileSystemDirectoryEntry, dropped)
    else dropped.files.push(await entryFile(entry as FileSystemFileEntry))
  }
  return dropped
}

export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}
