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
  updated_at TEXT NOT NULL
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

-- name_key is the case-folded name (JavaScript toLowerCase), so "Кавказ" and "кавказ" are one tag;
-- COLLATE NOCASE alone folds ASCII only.
CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name_key TEXT NOT NULL UNIQUE
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

-- remove_diacritics 0: folding diacritics would turn Russian й into и.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, subtitle, authors, site_name, content_text,
  content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 0'
);
-- Title hits rank above body hits.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 3.0, 2.0, 1.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, subtitle, authors, site_name, content_text)
    VALUES (new.id, new.title, new.subtitle, new.authors, new.site_name, new.content_text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, subtitle, authors, site_name, content_text)
    VALUES ('delete', old.id, old.title, old.subtitle, old.authors, old.site_name, old.content_text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, subtitle, authors, site_name, content_text ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, subtitle, authors, site_name, content_text)
    VALUES ('delete', old.id, old.title, old.subtitle, old.authors, old.site_name, old.content_text);
  INSERT INTO articles_fts (rowid, title, subtitle, authors, site_name, content_text)
    VALUES (new.id, new.title, new.subtitle, new.authors, new.site_name, new.content_text);
END;
`

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'articles, originals, tags, full-text index', sql: SCHEMA_V1 },
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
