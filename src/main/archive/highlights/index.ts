export { HighlightService, type ReferenceFormatter } from './service'
export { notesMarkdown } from './markdown'
