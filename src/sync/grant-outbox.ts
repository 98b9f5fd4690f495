import { ApiError, type Tokens } from './session.ts'

export interface GrantRequest {
  documentId: string
  subjectKind: 'agency' | 'member'
  subjectId: string
  /** `none` takes the access away again. */
  level: 'read' | 'write' | 'none'
}

export interface GrantFailure extends GrantRequest {
  error: string
}

const KEY = 'mosty:grant-outbox'

/**
 * Sharing decided offline: a referral sent from a home visit must reach the receiving agency
 * when the phone next sees a network. Grants wait here (surviving reloads) until the relay
 * accepts them; a grant the relay refuses is reported, never retried forever.
 */
export class GrantOutbox {
  private flushing: Promise<GrantFailure[]> | null = null

  constructor(
    private readonly tokens: Tokens,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  ) {}

  get waiting(): GrantRequest[] {
    return JSON.parse(this.storage.getItem(KEY) ?? '[]') as GrantRequest[]
  }

  /**
   * Queues a grant, or with level `none` its revocation (replacing an earlier request for the
   * same document and subject), and tries now.
   */
  share(request: GrantRequest): Promise<GrantFailure[]> {
    const others = this.waiting.filter(
      (r) =>
        !(
          r.documentId === request.documentId &&
          r.subjectKind === request.subjectKind &&
          r.subjectId === request.subjectId
        ),
    )
    this.storage.setItem(KEY, JSON.stringify([...others, request]))
    return this.flush()
  }

  /** Sends what waits; returns the grants the relay refused (they are dropped from the queue). */
  flush(): Promise<GrantFailure[]> {
    this.flushing ??= this.send().finally(() => {
      this.flushing = null
    })
    return this.flushing
  }

  private async send(): Promise<GrantFailure[]> {
    const failures: GrantFailure[] = []
    for (const request of this.waiting) {
      try {
        if (request.level === 'none') {
          const { documentId, subjectKind, subjectId } = request
          await this.tokens.api('/api/grants/revoke', { documentId, subjectKind, subjectId })
        } else await this.tokens.api('/api/grants', request)
      } catch (err) {
        // A network failure, or a document the relay has not seen yet (its device has not
        // connected to it), keeps the grant for later; any other refusal is final.
        if (!(err instanceof ApiError) || err.status >= 500 || err.status === 409) return failures
        failures.push({ ...request, error: err.message })
      }
      this.remove(request)
    }
    return failures
  }

  private remove(done: GrantRequest): void {
    const rest = this.waiting.filter(
      (r) =>
        !(
          r.documentId === done.documentId &&
          r.subjectKind === done.subjectKind &&
          r.subjectId === done.subjectId &&
          r.level === done.level
        ),
    )
    this.storage.setItem(KEY, JSON.stringify(rest))
  }
}
