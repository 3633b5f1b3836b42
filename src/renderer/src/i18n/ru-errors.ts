import type { enErrors } from './en-errors'

/** Сообщения движка по ключу (ApiError.messageKey, ImportItemResult.messageKey), по-русски. */
export const ruErrors: typeof enErrors = {
  engineErrors: {
    fileEmpty: 'файл пуст',
    fileTypeUnsupported: 'файлы такого рода не импортируются: {type}',
    fileTooLarge: 'файл слишком велик для импорта ({size} МБ; предел — {limit} МБ)',
    noReadableText: 'в нём не нашлось текста, который можно прочитать',
    clipboardEmpty: 'в буфере обмена ничего нет',
    articleNotFound: 'статьи {ids} в архиве нет (возможно, её удалили)',
    listNotFound: 'такого списка литературы нет (возможно, его удалили)',
    collectionNotFound: 'такой подборки нет (возможно, её удалили)',
    tagNotFound: 'метки «{name}» нет',
    highlightNotFound: 'выделения больше нет (возможно, его удалили)',
    listNameTaken: 'список литературы «{name}» уже есть',
    collectionNameTaken: 'подборка «{name}» уже есть',
    tagNameTaken: 'метка «{name}» уже есть; объедините метки',
    nameEmpty: 'название не может быть пустым',
    archiveDamaged:
      'файл архива повреждён, в него больше ничего не записывается. Восстановите последнюю резервную копию (lectern restore --latest)',
    storageFull:
      'диск заполнен (или архив достиг предельного размера): освободите место и попробуйте снова; всё сохранённое раньше цело',
    invalidDate: 'это не дата: пишите её как 2026, 2026-02 или 2026-02-07',
    fileTypes: {
      png: 'изображение PNG',
      jpeg: 'изображение JPEG',
      gif: 'изображение GIF',
      zip: 'архив ZIP (или документ Office)',
      gzip: 'архив gzip',
      rar: 'архив RAR',
      sevenZip: 'архив 7-Zip',
      oldOffice: 'документ старого формата Office',
      elf: 'программа (ELF)',
      windowsProgram: 'программа для Windows',
      binary: 'двоичные данные, а не текст',
      propertyList: 'двоичный список свойств, а не веб-архив Safari',
    },
  },
}
