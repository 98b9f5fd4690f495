import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { detail, insertRecord, planMap, PLAN_MAPS, readParticipants } from './plan-store.ts'
import { requireParty } from './plan-store.ts'
import { requireParticipant } from './plan-values.ts'
import type { Participant } from './plan-vocab.ts'
import type { Actor } from './types.ts'

// The people of the plan: family members by pseudonymous code and role in the family,
// professionals by agency, member and role, one or more of them facilitating. Records converge
// per W4; adding a professional of another agency makes that agency a party (FP2).

export type NewParticipant =
  | Omit<Extract<Participant, { kind: 'family' }>, 'id'>
  | (Omit<Extract<Participant, { kind: 'professional' }>, 'id' | 'facilitator'> & {
      facilitator?: boolean
    })

/**
 * FP5: the lead agency adds anyone; another party adds only professionals of its own agency
 * (`wrong-side`). Linking a family member to a workspace member is the lead agency's (FP15).
 */
export function addParticipant(
  doc: Y.Doc,
  draft: NewParticipant,
  actor: Actor,
  opts: { id?: string } = {},
): Participant {
  const { lead } = requireParty(doc, actor)
  return insertRecord(
    doc,
    PLAN_MAPS.participants,
    (id) => {
      const participant = requireParticipant(id, { ...draft, id } as Participant)
      requireMayEdit(participant, lead, actor)
      return participant
    },
    opts.id,
  )
}

export function updateParticipant(
  doc: Y.Doc,
  id: string,
  patch: Partial<NewParticipant>,
  actor: Actor,
): Participant {
  const { lead } = requireParty(doc, actor)
  const current = readParticipants(doc).find((p) => p.id === id)
  if (current === undefined) throw new ModelError('not-found', `participant ${id} not found`)
  requireMayEdit(current, lead, actor)
  const next = requireParticipant(id, { ...current, ...patch } as Participant)
  if (next.kind !== current.kind) {
    throw new ModelError('invalid-participant', 'a participant stays family or professional')
  }
  requireMayEdit(next, lead, actor)
  planMap(doc, PLAN_MAPS.participants).set(id, next)
  return { ...next }
}

/** Removes a participant; the family's representative stops being one. */
export function removeParticipant(doc: Y.Doc, id: string, actor: Actor): boolean {
  const { lead } = requireParty(doc, actor)
  const current = readParticipants(doc).find((p) => p.id === id)
  if (current === undefined) return false
  requireMayEdit(current, lead, actor)
  doc.transact(() => {
    planMap(doc, PLAN_MAPS.participants).delete(id)
    if (detail(doc, 'representative') === id)
      planMap(doc, PLAN_MAPS.plan).set('representative', null)
  })
  return true
}

function requireMayEdit(p: Participant, lead: boolean, actor: Actor): void {
  if (lead) return
  if (p.kind !== 'professional' || p.agencyId !== actor.agencyId) {
    throw new ModelError('wrong-side', 'a partner agency manages only its own professionals')
  }
}
