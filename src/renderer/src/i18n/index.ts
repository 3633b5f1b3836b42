import { createI18n } from 'vue-i18n'
import type { Language } from '../stores/settings'
import { en, type MessageSchema } from './en'
import { ru } from './ru'
import { russianPluralIndex } from './plural'

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
