import type { R4 } from '@ahryman40k/ts-fhir-types'
import { consentState } from './referral-consent.ts'
import type { Referral } from './referral-read.ts'
import type { ReferralStatus } from './referral-status.ts'
import type { Consent, LegalBasis, LegalBasisCode } from './referral-vocab.ts'

// Building blocks of the FHIR R4 export: identifier systems, references, and the Consent
// resources. Only types come from the FHIR library: the export is plain objects, and the
// library's runtime validators run in the tests, not in the app bundle.

/** Identifier and code systems of Mosty's own vocabularies. */
export const FHIR_SYSTEMS = {
  referral: 'urn:mosty:referral',
  personCode: 'urn:mosty:person-code',
  participant: 'urn:mosty:participant',
  agency: 'urn:mosty:agency',
  service: 'urn:mosty:service',
  outcome: 'urn:mosty:referral-outcome',
  taskOutput: 'urn:mosty:task-output',
  legalBasis: 'urn:mosty:legal-basis',
  dataCategory: 'urn:mosty:data-category',
  respondBy: 'urn:mosty:fhir:respond-by',
} as const

/** ServiceRequest.status for each referral status (RF25). */
export const SERVICE_REQUEST_STATUS: Readonly<Record<ReferralStatus, string>> = {
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

const LEGAL_BASIS_TEXT: Readonly<Record<LegalBasisCode, string>> = {
  consent: 'GDPR art. 6(1)(a): consent',
  'legal-obligation': 'GDPR art. 6(1)(c): legal obligation',
  'vital-interests': 'GDPR art. 6(1)(d): vital interests',
  'public-task': 'GDPR art. 6(1)(e): public task',
  other: 'Other legal basis',
}

/** A FHIR id ([A-Za-z0-9.-]{1,64}) from a Mosty id, which may hold '_'. */
export const fhirId = (id: string): string => id.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64) || '-'

/** A FHIR code has no leading, trailing or doubled whitespace. */
export const isFhirCode = (text: string): boolean => /^[^\s]+(\s[^\s]+)*$/.test(text)

export const organization = (agencyId: string): R4.IReference => ({
  reference: `Organization/${fhirId(agencyId)}`,
  type: 'Organization',
  identifier: { system: FHIR_SYSTEMS.agency, value: agencyId },
})

/** RF26: the person or family by pseudonymous code only: no name, no display. */
export const subject = (referral: Referral, typed = true): R4.IReference => ({
  ...(typed && { type: referral.person.kind === 'family' ? 'Group' : 'Patient' }),
  identifier: { system: FHIR_SYSTEMS.personCode, value: referral.person.code },
})

function policyRule(basis: LegalBasis): R4.ICodeableConcept {
  return {
    coding: [{ system: FHIR_SYSTEMS.legalBasis, code: basis.basis }],
    text: basis.note ?? LEGAL_BASIS_TEXT[basis.basis],
  }
}

/** Data categories shared with each recipient, as nested permits to that recipient. */
function sharingProvisions(referral: Referral): R4.IConsent_Provision[] {
  return referral.sharing.flatMap(({ recipientAgencyId, categories }) => {
    if (categories.state !== 'settled' || categories.value.length === 0) return []
    return [
      {
        type: 'permit' as R4.Consent_ProvisionTypeKind,
        actor: [
          {
            role: {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                  code: 'IRCP',
                },
              ],
            },
            reference: organization(recipientAgencyId),
          },
        ],
        code: categories.value.map((c) => ({
          coding: [{ system: FHIR_SYSTEMS.dataCategory, code: c }],
        })),
      },
    ]
  })
}

/**
 * RF27: one privacy Consent per recorded consent, with the legal basis as policyRule and the
 * data categories as nested provisions. Without any recorded consent but with a legal basis, one
 * active Consent carries the basis and the categories, because R4 has no other resource for a
 * legal basis for sharing.
 */
export function consents(referral: Referral, now: Date, idBase: string): R4.IConsent[] {
  const basis = referral.legalBasis.state === 'settled' ? referral.legalBasis.value : undefined
  const common = (id: string): R4.IConsent => ({
    resourceType: 'Consent',
    id: fhirId(id),
    scope: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/consentscope',
          code: 'patient-privacy',
        },
      ],
    },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: subject(referral, false),
    organization: [organization(referral.parties.referringAgencyId)],
    ...(basis && { policyRule: policyRule(basis) }),
  })
  const sharing = sharingProvisions(referral)
  if (referral.consents.length === 0) {
    if (basis === undefined) return []
    return [
      {
        ...common(`${idBase}-basis`),
        status: 'active' as R4.ConsentStatusKind,
        provision: { type: 'permit' as R4.Consent_ProvisionTypeKind, provision: sharing },
      },
    ]
  }
  return referral.consents.map((c, i) => consent(c, common(`${idBase}-${i}`), sharing, now))
}

function consent(
  c: Consent,
  base: R4.IConsent,
  sharing: R4.IConsent_Provision[],
  now: Date,
): R4.IConsent {
  const state = consentState(c, now)
  const status = state === 'valid' ? 'active' : state === 'refused' ? 'rejected' : 'inactive'
  return {
    ...base,
    status: status as R4.ConsentStatusKind,
    dateTime: c.givenAt,
    performer: [
      {
        identifier: { system: FHIR_SYSTEMS.participant, value: c.givenBy.code },
        display: c.givenBy.role,
      },
    ],
    provision: {
      type: (c.given ? 'permit' : 'deny') as R4.Consent_ProvisionTypeKind,
      // A withdrawal shows as status inactive; the period keeps what the person agreed to.
      period: { start: c.givenAt, ...(c.expiresOn !== undefined && { end: c.expiresOn }) },
      action: c.scope.map((s) => ({ text: s })),
      ...(c.given && sharing.length > 0 && { provision: sharing }),
    },
  }
}
