import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { TagCount } from '../../../common/types'
import { storeSample } from '../../../../tests/support/articles'
import { tempFolder } from '../../../../tests/support/helpers'
import { seededRandom } from '../../../../tests/support/mutate'
import { Database } from './database'
import { MIGRATIONS, migrate } from './migrations'
import {
  addTags,
  createTag,
  deleteTag,
  listTags,
  mergeTags,
  removeTags,
  renameTag,
  restoreTags,
  setTagColor,
} from './tags'

/** The schema version that brings the kept counts per tag. */
const TAG_COUNTS_VERSION = 11

let folder: Awaited<ReturnType<typeof tempFolder>>

beforeEach(async () => {
  folder = await tempFolder('tag-counts')
})

afterEach(async () => {
  await folder.cleanup()
})

/** Every tag's counts, counted from the links as the tag list did before the counts were kept. */
async function recounted(db: Database): Promise<TagCount[]> {
  const rows = await db.all<TagCount>(
    `SELECT t.name,
       (SELECT count(*) FROM article_tags at WHERE at.tag_id = t.id) AS count,
       (SELECT count(DISTINCT at.article_id) FROM tags d JOIN article_tags at ON at.tag_id = d.id
        WHERE d.name_key = t.name_key OR (d.name_key >= t.name_key || '/' AND d.name_key < t.name_key || '0')) AS total
     FROM tags t`,
  )
  return countsOf(rows)
}

function countsOf(tags: readonly TagCount[]): TagCount[] {
  return tags
    .map(({ name, count, total }) => ({ name, count, total }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

it('an archive from before the kept counts gets them on upgrade', async () => {
  const db = await Database.open(join(folder.dir, 'older.sqlite'))
  try {
    expect(MIGRATIONS[TAG_COUNTS_VERSION - 1]?.sql).toContain('CREATE TABLE tag_counts')
    await migrate(db, MIGRATIONS.slice(0, TAG_COUNTS_VERSION - 1))
    const ids: number[] = []
    for (let n = 0; n < 4; n++)
      ids.push(await storeSample(db, { title: `Article ${n}`, contentText: `Body ${n}` }))
    await addTags(db, ids.slice(0, 3), ['region/caucasus'])
    await addTags(db, ids.slice(1), ['region'])
    await addTags(db, [ids[0]!], ['energy'])
    await migrate(db)
    expect(countsOf(await listTags(db))).toEqual([
      { name: 'energy', count: 1, total: 1 },
      { name: 'region', count: 3, total: 4 },
      { name: 'region/caucasus', count: 3, total: 3 },
    ])
  } finally {
    await db.close()
  }
})

it('every change to tags, links and articles keeps the counts equal to a recount', async () => {
  const db = await Database.open(join(folder.dir, 'archive.sqlite'))
  try {
    await migrate(db)
    const random = seededRandom(15)
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
    const names = [
      'region',
      'region/caucasus',
      'region/caucasus/georgia',
      'region/europe',
      'energy',
      'Energy/gas',
    ]
    let articleIds: number[] = []
    for (let n = 0; n < 30; n++)
      articleIds.push(await storeSample(db, { title: `Article ${n}`, contentText: `Body ${n}` }))
    const someArticles = (): number[] => articleIds.filter(() => random() < 0.3)
    const undos: Awaited<ReturnType<typeof deleteTag>>[] = []
    const existing = async (): Promise<string[]> => (await listTags(db)).map((tag) => tag.name)

    const steps: (() => Promise<unknown>)[] = [
      () => addTags(db, someArticles(), [pick(names)]),
      () => addTags(db, someArticles(), [pick(names), pick(names)]),
      () => removeTags(db, someArticles(), [pick(names)]),
      async () => {
        const tags = await existing()
        if (tags.length > 0) undos.push(await deleteTag(db, pick(tags)))
      },
      async () => {
        const undo = undos.pop()
        if (undo) await restoreTags(db, undo)
      },
      async () => {
        const tags = await existing()
        const target = pick(['area', 'region/south', 'energy/oil', 'topics/region'])
        const from = tags.length > 0 ? pick(tags) : undefined
        if (from && !target.startsWith(`${from.toLowerCase()}/`) && !tags.includes(target))
          await renameTag(db, from, target)
      },
      async () => {
        const tags = await existing()
        if (tags.length >= 2) await mergeTags(db, [pick(tags)], pick(tags))
      },
      () => createTag(db, pick(['pinned/one', 'region/caucasus/armenia']), null),
      async () => {
        const tags = await existing()
        if (tags.length > 0) await setTagColor(db, pick(tags), random() < 0.5 ? '#c33' : null)
      },
      async () => {
        const gone = articleIds.filter(() => random() < 0.1)
        await db.run('DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))', [
          JSON.stringify(gone),
        ])
        articleIds = articleIds.filter((id) => !gone.includes(id))
        articleIds.push(
          await storeSample(db, { title: `Late ${articleIds.length}`, contentText: 'Late body' }),
        )
      },
    ]
    for (let step = 0; step < 200; step++) {
      await pick(steps)()
      expect(countsOf(await listTags(db)), `after step ${step}`).toEqual(await recounted(db))
    }
    expect((await listTags(db)).some((tag) => (tag.total ?? 0) > tag.count)).toBe(true)
  } finally {
    await db.close()
  }
})
