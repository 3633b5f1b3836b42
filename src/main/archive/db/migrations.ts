import type { Database } from './database'

/** One schema step; `version` is what PRAGMA user_version reads after it is applied. */
export interface Migration {
  version: number
  description: string
  sql: string
}

const SCHEMA_V1 = `
CREATE TABLE originals (
  sha256 TEXT PRIMARY KEY NOT NULL,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL,
  name TEXT
);

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  subtitle TEXT,
  authors TEXT NOT NULL DEFAULT '[]',
  site_name TEXT,
  section TEXT,
  published_at TEXT,
  language TEXT,
  url TEXT,
  excerpt TEXT,
  rights TEXT,
  word_count INTEGER NOT NULL DEFAULT 0,
  content_text TEXT NOT NULL,
  content_html TEXT NOT NULL,
  format TEXT NOT NULL,
  source_name TEXT,
  original_sha256 TEXT NOT NULL REFERENCES originals(sha256),
  warnings TEXT NOT NULL DEFAULT '[]',
  added_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- When the reader marked it read; NULL while unread.
  read_at TEXT
);

CREATE INDEX articles_by_added_at ON articles (added_at, id);
CREATE INDEX articles_by_published_at ON articles (published_at, id);
CREATE INDEX articles_by_title ON articles (title COLLATE NOCASE, id);
CREATE INDEX articles_by_site_name ON articles (site_name COLLATE NOCASE, id);
-- Ascending lists put missing dates and sites last (see ORDER_BY in articles.ts).
CREATE INDEX articles_by_published_at_nulls_last ON articles (published_at IS NULL, published_at, id);
CREATE INDEX articles_by_site_name_nulls_last ON articles (site_name IS NULL, site_name COLLATE NOCASE, id);
CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_by_original ON articles (original_sha256);
CREATE INDEX articles_by_language ON articles (language);
CREATE INDEX articles_by_read_at ON articles (read_at);

-- name_key is the case-folded name (JavaScript toLowerCase), so "Кавказ" and "кавказ" are one tag;
-- COLLATE NOCASE alone folds ASCII only. Nested tags are paths: "region/caucasus" sits under
-- "region", and a key range ('region/' <= key < 'region0') finds every descendant.
-- A tag without articles goes away unless the user created it (pinned), coloured it, or it
-- still has children.
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name_key TEXT NOT NULL UNIQUE,
  color TEXT,
  pinned INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag_id, article_id);

-- Original bytes go when the last article that came from them goes.
CREATE TRIGGER articles_drop_unused_original AFTER DELETE ON articles BEGIN
  DELETE FROM originals WHERE sha256 = old.original_sha256
    AND NOT EXISTS (SELECT 1 FROM articles WHERE original_sha256 = old.original_sha256);
END;

-- Full-text index, fed from JavaScript (search/indexer.ts): FTS5 cannot call a JavaScript
-- tokenizer, so each column holds the article's words already folded and stemmed (Russian and
-- English Snowball), separated by spaces. Contentless: the text lives in articles. Ranking
-- (bm25 with the title weighted over the body) is in search/search.ts. "annotations" holds the
-- article's highlighted quotes and notes (the highlights table, schema version 3).
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, subtitle, authors, site, content_text, annotations,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

-- Articles whose index entry is missing or stale. Triggers fill it whoever writes the articles;
-- the indexer empties it (inside the writer's transaction, or before the next search).
CREATE TABLE search_pending (article_id INTEGER PRIMARY KEY NOT NULL);
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_search_update AFTER UPDATE OF title, subtitle, authors, site_name, url, content_text
ON articles BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  DELETE FROM articles_fts WHERE rowid = old.id;
  DELETE FROM search_pending WHERE article_id = old.id;
END;

-- Inflected word forms and their stems, so that a prefix query ("cooperat*") also reaches stems
-- shorter than the prefix ("cooper"). Only grows; a stale row costs nothing.
CREATE TABLE search_words (
  word TEXT PRIMARY KEY NOT NULL,
  stem TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE collections (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE collection_articles (
  collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  added_at TEXT NOT NULL,
  PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;
CREATE INDEX collection_articles_by_article ON collection_articles (article_id);

-- A saved search is a query in the search language plus the list filters next to it (JSON).
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  query TEXT NOT NULL,
  filters TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
);
`

// Citation lists are ordered by position (0-based, no gaps). name_key is the case-folded name
// (JavaScript toLowerCase), as for collections, so "Список" and "список" are one list.
const CITATION_LISTS = `
CREATE TABLE citation_lists (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name_key TEXT NOT NULL UNIQUE,
  style TEXT NOT NULL,
  locale TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE citation_list_items (
  list_id INTEGER NOT NULL REFERENCES citation_lists(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  PRIMARY KEY (list_id, article_id)
) WITHOUT ROWID;
CREATE INDEX citation_list_items_by_position ON citation_list_items (list_id, position);
CREATE INDEX citation_list_items_by_article ON citation_list_items (article_id);

-- The day the user accessed the page ("2026-11-27"); NULL: citations use the import date.
ALTER TABLE articles ADD COLUMN accessed_at TEXT;
-- NULL: the citation kind is guessed from section, URL and format.
ALTER TABLE articles ADD COLUMN cite_kind TEXT
  CHECK (cite_kind IN ('news', 'webpage', 'blog', 'report', 'document'));
`

// Highlights keep their quote and ~48 characters of context on each side (from contentText), so
// re-extraction can find them again; one that cannot be found is kept as orphaned.
const HIGHLIGHTS = `
CREATE TABLE highlights (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  color TEXT NOT NULL CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
  quote TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  text_offset INTEGER,
  note TEXT,
  orphaned INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX highlights_by_article ON highlights (article_id, text_offset);

ALTER TABLE articles ADD COLUMN favourite INTEGER NOT NULL DEFAULT 0;
-- 0..1, how far the reader scrolled.
ALTER TABLE articles ADD COLUMN reading_progress REAL NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN last_read_at TEXT;
CREATE INDEX articles_favourite ON articles (favourite) WHERE favourite = 1;
`

// A highlight or note that changes puts its article back into the search queue.
const SEARCH_ANNOTATIONS = `
CREATE TRIGGER highlights_search_insert AFTER INSERT ON highlights BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (new.article_id);
END;
CREATE TRIGGER highlights_search_update AFTER UPDATE OF quote, note, article_id ON highlights BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (old.article_id), (new.article_id);
END;
CREATE TRIGGER highlights_search_delete AFTER DELETE ON highlights BEGIN
  INSERT OR IGNORE INTO search_pending (article_id) VALUES (old.article_id);
END;
-- Archives indexed before this version get their annotations indexed too.
INSERT OR IGNORE INTO search_pending (article_id) SELECT DISTINCT article_id FROM highlights;
`

// Near-duplicate detection (import/duplicates.ts): a MinHash signature of each article's body and
// its LSH band buckets, so candidates are found by index instead of comparing every article.
// Articles whose fingerprint is missing or stale wait in fingerprint_pending (filled by triggers,
// whoever writes the articles, and here for the articles of an older archive); they are
// fingerprinted before the next near-duplicate check. An empty signature marks a body too short
// to compare.
const TEXT_FINGERPRINTS = `
CREATE TABLE article_fingerprints (
  article_id INTEGER PRIMARY KEY NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  signature BLOB NOT NULL
);
CREATE TABLE article_fingerprint_bands (
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, bucket, article_id)
) WITHOUT ROWID;
CREATE INDEX article_fingerprint_bands_by_article ON article_fingerprint_bands (article_id);
CREATE TABLE fingerprint_pending (article_id INTEGER PRIMARY KEY NOT NULL);
CREATE TRIGGER articles_fingerprint_insert AFTER INSERT ON articles BEGIN
  INSERT OR IGNORE INTO fingerprint_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_fingerprint_update AFTER UPDATE OF content_text ON articles
WHEN old.content_text IS NOT new.content_text BEGIN
  INSERT OR IGNORE INTO fingerprint_pending (article_id) VALUES (new.id);
END;
CREATE TRIGGER articles_fingerprint_delete AFTER DELETE ON articles BEGIN
  DELETE FROM fingerprint_pending WHERE article_id = old.id;
END;
INSERT OR IGNORE INTO fingerprint_pending (article_id) SELECT id FROM articles;
`

// Every row of articles is a bibliographic item (src/common/csl.ts). csl holds the item as CSL-JSON
// (without its id) once it is known as data: a reference read from a file, or a page whose record
// the user edited or whose extraction found one. NULL: the item is derived from the page's own
// fields (title, authors, site, dates), the accessed_at date and the cite_kind, as before. The
// citation key is kept as the reference file had it. Items are matched as duplicates by DOI and
// citation key (with title, authors, year and container), so both are indexed.
const BIBLIOGRAPHIC_ITEMS = `
ALTER TABLE articles ADD COLUMN csl TEXT;
ALTER TABLE articles ADD COLUMN citation_key TEXT;
CREATE INDEX articles_by_citation_key ON articles (citation_key) WHERE citation_key IS NOT NULL;
CREATE INDEX articles_by_doi ON articles (lower(json_extract(csl, '$.DOI')))
  WHERE csl IS NOT NULL AND json_extract(csl, '$.DOI') IS NOT NULL;
CREATE INDEX articles_by_title_key ON articles (lower(title));
`

// The library's filters and counts (search/selection.ts, search/facet-counts.ts). The index holds,
// by id, every column the filter panel tests, so selecting and counting never reads the large
// article rows. library_version changes whenever anything the counts depend on changes (articles
// added or removed, their site, language, date or read state, tags, highlights), whoever writes:
// a copy of those columns kept in memory is valid while the version it was read at holds. A random
// value rather than a counter, so a restored or replaced archive never repeats a version by chance.
const LIBRARY_FILTERS = `
CREATE INDEX articles_filter_fields ON articles (id, site_name, language, published_at, read_at);

CREATE TABLE library_version (version INTEGER NOT NULL);
INSERT INTO library_version (version) VALUES (random());
CREATE TRIGGER articles_library_insert AFTER INSERT ON articles BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER articles_library_delete AFTER DELETE ON articles BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER articles_library_update AFTER UPDATE OF site_name, language, published_at, read_at ON articles BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER article_tags_library_insert AFTER INSERT ON article_tags BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER article_tags_library_delete AFTER DELETE ON article_tags BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER article_tags_library_update AFTER UPDATE ON article_tags BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER tags_library_insert AFTER INSERT ON tags BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER tags_library_delete AFTER DELETE ON tags BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER tags_library_update AFTER UPDATE ON tags BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER highlights_library_insert AFTER INSERT ON highlights BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER highlights_library_delete AFTER DELETE ON highlights BEGIN
  UPDATE library_version SET version = random();
END;
CREATE TRIGGER highlights_library_update AFTER UPDATE OF article_id ON highlights BEGIN
  UPDATE library_version SET version = random();
END;
`

// How many articles the archive holds, kept by triggers: counting a million rows takes 30-100 ms,
// more than the library's whole first page may (search/library.ts, info). Derived data: rebuilt
// here from the articles, never exported.
const ARTICLE_COUNT = `
CREATE TABLE article_count (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  total INTEGER NOT NULL
);
INSERT INTO article_count (id, total) SELECT 1, count(*) FROM articles;
CREATE TRIGGER article_count_insert AFTER INSERT ON articles BEGIN
  UPDATE article_count SET total = total + 1 WHERE id = 1;
END;
CREATE TRIGGER article_count_delete AFTER DELETE ON articles BEGIN
  UPDATE article_count SET total = total - 1 WHERE id = 1;
END;
`

// The kind of page an article was recognised as (extract/page-kind.ts); NULL for text, PDF and pastes.
const PAGE_KINDS = `
ALTER TABLE articles ADD COLUMN page_kind TEXT;
`

// The library's filter panel and counts also go by the kind of page: the filter index takes the
// column in, and changing it moves library_version on like the other filter columns.
const PAGE_KIND_FILTER = `
DROP INDEX articles_filter_fields;
CREATE INDEX articles_filter_fields ON articles (id, site_name, language, published_at, read_at, page_kind);
DROP TRIGGER articles_library_update;
CREATE TRIGGER articles_library_update
AFTER UPDATE OF site_name, language, published_at, read_at, page_kind ON articles BEGIN
  UPDATE library_version SET version = random();
END;
`

// How many articles carry each tag (articles) and how many carry it or a tag nested under it
// (subtree_articles, each article once), kept by triggers: counting them for the tag list took
// 50-300 ms at a million items, holding the database at window start. A tag x's subtree is x and
// every tag whose key lies under x's key ("region" holds "region/caucasus"). Derived data: rebuilt
// here from the tags, never exported.
//
// A tag's links are removed before the tag (tag_counts_delete), so the link triggers still see
// its place in the tree; a renamed tag (a new key) recounts the subtrees it left and entered.
const TAG_COUNTS = `
CREATE TABLE tag_counts (
  tag_id INTEGER PRIMARY KEY NOT NULL,
  articles INTEGER NOT NULL,
  subtree_articles INTEGER NOT NULL
);
INSERT INTO tag_counts (tag_id, articles, subtree_articles)
SELECT x.id,
  (SELECT count(*) FROM article_tags o WHERE o.tag_id = x.id),
  (SELECT count(DISTINCT o.article_id) FROM tags d JOIN article_tags o ON o.tag_id = d.id
   WHERE d.name_key = x.name_key OR (d.name_key >= x.name_key || '/' AND d.name_key < x.name_key || '0'))
FROM tags x;

CREATE TRIGGER tag_counts_link AFTER INSERT ON article_tags BEGIN
  UPDATE tag_counts SET articles = articles + 1 WHERE tag_id = new.tag_id;
  UPDATE tag_counts SET subtree_articles = subtree_articles + 1
  WHERE tag_id IN (
    SELECT x.id FROM tags n, tags x
    WHERE n.id = new.tag_id
      AND (x.name_key = n.name_key OR (n.name_key >= x.name_key || '/' AND n.name_key < x.name_key || '0'))
      AND NOT EXISTS (
        SELECT 1 FROM article_tags o JOIN tags d ON d.id = o.tag_id
        WHERE o.article_id = new.article_id AND o.tag_id <> new.tag_id
          AND (d.name_key = x.name_key OR (d.name_key >= x.name_key || '/' AND d.name_key < x.name_key || '0'))));
END;
CREATE TRIGGER tag_counts_unlink AFTER DELETE ON article_tags BEGIN
  UPDATE tag_counts SET articles = articles - 1 WHERE tag_id = old.tag_id;
  UPDATE tag_counts SET subtree_articles = subtree_articles - 1
  WHERE tag_id IN (
    SELECT x.id FROM tags n, tags x
    WHERE n.id = old.tag_id
      AND (x.name_key = n.name_key OR (n.name_key >= x.name_key || '/' AND n.name_key < x.name_key || '0'))
      AND NOT EXISTS (
        SELECT 1 FROM article_tags o JOIN tags d ON d.id = o.tag_id
        WHERE o.article_id = old.article_id
          AND (d.name_key = x.name_key OR (d.name_key >= x.name_key || '/' AND d.name_key < x.name_key || '0'))));
END;
CREATE TRIGGER tag_counts_relink AFTER UPDATE OF article_id, tag_id ON article_tags BEGIN
  SELECT RAISE(ABORT, 'article_tags rows are deleted and inserted, never updated');
END;

CREATE TRIGGER tag_counts_insert AFTER INSERT ON tags BEGIN
  INSERT INTO tag_counts (tag_id, articles, subtree_articles)
  SELECT new.id,
    (SELECT count(*) FROM article_tags o WHERE o.tag_id = new.id),
    (SELECT count(DISTINCT o.article_id) FROM tags d JOIN article_tags o ON o.tag_id = d.id
     WHERE d.name_key = new.name_key OR (d.name_key >= new.name_key || '/' AND d.name_key < new.name_key || '0'));
END;
CREATE TRIGGER tag_counts_delete BEFORE DELETE ON tags BEGIN
  DELETE FROM article_tags WHERE tag_id = old.id;
  DELETE FROM tag_counts WHERE tag_id = old.id;
END;
CREATE TRIGGER tag_counts_move AFTER UPDATE OF name_key ON tags BEGIN
  UPDATE tag_counts SET subtree_articles = (
    SELECT count(DISTINCT o.article_id) FROM tags x, tags d JOIN article_tags o ON o.tag_id = d.id
    WHERE x.id = tag_counts.tag_id
      AND (d.name_key = x.name_key OR (d.name_key >= x.name_key || '/' AND d.name_key < x.name_key || '0')))
  WHERE tag_id IN (
    SELECT x.id FROM tags x
    WHERE x.name_key = new.name_key
       OR (new.name_key >= x.name_key || '/' AND new.name_key < x.name_key || '0')
       OR (old.name_key >= x.name_key || '/' AND old.name_key < x.name_key || '0'));
END;
`

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'articles, originals, tags, collections, saved searches, full-text index',
    sql: SCHEMA_V1,
  },
  {
    version: 2,
    description: 'citation lists; access date and citation kind of articles',
    sql: CITATION_LISTS,
  },
  {
    version: 3,
    description: 'highlights and notes; favourites and reading progress',
    sql: HIGHLIGHTS,
  },
  {
    version: 4,
    description: 'search over highlights and notes',
    sql: SEARCH_ANNOTATIONS,
  },
  {
    version: 5,
    description: 'text fingerprints for near-duplicate imports',
    sql: TEXT_FINGERPRINTS,
  },
  {
    version: 6,
    description: 'bibliographic items: the CSL-JSON record and citation key of every article',
    sql: BIBLIOGRAPHIC_ITEMS,
  },
  {
    version: 7,
    description: "the library's filter columns indexed by id, and a version of what its counts depend on",
    sql: LIBRARY_FILTERS,
  },
  {
    version: 8,
    description: 'the kind of page an article was recognised as (article, forum, documentation, ...)',
    sql: PAGE_KINDS,
  },
  {
    version: 9,
    description: 'the number of articles, kept by triggers',
    sql: ARTICLE_COUNT,
  },
  {
    version: 10,
    description: "the kind of page among the library's filter columns",
    sql: PAGE_KIND_FILTER,
  },
  {
    version: 11,
    description: 'the number of articles of each tag and of its subtree, kept by triggers',
    sql: TAG_COUNTS,
  },
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** The archive was written by a newer Lectern; opening it with this one could damage it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `${file}: this archive was created by a newer version of Lectern (schema version ${found}; ` +
        `this version knows up to ${known}). Update Lectern to open it.`,
    )
    this.name = 'SchemaTooNewError'
  }
}

export async function schemaVersion(db: Database): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version')
  return row?.user_version ?? 0
}

/**
 * Bring the schema up to the newest version in one transaction, or refuse a newer archive.
 * Returns the version the database is at afterwards.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`migration ${index + 1} has version ${migration.version}`)
  })
  const latest = migrations.length
  return db.transaction(async () => {
    const current = await schemaVersion(db)
    if (current > latest) throw new SchemaTooNewError(db.file, current, latest)
    for (const migration of migrations.slice(current)) {
      await db.exec(migration.sql)
      await db.exec(`PRAGMA user_version = ${migration.version}`)
    }
    return latest
  })
}
