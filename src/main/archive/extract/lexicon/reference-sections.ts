/**
 * Headings of what follows a wiki article's or a documentation page's own text: see-also lists, notes and
 * references, external links, reading lists. Compared lower-cased, without edge punctuation.
 */
export const REFERENCE_SECTION_HEADINGS = new Set([
  'see also',
  'references',
  'notes and references',
  'footnotes',
  'citations',
  'bibliography',
  'external links',
  'further reading',
  'см. также',
  'см также',
  'примечания',
  'ссылки',
  'литература',
  'сноски',
  'siehe auch',
  'einzelnachweise',
  'weblinks',
  'voir aussi',
  'références',
  'liens externes',
  'véase también',
  'referencias',
  'enlaces externos',
])
