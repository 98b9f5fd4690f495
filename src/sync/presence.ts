import type { Awareness } from 'y-protocols/awareness'

/** What others see of me: my name and the field I am in. Never any case data. */
export interface Presence {
  clientId: number
  memberId: string
  name: string
  field: string | null
}

const MIN_INTERVAL_MS = 1000

/**
 * Presence over Yjs awareness, throttled to about one broadcast a second however fast the
 * focus moves.
 */
export class PresenceChannel {
  private field: string | null = null
  private lastSent = 0
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly awareness: Awareness,
    private readonly me: { memberId: string; name: string },
  ) {
    awareness.setLocalState({ user: { memberId: me.memberId, name: me.name }, field: null })
    this.lastSent = Date.now()
  }

  setField(field: string | null): void {
    this.field = field
    const wait = this.lastSent + MIN_INTERVAL_MS - Date.now()
    if (wait <= 0) this.flush()
    else this.timer ??= setTimeout(() => this.flush(), wait)
  }

  peers(): Presence[] {
    const list: Presence[] = []
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue
      const user = (state as { user?: { memberId?: unknown; name?: unknown } }).user
      if (typeof user?.memberId !== 'string' || typeof user.name !== 'string') continue
      const field = (state as { field?: unknown }).field
      list.push({
        clientId,
        memberId: user.memberId,
        name: user.name.slice(0, 80),
        field: typeof field === 'string' ? field : null,
      })
    }
    return list
  }

  onChange(listener: () => void): () => void {
    this.awareness.on('change', listener)
    return () => this.awareness.off('change', listener)
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer)
  }

  private flush(): void {
    this.timer = null
    this.lastSent = Date.now()
    this.awareness.setLocalStateField('field', this.field)
  }
}
