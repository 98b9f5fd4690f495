import * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { addRecord, MEDIATION_MAPS, positionKey, readPartyRecords } from './mediation-store.ts'
import { requireHeader, requireMediator, requireParticipantValue } from './mediation-store.ts'
import { requireLink } from './mediation-values.ts'
import type {
  MediationLink,
  MediationParticipant,
  MediationPartyRecord,
} from './mediation-vocab.ts'
import { TEXT_MAP, textField } from './text-field.ts'
import type { TextField } from './text-field.ts'
import type { Actor } from './types.ts'
import { requireText } from './validate.ts'

// The parties of a mediation and their positions in their own words, and the records it links.

export interface WriteOptions {
  now?: Date
  id?: string
}

/** MD2: the mediator adds a party (one per agency: invalid-party for an agency already in). */
export function addMediationParty(
  doc: Y.Doc,
  party: MediationParticipant,
  actor: Actor,
  opts: WriteOptions = {},
): MediationPartyRecord {
  requireMediator(doc, actor)
  const who = requireParticipantValue(party, 'party')
  if (readPartyRecords(doc).some((p) => p.agencyId === who.agencyId)) {
    throw new ModelError('invalid-party', `agency ${who.agencyId} is already a party`)
  }
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'party id')
  return doc.transact(() => storeParty(doc, who, actor.memberId, opts.now ?? new Date(), id))
}

/** MD2: the mediator links another record the mediation concerns. */
export function addMediationLink(
  doc: Y.Doc,
  link: MediationLink,
  actor: Actor,
  opts: WriteOptions = {},
) {
  requireMediator(doc, actor)
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'link id')
  addRecord(doc, MEDIATION_MAPS.links, { id, ...requireLink(link) })
}

/**
 * MD3: a party's position as collaborative text. Anyone who reads the log reads it; only members
 * of that party's agency write it (not-your-position), and never the mediator, who stays neutral.
 */
export function positionText(doc: Y.Doc, partyId: string, actor: Actor): TextField {
  const header = requireHeader(doc)
  const party = readPartyRecords(doc).find((p) => p.id === partyId)
  if (party === undefined) throw new ModelError('not-found', `no party ${partyId}`)
  const inner = textField(doc, positionKey(partyId))
  return {
    ...inner,
    write: (value, caret) => {
      if (actor.agencyId !== party.agencyId || actor.memberId === header.mediator.memberId) {
        throw new ModelError('not-your-position', `only ${party.agencyId} writes this position`)
      }
      inner.write(value, caret)
    },
  }
}

/** The party record and its empty position, in the caller's transaction (MD3). */
export function storeParty(
  doc: Y.Doc,
  who: MediationParticipant,
  by: string,
  now: Date,
  id: string,
): MediationPartyRecord {
  const record: MediationPartyRecord = { id, ...who, addedAt: now.toISOString(), addedBy: by }
  addRecord(doc, MEDIATION_MAPS.parties, record)
  // Created once, by this device, under a key no other device can create (MD3).
  doc.getMap(TEXT_MAP).set(positionKey(id), new Y.Text())
  return { ...record }
}
