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

  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean)
    updateItems(ids: string[]): void
    setOutputFormat(format: 'text' | 'html' | 'rtf'): void
    makeBibliography(): [BibliographyMeta, string[]] | false
  }

  const CSL: { Engine: typeof Engine; PROCESSOR_VERSION: string }
  export default CSL
}
