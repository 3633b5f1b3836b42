import { dirname } from 'node:path'
import { ApiError } from '../../common/api'
import { backupsDir, DamagedArchiveError, defaultArchiveDir, findLatestGoodBackup } from '../archive/index'
import { resolvePath, type CliIo } from './context'

/**
 * A damaged archive in one message: which file, what is wrong, that nothing was changed, and the
 * command that puts the newest good backup in its place (or, with none, what else to do).
 */
export async function explainDamage(io: CliIo, error: DamagedArchiveError): Promise<ApiError> {
  const dir = dirname(error.file)
  const archiveFlag = dir === resolvePath(io, defaultArchiveDir(io.env)) ? '' : ` --archive "${dir}"`
  const backup = await findLatestGoodBackup(backupsDir(dir)).catch(() => null)
  const what = `the archive ${error.file} is damaged (${error.damage.problem}); nothing was changed in it.`
  const next = backup
    ? ` Run \`lectern restore --latest${archiveFlag}\` to put the newest good backup in its place ` +
      `(${backup.createdAt.slice(0, 16).replace('T', ' ')} UTC, ${backup.articleCount} ` +
      `article${backup.articleCount === 1 ? '' : 's'}); the damaged file is kept beside it.`
    : ` There is no good automatic backup in ${backupsDir(dir)}: restore a copy you made with ` +
      `\`lectern restore FILE${archiveFlag}\` (the damaged file is kept beside it).`
  return new ApiError('damaged', what + next)
}
