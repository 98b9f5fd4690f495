import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { addEntry, type NewIndexEntry } from '../src/model/doc-index.ts'
import { type DocumentSummary, setSummary } from '../src/model/doc-summary.ts'
import type { RoleActor } from '../src/model/plan-approval.ts'
import { roomName } from '../src/sync/protocol.ts'
import type { AccessStore, Level } from './access-store.ts'
import { WORKSPACE_DOCUMENT } from './acl.ts'
import type { Rooms } from './rooms.ts'
import { DEMO_MEMBERS, DEMO_WORKSPACE } from './seed.ts'

// How the demo's documents are written (seed-documents.ts): through the model, as the members who
// would write them (assertions, records and index entries carry their names and dates in the
// past); registered and shared in the relay's store as the app would (R4, POST /api/grants); and
// listed in the workspace with their summaries (I7). The relay's history (R16) attributes every
// one of these writes to the relay itself, as it does the directory: it records who sent a
// change, and nobody sent these.

const DAY_MS = 86_400_000

/** A fixed id per seeded document, shaped like the app's random ids (32 hex digits). */
export const demoDocumentId = (name: string): string =>
  createHash('sha256').update(`mosty-demo/${name}`).digest('hex').slice(0, 32)

/** A demo member as the model's actor (with the role the workspace gives them). */
export const demoActor = (memberId: string): RoleActor => {
  const m = DEMO_MEMBERS.find((x) => x.id === memberId)
  if (!m) throw new Error(`no demo member ${memberId}`)
  return { memberId: m.id, agencyId: m.agency, role: m.role }
}

/**
 * Applies each write to its own copy of the document, none seeing the others, and merges the
 * copies back: devices deciding offline at once, which makes a dispute of one field (D4).
 */
export function concurrently(doc: Y.Doc, ...writes: ((copy: Y.Doc) => void)[]): void {
  const copies = writes.map((write) => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    write(copy)
    return copy
  })
  for (const copy of copies) {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy))
    copy.destroy()
  }
}

interface Listing {
  id: string
  entry: NewIndexEntry
  by: RoleActor
  at: Date
  summary: DocumentSummary
}

/** Writes the demo's documents into the relay, then lists them in the workspace at once. */
export class DemoSeeder {
  private readonly listings: Listing[] = []

  constructor(
    private readonly rooms: Rooms,
    private readonly store: AccessStore,
    readonly now: Date,
  ) {}

  /** An instant `days` from now (negative: back), at `hour` UTC of that day. */
  at(days: number, hour = 9): Date {
    const day = new Date(this.now.getTime() + days * DAY_MS)
    day.setUTCHours(hour, 0, 0, 0)
    return day
  }

  /** The calendar day (YYYY-MM-DD, UTC) `days` from now. */
  day(days: number): string {
    return this.at(days).toISOString().slice(0, 10)
  }

  /** Registers the document with its creator's agency as owner (R4) and writes it. */
  document(id: string, by: RoleActor, write: (doc: Y.Doc) => void): void {
    this.store.registerDocument(DEMO_WORKSPACE, id, by.agencyId, by.memberId)
    this.rooms.writeAsRelay(roomName(DEMO_WORKSPACE, id), write)
  }

  /** A grant as the owner's device sends it (POST /api/grants). */
  share(id: string, subjectKind: 'agency' | 'member', subjectId: string, level: Level): void {
    this.store.grant(DEMO_WORKSPACE, id, subjectKind, subjectId, level)
  }

  /** The document's index entry and summary (I7), written to the workspace by publish. */
  list(listing: Listing): void {
    this.listings.push(listing)
  }

  publish(): void {
    this.rooms.writeAsRelay(roomName(DEMO_WORKSPACE, WORKSPACE_DOCUMENT), (workspace) => {
      for (const l of this.listings) {
        addEntry(workspace, l.entry, l.by, { id: l.id, now: l.at })
        setSummary(workspace, l.id, l.summary)
      }
    })
  }
}
