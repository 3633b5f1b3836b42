/** Citation lists, formatting, user styles and reference import behind the Archive facade. */
export { CitationService, DEFAULT_CITE_LOCALE, DEFAULT_CITE_STYLE, splitCitationPatch } from './service'
export { CitationFormatter, type CitationInput, type FormatOptions } from './formatter'
export { USER_STYLES_FOLDER } from '../styles/user-styles'
