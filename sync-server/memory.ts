import v8 from 'node:v8'
import vm from 'node:vm'
import { log } from './log.ts'

let collect: (() => void) | null = null

/**
 * Returns memory to the system after a burst of rooms was unloaded. V8 collects its old
 * generation only when allocation pushes it to, so a relay that loaded thousands of rooms and then
 * went quiet kept their garbage resident indefinitely (tens of MiB of RSS for a heap of about
 * 10 MiB live). One full collection when the relay has just gone idle frees it; Rooms calls this
 * once per burst (see Rooms.unload), never per room: it pauses the relay for ~10–30 ms.
 *
 * The collector is reached without requiring `node --expose-gc` (tests and tools start the relay
 * other ways): the flag is set at run time and `gc` read from a fresh context, which V8 gives it.
 */
export const reclaimMemory = (reason: Record<string, number>): void => {
  if (!collect) {
    if (typeof globalThis.gc === 'function') collect = globalThis.gc
    else {
      v8.setFlagsFromString('--expose-gc')
      collect = vm.runInNewContext('gc') as () => void
    }
  }
  const before = process.memoryUsage.rss()
  const started = performance.now()
  collect()
  log('info', 'memory reclaimed', {
    ...reason,
    ms: Math.round(performance.now() - started),
    rssBeforeMiB: Math.round(before / 2 ** 20),
  })
}
