/**
 * One field's value between TeX and CSL: decoded by the kind of variable it holds (text, a title, a URL,
 * names, pages, a language), encoded back for a dialect, and compared as BibTeX reads it.
 */
import type { CslName } from '../csl-item'
import type { Kind } from './bibtex-fields'
import { formatNames, parseNames } from './bibtex-names'
import type { BibDialect } from './bibtex-types'
import {
  decodeTexExact,
  escapeTex,
  escapeTitle,
  languageCode,
  languageName,
  LANGUAGE_NAMES,
  texUrl,
} from './tex'

/** A URL or DOI as written: only the escapes of TeX specials are undone ("a\\_b" -> "a_b"). */
export function unescapeVerbatim(raw: string): string {
  return raw
    .replace(/\\([_%#&$~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

interface Decoded {
  value: string | CslName[]
  exact: boolean
}

export function decodeValue(kind: Kind, raw: string): Decoded {
  switch (kind) {
    case 'verbatim':
      return { value: unescapeVerbatim(raw), exact: true }
    case 'names': {
      return { value: parseNames(raw), exact: decodeTexExact(raw).exact }
    }
    case 'page': {
      const decoded = decodeTexExact(raw)
      return { value: decoded.text.replace(/\s*[–—]\s*/g, '-'), exact: decoded.exact }
    }
    case 'language': {
      const decoded = decodeTexExact(raw)
      const code = languageCode(decoded.text)
      // Only a name that an export writes back the same becomes a code ("russian" -> "ru").
      const exactCode = code && LANGUAGE_NAMES[code] === decoded.text.toLowerCase() ? code : undefined
      return { value: exactCode ?? decoded.text, exact: decoded.exact }
    }
    default: {
      const decoded = decodeTexExact(raw)
      return { value: decoded.text, exact: decoded.exact }
    }
  }
}

export function encodeValue(kind: Kind, value: string | CslName[], dialect: BibDialect): string {
  const options = { ascii: dialect === 'bibtex' }
  if (Array.isArray(value)) return formatNames(value, options)
  switch (kind) {
    case 'verbatim':
      return texUrl(value)
    case 'title':
      return escapeTitle(value, options)
    case 'page':
      return escapeTex(value, options).replace(/(\d)\s*[-–—]\s*(?=\w)/g, '$1--')
    case 'language':
      return escapeTex(
        /^[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*$/.test(value) ? (languageName(value) ?? value) : value,
        options,
      )
    default:
      return escapeTex(value, options)
  }
}

/** A value with braces and runs of whitespace taken out: two spellings BibTeX reads alike compare equal. */
export function looseTex(value: string): string {
  return value.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim()
}

/** Deep equality of plain JSON data, whatever the order of object keys. */
export function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false
  if (Array.isArray(left) !== Array.isArray(right)) return false
  const leftKeys = Object.keys(left).filter((key) => (left as Record<string, unknown>)[key] !== undefined)
  const rightKeys = Object.keys(right).filter((key) => (right as Record<string, unknown>)[key] !== undefined)
  if (leftKeys.length !== rightKeys.length) return false
  return leftKeys.every((key) =>
    sameValue((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
  )
}
