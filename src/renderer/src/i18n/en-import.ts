import type { SkipReason } from '../../../common/types'

/** English messages of the import summary's duplicate and skipped lists (spread into en.ts). */
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
  importSkipped: {
    count: '{n} skipped | {n} skipped',
    title:
      'Skipped, not pages or reference files ({n} file): | Skipped, not pages or reference files ({n} files):',
    reasons: {
      hidden: 'a hidden file',
      licence: 'a licence text, not a saved page',
      readme: 'a README, NOTICE or CHANGELOG file',
      data: 'data, not a page or a reference file',
      archive: 'a compressed archive: unpack it to import what is inside',
      image: 'an image',
      font: 'a font',
      program: 'a program',
      media: 'audio or video',
      document: 'a document Lectern cannot read: save it as PDF or HTML to import it',
      code: 'a script, stylesheet or program source',
      other: 'not a kind of file Lectern imports',
    } satisfies Record<SkipReason, string>,
  },
}

export type ImportMessages = typeof enImport
