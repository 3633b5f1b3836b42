import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Lectern'
export const DATABASE_FILE = 'lectern.sqlite'

/**
 * The archive folder the desktop app uses, so the CLI and the app share one archive.
 * Mirrors Electron's userData for an app named "Lectern", plus "archive".
 */
export function defaultArchiveDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.LECTERN_ARCHIVE) return env.LECTERN_ARCHIVE
  return join(userDataDir(env, platform), 'archive')
}

export function userDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}
