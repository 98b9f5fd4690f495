// This device's signing key for referral sign-offs (RF19): an ECDSA P-256 key pair made by
// WebCrypto with a NON-extractable private key, kept in IndexedDB (CryptoKey objects are stored
// as they are; script can use the private key to sign but never read it). Its database name
// starts with 'mosty:' so that logging out (wipeDevice) deletes it with the documents.
//
// Storage sits behind KeyStore, so that everything but IndexedDB is testable in Node.

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const

export interface DeviceKey {
  keyPair: CryptoKeyPair
  /** The public EC point only (kty, crv, x, y): what a sign-off record stores. */
  publicKeyJwk: JsonWebKey
  /** When this device made the key (ISO instant). */
  createdAt: string
}

export interface KeyStore {
  get(): Promise<DeviceKey | undefined>
  /** Stores `key` unless a key is stored already; returns the key that is stored afterwards. */
  putIfAbsent(key: DeviceKey): Promise<DeviceKey>
}

/** Only the public point: never a private member or browser-specific flags. */
export function publicPoint(jwk: JsonWebKey): JsonWebKey {
  const { kty, crv, x, y } = jwk
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') {
    throw new Error('not an EC P-256 public key')
  }
  return { kty, crv, x, y }
}

/** A fresh key pair whose private key cannot be exported, with its public key as JWK. */
export async function generateDeviceKey(
  subtle: SubtleCrypto = globalThis.crypto.subtle,
  now: Date = new Date(),
): Promise<DeviceKey> {
  const keyPair = await subtle.generateKey(ALGORITHM, false, ['sign', 'verify'])
  const jwk = await subtle.exportKey('jwk', keyPair.publicKey)
  return { keyPair, publicKeyJwk: publicPoint(jwk), createdAt: now.toISOString() }
}

/**
 * The stored key, or a new one stored now. Two tabs asking at once both end with the one key
 * that reached the store first (putIfAbsent), never with two keys for one device.
 */
export async function loadOrCreateDeviceKey(
  store: KeyStore,
  generate: () => Promise<DeviceKey> = () => generateDeviceKey(),
): Promise<DeviceKey> {
  const stored = await store.get()
  if (stored !== undefined) return stored
  return store.putIfAbsent(await generate())
}

/** A KeyStore in memory, for tests. */
export function memoryKeyStore(): KeyStore {
  let key: DeviceKey | undefined
  return {
    get: async () => key,
    putIfAbsent: async (candidate) => (key ??= candidate),
  }
}

export const DEVICE_KEY_DB = 'mosty:device-keys'
const STORE = 'keys'
const SIGNING_KEY = 'signing'

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })

function openDb(): Promise<IDBDatabase> {
  const req = indexedDB.open(DEVICE_KEY_DB, 1)
  req.onupgradeneeded = () => req.result.createObjectStore(STORE)
  return request(req).then((db) => {
    // Log out deletes this database; an open connection must not block it.
    db.onversionchange = () => db.close()
    return db
  })
}

const isDeviceKey = (value: unknown): value is DeviceKey => {
  const v = value as Partial<DeviceKey> | undefined
  return (
    typeof v === 'object' &&
    v !== null &&
    v.keyPair?.privateKey instanceof CryptoKey &&
    v.keyPair.publicKey instanceof CryptoKey &&
    typeof v.publicKeyJwk === 'object' &&
    typeof v.createdAt === 'string'
  )
}

/** One transaction on the key store; the connection is closed right after. */
async function withStore<T>(
  mode: IDBTransactionMode,
  body: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const db = await openDb()
  try {
    return await body(db.transaction(STORE, mode).objectStore(STORE))
  } finally {
    db.close()
  }
}

/** The browser's store: IndexedDB database 'mosty:device-keys'. */
export const indexedDbKeyStore: KeyStore = {
  get: () =>
    withStore('readonly', async (store) => {
      const value: unknown = await request(store.get(SIGNING_KEY))
      return isDeviceKey(value) ? value : undefined
    }),
  // The read and the write share one readwrite transaction, so two tabs cannot both write.
  putIfAbsent: (candidate) =>
    withStore('readwrite', async (store) => {
      const value: unknown = await request(store.get(SIGNING_KEY))
      if (isDeviceKey(value)) return value
      await request(store.put(candidate, SIGNING_KEY))
      return candidate
    }),
}

let pending: Promise<DeviceKey> | null = null

/** The key this device already has, without making one (e.g. to mark its own sign-offs). */
export const storedDeviceKey = (): Promise<DeviceKey | undefined> => indexedDbKeyStore.get()

/**
 * This device's signing key, made on first use. Read from IndexedDB each time (not cached
 * beyond one request), so that a key wiped by logging out is never used again.
 */
export function deviceKey(): Promise<DeviceKey> {
  pending ??= loadOrCreateDeviceKey(indexedDbKeyStore).finally(() => {
    pending = null
  })
  return pending
}
