import { loadConfig } from './config.ts'
import { log } from './log.ts'
import { Relay } from './relay.ts'
import { DEMO_MEMBERS, DEMO_WORKSPACE, seedDemo } from './seed.ts'
import { seedDemoDocuments } from './seed-documents.ts'

const config = loadConfig()
const relay = new Relay(config)
const seeded = config.seedDemo && seedDemo(relay.store)
if (config.seedDemoDocuments && seedDemoDocuments(relay.rooms, relay.store)) {
  log('info', 'demo documents seeded')
}
const address = await relay.listen()
const origin = `http://${address.address}:${address.port}`
log('info', 'relay listening', { url: origin, port: address.port, dataDir: config.dataDir })
if (seeded) {
  process.stdout.write(
    `\nMosty is running at ${origin}\n` +
      `Demo partnership "${DEMO_WORKSPACE}" seeded with members: ${DEMO_MEMBERS.map((m) => m.id).join(', ')}\n` +
      `A token for any of them: npm run --silent token -- --workspace ${DEMO_WORKSPACE} --member anna\n\n`,
  )
}

let stopping = false
const shutdown = (signal: string): void => {
  if (stopping) return
  stopping = true
  log('info', 'relay draining', { signal })
  relay.stop().then(
    () => {
      log('info', 'relay stopped')
      process.exit(0)
    },
    (err: Error) => {
      log('error', 'relay stop failed', { error: err.message })
      process.exit(1)
    },
  )
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
