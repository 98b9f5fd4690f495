// Domain vocabulary shared by every model module. The value lists are exported so that
// validation and UI pickers use the same source as the types.

export const AGENCY_TYPES = [
  'social-service',
  'ngo',
  'state-body',
  'self-help-group',
  'health',
  'education',
  'police',
  'court',
] as const
export type AgencyType = (typeof AGENCY_TYPES)[number]

export const ROLES = ['field-worker', 'coordinator', 'supervisor', 'observer'] as const
export type Role = (typeof ROLES)[number]

export const DOCUMENT_KINDS = ['referral', 'plan', 'mediation'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export interface Agency {
  id: string
  name: string
  type: AgencyType
}

export interface Member {
  id: string
  displayName: string
  agencyId: string
  role: Role
}

/** Who writes an attributed value: a member acting for their agency. */
export interface Actor {
  memberId: string
  agencyId: string
}
