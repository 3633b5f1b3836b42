import { Database } from './database'
import { migrate } from './migrations'

export { Database, type RunResult, type SqlParams, type SqlValue } from './database'
export {
  MIGRATIONS,
  SCHEMA_VERSION,
  SchemaTooNewError,
  migrate,
  schemaVersion,
  type Migration,
} from './migrations'

/** Open an archive database file and bring its schema up to date (or refuse a newer one). */
export async function openArchiveDatabase(file: string): Promise<Database> {
  const db = await Database.open(file)
  try {
    await migrate(db)
  } catch (error) {
    await db.close()
    throw error
  }
  return db
}
