/**
 * `npm run bench`: every benchmark in turn, each in its own process so one does not disturb
 * the next. Builds the PWA first (the client benchmark measures the built app).
 */
import { spawnSync } from 'node:child_process'

const steps: [string, string[]][] = [
  ['build', ['npx', 'vite', 'build', '--logLevel', 'warn']],
  ['relay', [process.execPath, '--import', 'tsx', 'bench/relay.ts']],
  ['client', [process.execPath, '--import', 'tsx', 'bench/client.ts']],
]

for (const [name, [cmd, ...args]] of steps) {
  const result = spawnSync(cmd as string, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    process.stderr.write(`bench: ${name} failed (exit ${result.status})\n`)
    process.exit(1)
  }
}
