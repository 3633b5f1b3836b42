/**
 * Renderer bench: a 100,000-article archive served by the built `lectern serve`, opened in
 * Chromium. Prints the time from navigation to the first painted article row and the frame
 * times while the list scrolls through 10,000 rows. Needs `npm run build` (out/ and the CLI).
 * Run: npx vitest run --config bench/vitest.renderer.mts
 * BENCH_ARTICLES (default 100000) sizes the archive; BENCH_ARCHIVE=DIR keeps and reuses one.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { expect, it } from 'vitest'
import type { ExtractedArticle } from '../src/common/types'
import { insertArticle } from '../src/main/archive/db/articles'
import { openArchiveDatabase } from '../src/main/archive/db/index'
import { addTags } from '../src/main/archive/db/tags'
import { DATABASE_FILE } from '../src/main/archive/paths'
import { flushSearchIndex } from '../src/main/archive/search/indexer'
import { loadParagraphs, type ParagraphPools } from './lib/corpus'
import { formatMs, seededRandom, summarize } from './lib/stats'

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000)
/** Rows scrolled through (fewer when a small BENCH_ARTICLES archive has not that many). */
const SCROLL_ROWS = Math.min(10_000, Math.max(0, ARTICLES - 20))
/** Rows the bench scrolls per animation frame: a fast, steady fling through the list. */
const ROWS_PER_FRAME = 20
/** The list's fixed row height (ArticleRows.vue). */
const ROW_HEIGHT = 104
const FRAME_BUDGET_MS = 1000 / 60

const repoRoot = resolve(__dirname, '..')
const cli = join(repoRoot, 'bin', 'lectern.cjs')
const builtRenderer = join(repoRoot, 'out', 'renderer', 'index.html')
const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus')
const chromiumPath = '/usr/bin/chromium'

const SITES = ['Caliber.Az', 'РБК', 'Коммерсантъ', 'Reuters', 'Eurasianet', 'OC Media', 'ТАСС', 'BBC News']
const TAGS = ['region/caucasus', 'region/central-asia', 'energy', 'politics', 'economy', 'security']

/** Stand-in paragraphs when the shared corpus is not beside the checkout. */
const FALLBACK: ParagraphPools = {
  en: ['The delegation discussed transport corridors, energy supplies and regional cooperation at length.'],
  ru: ['Делегации обсудили транспортные коридоры, поставки энергоносителей и региональное сотрудничество.'],
}

/** Insert `count` generated articles straight through the engine's Database, in one transaction. */
async function buildArchive(dir: string, count: number): Promise<void> {
  const pools = existsSync(corpusDir) ? await loadParagraphs(corpusDir) : FALLBACK
  const random = seededRandom(20261127)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const db = await openArchiveDatabase(join(dir, DATABASE_FILE))
  try {
    await db.transaction(async () => {
      for (let n = 1; n <= count; n++) {
        const language = random() < 0.5 ? 'ru' : 'en'
        const paragraphs = [pick(pools[language]), pick(pools[language])]
        const text = paragraphs.join('\n\n')
        const title = `${paragraphs[0]!.split(/\s+/).slice(0, 8).join(' ')} (${n})`
        const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 4_000) * 86_400_000)
        const extracted: ExtractedArticle = {
          format: 'html',
          title,
          subtitle: null,
          authors: [],
          siteName: pick(SITES),
          section: null,
          publishedAt: day.toISOString().slice(0, 10),
          language,
          url: `https://bench.invalid/${n}`,
          excerpt: paragraphs[0]!.slice(0, 240),
          rights: null,
          wordCount: text.split(/\s+/).length,
          contentText: text,
          contentHtml: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(''),
          warnings: [],
        }
        const bytes = Buffer.from(`bench article ${n}`)
        const id = await insertArticle(db, {
          extracted,
          sourceName: `bench-${n}.html`,
          original: {
            sha256: createHash('sha256').update(bytes).digest('hex'),
            bytes,
            name: `bench-${n}.html`,
          },
          addedAt: new Date(Date.UTC(2026, 0, 1) + n * 1_000).toISOString(),
        })
        if (n % 7 === 0) await addTags(db, [id], [pick(TAGS)])
      }
    })
    await flushSearchIndex(db)
  } finally {
    await db.close()
  }
}

function startServe(archiveDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cli, 'serve', '--archive', archiveDir, '--port', '0', '--no-open'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolveUrl, reject) => {
    let output = ''
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /https?:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
      if (match) resolveUrl({ url: match[0], child })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`lectern serve exited with ${code}:\n${output}`)))
  })
}

/** In the page before any script: note when the first article row is in the DOM and painted. */
const FIRST_ROW_PROBE = `
  window.__firstRow = null;
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="article-row"]')) return;
    observer.disconnect();
    const inDom = performance.now();
    // The frame after the one that rendered the row: its paint has happened by then.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__firstRow = { inDom, painted: performance.now() };
    }));
  }).observe(document, { childList: true, subtree: true });
`

interface ScrollRun {
  frames: number[]
  emptyFrames: number
  seconds: number
}

/**
 * In the page: scroll the list by a fixed number of rows every animation frame and keep each
 * frame's length. A string, so the test runner's transforms never reach the browser.
 */
const SCROLL_SCRIPT = `(rowsToScroll, rowsPerFrame, rowHeight) => {
  const scroller = document.querySelector('[data-testid="article-list"]');
  if (!scroller) throw new Error('no article list');
  const frames = [];
  let emptyFrames = 0;
  const started = performance.now();
  return new Promise((done) => {
    let last = performance.now();
    let scrolled = 0;
    const step = (now) => {
      frames.push(now - last);
      last = now;
      // A frame that shows only placeholders has nothing to read: count those too.
      if (scrolled > 0 && !scroller.querySelector('[data-testid="article-row"]')) emptyFrames++;
      if (scrolled >= rowsToScroll) {
        done({ frames: frames.slice(1), emptyFrames, seconds: (performance.now() - started) / 1000 });
        return;
      }
      scrolled += rowsPerFrame;
      scroller.scrollTop = scrolled * rowHeight;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}`

it(`renderer bench: ${ARTICLES.toLocaleString('en')} articles, first list paint and scrolling ${SCROLL_ROWS.toLocaleString('en')} rows`, async () => {
  expect(existsSync(builtRenderer), `build first (npm run build): ${builtRenderer} is missing`).toBe(true)
  const reuse = process.env.BENCH_ARCHIVE
  const archiveDir = reuse ? resolve(reuse) : await mkdtemp(join(tmpdir(), 'lectern-ui-bench-'))
  let serve: ChildProcess | undefined
  const browser = await chromium.launch({
    executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    if (!reuse || !existsSync(join(archiveDir, DATABASE_FILE))) {
      const buildStarted = performance.now()
      await buildArchive(archiveDir, ARTICLES)
      console.log(
        `built ${ARTICLES.toLocaleString('en')} articles in ${formatMs(performance.now() - buildStarted)}`,
      )
    }
    const started = await startServe(archiveDir)
    serve = started.child

    const paints: number[] = []
    const contentful: number[] = []
    let scroll: ScrollRun | undefined
    // Three cold loads (a fresh page each time); the archive's page cache is warm after the first.
    for (let run = 0; run < 3; run++) {
      // The host's CSP forbids eval; the probes below are strings, so this page lets them run.
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true })
      const page = await context.newPage()
      await page.addInitScript(FIRST_ROW_PROBE)
      await page.goto(started.url)
      const probe = await page.waitForFunction('window.__firstRow', null, { timeout: 60_000 })
      const firstRow = (await probe.jsonValue()) as { inDom: number; painted: number }
      paints.push(firstRow.painted)
      const fcp = (await page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN",
      )) as number
      contentful.push(fcp)
      const total = await page.getByTestId('list-count').textContent()
      expect(total).toContain(ARTICLES.toLocaleString('en'))
      if (run === 2) {
        scroll = (await page.evaluate(
          `(${SCROLL_SCRIPT})(${SCROLL_ROWS}, ${ROWS_PER_FRAME}, ${ROW_HEIGHT})`,
        )) as ScrollRun
        // The rows where the scroll stopped arrive: the row after the last one scrolled to.
        await page.locator(`[data-testid="article-row"][aria-posinset="${SCROLL_ROWS + 1}"]`).waitFor()
      }
      await context.close()
    }

    const first = summarize(paints)
    console.log(`\nfirst article row painted (navigation start -> paint), 3 cold loads:`)
    console.log(
      `  ${paints.map((ms) => formatMs(ms)).join(', ')}  (p50 ${formatMs(first.p50)}; goal < 1.5 s)`,
    )
    console.log(`  first contentful paint: ${contentful.map((ms) => formatMs(ms)).join(', ')}`)
    if (scroll) {
      const frames = summarize(scroll.frames)
      const dropped = scroll.frames.reduce(
        (sum, frame) => sum + Math.max(0, Math.round(frame / FRAME_BUDGET_MS) - 1),
        0,
      )
      const slow = scroll.frames.filter((frame) => frame > FRAME_BUDGET_MS * 1.5).length
      console.log(
        `scrolling ${SCROLL_ROWS.toLocaleString('en')} rows (${ROWS_PER_FRAME} rows = ${ROWS_PER_FRAME * ROW_HEIGHT} px per frame) in ${scroll.seconds.toFixed(1)} s:`,
      )
      console.log(
        `  ${frames.runs} frames; frame time p50 ${formatMs(frames.p50)}, p95 ${formatMs(frames.p95)}, max ${formatMs(frames.max)}`,
      )
      console.log(
        `  dropped frames (60 Hz): ${dropped}; frames over 25 ms: ${slow}; frames with only placeholders: ${scroll.emptyFrames}`,
      )
    }
    expect(paints).toHaveLength(3)
    expect(scroll?.frames.length ?? 0).toBeGreaterThan(SCROLL_ROWS / ROWS_PER_FRAME / 2)
  } finally {
    await browser.close()
    if (serve && serve.exitCode === null) {
      const exited = new Promise((done) => serve!.once('exit', done))
      serve.kill('SIGTERM')
      await exited
    }
    if (!reuse) await rm(archiveDir, { recursive: true, force: true })
  }
})
