/**
 * Words that label a credit rather than a text: a picture's credit, a news agency, a staff role. Regular
 * expression alternations, to be set into the rules that use them (signals.ts, block-rules.ts).
 *
 * The picture-credit lists differ by rule. Made one list, they change seven of the 1,863 entries of
 * `npm run bench:snapshot` (corpus pages and their text copies; some for the better, some for the worse),
 * so each rule keeps its own here, side by side, until that change is made and measured on its own.
 */

/** Opening a credit line: "Фото: пресс-служба", "Image © Reuters". */
export const CREDIT_LINE_LABELS =
  'фото(?:графия)?|photo(?:graph)?|foto|image|picture|credits?|иллюстрация|изображение|коллаж|инфографика|видео|video'

/** Before the credit that closes a caption line of a text copy: "… (Photo: Dimitris Papamitsos / AP)". */
export const CAPTION_LINE_CREDIT_LABELS = 'фото|photo|foto|photograph|image credit|credit'

/** Before the credit that closes a caption block of an HTML page: "… Foto: Getty Images". */
export const CAPTION_BLOCK_CREDIT_LABELS = 'foto|fotos|photo|photos|фото|bild|image|credit'

/** Opening a credit that stands where an author's name is expected: "Фото Ивана Петрова", "Video: …". */
export const CREDIT_NAME_LABELS =
  'фото|photo|photos|фотография|иллюстрация|illustration|image|видео|video|credit|источник фото'

/** "Source:", "Quelle:", "Источник:" and the like, before an agency's or a press office's name. */
export const SOURCE_LABELS =
  'source|sources|quelle|quellen|источник|джерело|bron|fuente|fonte|kilde|källa|lähde|kaynak|źródło|zdroj|forrás|izvor'

/** Staff roles a credit line opens with ("Redaktion:", "Fact-checking:", "Корректор:"). */
export const STAFF_ROLES =
  'redaktion|schlussredaktion|mitarbeit|faktencheck|recherche|illustrationen?|lektorat|edited by|editors?|editing|fact[- ]check(?:ing)?|(?:additional )?reporting|illustrations?|rédaction|edición|redacción|redazione|редактор|редакция|редактура|иллюстрации|корректор'

/**
 * Photo agencies and photo banks whose name alone, or with a photographer's, makes a credit line
 * ("Shutterstock / FOTODOM", "РИА Новости / Иван Петров", "Getty Images"). Lower-cased.
 */
export const PHOTO_AGENCIES: ReadonlySet<string> = new Set([
  'shutterstock',
  'fotodom',
  'fotodom.ru',
  'shutterstock.com',
  'depositphotos',
  'depositphotos.com',
  'getty images',
  'gettyimages',
  'istock',
  'istockphoto',
  'istockphoto.com',
  'unsplash',
  'unsplash.com',
  'pixabay',
  'pexels',
  'freepik',
  'alamy',
  'legion-media',
  'legion media',
  'global look press',
  'east news',
  'ria novosti',
  'риа новости',
  'риа новости фотобанк',
  'фотобанк',
  'фотобанк лори',
  'тасс',
  'итар-тасс',
  'фото итар-тасс',
  'интерпресс',
  'спутник',
  'sputnik',
  'reuters',
  'ap',
  'ap photo',
  'afp',
  'epa',
  'epa-efe',
  'dpa',
  'pa',
  'pa images',
  'pa wire',
  'zuma press',
  'imago',
  'sipa',
  'anadolu',
  'xinhua',
  'пресс-служба',
  'из открытых источников',
  'открытые источники',
  'соцсети',
])
