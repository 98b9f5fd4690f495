import path from 'node:path'
import type { SqliteSync } from './wal-sync.ts'

/** Every tunable of the relay, read once from the environment. */
export interface RelayConfig {
  host: string
  port: number
  dataDir: string
  /** Folder of the built PWA served at `/`; null serves nothing but the API. */
  staticDir: string | null
  maxMessageBytes: number
  /** Concurrent rooms (sockets) one device may hold open. */
  maxRoomsPerDevice: number
  /** Token bucket per connection: sustained messages per second and burst. */
  rateLimitPerSecond: number
  rateLimitBurst: number
  /** A socket whose unsent buffer exceeds this is closed as a slow consumer. */
  maxBufferedBytes: number
  /**
   * Group commit window: updates arriving within it share one SQLite transaction (one fsync).
   * Saves are confirmed this much later; each commit costs about the same whatever it holds
   * (20 busy rooms: ~20 index pages written and an fsync), so a longer window costs less CPU per
   * update: at 1,000 updates/s, 10 ms ~2.6 µs per delivery, 20 ms ~1.6, 40 ms ~1.1; in-process,
   * 100 ms instead of 40 saves a further ~6 µs per update (29 instead of 35). A save is then
   * confirmed within about a tenth of a second, which nobody sees; forwarding never waits.
   */
  commitDelayMs: number
  /**
   * Compact a room's log into its snapshot after this many updates or bytes. Each compaction
   * merges the room's whole document (10–30 ms for a long one), so fewer of them cost less; a
   * room opened with up to this many updates to merge still opens in a few ms (tree merge).
   */
  compactUpdates: number
  compactBytes: number
  /** Unload a room this long after its last connection left. */
  idleUnloadMs: number
  /**
   * One connection's consecutive updates within this window of the first form one history
   * entry: rows grow with editing sessions and changes of author, not with keystrokes.
   */
  historyWindowMs: number
  /** How often to look for access changes written by another process (the admin CLI). */
  aclPollMs: number
  /** Seed the demo partnership into an empty store. */
  seedDemo: boolean
  /** Seed the demo partnership's example documents once (`npm start`; never in tests). */
  seedDemoDocuments: boolean
  /** Offer the demo partnership's members as one-click logins (for exploring, never production). */
  demoLogin: boolean
  tokenTtlSeconds: number
  /** How a commit is made durable before it is confirmed (see wal-sync.ts). */
  sqliteSync: SqliteSync
  /** Days a closed document is kept before it is purged, per kind, and the access log (R33). */
  retentionReferralDays: number
  retentionPlanDays: number
  retentionMediationDays: number
  accessLogRetentionDays: number
  /** How often the relay looks for purges due (and once when it starts). */
  retentionSweepMs: number
  /**
   * Shifts the relay's retention clock (closing dates, purges, holds): a hook for tests and
   * retention drills, 0 in production.
   */
  clockOffsetMs: number
}

const sqliteSync = (raw: string | undefined): SqliteSync => {
  if (raw === undefined || raw === '') return 'background'
  if (raw === 'background' || raw === 'full' || raw === 'normal') return raw
  throw new Error(`SQLITE_SYNC must be background, full or normal, not ${raw}`)
}

const int = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`)
  return value
}

export const loadConfig = (): RelayConfig => ({
  host: process.env.HOST ?? '127.0.0.1',
  port: int('PORT', 8080),
  dataDir: path.resolve(process.env.DATA_DIR ?? 'data'),
  staticDir: process.env.STATIC_DIR === '' ? null : path.resolve(process.env.STATIC_DIR ?? 'dist'),
  maxMessageBytes: int('MAX_MESSAGE_BYTES', 1024 * 1024),
  maxRoomsPerDevice: int('MAX_ROOMS_PER_DEVICE', 200),
  rateLimitPerSecond: int('RATE_LIMIT_PER_SECOND', 100),
  rateLimitBurst: int('RATE_LIMIT_BURST', 400),
  maxBufferedBytes: int('MAX_BUFFERED_BYTES', 8 * 1024 * 1024),
  commitDelayMs: int('COMMIT_DELAY_MS', 100),
  compactUpdates: int('COMPACT_UPDATES', 2000),
  compactBytes: int('COMPACT_BYTES', 512 * 1024),
  idleUnloadMs: int('IDLE_UNLOAD_MS', 30_000),
  historyWindowMs: int('HISTORY_WINDOW_MS', 10_000),
  aclPollMs: int('ACL_POLL_MS', 250),
  seedDemo: process.env.SEED_DEMO !== '0',
  seedDemoDocuments: process.env.SEED_DEMO_DOCUMENTS === '1',
  sqliteSync: sqliteSync(process.env.SQLITE_SYNC),
  demoLogin: process.env.DEMO_LOGIN === '1',
  tokenTtlSeconds: int('TOKEN_TTL_SECONDS', 3600),
  retentionReferralDays: int('RETENTION_REFERRAL_DAYS', 3 * 365),
  retentionPlanDays: int('RETENTION_PLAN_DAYS', 5 * 365),
  retentionMediationDays: int('RETENTION_MEDIATION_DAYS', 2 * 365),
  accessLogRetentionDays: int('ACCESS_LOG_RETENTION_DAYS', 2 * 365),
  retentionSweepMs: int('RETENTION_SWEEP_MS', 3_600_000),
  clockOffsetMs: int('RELAY_CLOCK_OFFSET_MS', 0),
})
