import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ensureStructure, readMeta } from '../../src/model/document.ts'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral, isDraft, setTerms, updateReferral } from '../../src/model/referral.ts'
import {
  addContactPoint,
  addResponsibility,
  fulfilResponsibility,
  removeContactPoint,
  removeResponsibility,
  updateResponsibility,
} from '../../src/model/referral-commitments.ts'
import { hasReferral, observeReferral, readReferral } from '../../src/model/referral-read.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { sync } from './replicas.ts'

const referrer = { memberId: 'anna', agencyId: 'mops' }
const receiver = { memberId: 'bozena', agencyId: 'ngo' }
const outsider = { memberId: 'piotr', agencyId: 'police' }
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute))
const person = { kind: 'family', code: 'R-2026-014' } as const

function newReferral(): Y.Doc {
  const doc = new Y.Doc()
  createReferral(
    doc,
    {
      id: 'ref-1',
      receivingAgencyId: 'ngo',
      service: { id: 'debt-advice', name: 'Debt advice' },
      person,
      urgency: 'urgent',
      respondBy: '2026-03-08',
      completeBy: '2026-05-31',
      reason: 'Rent arrears',
      request: 'Debt counselling',
    },
    referrer,
    { now: at(0) },
  )
  return doc
}

const code = (write: () => unknown): string | undefined => {
  try {
    write()
  } catch (error) {
    if (error instanceof ModelError) return error.code
    throw error
  }
  return undefined
}

describe('creating a referral', () => {
  it('RF1/RF22: the creator’s agency refers; the read model holds everything a screen needs', () => {
    const doc = newReferral()
    expect(readMeta(doc)).toEqual({ kind: 'referral', schemaVersion: 1 })
    expect(hasReferral(doc)).toBe(true)
    const referral = readReferral(doc, at(1))
    expect(referral).toMatchObject({
      id: 'ref-1',
      createdAt: at(0).toISOString(),
      createdBy: 'anna',
      parties: { referringAgencyId: 'mops', referringMemberId: 'anna', receivingAgencyId: 'ngo' },
      service: { id: 'debt-advice', name: 'Debt advice' },
      person,
      reason: 'Rent arrears',
      request: 'Debt counselling',
      urgency: { state: 'settled', value: 'urgent' },
      respondBy: { state: 'settled', value: '2026-03-08' },
      completeBy: { state: 'settled', value: '2026-05-31' },
      status: { state: 'settled', value: { status: 'draft' } },
      legalBasis: { state: 'empty' },
      outcome: { state: 'empty' },
      consents: [],
      disputedFields: [],
      readAt: at(1).toISOString(),
    })
    // A fresh copy: changing it changes nothing in the document.
    referral.parties.receivingAgencyId = 'police'
    expect(readReferral(doc).parties.receivingAgencyId).toBe('ngo')
  })

  it('RF1/RF8: an agency cannot refer to itself, and a person is a code, never a name', () => {
    const doc = new Y.Doc()
    const draft = { receivingAgencyId: 'ngo', person }
    expect(code(() => createReferral(doc, { ...draft, receivingAgencyId: 'mops' }, referrer))).toBe(
      'invalid-party',
    )
    for (const bad of ['Jan Kowalski', 'Kowalski', '', 'R 2026 014']) {
      expect(
        code(() =>
          createReferral(doc, { ...draft, person: { kind: 'person', code: bad } }, referrer),
        ),
      ).toBe('invalid-person-code')
    }
    expect(code(() => createReferral(doc, { ...draft, respondBy: '2026-02-30' }, referrer))).toBe(
      'invalid-date',
    )
    expect(code(() => createReferral(doc, { ...draft, urgency: 'now' as 'stat' }, referrer))).toBe(
      'invalid-urgency',
    )
    expect(hasReferral(doc)).toBe(false)
    expect(code(() => readReferral(doc))).toBe('not-found')
    createReferral(doc, draft, referrer)
    expect(code(() => createReferral(doc, draft, referrer))).toBe('duplicate-id')
  })

  it('S3: a referral cannot be created in a document of another kind', () => {
    const doc = new Y.Doc()
    ensureStructure(doc, 'plan', () => {})
    expect(code(() => createReferral(doc, { receivingAgencyId: 'ngo', person }, referrer))).toBe(
      'kind-mismatch',
    )
  })
})

describe('changing a referral', () => {
  it('RF7: receiver and person change only in a draft, by the referrer; either party names the service', () => {
    const doc = newReferral()
    expect(code(() => updateReferral(doc, { receivingAgencyId: 'school' }, receiver))).toBe(
      'wrong-side',
    )
    updateReferral(doc, { receivingAgencyId: 'school', referringMemberId: 'adam' }, referrer)
    expect(readReferral(doc).parties).toEqual({
      referringAgencyId: 'mops',
      referringMemberId: 'adam',
      receivingAgencyId: 'school',
    })
    updateReferral(doc, { receivingAgencyId: 'ngo' }, referrer)
    setStatus(doc, 'requested', referrer)
    expect(isDraft(doc)).toBe(false)
    expect(
      code(() => updateReferral(doc, { person: { kind: 'person', code: 'R-1' } }, referrer)),
    ).toBe('not-draft')
    updateReferral(doc, { service: { name: 'Budget coaching' } }, receiver)
    expect(readReferral(doc).service).toEqual({ name: 'Budget coaching' })
    updateReferral(doc, { service: null }, referrer)
    expect(readReferral(doc).service).toBeNull()
    expect(code(() => updateReferral(doc, { service: { name: 'x' } }, outsider))).toBe(
      'not-a-party',
    )
  })

  it('RF6: either party amends the terms; the same value adds no history', () => {
    const doc = newReferral()
    setTerms(doc, { urgency: 'urgent', completeBy: '2026-06-30' }, receiver, { now: at(1) })
    setTerms(doc, { respondBy: null }, referrer, { now: at(2) })
    const referral = readReferral(doc)
    expect(referral.urgency).toMatchObject({ by: { memberId: 'anna', at: at(0).toISOString() } })
    expect(referral.completeBy).toMatchObject({ value: '2026-06-30', by: { memberId: 'bozena' } })
    expect(referral.respondBy).toMatchObject({ state: 'settled', value: null })
    expect(code(() => setTerms(doc, { urgency: 'whenever' as 'stat' }, referrer))).toBe(
      'invalid-urgency',
    )
    expect(code(() => setTerms(doc, { completeBy: '2026-13-01' }, receiver))).toBe('invalid-date')
  })

  it('RF16: commitments of each party, fulfilled only by the responsible agency', () => {
    const doc = newReferral()
    addResponsibility(
      doc,
      { agencyId: 'ngo', what: 'First meeting', dueBy: '2026-03-15' },
      referrer,
      {
        id: 'r1',
      },
    )
    addResponsibility(
      doc,
      { agencyId: 'mops', what: 'Send the file', contact: 'Anna, ext. 12' },
      receiver,
      {
        id: 'r2',
      },
    )
    expect(code(() => fulfilResponsibility(doc, 'r1', referrer))).toBe('wrong-side')
    fulfilResponsibility(doc, 'r1', receiver, { now: at(5) })
    updateResponsibility(doc, 'r1', { dueBy: '2026-03-16' }, referrer)
    const [r1, r2] = readReferral(doc).responsibilities
    expect(r1).toEqual({
      id: 'r1',
      agencyId: 'ngo',
      what: 'First meeting',
      dueBy: '2026-03-16',
      fulfilled: { at: at(5).toISOString(), memberId: 'bozena', agencyId: 'ngo' },
    })
    expect(r2).toEqual({
      id: 'r2',
      agencyId: 'mops',
      what: 'Send the file',
      contact: 'Anna, ext. 12',
    })
    expect(code(() => addResponsibility(doc, { agencyId: 'ngo', what: ' ' }, referrer))).toBe(
      'invalid-value',
    )
    expect(removeResponsibility(doc, 'r2', receiver)).toBe(true)
    expect(readReferral(doc).responsibilities.map((r) => r.id)).toEqual(['r1'])
  })

  it('RF16 (W4): commitments added on two devices offline are all kept', () => {
    const a = newReferral()
    const b = new Y.Doc()
    sync(a, b)
    addResponsibility(a, { agencyId: 'ngo', what: 'Call the family' }, referrer)
    addResponsibility(b, { agencyId: 'mops', what: 'Housing benefit form' }, receiver)
    sync(a, b)
    expect(readReferral(a).responsibilities).toHaveLength(2)
    expect(readReferral(b).responsibilities).toEqual(readReferral(a).responsibilities)
  })

  it('RF16: each party keeps its own contact points', () => {
    const doc = newReferral()
    const mine = addContactPoint(doc, { name: 'Anna Nowak', phone: '+48 42 000 00 00' }, referrer)
    addContactPoint(doc, { name: 'NGO desk', email: 'desk@ngo.example' }, receiver)
    expect(code(() => removeContactPoint(doc, mine.id, receiver))).toBe('wrong-side')
    expect(readReferral(doc).contacts.map((c) => [c.agencyId, c.name])).toEqual([
      ['mops', 'Anna Nowak'],
      ['ngo', 'NGO desk'],
    ])
    expect(removeContactPoint(doc, mine.id, referrer)).toBe(true)
    expect(readReferral(doc).contacts).toHaveLength(1)
  })
})

describe('observing a referral', () => {
  it('RF22: one callback per transaction, local or remote, including text edits; none after unsubscribing', () => {
    const a = newReferral()
    const b = new Y.Doc()
    sync(a, b)
    let calls = 0
    const stop = observeReferral(a, () => calls++)
    setStatus(a, 'requested', referrer)
    expect(calls).toBe(1)
    const remote = new Y.Doc()
    sync(b, remote)
    remote.transact(() => {
      remote.getMap<Y.Text>('text').get('request')?.insert(0, 'Urgent: ')
    })
    sync(a, remote)
    expect(calls).toBe(2)
    expect(readReferral(a).request).toBe('Urgent: Debt counselling')
    a.getMap('unrelated').set('x', 1)
    expect(calls).toBe(2)
    stop()
    setStatus(a, 'cancelled', referrer, 'Sent by mistake')
    expect(calls).toBe(2)
  })
})
