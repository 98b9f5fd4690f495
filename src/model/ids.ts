// Record ids are 128 random bits: replicas create them offline without coordination, so
// they must not collide. Callers may pass their own id (tests, imports) instead.

export function randomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
