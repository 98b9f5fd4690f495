import v8 from 'node:v8'
import vm from 'node:vm'
import { log } from './log.ts'

let collect: (() => void) | null = null

/** Full collections of this thread's heap; see reclaimMemory. */
export const collectGarbage = (): void => {
  if (!collect) {
    if (typeof globalThis.gc === 'function') collect = globalThis.gc
    else {
      v8.setFlagsFromString('--expose-gc')
      collect = vm.runInNewContext('gc') as () => void
    }
  }
  // Twice: the first frees the garbage, the second lets V8 release the pages it left sparse.
  collect()
  collect()
}

/**
 * Returns memory to the system after a burst of rooms was unloaded. V8 collects its old
 * generation only when allocation pushes it to, so a relay that loaded thousands of rooms and then
 * went quiet kept their garbage resident indefinitely (tens of MiB of RSS for a heap of about
 * 10 MiB live). Collecting when the relay has just gone idle frees it; Rooms calls this once per
 * burst (see Rooms.unload), never per room: it pauses the relay for ~20–40 ms.
 *
 * The collector is reached without requiring `node --expose-gc` (tests and tools start the relay
 * other ways): the flag is set at run time and `gc` read from a fresh context, which V8 gives it.
 */
export const reclaimMemory = (reason: Record<string, number>): void => {
  const before = process.memoryUsage.rss()
  const started = performance.now()
  collectGarbage()
  log('info', 'memory reclaimed', {
    ...reason,
    ms: Math.round(performance.now() - started),
    rssBeforeMiB: Math.round(before / 2 ** 20),
  })
}
