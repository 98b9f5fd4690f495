/** Counters and gauges exposed at /metrics in the Prometheus text format. */
export class Metrics {
  connections = 0
  roomsLoaded = 0
  updatesTotal = 0
  bytesIn = 0
  bytesOut = 0
  closes = new Map<number, number>()
  commits = 0
  commitSecondsSum = 0
  private readonly commitBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1]
  private readonly commitCounts = new Array<number>(this.commitBuckets.length).fill(0)
  private readonly started = Date.now()

  observeCommit(seconds: number): void {
    this.commits++
    this.commitSecondsSum += seconds
    this.commitBuckets.forEach((le, i) => {
      if (seconds <= le) this.commitCounts[i] = (this.commitCounts[i] ?? 0) + 1
    })
  }

  countClose(code: number): void {
    this.closes.set(code, (this.closes.get(code) ?? 0) + 1)
  }

  render(): string {
    const uptime = (Date.now() - this.started) / 1000
    const lines = [
      '# HELP mosty_connections Open websocket connections.',
      '# TYPE mosty_connections gauge',
      `mosty_connections ${this.connections}`,
      '# HELP mosty_rooms_loaded Rooms held in memory.',
      '# TYPE mosty_rooms_loaded gauge',
      `mosty_rooms_loaded ${this.roomsLoaded}`,
      '# HELP mosty_updates_total Document updates accepted and stored.',
      '# TYPE mosty_updates_total counter',
      `mosty_updates_total ${this.updatesTotal}`,
      '# HELP mosty_updates_per_second Mean accepted updates per second since start.',
      '# TYPE mosty_updates_per_second gauge',
      `mosty_updates_per_second ${uptime > 0 ? (this.updatesTotal / uptime).toFixed(3) : 0}`,
      '# HELP mosty_bytes_received_total Bytes received from clients.',
      '# TYPE mosty_bytes_received_total counter',
      `mosty_bytes_received_total ${this.bytesIn}`,
      '# HELP mosty_bytes_sent_total Bytes sent to clients.',
      '# TYPE mosty_bytes_sent_total counter',
      `mosty_bytes_sent_total ${this.bytesOut}`,
      '# HELP mosty_closes_total Connections closed by the relay, by close code.',
      '# TYPE mosty_closes_total counter',
      ...[...this.closes].map(([code, n]) => `mosty_closes_total{code="${code}"} ${n}`),
      '# HELP mosty_commit_seconds SQLite group-commit latency.',
      '# TYPE mosty_commit_seconds histogram',
      ...this.commitBuckets.map(
        (le, i) => `mosty_commit_seconds_bucket{le="${le}"} ${this.commitCounts[i]}`,
      ),
      `mosty_commit_seconds_bucket{le="+Inf"} ${this.commits}`,
      `mosty_commit_seconds_sum ${this.commitSecondsSum}`,
      `mosty_commit_seconds_count ${this.commits}`,
    ]
    return lines.join('\n') + '\n'
  }
}
