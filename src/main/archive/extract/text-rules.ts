/**
 * What a line of a copied web page looks like: page chrome (menus, share bars, counters, copyright),
 * metadata (dates, bylines, section labels) or article prose. The weights are the knobs of the
 * plain-text reader; tune them here, not in the reader. The HTML reader tests its blocks with these
 * rules too; the ones only it needs are in block-rules.ts.
 */
import { type SavedMoment, findDate, findRelativeDate } from './dates'
import { AD_LABELS, CHROME_WORDS, IMPRINT_LABELS } from './lexicon/chrome'
import { GIVEN_NAMES, RUSSIAN_SURNAME_ENDINGS } from './lexicon/given-names'
import { NAME_JOINERS, NAME_PARTICLES } from './lexicon/names'
import {
  CJK_CHARACTERS,
  CLOCK_TIME,
  COPYRIGHT_MARK,
  STAMP_TIME,
  endsLikeSentence,
  hasLetters,
  isDomainLike,
  lineKey,
} from './signals'

export const TEXT_RULE_WEIGHTS = {
  /** Menus, share bars, counters, copyright: never body, and a wall between body runs. */
  chrome: -6,
  /** A line without letters (a counter, a page number, a rule): chrome, but a lower wall. */
  noLetters: -3,
  /** A heading that starts what follows an article (comments, related stories): a high wall. */
  sectionBreak: -20,
  /** A date or byline line: metadata around the body, not in it. */
  metadata: -4,
  /** One to four words without sentence punctuation (menu items, labels). */
  shortFragment: -1.5,
  /** A headline-like line: five or more words, no sentence punctuation. */
  headlineLike: -0.75,
  /** Prose: per word (capped) and a bonus for ending like a sentence. */
  prosePerWord: 1 / 8,
  proseWordCap: 80,
  sentenceEndBonus: 1.5,
  /** A line counts as prose from this many words when it ends like a sentence... */
  proseMinWords: 6,
  /** ...or from this many words regardless. */
  proseMinWordsUnpunctuated: 16,
  /** Lines longer than this are prose; chrome tests skip them. */
  chromeMaxChars: 300,
  /** A prose line printed this many times or more on the page is template text... */
  repeatedProseMinCount: 3,
  /** ...and scores like a short fragment. */
  repeatedProse: -1.5,
  /** A short line in a list the text introduces with a colon. */
  listItem: -0.5,
  /** An advertising label: chrome, but ad slots sit inside bodies, so only a low wall. */
  adLabel: -1.5,
  /** A lead set apart from the body (teaser box, ad, credit) is joined across this many non-prose lines... */
  leadMaxGapLines: 16,
  /** ...when it is at most this many prose lines... */
  leadMaxLines: 2,
  /** ...and one of them scores at least this (a sentence of a dozen words). */
  leadMinScore: 3,
  /**
   * The headline is the best-scoring headline-shaped line above the body (tuned on the Russian and English
   * text copies of the corpus, `npm run bench:extract`): a candidate loses this times log2(1 + its distance
   * in lines from the body)...
   */
  headlineDistance: 1.2,
  /** ...gains this for four to 25 words, and these for three or two... */
  headlineLength: 1.5,
  headlineThreeWords: 0.5,
  headlineTwoWords: -1,
  /** ...loses this when it ends with a full stop, and gains this when it opens with a number ("10 Easy Steps")... */
  headlineSentence: -3,
  headlineNumber: 1,
  /** ...gains this when a byline, date or reading time follows it, and this when one or two lines come between... */
  headlineMetadataAfter: 4,
  headlineMetadataNear: 2,
  /** ...and this when a date, byline or section label stands right before it... */
  headlineMetadataBefore: 1,
  /** ...gains this when most of its words are capitalised (English headline case)... */
  headlineTitleCase: 1,
  /** ...and this for a kicker before a colon ("Analysis: ...")... */
  headlineKicker: 1,
  /** ...loses this as a short item between short items (a menu)... */
  headlineInMenu: -2.5,
  /** ...gains this when the page prints it again (breadcrumbs, share text)... */
  headlineRepeated: 1,
  /** ...and loses this when it is the body's first line. */
  headlineFirstBodyLine: -1.5,
  /** Prose under the comments' heading, once the page has had prose above it, counts this share of its score. */
  commentProseShare: 0.25,
  /** How many prose lines must stand above a comments heading for it to end the article (not a menu link). */
  commentsAfterProseLines: 2,
} as const

/** The label of an ad slot ("Реклама", "Advertisement"). */
export function isAdLabel(text: string): boolean {
  return text.length <= 40 && AD_LABELS.has(lineKey(text))
}

/** Headings of what comes after an article: comments, related and most-read lists. */
const SECTION_BREAK =
  /^(?:comments?|\d+\s+comments?|comments?\s*\d+|комментари\p{L}*(?:\s*\d+)?|\d+\s+комментари\p{L}*|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|\d+\s+(?:responses|replies)|оставить комментарий|оставьте комментарий|добавить комментарий|написать комментарий|обсуждение(?:\s*\d+)?|мнения читателей|отзывы читателей|related(?: articles| news| stories| posts| content| reading)?|more (?:stories|news|from \p{L}+(?: \p{L}+)?)|most (?:read|popular|viewed)|popular|recent posts|you might also like|самое (?:читаемое|популярное)|популярное|материалы по теме|(?:ещё|еще) по теме|другие новости|новости по теме|новости партн[её]ров|лучшее за неделю|похожие (?:записи|статьи|новости|материалы)|другие записи|последние записи|записи из этого (?:журнала|блога)(?: .{1,60})?|you may also like|recommended(?: for you)?|рекомендуем)$/iu

/** Headings of the readers' comments, a part of the section breaks. */
const COMMENTS_HEADING =
  /^(?:comments?(?:\s*\d+)?|\d+\s+(?:comments?|responses|replies)|комментари\p{L}*(?:\s*\d+)?|\d+\s+комментари\p{L}*|leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|оставить комментарий|оставьте комментарий|добавить комментарий|написать комментарий|обсуждение(?:\s*\d+)?|мнения читателей|отзывы читателей)$/iu

/** The line heads the readers' comments ("Комментарии (12)", "Leave a Reply"). */
export function isCommentsHeading(text: string): boolean {
  return text.length <= 60 && COMMENTS_HEADING.test(lineKey(text.replace(/[()[\]{}]/g, ' ')))
}

/** The label of a box of links to other stories set into the text ("Читайте также", "See also"). */
const TEASER_LABEL =
  /^(?:читайте (?:также|ещё|еще)|смотрите также|по теме|ранее|read also|also read|see also|read more|related)$/iu

export function isTeaserLabel(text: string): boolean {
  return text.length <= 30 && TEASER_LABEL.test(lineKey(text))
}

/** The line heads a block that follows the article (comments, related links). */
export function isSectionBreak(text: string): boolean {
  return text.length <= 60 && SECTION_BREAK.test(lineKey(text.replace(/[()[\]{}]/g, ' ')))
}

/** Lines that start like these are furniture (related links, prompts), whatever follows. */
const CHROME_LEADS =
  /^(?:read (?:also|more)|see also|related(?: articles| news| stories)?|more on this|читайте (?:также|ещё|еще)|смотрите также|по теме|ранее|share(?: this)?|поделиться|подписывайтесь|subscribe to|follow us|join us|tags|теги|метки|advertisement|реклама)\s*[:\-–—]/iu

const CALL_TO_ACTION =
  /liked the story|share (?:it|this)(?: on| with)|share on social|понравил\p{L}* (?:статья|материал|новость)|поделитесь|подпиш\p{L}+ на (?:наш|нас)|subscribe to (?:our|the)|follow us on|join (?:us|our) on|download (?:our|the) app|скачайте (?:наше )?приложение|turn on notifications|включите уведомления|sign up for (?:our|the)|подпи(?:шитесь|сывайтесь|саться) на (?:рассылк|канал|телеграм|новост|обновлени|уведомлени|дзен|автора|темы)\p{L}*|(?:^|\s)в (?:социальных сетях|соцсетях)$|^(?:читать|читайте)(?: нас)?(?: .{1,30})? в$|^continue reading(?: the main story)?|^skip to (?:main )?content$|^jump to (?:navigation|search|content)|^from wikipedia, the free encyclopedia$/iu

const SEARCH_PROMPT =
  /^(?:what are you looking for|что вы ищете|что ищем|что будем искать|введите (?:запрос|текст|слово)|enter (?:a )?(?:search|keyword)|type to search|search(?: for)?\s*(?:\.\.\.|…)|поиск\s*(?:\.\.\.|…)|поиск по сайту|search (?:the )?site)\s*\??$/iu

const COUNTER =
  /^(?:(?:views?|просмотр\p{L}*|comments?|комментари\p{L}*|likes?|shares?|reads?|прочтени\p{L}*)\s*[:\-–]?\s*\d[\d\s.,]*[kкmм]?|\d[\d\s.,]*[kкmм]?\s*(?:views?|просмотр\p{L}*|comments?|комментари\p{L}*|likes?|shares?))$|^\d[\d\s.,]*[kкmм]?\s+(?:views?|comments?|replies|responses|shares|with \d+ posters)\b.{0,40}$/iu

const THEME_TOGGLE =
  /^(?:(?:night|dark|light|day)\s?(?:theme|mode)|(?:ночн|темн|тёмн|светл|дневн)\p{L}*\s(?:тема|режим))$/iu

const FONT_SIZE_BUTTON = /^[AaАа][+\-−]$/u

/** A share button's label: "Share on Facebook", "Share this story", "Поделиться в Telegram". */
const SHARE_LINE =
  /^(?:share|tweet|pin it|e-?mail|send|post)(?: (?:this|the|it))?(?: (?:story|article|post|page|link|video|recipe|report|episode))?(?: (?:on|to|via|with|by|in)(?: \S.{0,30})?)?\s*:?$|^(?:поделиться|поделитесь|отправить|рассказать друзьям)(?: (?:в|во|с|через|по|ссылкой)(?: .{1,30})?)?\s*:?$/iu

/** "5 min read", "Reading time: 4 minutes", "Время чтения: 3 минуты", "2–3 minutes". */
const READING_TIME =
  /^(?:(?:estimated )?(?:reading|read) time\s*:?\s*|время чтения\s*:?\s*|читать(?: за)?\s*:?\s*)?(?:~|≈|about )?\s*(?:\d+|--)(?:\s*[-–]\s*\d+)?\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?)\.?(?:\s+(?:read(?:ing)?(?: time)?|чтения|на чтение))?$/iu

/** A reading-time estimate printed with the byline. */
export function isReadingTime(text: string): boolean {
  return text.length <= 60 && READING_TIME.test(text.trim())
}

const IMPRINT = new RegExp(`^(?:${IMPRINT_LABELS})(?![\\p{L}])\\s*(?:[:—–-]\\s*)?(.*)$`, 'iu')

/** A line of a site's imprint ("Главный редактор: Иван Петров", "Учредитель: ООО …"): not a headline, not a byline. */
export function isImprintLine(text: string): boolean {
  if (text.length > 200) return false
  const rest = IMPRINT.exec(text)?.[1]
  if (rest === undefined) return false
  return rest.split(/\s+/).length <= 8 && !/[.!?…]\s+\p{Lu}/u.test(rest)
}

/** The first words of the chrome entries of two words or more ("copy" of "copy link"). */
const CHROME_PHRASE_STARTS = new Set(
  [...CHROME_WORDS].filter((entry) => entry.includes(' ')).map((entry) => entry.split(' ')[0] ?? ''),
)

/** The glued or spaced labels of a share bar: "Facebook Twitter LinkedIn Email", "TikTokYouTubeInstagram". */
function isChromeWordRun(key: string): boolean {
  const space = key.indexOf(' ')
  const first = space < 0 ? key : key.slice(0, space)
  if (space >= 0 && !CHROME_WORDS.has(first) && !CHROME_PHRASE_STARTS.has(first)) return false
  const words = key.split(' ')
  if (words.length > 12) return false
  if (words.length === 1) return words[0] !== undefined && splitsIntoChromeWords(words[0])
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    if (CHROME_WORDS.has(`${word} ${words[i + 1] ?? ''}`)) i++
    else if (!CHROME_WORDS.has(word)) return false
  }
  return true
}

/** "tiktokyoutubeinstagram" -> tiktok + youtube + instagram: every part a chrome word of three letters or more. */
function splitsIntoChromeWords(word: string): boolean {
  if (word.length < 6 || word.length > 80) return false
  const reachable = new Array<boolean>(word.length + 1).fill(false)
  reachable[0] = true
  let parts = 0
  for (let end = 3; end <= word.length; end++) {
    for (let start = end - 3; start >= 0; start--) {
      if (reachable[start] && CHROME_WORDS.has(word.slice(start, end))) {
        reachable[end] = true
        parts++
        break
      }
    }
  }
  return reachable[word.length] === true && parts >= 2
}

/** How strongly a line states reuse conditions: 3 usage terms, 2 "all rights reserved", 1 a bare ©, 0 none. */
export function rightsStrength(text: string): 0 | 1 | 2 | 3 {
  if (text.length > TEXT_RULE_WEIGHTS.chromeMaxChars) return 0
  if (
    /\b(?:use|reproduction|republication|copying|reprint(?:ing)?|quoting|citing)\b[^.]{0,40}\b(?:materials?|content|articles?)\b|\bhyperlink|\bactive link|(?:использовани|перепечатк|копировани|воспроизведени|цитировани)\p{L}*[^.]{0,60}(?:материал|ссылк|гиперссылк)|ссылка на [^.]{1,60} обязательна|гиперссылк/iu.test(
      text,
    )
  )
    return 3
  if (/all rights reserved|права защищены|права охраняются/iu.test(text)) return 2
  return COPYRIGHT_MARK.test(text) ? 1 : 0
}

/** A copyright or rights line short enough to be a notice rather than a sentence about copyright. */
export function isRightsNotice(text: string, strength = rightsStrength(text)): boolean {
  if (strength === 0) return false
  const words = text.split(/\s+/).length
  // A long line that ends like a sentence is prose about rights, not a notice.
  if (words > 16 && endsLikeSentence(text)) return false
  return words <= (strength === 1 ? 12 : 30)
}

/** Where a rights statement points at the site or its links rather than at a matter in the news. */
const SITE_REFERENCE =
  /гиперссылк|ссылк\p{L}* на (?:источник|издание)|сайт(?:а|е)?(?!\p{L})|\bhyperlink|\bactive link|\b(?:this|our|the) (?:web)?site\b|\bwebsite\b/iu

/** "All content on this site ...", "Все права на материалы ... принадлежат ...". */
const SITE_RIGHTS =
  /^(?:all|the) (?:materials|content|contents) (?:on|of|published on) (?:this|the|our) (?:web)?site\b|(?:все )?права на (?:все )?(?:материалы|тексты|контент|публикации)(?!\p{L})[^.]{0,80}(?:принадлежат|защищены|охраняются)/iu

const MEDIA_REGISTRATION =
  /зарегистрирован\p{L}* (?:в )?федеральн\p{L}* служб\p{L}* по надзору|свидетельство о регистрации (?:сми|средства массовой информации)|registered as (?:a )?mass media/iu

/** The statutory line listing banned organisations, as a line of its own (not a parenthesis in a sentence). */
const BANNED_ORGANISATIONS_NOTICE =
  /^(?:для читателей:\s*)?(?:в (?:россии|рф)\s+)?признаны (?:экстремистск|террористическ|нежелательн)\p{L}* (?:и|или) запрещены/iu

/**
 * The legal small print of a site's footer, however long: terms for reusing the site's materials,
 * rights to "the materials on the site", a media registration, the notice about banned organisations.
 */
export function isSiteLegalNotice(text: string, strength = rightsStrength(text)): boolean {
  if (text.length > 1000) return false
  if (strength >= 2 && SITE_REFERENCE.test(text)) return true
  return SITE_RIGHTS.test(text) || MEDIA_REGISTRATION.test(text) || BANNED_ORGANISATIONS_NOTICE.test(text)
}

/** A teaser for another article ("À lire aussi …", "Les også: …"): short and not a sentence. */
const READ_ALSO_TEASER =
  /^(?:à lire aussi|lire aussi|lea también|para saber más|leia também|leggi anche|lesen sie auch|mehr zum thema|lees ook|les også|læs også|läs också|read also|read more|see also|читайте также|читайте також|читайте (?:материал|статью|интервью|подробнее)|смотрите также)(?![\p{L}])/iu

/** Page furniture: menus, social links, share bars, counters, search prompts, toggles. */
export function isChrome(text: string): boolean {
  if (text.length > TEXT_RULE_WEIGHTS.chromeMaxChars) return false
  if (!hasLetters(text)) return true
  if (FONT_SIZE_BUTTON.test(text)) return true
  if (text.length <= CHROME_KEY_MAX_CHARS && isChromeByWords(lineKey(text))) return true
  // A raw identifier leaking from the page's markup: "night_theme", "share-line".
  if (/^[a-z]+(?:[_-][a-z]+)+$/.test(text)) return true
  if (READ_ALSO_TEASER.test(text) && text.length <= 160 && !endsLikeSentence(text)) return true
  return (
    isImprintLine(text) ||
    CHROME_LEADS.test(text) ||
    CALL_TO_ACTION.test(text) ||
    SEARCH_PROMPT.test(text) ||
    isDomainLike(text)
  )
}

/** Lines longer than this are never a menu entry, a share bar, a counter or a toggle: their key is not made. */
const CHROME_KEY_MAX_CHARS = 160

/** A menu entry, share bar, counter or toggle, by the words of its key. */
function isChromeByWords(key: string): boolean {
  return (
    CHROME_WORDS.has(key) ||
    AD_LABELS.has(key) ||
    SHARE_LINE.test(key) ||
    isChromeWordRun(key) ||
    COUNTER.test(key) ||
    THEME_TOGGLE.test(key)
  )
}

/** Words that may stand next to a date on its line ("Published: 7 February 2026"). */
const DATE_LABELS =
  /\b(?:published|posted|updated|modified|last updated|date|on|at|by|utc|gmt|est|edt|pst|pdt|cet|cest|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|\d*\s*min(?:ute)?s? read)\b|опубликовано|обновлено|изменено|дата|публикации|мск|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|(?<!\p{L})в(?!\p{L})|сегодня|вчера|today|yesterday|[|,:;·•–—/-]/giu

/** A line told relative to the day of saving is short: "позавчера в 10:05, обновлено" and a label or two. */
const RELATIVE_DATE_LINE_MAX_CHARS = 80

/** How many dates a date line may hold ("July 4, 2025 Updated on February 9, 2026"). */
const MAX_DATES_ON_LINE = 3

/**
 * The date a line that is mostly dates states: the first, told against the day of saving when it is a
 * relative one ("вчера в 10:05", "2 hours ago"); `iso` is null when that day is not known. Null when the
 * line is not a date line.
 */
function dateLine(text: string, saved: SavedMoment | null): { iso: string | null } | null {
  if (text.length > 120) return null
  let rest = text
  let iso: string | null | undefined
  for (let count = 0; count < MAX_DATES_ON_LINE; count++) {
    const found =
      findDate(rest) ?? (rest.length <= RELATIVE_DATE_LINE_MAX_CHARS ? findRelativeDate(rest, saved) : null)
    if (!found) break
    if (iso === undefined) iso = found.iso
    rest = `${rest.slice(0, found.start)} ${rest.slice(found.end)}`
  }
  if (iso === undefined) return null
  return rest.replace(DATE_LABELS, ' ').trim().length <= 12 ? { iso } : null
}

/** The date stated by a line that is mostly a date, or null; relative dates only when the saved moment is given. */
export function dateOfLine(text: string, saved: SavedMoment | null = null): string | null {
  return dateLine(text, saved)?.iso ?? null
}

/** A line that is mostly a date, told or not ("Сегодня, 19:20" and "8 января" are, without the saved moment). */
export function isDateLine(text: string): boolean {
  return dateLine(text, null) !== null
}

const STAMP_YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/

/**
 * A publication or update stamp in any language: a short line with a year and a time of day and
 * only a few words around them ("Aktualisiert am 28. April 2023, 20:22 Uhr", "02/02/2025 KL. 09:00").
 */
export function isTimestampLine(text: string): boolean {
  if (text.length > 80 || !STAMP_YEAR.test(text) || !STAMP_TIME.test(text) || endsLikeSentence(text))
    return false
  return (text.match(/\p{L}+/gu) ?? []).length <= 5
}

const CLOCK_TIMES = new RegExp(CLOCK_TIME.source, 'gu')

/**
 * A news feed glued into one line by the copy ("Headline Politics, 21:02 Other headline Society,
 * 20:18 ..."): three or more times of day, and fewer sentence ends than half as many.
 */
export function isGluedFeed(text: string): boolean {
  const times = text.match(CLOCK_TIMES)?.length ?? 0
  if (times < 3) return false
  const sentenceEnds = text.match(/[.!?…](?=\s|$)/gu)?.length ?? 0
  return sentenceEnds < times / 2
}

/** A short line around a time of day ("сегодня в 05:46, просмотров: 237"): a stamp, not a headline. */
export function isClockStampLine(text: string): boolean {
  if (text.length > 80 || endsLikeSentence(text)) return false
  if (!CLOCK_TIME.test(text)) return false
  return (text.match(/\p{L}+/gu) ?? []).length <= 4
}

/** The line states a modification date rather than the publication date. */
export function isUpdateLine(text: string): boolean {
  return /\b(?:updated|modified)\b|обновлен|изменен/iu.test(text)
}

const BYLINE =
  /^(?:by|written by|words by|story by|reporting by|posted by|author|authors|text|автор|авторы|автор материала|текст|материал подготовил\p{L}*|подготовил\p{L}*)\s*[:\-–—]?\s+(.+)$/iu
const NAME = new RegExp(`^\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|${NAME_PARTICLES}))*$`, 'u')
const NAME_SEPARATOR = new RegExp(`\\s*,\\s*|\\s*;\\s*|\\s+(?:${NAME_JOINERS})\\s+`, 'u')
/** A byline's label somewhere in the line: lines without one are ruled out before they are taken apart. */
const BYLINE_HINT =
  /(?:^|[\s|·•])(?:by|written|words|story|reporting|posted|author|authors|text|автор|авторы|текст|материал|подготовил\p{L}*)(?![\p{L}])/iu

/** What may stand beside a name in a byline without being one: a role ("staff writer") or a credential ("MD", "CFP®"). */
const ROLE_OR_CREDENTIAL = /^\p{Ll}|^[\p{Lu}\d.®™&-]{2,10}$/u

/**
 * Author names from a byline ("By Jane Doe and John Roe", "Автор: Иван Петров", "3 марта 2020 · Текст: Анна
 * Миллионова · Фото: …"), or null.
 */
export function bylineAuthors(text: string): string[] | null {
  if (text.length > 200 || !BYLINE_HINT.test(text)) return null
  const found = findDate(text)
  const withoutDate = found ? text.slice(0, found.start) + text.slice(found.end) : text
  for (const segment of withoutDate.split(/\s*[|·•]\s*/u)) {
    const names = bylineNames(segment)
    if (names) return names
  }
  return null
}

function bylineNames(segment: string): string[] | null {
  const match = BYLINE.exec(segment.replace(/^(?:posted|published)?\s*(?:on)?\s+(?=by\s)/iu, '').trim())
  if (!match?.[1]) return null
  const parts = match[1]
    .replace(/[\s,;:–—-]+$/u, '')
    .split(NAME_SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean)
  const names = parts.filter((name) => name.length <= 60 && NAME.test(name) && name.split(/\s+/).length <= 5)
  if (names.length === 0) return null
  return parts.every((part) => names.includes(part) || ROLE_OR_CREDENTIAL.test(part)) ? names : null
}

/** A byline's label on a line of its own, the names on the next: "Авторы:", "By", "Written by". */
const BYLINE_LABEL =
  /^(?:by|written by|words by|posted by|author|authors|text|автор|авторы|автор материала|текст|материал подготовил\p{L}*|подготовил\p{L}*)\s*:?$/iu

export function isBylineLabel(text: string): boolean {
  return text.length <= 30 && BYLINE_LABEL.test(text.trim())
}

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’]+(?:-\p{L}[\p{L}'’]+)?|\p{Lu}\.(?:\s?\p{Lu}\.)?)$/u
const INITIAL = /^\p{Lu}\.(?:\s?\p{Lu}\.)?$/u
const RUSSIAN_SURNAME = new RegExp(`^\\p{Script=Cyrillic}+(?:${RUSSIAN_SURNAME_ENDINGS})$`, 'iu')
const PARTICLE = new RegExp(`^(?:${NAME_PARTICLES})$`, 'u')

const isGivenName = (word: string): boolean => GIVEN_NAMES.has(word.toLowerCase())

/** Two to four words that read as one person's name: a given name among them, or initials and a Russian surname. */
function isPersonName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false
  if (words.some(isGivenName)) return true
  const [first, last] = [words[0] ?? '', words[words.length - 1] ?? '']
  return (
    (INITIAL.test(first) && RUSSIAN_SURNAME.test(last)) || (INITIAL.test(last) && RUSSIAN_SURNAME.test(first))
  )
}

/**
 * Two or three capitalised words and nothing else, as a name is written ("Dana Whitfield"), whether or not
 * the given name is one the lexicon knows: the text reader takes it for a byline only where a byline stands.
 */
export function isNameShaped(text: string): boolean {
  if (text.length > 60) return false
  const words = text.split(/\s+/)
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    words.every((word) => NAME_WORD.test(word) && !CHROME_WORDS.has(word.toLowerCase()))
  )
}

/**
 * The people a line names when it is nothing but names, as a byline printed without a label is: "Юлия
 * ХОЖАТЕЛЕВА", "Ярослав Кузишин, Антон Зелинский и Карина Гасимова", or the same names glued without commas
 * (each given name then opens a name). Null for anything else ("Artificial Intelligence", a sentence).
 */
export function personNames(text: string): string[] | null {
  if (text.length > 200 || !/^\p{Lu}/u.test(text)) return null
  // Names printed with the date on their line: "Ярослав Кузишин Антон Зелинский 8 января, 17:46".
  const date = findDate(text) ?? findRelativeDate(text, null)
  const names = date
    ? namesOnly(`${text.slice(0, date.start)} ${text.slice(date.end)}`.trim())
    : namesOnly(text)
  return names
}

function namesOnly(text: string): string[] | null {
  if (text.length > 160 || /\d/.test(text) || /[.!?…:;"«»“”()]\s*$/u.test(text)) return null
  const names: string[] = []
  for (const part of text.split(NAME_SEPARATOR)) {
    const words = part
      .trim()
      .replace(/\.\s+(?=\p{Lu}\.)/gu, '.')
      .split(/\s+/)
      .filter(Boolean)
    if (!words.every((word) => NAME_WORD.test(word) || PARTICLE.test(word))) return null
    let current: string[] = []
    for (const [index, word] of words.entries()) {
      const nextIsGiven = isGivenName(words[index + 1] ?? '')
      if (current.length >= 2 && isGivenName(word) && !nextIsGiven) {
        names.push(current.join(' '))
        current = []
      }
      current.push(word)
    }
    names.push(current.join(' '))
  }
  return names.length > 0 && names.every((name) => isPersonName(name.split(' '))) ? names : null
}

const SECTION_PREFIX = /^(?:section|rubric|category|рубрика|раздел|категория)\s*[:\-–—]\s*(.{2,40})$/iu

/** A section label ("ANALYTICS", "Рубрика: Политика") in the site's words, sentence-cased; else null. */
export function sectionOfLine(text: string): string | null {
  const prefixed = SECTION_PREFIX.exec(text)
  if (prefixed?.[1]) return prefixed[1].trim()
  const trimmed = text.trim()
  if (trimmed.length > 40 || isChrome(trimmed)) return null
  if (!/^[\p{Lu}][\p{Lu}\s&/-]*$/u.test(trimmed)) return null
  const letters = trimmed.replace(/[^\p{L}]/gu, '')
  if (letters.length < 3 || trimmed.split(/\s+/).length > 4) return null
  const lower = trimmed.toLowerCase()
  return lower.charAt(0).toUpperCase() + lower.slice(1)
}

/** How much a line looks like article prose (positive) or like its surroundings (negative). */
export function proseScore(text: string, words: number): number {
  const w = TEXT_RULE_WEIGHTS
  if (isSectionBreak(text)) return w.sectionBreak
  if (isAdLabel(text)) return w.adLabel
  if (!hasLetters(text)) return w.noLetters
  if (isChrome(text) || isReadingTime(text)) return w.chrome
  // Metadata, not chrome: a sentence in the body may read like a rights notice, and stays when inside it.
  if (dateOfLine(text) !== null || bylineAuthors(text) !== null) return w.metadata
  const rights = rightsStrength(text)
  if (isRightsNotice(text, rights) || isSiteLegalNotice(text, rights)) return w.metadata
  if (isGluedFeed(text)) return w.headlineLike
  const sentence = endsLikeSentence(text)
  // Each CJK character counts as a word, though a word is about two or three of them.
  const cjkChars = text.match(CJK_CHARACTERS)?.length ?? 0
  const wordsLike = cjkChars > 0 ? Math.max(1, Math.round(words - cjkChars * 0.6)) : words
  if ((sentence && wordsLike >= w.proseMinWords) || wordsLike >= w.proseMinWordsUnpunctuated) {
    return Math.min(wordsLike, w.proseWordCap) * w.prosePerWord + (sentence ? w.sentenceEndBonus : 0)
  }
  return wordsLike <= 4 ? w.shortFragment : w.headlineLike
}
