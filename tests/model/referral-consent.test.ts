import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ModelError } from '../../src/model/errors.ts'
import { createReferral } from '../../src/model/referral.ts'
import {
  consentState,
  recordConsent,
  setDataSharing,
  setLegalBasis,
  withdrawConsent,
} from '../../src/model/referral-consent.ts'
import {
  clearIdentifyingDetails,
  identifyingDetailsFor,
  mayHoldIdentifyingDetails,
  setIdentifyingDetails,
} from '../../src/model/referral-identity.ts'
import { readReferral } from '../../src/model/referral-read.ts'
import { sync } from './replicas.ts'

const referrer = { memberId: 'anna', agencyId: 'mops' }
const receiver = { memberId: 'bozena', agencyId: 'ngo' }
const outsider = { memberId: 'piotr', agencyId: 'police' }
const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 2, d, hour))
const details = {
  name: 'Jan Kowalski',
  dateOfBirth: '1990-05-17',
  address: 'ul. Polna 3, Łódź',
  phone: '+48 600 100 200',
}

function newReferral(): Y.Doc {
  const doc = new Y.Doc()
  createReferral(
    doc,
    { id: 'ref-1', receivingAgencyId: 'ngo', person: { kind: 'person', code: 'R-2026-014' } },
    referrer,
    { now: day(1) },
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

const identityConsent = {
  givenBy: { code: 'P1', role: 'mother' },
  givenAt: day(1, 9),
  scope: ['service', 'share-identity'],
  expiresOn: '2026-03-31',
}

describe('consent and legal basis', () => {
  it('RF9/RF10: withdrawing consent keeps the legal basis and the consent on record', () => {
    const doc = newReferral()
    setLegalBasis(doc, { basis: 'consent' }, referrer, { now: day(1) })
    const consent = recordConsent(doc, identityConsent, referrer, { id: 'c1' })
    withdrawConsent(doc, 'c1', { reason: 'Changed her mind', at: day(5) }, receiver)
    const referral = readReferral(doc, day(6))
    expect(referral.legalBasis).toMatchObject({ state: 'settled', value: { basis: 'consent' } })
    expect(referral.consents).toEqual([
      {
        ...consent,
        state: 'withdrawn',
        withdrawal: {
          at: day(5).toISOString(),
          reason: 'Changed her mind',
          memberId: 'bozena',
          agencyId: 'ngo',
        },
      },
    ])
  })

  it('RF10/RF17: a consent is valid through its expiry day (UTC), refused when not given', () => {
    const doc = newReferral()
    recordConsent(doc, identityConsent, referrer, { id: 'c1' })
    recordConsent(doc, { ...identityConsent, given: false }, referrer, { id: 'c2' })
    const [c1, c2] = readReferral(doc).consents
    expect(consentState(c1!, new Date('2026-03-31T23:59:59Z'))).toBe('valid')
    expect(consentState(c1!, new Date('2026-04-01T00:00:00Z'))).toBe('expired')
    expect(consentState(c2!, day(2))).toBe('refused')
    expect(code(() => withdrawConsent(doc, 'c2', { reason: 'x' }, referrer))).toBe(
      'invalid-consent',
    )
    expect(code(() => withdrawConsent(doc, 'nope', { reason: 'x' }, referrer))).toBe('not-found')
    expect(code(() => withdrawConsent(doc, 'c1', { reason: ' ' }, referrer))).toBe(
      'reason-required',
    )
  })

  it('RF9: consents are validated and recorded only by the parties', () => {
    const doc = newReferral()
    expect(code(() => recordConsent(doc, { ...identityConsent, scope: [] }, referrer))).toBe(
      'invalid-consent',
    )
    expect(
      code(() => recordConsent(doc, { ...identityConsent, expiresOn: '31.03.2026' }, referrer)),
    ).toBe('invalid-date')
    expect(code(() => recordConsent(doc, identityConsent, outsider))).toBe('not-a-party')
  })

  it('RF9: only the referrer sets the legal basis and what each recipient receives', () => {
    const doc = newReferral()
    expect(code(() => setLegalBasis(doc, { basis: 'public-task' }, receiver))).toBe('wrong-side')
    expect(code(() => setLegalBasis(doc, { basis: 'other' }, referrer))).toBe('invalid-legal-basis')
    setLegalBasis(doc, { basis: 'other', note: 'Art. 23 ustawy o pomocy społecznej' }, referrer)
    expect(code(() => setDataSharing(doc, 'ngo', ['contact'], receiver))).toBe('wrong-side')
    expect(code(() => setDataSharing(doc, 'ngo', ['gossip' as 'contact'], referrer))).toBe(
      'invalid-data-category',
    )
    setDataSharing(doc, 'ngo', ['health', 'contact', 'health'], referrer)
    setDataSharing(doc, 'school', ['education'], referrer)
    expect(readReferral(doc).sharing).toEqual([
      {
        recipientAgencyId: 'ngo',
        categories: expect.objectContaining({ state: 'settled', value: ['contact', 'health'] }),
      },
      {
        recipientAgencyId: 'school',
        categories: expect.objectContaining({ state: 'settled', value: ['education'] }),
      },
    ])
  })
})

describe('identifying details', () => {
  it('RF12: none without a legal basis; with a non-consent basis they may be held', () => {
    const doc = newReferral()
    expect(mayHoldIdentifyingDetails(readReferral(doc))).toBe(false)
    expect(code(() => setIdentifyingDetails(doc, details, referrer))).toBe('identity-not-allowed')
    setLegalBasis(doc, { basis: 'vital-interests' }, referrer)
    expect(mayHoldIdentifyingDetails(readReferral(doc))).toBe(true)
    setIdentifyingDetails(doc, details, referrer)
    expect(readReferral(doc).identity).toMatchObject({ stored: true, allowed: true, details })
  })

  it('RF12: on consent they need a valid consent covering share-identity, and flip when it ends', () => {
    const doc = newReferral()
    setLegalBasis(doc, { basis: 'consent' }, referrer)
    recordConsent(doc, { ...identityConsent, scope: ['service'] }, referrer, { id: 'c0' })
    expect(mayHoldIdentifyingDetails(readReferral(doc, day(2)), day(2))).toBe(false)
    recordConsent(doc, identityConsent, referrer, { id: 'c1' })
    expect(mayHoldIdentifyingDetails(readReferral(doc, day(2)), day(2))).toBe(true)
    setIdentifyingDetails(doc, details, receiver, { now: day(2) })
    // Expired: the same document no longer allows them.
    const later = new Date('2026-04-02T08:00:00Z')
    expect(mayHoldIdentifyingDetails(readReferral(doc, later), later)).toBe(false)
    expect(readReferral(doc, later).identity).toEqual({
      stored: true,
      allowed: false,
      mustErase: true,
      visibleTo: ['mops', 'ngo'],
    })
    // Withdrawn: no longer allowed even before expiry, and the details are withheld.
    withdrawConsent(doc, 'c1', { reason: 'Withdrawn at the visit' }, referrer, { now: day(3) })
    const referral = readReferral(doc, day(3))
    expect(mayHoldIdentifyingDetails(referral, day(3))).toBe(false)
    expect(referral.identity.details).toBeUndefined()
    expect(referral.legalBasis).toMatchObject({ value: { basis: 'consent' } })
    clearIdentifyingDetails(doc, referrer)
    expect(readReferral(doc, day(3)).identity).toMatchObject({ stored: false, mustErase: false })
  })

  it('RF12: a withdrawal on another replica removes the permission after the merge', () => {
    const a = newReferral()
    setLegalBasis(a, { basis: 'consent' }, referrer)
    recordConsent(a, identityConsent, referrer, { id: 'c1' })
    setIdentifyingDetails(a, details, referrer, { now: day(2) })
    const b = new Y.Doc()
    sync(a, b)
    withdrawConsent(b, 'c1', { reason: 'Phoned the NGO' }, receiver, { now: day(3) })
    sync(a, b)
    expect(readReferral(a, day(3)).identity).toMatchObject({ allowed: false, mustErase: true })
  })

  it('RF12: details are given only to viewers from the two parties', () => {
    const doc = newReferral()
    setLegalBasis(doc, { basis: 'legal-obligation' }, referrer)
    setIdentifyingDetails(doc, { ...details, dateOfBirth: ' ' }, referrer)
    const referral = readReferral(doc)
    const rest = { name: details.name, address: details.address, phone: details.phone }
    expect(identifyingDetailsFor(referral, 'mops')).toEqual(rest)
    expect(identifyingDetailsFor(referral, 'ngo')).toEqual(rest)
    expect(identifyingDetailsFor(referral, 'police')).toBeUndefined()
    expect(code(() => setIdentifyingDetails(doc, details, outsider))).toBe('not-a-party')
    expect(code(() => setIdentifyingDetails(doc, { dateOfBirth: '17.05.1990' }, referrer))).toBe(
      'invalid-date',
    )
  })
})
