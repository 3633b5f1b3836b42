/** The user's own CSL styles: `<archive folder>/csl-styles/<id>.csl`, checked before they are kept. */
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ApiError } from '../../../../common/api'
import { CitationProcessor, CiteError, type CslItem } from '../index'

export const USER_STYLES_FOLDER = 'csl-styles'

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl'

const SAMPLE_ITEM: CslItem = {
  id: 'sample',
  type: 'webpage',
  title: 'Sample page',
  author: [{ family: 'Doe', given: 'Jane' }],
  'container-title': 'Example',
  issued: { 'date-parts': [[2026, 2, 7]] },
  accessed: { 'date-parts': [[2026, 11, 27]] },
  URL: 'https://example.org/page',
}

/** "My Style.csl" -> "My-Style"; the id must be what CitationProcessor accepts as a style name. */
function styleIdFromName(name: string): string {
  return name
    .trim()
    .replace(/\.csl$/i, '')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 100)
}

/** Throws invalid-arguments unless `text` looks like an independent CSL style with a bibliography. */
function checkCslStyleText(name: string, text: string): void {
  const root = /<style\b([^>]*)>/.exec(text)
  if (!root) throw new ApiError('invalid-arguments', `${name}: not a CSL style (no <style> element)`)
  const namespace = /\bxmlns\s*=\s*["']([^"']*)["']/.exec(root[1] ?? '')?.[1]
  if (namespace !== CSL_NAMESPACE)
    throw new ApiError(
      'invalid-arguments',
      `${name}: not a CSL style (the <style> element needs xmlns="${CSL_NAMESPACE}")`,
    )
  if (!/<bibliography\b/.test(text))
    throw new ApiError(
      'invalid-arguments',
      `${name}: the style has no <bibliography>, so it cannot format reference lists`,
    )
}

/**
 * Checks the style (its XML, then a trial bibliography in a scratch folder) and stores it under
 * `stylesDir`, replacing a user style of the same id. Returns the id.
 */
export async function storeUserStyle(
  stylesDir: string,
  builtInIds: ReadonlySet<string>,
  name: string,
  text: string,
): Promise<string> {
  checkCslStyleText(name, text)
  const id = styleIdFromName(name)
  if (id === '')
    throw new ApiError('invalid-arguments', `${name}: give the style a name with Latin letters or digits`)
  if (builtInIds.has(id))
    throw new ApiError('conflict', `"${id}" is the name of a built-in style; give the style another name`)
  const scratch = await mkdtemp(join(tmpdir(), 'lectern-csl-'))
  try {
    await writeFile(join(scratch, `${id}.csl`), text, 'utf8')
    const processor = new CitationProcessor({ userStyleDirs: [scratch] })
    for (const locale of ['en-US', 'ru-RU'] as const)
      processor.bibliography([SAMPLE_ITEM], { style: id, locale, format: 'text' })
  } catch (error) {
    if (error instanceof ApiError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ApiError(
      'invalid-arguments',
      `${name}: the style cannot format a reference (${reason.replace(scratch, '').replace(/^\/+/, '')})`,
    )
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  await mkdir(stylesDir, { recursive: true })
  const partial = join(stylesDir, `.${id}.${randomUUID()}.partial`)
  await writeFile(partial, text, 'utf8')
  await rename(partial, join(stylesDir, `${id}.csl`))
  return id
}

/** CiteError (unknown style or locale, unreadable style) -> a transport error the caller can show. */
export function citeErrorToApi(error: unknown): unknown {
  return error instanceof CiteError ? new ApiError('invalid-arguments', error.message) : error
}
