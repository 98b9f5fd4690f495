import type { R4 } from '@ahryman40k/ts-fhir-types'
import { ModelError } from './errors.ts'
import { consents, fhirId, FHIR_SYSTEMS, isFhirCode, organization } from './referral-fhir-parts.ts'
import { SERVICE_REQUEST_STATUS, subject } from './referral-fhir-parts.ts'
import type { Referral } from './referral-read.ts'
import type { StatusValue } from './referral-status.ts'

// The referral as FHIR R4 (RF25–RF27): a ServiceRequest for what is asked, a Task for the
// workflow (its status is the referral's), and Consent resources for consent and legal basis.
// The person appears only as the pseudonymous code; identifying details are never exported.

export { FHIR_SYSTEMS, SERVICE_REQUEST_STATUS }

export interface FhirOptions {
  /** When given, each entry gets fullUrl `${baseUrl}/${resourceType}/${id}`. */
  baseUrl?: string
  /** Reason and request text; true unless false. Free text is the writer's responsibility. */
  includeText?: boolean
  /** Time for the bundle's timestamp and consents' expiry; now when omitted. */
  now?: Date
}

export interface FhirReferral {
  serviceRequest: R4.IServiceRequest
  task: R4.ITask
  consents: R4.IConsent[]
}

/** RF25: the resources; refused while the status is disputed or unreadable. */
export function toFhirResources(referral: Referral, opts: FhirOptions = {}): FhirReferral {
  const now = opts.now ?? new Date()
  const status = settledStatus(referral)
  const base = fhirId(referral.id).slice(0, 50)
  const urgency = referral.urgency.state === 'settled' ? referral.urgency.value : undefined
  const completeBy = referral.completeBy.state === 'settled' ? referral.completeBy.value : null
  const respondBy = referral.respondBy.state === 'settled' ? referral.respondBy.value : null
  const text = opts.includeText !== false
  const identifier = [{ system: FHIR_SYSTEMS.referral, value: referral.id }]
  const service = referral.service
  const serviceRequest: R4.IServiceRequest = {
    resourceType: 'ServiceRequest',
    id: `sr-${base}`,
    identifier,
    status: SERVICE_REQUEST_STATUS[status.status],
    intent: 'order',
    ...(urgency && { priority: urgency }),
    subject: subject(referral),
    authoredOn: referral.createdAt,
    requester: organization(referral.parties.referringAgencyId),
    performer: [organization(referral.parties.receivingAgencyId)],
    ...(service && {
      code: {
        ...(service.id !== undefined &&
          isFhirCode(service.id) && {
            coding: [{ system: FHIR_SYSTEMS.service, code: service.id }],
          }),
        ...(service.name !== undefined && { text: service.name }),
      },
    }),
    ...(text && referral.request.trim() !== '' && { orderDetail: [{ text: referral.request }] }),
    ...(text && referral.reason.trim() !== '' && { reasonCode: [{ text: referral.reason }] }),
    ...(completeBy !== null && { occurrencePeriod: { end: completeBy } }),
  }
  const outcome = referral.outcome.state === 'settled' ? referral.outcome.value : undefined
  const task: R4.ITask = {
    resourceType: 'Task',
    id: `task-${base}`,
    identifier,
    status: status.status as R4.TaskStatusKind,
    intent: 'order' as R4.TaskIntentKind,
    ...(urgency && { priority: urgency }),
    focus: { reference: `ServiceRequest/${serviceRequest.id}` },
    for: subject(referral),
    authoredOn: referral.createdAt,
    ...(referral.status.state === 'settled' && { lastModified: referral.status.by.at }),
    requester: organization(referral.parties.referringAgencyId),
    owner: organization(referral.parties.receivingAgencyId),
    ...(status.reason !== undefined && { statusReason: { text: status.reason } }),
    ...(completeBy !== null && { restriction: { period: { end: completeBy } } }),
    ...(respondBy !== null && {
      extension: [{ url: FHIR_SYSTEMS.respondBy, valueDate: respondBy }],
    }),
    ...(outcome !== undefined && {
      output: [
        {
          type: { coding: [{ system: FHIR_SYSTEMS.taskOutput, code: 'outcome' }], text: 'Outcome' },
          valueCodeableConcept: {
            coding: [{ system: FHIR_SYSTEMS.outcome, code: outcome }],
            ...(text && referral.outcomeNote.trim() !== '' && { text: referral.outcomeNote }),
          },
        },
      ],
    }),
  }
  return { serviceRequest, task, consents: consents(referral, now, `consent-${base}`) }
}

/** RF25: a collection Bundle of the ServiceRequest, the Task and the Consents. */
export function toFhir(referral: Referral, opts: FhirOptions = {}): R4.IBundle {
  const { serviceRequest, task, consents } = toFhirResources(referral, opts)
  const resources = [serviceRequest, task, ...consents]
  return {
    resourceType: 'Bundle',
    type: 'collection' as R4.BundleTypeKind,
    identifier: { system: FHIR_SYSTEMS.referral, value: referral.id },
    timestamp: (opts.now ?? new Date()).toISOString(),
    entry: resources.map((resource) => ({
      ...(opts.baseUrl !== undefined && {
        fullUrl: `${opts.baseUrl.replace(/\/+$/, '')}/${resource.resourceType}/${resource.id}`,
      }),
      resource,
    })),
  }
}

function settledStatus(referral: Referral): StatusValue {
  const { status } = referral
  if (status.state === 'disputed') {
    throw new ModelError('field-disputed', 'the status is disputed; resolve it before exporting')
  }
  if (status.state !== 'settled') throw new ModelError('invalid-status', 'the status is unknown')
  return status.value
}
