/** English messages of the import summary's duplicate list (spread into en.ts under `importDuplicates`). */
export const enImport = {
  importDuplicates: {
    title: 'Already in the archive ({n} file): | Already in the archive ({n} files):',
    sameFile: 'the same file as #{id}',
    sameUrl: 'the same address as #{id}',
    similarText: 'nearly the same text as #{id} ({percent}% alike)',
    known: 'already stored as #{id}',
    replace: 'Replace',
    keep: 'Keep both',
    replaceLabel: 'Replace article #{id} with {file}',
    keepLabel: 'Import {file} as a new article next to #{id}',
    replaceAll: 'Replace all',
    keepAll: 'Keep both for all',
    replaced: 'Replaced #{id}',
    kept: 'Kept as #{id}',
    working: 'Importing again…',
  },
}

export type ImportMessages = typeof enImport
