import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { compareCodeUnits } from './order.ts'
import { MAPS, map, optionalText, requireDate, requireSide } from './referral-store.ts'
import type { ContactPoint, Responsibility, ResponsibilityRecord } from './referral-vocab.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, isRecord, requireText } from './validate.ts'

// Each party's commitments and contact points: records under their own ids (W4: concurrent
// additions are all kept, one record edited on two devices converges to one whole version).
// Fulfilment is kept apart from the record, so that an edit made concurrently never undoes it.

export type NewResponsibility = Omit<ResponsibilityRecord, 'id'>

/** RF16: either party records a commitment, of its own agency or of the other. */
export function addResponsibility(
  doc: Y.Doc,
  draft: NewResponsibility,
  actor: Actor,
  opts: { id?: string } = {},
): ResponsibilityRecord {
  requireSide(doc, actor)
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'responsibility id')
  const store = map(doc, MAPS.responsibilities)
  if (store.has(id)) throw new ModelError('duplicate-id', `responsibility ${id} exists`)
  const record = cleanResponsibility(id, draft)
  store.set(id, record)
  return { ...record }
}

export function updateResponsibility(
  doc: Y.Doc,
  id: string,
  patch: Partial<NewResponsibility>,
  actor: Actor,
): ResponsibilityRecord {
  requireSide(doc, actor)
  const current = readResponsibilities(doc).find((r) => r.id === id)
  if (current === undefined) throw new ModelError('not-found', `responsibility ${id} not found`)
  // cleanResponsibility keeps only the record's fields: fulfilment stays in its own map.
  const next = cleanResponsibility(id, { ...current, ...patch })
  map(doc, MAPS.responsibilities).set(id, next)
  return { ...next }
}

export function removeResponsibility(doc: Y.Doc, id: string, actor: Actor): boolean {
  requireSide(doc, actor)
  const existed = map(doc, MAPS.responsibilities).has(id)
  doc.transact(() => {
    map(doc, MAPS.responsibilities).delete(id)
    map(doc, MAPS.fulfilments).delete(id)
  })
  return existed
}

/** RF16: the responsible agency marks its own commitment done. */
export function fulfilResponsibility(
  doc: Y.Doc,
  id: string,
  actor: Actor,
  opts: { now?: Date } = {},
): void {
  const current = readResponsibilities(doc).find((r) => r.id === id)
  if (current === undefined) throw new ModelError('not-found', `responsibility ${id} not found`)
  if (current.agencyId !== actor.agencyId) {
    throw new ModelError('wrong-side', 'only the responsible agency marks it done')
  }
  const at = (opts.now ?? new Date()).toISOString()
  map(doc, MAPS.fulfilments).set(id, { at, memberId: actor.memberId, agencyId: actor.agencyId })
}

/** Ordered by due date (undated last), then id, the same on every device. */
export function readResponsibilities(doc: Y.Doc): Responsibility[] {
  const fulfilments = map(doc, MAPS.fulfilments)
  const list: Responsibility[] = []
  map(doc, MAPS.responsibilities).forEach((raw, key) => {
    const record = parseResponsibility(raw, key)
    if (record === undefined) return
    const done = fulfilments.get(key)
    const fulfilled =
      isRecord(done) &&
      isIsoInstant(done.at) &&
      typeof done.memberId === 'string' &&
      typeof done.agencyId === 'string'
        ? { at: done.at, memberId: done.memberId, agencyId: done.agencyId }
        : undefined
    list.push(fulfilled ? { ...record, fulfilled } : record)
  })
  return list.sort(
    (a, b) =>
      compareCodeUnits(a.dueBy ?? '\uffff', b.dueBy ?? '\uffff') || compareCodeUnits(a.id, b.id),
  )
}

/** RF16: a party adds contact points for its own agency. */
export function addContactPoint(
  doc: Y.Doc,
  draft: Omit<ContactPoint, 'id' | 'agencyId'>,
  actor: Actor,
  opts: { id?: string } = {},
): ContactPoint {
  requireSide(doc, actor)
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'contact id')
  const phone = optionalText(draft.phone, 'invalid-value', 'phone')
  const email = optionalText(draft.email, 'invalid-value', 'email')
  const contact: ContactPoint = {
    id,
    agencyId: actor.agencyId,
    name: requireText(draft.name, 'invalid-name', 'contact name'),
    ...(phone !== undefined && { phone }),
    ...(email !== undefined && { email }),
  }
  if (map(doc, MAPS.contacts).has(id)) throw new ModelError('duplicate-id', `contact ${id} exists`)
  map(doc, MAPS.contacts).set(id, contact)
  return { ...contact }
}

export function removeContactPoint(doc: Y.Doc, id: string, actor: Actor): boolean {
  requireSide(doc, actor)
  const contact = readContactPoints(doc).find((c) => c.id === id)
  if (contact === undefined) return false
  if (contact.agencyId !== actor.agencyId) {
    throw new ModelError('wrong-side', "a party edits only its own agency's contact points")
  }
  map(doc, MAPS.contacts).delete(id)
  return true
}

export function readContactPoints(doc: Y.Doc): ContactPoint[] {
  const list: ContactPoint[] = []
  map(doc, MAPS.contacts).forEach((raw, key) => {
    if (!isRecord(raw) || raw.id !== key || typeof raw.agencyId !== 'string') return
    if (typeof raw.name !== 'string') return
    const { phone, email } = raw
    list.push({
      id: key,
      agencyId: raw.agencyId,
      name: raw.name,
      ...(typeof phone === 'string' && { phone }),
      ...(typeof email === 'string' && { email }),
    })
  })
  return list.sort(
    (a, b) => compareCodeUnits(a.agencyId, b.agencyId) || compareCodeUnits(a.id, b.id),
  )
}

function cleanResponsibility(id: string, draft: NewResponsibility): ResponsibilityRecord {
  const contact = optionalText(draft.contact, 'invalid-value', 'contact')
  return {
    id,
    agencyId: requireText(draft.agencyId, 'invalid-id', 'responsible agency id'),
    what: requireText(draft.what, 'invalid-value', 'what is promised'),
    ...(draft.dueBy !== undefined && { dueBy: requireDate(draft.dueBy, 'due date') }),
    ...(contact !== undefined && { contact }),
  }
}

function parseResponsibility(raw: unknown, key: string): ResponsibilityRecord | undefined {
  if (!isRecord(raw) || raw.id !== key || typeof raw.agencyId !== 'string') return
  if (typeof raw.what !== 'string') return
  const { dueBy, contact } = raw
  return {
    id: key,
    agencyId: raw.agencyId,
    what: raw.what,
    ...(typeof dueBy === 'string' && { dueBy }),
    ...(typeof contact === 'string' && { contact }),
  }
}
