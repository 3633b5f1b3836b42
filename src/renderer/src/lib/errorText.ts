import { errorMessage as englishMessage, messageRefOf, type MessageRef } from '../../../common/errors'

/** Says a keyed message in the interface language; null when the language has no such message. */
export type MessageTranslator = (ref: MessageRef) => string | null

let translator: MessageTranslator | null = null

/** Called once at startup with the window's i18n. */
export function setMessageTranslator(translate: MessageTranslator | null): void {
  translator = translate
}

/** The message key a failure or an import result carries, said in the interface language, or null. */
export function translatedMessage(source: unknown): string | null {
  const ref = messageRefOf(source)
  return ref && translator ? translator(ref) : null
}

/**
 * A failure's message for people, in the interface language when the engine said which message it
 * is (ApiError.messageKey), else the engine's own words.
 */
export function errorMessage(error: unknown): string {
  return translatedMessage(error) ?? englishMessage(error)
}

/** camelCase of a message key: the form the i18n messages use ("file-empty" -> "fileEmpty"). */
export function messageKeyPath(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase())
}
