/**
 * What a line of a copied web page looks like: page chrome (menus, share bars, counters, copyright),
 * metadata (dates, bylines, section labels) or article prose. The weights are the knobs of the
 * plain-text reader; tune them here, not in the reader. The HTML reader tests its blocks with these
 * rules too; the ones only it needs are in block-rules.ts.
 */
import { findDate } from './dates'
import { AD_LABELS, CHROME_WORDS } from './lexicon/chrome'
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
  /** An advertising label: chrome, but ad slots sit inside bodies, so only a low wall. */
  adLabel: -1.5,
  /** A lead set apart from the body (teaser box, ad, credit) is joined across this many non-prose lines... */
  leadMaxGapLines: 16,
  /** ...when it is at most this many prose lines... */
  leadMaxLines: 2,
  /** ...and one of them scores at least this (a sentence of a dozen words). */
  leadMinScore: 3,
} as const

/** The label of an ad slot ("Реклама", "Advertisement"). */
export function isAdLabel(text: string): boolean {
  return text.length <= 40 && AD_LABELS.has(lineKey(text))
}

/** Headings of what comes after an article: comments, related and most-read lists. */
const SECTION_BREAK =
  /^(?:comments?|\d+\s+comments?|comments?\s*\d+|комментари\p{L}*(?:\s*\d+)?|\d+\s+комментари\p{L}*|leave a (?:reply|comment)|post a comment|add a comment|оставить комментарий|оставьте комментарий|related(?: articles| news| stories| posts)?|more (?:stories|news|from \p{L}+)|most (?:read|popular|viewed)|popular|самое (?:читаемое|популярное)|популярное|читайте также|смотрите также|по теме|другие новости|новости по теме|you may also like|recommended(?: for you)?|рекомендуем)$/iu

/** The line heads a block that follows the article (comments, related links). */
export function isSectionBreak(text: string): boolean {
  return text.length <= 60 && SECTION_BREAK.test(lineKey(text.replace(/[()[\]{}]/g, ' ')))
}

/** Lines that start like these are furniture (related links, prompts), whatever follows. */
const CHROME_LEADS =
  /^(?:read (?:also|more)|see also|related(?: articles| news| stories)?|more on this|читайте (?:также|ещё|еще)|смотрите также|по теме|ранее|share(?: this)?|поделиться|подписывайтесь|subscribe to|follow us|join us|tags|теги|метки|advertisement|реклама)\s*[:\-–—]/iu

const CALL_TO_ACTION =
  /liked the story|share (?:it|this)(?: on| with)|share on social|понравил\p{L}* (?:статья|материал|новость)|поделитесь|подпиш\p{L}+ на (?:наш|нас)|subscribe to (?:our|the)|follow us on|join (?:us|our) on|download (?:our|the) app|скачайте (?:наше )?приложение|turn on notifications|включите уведомления|sign up for (?:our|the)/iu

const SEARCH_PROMPT =
  /^(?:what are you looking for|что вы ищете|что ищем|что будем искать|введите (?:запрос|текст|слово)|enter (?:a )?(?:search|keyword)|type to search|search(?: for)?\s*(?:\.\.\.|…)|поиск\s*(?:\.\.\.|…)|поиск по сайту|search (?:the )?site)\s*\??$/iu

const COUNTER =
  /^(?:(?:views?|просмотр\p{L}*|comments?|комментари\p{L}*|likes?|shares?|reads?|прочтени\p{L}*)\s*[:\-–]?\s*\d[\d\s.,]*[kкmм]?|\d[\d\s.,]*[kкmм]?\s*(?:views?|просмотр\p{L}*|comments?|комментари\p{L}*|likes?|shares?))$/iu

const THEME_TOGGLE =
  /^(?:(?:night|dark|light|day)\s?(?:theme|mode)|(?:ночн|темн|тёмн|светл|дневн)\p{L}*\s(?:тема|режим))$/iu

const FONT_SIZE_BUTTON = /^[AaАа][+\-−]$/u

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
export function isRightsNotice(text: string): boolean {
  const strength = rightsStrength(text)
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
export function isSiteLegalNotice(text: string): boolean {
  if (text.length > 1000) return false
  if (rightsStrength(text) >= 2 && SITE_REFERENCE.test(text)) return true
  return SITE_RIGHTS.test(text) || MEDIA_REGISTRATION.test(text) || BANNED_ORGANISATIONS_NOTICE.test(text)
}

/** A teaser for another article ("À lire aussi …", "Les også: …"): short and not a sentence. */
const READ_ALSO_TEASER =
  /^(?:à lire aussi|lire aussi|lea también|para saber más|leia também|leggi anche|lesen sie auch|mehr zum thema|lees ook|les også|læs også|läs också|read also|read more|see also|читайте также|читайте також)(?![\p{L}])/iu

/** Page furniture: menus, social links, share bars, counters, search prompts, toggles. */
export function isChrome(text: string): boolean {
  if (text.length > TEXT_RULE_WEIGHTS.chromeMaxChars) return false
  if (!hasLetters(text)) return true
  if (FONT_SIZE_BUTTON.test(text)) return true
  const key = lineKey(text)
  if (CHROME_WORDS.has(key) || AD_LABELS.has(key)) return true
  // A raw identifier leaking from the page's markup: "night_theme", "share-line".
  if (/^[a-z]+(?:[_-][a-z]+)+$/.test(text)) return true
  if (READ_ALSO_TEASER.test(text) && text.length <= 160 && !endsLikeSentence(text)) return true
  return (
    CHROME_LEADS.test(text) ||
    CALL_TO_ACTION.test(text) ||
    SEARCH_PROMPT.test(text) ||
    COUNTER.test(key) ||
    THEME_TOGGLE.test(key) ||
    isDomainLike(text)
  )
}

/** Words that may stand next to a date on its line ("Published: 7 February 2026"). */
const DATE_LABELS =
  /\b(?:published|posted|updated|modified|date|on|at|by)\b|опубликовано|обновлено|изменено|дата|публикации|(?<!\p{L})в(?!\p{L})|сегодня|вчера|today|yesterday|[|,:;·•–—-]/giu

/** The date stated by a line that is mostly a date, or null. */
export function dateOfLine(text: string): string | null {
  if (text.length > 120) return null
  const found = findDate(text)
  if (!found) return null
  const rest = (text.slice(0, found.start) + ' ' + text.slice(found.end)).replace(DATE_LABELS, ' ').trim()
  return rest.length <= 12 ? found.iso : null
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
  /^(?:by|written by|posted by|author|authors|text|автор|авторы|текст|материал подготовил\p{L}*)\s*[:\-–—]?\s+(.+)$/iu
const NAME = new RegExp(`^\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|${NAME_PARTICLES}))*$`, 'u')
const NAME_SEPARATOR = new RegExp(`\\s*,\\s*|\\s*;\\s*|\\s+(?:${NAME_JOINERS})\\s+`, 'u')

/** Author names from a byline ("By Jane Doe and John Roe", "Автор: Иван Петров"), or null. */
export function bylineAuthors(text: string): string[] | null {
  if (text.length > 200) return null
  const found = findDate(text)
  const withoutDate = found ? text.slice(0, found.start) + text.slice(found.end) : text
  const match = BYLINE.exec(withoutDate.replace(/\s*[|·•]\s*.*$/u, '').trim())
  if (!match?.[1]) return null
  const names = match[1]
    .replace(/[\s,;:–—-]+$/u, '')
    .split(NAME_SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean)
  if (names.length === 0) return null
  return names.every((name) => name.length <= 60 && NAME.test(name) && name.split(/\s+/).length <= 5)
    ? names
    : null
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
  if (isChrome(text)) return w.chrome
  // Metadata, not chrome: a sentence in the body may read like a rights notice, and stays when inside it.
  if (
    dateOfLine(text) !== null ||
    bylineAuthors(text) !== null ||
    isRightsNotice(text) ||
    isSiteLegalNotice(text)
  )
    return w.metadata
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
