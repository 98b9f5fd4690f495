/**
 * The relay's limits protect everyone else: a flooding socket, a device opening too many rooms
 * and a client that stops reading are each closed as "try later" (1013), while the people
 * around them carry on. /metrics tells an operator what is going on; the logs never carry a
 * token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE } from '../../src/sync/protocol.ts'
import {
  awarenessFrame,
  content,
  eventually,
  live,
  metrics,
  openRaw,
  type RawSocket,
  readAwareness,
  step1Frame,
} from './frames.ts'
import { type Client, connect, RelayProcess, waitFor } from './harness.ts'

/** Closes a raw socket and waits until the relay has let go of it. */
const hangUp = async (raw: RawSocket): Promise<void> => {
  raw.ws.close()
  await raw.closed
}

describe('relay: rate limit', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  beforeAll(async () => {
    relay = await RelayProcess.start({ RATE_LIMIT_PER_SECOND: '5', RATE_LIMIT_BURST: '5' })
  })
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await relay?.stop()
  })

  it('R11: closes a socket sending 50 messages at once with 1013; the others in the room carry on', async () => {
    const room = 'demo/rate-limited'
    const a = connect(relay, room, await relay.token('anna'))
    const b = connect(relay, room, await relay.token('marek'))
    clients.push(a, b)
    await waitFor('both synced', () => a.synced() && b.synced())

    const probeId = 777_001
    const flood = await openRaw(relay, room, await relay.token('anna'))
    const seenByB = new Set<number>()
    b.provider.awareness.on('change', () => {
      const s = b.provider.awareness.getStates().get(probeId) as { n?: number } | undefined
      if (s?.n !== undefined) seenByB.add(s.n)
    })
    for (let n = 1; n <= 50; n++) {
      flood.ws.send(awarenessFrame([{ clientId: probeId, clock: n, state: JSON.stringify({ n }) }]))
    }
    expect(await flood.closed).toEqual({ code: CLOSE.TRY_LATER, reason: 'rate limit exceeded' })
    // The relay handled at most the burst before closing: the rest never reached anyone.
    const echoed = flood.received.map(readAwareness).filter((m) => m?.has(probeId)).length
    expect(echoed).toBeLessThanOrEqual(5)
    expect(seenByB.size).toBeLessThanOrEqual(5)

    const steps = await openRaw(relay, room, await relay.token('anna'))
    const sv = step1Frame(Y.encodeStateVector(new Y.Doc()))
    for (let n = 0; n < 50; n++) steps.ws.send(sv)
    expect(await steps.closed).toEqual({ code: CLOSE.TRY_LATER, reason: 'rate limit exceeded' })

    // Ordinary editing in the same room is untouched, although every stock client sent back
    // each presence change of the flood it heard (the stock client does that): those echoes are
    // not charged to their own limit.
    a.doc.getText('notes').insert(0, 'spotkanie w czwartek')
    b.doc.getMap('meta').set('place', 'MOPS')
    await waitFor(
      'both see the edits',
      () =>
        b.doc.getText('notes').toString() === 'spotkanie w czwartek' &&
        a.doc.getMap('meta').get('place') === 'MOPS',
    )
    expect([a.closes, b.closes]).toEqual([[], []])
    expect(live(a) && live(b)).toBe(true)
    expect((await metrics(relay)).get(`mosty_closes_total{code="${CLOSE.TRY_LATER}"}`)).toBe(2)

    // The flood's presence ended with it, although a and b echoed it back after it left.
    await waitFor('b forgets the flood', () => !b.provider.awareness.getStates().has(probeId))
    const late = connect(relay, room, await relay.token('marek'))
    clients.push(late)
    await waitFor('late joiner synced', () => late.synced())
    expect([...late.provider.awareness.getStates().keys()]).not.toContain(probeId)
  })
})

describe('relay: presence that ended', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  beforeAll(async () => {
    relay = await RelayProcess.start()
  })
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await relay?.stop()
  })

  it('R13: ends with its socket, although stock clients echo it back after it left', async () => {
    const room = 'demo/presence'
    const a = connect(relay, room, await relay.token('anna'))
    const b = connect(relay, room, await relay.token('marek'))
    clients.push(a, b)
    await waitFor('both synced', () => a.synced() && b.synced())
    const visitor = 424_242
    const raw = await openRaw(relay, room, await relay.token('anna'))
    // Announce and leave at once: a and b echo the announcement (and its end) after the relay
    // ended it; none of that revives it for anyone.
    raw.ws.send(awarenessFrame([{ clientId: visitor, clock: 1, state: '{"user":"gość"}' }]))
    raw.ws.close()
    await raw.closed
    a.doc.getText('t').insert(0, 'a')
    b.doc.getText('t').insert(0, 'b')
    await waitFor(
      'echoes handled',
      () => a.doc.getText('t').length === 2 && b.doc.getText('t').length === 2,
    )
    const late = connect(relay, room, await relay.token('marek'))
    clients.push(late)
    await waitFor('late joiner synced', () => late.synced())
    expect([...late.provider.awareness.getStates().keys()]).not.toContain(visitor)
    await waitFor('a and b forget the visitor', () =>
      [a, b].every((c) => !c.provider.awareness.getStates().has(visitor)),
    )
  })
})

describe('relay: rooms per device', () => {
  let relay: RelayProcess
  beforeAll(async () => {
    relay = await RelayProcess.start({ MAX_ROOMS_PER_DEVICE: '2' })
  })
  afterAll(async () => {
    await relay?.stop()
  })

  it('R11: refuses a third room for one device with 1013, other devices unaffected, and frees the slot on close', async () => {
    const tablet = await relay.token('anna', { deviceId: 'dev-anna-tablet' })
    const first = await openRaw(relay, 'demo/room-1', tablet)
    const second = await openRaw(relay, 'demo/room-2', tablet)
    expect(first.closedWith).toBeNull()
    expect(second.closedWith).toBeNull()

    const third = await openRaw(relay, 'demo/room-3', tablet)
    expect(await third.closed).toEqual({
      code: CLOSE.TRY_LATER,
      reason: 'too many open rooms for this device',
    })
    // A token re-issued for the same device counts against the same device.
    const again = await openRaw(
      relay,
      'demo/room-3',
      await relay.token('anna', { deviceId: 'dev-anna-tablet' }),
    )
    expect((await again.closed).code).toBe(CLOSE.TRY_LATER)

    const phone = await openRaw(relay, 'demo/room-3', await relay.token('anna'))
    expect(phone.closedWith).toBeNull()
    expect(first.closedWith).toBeNull()
    expect(second.closedWith).toBeNull()

    // The stock client retries 1013 with backoff; once a room is closed, it gets in.
    const retrying = connect(relay, 'demo/room-3', tablet)
    try {
      await waitFor('the retrying client to be refused', () => retrying.closes.length > 0)
      expect(retrying.closes[0]).toEqual({
        code: CLOSE.TRY_LATER,
        reason: 'too many open rooms for this device',
      })
      await hangUp(first)
      await waitFor('the retrying client to get in', () => retrying.synced())
    } finally {
      retrying.destroy()
    }
    await hangUp(second)
    await hangUp(phone)
  })
})

describe('relay: slow consumer', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  beforeAll(async () => {
    relay = await RelayProcess.start({
      MAX_BUFFERED_BYTES: String(64 * 1024),
      // Keep the pushed megabytes in the log: this test is about sockets, not compaction.
      COMPACT_BYTES: String(1024 * 1024 * 1024),
    })
  })
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await relay?.stop()
  })

  it('R11: closes a socket that stops reading with 1013 "slow consumer"; the others get everything', async () => {
    const room = 'demo/large-attachments'
    const pusher = connect(relay, room, await relay.token('anna'))
    const fast = connect(relay, room, await relay.token('marek'))
    clients.push(pusher, fast)
    await waitFor('both synced', () => pusher.synced() && fast.synced())
    const slow = await openRaw(relay, room, await relay.token('anna'))
    // Stop reading: the kernel buffers fill, then the relay's unsent buffer grows.
    ;(slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause()

    const blobs = pusher.doc.getMap<string>('blobs')
    const closedSlow = async () =>
      ((await metrics(relay)).get(`mosty_closes_total{code="${CLOSE.TRY_LATER}"}`) ?? 0) >= 1
    let pushed = 0
    // Far more than loopback socket buffers hold; stop as soon as the relay gave up on `slow`.
    while (pushed < 200 && !(await closedSlow())) {
      blobs.set(`scan-${pushed}`, String(pushed % 10).repeat(256 * 1024))
      pushed++
      const expected = pushed
      await waitFor(
        'the fast client to receive it',
        () => fast.doc.getMap('blobs').size === expected,
      )
    }
    expect(await closedSlow()).toBe(true)
    expect((await metrics(relay)).get('mosty_connections')).toBe(2)

    // Everyone else carries on and has everything.
    blobs.set('after', 'still syncing')
    await waitFor(
      'fast client has it all',
      () => fast.doc.getMap('blobs').get('after') === 'still syncing',
    )
    expect(content(fast.doc, [], ['blobs'])).toEqual(content(pusher.doc, [], ['blobs']))
    expect(live(pusher) && live(fast)).toBe(true)

    // Reading again, the slow one finds the relay's verdict behind what was already queued.
    ;(slow.ws as unknown as { _socket: { resume(): void } })._socket.resume()
    const closed = await slow.closed
    expect(closed.code).toBe(CLOSE.TRY_LATER)
    expect(closed.reason).toMatch(/^slow consumer/)
  })
})

describe('relay: /metrics and logs', () => {
  let relay: RelayProcess
  const clients: Client[] = []
  beforeAll(async () => {
    relay = await RelayProcess.start({ MAX_ROOMS_PER_DEVICE: '1', RATE_LIMIT_BURST: '20' })
  })
  afterAll(async () => {
    clients.forEach((c) => c.destroy())
    await relay?.stop()
  })

  it('renders connections, rooms, updates and commit latency in the Prometheus text format', async () => {
    const a = connect(relay, 'demo/metrics-a', await relay.token('anna'))
    const b = connect(relay, 'demo/metrics-b', await relay.token('marek'))
    clients.push(a, b)
    await waitFor('both synced', () => a.synced() && b.synced())
    for (let i = 0; i < 5; i++) a.doc.getText('t').insert(0, `${i}`)
    b.doc.getMap('m').set('k', 'v')
    const check = connect(relay, 'demo/metrics-a', await relay.token('marek'))
    clients.push(check)
    await waitFor('stored and relayed', () => check.synced() && check.doc.getText('t').length === 5)
    check.destroy()
    await eventually(
      'two connections',
      async () => (await metrics(relay)).get('mosty_connections') === 2,
    )
    // Relayed at once, committed at the end of the group-commit window.
    await eventually(
      'a commit',
      async () => ((await metrics(relay)).get('mosty_commit_seconds_count') ?? 0) >= 1,
    )

    const res = await fetch(`${relay.http}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    const body = await res.text()
    expect(body.endsWith('\n')).toBe(true)
    const families = new Map<string, { help: boolean; type: string | null }>()
    for (const line of body.trimEnd().split('\n')) {
      const help = /^# HELP ([a-z_]+) \S.*$/.exec(line)
      const type = /^# TYPE ([a-z_]+) (counter|gauge|histogram)$/.exec(line)
      if (help) families.set(help[1]!, { help: true, type: null })
      else if (type) {
        expect(families.get(type[1]!)?.help, `HELP before TYPE for ${type[1]}`).toBe(true)
        families.get(type[1]!)!.type = type[2]!
      } else {
        const sample =
          /^([a-z_]+?)(_bucket|_sum|_count)?(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? (-?\d+(\.\d+)?(e[+-]?\d+)?)$/.exec(
            line,
          )
        expect(sample, `a valid sample line: ${line}`).not.toBeNull()
        const family = families.get(sample![1]!) ?? families.get(sample![1]! + (sample![2] ?? ''))
        expect(family?.type, `declared before its samples: ${line}`).toBeTruthy()
      }
    }
    expect(families.get('mosty_connections')?.type).toBe('gauge')
    expect(families.get('mosty_rooms_loaded')?.type).toBe('gauge')
    expect(families.get('mosty_updates_total')?.type).toBe('counter')
    expect(families.get('mosty_commit_seconds')?.type).toBe('histogram')

    const m = await metrics(relay)
    expect(m.get('mosty_connections')).toBe(2)
    expect(m.get('mosty_rooms_loaded')).toBeGreaterThanOrEqual(2)
    expect(m.get('mosty_updates_total')).toBeGreaterThanOrEqual(6)
    // A histogram: cumulative buckets ending in +Inf, which equals the count of commits.
    const buckets = [...m].filter(([k]) => k.startsWith('mosty_commit_seconds_bucket'))
    expect(buckets.at(-1)![0]).toBe('mosty_commit_seconds_bucket{le="+Inf"}')
    const counts = buckets.map(([, v]) => v)
    expect(counts).toEqual([...counts].sort((x, y) => x - y))
    expect(buckets.at(-1)![1]).toBe(m.get('mosty_commit_seconds_count'))
    expect(m.get('mosty_commit_seconds_count')).toBeGreaterThanOrEqual(1)
    expect(m.get('mosty_commit_seconds_sum')).toBeGreaterThan(0)
  })

  it('R14: never writes a token to its output, also for refused and closed connections', async () => {
    const tokens: string[] = []
    const token = async (...args: Parameters<RelayProcess['token']>) => {
      const t = await relay.token(...args)
      tokens.push(t)
      return t
    }
    const device = await token('anna', { deviceId: 'dev-anna-logged' })
    const held = await openRaw(relay, 'demo/logged', device)
    const refusals = [
      // Too many rooms for the device (the limit is 1 here).
      await openRaw(relay, 'demo/logged-2', device),
      // Not <workspace>/<document>.
      await openRaw(relay, 'not-a-room', await token('marek')),
      // Another workspace.
      await openRaw(relay, 'other/plan', await token('marek')),
      // Expired.
      await openRaw(relay, 'demo/logged', await token('marek', { ttlSeconds: -60 })),
    ]
    const valid = await token('marek')
    const forged = valid.slice(0, -4) + (valid.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    tokens.push(forged)
    refusals.push(await openRaw(relay, 'demo/logged', forged))
    for (const r of refusals) expect((await r.closed).code).not.toBe(1000)

    // Closed by the relay after admission: malformed, then rate limited.
    const malformed = await openRaw(relay, 'demo/logged-3', await token('marek'))
    malformed.ws.send(Uint8Array.of(0x80))
    expect((await malformed.closed).code).toBe(CLOSE.MALFORMED)
    const flood = await openRaw(relay, 'demo/logged-4', await token('marek'))
    for (let i = 0; i < 40; i++) flood.ws.send(Uint8Array.of(3))
    expect((await flood.closed).code).toBe(CLOSE.TRY_LATER)
    await hangUp(held)

    await eventually('the relay to log the refusals', () =>
      relay.output.includes('connection refused'),
    )
    for (const t of tokens) {
      const [header, payload, signature] = t.split('.')
      expect(relay.output).not.toContain(t)
      expect(relay.output).not.toContain(payload!)
      expect(relay.output).not.toContain(signature!)
      expect(header).toBeTruthy()
    }
    expect(relay.output).not.toContain('token=')
  })
})
