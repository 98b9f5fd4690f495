import type * as Y from 'yjs'
import {
  listAgencies,
  listMembers,
  removeMember,
  setWorkspaceCountry,
  upsertAgency,
  upsertMember,
} from '../src/model/workspace.ts'
import { canonicalJson } from '../src/model/json.ts'
import { roomName } from '../src/sync/protocol.ts'
import type { AccessStore } from './access-store.ts'
import { WORKSPACE_DOCUMENT } from './acl.ts'
import type { Rooms } from './rooms.ts'
import { DEMO_WORKSPACE } from './seed.ts'
import { seedDemoDirectory } from './seed-directory.ts'

/**
 * Publishes the relay's record of agencies, members and the workspace's country into the
 * workspace document, so every device has the partnership's directory offline. The relay's store stays the authority: a
 * client editing these maps changes what people see, never what they may access, and is
 * overwritten at the next publication.
 */
export const publishDirectory = (rooms: Rooms, store: AccessStore, workspaceId: string): void => {
  rooms.writeAsRelay(roomName(workspaceId, WORKSPACE_DOCUMENT), (doc: Y.Doc) => {
    const same = (a: unknown, b: unknown) => canonicalJson(a as never) === canonicalJson(b as never)
    const agencies = store.listAgencies(workspaceId)
    const current = new Map(listAgencies(doc).map((a) => [a.id, a]))
    for (const a of agencies) if (!same(current.get(a.id), a)) upsertAgency(doc, a)
    const active = store.listMembers(workspaceId).filter((m) => m.removedAt === null)
    const members = new Map(listMembers(doc).map((m) => [m.id, m]))
    for (const m of active) {
      const value = { id: m.id, displayName: m.displayName, agencyId: m.agencyId, role: m.role }
      if (!same(members.get(m.id), value)) upsertMember(doc, value)
      members.delete(m.id)
    }
    for (const stale of members.keys()) removeMember(doc, stale)
    // W7: every device needs the country offline to count working days with its holidays.
    setWorkspaceCountry(doc, store.workspaceCountry(workspaceId))
    // The demo's services and self-help groups, once, after the agencies they belong to.
    if (workspaceId === DEMO_WORKSPACE) seedDemoDirectory(doc)
  })
}
