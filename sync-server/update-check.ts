import * as Y from 'yjs'

/**
 * Rejects bytes that are not a well-formed Yjs (v1) update before they reach other clients or
 * the log: decoding every struct and the delete set throws on truncation, unknown content types
 * and bad lengths.
 */
export const checkUpdate = (update: Uint8Array): void => {
  Y.decodeUpdate(update)
}

/** y-protocols encodes "nothing to send" as an update with no structs and no deletions. */
export const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0
