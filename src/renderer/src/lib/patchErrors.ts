import type { ArticlePatch } from '../../../common/types'

export type PatchField = keyof ArticlePatch

/**
 * Pulls per-field problems out of an `invalid-arguments` message such as
 * "updateArticle: patch.publishedAt: expected a date…; patch.url: Invalid URL".
 * What does not name a field is returned as `general`.
 */
export function splitPatchErrors(message: string): {
  fields: Partial<Record<PatchField, string>>
  general: string[]
} {
  const fields: Partial<Record<PatchField, string>> = {}
  const general: string[] = []
  const body = message.replace(/^\w+: /, '')
  for (const part of body.split('; ')) {
    const match = /^patch\.(\w+)(?:\.\d+)?: (.*)$/.exec(part.trim())
    if (match) fields[match[1] as PatchField] = match[2]
    else if (part.trim()) general.push(part.trim())
  }
  return { fields, general }
}

export const LANGUAGE_PATTERN = /^[a-z]{2,3}$/

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
