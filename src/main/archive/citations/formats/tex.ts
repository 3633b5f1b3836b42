/** TeX escaping for BibTeX/BibLaTeX field values. Unicode stays as it is (biber and XeTeX read it). */
import type { CslDate, CslItem, CslName } from '../csl-item'

const TEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
}

export function escapeTex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => TEX_SPECIALS[char]!).replace(/\s+/g, ' ')
}

/**
 * Escapes a title and wraps every capitalised word after the first (proper nouns, acronyms) in braces,
 * so sentence-case styles do not lowercase them; adjacent ones share one pair: "{South Caucasus}".
 */
export function escapeTitle(title: string): string {
  const tokens = title.replace(/\s+/g, ' ').trim().split(' ')
  const out: string[] = []
  let group: string[] = []
  const flush = (): void => {
    if (group.length > 0) out.push(`{${group.join(' ')}}`)
    group = []
  }
  tokens.forEach((token, index) => {
    const escaped = escapeTex(token)
    const letters = token.replace(/[^\p{L}]/gu, '')
    const protect = /\p{Lu}/u.test(letters) && (index > 0 || /\p{Lu}/u.test(letters.slice(1)))
    if (protect) {
      group.push(escaped)
    } else {
      flush()
      out.push(escaped)
    }
  })
  flush()
  return out.join(' ')
}

/** BibTeX name list: "Doe, Jane and {Reuters}". */
export function texNames(names: readonly CslName[]): string {
  return names
    .map((name) => {
      if (name.literal) return `{${escapeTex(name.literal)}}`
      const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
      const parts = [escapeTex(family)]
      if (name.suffix) parts.push(escapeTex(name.suffix))
      if (name.given) parts.push(escapeTex(name.given))
      return parts.join(', ')
    })
    .join(' and ')
}

/** "2026-02-07" / "2026-02" / "2026" or undefined. */
export function isoDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0]
  if (!parts || parts.length === 0) return undefined
  return parts
    .map((part, index) => (index === 0 ? String(part).padStart(4, '0') : String(part).padStart(2, '0')))
    .join('-')
}

export function fullTitle(item: CslItem, separator: string): string | undefined {
  if (!item.title) return item.subtitle
  return item.subtitle ? `${item.title}${separator}${item.subtitle}` : item.title
}

/** A URL inside braces must keep its braces balanced; percent-encode them. */
export function texUrl(url: string): string {
  return url.replace(/\{/g, '%7B').replace(/\}/g, '%7D').replace(/\s/g, '%20')
}

export interface TexField {
  name: string
  value: string | undefined
  /** Written without braces: a number or a macro such as `feb`. */
  bare?: boolean
}

export function texEntry(type: string, key: string, fields: readonly TexField[]): string {
  const present = fields.filter((field): field is TexField & { value: string } => Boolean(field.value))
  const width = Math.max(0, ...present.map((field) => field.name.length))
  const lines = present.map(
    (field) => `  ${field.name.padEnd(width)} = ${field.bare ? field.value : `{${field.value}}`}`,
  )
  return `@${type}{${key},\n${lines.join(',\n')}\n}\n`
}

export const LANGUAGE_NAMES: Record<string, string> = {
  ru: 'russian',
  en: 'english',
  de: 'german',
  fr: 'french',
  es: 'spanish',
  it: 'italian',
  uk: 'ukrainian',
  be: 'belarusian',
  kk: 'kazakh',
  az: 'azerbaijani',
  tr: 'turkish',
  pl: 'polish',
  zh: 'chinese',
  ja: 'japanese',
  ar: 'arabic',
}

export function languageName(code: string | undefined): string | undefined {
  if (!code) return undefined
  const primary = code.toLowerCase().split(/[-_]/)[0]!
  return LANGUAGE_NAMES[primary] ?? primary
}
