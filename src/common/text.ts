/**
 * Text helpers shared by the engine and the window: HTML escaping and host names. Plain TypeScript that
 * runs in Node and in the browser alike (no node:* modules, nothing from src/main or src/renderer).
 */

const HTML_SPECIAL = /[&<>"']/
const HTML_SPECIALS = /[&<>"']/g
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe inside HTML text or a quoted attribute value: & < > " ' as &amp; &lt; &gt; &quot; &#39;. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (char) => HTML_ENTITIES[char] ?? char) : text
}

/**
 * The same escaping written as numeric references (&#38; &#60; &#62; &#34; &#39;): the form the extractor
 * stores reading copies in, kept so that extracting a page again gives the same bytes.
 */
export function escapeHtmlNumeric(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (char) => `&#${char.charCodeAt(0)};`) : text
}

/** "https://www.example.org/a" -> "example.org"; null for no address, one that does not parse, or one without a host. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null
  } catch {
    return null
  }
}
