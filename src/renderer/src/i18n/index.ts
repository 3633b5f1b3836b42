import { createI18n } from 'vue-i18n'
import type { Language } from '../stores/settings'
import { en, type MessageSchema } from './en'
import { ru } from './ru'
import { russianPluralIndex } from './plural'
import { messageKeyPath, type MessageTranslator } from '../lib/errorText'

/** Keyed engine messages in the window's language; a file type in `type` is named in it too. */
export function messageTranslator(i18n: {
  te(key: string): boolean
  t(key: string, params?: Record<string, unknown>): string
}): MessageTranslator {
  return ({ messageKey, params = {} }) => {
    const path = `engineErrors.${messageKeyPath(messageKey)}`
    if (!i18n.te(path)) return null
    const named = { ...params }
    if (typeof params.type === 'string' && i18n.te(`engineErrors.fileTypes.${messageKeyPath(params.type)}`))
      named.type = i18n.t(`engineErrors.fileTypes.${messageKeyPath(params.type)}`)
    return i18n.t(path, named)
  }
}

export function createLecternI18n(locale: Language) {
  return createI18n<[MessageSchema], Language, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, ru },
    pluralRules: { ru: russianPluralIndex },
    missingWarn: false,
    fallbackWarn: false,
  })
}
