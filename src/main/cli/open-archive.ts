/** Opening the archive a command works on, and refusing a folder that holds none. */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../../common/api'
import packageJson from '../../../package.json'
import { DamagedArchiveError, DATABASE_FILE, type ArchiveOptions } from '../archive/index'
import { writeLine, type CliIo } from './context'
import { NoArchiveError, describeFailure } from './errors'

export async function withArchive<Opened extends { close(): Promise<void> }>(
  io: CliIo,
  dir: string,
  run: (archive: Opened) => Promise<number>,
  create: boolean,
  open: (options: ArchiveOptions) => Promise<Opened>,
): Promise<number> {
  const exists = await archiveExists(dir)
  if (!exists && !create) throw new NoArchiveError(dir)
  let archive: Opened
  try {
    archive = await open({ dir, appVersion: packageJson.version })
  } catch (error) {
    if (error instanceof DamagedArchiveError) throw error
    throw new ApiError('internal', `cannot open the archive at ${dir}: ${describeFailure(error).message}`)
  }
  if (!exists) writeLine(io.stderr, `lectern: a new archive was made at ${dir}`)
  try {
    return await run(archive)
  } finally {
    await archive.close()
  }
}

/**
 * Whether `dir` holds an archive (false when the folder or its database file is missing). A file where
 * the folder should be, or a folder where the database file should be, is refused in plain words.
 */
async function archiveExists(dir: string): Promise<boolean> {
  const kind = async (path: string): Promise<'file' | 'folder' | 'missing'> => {
    try {
      return (await stat(path)).isDirectory() ? 'folder' : 'file'
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return 'missing'
      if (code === 'ENOTDIR')
        throw new ApiError('unsupported', `${dir} cannot be an archive folder: part of the path is a file`)
      throw error
    }
  }
  const folder = await kind(dir)
  if (folder === 'missing') return false
  if (folder === 'file') throw new ApiError('unsupported', `${dir} is a file, not an archive folder`)
  const file = join(dir, DATABASE_FILE)
  const database = await kind(file)
  if (database === 'folder') throw new ApiError('unsupported', `${file} is a folder, not an archive file`)
  return database === 'file'
}
