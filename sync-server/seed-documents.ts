import * as Y from 'yjs'
import { getEntry } from '../src/model/doc-index.ts'
import { roomName } from '../src/sync/protocol.ts'
import type { AccessStore } from './access-store.ts'
import { WORKSPACE_DOCUMENT } from './acl.ts'
import type { Rooms } from './rooms.ts'
import { DEMO_WORKSPACE } from './seed.ts'
import { seedDemoPlan } from './seed-plan.ts'
import { seedDemoReferrals } from './seed-referrals.ts'
import { DemoSeeder, demoDocumentId } from './seed-writer.ts'

// The demo partnership's documents, seeded only when the relay runs with SEED_DEMO_DOCUMENTS=1
// (as `npm start` does; never in tests, which count inbox entries): five referrals, a family plan
// with two disputed action fields and an open mediation of one of them, so that a new user's
// inboxes, dashboard, supervisor console and "my actions" are not empty.

/** The first document seeded: its index entry in the workspace marks the demo as seeded. */
const FIRST = demoDocumentId('referral/R-2026-017')

const isListed = (rooms: Rooms, documentId: string): boolean => {
  const room = rooms.acquire(roomName(DEMO_WORKSPACE, WORKSPACE_DOCUMENT))
  const workspace = new Y.Doc()
  Y.applyUpdate(workspace, room.state())
  rooms.release(room)
  const listed = getEntry(workspace, documentId) !== undefined
  workspace.destroy()
  return listed
}

/**
 * Seeds the demo's documents once, into a store that holds the demo partnership; returns whether
 * it did. The index entries are written last, after every document, and the relay commits all of
 * them in one group commit (R7): documents and their listing reach the disk together, so a relay
 * stopped before that commit seeds again at its next start instead of keeping half a demo.
 */
export function seedDemoDocuments(rooms: Rooms, store: AccessStore, now = new Date()): boolean {
  if (!store.hasWorkspace(DEMO_WORKSPACE) || isListed(rooms, FIRST)) return false
  const seeder = new DemoSeeder(rooms, store, now)
  seedDemoReferrals(seeder)
  seedDemoPlan(seeder)
  seeder.publish()
  return true
}
