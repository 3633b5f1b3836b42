/** JSON-LD (schema.org) as pages embed it: the article's node and the site's, and plain values from them. */
import { decodeEntities, squash } from './article'
import type { DomElement } from './dom'
import { splitNames } from './names'

export type JsonObject = Record<string, unknown>

const ARTICLE_TYPES = new Set(
  [
    'article',
    'newsarticle',
    'blogposting',
    'reportagenewsarticle',
    'analysisnewsarticle',
    'opinionnewsarticle',
    'backgroundnewsarticle',
    'reviewnewsarticle',
    'scholarlyarticle',
    'techarticle',
    'report',
    'liveblogposting',
    'socialmediaposting',
  ].map((t) => t.toLowerCase()),
)
const PAGE_TYPES = new Set(['webpage', 'itempage', 'aboutpage', 'profilepage'])

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A node's schema.org types, lower case and without their vocabulary ("https://schema.org/Book" -> "book"). */
export function typesOf(node: JsonObject): string[] {
  const type = node['@type']
  const list = Array.isArray(type) ? type : [type]
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase())
}

function flatten(value: unknown, into: JsonObject[], depth = 0): void {
  if (depth > 5) return
  if (Array.isArray(value)) for (const item of value) flatten(item, into, depth + 1)
  else if (isObject(value)) {
    into.push(value)
    if ('@graph' in value) flatten(value['@graph'], into, depth + 1)
  }
}

export function jsonLdNodes(scripts: readonly DomElement[]): JsonObject[] {
  const nodes: JsonObject[] = []
  for (const script of scripts) {
    const source = (script.textContent ?? '')
      .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
      .trim()
    if (!source || source.length > 2_000_000) continue
    try {
      flatten(JSON.parse(source), nodes)
    } catch {
      try {
        // Raw line breaks inside strings are a common JSON-LD mistake.
        flatten(JSON.parse(source.replace(/[\r\n\t]+/g, ' ')), nodes)
      } catch {
        // Not JSON at all: ignore this script, the other sources still count.
      }
    }
  }
  return nodes
}

/** Plain text of a JSON-LD value: a string, a number, {"@value"}, or the first of a list. */
export function jsonText(value: unknown): string | null {
  if (typeof value === 'string') return squash(decodeEntities(value)) || null
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = jsonText(item)
      if (text) return text
    }
    return null
  }
  if (isObject(value)) return jsonText(value['@value'] ?? value['name'])
  return null
}

/**
 * People named by a JSON-LD author value. Organisations credited as authors are left out; a Person
 * is kept even when it carries the site's name (the page signs this article so, unlike a site-wide
 * <meta name=author> stamp).
 */
export function jsonAuthors(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(jsonAuthors)
  if (typeof value === 'string') return splitNames(value)
  if (!isObject(value) || typesOf(value).some((type) => type.includes('organization'))) return []
  const name =
    jsonText(value['name']) ??
    ([jsonText(value['givenName']), jsonText(value['familyName'])].filter(Boolean).join(' ') || null)
  // One Person sometimes carries two people ("A og B") or a signature ("Elena Oberholzer (obe)").
  return name ? splitNames(name) : []
}

export function jsonUrl(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (isObject(value)) return jsonUrl(value['@id'] ?? value['url'])
  if (Array.isArray(value)) return jsonUrl(value[0])
  return null
}

/**
 * The node describing the article (an Article-like node, else a WebPage node) and the WebSite node, from
 * every ld+json script, arrays and @graph flattened; and every node, for readers that look for others.
 */
export function readJsonLd(scripts: readonly DomElement[]): {
  article: JsonObject | null
  website: JsonObject | null
  nodes: JsonObject[]
} {
  const nodes = jsonLdNodes(scripts)
  const article =
    nodes.find((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t))) ??
    nodes.find((node) => typesOf(node).some((t) => PAGE_TYPES.has(t))) ??
    null
  const website = nodes.find((node) => typesOf(node).includes('website')) ?? null
  return { article, website, nodes }
}
