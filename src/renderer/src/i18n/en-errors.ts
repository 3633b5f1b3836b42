/**
 * The engine's keyed messages (ApiError.messageKey, ImportItemResult.messageKey) in English, by
 * the camelCase of their key (spread into en.ts). The engine's own words stay what the CLI prints.
 */
export const enErrors = {
  engineErrors: {
    fileEmpty: 'the file is empty',
    fileTypeUnsupported: 'this kind of file cannot be imported: {type}',
    fileTooLarge: 'the file is too large to import ({size} MB; the limit is {limit} MB)',
    noReadableText: 'no readable text was found in it',
    clipboardEmpty: 'there is nothing on the clipboard',
    articleNotFound: 'there is no article {ids} in the archive (it may have been deleted)',
    listNotFound: 'there is no such citation list (it may have been deleted)',
    collectionNotFound: 'there is no such collection (it may have been deleted)',
    tagNotFound: 'there is no tag “{name}”',
    highlightNotFound: 'the highlight is gone (it may have been deleted)',
    listNameTaken: 'a citation list named “{name}” already exists',
    collectionNameTaken: 'a collection named “{name}” already exists',
    tagNameTaken: 'a tag named “{name}” already exists; merge the tags instead',
    nameEmpty: 'the name cannot be empty',
    archiveDamaged:
      'the archive file is damaged; nothing more is written to it. Restore the newest backup (lectern restore --latest)',
    storageFull:
      'the disk is full (or the archive reached its size limit): free some space and try again; everything stored before is intact',
    invalidDate: 'that is not a date: write it as 2026, 2026-02 or 2026-02-07',
    fileTypes: {
      png: 'a PNG image',
      jpeg: 'a JPEG image',
      gif: 'a GIF image',
      zip: 'a ZIP archive (or an Office document)',
      gzip: 'a gzip archive',
      rar: 'a RAR archive',
      sevenZip: 'a 7-Zip archive',
      oldOffice: 'an old Office document',
      elf: 'a program (ELF)',
      windowsProgram: 'a Windows program',
      binary: 'binary data, not text',
      propertyList: 'a binary property list, not a Safari web archive',
    },
  },
}
