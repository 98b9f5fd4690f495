import * as Y from 'yjs'
import { closureOf } from '../src/model/closure.ts'
import type { DocumentKind } from '../src/model/types.ts'
import { parseRoom, roomName } from '../src/sync/protocol.ts'
import type { Db } from './db.ts'
import type { Author } from './history-coalesce.ts'
import type { HistoryLog } from './history-log.ts'
import { log } from './log.ts'
import { scrubFreePages, withSecureDelete } from './secure-store.ts'

const DAY_MS = 86_400_000

/** Retention periods in days (README "Retention"): per kind of closed document, and the access log. */
export interface RetentionPeriods {
  referralDays: number
  planDays: number
  mediationDays: number
  accessLogDays: number
}

export interface DuePurge {
  documentId: string
  kind: DocumentKind | null
  closedAt: number
  purgeAt: number
  held: boolean
  heldBy: string | null
}

export interface Tombstone {
  documentId: string
  kind: string
  ownerAgencyId: string
  closedAt: number
  purgedAt: number
}

interface ClosureRow {
  workspaceId: string
  documentId: string
  kind: DocumentKind | null
  closedAt: number | null
  holdBy: string | null
}

/**
 * R33–R35: closed documents purged once their kind's retention period has passed since they
 * closed, unless a coordinator placed a legal hold; the access log pruned after its own period.
 * The relay learns that a document closed from its state (the model's closureOf) when the room
 * unloads after changes, and records when it first saw it closed (its own clock: device clocks
 * are not trusted); a document seen open again loses that date. A purge leaves a tombstone only.
 */
export class Retention {
  private readonly selectClosure
  private readonly upsertClosure
  private readonly clearClosed
  private readonly setHold
  private readonly selectClosed
  private readonly selectTombstone
  private readonly insertTombstone
  private readonly selectOwner
  private readonly purgeStatements
  private readonly pruneAccessLog

  constructor(
    private readonly db: Db,
    private readonly history: HistoryLog,
    private readonly periods: RetentionPeriods,
    /** The relay's clock (ms); config.clockOffsetMs shifts it for tests and drills. */
    readonly now: () => number,
    private readonly afterPurge: (workspaceId: string, documentId: string) => void,
  ) {
    this.selectClosure = db.prepare(
      `SELECT kind, closed_at AS closedAt, hold_by AS holdBy FROM document_closure
       WHERE workspace_id = ? AND document_id = ?`,
    )
    this.upsertClosure = db.prepare(
      `INSERT INTO document_closure (workspace_id, document_id, kind, closed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (workspace_id, document_id) DO UPDATE SET kind = excluded.kind,
       closed_at = coalesce(document_closure.closed_at, excluded.closed_at)`,
    )
    this.clearClosed = db.prepare(
      `UPDATE document_closure SET kind = ?, closed_at = NULL
       WHERE workspace_id = ? AND document_id = ?`,
    )
    this.setHold = db.prepare(
      `INSERT INTO document_closure (workspace_id, document_id, kind, hold_by, hold_at)
       VALUES (?, ?, NULL, ?, ?) ON CONFLICT (workspace_id, document_id) DO UPDATE SET
       hold_by = excluded.hold_by, hold_at = excluded.hold_at`,
    )
    this.selectClosed = db.prepare(
      `SELECT c.workspace_id AS workspaceId, c.document_id AS documentId, c.kind,
       c.closed_at AS closedAt, c.hold_by AS holdBy, d.owner_agency_id AS ownerAgencyId
       FROM document_closure c JOIN documents d
       ON d.workspace_id = c.workspace_id AND d.id = c.document_id
       WHERE c.closed_at IS NOT NULL`,
    )
    this.selectTombstone = db.prepare(
      `SELECT document_id AS documentId, kind, owner_agency_id AS ownerAgencyId,
       closed_at AS closedAt, purged_at AS purgedAt FROM tombstones
       WHERE workspace_id = ? AND document_id = ?`,
    )
    this.insertTombstone = db.prepare(
      `INSERT OR REPLACE INTO tombstones
       (workspace_id, document_id, kind, owner_agency_id, closed_at, purged_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    this.selectOwner = db
      .prepare('SELECT owner_agency_id FROM documents WHERE workspace_id = ? AND id = ?')
      .pluck()
    const byRoom = (table: string) => db.prepare(`DELETE FROM ${table} WHERE room = ?`)
    const byDocument = (table: string, id = 'document_id') =>
      db.prepare(`DELETE FROM ${table} WHERE workspace_id = ? AND ${id} = ?`)
    this.purgeStatements = {
      rooms: ['updates', 'snapshots', 'history_chunks', 'history_folded', 'quarantine'].map(byRoom),
      documents: [
        byDocument('access_log'),
        byDocument('grants'),
        byDocument('document_closure'),
        byDocument('documents', 'id'),
      ],
    }
    this.pruneAccessLog = db.prepare('DELETE FROM access_log WHERE at < ?')
  }

  /** The period of a kind of document, in ms. */
  private periodOf(kind: DocumentKind | null): number | null {
    if (kind === 'referral') return this.periods.referralDays * DAY_MS
    if (kind === 'plan') return this.periods.planDays * DAY_MS
    if (kind === 'mediation') return this.periods.mediationDays * DAY_MS
    return null
  }

  /**
   * A room's state as it leaves memory after changes (or is compacted): its kind and whether it
   * is closed recorded; a reopened document's closing date cleared. The directory room and any
   * document of no known kind are left alone.
   */
  noteState(room: string, state: Uint8Array): void {
    const name = parseRoom(room)
    if (!name) return
    const doc = new Y.Doc()
    let closure
    try {
      Y.applyUpdate(doc, state)
      closure = closureOf(doc)
    } catch {
      return
    } finally {
      doc.destroy()
    }
    if (!closure) return
    const { workspaceId, documentId } = name
    const row = this.selectClosure.get(workspaceId, documentId) as ClosureRow | undefined
    if (closure.closed) {
      if (!row || row.closedAt === null || row.kind !== closure.kind) {
        this.upsertClosure.run(workspaceId, documentId, closure.kind, this.now())
      }
    } else if (row && row.closedAt !== null) {
      this.clearClosed.run(closure.kind, workspaceId, documentId)
    }
  }

  /** The documents an agency owns whose purge is due before `now + withinMs`, soonest first. */
  due(workspaceId: string, agencyId: string, withinMs: number): DuePurge[] {
    const until = this.now() + withinMs
    const rows = this.selectClosed.all() as (ClosureRow & { ownerAgencyId: string })[]
    return rows
      .filter((r) => r.workspaceId === workspaceId && r.ownerAgencyId === agencyId)
      .flatMap((r) => {
        const period = this.periodOf(r.kind)
        if (period === null || r.closedAt === null) return []
        const purgeAt = r.closedAt + period
        if (purgeAt > until) return []
        const due: DuePurge = {
          documentId: r.documentId,
          kind: r.kind,
          closedAt: r.closedAt,
          purgeAt,
          held: r.holdBy !== null,
          heldBy: r.holdBy,
        }
        return [due]
      })
      .sort((a, b) => a.purgeAt - b.purgeAt)
  }

  /** R34: places or lifts a legal hold, recorded in the document's history as the coordinator's. */
  hold(workspaceId: string, documentId: string, placed: boolean, who: Author): number {
    const at = this.now()
    return this.db.transaction(() => {
      this.setHold.run(workspaceId, documentId, placed ? who.memberId : null, placed ? at : null)
      return this.history.recordEvent(roomName(workspaceId, documentId), {
        source: 'legal-hold',
        author: who,
        firstAt: at,
        lastAt: at,
        updates: 0,
        parts: [],
        note: placed ? 'placed' : 'lifted',
      })
    })()
  }

  tombstone(workspaceId: string, documentId: string): Tombstone | undefined {
    return this.selectTombstone.get(workspaceId, documentId) as Tombstone | undefined
  }

  /**
   * Purges every closed document whose period has passed and that no hold keeps, and prunes the
   * access log. Returns the purged rooms. Each purge is one transaction with secure_delete on.
   */
  sweep(): string[] {
    const now = this.now()
    const purged: string[] = []
    const rows = this.selectClosed.all() as (ClosureRow & { ownerAgencyId: string })[]
    for (const r of rows) {
      const period = this.periodOf(r.kind)
      if (period === null || r.closedAt === null || r.holdBy !== null) continue
      if (r.closedAt + period > now) continue
      this.purge(r.workspaceId, r.documentId, r.kind ?? 'unknown', r.closedAt, now)
      purged.push(roomName(r.workspaceId, r.documentId))
    }
    const pruned = withSecureDelete(this.db, () => {
      const n = this.pruneAccessLog.run(now - this.periods.accessLogDays * DAY_MS).changes
      if (purged.length > 0 || n > 0) scrubFreePages(this.db)
      return n
    })
    if (purged.length > 0 || pruned > 0) {
      log('info', 'retention sweep', { purged: purged.length, accessLogPruned: pruned })
    }
    return purged
  }

  private purge(
    workspaceId: string,
    documentId: string,
    kind: string,
    closedAt: number,
    now: number,
  ): void {
    const room = roomName(workspaceId, documentId)
    withSecureDelete(this.db, () => {
      const owner = this.selectOwner.get(workspaceId, documentId) as string
      for (const s of this.purgeStatements.rooms) s.run(room)
      for (const s of this.purgeStatements.documents) s.run(workspaceId, documentId)
      this.insertTombstone.run(workspaceId, documentId, kind, owner, closedAt, now)
    })
    this.afterPurge(workspaceId, documentId)
  }
}
