/**
 * The main content of a page that is not one article, read the way its kind asks: a thread as its posts
 * with their authors and dates, documentation without its table of contents, navigation boxes and
 * reference sections, a product without its reviews and recommendations, a listing or a product or service
 * page as its main region, every item kept.
 */
import type { PageKind } from '../../../common/types'
import { cleanDocumentation } from './documentation'
import type { DomDocument, DomElement } from './dom'
import type { PageMetadata } from './metadata'
import { findRegion } from './page-region'
import { cleanProduct } from './product'
import { type Thread, readThread } from './thread'

export interface KindContent {
  content: DomElement
  /** The thread's posts, when the page is a forum or Q&A thread and they were found. */
  thread: Thread | null
}

/** Finds the content in `body` (editing the document: furniture is removed). */
export function readKindContent(document: DomDocument, body: DomElement, pageKind: PageKind): KindContent {
  // Reviews can outweigh a product's own text: they go before the region is looked for.
  if (pageKind === 'product') cleanProduct(body)
  const { region, stats } = findRegion(body)
  const thread = pageKind === 'forum' ? readThread(document, body, stats) : null
  const content = thread?.element ?? region
  if (pageKind === 'documentation') cleanDocumentation(content)
  return { content, thread }
}

/**
 * A thread's author and date are its first post's (the question's, the or pull request's); the
 * page's metadata stands in for what the first post does not show.
 */
export function threadByline(
  thread: Thread | null,
  metadata: PageMetadata,
): { authors: string[]; publishedAt: string | null } {
  const first = thread?.posts[0]
  const author = first?.author ?? null
  return {
    authors: author ? [author] : metadata.authors,
    publishedAt: first?.publishedAt ?? metadata.publishedAt,
  }
}
