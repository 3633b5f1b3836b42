import { z } from 'zod'
import { ApiError, type ApiArgs, type ApiMethod } from './api'

/**
 * Argument schemas for every ArchiveApi method. Each transport validates incoming
 * arguments with `parseArgs` before the engine sees them.
 */
const id = z.number().int().positive()
const tagName = z.string().trim().min(1).max(200)
const nullableText = z.string().max(10_000).nullable()
const empty = z.object({}).strict()

const articlePatch = z
  .object({
    title: z.string().trim().min(1).max(2_000),
    subtitle: nullableText,
    authors: z.array(z.string().trim().min(1).max(500)).max(200),
    siteName: nullableText,
    section: nullableText,
    publishedAt: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?)?$/, 'expected a date like 2026-02-07 or 2026-02-07T19:01')
      .nullable(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'expected a language code like en or ru')
      .nullable(),
    url: z.url().max(8_000).nullable(),
    rights: nullableText,
  })
  .partial()
  .strict()

export const apiSchemas = {
  info: empty,
  importFiles: z
    .object({
      files: z
        .array(z.object({ name: z.string().min(1).max(4_096), dataBase64: z.base64() }).strict())
        .min(1),
      jobId: z.string().min(1).max(100).optional(),
    })
    .strict(),
  importPaths: z
    .object({
      paths: z.array(z.string().min(1).max(4_096)).min(1),
      recursive: z.boolean().optional(),
      jobId: z.string().min(1).max(100).optional(),
    })
    .strict(),
  importPaste: z
    .object({
      text: z.string().max(50_000_000),
      html: z.string().max(50_000_000).optional(),
      url: z.url().max(8_000).optional(),
    })
    .strict()
    .refine((v) => v.text.trim() !== '' || (v.html ?? '').trim() !== '', 'the paste is empty'),
  cancelImport: z.object({ jobId: z.string().min(1).max(100) }).strict(),
  listArticles: z
    .object({
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
      sort: z.enum(['addedAt', 'publishedAt', 'title', 'siteName']).optional(),
      order: z.enum(['asc', 'desc']).optional(),
      tag: tagName.optional(),
    })
    .strict(),
  getArticle: z.object({ id }).strict(),
  updateArticle: z.object({ id, patch: articlePatch }).strict(),
  deleteArticles: z.object({ ids: z.array(id).min(1) }).strict(),
  listTags: empty,
  tagArticles: z
    .object({ ids: z.array(id).min(1), add: z.array(tagName).optional(), remove: z.array(tagName).optional() })
    .strict()
    .refine((v) => (v.add?.length ?? 0) + (v.remove?.length ?? 0) > 0, 'give tags to add or remove'),
  search: z
    .object({
      query: z.string().max(1_000),
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional(),
    })
    .strict(),
} satisfies { [M in ApiMethod]: z.ZodType<ApiArgs<M>> }

/** Validate one call's argument; throws ApiError('invalid-arguments') naming the method and the field. */
export function parseArgs<M extends ApiMethod>(method: M, args: unknown): ApiArgs<M> {
  const schema: z.ZodType<ApiArgs<M>> = apiSchemas[method] as z.ZodType<ApiArgs<M>>
  const result = schema.safeParse(args ?? {})
  if (!result.success) {
    const details = result.error.issues
      .map((issue) => `${issue.path.length ? issue.path.join('.') : 'argument'}: ${issue.message}`)
      .join('; ')
    throw new ApiError('invalid-arguments', `${method}: ${details}`)
  }
  return result.data
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiSchemas, name)
}
