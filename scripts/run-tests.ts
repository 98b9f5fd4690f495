/**
 * Runs every vitest suite and ends with the plain line "N passed, N failed" that CI reads,
 * keeping vitest's exit code.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mosty-tests-')), 'vitest.json')
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { stdio: 'inherit' },
)
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
  }
  process.stdout.write(
    `\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped\n`,
  )
} catch {
  process.stdout.write('\n0 passed, 1 failed\n')
}
process.exit(run.status ?? 1)
