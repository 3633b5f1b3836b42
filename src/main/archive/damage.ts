import { ApiError } from '../../common/api'
import type { ArchiveDamage } from './backup/health'

/** Archive.open found the archive file damaged; nothing was written to it. */
export class DamagedArchiveError extends ApiError {
  constructor(
    readonly file: string,
    readonly damage: ArchiveDamage,
  ) {
    super(
      'damaged',
      `the archive ${file} is damaged (${damage.problem}); nothing was changed in it: restore a backup`,
    )
    this.name = 'DamagedArchiveError'
  }
}
