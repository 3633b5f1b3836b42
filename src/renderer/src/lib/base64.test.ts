// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from './base64'

function decode(base64: string): number[] {
  return Array.from(atob(base64), (char) => char.charCodeAt(0))
}

describe('bytesToBase64', () => {
  it('encodes a known value', () => {
    expect(bytesToBase64(new TextEncoder().encode('Лектерн'))).toBe('0JvQtdC60YLQtdGA0L0=')
  })

  it('round-trips inputs that cross chunk boundaries', () => {
    for (const size of [0, 1, 2, 3, 49151, 49152, 49153, 150_001]) {
      const bytes = new Uint8Array(size)
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) % 256
      const encoded = bytesToBase64(bytes)
      expect(encoded.length).toBe(Math.ceil(size / 3) * 4)
      expect(decode(encoded)).toEqual(Array.from(bytes))
    }
  })
})
