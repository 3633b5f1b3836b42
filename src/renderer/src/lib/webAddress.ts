/**
 * An address as people type it ("example.org/a", "www.site.ru/news?id=3") with the https:// a link
 * needs; what already names a scheme (or is no host at all) is returned as typed.
 */
export function withWebScheme(value: string): string {
  const address = value.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) && !/^[^/:]+\.[^/:]+:\d+(\/|$)/.test(address)) return address
  if (address.startsWith('//')) return `https:${address}`
  // A host first: letters, digits and hyphens in dotted labels (or localhost), then anything.
  return /^(localhost|[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+)(:\d+)?([/?#]|$)/u.test(address)
    ? `https://${address}`
    : address
}
