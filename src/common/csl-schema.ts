import { z } from 'zod'
import {
  CSL_DATE_VARIABLES,
  CSL_ITEM_TYPES,
  CSL_NAME_VARIABLES,
  CSL_NUMBER_VARIABLES,
  CSL_STRING_VARIABLES,
} from './csl'

/**
 * A CSL-JSON item as it may arrive over a transport: every CSL variable checked for its kind (text,
 * number, names, dates), anything else kept if it is plain JSON of bounded depth. Bad items are
 * refused with the variable named, never passed on to the citation engine.
 */

/** How deep plain JSON may nest inside one item (CSL-JSON itself needs four levels). */
export const MAX_ITEM_DEPTH = 8
const MAX_TEXT = 100_000
const MAX_NAMES = 2_000

const text = z.string().max(MAX_TEXT)
const scalar = z.union([z.string().max(MAX_TEXT), z.number(), z.boolean(), z.null()])

/** Whether `value` nests no deeper than `limit` (checked without recursion, so any input is safe). */
export function withinDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth >= limit) return false
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
  return true
}

const boundedJson = z
  .unknown()
  .refine((value) => withinDepth(value, MAX_ITEM_DEPTH - 1), `nested more than ${MAX_ITEM_DEPTH} levels deep`)

const cslName = z
  .object({
    family: text.optional(),
    given: text.optional(),
    'dropping-particle': text.optional(),
    'non-dropping-particle': text.optional(),
    suffix: text.optional(),
    'comma-suffix': z.boolean().optional(),
    'static-ordering': z.boolean().optional(),
    literal: text.optional(),
    'parse-names': z.boolean().optional(),
  })
  .catchall(scalar)

const datePart = z.union([z.number(), z.string().max(100)])

/** A CSL date; a bare string ("2024-03", "Spring 2020") is read as the date's raw text. */
const cslDate = z.union([
  z
    .object({
      'date-parts': z.array(z.array(datePart).min(1).max(3)).min(1).max(2).optional(),
      season: z.union([z.number(), z.string().max(100)]).optional(),
      circa: z.union([z.boolean(), z.number(), z.string().max(100)]).optional(),
      literal: text.optional(),
      raw: text.optional(),
    })
    .catchall(scalar),
  z
    .string()
    .max(1_000)
    .transform((raw) => ({ raw })),
])

const variables: Record<string, z.ZodType> = {}
for (const name of CSL_STRING_VARIABLES) variables[name] = z.union([text, z.number()]).optional()
for (const name of CSL_NUMBER_VARIABLES)
  variables[name] = z.union([z.string().max(1_000), z.number()]).optional()
for (const name of CSL_NAME_VARIABLES) variables[name] = z.array(cslName).max(MAX_NAMES).optional()
for (const name of CSL_DATE_VARIABLES) variables[name] = cslDate.optional()

/**
 * A change to an item's variables (ArticlePatch `item`): each variable checked for its kind, null to
 * remove it. The id and the type are not variables here (the type is the patch's `itemType`).
 */
export const cslItemPatchSchema = z
  .object({
    ...Object.fromEntries(
      Object.entries(variables).map(([name, schema]) => [
        name,
        (schema as z.ZodOptional<z.ZodType>).unwrap().nullable().optional(),
      ]),
    ),
    subtitle: text.nullable().optional(),
    custom: z.record(z.string().max(200), boundedJson).nullable().optional(),
  })
  .catchall(boundedJson)
  .refine((patch) => !('id' in patch) && !('type' in patch), 'the id and the type are not item variables')

/** One CSL-JSON item given as data (formatCitations `items`). */
export const cslItemSchema = z
  .object({
    ...variables,
    id: z.union([z.string().min(1).max(500), z.number()]),
    type: z
      .enum(CSL_ITEM_TYPES, {
        error: 'expected a CSL item type such as article-journal, book, chapter or webpage',
      })
      .optional(),
    title: text.optional(),
    subtitle: text.optional(),
    custom: z.record(z.string().max(200), boundedJson).optional(),
  })
  .catchall(boundedJson)
