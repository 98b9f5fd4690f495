/**
 * Operator commands against the relay's store (the same SQLite file, safe while the relay runs:
 * the relay notices access changes within ACL_POLL_MS and applies them to open sockets).
 *
 *   token          --workspace W --member M [--device D] [--ttl SECONDS]
 *   workspace-add  --id W --name NAME [--country PL|KG]
 *   workspace-country --id W --country PL|KG
 *   agency-add     --workspace W --id A --name NAME --type TYPE
 *   member-add     --workspace W --id M --name NAME --agency A --role ROLE
 *   member-remove  --workspace W --id M
 *   grant          --workspace W --document D (--agency A | --member M) --level read|write
 *   grant-revoke   --workspace W --document D (--agency A | --member M)
 *   device-list    --workspace W
 *   device-revoke  --id DEVICE
 */
import { randomUUID } from 'node:crypto'
import { parseArgs } from 'node:util'
import { AccessError, AccessStore, type AgencyType, type Level, type Role } from './access-store.ts'
import { issueToken, loadSigningKey } from './auth.ts'
import { loadConfig } from './config.ts'
import { openDb } from './db.ts'

const parse = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      member: { type: 'string' },
      device: { type: 'string' },
      ttl: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      type: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string' },
      document: { type: 'string' },
      level: { type: 'string' },
      country: { type: 'string' },
    },
  })

// An unknown or malformed option is a person's typo: one readable line, not a stack trace.
let args: ReturnType<typeof parse>
try {
  args = parse()
} catch (err) {
  process.stderr.write(`mosty admin: ${(err as Error).message}\n`)
  process.exit(1)
}
const { positionals, values } = args

const need = (key: keyof typeof values): string => {
  const v = values[key]
  if (typeof v !== 'string' || v === '') throw new AccessError(`--${key} is required`)
  return v
}

const subject = (): ['agency' | 'member', string] =>
  values.agency ? ['agency', values.agency] : ['member', need('member')]

const db = openDb(loadConfig().dataDir)
const store = new AccessStore(db)

const run = async (command: string | undefined): Promise<void> => {
  switch (command) {
    case 'token': {
      const workspaceId = need('workspace')
      const memberId = need('member')
      const member = store.member(workspaceId, memberId)
      if (!member || member.removedAt)
        throw new AccessError(`no member ${memberId} in ${workspaceId}`)
      const deviceId = values.device ?? `cli-${randomUUID()}`
      if (!store.device(deviceId))
        store.createDevice(workspaceId, memberId, deviceId, 'command line')
      const ttl = values.ttl ? Number(values.ttl) : undefined
      process.stdout.write(
        (await issueToken(loadSigningKey(db), { workspaceId, memberId, deviceId }, ttl)) + '\n',
      )
      return
    }
    case 'workspace-add':
      return store.createWorkspace(need('id'), need('name'), values.country ?? 'PL')
    case 'workspace-country':
      return store.setWorkspaceCountry(need('id'), need('country'))
    case 'agency-add':
      return store.createAgency(
        need('workspace'),
        need('id'),
        need('name'),
        need('type') as AgencyType,
      )
    case 'member-add':
      return store.createMember(
        need('workspace'),
        need('id'),
        need('name'),
        need('agency'),
        need('role') as Role,
      )
    case 'member-remove':
      return store.removeMember(need('workspace'), need('id'))
    case 'grant': {
      const level = need('level')
      if (level !== 'read' && level !== 'write')
        throw new AccessError('--level must be read or write')
      return store.grant(need('workspace'), need('document'), ...subject(), level as Level)
    }
    case 'grant-revoke':
      return store.revokeGrant(need('workspace'), need('document'), ...subject())
    case 'device-list':
      for (const d of store.listDevices(need('workspace'))) {
        process.stdout.write(`${d.id}\t${d.memberId}\t${d.label}\t${d.revokedAt ?? 'active'}\n`)
      }
      return
    case 'device-revoke':
      return store.revokeDevice(need('id'))
    default:
      throw new AccessError(`unknown command: ${command ?? '(none)'}; see sync-server/admin.ts`)
  }
}

try {
  await run(positionals[0])
} catch (err) {
  process.stderr.write(`mosty admin: ${(err as Error).message}\n`)
  process.exitCode = 1
} finally {
  db.close()
}
