import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { parseHTML } from 'linkedom'

/** Paragraphs of real text from the shared corpus, split by language. */
export interface ParagraphPools {
  en: string[]
  ru: string[]
}

const MIN_PARAGRAPH = 60
const MAX_PARAGRAPH = 3_000

/**
 * Collect paragraphs from the corpus pages: the expected reading copies of readability-pages,
 * the Russian pages (decoded by their declared charset), Fundus gold bodies and the seed page.
 */
export async function loadParagraphs(corpusDir: string): Promise<ParagraphPools> {
  const pools: ParagraphPools = { en: [], ru: [] }
  const add = (text: string) => {
    const paragraph = text.replace(/\s+/g, ' ').trim()
    if (paragraph.length < MIN_PARAGRAPH || paragraph.length > MAX_PARAGRAPH) return
    const language = languageOf(paragraph)
    if (language) pools[language].push(paragraph)
  }

  for (const name of await listDir(join(corpusDir, 'readability-pages'))) {
    const file = join(corpusDir, 'readability-pages', name, 'expected.html')
    if (await exists(file)) htmlParagraphs(await readFile(file, 'utf8')).forEach(add)
  }
  for (const folder of ['ru-pages/pages', 'trafilatura-eval-ru']) {
    for (const name of await listDir(join(corpusDir, folder))) {
      if (!name.endsWith('.html')) continue
      htmlParagraphs(decodeHtml(await readFile(join(corpusDir, folder, name)))).forEach(add)
    }
  }
  for (const name of await listDir(join(corpusDir, 'fundus-pages', 'gold'))) {
    if (!name.endsWith('.json')) continue
    const gold = JSON.parse(await readFile(join(corpusDir, 'fundus-pages', 'gold', name), 'utf8')) as {
      articleBody?: unknown
    }
    if (typeof gold.articleBody === 'string') gold.articleBody.split(/\n\s*\n/).forEach(add)
  }
  const seed = join(corpusDir, 'seed', 'caliber-az-vance-visit.txt')
  if (await exists(seed)) (await readFile(seed, 'utf8')).split(/\n\s*\n/).forEach(add)
  return pools
}

/** 'ru' for mostly Cyrillic text, 'en' for Latin text that reads as English, else null. */
function languageOf(text: string): 'en' | 'ru' | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  if (letters === 0) return null
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0
  if (cyrillic / letters > 0.7) return 'ru'
  const latin = text.match(/[a-zA-Z]/g)?.length ?? 0
  const englishWords = text.match(/\b(the|and|of|to|in|is|that|with)\b/gi)?.length ?? 0
  const wordCount = text.split(/\s+/).length
  return latin / letters > 0.95 && englishWords / wordCount > 0.08 ? 'en' : null
}

function htmlParagraphs(html: string): string[] {
  const { document } = parseHTML(html)
  return [...document.querySelectorAll('p')].map((p) => p.textContent ?? '')
}

function decodeHtml(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1')
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8'
  return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8')
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort()
  } catch {
    return []
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}
