/**
 * What a block of an HTML page's content block is when it is not the article: a paywall notice or badge,
 * an embed waiting for consent, a source or staff credit, a sign-up box's consent line, the heading of the
 * reader comments, a call for tips, a stamp with a relative day. Each in many languages, and each tested
 * against prose that speaks of the same things.
 */
import { SOURCE_LABELS, STAFF_ROLES } from './lexicon/credits'
import { NAME_JOINERS } from './lexicon/names'
import { STAMP_TIME, endsLikeSentence, lineKey } from './signals'
import { TEXT_RULE_WEIGHTS } from './text-rules'

/**
 * Where a saved page stops showing the article because the rest is for subscribers ("Il vous reste 57% de
 * cet article à lire", "The rest of this article is for subscribers"): whatever follows is the paywall.
 */
const PAYWALL_CUT =
  /il vous reste \d[\d.,]*\s?% de cet article|la suite est réservée aux abonnés|the rest of (?:this|the) (?:article|story) is (?:only )?(?:available|reserved|for) (?:to |for )?(?:subscribers|members)|to (?:continue|keep) reading(?: this (?:article|story))?,? (?:please )?(?:subscribe|sign in|log in|become a (?:subscriber|member))|(?:weiterlesen|lesen sie weiter) mit (?:\p{L}+ )?(?:abo|plus|\+)|der (?:vollständige|komplette|ganze) (?:artikel|text|beitrag) ist nur für abonnent|(?:el )?resto (?:de este|del) (?:artículo|contenido) es (?:exclusivo|solo) para (?:suscriptores|abonados)|продолжение (?:доступно|только)(?: только)? (?:для подписчиков|по подписке)|(?:чтобы )?(?:читать|прочитать) (?:статью|материал) (?:полностью|целиком|дальше),? (?:оформите|купите) подписку/iu

export function isPaywallCut(text: string): boolean {
  return text.length <= TEXT_RULE_WEIGHTS.chromeMaxChars && PAYWALL_CUT.test(text)
}

/** A paywall badge on its own line ("Article réservé aux abonnés", "Subscribers only"). */
const PAYWALL_BADGE =
  /^(?:(?:article|contenu) )?réservée? aux abonnés|^(?:for )?(?:subscribers|members) only|^(?:nur )?für abonnenten|^(?:только )?для подписчиков|^(?:contenido )?exclusivo (?:para )?(?:suscriptores|abonados)|^(?:solo )?per (?:gli )?abbonati/iu

export function isPaywallBadge(text: string): boolean {
  return text.length <= 60 && !endsLikeSentence(text) && PAYWALL_BADGE.test(lineKey(text))
}

const EXTERNAL_CONTENT =
  /(?:extern\p{L}*|external|third[- ]party|drittanbieter\p{L}*|externos?|esterni|внешн\p{L}*|сторонн\p{L}*)\s+(?:inhalt\p{L}*|content|contenus?|contenidos?|contenuti|контент\p{L}*|содержим\p{L}*|medi\p{L}*)|contenus? externes?|contenidos? externos?|contenuti esterni/iu
const EMBED_ACTION =
  /(?<!\p{L})(?:click|klick\p{L}*|load|laden|show|anzeigen|einblenden|ausblenden|enable|aktivier\p{L}*|accept|akzeptier\p{L}*|consent|zustimm\p{L}*|einwillig\p{L}*|cookies?|afficher|activer|accepter|mostrar|aceptar|mostra|accetta|нажм\p{L}*|загруз\p{L}*|показ\p{L}*)(?!\p{L})/iu

/**
 * The stand-in for an embed that waits for consent ("An dieser Stelle finden Sie externen Inhalt … mit einem
 * Klick anzeigen", "Click to load external content"): page furniture, not the article.
 */
export function isEmbedPlaceholder(text: string): boolean {
  return (
    text.length <= TEXT_RULE_WEIGHTS.chromeMaxChars && EXTERNAL_CONTENT.test(text) && EMBED_ACTION.test(text)
  )
}

const SOURCE_CREDIT = new RegExp(`^(?:${SOURCE_LABELS})\\s*:\\s*\\S`, 'iu')

/** A source or agency credit on its own line ("Quelle: dpa", "Источник: пресс-служба"): a few words, no sentence. */
export function isSourceCredit(text: string): boolean {
  return (
    text.length <= 60 && !endsLikeSentence(text) && text.split(/\s+/).length <= 6 && SOURCE_CREDIT.test(text)
  )
}

const PRIVACY_POLICY =
  /privacy (?:policy|notice|statement)|datenschutz\p{L}*|politique de confidentialité|(?:política|aviso) de privacidad|informativa (?:sulla )?privacy|privacyverklaring|personvern\p{L}*|политик\p{L}* конфиденциальности|обработк\p{L}* (?:моих |ваших )?персональных данных/iu
const SIGN_UP =
  /sign(?:ing)?[- ]up|subscrib\p{L}*|newsletter|registr\p{L}*|anmeld\p{L}*|abonn\p{L}*|inscri\p{L}*|suscri\p{L}*|iscri\p{L}*|подписк\p{L}*|подпис\p{L}*|регистрац\p{L}*/iu

const CONSENT =
  /agree|accept|consent|willig\p{L}*|zustimm\p{L}*|akzeptier\p{L}*|acept\p{L}*|accett\p{L}*|согла\p{L}*|godta\p{L}*|samtyk\p{L}*|akkoord/iu

/** The consent line of a sign-up box ("By subscribing you agree to our privacy policy"). */
export function isSignUpConsent(text: string): boolean {
  return (
    text.length <= TEXT_RULE_WEIGHTS.chromeMaxChars &&
    PRIVACY_POLICY.test(text) &&
    SIGN_UP.test(text) &&
    CONSENT.test(text)
  )
}

const COMMENT_WORDS =
  'comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|kommentarer|kommentaarid|komentarze|yorumlar|комментари\\p{L}*|коментар\\p{L}*|postings?'

/**
 * The heading of a reader-comments section: with a count ("Comments (12)", "Forum: 5 Postings", "12 Kommentare")
 * or a prompt ("Leave a reply"). A bare "Comment" may head a table column.
 */
const COMMENTS_HEADING = new RegExp(
  `^(?:\\d+\\s+(?:${COMMENT_WORDS})|(?:${COMMENT_WORDS}|forum)\\s*[:(]?\\s*\\d+\\s*(?:${COMMENT_WORDS})?\\)?|leave a (?:reply|comment)|post a comment|join the (?:conversation|discussion)|discuss this article)$`,
  'iu',
)

export function isCommentsHeading(text: string): boolean {
  return text.length <= 40 && COMMENTS_HEADING.test(text.trim().replace(/[.!]$/, ''))
}

const RELATIVE_DAY =
  /(?<!\p{L})(?:heute|gestern|today|yesterday|сегодня|вчера|aujourd['’]hui|hier|hoy|ayer|oggi|ieri|i dag|i går|idag|igår|vandaag|gisteren)(?!\p{L})/iu

/** A stamp with a day named relatively and a time ("Online seit heute, 7.57 Uhr", "Today at 14:05"). */
export function isRelativeStampLine(text: string): boolean {
  if (text.length > 60 || !STAMP_TIME.test(text) || endsLikeSentence(text)) return false
  return RELATIVE_DAY.test(text) && (text.match(/\p{L}+/gu) ?? []).length <= 5
}

const CREDIT_ROLE = new RegExp(`^(?:${STAFF_ROLES})\\s*:\\s*`, 'iu')
/** Capitalised names joined by commas or "and" (case-sensitive: the role's pattern ignores case). */
const CREDIT_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}`
const CREDIT_NAMES = new RegExp(
  `^${CREDIT_NAME}(?:(?:\\s*,\\s*|\\s+(?:${NAME_JOINERS})\\s+)${CREDIT_NAME})*$`,
  'u',
)

/** Staff credits, one role to a line ("Redaktion: Marcus Bensmann, Elena Müller", "Editing: Jane Roe"). */
export function isStaffCredits(text: string): boolean {
  if (text.length > 300) return false
  return text.split('\n').every((line) => {
    const role = CREDIT_ROLE.exec(line.trim())
    return role !== null && CREDIT_NAMES.test(line.trim().slice(role[0].length))
  })
}

const SECURE_CHANNEL =
  /(?:via|über|on|per|by|по|через|sur|par|por|tramite)\s+(?:signal|threema|securedrop)\b/iu

/** A call for tips over a secure messenger ("Haben Sie Hinweise? Melden Sie sich via Signal …"). */
export function isTipLineCall(text: string): boolean {
  return text.length <= TEXT_RULE_WEIGHTS.chromeMaxChars && text.includes('?') && SECURE_CHANNEL.test(text)
}
