/**
 * Files an import passes over: not pages and not reference files. Inside folders the name decides
 * before anything is read (src/common/import-kinds.ts); every file that is read is judged by its
 * content too, so a licence text named .txt, a README given by name or JSON data that is not CSL-JSON
 * is skipped with its reason instead of becoming an article. A file whose name promises a page or a
 * reference file but whose content is something else is not skipped: extraction reports it as failed.
 */
import {
  PAGE_EXTENSIONS,
  REFERENCE_EXTENSIONS,
  extensionOf,
  projectFileReason,
  skipReasonForName,
  type SkipReason,
} from '../../../common/import-kinds'
import { CSL_ITEM_TYPES } from '../../../common/csl'
import type { ImportItemResult } from '../../../common/types'
import { sniffFormat } from '../extract/sniff'

/** The start of a text file, enough to see JSON or a licence begin. */
const HEAD_BYTES = 16 * 1024

/** How far into a text the opening of a licence is looked for. */
const LICENCE_WINDOW = 1_500

/** Openings of the common licence texts (MIT, Apache, GNU, BSD, MPL, ISC, Unlicense, Creative Commons, ...). */
const LICENCE_MARKERS = [
  /permission is hereby granted, free of charge/i,
  /apache license,? version 2\.0/i,
  /gnu (?:lesser |library |affero )?general public license/i,
  /gnu free documentation license/i,
  /redistribution and use in source and binary forms/i,
  /mozilla public license/i,
  /permission to use, copy, modify, and(?:\/or)? distribute this software/i,
  /this is free and unencumbered software released into the public domain/i,
  /creative commons corporation|creativecommons\.org\/licenses\//i,
  /(?:boost software|eclipse public|european union public|artistic) license/i,
]

/** What the content of a file says about importing it: skip it, or let the importer read it (null). */
export type ContentVerdict = { skip: SkipReason; reason: string } | { fail: string } | null

/** A skipped item of the report. */
export function skippedItem(
  file: string,
  skip: SkipReason,
  reason = skipReasonText(skip, file),
): ImportItemResult {
  return { file, status: 'skipped', skipReason: skip, reason }
}

/** Why a file was skipped, in plain words naming its kind. */
export function skipReasonText(skip: SkipReason, file: string): string {
  const extension = extensionOf(file)
  const kind = extension ? ` (${extension})` : ''
  switch (skip) {
    case 'hidden':
      return 'a hidden file'
    case 'licence':
      return 'a licence text, not a saved page'
    case 'readme':
      return 'a README, NOTICE or CHANGELOG file, not a saved page'
    case 'data':
      return `a data file${kind}, not a page or a reference file`
    case 'archive':
      return `a compressed archive${kind}: unpack it to import what is inside`
    case 'image':
      return `an image${kind}, not a page`
    case 'font':
      return `a font${kind}, not a page`
    case 'program':
      return `a program or library${kind}, not a page`
    case 'media':
      return `audio or video${kind}, not a page`
    case 'document':
      return `a document Lectern cannot read${kind}: save it as PDF or HTML to import it`
    case 'code':
      return `a script, stylesheet or program source${kind}, not a page`
    case 'other':
      return extension
        ? `not a kind of file Lectern imports (${extension})`
        : 'not a kind of file Lectern imports (the name has no extension)'
  }
}

/**
 * Judge a file that was read and is not a reference file: a licence, README or data file is skipped;
 * a binary file is skipped unless its name promises a page (then extraction says what is wrong with it);
 * a file named as a reference file that holds none fails. Anything else is read as a page.
 */
export function judgeContent(name: string, bytes: Buffer): ContentVerdict {
  const extension = extensionOf(name)
  const namedAsPage = (PAGE_EXTENSIONS as readonly string[]).includes(extension)
  const namedAsReferences = (REFERENCE_EXTENSIONS as readonly string[]).includes(extension)
  const sniffed = sniffFormat(name, bytes)
  if (sniffed.kind === 'binary') {
    if (namedAsPage || namedAsReferences) return null
    const byName = skipReasonForName(name)
    return byName && byName !== 'other' && byName !== 'hidden'
      ? { skip: byName, reason: skipReasonText(byName, name) }
      : { skip: 'other', reason: `${sniffed.what}, not a page or a reference file` }
  }
  // HTML, MHTML, PDF and web archives are pages whatever their names; an empty file fails in extraction.
  if (sniffed.kind !== 'text') return null
  const head = bytes
    .subarray(0, HEAD_BYTES)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  const json = looksLikeJson(head) ? jsonVerdict(name, extension, bytes, head) : undefined
  if (json !== undefined) return json
  if (namedAsReferences) return { fail: `${name}: ${referenceFileProblem(extension)}` }
  const projectFile = projectFileReason(name)
  if (projectFile) return { skip: projectFile, reason: skipReasonText(projectFile, name) }
  if (isLicenceText(head)) return { skip: 'licence', reason: skipReasonText('licence', name) }
  return null
}

function looksLikeJson(head: string): boolean {
  const start = head.trimStart()
  return start.startsWith('{') || start.startsWith('[')
}

/** JSON that is not CSL-JSON is data; undefined when the text is not JSON at all. */
function jsonVerdict(
  name: string,
  extension: string,
  bytes: Buffer,
  head: string,
): ContentVerdict | undefined {
  try {
    JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    if (extension !== '.json' && extension !== '.csljson') return undefined
    // A broken file that was never references is data; a broken reference list is a failure to report.
    if (extension === '.json' && !mentionsCslType(head))
      return { skip: 'data', reason: 'JSON data (not well-formed), not a CSL-JSON reference list' }
    return { fail: `${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})` }
  }
  if (extension === '.csljson') return { fail: `${name}: JSON, but not a list of CSL-JSON references` }
  return { skip: 'data', reason: 'JSON data, not a CSL-JSON reference list' }
}

const CSL_TYPE = new RegExp(`"type"\\s*:\\s*"(?:${CSL_ITEM_TYPES.join('|')})"`)

/** Text that names an item type the way CSL-JSON does ("type": "article-journal"). */
function mentionsCslType(text: string): boolean {
  return CSL_TYPE.test(text)
}

function referenceFileProblem(extension: string): string {
  switch (extension) {
    case '.ris':
      return 'no RIS references found in it (each starts with a line like "TY  - JOUR")'
    case '.json':
    case '.csljson':
      return 'not JSON, so not a CSL-JSON reference list'
    default:
      return 'no BibTeX entries found in it (each starts like "@article{key,")'
  }
}

/** A text that opens like one of the common licences. */
export function isLicenceText(text: string): boolean {
  const opening = text
    .slice(0, LICENCE_WINDOW * 2)
    .replace(/\s+/g, ' ')
    .slice(0, LICENCE_WINDOW)
  return LICENCE_MARKERS.some((marker) => marker.test(opening))
}
