import type { Article, CiteLocale, Highlight } from '../../../common/types'

const WORDS = {
  'en-US': {
    notes: 'Highlights and notes',
    note: 'Note',
    none: 'No highlights yet.',
    lost: 'no longer in the text',
  },
  'ru-RU': {
    notes: 'Выделения и заметки',
    note: 'Заметка',
    none: 'Выделений пока нет.',
    lost: 'больше нет в тексте',
  },
} as const

/** Markdown that would change the meaning of a quoted line is escaped. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}

function blockquote(text: string): string {
  return text
    .split(/\n+/)
    .map((line) => `> ${escapeInline(line)}`)
    .join('\n')
}

/**
 * The article's highlights as Markdown: a title, the reference (formatted by the caller in the
 * chosen style), then each quote as a block quote with its note.
 */
export function notesMarkdown(
  article: Pick<Article, 'title' | 'url'>,
  reference: string,
  highlights: readonly Highlight[],
  locale: CiteLocale,
): string {
  const words = WORDS[locale]
  const lines: string[] = [`# ${escapeInline(article.title)}`, '', reference.trim(), '']
  lines.push(`## ${words.notes}`, '')
  if (highlights.length === 0) lines.push(words.none, '')
  for (const highlight of highlights) {
    lines.push(blockquote(highlight.quote) + (highlight.orphaned ? `\n>\n> _(${words.lost})_` : ''), '')
    if (highlight.note?.trim()) {
      const note = highlight.note.trim().split(/\n/).map(escapeInline).join('  \n')
      lines.push(`**${words.note}:** ${note}`, '')
    }
  }
  return `${lines.join('\n').trimEnd()}\n`
}
