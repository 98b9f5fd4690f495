import { R4 } from '@ahryman40k/ts-fhir-types'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral } from '../../src/model/referral.ts'
import {
  recordConsent,
  setDataSharing,
  setLegalBasis,
  withdrawConsent,
} from '../../src/model/referral-consent.ts'
import { toFhir, toFhirResources } from '../../src/model/referral-fhir.ts'
import { setIdentifyingDetails } from '../../src/model/referral-identity.ts'
import { recordOutcome } from '../../src/model/referral-outcome.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import { REFERRAL_STATUSES } from '../../src/model/referral-status.ts'
import type { ReferralStatus } from '../../src/model/referral-status.ts'
import { setStatus } from '../../src/model/referral-workflow.ts'
import { sync } from './replicas.ts'

const referrer = { memberId: 'anna', agencyId: 'mops_lodz' }
const receiver = { memberId: 'bozena', agencyId: 'ngo' }
const now = new Date('2026-03-10T12:00:00Z')
const identity = {
  name: 'Jan Kowalski',
  dateOfBirth: '1990-05-17',
  address: 'ul. Polna 3, Łódź',
  phone: '+48 600 100 200',
}

const PATH: Record<ReferralStatus, ReferralStatus[]> = {
  draft: [],
  requested: ['requested'],
  accepted: ['requested', 'accepted'],
  rejected: ['requested', 'rejected'],
  'in-progress': ['requested', 'accepted', 'in-progress'],
  'on-hold': ['requested', 'accepted', 'on-hold'],
  completed: ['requested', 'accepted', 'in-progress', 'completed'],
  failed: ['requested', 'accepted', 'failed'],
  cancelled: ['cancelled'],
  'entered-in-error': ['entered-in-error'],
}

function referral(status: ReferralStatus): Y.Doc {
  const doc = new Y.Doc()
  createReferral(
    doc,
    {
      id: 'ref_2026_014',
      receivingAgencyId: 'ngo',
      service: { id: 'debt-advice', name: 'Debt advice' },
      person: { kind: 'family', code: 'R-2026-014' },
      urgency: 'asap',
      respondBy: '2026-03-08',
      completeBy: '2026-05-31',
      reason: 'Rent arrears',
      request: 'Debt counselling',
    },
    referrer,
    { now: new Date('2026-03-01T09:00:00Z') },
  )
  for (const s of PATH[status]) {
    const actor = ['requested', 'cancelled', 'entered-in-error'].includes(s) ? referrer : receiver
    setStatus(doc, s, actor, `reason for ${s}`)
  }
  return doc
}

/** A completed referral with consent, legal basis, sharing, identity and outcome. */
function fullReferral(): Y.Doc {
  const doc = referral('completed')
  setLegalBasis(doc, { basis: 'consent' }, referrer)
  recordConsent(
    doc,
    {
      givenBy: { code: 'P1', role: 'mother' },
      givenAt: new Date('2026-03-01T08:00:00Z'),
      scope: ['service', 'share-identity'],
      expiresOn: '2026-12-31',
    },
    referrer,
    { id: 'c1' },
  )
  setDataSharing(doc, 'ngo', ['contact', 'financial'], referrer)
  setIdentifyingDetails(doc, identity, referrer, { now })
  recordOutcome(doc, { code: 'achieved', note: 'Repayment plan signed' }, receiver)
  return doc
}

const valid = (codec: { decode: (x: unknown) => { _tag: string } }, x: unknown) =>
  codec.decode(x)._tag

describe('FHIR R4 export', () => {
  it('RF25: the bundle and each resource validate against the R4 codecs', () => {
    const bundle = toFhir(readReferral(fullReferral(), now), {
      now,
      baseUrl: 'https://x.test/fhir/',
    })
    expect(valid(R4.RTTI_Bundle, bundle)).toBe('Right')
    expect(bundle.type).toBe('collection')
    const resources = (bundle.entry ?? []).map((e) => e.resource)
    expect(resources.map((r) => r?.resourceType)).toEqual(['ServiceRequest', 'Task', 'Consent'])
    const [sr, task, consent] = resources
    expect(valid(R4.RTTI_ServiceRequest, sr)).toBe('Right')
    expect(valid(R4.RTTI_Task, task)).toBe('Right')
    expect(valid(R4.RTTI_Consent, consent)).toBe('Right')
    expect(bundle.entry?.[1]?.fullUrl).toBe(`https://x.test/fhir/Task/${task?.id}`)
  })

  it('RF25: the check can fail: broken resources are Left', () => {
    const { serviceRequest, task, consents } = toFhirResources(readReferral(fullReferral(), now))
    const noSubject: Record<string, unknown> = { ...serviceRequest }
    delete noSubject.subject
    expect(valid(R4.RTTI_ServiceRequest, noSubject)).toBe('Left')
    expect(valid(R4.RTTI_Task, { ...task, status: 'finished' })).toBe('Left')
    expect(valid(R4.RTTI_Task, { ...task, authoredOn: '1 March 2026' })).toBe('Left')
    const noScope: Record<string, unknown> = { ...consents[0] }
    delete noScope.scope
    expect(valid(R4.RTTI_Consent, noScope)).toBe('Left')
    expect(valid(R4.RTTI_Bundle, { resourceType: 'Bundle', type: 'pile' })).toBe('Left')
    // The bundle's codec checks the resources inside it too.
    const bundle = toFhir(readReferral(fullReferral(), now))
    const broken = { ...bundle, entry: [{ resource: { ...task, status: 'finished' } }] }
    expect(valid(R4.RTTI_Bundle, broken)).toBe('Left')
  })

  it('RF25: Task and ServiceRequest carry status, intent, priority, focus, parties and outcome', () => {
    const { serviceRequest, task } = toFhirResources(readReferral(fullReferral(), now))
    expect(serviceRequest).toMatchObject({
      status: 'completed',
      intent: 'order',
      priority: 'asap',
      requester: { reference: 'Organization/mops-lodz', identifier: { value: 'mops_lodz' } },
      performer: [{ reference: 'Organization/ngo', type: 'Organization' }],
      code: { coding: [{ code: 'debt-advice' }], text: 'Debt advice' },
      reasonCode: [{ text: 'Rent arrears' }],
      orderDetail: [{ text: 'Debt counselling' }],
    })
    expect(task).toMatchObject({
      status: 'completed',
      intent: 'order',
      priority: 'asap',
      focus: { reference: `ServiceRequest/${serviceRequest.id}` },
      owner: { reference: 'Organization/ngo' },
      statusReason: { text: 'reason for completed' },
      restriction: { period: { end: '2026-05-31' } },
      output: [
        {
          valueCodeableConcept: { coding: [{ code: 'achieved' }], text: 'Repayment plan signed' },
        },
      ],
    })
  })

  it.each(REFERRAL_STATUSES)('RF25: status %s maps onto Task and ServiceRequest', (status) => {
    const expected: Record<ReferralStatus, string> = {
      draft: 'draft',
      requested: 'active',
      accepted: 'active',
      'in-progress': 'active',
      'on-hold': 'on-hold',
      completed: 'completed',
      cancelled: 'revoked',
      rejected: 'revoked',
      failed: 'revoked',
      'entered-in-error': 'entered-in-error',
    }
    const { serviceRequest, task } = toFhirResources(readReferral(referral(status), now))
    expect(task.status).toBe(status)
    expect(serviceRequest.status).toBe(expected[status])
    expect(valid(R4.RTTI_Task, task)).toBe('Right')
    expect(valid(R4.RTTI_ServiceRequest, serviceRequest)).toBe('Right')
  })

  it('RF26: the person is only the pseudonymous code; identifying details never leave', () => {
    const bundle = toFhir(readReferral(fullReferral(), now), { now })
    const json = JSON.stringify(bundle)
    for (const value of Object.values(identity)) expect(json).not.toContain(value)
    expect(json).not.toContain('Kowalski')
    const { serviceRequest } = toFhirResources(readReferral(fullReferral(), now))
    expect(serviceRequest.subject).toEqual({
      type: 'Group',
      identifier: { system: 'urn:mosty:person-code', value: 'R-2026-014' },
    })
    const bare = JSON.stringify(toFhir(readReferral(fullReferral(), now), { includeText: false }))
    for (const text of ['Rent arrears', 'Debt counselling', 'Repayment plan']) {
      expect(bare).not.toContain(text)
    }
  })

  it('RF27: Consent has scope, category, patient, time, expiry, basis and shared categories', () => {
    const doc = fullReferral()
    const [consent] = toFhirResources(readReferral(doc, now)).consents
    expect(consent).toMatchObject({
      status: 'active',
      scope: { coding: [{ code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { identifier: { value: 'R-2026-014' } },
      dateTime: '2026-03-01T08:00:00.000Z',
      policyRule: { coding: [{ code: 'consent' }] },
      provision: {
        type: 'permit',
        period: { start: '2026-03-01T08:00:00.000Z', end: '2026-12-31' },
        provision: [
          {
            actor: [{ reference: { reference: 'Organization/ngo' } }],
            code: [{ coding: [{ code: 'contact' }] }, { coding: [{ code: 'financial' }] }],
          },
        ],
      },
    })
    withdrawConsent(doc, 'c1', { reason: 'Withdrawn' }, receiver)
    const [withdrawn] = toFhirResources(readReferral(doc, now)).consents
    expect(withdrawn?.status).toBe('inactive')
    expect(withdrawn?.policyRule?.coding?.[0]?.code).toBe('consent')
  })

  it('RF27: without a consent, a legal basis still travels as one active Consent', () => {
    const doc = referral('requested')
    expect(toFhirResources(readReferral(doc, now)).consents).toEqual([])
    setLegalBasis(doc, { basis: 'legal-obligation', note: 'Art. 12 of the act' }, referrer)
    const consents = toFhirResources(readReferral(doc, now)).consents
    expect(consents).toHaveLength(1)
    expect(consents[0]).toMatchObject({
      status: 'active',
      policyRule: { text: 'Art. 12 of the act' },
    })
    expect(valid(R4.RTTI_Consent, consents[0])).toBe('Right')
  })

  it('RF25: a disputed status is not exported', () => {
    const a = referral('requested')
    const b = new Y.Doc()
    sync(a, b)
    setStatus(a, 'cancelled', referrer, 'Not needed')
    setStatus(b, 'accepted', receiver)
    sync(a, b)
    expect(() => toFhir(readReferral(a, now))).toThrow(ModelError)
    expect(() => toFhir(readReferral(a, now))).toThrow(
      expect.objectContaining({ code: 'field-disputed' }),
    )
  })
})
