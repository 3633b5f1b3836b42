/** 3 bytes make 4 base64 characters, so chunks of a multiple of 3 bytes can be encoded separately. */
const CHUNK_BYTES = 3 * 0x4000

/** Base64 of arbitrary bytes without spreading a huge array into one call (call-stack limits). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES)
    let binary = ''
    for (let i = 0; i < chunk.length; i++) binary += String.fromCharCode(chunk[i] as number)
    parts.push(btoa(binary))
  }
  return parts.join('')
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}
