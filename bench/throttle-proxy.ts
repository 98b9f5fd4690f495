/**
 * A slow link on loopback: a TCP proxy in front of the relay that carries each direction at a
 * fixed rate and delivers every byte a fixed delay after it has been sent, for the slow-link
 * benchmark and test (a 2G/EDGE phone: 250 kbit/s, 150 ms each way). Every connection through one
 * proxy shares its two directions, as one device's sockets share its radio. A direction holding
 * more than QUEUE_BYTES stops reading from its sender, so the sender's own socket fills up and
 * its unsent bytes show there, as on a real link. Counts the bytes carried each way (TCP payload:
 * HTTP, websocket frames), and by HTTP request when asked (see `byRequest`).
 */
import net from 'node:net'

export interface LinkOptions {
  /** Each direction's rate. */
  kbitPerSecond: number
  /** Added to every byte's trip, each way. */
  delayMs: number
}

/** The modem's own buffer, in bytes: beyond it the sender waits. */
const QUEUE_BYTES = 16 * 1024
/** Bytes are timed in segments of this size at most, so a large write arrives in pieces. */
const SEGMENT = 1448

/** One direction of the link: a rate, a delay, and the bytes it carried. */
export class Direction {
  bytes = 0
  private busyUntil = 0
  private queued = 0
  private readonly waiting = new Set<() => void>()
  private readonly due: { at: number; then: () => void }[] = []
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    /** Changeable, so that a test can load the app fast and then sync slowly. */
    public bytesPerMs: number,
    private readonly delayMs: number,
  ) {}

  /**
   * Carries `chunk`: `deliver` gets it, in segments, once it has been sent at the rate and the
   * delay has passed; returns false while the link holds more than its buffer (`onRoom` once
   * there is room again).
   */
  carry(chunk: Buffer, deliver: (b: Buffer) => void, onRoom: () => void): boolean {
    for (let at = 0; at < chunk.length; at += SEGMENT) {
      const segment = chunk.subarray(at, at + SEGMENT)
      this.after(segment.length, () => {
        this.bytes += segment.length
        this.queued -= segment.length
        deliver(segment)
        if (this.queued <= QUEUE_BYTES / 2) {
          for (const wake of this.waiting) wake()
          this.waiting.clear()
        }
      })
      this.queued += segment.length
    }
    if (this.queued <= QUEUE_BYTES) return true
    this.waiting.add(onRoom)
    return false
  }

  /** Runs `then` once everything given so far has arrived (a close follows the last byte). */
  behind(then: () => void): void {
    this.after(0, then)
  }

  /**
   * Due times only grow, so one queue in order and one timer for its head: a timer per segment
   * delivered out of order, since Node rounds each timer's delay on its own.
   */
  private after(length: number, then: () => void): void {
    const now = performance.now()
    this.busyUntil = Math.max(now, this.busyUntil) + length / this.bytesPerMs
    this.due.push({ at: this.busyUntil + this.delayMs, then })
    this.wake()
  }

  private wake(): void {
    const head = this.due[0]
    if (!head || this.timer) return
    this.timer = setTimeout(
      () => {
        this.timer = null
        const now = performance.now()
        let i = 0
        while (i < this.due.length && this.due[i]!.at <= now + 0.5) i++
        for (const { then } of this.due.splice(0, i)) then()
        this.wake()
      },
      Math.max(0, head.at - performance.now()),
    )
  }
}

export interface ThrottledLink {
  /** Where to connect instead of the target. */
  port: number
  url: string
  /** Device → relay and relay → device. */
  up: Direction
  down: Direction
  /**
   * Bytes by HTTP request line ("GET /assets/x.js"), both ways: a connection's bytes count
   * towards the request it last sent (HTTP/1.1 answers in order, and the browser does not
   * pipeline). A websocket's bytes count towards its upgrade request.
   */
  byRequest: Map<string, { up: number; down: number }>
  /** Changes both directions' rate from now on. */
  setRate: (kbitPerSecond: number) => void
  close: () => Promise<void>
}

const REQUEST_LINE = /^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) (\S+) HTTP\/1\.[01]\r\n/

/** Starts a proxy on a free loopback port in front of `127.0.0.1:targetPort`. */
const bytesPerMs = (kbitPerSecond: number): number => (kbitPerSecond * 1000) / 8 / 1000

export const throttledLink = (targetPort: number, opts: LinkOptions): Promise<ThrottledLink> => {
  const up = new Direction(bytesPerMs(opts.kbitPerSecond), opts.delayMs)
  const down = new Direction(bytesPerMs(opts.kbitPerSecond), opts.delayMs)
  const byRequest = new Map<string, { up: number; down: number }>()
  const sockets = new Set<net.Socket>()
  const server = net.createServer((device) => {
    const relay = net.connect(targetPort, '127.0.0.1')
    sockets.add(device).add(relay)
    let request: { up: number; down: number } | null = null
    const count = (chunk: Buffer, way: 'up' | 'down'): void => {
      if (way === 'up') {
        const line = REQUEST_LINE.exec(chunk.subarray(0, 2048).toString('latin1'))
        if (line) {
          const key = `${line[1]} ${(line[2] ?? '').split('?')[0]}`
          request = byRequest.get(key) ?? { up: 0, down: 0 }
          byRequest.set(key, request)
        }
      }
      if (request) request[way] += chunk.length
    }
    const pipe = (from: net.Socket, to: net.Socket, way: 'up' | 'down'): void => {
      const direction = way === 'up' ? up : down
      from.on('data', (chunk: Buffer) => {
        count(chunk, way)
        const room = direction.carry(
          chunk,
          (b) => {
            if (!to.destroyed) to.write(b)
          },
          () => from.resume(),
        )
        if (!room) from.pause()
      })
      from.on('end', () => direction.behind(() => to.end()))
    }
    pipe(device, relay, 'up')
    pipe(relay, device, 'down')
    const gone = (): void => {
      device.destroy()
      relay.destroy()
      sockets.delete(device)
      sockets.delete(relay)
    }
    device.on('error', gone).on('close', () => down.behind(gone))
    relay.on('error', gone).on('close', () => up.behind(gone))
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        up,
        down,
        byRequest,
        setRate: (kbit) => {
          up.bytesPerMs = down.bytesPerMs = bytesPerMs(kbit)
        },
        close: () =>
          new Promise((done) => {
            for (const s of sockets) s.destroy()
            server.close(() => done())
          }),
      })
    })
  })
}
