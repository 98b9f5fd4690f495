import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import type { WorkspacePart } from '../../src/model/workspace.ts'
import {
  getAgency,
  getMember,
  listAgencies,
  listMembers,
  observeWorkspace,
  removeAgency,
  removeMember,
  upsertAgency,
  upsertMember,
} from '../../src/model/workspace.ts'
import { replicas, sync } from './replicas.ts'

const mops = { id: 'mops', name: 'MOPS Kraków', type: 'social-service' } as const
const ngo = { id: 'ngo', name: 'Fundacja Dom', type: 'ngo' } as const
const anna = { id: 'anna', displayName: 'Anna', agencyId: 'mops', role: 'field-worker' } as const

function codeOf(write: () => unknown): string | undefined {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

describe('workspace', () => {
  it('W1: stores agencies and refuses unknown types and empty names with a code', () => {
    const doc = new Y.Doc()
    upsertAgency(doc, ngo)
    upsertAgency(doc, mops)
    expect(listAgencies(doc).map((a) => a.id)).toEqual(['ngo', 'mops'])
    expect(getAgency(doc, 'mops')).toEqual(mops)
    expect(codeOf(() => upsertAgency(doc, { ...mops, type: 'church' as never }))).toBe(
      'invalid-agency-type',
    )
    expect(codeOf(() => upsertAgency(doc, { ...mops, name: '  ' }))).toBe('invalid-name')
    expect(codeOf(() => upsertAgency(doc, { ...mops, id: '' }))).toBe('invalid-id')
    expect(getAgency(doc, 'mops')).toEqual(mops)
  })

  it('W1: an upsert replaces the agency under the same id', () => {
    const doc = new Y.Doc()
    upsertAgency(doc, mops)
    upsertAgency(doc, { ...mops, name: 'MOPS Łódź' })
    expect(listAgencies(doc)).toEqual([{ ...mops, name: 'MOPS Łódź' }])
  })

  it('W2: members need a valid role and an existing agency', () => {
    const doc = new Y.Doc()
    expect(codeOf(() => upsertMember(doc, anna))).toBe('unknown-agency')
    upsertAgency(doc, mops)
    expect(codeOf(() => upsertMember(doc, { ...anna, role: 'admin' as never }))).toBe(
      'invalid-role',
    )
    expect(codeOf(() => upsertMember(doc, { ...anna, displayName: '' }))).toBe('invalid-name')
    upsertMember(doc, anna)
    expect(getMember(doc, 'anna')).toEqual(anna)
  })

  it('W2: lists members by name, optionally of one agency', () => {
    const doc = new Y.Doc()
    upsertAgency(doc, mops)
    upsertAgency(doc, ngo)
    upsertMember(doc, anna)
    upsertMember(doc, { id: 'bo', displayName: 'Bożena', agencyId: 'ngo', role: 'coordinator' })
    upsertMember(doc, { id: 'ad', displayName: 'Adam', agencyId: 'mops', role: 'supervisor' })
    expect(listMembers(doc).map((m) => m.id)).toEqual(['ad', 'anna', 'bo'])
    expect(listMembers(doc, 'ngo').map((m) => m.id)).toEqual(['bo'])
  })

  it('W3: an agency with members cannot be removed; without them it can', () => {
    const doc = new Y.Doc()
    upsertAgency(doc, mops)
    upsertMember(doc, anna)
    expect(codeOf(() => removeAgency(doc, 'mops'))).toBe('agency-has-members')
    expect(removeMember(doc, 'anna')).toBe(true)
    expect(removeMember(doc, 'anna')).toBe(false)
    expect(removeAgency(doc, 'mops')).toBe(true)
    expect(listAgencies(doc)).toEqual([])
  })

  it('W4: agencies and members added concurrently on two devices are all kept', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    upsertAgency(a, mops)
    upsertMember(a, anna)
    upsertAgency(b, ngo)
    upsertMember(b, { id: 'bo', displayName: 'Bożena', agencyId: 'ngo', role: 'coordinator' })
    sync(a, b)
    for (const doc of [a, b]) {
      expect(listAgencies(doc).map((x) => x.id)).toEqual(['ngo', 'mops'])
      expect(listMembers(doc).map((x) => x.id)).toEqual(['anna', 'bo'])
    }
  })

  it('W4: one agency edited concurrently converges to one whole version everywhere', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    upsertAgency(a, mops)
    sync(a, b)
    upsertAgency(a, { ...mops, name: 'MOPS Kraków-Nowa Huta' })
    upsertAgency(b, { ...mops, type: 'state-body' })
    sync(a, b)
    const winner = getAgency(a, 'mops')
    expect(getAgency(b, 'mops')).toEqual(winner)
    expect([
      { ...mops, name: 'MOPS Kraków-Nowa Huta' },
      { ...mops, type: 'state-body' },
    ]).toContainEqual(winner)
  })

  it('W5: returned objects are copies and malformed stored values are skipped', () => {
    const doc = new Y.Doc()
    upsertAgency(doc, mops)
    const read = getAgency(doc, 'mops')
    if (read) read.name = 'changed'
    expect(getAgency(doc, 'mops')?.name).toBe(mops.name)
    doc.getMap('agencies').set('bad', { id: 'bad', name: 'X', type: 'unknown' })
    expect(getAgency(doc, 'bad')).toBeUndefined()
    expect(listAgencies(doc)).toEqual([mops])
  })

  it('W6: notifies once per transaction, for local and remote changes, until unsubscribed', () => {
    const [a, b] = replicas(2) as [Y.Doc, Y.Doc]
    const seen: WorkspacePart[][] = []
    const unsubscribe = observeWorkspace(a, (changed) => seen.push([...changed].sort()))
    a.transact(() => {
      upsertAgency(a, mops)
      upsertMember(a, anna)
    })
    a.getMap('unrelated').set('x', 1)
    upsertAgency(b, ngo)
    b.getMap('index').set('doc1', {})
    sync(a, b)
    expect(seen).toEqual([
      ['agencies', 'members'],
      ['agencies', 'index'],
    ])
    unsubscribe()
    upsertAgency(a, { ...ngo, name: 'Fundacja' })
    expect(seen).toHaveLength(2)
  })
})
