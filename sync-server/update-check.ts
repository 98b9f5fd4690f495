import * as Y from 'yjs'

/**
 * Rejects bytes that are not a well-formed Yjs (v1) update before they reach other clients or
 * the log. Decoding every struct and the delete set throws on truncation, unknown content types
 * and bad lengths; but Yjs trusts the ids inside a decodable update, and a corrupted one (a
 * flipped byte in a clock) can make every client that applies it throw, or make the room's
 * merged snapshot impossible to load. So also:
 * - every struct has a length, and an item refers (origin, right origin, parent) to an earlier
 *   clock of its own client only, as Yjs itself always writes them: a reference to a later one
 *   is looked up as present and crashes the integration;
 * - the update applies to an empty document without throwing (references to other clients stay
 *   pending there), which costs a decode of this update alone, never of the room.
 */
export const checkUpdate = (update: Uint8Array): void => {
  const { structs } = Y.decodeUpdate(update)
  for (const s of structs) {
    if (!(s.length > 0)) throw new Error('invalid update: empty struct')
    if (!(s instanceof Y.Item)) continue
    const { client, clock } = s.id
    const parent = s.parent instanceof Y.ID ? s.parent : null
    for (const ref of [s.origin, s.rightOrigin, parent]) {
      if (ref && ref.client === client && ref.clock >= clock) {
        throw new Error('invalid update: refers to a later change of its own client')
      }
    }
  }
  // A fixed guid: the default one is a uuidv4 drawn from 31 webcrypto calls, which cost ~100 µs
  // per update, four times the whole check. The guid of this throwaway document is never read.
  const doc = new Y.Doc({ guid: 'update-check' })
  try {
    Y.applyUpdate(doc, update)
  } finally {
    doc.destroy()
  }
}

/** y-protocols encodes "nothing to send" as an update with no structs and no deletions. */
export const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0
