/** CSL-JSON export: the items as they are, subtitle kept apart, two-space indented. */
import type { CslItem } from '../csl-item'

export function toCslJson(items: readonly CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n'
}
