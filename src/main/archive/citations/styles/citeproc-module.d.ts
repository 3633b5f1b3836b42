/** The slice of citeproc-js (npm "citeproc", CommonJS, no bundled types) that Lectern uses. */
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string | false
    retrieveItem(id: string): object
  }

  export interface BibliographyMeta {
    entry_ids: string[][]
    bibstart: string
    bibend: string
  }

  export interface CitationItemRef {
    id: string
    locator?: string
    label?: string
  }

  export interface Citation {
    citationID: string
    citationItems: CitationItemRef[]
    properties: { noteIndex: number }
  }

  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean)
    updateItems(ids: string[]): void
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void
    makeBibliography(): [BibliographyMeta, string[]] | false
    /** The citations in document order, each as [citationID, noteIndex, formatted text]. */
    rebuildProcessorState(citations: Citation[], mode: 'text' | 'html' | 'rtf'): [string, number, string][]
  }

  const CSL: { Engine: typeof Engine; PROCESSOR_VERSION: string }
  export default CSL
}
