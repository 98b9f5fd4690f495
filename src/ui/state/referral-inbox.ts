import { createMemo, createSignal, onCleanup } from 'solid-js'
import { type Inbox, listSummaries } from '../../model/index.ts'
import { type InboxRow, observeSummaries, referralInbox } from '../../model/referral-summary.ts'
import type { SyncClient } from '../../sync/sync-client.ts'
import type { WorkspaceView } from './create-workspace.ts'

/** How often "overdue" is looked at again while nothing changes: deadlines pass at midnight. */
const CLOCK_MS = 60_000

/**
 * The referral inbox of my agency (RF23) from the workspace alone: the index entries of kind
 * 'referral' and their summaries (I7), so it works offline and without opening any referral.
 * Undefined while this device does not know my agency yet.
 */
export const createReferralInbox = (
  sync: SyncClient,
  ws: WorkspaceView,
): (() => Inbox<InboxRow> | undefined) => {
  const doc = sync.workspace.doc
  const [version, setVersion] = createSignal(0)
  onCleanup(observeSummaries(doc, () => setVersion((v) => v + 1)))
  void sync.workspace.ready.then(() => setVersion((v) => v + 1))
  const [now, setNow] = createSignal(new Date())
  const timer = setInterval(() => setNow(new Date()), CLOCK_MS)
  onCleanup(() => clearInterval(timer))
  const summaries = createMemo(() => (version(), listSummaries(doc)))
  return createMemo(() => {
    const agencyId = ws.me()?.agencyId
    if (agencyId === undefined) return undefined
    return referralInbox(ws.entries(), summaries(), agencyId, now())
  })
}
