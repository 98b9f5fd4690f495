import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  assertDecision,
  listAssertions,
  listDisputes,
  readDecision,
  resolveDispute,
} from '../../src/model/decision.ts'
import { prng, replicas, sync, syncAll } from './replicas.ts'

// Random offline/online runs: devices decide at random and meet at random, then all sync.
// A seed that ever fails stays in SEEDS for good.

const SEEDS = [1, 7, 42, 2024, 31337]
const FIELDS = ['status', 'deadline', 'responsible']
const VALUES = ['a', 'b', 'c']
const ACTORS = [
  { memberId: 'anna', agencyId: 'mops' },
  { memberId: 'bozena', agencyId: 'ngo' },
  { memberId: 'piotr', agencyId: 'police' },
  { memberId: 'sam', agencyId: 'mops' },
]

function run(seed: number) {
  const random = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const docs = replicas(4)
  const written: string[] = []
  let disputesSeen = 0
  for (let step = 0; step < 300; step++) {
    const doc = pick(docs)
    if (random() < 0.3) {
      sync(doc, pick(docs.filter((d) => d !== doc)))
      continue
    }
    const field = pick(FIELDS)
    const value = pick(VALUES)
    const actor = pick(ACTORS)
    const opts = { id: `s${seed}-${step}`, now: new Date(Date.UTC(2025, 0, 1, 0, 0, step)) }
    const disputed = readDecision(doc, field).state === 'disputed'
    if (disputed) disputesSeen++
    const made = disputed
      ? resolveDispute(doc, field, value, actor, { rationale: `step ${step}` }, opts)
      : assertDecision(doc, field, value, actor, opts)
    written.push(made.id)
    // D3: the writer sees its own decision at once, whatever it had not yet heard of.
    expect(readDecision(doc, field)).toMatchObject({ state: 'settled', by: made })
  }
  syncAll(docs)
  return { docs, written, disputesSeen }
}

describe('random offline/online runs', () => {
  it.each(SEEDS)('D8, D9: seed %i: all replicas agree and no assertion is lost', (seed) => {
    const { docs, written, disputesSeen } = run(seed)
    // The run must actually exercise disputes, or it proves nothing about them.
    expect(disputesSeen).toBeGreaterThan(0)
    const view = (doc: Y.Doc) => ({
      ids: listAssertions(doc).map((a) => a.id),
      decisions: FIELDS.map((field) => readDecision(doc, field)),
      disputes: listDisputes(doc),
    })
    const [first, ...others] = docs.map(view) as [
      ReturnType<typeof view>,
      ...ReturnType<typeof view>[],
    ]
    expect([...first.ids].sort()).toEqual([...written].sort())
    for (const other of others) expect(other).toEqual(first)
  })
})
