import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** One client's presence as the relay keeps it: opaque JSON, never interpreted. */
export interface AwarenessEntry {
  clock: number
  state: string
}

/**
 * Decodes a y-protocols awareness update without a Y.Doc. Throws on malformed input, including
 * state strings that are not JSON, so garbage is never relayed to other clients.
 */
export const decodeAwareness = (update: Uint8Array): Map<number, AwarenessEntry> => {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries = new Map<number, AwarenessEntry>()
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarString(decoder)
    JSON.parse(state)
    entries.set(clientId, { clock, state })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update')
  return entries
}

export const encodeAwareness = (entries: Iterable<[number, AwarenessEntry]>): Uint8Array => {
  const list = [...entries]
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, list.length)
  for (const [clientId, { clock, state }] of list) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}
