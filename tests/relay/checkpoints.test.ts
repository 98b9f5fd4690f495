/**
 * The relay's own connection never copies the WAL back into the database file (a checkpoint
 * stalls every socket for its fsyncs); its checkpointing thread does, while the relay runs.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from './frames.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'
import { storedDoc } from './wire.ts'

describe('relay: checkpoints', () => {
  let relay: RelayProcess
  let client: Client | undefined

  beforeAll(async () => {
    relay = await RelayProcess.start()
  })
  afterAll(async () => {
    client?.destroy()
    await relay?.stop()
  })

  it('R7: what is committed reaches the database file while the relay runs', async () => {
    const file = path.join(relay.dataDir, 'mosty.sqlite')
    const sizeBefore = fs.statSync(file).size
    client = connect(relay, 'demo/checkpointed', await relay.token('anna'))
    await waitFor('synced', () => client!.synced())
    const notes = client.doc.getMap('notes')
    // 4 MiB of notes in 64 KiB pieces: far more than the WAL's usual thousand pages.
    const piece = 'Notatka z wizyty. '.repeat(3641)
    for (let i = 0; i < 64; i++) notes.set(`n${i}`, `${i} ${piece}`)
    await waitFor('stored', () => storedDoc(relay, 'demo/checkpointed').getMap('notes').size === 64)
    await eventually(
      'the database file to hold the notes',
      () => fs.statSync(file).size - sizeBefore > 4 * 1024 * 1024,
    )
    expect(storedDoc(relay, 'demo/checkpointed').getMap('notes').get('n63')).toBe(`63 ${piece}`)
    // The thread did it: had it failed, the relay would have said so and let commits do it.
    expect(relay.output).not.toContain('checkpoint')
  })
})
