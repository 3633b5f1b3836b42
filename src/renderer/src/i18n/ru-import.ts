import type { ImportMessages } from './en-import'

/** Russian messages of the import summary's duplicate and skipped lists; plurals are "one | few | many". */
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
  importSkipped: {
    count: 'Пропущено: {n} | Пропущено: {n} | Пропущено: {n}',
    title:
      'Пропущены — не страницы и не списки литературы ({n} файл): | Пропущены — не страницы и не списки литературы ({n} файла): | Пропущены — не страницы и не списки литературы ({n} файлов):',
    reasons: {
      hidden: 'скрытый файл',
      licence: 'текст лицензии, а не сохранённая страница',
      readme: 'файл README, NOTICE или CHANGELOG',
      data: 'данные, а не страница и не список литературы',
      archive: 'сжатый архив: распакуйте его, чтобы импортировать содержимое',
      image: 'изображение',
      font: 'шрифт',
      program: 'программа',
      media: 'аудио или видео',
      document: 'документ, который Lectern не читает: сохраните его как PDF или HTML',
      code: 'скрипт, стили или исходный код программы',
      other: 'файлы такого типа Lectern не импортирует',
    },
  },
}
