/** pdf.js text items as the layout code reads them: where each sits and how large its font is. */

/** A text item of pdf.js's getTextContent(): its string, its transform (a b c d x y), its extent. */
export interface PdfTextItem {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL: boolean
}

/** The median of some numbers (the upper one of an even count); 0 for none. */
export const median = (values: readonly number[]): number => {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** An item's font size: the length of its transform's vertical (or horizontal) axis. */
export const itemSize = (item: PdfTextItem): number => {
  const [a = 0, b = 0, c = 0, d = 0] = item.transform
  return Math.hypot(c, d) || Math.hypot(a, b) || item.height || 1
}
