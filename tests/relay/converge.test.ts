import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'

describe('relay: convergence', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  beforeAll(async () => {
    relay = await RelayProcess.start()
  })
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await relay.stop()
  })

  it('R9: two clients on one room converge; a third joining later receives the whole state', async () => {
    const token = await relay.token('anna')
    const a = connect(relay, 'demo/plan-1', token)
    const b = connect(relay, 'demo/plan-1', await relay.token('marek'))
    clients.push(a, b)
    await waitFor('both synced', () => a.synced() && b.synced())
    a.doc.getText('goal').insert(0, 'Dzieci chodzą do szkoły')
    b.doc.getMap('status').set('state', 'active')
    await waitFor(
      'convergence',
      () =>
        b.doc.getText('goal').toString() === 'Dzieci chodzą do szkoły' &&
        a.doc.getMap('status').get('state') === 'active',
    )
    const c = connect(relay, 'demo/plan-1', await relay.token('anna'))
    clients.push(c)
    await waitFor('late joiner synced', () => c.synced())
    await waitFor(
      'late joiner content',
      () => c.doc.getText('goal').toString() === 'Dzieci chodzą do szkoły',
    )
    expect(c.doc.getMap('status').get('state')).toBe('active')
  })
})
