/**
 * Counts this device's changes to one document that the relay has not yet confirmed as stored.
 * `made` counts local changes ever made, `confirmed` how many of them the relay confirmed; both
 * survive a reload, so changes made offline yesterday are still counted today.
 *
 * A change is confirmed by a save marker: the client sends marker n after everything it has
 * sent so far; the relay echoes n once all of that is committed to SQLite. Markers sent on a
 * connection that dropped are forgotten; the next connection sends the missing changes again
 * (sync step 2) and a new marker.
 */
export class PendingChanges {
  private made: number
  private confirmed: number
  private nextMarker = 1
  private readonly markers = new Map<number, number>()

  constructor(
    private readonly key: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'>,
  ) {
    const saved = JSON.parse(storage.getItem(key) ?? '{}') as { made?: number; confirmed?: number }
    this.made = saved.made ?? 0
    this.confirmed = Math.min(saved.confirmed ?? 0, this.made)
  }

  get count(): number {
    return this.made - this.confirmed
  }

  recordLocalChange(): void {
    this.made++
    this.save()
  }

  /** A marker covering every change made so far; send it after those changes. */
  mark(): number {
    const marker = this.nextMarker++
    this.markers.set(marker, this.made)
    return marker
  }

  /** The relay confirmed everything sent before `marker`. */
  confirm(marker: number): void {
    let covered = this.confirmed
    for (const [m, made] of this.markers) {
      if (m > marker) continue
      covered = Math.max(covered, made)
      this.markers.delete(m)
    }
    if (covered === this.confirmed) return
    this.confirmed = covered
    this.save()
  }

  /** The connection dropped: its unanswered markers prove nothing. */
  forgetMarkers(): void {
    this.markers.clear()
  }

  /** The document left the device (purged, R33): nothing of it is waiting any more. */
  forgetAll(): void {
    this.markers.clear()
    this.confirmed = this.made
    this.save()
  }

  private save(): void {
    this.storage.setItem(this.key, JSON.stringify({ made: this.made, confirmed: this.confirmed }))
  }
}
