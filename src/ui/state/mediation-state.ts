import { createMemo, createSignal, onCleanup } from 'solid-js'
import {
  type Actor,
  addEntry,
  categoryOfField,
  type DisputeCandidateDigest,
  type DocumentSummary,
  getEntry,
  getSummary,
  listSummaries,
  type Mediation,
  mediationGrants,
  mediationSummary,
  type MediationLinkKind,
  type Member,
  summaryDisputes,
  openMediation,
  randomId,
  readMediation,
  setSummary,
} from '../../model/index.ts'
import { observeSummaries } from '../../model/referral-summary.ts'
import type { SyncClient } from '../../sync/sync-client.ts'
import type { WorkspaceView } from './create-workspace.ts'
import { createLocally } from './create-open-document.ts'
import { loadHolidayCalendar, workspaceCountry } from './holiday-calendar.ts'

// Mediation on the device: the workspace's summaries as a signal (the console and "in mediation"
// beside a field read them), opening a mediation on a disputed field, and the relay grants that
// make a log visible to exactly its parties and mediator (MD13).

/** Every document's summary in the workspace (I7), renewed on every change. */
export const createSummaries = (sync: SyncClient): (() => Map<string, DocumentSummary>) => {
  const doc = sync.workspace.doc
  const [version, setVersion] = createSignal(0)
  onCleanup(observeSummaries(doc, () => setVersion((v) => v + 1)))
  void sync.workspace.ready.then(() => setVersion((v) => v + 1))
  return createMemo(() => (version(), listSummaries(doc)))
}

/** The partnership's mediator: me when I am a supervisor, else its first supervisor. */
export const mediatorFor = (ws: WorkspaceView): Member | undefined => {
  const me = ws.me()
  if (me?.role === 'supervisor') return me
  return ws
    .members()
    .filter((m) => m.role === 'supervisor')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]
}

export interface DisputedSource {
  documentId: string
  documentKind: string
  field: string
  linkKind: MediationLinkKind
  candidates: readonly Pick<DisputeCandidateDigest, 'agencyId' | 'memberId'>[]
}

/**
 * Who may send a dispute to mediation with one action: a member (not an observer) of an agency
 * among the candidates', or a supervisor.
 */
export const maySendToMediation = (me: Member | undefined, source: DisputedSource): boolean =>
  me !== undefined &&
  me.role !== 'observer' &&
  (me.role === 'supervisor' || source.candidates.some((c) => c.agencyId === me.agencyId))

/**
 * MD13: the grants that make the log visible to its parties and mediator, sent by a device of
 * the agency that owns the log (the relay takes grants from the owner only); the owner itself
 * needs none.
 */
export const shareMediation = (sync: SyncClient, mediation: Mediation, ownerAgencyId: string) => {
  for (const grant of mediationGrants(mediation)) {
    if (grant.subjectKind === 'agency' && grant.subjectId === ownerAgencyId) continue
    void sync.grants.share(grant).catch(() => undefined)
  }
}

/**
 * MD13: the mediator writes the decided value into the source document, so a device of the
 * agency that owns a linked source document grants the mediator (the member, not the mediator's
 * agency) write on that document while the log is open. The relay accepts it from the owner only.
 */
export const grantMediatorOnSources = (
  sync: SyncClient,
  mediation: Mediation,
  me: Member,
): void => {
  if (mediation.closed || me.role === 'observer') return
  if (me.id === mediation.mediator.memberId) return
  const sources = new Set(mediation.links.filter((l) => l.field).map((l) => l.documentId))
  for (const documentId of sources) {
    const owner = getEntry(sync.workspace.doc, documentId)?.ownerAgencyId
    if (owner !== me.agencyId || owner === mediation.mediator.agencyId) continue
    void sync.grants
      .share({
        documentId,
        subjectKind: 'member',
        subjectId: mediation.mediator.memberId,
        level: 'write',
      })
      .catch(() => undefined)
  }
}

/**
 * MD13: once the log is closed and none of its linked fields is still disputed, the owning
 * agency's device takes back the mediator's write on its source documents: she needed it only
 * to write the decided value.
 */
export const releaseMediatorOnSources = (
  sync: SyncClient,
  mediation: Mediation,
  me: Member,
): void => {
  if (!mediation.closed || me.role === 'observer') return
  if (me.id === mediation.mediator.memberId) return
  const fields = mediation.links.filter((l) => l.field)
  for (const documentId of new Set(fields.map((l) => l.documentId))) {
    const owner = getEntry(sync.workspace.doc, documentId)?.ownerAgencyId
    if (owner !== me.agencyId || owner === mediation.mediator.agencyId) continue
    const linked = new Set(fields.filter((l) => l.documentId === documentId).map((l) => l.field))
    const disputed = summaryDisputes(getSummary(sync.workspace.doc, documentId))
    if (disputed.some((d) => linked.has(d.field))) continue
    void sync.grants
      .share({
        documentId,
        subjectKind: 'member',
        subjectId: mediation.mediator.memberId,
        level: 'none',
      })
      .catch(() => undefined)
  }
}

/**
 * Opens a mediation on a disputed field in one action (MD2, MD13): the log on this device, its
 * index entry (a title that names no person), its summary, and the grants; returns its id.
 */
export const openMediationOn = async (
  sync: SyncClient,
  ws: WorkspaceView,
  source: DisputedSource,
  title: (shortId: string) => string,
): Promise<string> => {
  const me = ws.me()
  const mediator = mediatorFor(ws)
  if (!me || !mediator) throw new Error('no supervisor in the partnership')
  const actor: Actor = { memberId: me.id, agencyId: me.agencyId }
  const id = randomId()
  const holidays = await loadHolidayCalendar(workspaceCountry(sync))
  await createLocally(sync, id, (conn) => {
    openMediation(
      conn.doc,
      {
        id,
        dispute: { field: source.field, candidates: source.candidates },
        sourceDocumentId: source.documentId,
        sourceKind: source.linkKind,
        mediator: { memberId: mediator.id, agencyId: mediator.agencyId },
        category: categoryOfField(source.field),
      },
      actor,
    )
    const mediation = readMediation(conn.doc, new Date(), holidays)
    const parties = [...new Set(mediation.parties.map((p) => p.agencyId))]
    const workspace = sync.workspace.doc
    addEntry(
      workspace,
      {
        kind: 'mediation',
        title: title(id.slice(0, 6)),
        sharedWith: parties.filter((a) => a !== me.agencyId),
        needsActionBy: [],
      },
      actor,
      { id },
    )
    setSummary(workspace, id, mediationSummary(mediation))
    // Each waits in the outbox (surviving reloads) until the relay has the log.
    shareMediation(sync, mediation, me.agencyId)
    grantMediatorOnSources(sync, mediation, me)
  })
  return id
}
