import { canonicalJson } from './json.ts'
import type { Json } from './json.ts'
import { compareCodeUnits } from './order.ts'

// Decision fields (statuses, deadlines, who is responsible, agreed values) are multi-value
// registers: every assertion names the assertions it saw, nothing is ever overwritten, and
// two parties who decided differently without seeing each other both stay visible until a
// resolution that saw them both. Time only orders the display and never decides which value
// holds: device clocks lie. Pure functions over plain data; decision.ts stores them in Y.

export interface AssertionNote {
  rationale?: string
  mediationId?: string
}

export interface Assertion {
  id: string
  field: string
  value: Json
  memberId: string
  agencyId: string
  /** When the writer's device says it was made; for display only. */
  at: string
  /** Ids of the field's heads when this assertion was made: what it supersedes. */
  seen: string[]
  note?: AssertionNote
}

export type DecisionState =
  | { state: 'empty' }
  | { state: 'settled'; value: Json; by: Assertion; concurring: Assertion[] }
  | { state: 'disputed'; candidates: Assertion[] }

/** The assertions of one field that no other assertion saw, in display order. */
export function heads(assertions: readonly Assertion[]): Assertion[] {
  const seen = new Set(assertions.flatMap((a) => a.seen))
  return assertions.filter((a) => !seen.has(a.id)).sort(byTimeThenId)
}

/** The state of one field from its assertions, the same on every replica holding them. */
export function resolveDecision(assertions: readonly Assertion[]): DecisionState {
  const current = heads(assertions)
  const first = current[0]
  if (first === undefined) return { state: 'empty' }
  const value = canonicalJson(first.value)
  if (current.every((a) => canonicalJson(a.value) === value)) {
    return { state: 'settled', value: first.value, by: first, concurring: current }
  }
  return { state: 'disputed', candidates: current }
}

/** Display order, identical on every replica: device time, then id. */
export function byTimeThenId(a: Assertion, b: Assertion): number {
  return compareCodeUnits(a.at, b.at) || compareCodeUnits(a.id, b.id)
}
