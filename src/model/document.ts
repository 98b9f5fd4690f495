import * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { DOCUMENT_KINDS } from './types.ts'
import type { DocumentKind } from './types.ts'

// The envelope of every shared document: a top-level map 'meta' with its kind and schema
// version, and a genesis structure created exactly once even when two devices create or
// open the same new document offline. Bump the version whenever a genesis builder changes.

export const DOCUMENT_SCHEMA_VERSION = 1

export interface DocumentMeta {
  kind: DocumentKind
  schemaVersion: number
}

export function readMeta(doc: Y.Doc): DocumentMeta | undefined {
  const meta = doc.getMap<unknown>('meta')
  const kind = meta.get('kind')
  const schemaVersion = meta.get('schemaVersion')
  if (!DOCUMENT_KINDS.includes(kind as DocumentKind)) return
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion)) return
  return { kind: kind as DocumentKind, schemaVersion }
}

/**
 * Gives doc its genesis structure unless it has one. `build` must be deterministic (no time,
 * no randomness, no input): it runs on a throwaway doc with a fixed client id, so every
 * device produces byte-identical structs with identical ids, and Yjs keeps one copy of them
 * however many devices applied them. Safe to call before local storage has loaded too.
 */
export function ensureStructure(
  doc: Y.Doc,
  kind: DocumentKind,
  build: (genesis: Y.Doc) => void,
): 'created' | 'existing' {
  const meta = readMeta(doc)
  if (meta !== undefined) {
    if (meta.kind !== kind) {
      throw new ModelError('kind-mismatch', `document is a ${meta.kind}, not a ${kind}`)
    }
    if (meta.schemaVersion > DOCUMENT_SCHEMA_VERSION) {
      throw new ModelError('schema-too-new', `document schema ${meta.schemaVersion} is newer`)
    }
    return 'existing'
  }
  const genesis = new Y.Doc()
  genesis.clientID = genesisClientId(kind, DOCUMENT_SCHEMA_VERSION)
  genesis.transact(() => {
    const meta = genesis.getMap('meta')
    meta.set('kind', kind)
    meta.set('schemaVersion', DOCUMENT_SCHEMA_VERSION)
    build(genesis)
  })
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(genesis))
  genesis.destroy()
  return 'created'
}

/**
 * The genesis client id is a constant per kind and schema version (FNV-1a of "kind@version").
 * One constant for all would be enough for identical builders, but two app versions with
 * different builders would then write different content under the same struct ids, which
 * Yjs cannot tell apart and would merge into a corrupt document; distinct ids at worst
 * duplicate the structure, which a migration can repair. A real device picking the same
 * random 32-bit id is negligible, and Yjs renames a client whose id appears in remote updates.
 */
export function genesisClientId(kind: DocumentKind, schemaVersion: number): number {
  let hash = 0x811c9dc5
  for (const ch of `${kind}@${schemaVersion}`) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193)
  }
  return hash >>> 0
}
