/**
 * Page metadata from an HTML document. For each field the first source that has a value wins:
 *   headline    the visible article <h1>: itemprop=headline, or sharing words (Dice >= 0.5) with a
 *               declared title (JSON-LD headline, og:title, twitter:title) or the <title>'s head; with no
 *               declared title only an <h1> with the words of the <title> or of its head ("Headline - Site");
 *               with no <title> either, an <h1> inside article/main. It wins over `title` because it is
 *               what a reader sees, but a declared title that spells it with proper spaces, or adds the
 *               kicker printed apart ("Kicker: Headline", the kicker not being the site), gives its spelling
 *   title       JSON-LD headline/name > og:title > citation_title > DC.title > twitter:title > microdata headline
 *   subtitle    JSON-LD alternativeHeadline > microdata alternativeHeadline > a subtitle/standfirst/dek/lead
 *               element right after the headline
 *   authors     JSON-LD author (Person names, even one that is the site's; Organizations left out)
 *               > citation_author > DC.creator (one person a tag, "Family, Given" read as such) > microdata
 *               author > meta author / article:author
 *               (names, not URLs; the last two without the site's own name or host, a site-wide stamp);
 *               photo credits are dropped, and so are job titles, affiliations and domains printed
 *               beside a name ("Jane Doe, staff writer, example.com")
 *   siteName    JSON-LD publisher.name > JSON-LD WebSite name > og:site_name > citation_journal_title
 *               > DC.publisher > application-name
 *   section     JSON-LD articleSection > article:section > meta section
 *   publishedAt JSON-LD datePublished > dateCreated > microdata datePublished (as printed on the page)
 *               > article:published_time > citation_publication_date > citation_date > citation_online_date
 *               > DC/dcterms issued/created/date > other date metas > <time datetime> in the article
 *               > a date printed right after the headline > the first <time datetime>
 *   url         canonical link > og:url > JSON-LD url/mainEntityOfPage > citation_public_url
 *   language    (declared) <html lang> > JSON-LD inLanguage > og:locale > DC.language > content-language
 *   description JSON-LD description > og:description > meta description > DC.description > twitter:description
 *   rights      JSON-LD copyrightNotice > license > DC.rights / dcterms.rights > meta copyright
 *   bibliographic  what the page states of itself as a publication: Highwire citation_*, a JSON-LD
 *               ScholarlyArticle, Book, Chapter, Thesis or Report, PRISM, Dublin Core (bibliographic-html.ts)
 * JSON-LD nodes come from every ld+json script, arrays and @graph flattened; an Article-like node
 * (NewsArticle, BlogPosting, ...) is preferred over a WebPage node.
 */
import { hostOf } from '../../../common/text'
import { firstValue, normaliseLanguageTag, squash } from './article'
import { normaliseIsoDate } from './dates'
import type { DomDocument } from './dom'
import {
  declaredSpelling,
  leadAfter,
  printedDateAfter,
  subtitleAfter,
  timeInArticle,
  visibleHeadline,
} from './headline'
import type { BibliographicFindings } from './bibliographic'
import { readBibliographicTags } from './bibliographic-html'
import { isObject, jsonAuthors, jsonText, jsonUrl, readJsonLd } from './json-ld'
import { itempropValue, metaIndex, microdataAuthors, microdataIndex } from './meta-tags'
import { catalogueNames, splitNames } from './names'
import { indexPage, type PageIndex } from './page-index'

export interface PageMetadata {
  headline: string | null
  /** The standfirst printed between the headline and the body (often outside the main content block). */
  lead: string | null
  title: string | null
  subtitle: string | null
  authors: string[]
  siteName: string | null
  section: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
  description: string | null
  rights: string | null
  /** What the tags and JSON-LD state of the page as a publication (bibliographic-html.ts). */
  bibliographic: BibliographicFindings
}

/** A relative canonical link made absolute with the page's own absolute URL (og:url), when it has one. */
function resolveAgainst(url: string | null | undefined, base: string | null): string | null {
  if (!url) return null
  if (/^https?:\/\//i.test(url.trim()) || !base) return url
  try {
    return new URL(url.trim(), base).href
  } catch {
    return url
  }
}

export function readMetadata(document: DomDocument, page: PageIndex = indexPage(document)): PageMetadata {
  const { article, website, nodes } = readJsonLd(page.jsonLdScripts)
  const metas = metaIndex(page.metas)
  const microdata = microdataIndex(page.microdata)
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = metas.get(key)?.[0]
      if (value) return value
    }
    return null
  }
  const metaAll = (key: string): string[] => metas.get(key) ?? []
  const itemprop = (name: string): string | null => itempropValue(microdata, name)
  const ld = (key: string): unknown => (article ? article[key] : undefined)

  const title = firstValue(
    jsonText(ld('headline')),
    jsonText(ld('name')),
    meta('og:title', 'citation_title', 'dc.title', 'dcterms.title', 'twitter:title'),
    itemprop('headline'),
  )
  const pageTitle = squash(page.title?.textContent ?? '') || null
  const declaredTitles = [title, meta('og:title'), meta('twitter:title')].filter(
    (value): value is string => value !== null && value !== '',
  )
  const headlineElement = visibleHeadline(page.headings, declaredTitles, pageTitle)

  // Tried in order, each only when the ones before gave no date.
  const dateSources: Array<() => string | null | undefined> = [
    () => jsonText(ld('datePublished')),
    () => jsonText(ld('dateCreated')),
    () => itemprop('datePublished'),
    () =>
      meta(
        'article:published_time',
        'og:published_time',
        'citation_publication_date',
        'citation_date',
        'citation_online_date',
        'dc.date.issued',
        'dcterms.issued',
        'dcterms.created',
        'dc.date',
        'dcterms.date',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'publication_date',
        'sailthru.date',
        'parsely-pub-date',
        'datepublished',
      ),
    () => timeInArticle(page.times)?.getAttribute('datetime'),
    () => printedDateAfter(headlineElement),
    () => page.firstDatedTime?.getAttribute('datetime'),
  ]
  let publishedAt: string | null = null
  for (const source of dateSources) {
    const value = source()
    publishedAt = value ? normaliseIsoDate(value) : null
    if (publishedAt !== null) break
  }

  const publisher = ld('publisher')
  const canonical = page.canonical?.getAttribute('href')
  const section = jsonText(ld('articleSection')) ?? meta('article:section', 'section', 'category')
  const siteName = firstValue(
    isObject(publisher) ? jsonText(publisher['name']) : jsonText(publisher),
    website ? jsonText(website['name']) : null,
    meta(
      'og:site_name',
      'citation_journal_title',
      'citation_conference_title',
      'dc.publisher',
      'application-name',
    ),
  )
  const url = firstValue(
    resolveAgainst(canonical, firstValue(meta('og:url'), jsonUrl(ld('url')))),
    meta('og:url'),
    jsonUrl(ld('url')),
    jsonUrl(ld('mainEntityOfPage')),
    meta('citation_public_url', 'citation_abstract_html_url'),
  )

  // A <meta name=author> or microdata author naming the site itself is a stamp every page of the site
  // carries, not a credit.
  const siteNames = new Set(
    [siteName, meta('og:site_name'), hostOf(url)].flatMap((name) => (name ? [name.toLowerCase()] : [])),
  )
  const notTheSite = (name: string): boolean => !siteNames.has(name.toLowerCase().replace(/^www\./, ''))
  const authors = [
    jsonAuthors(ld('author')),
    metaAll('citation_author').flatMap(catalogueNames),
    [...metaAll('dc.creator'), ...metaAll('dcterms.creator')].flatMap(catalogueNames),
    microdataAuthors(microdata).filter(notTheSite),
    [...metaAll('author'), ...metaAll('article:author')].flatMap(splitNames).filter(notTheSite),
  ].find((list) => list.length > 0)

  return {
    headline: headlineElement
      ? declaredSpelling(squash(headlineElement.textContent ?? ''), declaredTitles, siteNames)
      : null,
    lead: leadAfter(headlineElement),
    title,
    subtitle: firstValue(
      jsonText(ld('alternativeHeadline')),
      itemprop('alternativeHeadline'),
      subtitleAfter(headlineElement),
    ),
    authors: authors ?? [],
    siteName,
    section,
    publishedAt,
    url,
    language: normaliseLanguageTag(
      firstValue(
        document.documentElement.getAttribute('lang'),
        document.documentElement.getAttribute('xml:lang'),
        jsonText(ld('inLanguage')),
        meta(
          'og:locale',
          'dc.language',
          'dcterms.language',
          'citation_language',
          'content-language',
          'language',
        ),
      ),
    ),
    description: firstValue(
      jsonText(ld('description')),
      meta('og:description', 'description', 'dc.description', 'dcterms.description', 'twitter:description'),
    ),
    rights: firstValue(
      jsonText(ld('copyrightNotice')),
      typeof ld('license') === 'string' ? jsonText(ld('license')) : null,
      meta('dc.rights', 'dcterms.rights', 'copyright', 'rights'),
    ),
    bibliographic: readBibliographicTags(metas, nodes),
  }
}
