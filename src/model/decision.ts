import type * as Y from 'yjs'
import { ModelError } from './errors.ts'
import { randomId } from './ids.ts'
import { isJson } from './json.ts'
import type { Json } from './json.ts'
import { observeTopLevelMaps } from './observe.ts'
import { compareCodeUnits } from './order.ts'
import { byTimeThenId, heads, resolveDecision } from './register.ts'
import type { Assertion, AssertionNote, DecisionState } from './register.ts'
import type { Actor } from './types.ts'
import { isIsoInstant, isRecord, isStringArray, requireText } from './validate.ts'

// Decision fields in a document: the multi-value registers of register.ts, stored so that
// concurrent assertions never collide, with the writes and reads the UI calls.

export { heads, resolveDecision }
export type { Assertion, AssertionNote, DecisionState }

export interface Dispute {
  field: string
  candidates: Assertion[]
}

// All assertions of all fields of a document, flat under their own random ids: concurrent
// assertions never write the same key, so Yjs has nothing to pick between.
const store = (doc: Y.Doc): Y.Map<unknown> => doc.getMap('assertions')

export interface AssertOptions {
  now?: Date
  id?: string
  note?: AssertionNote
}

/** Asserts a value over the field's current heads; refused while the field is disputed. */
export function assertDecision(
  doc: Y.Doc,
  field: string,
  value: Json,
  actor: Actor,
  opts: AssertOptions = {},
): Assertion {
  if (readDecision(doc, field).state === 'disputed') {
    throw new ModelError('field-disputed', `${field} is disputed; resolve the dispute instead`)
  }
  return writeAssertion(doc, field, value, actor, opts)
}

/** Settles a disputed field; the rationale is required because it is the record's why. */
export function resolveDispute(
  doc: Y.Doc,
  field: string,
  value: Json,
  actor: Actor,
  note: { rationale: string; mediationId?: string },
  opts: { now?: Date; id?: string } = {},
): Assertion {
  requireText(note.rationale, 'rationale-required', 'resolution rationale')
  if (readDecision(doc, field).state !== 'disputed') {
    throw new ModelError('not-disputed', `${field} is not disputed`)
  }
  return writeAssertion(doc, field, value, actor, { ...opts, note })
}

export function readDecision(doc: Y.Doc, field: string): DecisionState {
  return resolveDecision(listAssertions(doc, field))
}

/** Every assertion (of one field, if given) oldest first: the field's decision record. */
export function listAssertions(doc: Y.Doc, field?: string): Assertion[] {
  const all: Assertion[] = []
  store(doc).forEach((raw, key) => {
    const assertion = parseAssertion(raw, key)
    if (assertion && (field === undefined || assertion.field === field)) all.push(assertion)
  })
  return all.sort(byTimeThenId)
}

/** Every disputed field with its candidates, by field name. */
export function listDisputes(doc: Y.Doc): Dispute[] {
  const byField = new Map<string, Assertion[]>()
  for (const a of listAssertions(doc)) {
    const group = byField.get(a.field)
    if (group) group.push(a)
    else byField.set(a.field, [a])
  }
  const disputes: Dispute[] = []
  for (const [field, assertions] of byField) {
    const decision = resolveDecision(assertions)
    if (decision.state === 'disputed') disputes.push({ field, candidates: decision.candidates })
  }
  return disputes.sort((a, b) => compareCodeUnits(a.field, b.field))
}

/** Calls back once per transaction that added assertions (local or remote). */
export function observeDecisions(doc: Y.Doc, onChange: () => void): () => void {
  return observeTopLevelMaps(doc, ['assertions'], onChange)
}

function writeAssertion(
  doc: Y.Doc,
  field: string,
  value: Json,
  actor: Actor,
  opts: AssertOptions,
): Assertion {
  requireText(field, 'invalid-field', 'decision field')
  if (!isJson(value)) throw new ModelError('invalid-value', `${field} value must be plain JSON`)
  const id = requireText(opts.id ?? randomId(), 'invalid-id', 'assertion id')
  const note = cleanNote(opts.note)
  const assertion: Assertion = {
    id,
    field,
    value: structuredClone(value),
    memberId: requireText(actor.memberId, 'invalid-id', 'member id'),
    agencyId: requireText(actor.agencyId, 'invalid-id', 'agency id'),
    at: (opts.now ?? new Date()).toISOString(),
    seen: [],
    ...(note && { note }),
  }
  doc.transact(() => {
    // Ids are never reused: overwriting an assertion would silently drop a decision.
    if (store(doc).has(id)) throw new ModelError('duplicate-id', `assertion ${id} exists`)
    assertion.seen = heads(listAssertions(doc, field)).map((a) => a.id)
    store(doc).set(id, assertion)
  })
  return structuredClone(assertion)
}

function cleanNote(note: AssertionNote | undefined): AssertionNote | undefined {
  if (note === undefined) return undefined
  const clean: AssertionNote = {}
  for (const key of ['rationale', 'mediationId'] as const) {
    const text = note[key]
    if (text === undefined) continue
    clean[key] = requireText(text, 'invalid-note', `note ${key}`)
  }
  return clean
}

// Reads return fresh objects (stored values are shared with Yjs) and skip malformed ones.
export function parseAssertion(raw: unknown, key: string): Assertion | undefined {
  if (!isRecord(raw) || raw.id !== key || typeof raw.field !== 'string') return
  if (typeof raw.memberId !== 'string' || typeof raw.agencyId !== 'string') return
  if (!isIsoInstant(raw.at) || !isStringArray(raw.seen) || !isJson(raw.value)) return
  const note = parseNote(raw.note)
  if (note === null) return
  const { field, value, memberId, agencyId, at, seen } = raw
  const assertion: Assertion = {
    id: key,
    field,
    value,
    memberId,
    agencyId,
    at,
    seen,
    ...(note && { note }),
  }
  return structuredClone(assertion)
}

/** undefined when absent, null when malformed. */
function parseNote(raw: unknown): AssertionNote | undefined | null {
  if (raw === undefined) return undefined
  if (!isRecord(raw)) return null
  const { rationale, mediationId } = raw
  if (rationale !== undefined && typeof rationale !== 'string') return null
  if (mediationId !== undefined && typeof mediationId !== 'string') return null
  return {
    ...(rationale !== undefined && { rationale }),
    ...(mediationId !== undefined && { mediationId }),
  }
}
