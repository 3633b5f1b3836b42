/**
 * Headings of what a product page shows beside the product: its reviews and ratings, questions from
 * buyers, and other products (recommended, related, bought together, recently viewed). Matched against
 * the heading lower-cased, without a count ("Reviews (407)") or edge punctuation.
 */
export const PRODUCT_ASIDE_HEADING = new RegExp(
  [
    String.raw`^(?:customer |product |guest |user |verified )?(?:reviews?|ratings?)(?: (?:and|&) (?:reviews?|ratings?))?$`,
    String.raw`^(?:what|see what) (?:customers|people|others) (?:are saying|say|think)`,
    String.raw`^(?:write|leave) a review$`,
    String.raw`^(?:customer )?(?:questions?|q) ?(?:&|and) ?(?:answers?|a)$`,
    String.raw`^(?:you (?:may|might|will) also (?:like|love|need)|you may be interested in|more to (?:explore|consider))`,
    String.raw`^(?:customers|people|shoppers) (?:who (?:bought|viewed) this (?:item )?)?also (?:bought|viewed|liked|purchased)`,
    String.raw`^(?:frequently bought together|complete the look|pairs well with|shop the look)$`,
    String.raw`^(?:related|recommended|similar|featured|popular|trending) (?:items?|products?|accessories|picks)`,
    String.raw`^recently viewed|^your recently viewed|^browsing history$`,
    String.raw`^(?:отзывы|отзывы покупателей|вопросы и ответы|похожие товары|с этим товаром покупают|рекомендуем|вы смотрели)$`,
    String.raw`^(?:kundenbewertungen|bewertungen|das könnte (?:dich|ihnen) auch gefallen|ähnliche produkte|zuletzt angesehen)$`,
    String.raw`^(?:avis clients|avis|vous aimerez aussi|produits similaires|récemment consultés)$`,
  ].join('|'),
  'u',
)
