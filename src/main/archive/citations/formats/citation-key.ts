/** Stable ASCII citation keys: family name + year + first significant title word ("aliyev2026vance"). */
import type { CslItem } from '../csl-item'

// Russian to Latin after ICAO Doc 9303 (the table of Russian passports), plus a few letters of
// neighbouring Cyrillic alphabets; Latin letters with diacritics are folded by NFD below.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'ie',
  ґ: 'g',
  ў: 'u',
  ә: 'a',
  ғ: 'g',
  қ: 'q',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
}

/** Lowercase ASCII letters and digits only. */
export function transliterate(text: string): string {
  const lower = text.toLocaleLowerCase()
  let out = ''
  for (const char of lower) out += CYRILLIC_TO_LATIN[char] ?? char
  return out
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]/g, '')
}

const TITLE_STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'on',
  'in',
  'to',
  'and',
  'for',
  'what',
  'how',
  'why',
  'is',
  'are',
  'и',
  'в',
  'во',
  'на',
  'о',
  'об',
  'по',
  'с',
  'со',
  'к',
  'не',
  'что',
  'как',
  'для',
  'из',
  'за',
  'от',
])

function baseKey(item: CslItem): string {
  const first = item.author?.[0]
  const nameSource =
    first?.family ?? first?.literal?.split(/\s+/)[0] ?? item['container-title']?.split(/\s+/)[0] ?? ''
  const name = transliterate(nameSource) || 'anon'
  const year = item.issued?.['date-parts']?.[0]?.[0]
  const words = (item.title ?? '').split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const word =
    words.find((candidate) => candidate.length > 2 && !TITLE_STOPWORDS.has(candidate.toLocaleLowerCase())) ??
    words[0] ??
    ''
  return `${name}${year ?? 'nd'}${transliterate(word)}`
}

/**
 * One key per item, in order. A repeated key gets a, b, c… from its second occurrence on, so the keys
 * of earlier items do not change when a later item joins the list.
 */
export function citationKeys(items: readonly CslItem[]): string[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const base = baseKey(item)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    return count === 0 ? base : base + suffixFor(count - 1)
  })
}

/**
 * The key each item is exported under: its own citation key as the file had it, or a generated one
 * (as `citationKeys` makes them) that no other item's key already takes.
 */
export function entryKeys(items: readonly CslItem[]): string[] {
  const taken = new Set(items.flatMap((item) => (item['citation-key'] ? [item['citation-key']] : [])))
  const seen = new Map<string, number>()
  return items.map((item) => {
    const own = item['citation-key']
    if (own) return own
    const base = baseKey(item)
    let key: string
    do {
      const count = seen.get(base) ?? 0
      seen.set(base, count + 1)
      key = count === 0 ? base : base + suffixFor(count - 1)
    } while (taken.has(key))
    taken.add(key)
    return key
  })
}

function suffixFor(index: number): string {
  let suffix = ''
  let rest = index
  do {
    suffix = String.fromCharCode(97 + (rest % 26)) + suffix
    rest = Math.floor(rest / 26) - 1
  } while (rest >= 0)
  return suffix
}
