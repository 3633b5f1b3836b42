import { foldWord, queryTokens, words } from './normalize'
import {
  and,
  languageCondition,
  notesCondition,
  not,
  or,
  pageKindCondition,
  publishedAfter,
  publishedBefore,
  readCondition,
  tagCondition,
  type SqlCondition,
} from './filters'
import type { QueryFilter, QueryNode, TextField } from './query'

/** FTS5 column of each searchable field (see articles_fts in db/migrations.ts). */
const FIELD_COLUMN: Record<TextField, string> = {
  title: 'title',
  author: 'authors',
  site: 'site',
  note: 'annotations',
}

/** A phrase whose words each have several index forms becomes at most this many alternatives. */
const MAX_PHRASE_VARIANTS = 8
/** Prefixes shorter than this are searched as whole words: "a*" would touch the whole index. */
export const MIN_PREFIX_LENGTH = 2

/** Index tokens a prefix reaches beyond those that start with the prefix itself. */
export type PrefixStems = ReadonlyMap<string, readonly string[]>

/** What the snippet marker needs to know about the query. */
export interface MatchTerms {
  /** Index tokens of the query's positive words and phrases. */
  tokens: Set<string>
  /** Folded prefixes of the query's prefix words. */
  prefixes: string[]
}

export interface CompiledQuery {
  /** FTS5 MATCH expression the results must satisfy, or null. */
  match: string | null
  /** FTS5 MATCH expression the results must not satisfy (a query made only of exclusions). */
  exclude: string | null
  /** Conditions from filters (tag:, lang:, before:, after:, is:). */
  conditions: SqlCondition[]
  terms: MatchTerms
}

/** Folded prefixes of the query's prefix words, for looking up their stems before compiling. */
export function prefixWords(node: QueryNode | null): string[] {
  if (!node) return []
  switch (node.kind) {
    case 'word':
      return isPrefixSearch(node) ? [foldWord(node.text)] : []
    case 'and':
    case 'or':
      return node.children.flatMap(prefixWords)
    case 'not':
      return prefixWords(node.child)
    default:
      return []
  }
}

export function compileQuery(node: QueryNode | null, prefixStems: PrefixStems): CompiledQuery {
  const compiler = new Compiler(prefixStems)
  const compiled: CompiledQuery = {
    match: null,
    exclude: null,
    conditions: [],
    terms: compiler.terms,
  }
  if (!node) return compiled
  const positives: string[] = []
  const negatives: string[] = []
  for (const part of node.kind === 'and' ? node.children : [node]) {
    const condition = filterOnly(part)
    if (condition) {
      compiled.conditions.push(condition)
      continue
    }
    if (part.kind === 'not') {
      const excluded = compiler.compile(part.child, false)
      if (excluded) negatives.push(excluded)
    } else {
      const expression = compiler.compile(part, true)
      if (expression) positives.push(expression)
    }
  }
  if (positives.length > 0) {
    compiled.match = negatives.reduce(
      (expression, excluded) => `(${expression}) NOT ${excluded}`,
      positives.join(' AND '),
    )
  } else if (negatives.length > 0) {
    compiled.exclude = negatives.join(' OR ')
  }
  return compiled
}

/** The SQL condition of a subtree made only of filters, or null when it holds any text. */
function filterOnly(node: QueryNode): SqlCondition | null {
  switch (node.kind) {
    case 'filter':
      return filterCondition(node.filter)
    case 'not': {
      const inner = filterOnly(node.child)
      return inner && not(inner)
    }
    case 'and':
    case 'or': {
      const parts = node.children.map(filterOnly)
      if (parts.some((part) => part === null)) return null
      return node.kind === 'and' ? and(parts as SqlCondition[]) : or(parts as SqlCondition[])
    }
    default:
      return null
  }
}

function filterCondition(filter: QueryFilter): SqlCondition {
  switch (filter.key) {
    case 'tag':
      return tagCondition(filter.value)
    case 'lang':
      return languageCondition(filter.value)
    case 'before':
      return publishedBefore(filter.value)
    case 'after':
      return publishedAfter(filter.value)
    case 'is':
      return readCondition(filter.value === 'read')
    case 'has':
      return notesCondition(true)
    case 'kind':
      return pageKindCondition(filter.value)
  }
}

function isPrefixSearch(node: { text: string; prefix: boolean }): boolean {
  return node.prefix && foldWord(node.text).length >= MIN_PREFIX_LENGTH && [...words(node.text)].length === 1
}

class Compiler {
  readonly terms: MatchTerms = { tokens: new Set(), prefixes: [] }

  constructor(private readonly prefixStems: PrefixStems) {}

  /** FTS5 text of a subtree, or null when nothing in it can be searched in the index. */
  compile(node: QueryNode, positive: boolean): string | null {
    switch (node.kind) {
      case 'word':
        return this.withField(
          node.field,
          isPrefixSearch(node) ? this.prefix(node.text, positive) : this.phrase(node.text, positive),
        )
      case 'phrase':
        return this.withField(node.field, this.phrase(node.text, positive))
      case 'filter':
        // A filter mixed with words inside OR cannot be answered by the index: it is left out.
        return null
      case 'not':
        // "a OR -b" has no FTS5 form; an exclusion only works next to something to exclude from.
        return null
      case 'or': {
        const alternatives = node.children
          .map((child) => this.compile(child, positive))
          .filter((part): part is string => part !== null)
        if (alternatives.length === 0) return null
        return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`
      }
      case 'and': {
        const required: string[] = []
        const excluded: string[] = []
        for (const child of node.children) {
          if (child.kind === 'not') {
            const part = this.compile(child.child, !positive)
            if (part) excluded.push(part)
          } else {
            const part = this.compile(child, positive)
            if (part) required.push(part)
          }
        }
        if (required.length === 0) return null
        const base = required.length === 1 ? required[0]! : `(${required.join(' AND ')})`
        return excluded.reduce((expression, part) => `(${expression} NOT ${part})`, base)
      }
    }
  }

  private withField(field: TextField | undefined, expression: string | null): string | null {
    if (expression === null || field === undefined) return expression
    return `{${FIELD_COLUMN[field]}} : ${expression}`
  }

  /** Words (one, or several as a phrase) with every index form each word may take. */
  private phrase(text: string, positive: boolean): string | null {
    const forms = [...words(text)].map((word) => queryTokens(word.text)).filter((tokens) => tokens.length > 0)
    if (forms.length === 0) return null
    if (positive) for (const tokens of forms) for (const token of tokens) this.terms.tokens.add(token)
    if (forms.length === 1) return alternatives(forms[0]!.map(quote))
    return alternatives(phraseVariants(forms).map((variant) => quote(variant.join(' '))))
  }

  private prefix(text: string, positive: boolean): string | null {
    const folded = foldWord(text)
    const stems = this.prefixStems.get(folded) ?? []
    if (positive) {
      this.terms.prefixes.push(folded)
      for (const stem of stems) this.terms.tokens.add(stem)
    }
    return alternatives([`${quote(folded)}*`, ...stems.map(quote)])
  }
}

/** Every combination of the words' forms, the first (the stem) preferred, up to a limit. */
function phraseVariants(forms: string[][]): string[][] {
  let variants: string[][] = [[]]
  for (const tokens of forms) {
    const next: string[][] = []
    for (const token of tokens) {
      for (const variant of variants) {
        if (next.length >= MAX_PHRASE_VARIANTS) break
        next.push([...variant, token])
      }
    }
    variants = next
  }
  return variants
}

function alternatives(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`
}
