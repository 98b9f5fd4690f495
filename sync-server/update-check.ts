import * as decoding from 'lib0/decoding'

/**
 * Rejects bytes that are not a well-formed Yjs (v1) update before they reach other clients or
 * the log, without building a Y.Doc: the update is read once, field by field, exactly as Yjs's
 * own decoder reads it (yjs/src/utils/encoding.js readClientsStructRefs, updates.js
 * lazyStructReaderGenerator, Item.js readItemContent, DeleteSet.js readDeleteSet), with the same
 * lib0 readers, so that whatever would make Yjs throw while decoding throws here too:
 * truncation, bad varints, invalid UTF-8, JSON that does not parse, unknown content or type
 * references, a subdocument without options.
 *
 * Yjs trusts the ids inside a decodable update, and a corrupted one (a flipped byte in a clock)
 * can make every client that applies it throw, or make the room's merged snapshot impossible to
 * load. So, beyond decoding, the update must also be written the way Yjs writes updates:
 * - every struct has a length (an empty string, JSON or Any list, a zero-length GC, skip or
 *   deleted run are never written);
 * - an item refers (origin, right origin, parent) to an earlier clock of its own client only: a
 *   reference to a later one is looked up as present and crashes the integration;
 * - each client's structs come in one run (Yjs writes a client once; a second run would
 *   overwrite the first in a client's decoder and confuse the relay's merge);
 * - every range of the delete set has a length: a deletion of zero items crashes Yjs when it is
 *   kept pending (its v2 encoder refuses a zero length);
 * - nothing follows the delete set: bytes that no decoder reads are not part of an update.
 * References to other clients cannot be checked without the room's state and are left to Yjs,
 * which keeps them pending until it has what they refer to.
 *
 * These are the checks that a throwaway Y.Doc apply used to provide (its cost: a document, a
 * transaction and their garbage for every update), and tests/relay/update-check.test.ts keeps
 * that apply as an oracle: every update it refuses is refused here too.
 *
 * `runs`, if given, receives each client's clock range as [client, from, to] (the room uses them
 * to tell a live edit from one re-sending what it has, R31), at no extra decoding.
 */
export const checkUpdate = (update: Uint8Array, runs?: number[]): void => {
  const d = decoding.createDecoder(update)
  const clients = decoding.readVarUint(d)
  let seen: Set<number> | null = null
  let previous = -1
  for (let i = 0; i < clients; i++) {
    const structs = decoding.readVarUint(d)
    const client = decoding.readVarUint(d)
    if (i > 0) {
      seen ??= new Set([previous])
      if (seen.has(client)) throw invalid('a client written twice')
      seen.add(client)
    }
    previous = client
    let clock = decoding.readVarUint(d)
    const from = clock
    for (let j = 0; j < structs; j++) {
      const length = readStruct(d, client, clock)
      if (!(length > 0)) throw invalid('empty struct')
      clock += length
    }
    runs?.push(client, from, clock)
  }
  const dsClients = decoding.readVarUint(d)
  for (let i = 0; i < dsClients; i++) {
    decoding.readVarUint(d) // client
    const ranges = decoding.readVarUint(d)
    for (let j = 0; j < ranges; j++) {
      decoding.readVarUint(d) // clock
      if (!(decoding.readVarUint(d) > 0)) throw invalid('deletion of zero items')
    }
  }
  if (d.pos !== update.length) throw invalid('bytes after the delete set')
}

/**
 * Where a (checked) update's delete set begins: its structs are the bytes before, so that an
 * update's structs and another's delete set can be put together (erasure.ts).
 */
export const deleteSetStart = (update: Uint8Array): number => {
  const d = decoding.createDecoder(update)
  const clients = decoding.readVarUint(d)
  for (let i = 0; i < clients; i++) {
    const structs = decoding.readVarUint(d)
    const client = decoding.readVarUint(d)
    let clock = decoding.readVarUint(d)
    for (let j = 0; j < structs; j++) clock += readStruct(d, client, clock)
  }
  return d.pos
}

/** y-protocols encodes "nothing to send" as an update with no structs and no deletions. */
export const isEmptyUpdate = (update: Uint8Array): boolean =>
  update.length === 2 && update[0] === 0 && update[1] === 0

const invalid = (what: string): Error => new Error(`invalid update: ${what}`)

const BITS5 = 0b11111
const BIT6 = 1 << 5
const BIT7 = 1 << 6
const BIT8 = 1 << 7
/** The info byte of a Skip struct; other infos whose content ref is 10 are refused by Yjs. */
const SKIP = 10

/** Reads one struct of `client` starting at `clock`; returns its length. */
const readStruct = (d: decoding.Decoder, client: number, clock: number): number => {
  const info = decoding.readUint8(d)
  const ref = info & BITS5
  // GC and Skip: a length and nothing else.
  if (ref === 0 || info === SKIP) return decoding.readVarUint(d)
  const hasOrigin = (info & BIT8) !== 0
  const hasRightOrigin = (info & BIT7) !== 0
  if (hasOrigin) readOwnEarlierId(d, client, clock)
  if (hasRightOrigin) readOwnEarlierId(d, client, clock)
  if (!hasOrigin && !hasRightOrigin) {
    // The parent: a root type's name, or the id of the item holding the parent type.
    if (decoding.readVarUint(d) === 1) decoding.readVarString(d)
    else readOwnEarlierId(d, client, clock)
    if ((info & BIT6) !== 0) decoding.readVarString(d) // parentSub: the key in a map
  }
  return readContent(d, ref)
}

const readOwnEarlierId = (d: decoding.Decoder, client: number, clock: number): void => {
  const refClient = decoding.readVarUint(d)
  const refClock = decoding.readVarUint(d)
  if (refClient === client && refClock >= clock) {
    throw invalid('refers to a later change of its own client')
  }
}

/** Type refs (yjs typeRefs): 3 YXmlElement and 5 YXmlHook carry a name. */
const TYPE_REFS = 7
const YXML_ELEMENT = 3
const YXML_HOOK = 5

/** Reads an item's content as Yjs's readItemContent does; returns the item's length. */
const readContent = (d: decoding.Decoder, ref: number): number => {
  switch (ref) {
    case 1: // ContentDeleted
      return decoding.readVarUint(d)
    case 2: {
      // ContentJSON: strings of JSON, or 'undefined'
      const n = decoding.readVarUint(d)
      for (let i = 0; i < n; i++) {
        const s = decoding.readVarString(d)
        if (s !== 'undefined') JSON.parse(s)
      }
      return n
    }
    case 3: // ContentBinary
      decoding.readVarUint8Array(d)
      return 1
    case 4: // ContentString: its length in UTF-16 code units, as Yjs counts it
      return decoding.readVarString(d).length
    case 5: // ContentEmbed
      JSON.parse(decoding.readVarString(d))
      return 1
    case 6: // ContentFormat: key, JSON value
      decoding.readVarString(d)
      JSON.parse(decoding.readVarString(d))
      return 1
    case 7: {
      // ContentType
      const typeRef = decoding.readVarUint(d)
      if (typeRef >= TYPE_REFS) throw invalid(`unknown type ${typeRef}`)
      if (typeRef === YXML_ELEMENT || typeRef === YXML_HOOK) decoding.readVarString(d)
      return 1
    }
    case 8: {
      // ContentAny
      const n = decoding.readVarUint(d)
      for (let i = 0; i < n; i++) decoding.readAny(d)
      return n
    }
    case 9: {
      // ContentDoc: guid and options; Yjs reads `opts.shouldLoad`, so null options throw there.
      decoding.readVarString(d)
      if (decoding.readAny(d) == null) throw invalid('subdocument without options')
      return 1
    }
    default:
      throw invalid(`unknown content ${ref}`)
  }
}
