import type { DocumentSummary } from './doc-summary.ts'
import { summaryDisputes } from './dispute-digest.ts'
import type { DisputeCandidateDigest } from './dispute-digest.ts'
import { parseMediationDigest } from './mediation-summary.ts'
import type { MediationCategory, MediationLinkKind } from './mediation-vocab.ts'
import { compareCodeUnits } from './order.ts'

// Disputes and mediations meet on the supervisor's console and beside a disputed field: from the
// workspace's summaries alone (I7, I8, MD15), without opening any document.

export interface DisputeOnConsole {
  documentId: string
  /** The kind of the disputed document, as its summary names it (referral, plan). */
  documentKind: string
  field: string
  /** What a mediation of it links (MD2): an action's field links the action. */
  linkKind: MediationLinkKind
  candidates: DisputeCandidateDigest[]
  /** The earliest candidate's time: how long the disagreement has stood. */
  since: string
}

/** Open mediations (no outcome yet) by the "documentId field" they link. */
function openMediationsByField(summaries: ReadonlyMap<string, DocumentSummary>) {
  const byField = new Map<string, string[]>()
  for (const [id, raw] of summaries) {
    const digest = parseMediationDigest(raw)
    if (!digest || digest.outcome !== null) continue
    for (const link of digest.links) {
      if (link.field === undefined) continue
      const key = `${link.documentId} ${link.field}`
      byField.set(key, [...(byField.get(key) ?? []), id].sort(compareCodeUnits))
    }
  }
  return byField
}

/** MD17: the open mediations (ids) that link this field of this document. */
export function mediationsOfField(
  summaries: ReadonlyMap<string, DocumentSummary>,
  documentId: string,
  field: string,
): string[] {
  return openMediationsByField(summaries).get(`${documentId} ${field}`) ?? []
}

/** MD17: a field's link kind: a plan action's field links the action, others the document. */
export function linkKindOf(documentKind: string, field: string): MediationLinkKind {
  if (field.startsWith('plan.action.')) return 'action'
  return documentKind === 'plan' ? 'plan' : 'referral'
}

/**
 * MD17: the category a mediation opened on this field starts with (the mediator may change it,
 * MD7): who is responsible is a matter of roles, what may be shared of information sharing,
 * statuses, deadlines and the rest of the service's provision.
 */
export function categoryOfField(field: string): MediationCategory {
  if (field.endsWith('.responsible')) return 'roles-and-responsibilities'
  if (field === 'referral.legalBasis' || field.startsWith('referral.sharing.')) {
    return 'information-sharing'
  }
  return 'service-provision'
}

/**
 * MD17: every disputed field in the workspace's summaries that no open mediation links, oldest
 * disagreement first (then by document and field), for the supervisor's console. A dispute whose
 * mediation closed without settling it is listed again.
 */
export function disputesNotInMediation(
  summaries: ReadonlyMap<string, DocumentSummary>,
): DisputeOnConsole[] {
  const mediated = openMediationsByField(summaries)
  const out: DisputeOnConsole[] = []
  for (const [documentId, raw] of summaries) {
    const documentKind = typeof raw.kind === 'string' ? raw.kind : ''
    if (documentKind === 'mediation') continue
    for (const d of summaryDisputes(raw)) {
      if (mediated.has(`${documentId} ${d.field}`)) continue
      const since = d.candidates.map((c) => c.at).sort(compareCodeUnits)[0] ?? ''
      out.push({
        documentId,
        documentKind,
        field: d.field,
        linkKind: linkKindOf(documentKind, d.field),
        candidates: d.candidates,
        since,
      })
    }
  }
  return out.sort(
    (a, b) =>
      compareCodeUnits(a.since, b.since) ||
      compareCodeUnits(a.documentId, b.documentId) ||
      compareCodeUnits(a.field, b.field),
  )
}
