import { createMemo, createSignal, onCleanup } from 'solid-js'
import {
  type Agency,
  type IndexEntry,
  listAgencies,
  listEntries,
  listMembers,
  type Member,
  observeWorkspace,
} from '../../model/index.ts'
import type { SyncClient } from '../../sync/sync-client.ts'

export interface WorkspaceView {
  agencies: () => Agency[]
  members: () => Member[]
  entries: () => IndexEntry[]
  me: () => Member | undefined
  agency: (id: string) => Agency | undefined
  member: (id: string) => Member | undefined
}

/** The partnership's directory and document index as signals, from the workspace document. */
export const createWorkspace = (sync: SyncClient): WorkspaceView => {
  const doc = sync.workspace.doc
  const [version, setVersion] = createSignal(0)
  onCleanup(observeWorkspace(doc, () => setVersion((v) => v + 1)))
  void sync.workspace.ready.then(() => setVersion((v) => v + 1))
  const agencies = createMemo(() => (version(), listAgencies(doc)))
  const members = createMemo(() => (version(), listMembers(doc)))
  const entries = createMemo(() => (version(), listEntries(doc)))
  return {
    agencies,
    members,
    entries,
    me: () => members().find((m) => m.id === sync.session.memberId),
    agency: (id) => agencies().find((a) => a.id === id),
    member: (id) => members().find((m) => m.id === id),
  }
}
