import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DOCUMENT_SCHEMA_VERSION,
  ensureStructure,
  genesisClientId,
  readMeta,
} from '../../src/model/document.ts'
import { ModelError } from '../../src/model/errors.ts'
import { DOCUMENT_KINDS } from '../../src/model/types.ts'
import { replicas, sync } from './replicas.ts'

// A plan-like genesis: three sections and a heading.
function buildPlan(doc: Y.Doc): void {
  const sections = doc.getArray<Y.Map<unknown>>('sections')
  for (const key of ['analysis', 'goals', 'actions']) {
    const section = new Y.Map<unknown>()
    section.set('key', key)
    sections.push([section])
  }
  doc.getText('heading').insert(0, 'Family plan')
}

const sectionKeys = (doc: Y.Doc) =>
  doc.getArray<Y.Map<unknown>>('sections').map((s) => s.get('key'))

describe('document envelope', () => {
  it('S1: two devices creating the same document offline end up with one structure', () => {
    for (const order of ['a-first', 'b-first'] as const) {
      const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
      expect(ensureStructure(a, 'plan', buildPlan)).toBe('created')
      expect(ensureStructure(b, 'plan', buildPlan)).toBe('created')
      const [from, to] = order === 'a-first' ? [a, b] : [b, a]
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from))
      Y.applyUpdate(from, Y.encodeStateAsUpdate(to))
      for (const doc of [a, b]) {
        expect(sectionKeys(doc)).toEqual(['analysis', 'goals', 'actions'])
        expect(doc.getText('heading').toString()).toBe('Family plan')
        expect(readMeta(doc)).toEqual({ kind: 'plan', schemaVersion: DOCUMENT_SCHEMA_VERSION })
      }
    }
  })

  it('S1: edits made on top of each genesis survive the merge', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    ensureStructure(a, 'plan', buildPlan)
    ensureStructure(b, 'plan', buildPlan)
    a.getText('heading').insert(11, ' of the K. family')
    b.getArray<Y.Map<unknown>>('sections').get(1).set('goal', 'stable housing')
    sync(a, b)
    for (const doc of [a, b]) {
      expect(doc.getText('heading').toString()).toBe('Family plan of the K. family')
      expect(doc.getArray<Y.Map<unknown>>('sections').get(1).get('goal')).toBe('stable housing')
      expect(sectionKeys(doc)).toHaveLength(3)
    }
  })

  it('S2: ensuring the structure again changes nothing', () => {
    const doc = new Y.Doc()
    ensureStructure(doc, 'plan', buildPlan)
    const before = Y.encodeStateAsUpdate(doc)
    let built = 0
    expect(ensureStructure(doc, 'plan', () => built++)).toBe('existing')
    expect(built).toBe(0)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('S3: a document of another kind or of a newer schema is refused', () => {
    const doc = new Y.Doc()
    ensureStructure(doc, 'plan', buildPlan)
    expect(() => ensureStructure(doc, 'referral', () => {})).toThrow(
      expect.objectContaining({ code: 'kind-mismatch' }),
    )
    doc.getMap('meta').set('schemaVersion', DOCUMENT_SCHEMA_VERSION + 1)
    expect(() => ensureStructure(doc, 'plan', buildPlan)).toThrow(ModelError)
    expect(() => ensureStructure(doc, 'plan', buildPlan)).toThrow(
      expect.objectContaining({ code: 'schema-too-new' }),
    )
  })

  it('S4: genesis client ids differ across kinds and schema versions', () => {
    const ids = DOCUMENT_KINDS.flatMap((kind) => [1, 2, 3].map((v) => genesisClientId(kind, v)))
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toBe(id >>> 0)
  })

  it('why: creating the structure naively on two offline devices duplicates it', () => {
    // What ensureStructure avoids: each device checks "is it empty?" and builds its own copy,
    // with its own client id, so the merge keeps both copies.
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    for (const doc of [a, b]) {
      if (doc.getArray('sections').length === 0) buildPlan(doc)
    }
    sync(a, b)
    expect(sectionKeys(a)).toHaveLength(6)
    expect(a.getText('heading').toString()).toHaveLength('Family plan'.length * 2)
  })

  it('why: a nested Y type created under the same map key on two devices loses one', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    for (const [doc, goal] of [
      [a, 'from a'],
      [b, 'from b'],
    ] as const) {
      const goals = new Y.Array<string>()
      doc.getMap('plan').set('goals', goals)
      goals.push([goal])
    }
    sync(a, b)
    const merged = (a.getMap('plan').get('goals') as Y.Array<string>).toArray()
    expect(merged).toHaveLength(1)
    expect((b.getMap('plan').get('goals') as Y.Array<string>).toArray()).toEqual(merged)
  })
})
