import { link, open, rename, rm, stat } from 'node:fs/promises'
import { ApiError } from '../../../common/api'

/** Remove a database file and the journal files SQLite may have left beside it. */
export async function removeDatabaseFileSet(file: string): Promise<void> {
  for (const suffix of ['', '-journal', '-wal', '-shm']) await rm(`${file}${suffix}`, { force: true })
}

export async function refuseExisting(file: string): Promise<void> {
  const exists = await stat(file).then(
    () => true,
    () => false,
  )
  if (exists)
    throw new ApiError(
      'conflict',
      `${file} already exists; choose a new file name (Lectern never overwrites it)`,
    )
}

export async function requireFolder(folder: string, file: string): Promise<void> {
  const info = await stat(folder).catch(() => null)
  if (!info?.isDirectory())
    throw new ApiError('not-found', `cannot write ${file}: the folder ${folder} does not exist`)
}

/** Publish a finished temporary file under its name without ever replacing a file that appeared meanwhile. */
export async function moveIntoPlace(partial: string, destination: string): Promise<void> {
  try {
    await link(partial, destination)
    await rm(partial, { force: true })
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST')
      throw new ApiError('conflict', `${destination} already exists; choose a new file name`)
    // Some file systems (FAT, some network shares) have no hard links.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error
  }
  await refuseExisting(destination)
  await rename(partial, destination)
}

/** Make sure a file's bytes are on the disk before it is published or relied upon. */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
