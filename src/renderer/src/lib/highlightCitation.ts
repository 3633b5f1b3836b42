import { escapeHtml } from '../../../common/text'
import type { Article } from '../../../common/types'

/** How a style cites in the text: author-date in parentheses, numbers, or GOST's brackets. */
type InTextForm = 'author-date' | 'author' | 'numeric' | 'gost'

function inTextForm(style: string): InTextForm {
  if (style.startsWith('gost')) return 'gost'
  if (style === 'ieee' || style.includes('vancouver') || style.includes('numeric')) return 'numeric'
  if (style === 'mla' || style.startsWith('modern-language')) return 'author'
  return 'author-date'
}

/** The family name of an author written "Given Family", "Family, Given" or as one name. */
function familyName(author: string): string {
  const trimmed = author.trim()
  if (trimmed.includes(',')) return trimmed.split(',')[0]!.trim()
  const parts = trimmed.split(/\s+/)
  return parts[parts.length - 1] ?? trimmed
}

function shortTitle(title: string): string {
  const words = title.split(/\s+/).filter(Boolean)
  return words.length > 4 ? `${words.slice(0, 4).join(' ')}…` : title
}

/**
 * The in-text citation for a quote from `article` in `style`: (Aliyev, 2026), (Aliyev), [1] or
 * [Aliyev, 2026]. Without an author the site (or a short title) stands in; without a date,
 * the style's "no date" words for `locale`.
 */
export function inTextCitation(
  article: Pick<Article, 'authors' | 'siteName' | 'title' | 'publishedAt'>,
  style: string,
  locale: string,
): string {
  const form = inTextForm(style)
  if (form === 'numeric') return '[1]'
  const russian = locale.startsWith('ru')
  const [first, second] = article.authors
  let who = first ? familyName(first) : (article.siteName ?? `“${shortTitle(article.title)}”`)
  if (article.authors.length === 2 && second)
    who = `${who} ${russian ? 'и' : form === 'author' ? 'and' : '&'} ${familyName(second)}`
  else if (article.authors.length > 2) who = `${who} ${russian ? 'и др.' : 'et al.'}`
  if (form === 'author') return `(${who})`
  const year = article.publishedAt?.slice(0, 4) ?? (russian ? 'б. г.' : 'n.d.')
  return form === 'gost' ? `[${who}, ${year}]` : `(${who}, ${year})`
}

/** The clipboard forms of a quote with its citation: plain text and HTML. */
export function quoteWithCitation(
  quote: string,
  inText: string,
  reference: { text: string; html: string },
  locale: string,
): { text: string; html: string } {
  const [open, close] = locale.startsWith('ru') ? ['«', '»'] : ['“', '”']
  const text = `${open}${quote}${close} ${inText}\n\n${reference.text.trim()}\n`
  const html =
    `<blockquote><p>${escapeHtml(`${open}${quote}${close}`)} ${escapeHtml(inText)}</p></blockquote>` +
    (reference.html.trim() || `<p>${escapeHtml(reference.text.trim())}</p>`)
  return { text, html }
}

/** A reference made from the article itself, for when no citation style can be used. */
export function plainReference(
  article: Pick<Article, 'authors' | 'siteName' | 'title' | 'publishedAt' | 'url'>,
): string {
  return [
    article.authors.join(', '),
    article.title,
    article.siteName,
    article.publishedAt?.slice(0, 10),
    article.url,
  ]
    .filter((part): part is string => !!part)
    .join('. ')
}
