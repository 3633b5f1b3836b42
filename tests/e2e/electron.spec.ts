import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectronBinary, locateElectron } from '../../scripts/ensure-electron.cjs'

// The desktop app itself, on machines that have Electron's binary (`npm start` fetches it). Where it
// is missing (no network when it was installed, or a Node too old for Electron's installer) the
// test is skipped: src/main/index.test.ts covers the built shell on a stand-in for Electron instead.

const repoRoot = resolve(__dirname, '..', '..')
const seedPage = join(repoRoot, 'tests', 'fixtures', 'caliber-az-vance-visit.txt')
const SEED_TITLE = 'What Vance’s trip means for regional cooperation'

function electronBinary(): string | null {
  if (process.env.ELECTRON_EXEC_PATH) return process.env.ELECTRON_EXEC_PATH
  const electronPackage = locateElectron(repoRoot)
  return electronPackage ? findElectronBinary(electronPackage.dir) : null
}

const binary = electronBinary()
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY

test.skip(
  binary === null,
  'no Electron binary here (node_modules/electron/path.txt names none); `npm start` fetches it',
)
test.skip(noDisplay, 'no display for Electron’s window (DISPLAY is unset); run the tests under xvfb-run')

test('the desktop app opens on the library, imports the seed and quits with it stored', async () => {
  const home = mkdtempSync(join(tmpdir(), 'lectern-electron-'))
  const archiveDir = join(home, 'archive')
  // The archive, Chromium's data and whatever the desktop integration writes go into the temp folder.
  const { ELECTRON_RENDERER_URL: _devServer, ...environment } = process.env
  try {
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      // Chromium refuses to run as root (our CI) with its OS sandbox on.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
      env: {
        ...environment,
        LECTERN_ARCHIVE: archiveDir,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_DATA_HOME: join(home, 'data'),
        APPDATA: join(home, 'AppData'),
      },
    })
    try {
      const page = await app.firstWindow()
      await expect(page.getByTestId('empty-library')).toBeVisible()
      // The page talks to the archive through what the preload exposed, not over HTTP.
      expect(await page.evaluate(() => typeof (globalThis as { lectern?: unknown }).lectern)).toBe('object')
      await page.getByTestId('file-input').setInputFiles(seedPage)
      await expect(page.getByTestId('import-summary')).toBeVisible()
      await expect(page.getByTestId('article-row').filter({ hasText: SEED_TITLE })).toBeVisible()
    } finally {
      await app.close()
    }
    const listed = execFileSync(
      process.execPath,
      [join(repoRoot, 'bin', 'lectern.cjs'), 'list', '--json', '--archive', archiveDir],
      { encoding: 'utf8' },
    )
    expect((JSON.parse(listed) as { title: string }[]).map((article) => article.title)).toEqual([SEED_TITLE])
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
})
