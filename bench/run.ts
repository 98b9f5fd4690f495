/**
 * `npm run bench`: every benchmark in turn, each in its own process so one does not disturb
 * the next. Builds the PWA first (the client benchmarks measure the built app), then the relay
 * bundle: the PWA's build empties dist/, which held dist/relay/main.js, so a bench left
 * `npm start`'s bundle deleted until it was built again.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const RELAY_BUNDLE = path.resolve(import.meta.dirname, '..', 'dist', 'relay', 'main.js')

const steps: [string, string[]][] = [
  ['build', ['npx', 'vite', 'build', '--logLevel', 'warn']],
  [
    'relay build',
    ['npx', 'vite', 'build', '--config', 'sync-server/vite.config.ts', '--logLevel', 'warn'],
  ],
  ['relay', [process.execPath, '--import', 'tsx', 'bench/relay.ts']],
  ['client', [process.execPath, '--import', 'tsx', 'bench/client.ts']],
  ['slow link', [process.execPath, '--import', 'tsx', 'bench/slow-link.ts']],
]

for (const [name, [cmd, ...args]] of steps) {
  const result = spawnSync(cmd as string, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    process.stderr.write(`bench: ${name} failed (exit ${result.status})\n`)
    process.exit(1)
  }
}

const kept = fs.existsSync(RELAY_BUNDLE)
process.stderr.write(
  `\nrelay bundle after the bench: dist/relay/main.js ${kept ? 'present' : 'missing'}  ${kept ? 'PASS' : 'FAIL'}\n`,
)
if (!kept) process.exit(1)
