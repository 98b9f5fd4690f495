import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'

export type Db = Database.Database

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS workspaces (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT 'PL');
CREATE TABLE IF NOT EXISTS agencies (
  workspace_id TEXT NOT NULL REFERENCES workspaces(id), id TEXT NOT NULL,
  name TEXT NOT NULL, type TEXT NOT NULL, PRIMARY KEY (workspace_id, id));
CREATE TABLE IF NOT EXISTS members (
  workspace_id TEXT NOT NULL, id TEXT NOT NULL, display_name TEXT NOT NULL,
  agency_id TEXT NOT NULL, role TEXT NOT NULL, removed_at TEXT,
  PRIMARY KEY (workspace_id, id),
  FOREIGN KEY (workspace_id, agency_id) REFERENCES agencies(workspace_id, id));
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL, member_id TEXT NOT NULL,
  label TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT,
  FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id));
CREATE TABLE IF NOT EXISTS device_secrets (
  device_id TEXT PRIMARY KEY REFERENCES devices(id), secret_hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS signing_keys (
  device_id TEXT PRIMARY KEY REFERENCES devices(id), jwk TEXT NOT NULL,
  registered_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invitations (
  code_hash BLOB PRIMARY KEY, workspace_id TEXT NOT NULL, member_id TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT,
  FOREIGN KEY (workspace_id, member_id) REFERENCES members(workspace_id, id));
CREATE TABLE IF NOT EXISTS documents (
  workspace_id TEXT NOT NULL, id TEXT NOT NULL, owner_agency_id TEXT NOT NULL,
  created_by TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (workspace_id, id));
CREATE TABLE IF NOT EXISTS grants (
  workspace_id TEXT NOT NULL, document_id TEXT NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('agency', 'member')),
  subject_id TEXT NOT NULL, level TEXT NOT NULL CHECK (level IN ('read', 'write')),
  PRIMARY KEY (workspace_id, document_id, subject_kind, subject_id));
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL,
  at INTEGER, connection INTEGER, member_id TEXT, agency_id TEXT, device_id TEXT);
CREATE INDEX IF NOT EXISTS updates_room ON updates (room, seq);
CREATE TABLE IF NOT EXISTS snapshots (
  room TEXT PRIMARY KEY, data BLOB NOT NULL, upto_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS quarantine (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, room TEXT NOT NULL, data BLOB NOT NULL,
  reason TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history_chunks (
  id INTEGER PRIMARY KEY, room TEXT NOT NULL, entries INTEGER NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS history_chunks_room ON history_chunks (room, id);
CREATE TABLE IF NOT EXISTS history_folded (
  room TEXT PRIMARY KEY, upto_seq INTEGER NOT NULL, open_id INTEGER, open_connection INTEGER);
CREATE TABLE IF NOT EXISTS access_log (
  id INTEGER PRIMARY KEY, workspace_id TEXT NOT NULL, document_id TEXT NOT NULL,
  member_id TEXT NOT NULL, agency_id TEXT NOT NULL, access TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS access_log_document ON access_log (workspace_id, document_id, id);
CREATE INDEX IF NOT EXISTS access_log_at ON access_log (at);
CREATE TABLE IF NOT EXISTS scrub_pages (data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS document_closure (
  workspace_id TEXT NOT NULL, document_id TEXT NOT NULL, kind TEXT,
  closed_at INTEGER, hold_by TEXT, hold_at INTEGER, PRIMARY KEY (workspace_id, document_id));
CREATE TABLE IF NOT EXISTS tombstones (
  workspace_id TEXT NOT NULL, document_id TEXT NOT NULL, kind TEXT NOT NULL,
  owner_agency_id TEXT NOT NULL, closed_at INTEGER NOT NULL, purged_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, document_id));
`

/** A row's blob as a plain Uint8Array (a view, no copy). */
export const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/**
 * How a connection syncs its own writes: FULL fsyncs the WAL inside every commit; NORMAL only
 * around checkpoints and when the WAL starts over; OFF never (the relay fsyncs the WAL itself
 * after each commit, off its thread: wal-sync.ts). Without a sync, a confirmed update survives
 * kill -9, not power loss.
 */
export type Synchronous = 'FULL' | 'NORMAL' | 'OFF'

/** Opens (creating if needed) the relay's one SQLite file in WAL mode. */
export const openDb = (
  dataDir: string,
  { synchronous = 'FULL' }: { synchronous?: Synchronous } = {},
): Db => {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, 'mosty.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // Deleted rows' bytes zeroed where that costs no I/O (R32, secure-store.ts).
  db.pragma('secure_delete = FAST')
  db.exec(SCHEMA)
  addWorkspaceCountry(db)
  return db
}

/**
 * W7: a database from before workspaces had a country gains the column; its partnerships were
 * all Polish, so existing rows get PL (the column's default).
 */
const addWorkspaceCountry = (db: Db): void => {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('workspaces')
  if (!columns.includes('country')) {
    db.exec(`ALTER TABLE workspaces ADD COLUMN country TEXT NOT NULL DEFAULT 'PL'`)
  }
}

/**
 * Before a connection checkpoints by itself (as the last one to close, or when the checkpoint
 * thread is gone): a checkpoint must sync the WAL before copying it and the database after, or a
 * power loss could leave the file corrupt. OFF would skip both; NORMAL does them.
 */
export const syncOwnCheckpoints = (db: Db): void => {
  if (db.pragma('synchronous', { simple: true }) === 0) db.pragma('synchronous = NORMAL')
}
