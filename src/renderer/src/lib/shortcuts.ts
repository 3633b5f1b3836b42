/** The window's keyboard shortcuts: what the sheet on "?" lists and what aria-keyshortcuts says. */
export interface Shortcut {
  /** Message key under `shortcuts.actions`. */
  action: ShortcutAction
  /** Keys as aria-keyshortcuts writes them ("Control+F"), alternatives separated by a space. */
  keys: string
}

export type ShortcutAction =
  | 'search'
  | 'import'
  | 'toggleSidebar'
  | 'nextArticle'
  | 'previousArticle'
  | 'tagField'
  | 'highlight'
  | 'close'
  | 'fontLarger'
  | 'fontSmaller'
  | 'fontReset'
  | 'shortcuts'

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'search', keys: 'Control+F /' },
  { action: 'import', keys: 'Control+O' },
  { action: 'toggleSidebar', keys: 'Control+B' },
  { action: 'nextArticle', keys: 'J' },
  { action: 'previousArticle', keys: 'K' },
  { action: 'tagField', keys: 'T' },
  { action: 'highlight', keys: 'H' },
  { action: 'close', keys: 'Escape' },
  { action: 'fontLarger', keys: 'Control+=' },
  { action: 'fontSmaller', keys: 'Control+-' },
  { action: 'fontReset', keys: 'Control+0' },
  { action: 'shortcuts', keys: 'Shift+?' },
]

/** aria-keyshortcuts of an action: on a Mac the Command key stands in for Control. */
export function ariaKeys(action: ShortcutAction): string {
  const keys = SHORTCUTS.find((shortcut) => shortcut.action === action)?.keys ?? ''
  return keys
    .split(' ')
    .flatMap((combo) =>
      combo.startsWith('Control+') ? [combo, combo.replace('Control+', 'Meta+')] : [combo],
    )
    .join(' ')
}

/** One key combination as the sheet shows it: its keys, each in its own box. */
export function keyCaps(combo: string, mac: boolean): string[] {
  return combo.split(/\+(?!$)/).map((key) => {
    if (key === 'Control') return mac ? '⌘' : 'Ctrl'
    if (key === 'Escape') return 'Esc'
    return key
  })
}
