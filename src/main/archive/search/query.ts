/**
 * The search language, parsed by hand so that nothing a person types can become an FTS5 syntax
 * error:
 *
 *   визит Баку            every word must match (any inflection: визит finds визитом, визита)
 *   "South Caucasus"      a phrase (inflections of each word still match)
 *   cooperat*             prefix
 *   pipeline OR газопровод, ИЛИ as well; AND is implied
 *   -oil, NOT oil, НЕ oil leaves out matches
 *   (a OR b) c            parentheses group
 *   title:word  author:Sidorchik  site:caliber.az  note:word   search one field
 *                         (note: searches highlighted passages and their notes)
 *   tag:region/caucasus  lang:ru  before:2026-02  after:2025  is:unread   filter the results
 *   has:notes, есть:заметки  articles with a highlight or note (-has:notes: without)
 *   kind:forum, вид:документация  pages of one kind: article, forum (thread, qa), documentation
 *                         (docs, wiki), listing (list), product, service, or their Russian names
 *
 * Values with spaces go in quotes: tag:"South Caucasus". Unknown `key:value` pairs, stray
 * operators and unbalanced quotes or parentheses are read as plain words.
 */

import type { PageKind } from '../../../common/types'

/** Fields searched inside the full-text index. */
export type TextField = 'title' | 'author' | 'site' | 'note'

/** Conditions answered by the articles table rather than the text index. */
export type QueryFilter =
  | { key: 'tag'; value: string }
  | { key: 'lang'; value: string }
  | { key: 'before'; value: string }
  | { key: 'after'; value: string }
  | { key: 'is'; value: 'read' | 'unread' }
  | { key: 'has'; value: 'notes' }
  | { key: 'kind'; value: PageKind }

export type QueryNode =
  | { kind: 'word'; text: string; prefix: boolean; field?: TextField }
  | { kind: 'phrase'; text: string; field?: TextField }
  | { kind: 'filter'; filter: QueryFilter }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }

type Token =
  { type: 'open' } | { type: 'close' } | { type: 'or' } | { type: 'not' } | { type: 'leaf'; node: QueryNode }

const OR_WORDS = new Set(['OR', 'ИЛИ', '|'])
const NOT_WORDS = new Set(['NOT', 'НЕ'])
const AND_WORDS = new Set(['AND', '&'])
const TEXT_FIELDS: Record<string, TextField> = {
  title: 'title',
  заголовок: 'title',
  author: 'author',
  автор: 'author',
  site: 'site',
  сайт: 'site',
  note: 'note',
  notes: 'note',
  заметка: 'note',
}
const FILTER_KEYS: Record<string, QueryFilter['key']> = {
  tag: 'tag',
  тег: 'tag',
  lang: 'lang',
  language: 'lang',
  язык: 'lang',
  before: 'before',
  до: 'before',
  after: 'after',
  после: 'after',
  is: 'is',
  has: 'has',
  есть: 'has',
  kind: 'kind',
  вид: 'kind',
}
/** `has:` values that mean "annotated": a highlight without a note text counts too. */
const NOTES_WORDS = new Set(['notes', 'note', 'highlights', 'заметки', 'заметка', 'выделения'])
/** `kind:` values: each kind's own name, the words people use for it, and the Russian ones. */
const PAGE_KIND_WORDS: Record<string, PageKind> = {
  article: 'article',
  статья: 'article',
  forum: 'forum',
  thread: 'forum',
  qa: 'forum',
  форум: 'forum',
  обсуждение: 'forum',
  documentation: 'documentation',
  docs: 'documentation',
  wiki: 'documentation',
  документация: 'documentation',
  вики: 'documentation',
  listing: 'listing',
  list: 'listing',
  список: 'listing',
  product: 'product',
  товар: 'product',
  service: 'service',
  сервис: 'service',
}
const MAX_QUERY_LENGTH = 1_000
/** Deeper nesting than this is read as plain grouping: it guards the recursion. */
const MAX_DEPTH = 20

/** Parse a query; returns null when it holds nothing to search or filter by. */
export function parseQuery(text: string): QueryNode | null {
  const tokens = tokenize(text.normalize('NFC').slice(0, MAX_QUERY_LENGTH))
  const parser = new Parser(tokens)
  return parser.parseAll()
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  const isBreak = (char: string | undefined) => char === undefined || /[\s()"]/.test(char)
  while (i < text.length) {
    const char = text[i]!
    if (/\s/.test(char)) {
      i += 1
    } else if (char === '(') {
      tokens.push({ type: 'open' })
      i += 1
    } else if (char === ')') {
      tokens.push({ type: 'close' })
      i += 1
    } else if (char === '"' || char === '«' || char === '“') {
      const close = char === '«' ? '»' : char === '“' ? '”' : '"'
      const end = text.indexOf(close, i + 1)
      const phrase = text.slice(i + 1, end === -1 ? text.length : end)
      i = end === -1 ? text.length : end + 1
      tokens.push({ type: 'leaf', node: { kind: 'phrase', text: phrase } })
    } else if (char === '-' && !isBreak(text[i + 1]) && text[i + 1] !== '-') {
      tokens.push({ type: 'not' })
      i += 1
    } else {
      let end = i
      while (!isBreak(text[end])) end += 1
      const chunk = text.slice(i, end)
      i = end
      const field = /^([\p{L}]+):(.*)$/u.exec(chunk)
      if (field) {
        const key = field[1]!.toLowerCase()
        let value = field[2]!
        if (value === '' && (text[i] === '"' || text[i] === '«')) {
          const close = text[i] === '«' ? '»' : '"'
          const valueEnd = text.indexOf(close, i + 1)
          value = text.slice(i + 1, valueEnd === -1 ? text.length : valueEnd)
          i = valueEnd === -1 ? text.length : valueEnd + 1
        }
        const node = fieldNode(key, value)
        if (node) {
          tokens.push({ type: 'leaf', node })
          continue
        }
      }
      if (OR_WORDS.has(chunk)) tokens.push({ type: 'or' })
      else if (NOT_WORDS.has(chunk)) tokens.push({ type: 'not' })
      else if (!AND_WORDS.has(chunk)) tokens.push({ type: 'leaf', node: wordNode(chunk) })
    }
  }
  return tokens
}

function wordNode(chunk: string, field?: TextField): QueryNode {
  const prefix = /[\p{L}\p{N}]\*+$/u.test(chunk)
  const text = chunk.replace(/\*+$/, '')
  const node: QueryNode = prefix ? { kind: 'word', text, prefix } : { kind: 'word', text, prefix: false }
  if (field) node.field = field
  return node
}

/** A `key:value` pair, or null when the key is not one of ours (then it is read as words). */
function fieldNode(key: string, value: string): QueryNode | null {
  const textField = TEXT_FIELDS[key]
  if (textField) {
    if (value.trim() === '') return null
    return /\s/.test(value.trim())
      ? { kind: 'phrase', text: value, field: textField }
      : wordNode(value, textField)
  }
  const filterKey = FILTER_KEYS[key]
  if (!filterKey) return null
  const trimmed = value.trim()
  switch (filterKey) {
    case 'tag':
      return trimmed === '' ? null : { kind: 'filter', filter: { key: 'tag', value: trimmed } }
    case 'lang': {
      const code = trimmed.toLowerCase()
      return /^[a-z]{2,3}$/.test(code) ? { kind: 'filter', filter: { key: 'lang', value: code } } : null
    }
    case 'before':
    case 'after': {
      const date = parseDateValue(trimmed)
      return date === null ? null : { kind: 'filter', filter: { key: filterKey, value: date } }
    }
    case 'is': {
      const state = trimmed.toLowerCase()
      if (state === 'read' || state === 'прочитано')
        return { kind: 'filter', filter: { key: 'is', value: 'read' } }
      if (state === 'unread' || state === 'непрочитано')
        return { kind: 'filter', filter: { key: 'is', value: 'unread' } }
      return null
    }
    case 'has': {
      const what = trimmed.toLowerCase()
      return NOTES_WORDS.has(what) ? { kind: 'filter', filter: { key: 'has', value: 'notes' } } : null
    }
    case 'kind': {
      const pageKind = PAGE_KIND_WORDS[trimmed.toLowerCase()]
      return pageKind ? { kind: 'filter', filter: { key: 'kind', value: pageKind } } : null
    }
  }
}

/** "2026", "2026-02", "2026-02-07", "07.02.2026" or "02.2026" to ISO; null when not a date. */
export function parseDateValue(value: string): string | null {
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value)
  const dotted = /^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$/.exec(value)
  let year: string, month: string | undefined, day: string | undefined
  if (iso) [, year, month, day] = iso as unknown as [string, string, string | undefined, string | undefined]
  else if (dotted) [, day, month, year] = dotted as unknown as [string, string | undefined, string, string]
  else return null
  const pad = (part: string) => part.padStart(2, '0')
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return null
  return [year, month && pad(month), day && pad(day)].filter(Boolean).join('-')
}

class Parser {
  private position = 0
  private depth = 0

  constructor(private readonly tokens: Token[]) {}

  parseAll(): QueryNode | null {
    const children: QueryNode[] = []
    while (this.position < this.tokens.length) {
      children.push(...this.parseSequence())
      // A stray ")" at the top level is skipped.
      if (this.peek()?.type === 'close') this.position += 1
    }
    return combine('and', children)
  }

  /** Items up to a ")" or the end; all of them must match. */
  private parseSequence(): QueryNode[] {
    const children: QueryNode[] = []
    for (let token = this.peek(); token && token.type !== 'close'; token = this.peek()) {
      const node = this.parseOr()
      if (node) children.push(node)
    }
    return children
  }

  /** OR binds tighter than the implied AND, as in web search: "a b OR c" is a AND (b OR c). */
  private parseOr(): QueryNode | null {
    const alternatives: QueryNode[] = []
    const first = this.parseUnary()
    if (first) alternatives.push(first)
    while (this.peek()?.type === 'or') {
      this.position += 1
      const next = this.parseUnary()
      if (next) alternatives.push(next)
    }
    return combine('or', alternatives)
  }

  private parseUnary(): QueryNode | null {
    const token = this.tokens[this.position++]
    if (!token) return null
    switch (token.type) {
      case 'not': {
        const next = this.peek()
        if (!next || next.type === 'close' || next.type === 'or') return null
        const operand = this.parseUnary()
        if (!operand) return null
        return operand.kind === 'not' ? operand.child : { kind: 'not', child: operand }
      }
      case 'open': {
        if (this.depth >= MAX_DEPTH) return null
        this.depth += 1
        const inner = combine('and', this.parseSequence())
        this.depth -= 1
        if (this.peek()?.type === 'close') this.position += 1
        return inner
      }
      case 'leaf':
        return token.node
      default:
        return null
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.position]
  }
}

function combine(kind: 'and' | 'or', children: QueryNode[]): QueryNode | null {
  const flat = children.flatMap((child) => (child.kind === kind ? child.children : [child]))
  if (flat.length === 0) return null
  if (flat.length === 1) return flat[0]!
  return { kind, children: flat }
}
