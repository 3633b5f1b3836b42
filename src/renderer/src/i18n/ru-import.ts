import type { ImportMessages } from './en-import'

/** Russian messages of the import summary's duplicate list; plurals are "one | few | many". */
export const ruImport: ImportMessages = {
  importDuplicates: {
    title: 'Уже в архиве ({n} файл): | Уже в архиве ({n} файла): | Уже в архиве ({n} файлов):',
    sameFile: 'тот же файл, что и №{id}',
    sameUrl: 'тот же адрес, что и у №{id}',
    similarText: 'почти тот же текст, что и в №{id} (совпадает на {percent}%)',
    known: 'уже сохранён как №{id}',
    replace: 'Заменить',
    keep: 'Оставить оба',
    replaceLabel: 'Заменить статью №{id} файлом {file}',
    keepLabel: 'Импортировать {file} как новую статью рядом с №{id}',
    replaceAll: 'Заменить все',
    keepAll: 'Оставить оба для всех',
    replaced: 'Заменено: №{id}',
    kept: 'Сохранено как №{id}',
    working: 'Импортируем повторно…',
  },
}
