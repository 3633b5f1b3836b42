import { decodeText } from '../../src/main/archive/extract/decode'
import { readMhtml } from '../../src/main/archive/extract/mhtml'
import { sniffFormat } from '../../src/main/archive/extract/sniff'
import { readWebArchive } from '../../src/main/archive/extract/webarchive'

/** The page's HTML as a browser would show it (MHTML unpacked), decoded as our importer decodes it. */
export function pageHtml(bytes: Uint8Array): string | null {
  const kind = sniffFormat('page.html', bytes).kind
  if (kind === 'mhtml') {
    const mhtml = readMhtml(bytes)
    return mhtml ? decodeText(mhtml.html, { declared: mhtml.charset, html: true }).text : null
  }
  if (kind === 'html' || kind === 'singlefile') return decodeText(bytes, { html: true }).text
  if (kind === 'webarchive') {
    const archive = readWebArchive(bytes)
    if (!archive) return null
    const main = decodeText(archive.data, { declared: archive.charset, html: true }).text
    const frame = [...archive.frames].sort((a, b) => b.data.length - a.data.length)[0]
    return /<frameset\b/i.test(main) && frame
      ? decodeText(frame.data, { declared: frame.charset, html: true }).text
      : main
  }
  return null
}
