import { describe, expect, it } from 'vitest'
import { type Client, waitFor } from './harness.ts'
import {
  admin,
  awarenessBarrier,
  intruderFrames,
  ownClock,
  rawConnect,
  watchAuth,
  watchSaved,
} from './wire.ts'
import { relayForSuite } from './suite.ts'

const text = (c: Client): string => c.doc.getText('t').toString()

/** Appends `s` on `from` and waits until `to` has it: the two still sync. */
const syncsTo = async (from: Client, to: Client, s: string): Promise<void> => {
  from.doc.getText('t').insert(text(from).length, s)
  await waitFor(`"${s}" to arrive`, () => text(to).includes(s))
}

describe('relay: revocation of open connections', () => {
  const synced = (...cs: Client[]): Promise<void> =>
    waitFor('clients synced', () => cs.every((c) => c.synced()))

  const suite = relayForSuite()
  const { open } = suite

  it('R6: revoking a device closes all its sockets with 4410; other devices and members in the room keep syncing', async () => {
    const lost = await suite.relay.token('anna', { deviceId: 'anna-lost-phone' })
    const lostA = open('demo/rev-device-1', lost)
    const lostB = open('demo/rev-device-2', lost)
    const laptop = open(
      'demo/rev-device-1',
      await suite.relay.token('anna', { deviceId: 'anna-laptop' }),
    )
    const marek = open('demo/rev-device-1', await suite.relay.token('marek'))
    await synced(lostA, lostB, laptop, marek)
    await syncsTo(lostA, marek, 'przed utratą telefonu; ')

    suite.relay.store.revokeDevice('anna-lost-phone')
    await waitFor('lost phone closed', () => lostA.closes.length > 0 && lostB.closes.length > 0)
    for (const c of [lostA, lostB]) {
      expect(c.closes).toEqual([{ code: 4410, reason: 'device revoked' }])
      expect(c.provider.shouldConnect).toBe(false)
    }

    await syncsTo(marek, laptop, 'marek dalej pisze; ')
    await syncsTo(laptop, marek, 'anna z laptopa; ')
    expect(marek.closes).toEqual([])
    expect(laptop.closes).toEqual([])
    const again = rawConnect(suite.relay, 'demo/rev-device-1', lost, intruderFrames('again'))
    expect(await again.closed).toEqual({ code: 4410, reason: 'device revoked' })
    expect(again.frames).toEqual([])
  })

  it("R6: revoking an agency's grant closes that agency's sockets to that room with 4410, not to other rooms", async () => {
    const annaToken = await suite.relay.token('anna')
    const anna1 = open('demo/rev-grant-1', annaToken)
    const anna2 = open('demo/rev-grant-2', annaToken)
    await synced(anna1, anna2)
    for (const doc of ['rev-grant-1', 'rev-grant-2']) {
      suite.relay.store.grant('demo', doc, 'agency', 'fundacja', 'write')
    }
    const ewaToken = await suite.relay.token('ewa')
    const ewa1 = open('demo/rev-grant-1', ewaToken)
    const ewa2 = open('demo/rev-grant-2', ewaToken)
    const piotr1 = open('demo/rev-grant-1', await suite.relay.token('piotr'))
    await synced(ewa1, ewa2, piotr1)
    await syncsTo(ewa1, anna1, 'fundacja przyjmuje; ')

    suite.relay.store.revokeGrant('demo', 'rev-grant-1', 'agency', 'fundacja')
    await waitFor(
      'fundacja closed in room 1',
      () => ewa1.closes.length > 0 && piotr1.closes.length > 0,
    )
    for (const c of [ewa1, piotr1]) {
      expect(c.closes).toEqual([{ code: 4410, reason: 'access to this document revoked' }])
    }

    await syncsTo(ewa2, anna2, 'w drugim dokumencie dalej; ')
    await syncsTo(anna2, ewa2, 'dziękuję; ')
    expect(ewa2.closes).toEqual([])
    expect(anna1.closes).toEqual([])
  })

  it('R6: downgrading a grant from write to read makes the open connection read-only; upgrading it again delivers what was held back', async () => {
    const anna = open('demo/rev-downgrade', await suite.relay.token('anna'))
    await synced(anna)
    suite.relay.store.grant('demo', 'rev-downgrade', 'agency', 'fundacja', 'write')
    const ewa = open('demo/rev-downgrade', await suite.relay.token('ewa'))
    const denied = watchAuth(ewa)
    await synced(ewa)
    await syncsTo(ewa, anna, 'ewa pisze; ')
    expect(denied).toEqual([])

    suite.relay.store.grant('demo', 'rev-downgrade', 'agency', 'fundacja', 'read')
    await waitFor('ewa told read-only', () => denied.length > 0)
    expect(denied[0]).toMatch(/^read-only/)

    ewa.doc.getText('t').insert(text(ewa).length, 'po odebraniu prawa zapisu; ')
    await awarenessBarrier(ewa, anna, waitFor)
    expect(text(anna)).not.toContain('po odebraniu prawa zapisu')
    // Still open, still reading.
    await syncsTo(anna, ewa, 'anna dalej pisze; ')
    expect(ewa.closes).toEqual([])

    suite.relay.store.grant('demo', 'rev-downgrade', 'agency', 'fundacja', 'write')
    await waitFor('held-back edit arrives', () => text(anna).includes('po odebraniu prawa zapisu'))
    await waitFor('converged', () => text(anna) === text(ewa))
  })

  it('R6: removing a member closes their sockets with 4410', async () => {
    suite.relay.store.createMember('demo', 'odchodzaca', 'Odchodząca', 'mops', 'field-worker')
    const leaver = open('demo/rev-member', await suite.relay.token('odchodzaca'))
    const anna = open('demo/rev-member', await suite.relay.token('anna'))
    const marek = open('demo/rev-member', await suite.relay.token('marek'))
    await synced(leaver, anna, marek)
    suite.relay.store.removeMember('demo', 'odchodzaca')
    await waitFor('leaver closed', () => leaver.closes.length > 0)
    expect(leaver.closes).toEqual([{ code: 4410, reason: 'member removed' }])
    await syncsTo(anna, marek, 'zespół pracuje dalej; ')
    expect(anna.closes).toEqual([])
    expect(marek.closes).toEqual([])
  })
})

describe('relay: admin CLI against a running relay', () => {
  const suite = relayForSuite()
  const { open } = suite

  it('`admin.ts token` prints a token that connects and writes', async () => {
    const out = await admin(suite.relay, ['token', '--workspace', 'demo', '--member', 'anna'])
    expect(out).toMatchObject({ code: 0, stderr: '' })
    const c = open('demo/cli-token', out.stdout.trim())
    const saved = watchSaved(c)
    await waitFor('synced', () => c.synced())
    c.doc.getText('t').insert(0, 'z wiersza poleceń')
    await waitFor('saved', () => (saved.latest().get(c.doc.clientID) ?? 0) >= ownClock(c.doc))
    expect(c.closes).toEqual([])

    const list = await admin(suite.relay, ['device-list', '--workspace', 'demo'])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(/^cli-\S+\tanna\tcommand line\tactive$/m)
  })

  it('R6: `admin.ts grant` and `device-revoke` take effect on open sockets', async () => {
    const anna = open('demo/cli-grant', await suite.relay.token('anna'))
    await waitFor('anna synced', () => anna.synced())
    const ewaToken = await suite.relay.token('ewa', { deviceId: 'ewa-tablet' })
    const refused = rawConnect(suite.relay, 'demo/cli-grant', ewaToken)
    expect((await refused.closed).code).toBe(4403)

    const grant = (level: string): Promise<{ code: number }> =>
      admin(suite.relay, [
        'grant',
        '--workspace',
        'demo',
        '--document',
        'cli-grant',
        '--agency',
        'fundacja',
        '--level',
        level,
      ])
    expect((await grant('write')).code).toBe(0)
    const ewa = open('demo/cli-grant', ewaToken)
    const denied = watchAuth(ewa)
    await waitFor('ewa synced', () => ewa.synced())
    await syncsTo(ewa, anna, 'ewa z prawem zapisu; ')

    expect((await grant('read')).code).toBe(0)
    await waitFor('ewa told read-only', () => denied.length > 0)
    ewa.doc.getText('t').insert(0, 'tylko do odczytu; ')
    await awarenessBarrier(ewa, anna, waitFor)
    expect(text(anna)).not.toContain('tylko do odczytu')

    expect((await admin(suite.relay, ['device-revoke', '--id', 'ewa-tablet'])).code).toBe(0)
    await waitFor('ewa closed', () => ewa.closes.length > 0)
    expect(ewa.closes).toEqual([{ code: 4410, reason: 'device revoked' }])
    expect(anna.closes).toEqual([])
  })

  it('`admin.ts` with a bad command or bad options exits non-zero with a readable message', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command: frobnicate/],
      [['token', '--workspace', 'demo'], /--member is required/],
      [['token', '--workspace', 'demo', '--member', 'nobody'], /no member nobody in demo/],
      [
        ['grant', '--workspace', 'demo', '--document', 'x', '--agency', 'mops', '--level', 'all'],
        /--level must be read or write/,
      ],
      [['device-revoke', '--bogus'], /--bogus/],
    ]
    const results = await Promise.all(cases.map(([args]) => admin(suite.relay, args)))
    results.forEach((r, i) => {
      const [, message] = cases[i]!
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/^mosty admin: /)
      expect(r.stderr).toMatch(message)
      // One line for a person, not a stack trace.
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    })
  })
})
