export { HighlightService, type ReferenceFormatter } from './service'
export { notesMarkdown } from './markdown'
export { reextractArticle } from './reextract'
