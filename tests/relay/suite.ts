import { afterAll, afterEach, beforeAll } from 'vitest'
import type * as Y from 'yjs'
import { type Client, connect, RelayProcess } from './harness.ts'

/**
 * A relay process for one describe block, with its settings: started before the block's tests,
 * stopped after them. `open` connects a stock client, destroyed after the test that opened it.
 * (Kept apart from harness.ts, which the benchmark imports outside vitest.)
 */
export const relayForSuite = (env: Record<string, string> = {}) => {
  let relay: RelayProcess | undefined
  const clients: Client[] = []
  beforeAll(async () => {
    relay = await RelayProcess.start(env)
  })
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()))
  afterAll(async () => {
    await relay?.stop()
  })
  const suite = {
    get relay(): RelayProcess {
      if (!relay) throw new Error('the relay is started before the first test')
      return relay
    },
    open(room: string, token: string, doc?: Y.Doc): Client {
      const c = connect(suite.relay, room, token, doc)
      clients.push(c)
      return c
    },
  }
  return suite
}
