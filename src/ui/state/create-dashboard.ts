import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js'
import { type DocumentSummary, listSummaries } from '../../model/index.ts'
import { readableDocuments } from '../../model/dashboard.ts'
import { observeSummaries } from '../../model/referral-summary.ts'
import { ApiError } from '../../sync/session.ts'
import type { SyncClient } from '../../sync/sync-client.ts'
import type { WorkspaceView } from './create-workspace.ts'
import { createOnline } from './network.ts'

// What the relay answers to POST /api/grants/list (sync-server/api.ts).
interface GrantList {
  grants: { subjectKind: 'agency' | 'member'; subjectId: string }[]
}

const grantsMe = (g: GrantList['grants'][number], memberId: string, agencyId: string) =>
  (g.subjectKind === 'member' && g.subjectId === memberId) ||
  (g.subjectKind === 'agency' && g.subjectId === agencyId)

/** How often the figures that depend on the date are looked at again while nothing changes. */
const CLOCK_MS = 60_000

export interface DashboardSource {
  summaries: () => ReadonlyMap<string, DocumentSummary>
  /** DB1: the documents this member may read, as far as this device knows. */
  readable: () => ReadonlySet<string>
  now: () => Date
  /** The workspace document has loaded from this device's storage. */
  loaded: () => boolean
  /** Some mediations could not be checked with the relay (offline): they are not counted yet. */
  grantsUnknown: () => boolean
}

/**
 * What the dashboard counts from: the workspace's index and summaries (I7), and the documents the
 * member may read (DB1). A mediation is the one document the app shares with a member personally
 * (the mediator, MD13), so for each mediation that the agency rule does not open the device asks
 * the relay once per screen whether this member may read it (its grant list answers 403 when not).
 */
export const createDashboardSource = (sync: SyncClient, ws: WorkspaceView): DashboardSource => {
  const doc = sync.workspace.doc
  const [version, setVersion] = createSignal(0)
  const [loaded, setLoaded] = createSignal(false)
  onCleanup(observeSummaries(doc, () => setVersion((v) => v + 1)))
  void sync.workspace.ready.then(() => {
    setLoaded(true)
    setVersion((v) => v + 1)
  })
  const [now, setNow] = createSignal(new Date())
  const timer = setInterval(() => setNow(new Date()), CLOCK_MS)
  onCleanup(() => clearInterval(timer))
  const summaries = createMemo(() => (version(), listSummaries(doc)))

  const online = createOnline()
  const [granted, setGranted] = createSignal<ReadonlySet<string>>(new Set())
  const [unknown, setUnknown] = createSignal<ReadonlySet<string>>(new Set())
  const asked = new Set<string>()
  let alive = true
  onCleanup(() => (alive = false))
  const byAgency = createMemo(() => {
    const me = ws.me()
    return me
      ? readableDocuments(ws.entries(), { memberId: me.id, agencyId: me.agencyId })
      : new Set<string>()
  })
  const toAsk = createMemo(() =>
    ws.me()
      ? ws
          .entries()
          .filter((e) => e.kind === 'mediation' && !byAgency().has(e.id))
          .map((e) => e.id)
      : [],
  )
  const ask = async (documentId: string) => {
    let answer: 'granted' | 'refused' | 'unknown'
    try {
      const list = await sync.tokens.api<GrantList>('/api/grants/list', { documentId })
      const me = ws.me()
      answer =
        me !== undefined && list.grants.some((g) => grantsMe(g, me.id, me.agencyId))
          ? 'granted'
          : 'refused'
    } catch (err) {
      // 403: no access at all. Anything else (offline, relay down): ask again later.
      answer = err instanceof ApiError && err.status === 403 ? 'refused' : 'unknown'
    }
    if (!alive) return
    if (answer === 'unknown') asked.delete(documentId)
    if (answer === 'granted') setGranted((s) => new Set([...s, documentId]))
    setUnknown((s) => {
      const next = new Set(s)
      if (answer === 'unknown') next.add(documentId)
      else next.delete(documentId)
      return next
    })
  }
  createEffect(() => {
    if (!online()) {
      // Not answered yet (a question in flight is marked when it fails).
      setUnknown(new Set(toAsk().filter((id) => !asked.has(id))))
      return
    }
    for (const id of toAsk()) {
      if (asked.has(id)) continue
      asked.add(id)
      void ask(id)
    }
  })

  const readable = createMemo(() => {
    const me = ws.me()
    return me
      ? readableDocuments(ws.entries(), { memberId: me.id, agencyId: me.agencyId }, granted())
      : new Set<string>()
  })
  return { summaries, readable, now, loaded, grantsUnknown: () => unknown().size > 0 }
}
