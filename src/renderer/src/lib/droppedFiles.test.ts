import { describe, expect, it } from 'vitest'
import { collectDroppedFiles } from './droppedFiles'

/** Just enough of the File and Directory Entries API for a drop: files and folders by path. */
function fileEntry(fullPath: string): FileSystemFileEntry {
  const name = fullPath.split('/').pop() as string
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (resolve: (file: File) => void) => resolve(new File(['x'], name)),
  } as unknown as FileSystemFileEntry
}

function folderEntry(fullPath: string, children: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').pop() as string,
    fullPath,
    createReader: () => {
      let given = false
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          resolve(given ? [] : children)
          given = true
        },
      }
    },
  } as unknown as FileSystemDirectoryEntry
}

function drop(entries: FileSystemEntry[]): DataTransfer {
  return {
    items: entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry })),
    files: [],
  } as unknown as DataTransfer
}

describe('collectDroppedFiles', () => {
  it('reads the pages and references of a dropped folder and reports the other files as skipped', async () => {
    const saved = folderEntry('/saved', [
      fileEntry('/saved/page.html'),
      fileEntry('/saved/refs.bib'),
      fileEntry('/saved/safari.webarchive'),
      fileEntry('/saved/LICENSE'),
      fileEntry('/saved/photo.png'),
      fileEntry('/saved/.DS_Store'),
      folderEntry('/saved/.git', [fileEntry('/saved/.git/config')]),
      folderEntry('/saved/older', [fileEntry('/saved/older/copy.txt'), fileEntry('/saved/older/pages.zip')]),
    ])
    const dropped = await collectDroppedFiles(drop([saved, fileEntry('/notes.md')]))
    expect(dropped.files.map((file) => file.name)).toEqual([
      'page.html',
      'refs.bib',
      'safari.webarchive',
      'copy.txt',
      'notes.md',
    ])
    expect(dropped.skipped).toEqual([
      { file: 'saved/LICENSE', status: 'skipped', skipReason: 'licence' },
      { file: 'saved/photo.png', status: 'skipped', skipReason: 'image' },
      { file: 'saved/.DS_Store', status: 'skipped', skipReason: 'hidden' },
      { file: 'saved/older/pages.zip', status: 'skipped', skipReason: 'archive' },
    ])
  })
})
