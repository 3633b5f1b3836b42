/**
 * A deterministic mutator for fuzzing the importer: the same seed gives the same damaged files on
 * every machine. Each mutation is one way real files go wrong: cut short, bit rot, lines glued
 * together, a chunk repeated, two formats spliced into one file, a byte-order mark that lies.
 */

export const MUTATION_KINDS = [
  'truncated',
  'bit-rot',
  'glued-lines',
  'repeated-chunk',
  'spliced',
  'false-bom',
] as const

export type MutationKind = (typeof MUTATION_KINDS)[number]

/** The largest mutated file: a repeated chunk is capped here so a batch stays small. */
const MAX_BYTES = 2 * 1024 * 1024

const BOMS: readonly Buffer[] = [
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xff, 0xfe, 0x00, 0x00]),
  Buffer.from([0x00, 0x00, 0xfe, 0xff]),
]

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export class Mutator {
  private readonly random: () => number

  /** `donors` are files of other formats, for splicing. */
  constructor(
    seed: number,
    private readonly donors: readonly Buffer[],
  ) {
    this.random = seededRandom(seed)
  }

  /** One to three mutations in a row; `kinds` names them in the order applied. */
  mutate(bytes: Buffer): { kinds: MutationKind[]; bytes: Buffer } {
    const rounds = 1 + (this.random() < 0.3 ? 1 : 0) + (this.random() < 0.1 ? 1 : 0)
    const kinds: MutationKind[] = []
    let result = bytes
    for (let round = 0; round < rounds; round++) {
      const kind = this.pick(MUTATION_KINDS)
      kinds.push(kind)
      result = this.apply(kind, result)
    }
    return { kinds, bytes: result }
  }

  apply(kind: MutationKind, bytes: Buffer): Buffer {
    switch (kind) {
      case 'truncated':
        return Buffer.from(bytes.subarray(0, this.below(bytes.length)))
      case 'bit-rot':
        return this.bitRot(bytes)
      case 'glued-lines':
        return this.glueLines(bytes)
      case 'repeated-chunk':
        return this.repeatChunk(bytes)
      case 'spliced':
        return this.splice(bytes)
      case 'false-bom':
        return this.falseBom(bytes)
    }
  }

  private bitRot(bytes: Buffer): Buffer {
    const rotten = Buffer.from(bytes)
    if (rotten.length === 0) return rotten
    // A few flipped bits, or a whole run of bytes gone bad (a bad sector).
    if (this.random() < 0.7) {
      const flips = 1 + this.below(16)
      for (let n = 0; n < flips; n++) {
        const at = this.below(rotten.length)
        rotten[at] = (rotten[at] as number) ^ (1 << this.below(8))
      }
    } else {
      const start = this.below(rotten.length)
      const end = Math.min(rotten.length, start + 1 + this.below(512))
      for (let at = start; at < end; at++) rotten[at] = this.below(256)
    }
    return rotten
  }

  private glueLines(bytes: Buffer): Buffer {
    const share = 0.2 + this.random() * 0.8
    const kept: number[] = []
    for (let at = 0; at < bytes.length; at++) {
      const byte = bytes[at] as number
      if ((byte === 0x0a || byte === 0x0d) && this.random() < share) continue
      kept.push(byte)
    }
    return Buffer.from(kept)
  }

  private repeatChunk(bytes: Buffer): Buffer {
    if (bytes.length === 0) return bytes
    const start = this.below(bytes.length)
    const chunk = bytes.subarray(start, Math.min(bytes.length, start + 1 + this.below(4096)))
    const times = Math.min(2 + this.below(200), Math.floor(MAX_BYTES / Math.max(1, chunk.length)))
    const at = this.below(bytes.length + 1)
    return Buffer.concat([
      bytes.subarray(0, at),
      ...Array.from({ length: times }, () => chunk),
      bytes.subarray(at),
    ])
  }

  private splice(bytes: Buffer): Buffer {
    const donor = this.donors.length > 0 ? this.pick(this.donors) : bytes
    const at = this.below(bytes.length + 1)
    const from = this.below(donor.length + 1)
    const piece = donor.subarray(from, Math.min(donor.length, from + 1 + this.below(8192)))
    // The front of one file on the back of another, or a piece of another file inside this one.
    return this.random() < 0.5
      ? Buffer.concat([bytes.subarray(0, at), donor.subarray(from)])
      : Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)])
  }

  private falseBom(bytes: Buffer): Buffer {
    const bom = this.pick(BOMS)
    const placement = this.random()
    if (placement < 0.6) return Buffer.concat([bom, bytes])
    if (placement < 0.8) return Buffer.concat([bom, this.pick(BOMS), bytes])
    const at = this.below(bytes.length + 1)
    return Buffer.concat([bytes.subarray(0, at), bom, bytes.subarray(at)])
  }

  /** A whole number in [0, limit). */
  private below(limit: number): number {
    return Math.floor(this.random() * limit)
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T
  }
}
