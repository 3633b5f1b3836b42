import type { CiteStyle } from '../../../common/types'
import type { Language } from '../stores/settings'

/**
 * The names of the styles Lectern ships, in each interface language (style ids hold dots, which
 * vue-i18n would read as key paths). A style the user added keeps the title its file gives.
 */
export const CITE_STYLE_NAMES: Record<Language, Record<string, string>> = {
  en: {
    apa: 'APA, 7th edition',
    'chicago-author-date': 'Chicago, 18th edition, author-date',
    'chicago-note-bibliography': 'Chicago, 18th edition, notes and bibliography',
    'gost-r-7.0.100-2018': 'GOST R 7.0.100-2018',
    'gost-r-7.0.5-2008-notes': 'GOST R 7.0.5-2008, footnotes',
    harvard: 'Harvard (Cite Them Right)',
    ieee: 'IEEE',
    mla: 'MLA, 9th edition',
  },
  ru: {
    apa: 'APA, 7-е издание',
    'chicago-author-date': 'Чикагский стиль, 18-е издание, «автор — дата»',
    'chicago-note-bibliography': 'Чикагский стиль, 18-е издание, примечания и библиография',
    'gost-r-7.0.100-2018': 'ГОСТ Р 7.0.100-2018',
    'gost-r-7.0.5-2008-notes': 'ГОСТ Р 7.0.5-2008, подстрочные ссылки',
    harvard: 'Гарвардский стиль (Cite Them Right)',
    ieee: 'IEEE',
    mla: 'MLA, 9-е издание',
  },
}

/** A style's name in the interface language: its own title for a user style or one not known here. */
export function citeStyleName(language: string, styles: readonly CiteStyle[], id: string): string {
  const style = styles.find((known) => known.id === id)
  if (style && !style.builtIn) return style.title
  const names = CITE_STYLE_NAMES[language === 'ru' ? 'ru' : 'en']
  return names[id] ?? style?.title ?? id
}
