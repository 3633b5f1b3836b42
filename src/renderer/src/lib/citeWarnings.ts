import type { CitationWarningField } from '../../../common/types'

/** The message key that names what a reference lacks, per field of a citation warning. */
export const WARNING_KEYS: Record<CitationWarningField, string> = {
  author: 'cite.workspace.warningAuthor',
  date: 'cite.workspace.warningDate',
  url: 'cite.workspace.warningUrl',
  title: 'cite.workspace.warningTitle',
  container: 'cite.workspace.warningContainer',
  volume: 'cite.workspace.warningVolume',
  pages: 'cite.workspace.warningPages',
  publisher: 'cite.workspace.warningPublisher',
  place: 'cite.workspace.warningPlace',
  accessed: 'cite.workspace.warningAccessed',
}
