import type { FileHandle } from 'node:fs/promises'
import { Unzip, UnzipInflate, Zip, ZipDeflate, type UnzipFile } from 'fflate'

/**
 * Writes a zip file entry by entry. fflate produces the bytes synchronously; they are written
 * to the file after each entry, so memory holds at most one entry (and its compressed form).
 */
export class ZipFileWriter {
  private readonly zip: Zip
  private pending: Uint8Array[] = []
  private failure: Error | null = null

  constructor(private readonly handle: FileHandle) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error
      else this.pending.push(chunk)
    })
  }

  /** `level` 0 stores without compression work (for bytes that are already compressed). */
  async add(name: string, data: Uint8Array, level: 0 | 6 = 6): Promise<void> {
    const entry = new ZipDeflate(name, { level })
    this.zip.add(entry)
    entry.push(data, true)
    await this.flush()
  }

  async finish(): Promise<void> {
    this.zip.end()
    await this.flush()
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure
    const chunks = this.pending
    this.pending = []
    for (const chunk of chunks) await this.handle.write(chunk)
  }
}

export interface ZipEntry {
  name: string
  data: Buffer
}

/**
 * Reads a zip file as a stream, handing over one whole entry at a time (in file order) and
 * refusing an entry that inflates beyond `maxEntryBytes` (a zip bomb or a damaged file).
 */
export async function readZipEntries(
  handle: FileHandle,
  maxEntryBytes: number,
  onEntry: (entry: ZipEntry) => Promise<void>,
): Promise<void> {
  const ready: ZipEntry[] = []
  let failure: Error | null = null
  let open = 0
  const unzip = new Unzip((file: UnzipFile) => {
    const chunks: Uint8Array[] = []
    let size = 0
    open += 1
    file.ondata = (error, chunk, final) => {
      if (failure) return
      if (error) {
        failure = new Error(`${file.name}: ${error.message}`)
        return
      }
      size += chunk.length
      if (size > maxEntryBytes) {
        failure = new Error(`${file.name} is larger than ${maxEntryBytes} bytes when unpacked`)
        file.terminate()
        return
      }
      chunks.push(chunk)
      if (final) {
        open -= 1
        ready.push({ name: file.name, data: Buffer.concat(chunks) })
      }
    }
    try {
      file.start()
    } catch (error) {
      failure = new Error(`${file.name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  })
  unzip.register(UnzipInflate)

  const buffer = Buffer.alloc(1024 * 1024)
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
    const final = bytesRead === 0
    unzip.push(final ? new Uint8Array(0) : new Uint8Array(buffer.subarray(0, bytesRead)), final)
    if (failure) throw failure
    while (ready.length > 0) await onEntry(ready.shift() as ZipEntry)
    if (final) break
  }
  if (open > 0) throw new Error('the zip file ends in the middle of an entry (it is truncated)')
}
