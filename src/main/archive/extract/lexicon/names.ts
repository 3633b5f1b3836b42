/** Words around people's names in bylines and credits. Regular expression alternations. */

/** Words that join two names: "Jane Doe and John Roe", "A og B", "Иван Петров и Мария Иванова". */
export const NAME_JOINERS = 'and|und|et|y|e|og|och|en|ja|и|і|&'

/** Words that open a byline before the names: "by", "von", "di", "par", "от" … */
export const BYLINE_PREPOSITIONS = 'by|von|di|de|da|par|por|av|af|door|от'

/** Lower-case particles inside a name: "Ursula von der Leyen", "Ibn Battuta". */
export const NAME_PARTICLES = 'van|von|de|da|del|der|di|la|le|bin|ibn'
