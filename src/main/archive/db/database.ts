import { AsyncLocalStorage } from 'node:async_hooks'
import sqlite3 from 'sqlite3'

export type SqlValue = string | number | bigint | null | Buffer
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>

export interface RunResult {
  lastID: number
  changes: number
}

/** Whoever holds the connection lock; `active` turns false when the holder is done. */
interface LockHolder {
  active: boolean
  depth: number
}

const STATEMENT_CACHE_LIMIT = 256

/**
 * A promise wrapper around one sqlite3 connection.
 *
 * Every operation runs under one lock, in call order: a transaction holds the lock from BEGIN
 * to COMMIT, so no other caller's statement can land inside it or read its half-done work.
 * Code running inside a transaction (or `exclusive`) calls the same methods; they see that the
 * lock is already theirs (via AsyncLocalStorage) and run directly.
 */
export class Database {
  private readonly statements = new Map<string, sqlite3.Statement>()
  private readonly holder = new AsyncLocalStorage<LockHolder>()
  private queueTail: Promise<unknown> = Promise.resolve()
  private savepointCounter = 0
  private closed = false

  private constructor(
    private readonly connection: sqlite3.Database,
    readonly file: string,
  ) {}

  /** Open (creating if needed) a database file with the pragmas the archive relies on. */
  static async open(file: string): Promise<Database> {
    const connection = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(file, (error) =>
        error ? reject(error) : resolve(db),
      )
    })
    const database = new Database(connection, file)
    try {
      await database.exec(
        'PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;',
      )
    } catch (error) {
      await database.close()
      throw error
    }
    return database
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return this.withLock(async () => {
      const statement = await this.prepare(sql)
      return new Promise<RunResult>((resolve, reject) => {
        statement.run(params, function (this: sqlite3.RunResult, error: Error | null) {
          if (error) reject(error)
          else resolve({ lastID: this.lastID, changes: this.changes })
        })
      })
    })
  }

  get<Row>(sql: string, params: SqlParams = []): Promise<Row | undefined> {
    return this.withLock(async () => {
      const statement = await this.prepare(sql)
      const row = await new Promise<Row | undefined>((resolve, reject) => {
        statement.get<Row>(params, (error: Error | null, found?: Row) =>
          error ? reject(error) : resolve(found),
        )
      })
      // A statement left mid-result keeps a read snapshot open; end it.
      await new Promise<void>((resolve) => statement.reset(() => resolve()))
      return row
    })
  }

  all<Row>(sql: string, params: SqlParams = []): Promise<Row[]> {
    return this.withLock(async () => {
      const statement = await this.prepare(sql)
      return new Promise<Row[]>((resolve, reject) => {
        statement.all<Row>(params, (error: Error | null, rows: Row[]) =>
          error ? reject(error) : resolve(rows),
        )
      })
    })
  }

  /** Run several statements with no parameters (schema scripts, pragmas). */
  exec(sql: string): Promise<void> {
    return this.withLock(
      () =>
        new Promise<void>((resolve, reject) => {
          this.connection.exec(sql, (error) => (error ? reject(error) : resolve()))
        }),
    )
  }

  /**
   * Run `fn` as one transaction: all or nothing, and never interleaved with another caller's
   * statements. Nested calls become savepoints.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.withLock(async (holder) => {
      const outermost = holder.depth === 0
      const savepoint = `sp_${++this.savepointCounter}`
      await this.execUnlocked(outermost ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`)
      holder.depth += 1
      try {
        const result = await fn()
        await this.execUnlocked(outermost ? 'COMMIT' : `RELEASE ${savepoint}`)
        return result
      } catch (error) {
        await this.execUnlocked(
          outermost ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`,
        ).catch(
          () => undefined, // SQLite may already have rolled back; the original error matters.
        )
        throw error
      } finally {
        holder.depth -= 1
      }
    })
  }

  /** Hold the lock for several reads so they see one consistent state. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.withLock(() => fn())
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.withLock(async () => {
      for (const statement of this.statements.values()) {
        await new Promise<void>((resolve) => statement.finalize(() => resolve()))
      }
      this.statements.clear()
      await new Promise<void>((resolve, reject) =>
        this.connection.close((error) => (error ? reject(error) : resolve())),
      )
    })
  }

  private withLock<T>(fn: (holder: LockHolder) => Promise<T>): Promise<T> {
    const current = this.holder.getStore()
    if (current?.active) return fn(current)
    const holder: LockHolder = { active: true, depth: 0 }
    const result = this.queueTail.then(() =>
      this.holder.run(holder, async () => {
        try {
          return await fn(holder)
        } finally {
          holder.active = false
        }
      }),
    )
    this.queueTail = result.catch(() => undefined)
    return result
  }

  private execUnlocked(sql: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.connection.exec(sql, (error) => (error ? reject(error) : resolve()))
    })
  }

  private async prepare(sql: string): Promise<sqlite3.Statement> {
    const cached = this.statements.get(sql)
    if (cached) return cached
    const statement = await new Promise<sqlite3.Statement>((resolve, reject) => {
      const prepared: sqlite3.Statement = this.connection.prepare(sql, (error: Error | null) =>
        error ? reject(error) : resolve(prepared),
      )
    })
    if (this.statements.size >= STATEMENT_CACHE_LIMIT) {
      const [oldestSql, oldest] = this.statements.entries().next().value as [string, sqlite3.Statement]
      this.statements.delete(oldestSql)
      oldest.finalize()
    }
    this.statements.set(sql, statement)
    return statement
  }
}
