import { deviceKey } from './device-keys.ts'
import type { Tokens } from './session.ts'

// RF21: the relay says which public key signs for which member. This device registers its own
// key (once; the relay keeps the first) and keeps the partnership's list, so sign-offs are
// checked offline against the last list it saw. The list is public keys only, under 'mosty:' so
// logging out wipes it.

const CACHE = 'mosty:signing-keys'

interface Listed {
  memberId: string
  publicKeyJwk: JsonWebKey
}

/** Member id → the public keys the relay enrolled for that member. */
export type KeysByMember = Map<string, JsonWebKey[]>

const byMember = (keys: readonly Listed[]): KeysByMember => {
  const out: KeysByMember = new Map()
  for (const k of keys) out.set(k.memberId, [...(out.get(k.memberId) ?? []), k.publicKeyJwk])
  return out
}

/** The last list this device received, or undefined when it never received one. */
export const cachedEnrolledKeys = (storage: Pick<Storage, 'getItem'> = localStorage) => {
  const raw = storage.getItem(CACHE)
  if (raw === null) return undefined
  try {
    return byMember(JSON.parse(raw) as Listed[])
  } catch {
    return undefined
  }
}

/** The relay's list now (cached for offline use); the cached one when the relay is unreachable. */
export async function enrolledKeys(
  tokens: Pick<Tokens, 'api'>,
  storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
): Promise<KeysByMember | undefined> {
  try {
    const { keys } = await tokens.api<{ keys: Listed[] }>('/api/signing-keys')
    storage.setItem(CACHE, JSON.stringify(keys))
    return byMember(keys)
  } catch {
    return cachedEnrolledKeys(storage)
  }
}

/** Registers this device's signing key with the relay (idempotent); made on first use. */
export async function registerDeviceKey(tokens: Pick<Tokens, 'api'>): Promise<void> {
  const key = await deviceKey()
  await tokens.api('/api/signing-keys/register', { publicKeyJwk: key.publicKeyJwk })
}
