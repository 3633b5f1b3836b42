/**
 * Wording that GOST R 7.0.100-2018 takes from the item's own language and that CSL cannot produce: Russian
 * names after "под редакцией" and "перевод" stand in the genitive ("под редакцией А. П. Соколова"), and a
 * numbered edition reads "2-е изд." or "2nd ed." whatever the interface's language (citeproc-js makes
 * ordinals in the interface's language only).
 */
import type { CslName } from '../csl-item'

type Sex = 'male' | 'female'

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}]+$/u
/** First names ending in -а/-я that belong to men. */
const MALE_FIRST_NAMES = new Set([
  'никита',
  'илья',
  'фома',
  'кузьма',
  'лука',
  'савва',
  'данила',
  'гаврила',
  'миша',
  'саша',
])

function sexOf(family: string, given: string | undefined): Sex {
  // Initials ("А. П.") tell nothing.
  const words = (given ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 1 && !word.endsWith('.'))
  const patronymic = words[1]
  if (patronymic) {
    if (/(вна|чна|ична)$/.test(patronymic)) return 'female'
    if (/(вич|ич)$/.test(patronymic)) return 'male'
  }
  const surname = family.toLowerCase()
  if (/(ова|ева|ёва|ина|ына|ая|яя)$/.test(surname)) return 'female'
  if (/(ов|ев|ёв|ин|ын|ий|ой|ый)$/.test(surname)) return 'male'
  const first = words[0]
  if (first && /[ая]$/.test(first) && !MALE_FIRST_NAMES.has(first)) return 'female'
  return 'male'
}

/** A noun-like ending in -а/-я: "Глинка" -> "Глинки", "Сковорода" -> "Сковороды", "Гарсия" -> "Гарсии". */
function declineLikeNoun(word: string): string {
  if (/я$/.test(word)) return `${word.slice(0, -1)}и`
  return /[гкхжшчщ]а$/.test(word) ? `${word.slice(0, -1)}и` : `${word.slice(0, -1)}ы`
}

function genitiveSurname(word: string, sex: Sex): string {
  if (!CYRILLIC_WORD.test(word)) return word
  const lower = word.toLowerCase()
  const replaceEnd = (length: number, ending: string): string => `${word.slice(0, -length)}${ending}`
  if (sex === 'female') {
    if (/(ова|ева|ёва|ина|ына)$/.test(lower)) return replaceEnd(1, 'ой')
    if (/ая$/.test(lower)) return replaceEnd(2, 'ой')
    if (/яя$/.test(lower)) return replaceEnd(2, 'ей')
    if (/[ая]$/.test(lower)) return declineLikeNoun(word)
    return word
  }
  if (/(ов|ев|ёв|ин|ын)$/.test(lower)) return `${word}а`
  if (/([гкхц]ий|ый|ой)$/.test(lower)) return replaceEnd(2, 'ого')
  if (/(их|ых)$/.test(lower)) return word
  if (/[ьй]$/.test(lower)) return replaceEnd(1, 'я')
  if (/[ая]$/.test(lower)) return declineLikeNoun(word)
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return `${word}а`
  return word
}

/** The name with a Cyrillic surname in the genitive; initials, organisations and Latin names stay as they are. */
export function genitiveName(name: CslName): CslName {
  if (!name.family || name.literal) return name
  const sex = sexOf(name.family, name.given)
  const family = name.family
    .split('-')
    .map((part) => genitiveSurname(part, sex))
    .join('-')
  return { ...name, family }
}

function englishOrdinal(number: number): string {
  const lastTwo = number % 100
  if (lastTwo >= 11 && lastTwo <= 13) return `${number}th`
  const suffix = ['th', 'st', 'nd', 'rd'][number % 10] ?? 'th'
  return `${number}${suffix}`
}

/** "2" -> "2-е изд." (Russian) or "2nd ed."; an edition given in words stays as it is. */
export function editionStatement(edition: string | number, russian: boolean): string {
  const text = String(edition).trim()
  if (!/^\d+$/.test(text)) return text
  const number = Number(text)
  return russian ? `${number}-е изд.` : `${englishOrdinal(number)} ed.`
}
