import { describe, expect, it } from 'vitest'
import { ApiError } from '../../common/api'
import { UsageError } from './context'
import { NoArchiveError, describeFailure, inPlainWords } from './errors'

describe('describeFailure', () => {
  it('gives each kind of failure its code and exit code: 1 failed, 2 usage, 3 not found', () => {
    expect(describeFailure(new UsageError('give an ID', 'show'))).toEqual({
      code: 'usage',
      message: 'give an ID',
      exitCode: 2,
    })
    expect(describeFailure(new ApiError('not-found', 'no article with id 9'))).toMatchObject({
      code: 'not-found',
      exitCode: 3,
    })
    expect(describeFailure(new ApiError('invalid-arguments', 'bad'))).toMatchObject({ exitCode: 2 })
    expect(describeFailure(new ApiError('conflict', 'busy'))).toMatchObject({ code: 'conflict', exitCode: 1 })
    expect(describeFailure(new NoArchiveError('/home/me/typo'))).toEqual({
      code: 'no-archive',
      message: 'no archive at /home/me/typo; `lectern import` creates one',
      exitCode: 1,
    })
    expect(describeFailure(new Error('something broke'))).toEqual({
      code: 'internal',
      message: 'something broke',
      exitCode: 1,
    })
  })

  it('puts system errors in words, naming the path', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open '/x/out.zip'"), {
      code: 'EACCES',
      path: '/x/out.zip',
    })
    expect(describeFailure(denied)).toMatchObject({ message: '/x/out.zip: permission denied', exitCode: 1 })
    const cantOpen = Object.assign(new Error('SQLITE_CANTOPEN: unable to open database file'), {
      code: 'SQLITE_CANTOPEN',
    })
    expect(describeFailure(cantOpen).message).toBe(
      'the archive file cannot be opened (the path is a folder, or the folder cannot be written)',
    )
  })
})

describe('inPlainWords', () => {
  it('rewrites raw system text inside a message and leaves the rest alone', () => {
    expect(inPlainWords("cannot read /b.sqlite: ENOENT: no such file or directory, open '/b.sqlite'")).toBe(
      'cannot read /b.sqlite: /b.sqlite: no such file or folder',
    )
    expect(inPlainWords("EEXIST: file already exists, mkdir '/tmp/afile'")).toBe(
      '/tmp/afile: a file or folder of that name is already there',
    )
    expect(inPlainWords('listen EADDRINUSE: address already in use 127.0.0.1:8765')).toBe(
      '127.0.0.1:8765 is already in use by another program',
    )
    expect(inPlainWords('cannot open the archive at /a: SQLITE_NOTADB: file is not a database')).toBe(
      'cannot open the archive at /a: not a Lectern archive (not an SQLite database)',
    )
    expect(inPlainWords('ENOSPC: no space left on device, write')).toBe('the disk is full')
    expect(inPlainWords('no article with id 9')).toBe('no article with id 9')
    expect(inPlainWords("EUNKNOWNCODE: odd, open '/x'")).toBe("EUNKNOWNCODE: odd, open '/x'")
  })
})
