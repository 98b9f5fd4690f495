import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getWorkspaceCountry } from '../../src/model/workspace.ts'
import { AccessStore } from '../../sync-server/access-store.ts'
import { openDb } from '../../sync-server/db.ts'
import { type Client, waitFor } from './harness.ts'
import { relayForSuite } from './suite.ts'
import { admin } from './wire.ts'

// W7: the workspace's country is the relay's record (workspaces.country), set by the operator
// and published into <workspace>/workspace with the directory, so every device counts working
// days with the right public holidays offline.

describe('relay: the workspace country (W7)', () => {
  const suite = relayForSuite()
  const synced = (c: Client) => waitFor('workspace synced', c.synced)

  it('W7: the demo partnership is Polish, and its country reaches the workspace document', async () => {
    const reader = suite.open('demo/workspace', await suite.relay.token('anna'))
    await synced(reader)
    await waitFor('country published', () => getWorkspaceCountry(reader.doc) !== undefined)
    expect(getWorkspaceCountry(reader.doc)).toBe('PL')
  })

  it('W7: `admin.ts workspace-country` changes it on open devices; a country without a calendar is refused', async () => {
    const reader = suite.open('demo/workspace', await suite.relay.token('ewa'))
    await synced(reader)
    await waitFor('country published', () => getWorkspaceCountry(reader.doc) === 'PL')

    const refused = await admin(suite.relay, [
      'workspace-country',
      '--id',
      'demo',
      '--country',
      'DE',
    ])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/^mosty admin: unknown country: DE \(PL, KG\)/)
    const unknown = await admin(suite.relay, [
      'workspace-country',
      '--id',
      'nowhere',
      '--country',
      'KG',
    ])
    expect(unknown.stderr).toMatch(/no workspace nowhere/)
    expect(suite.relay.store.workspaceCountry('demo')).toBe('PL')

    const set = await admin(suite.relay, ['workspace-country', '--id', 'demo', '--country', 'KG'])
    expect(set).toMatchObject({ code: 0, stderr: '' })
    await waitFor('KG published', () => getWorkspaceCountry(reader.doc) === 'KG')
    // A device that connects later gets it too.
    const later = suite.open('demo/workspace', await suite.relay.token('zofia'))
    await synced(later)
    await waitFor('KG on a new device', () => getWorkspaceCountry(later.doc) === 'KG')

    await admin(suite.relay, ['workspace-country', '--id', 'demo', '--country', 'PL'])
    await waitFor('PL again', () => getWorkspaceCountry(reader.doc) === 'PL')
  })

  it('W7: a Kyrgyz partnership added with `workspace-add --country KG` publishes KG', async () => {
    const run = (...args: string[]) => admin(suite.relay, args)
    expect(
      (await run('workspace-add', '--id', 'naryn', '--name', 'Naryn', '--country', 'KG')).code,
    ).toBe(0)
    await run(
      'agency-add',
      '--workspace',
      'naryn',
      '--id',
      'uszn',
      '--name',
      'USZN',
      '--type',
      'social-service',
    )
    const member = await run(
      'member-add',
      '--workspace',
      'naryn',
      '--id',
      'aigul',
      '--name',
      'Aigul',
      '--agency',
      'uszn',
      '--role',
      'field-worker',
    )
    expect(member.code).toBe(0)
    const token = await suite.relay.token('aigul', { workspaceId: 'naryn' })
    const reader = suite.open('naryn/workspace', token)
    await synced(reader)
    await waitFor('KG published', () => getWorkspaceCountry(reader.doc) === 'KG')
  })

  it('W7: a database from before countries gains the column, its partnerships set to PL', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosty-country-'))
    try {
      const old = new Database(path.join(dir, 'mosty.sqlite'))
      old.exec(`CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
        INSERT INTO workspaces VALUES ('old', 'Old partnership', '2025-01-01T00:00:00.000Z');`)
      old.close()
      const db = openDb(dir)
      const store = new AccessStore(db)
      expect(store.workspaceCountry('old')).toBe('PL')
      store.setWorkspaceCountry('old', 'KG')
      expect(store.workspaceCountry('old')).toBe('KG')
      db.close()
      // Opening it again changes nothing.
      const again = openDb(dir)
      expect(new AccessStore(again).workspaceCountry('old')).toBe('KG')
      again.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
