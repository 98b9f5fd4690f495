import type { DocumentRow, GrantRow, Level, MemberRow } from './access-store.ts'

/** The workspace's shared index document: every member reads it, non-observers write it. */
export const WORKSPACE_DOCUMENT = 'workspace'

export type Access = Level | 'none' | 'register'

const rank = { none: 0, read: 1, write: 2 } as const

/**
 * Decides a member's access to one document from the relay's own records (never from document
 * content). `register` means the document is unknown and this member may create it, which
 * registers it with the member's agency as owner.
 */
export const decideAccess = (
  member: MemberRow,
  documentId: string,
  doc: DocumentRow | undefined,
  grants: readonly GrantRow[],
): Access => {
  const cap: Level = member.role === 'observer' ? 'read' : 'write'
  if (documentId === WORKSPACE_DOCUMENT) return cap
  if (!doc) return cap === 'write' ? 'register' : 'none'
  let best: Level | 'none' = doc.ownerAgencyId === member.agencyId ? 'write' : 'none'
  for (const g of grants) {
    const applies =
      (g.subjectKind === 'agency' && g.subjectId === member.agencyId) ||
      (g.subjectKind === 'member' && g.subjectId === member.id)
    if (applies && rank[g.level] > rank[best]) best = g.level
  }
  return rank[best] > rank[cap] ? cap : best
}
