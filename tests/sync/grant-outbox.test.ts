import { describe, expect, it } from 'vitest'
import { GrantOutbox, type GrantRequest } from '../../src/sync/grant-outbox.ts'
import { ApiError, type Tokens } from '../../src/sync/session.ts'

const memory = () => {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => m.set(k, v),
  }
}

/** The relay's answers, scripted: what the outbox must do with each kind. */
const relay = (answer: (body: GrantRequest) => Error | null) => {
  const sent: GrantRequest[] = []
  const tokens = {
    api: async (_path: string, body: GrantRequest) => {
      sent.push(body)
      const err = answer(body)
      if (err) throw err
      return {}
    },
  } as unknown as Tokens
  return { tokens, sent }
}

const grant = (documentId: string, subjectId = 'fundacja'): GrantRequest => ({
  documentId,
  subjectKind: 'agency',
  subjectId,
  level: 'write',
})

describe('grant outbox', () => {
  it('keeps a grant while the network is down and sends it later, surviving a reload', async () => {
    const storage = memory()
    let online = false
    const { tokens, sent } = relay(() => (online ? null : new TypeError('Failed to fetch')))
    await new GrantOutbox(tokens, storage).share(grant('r1'))
    expect(new GrantOutbox(tokens, storage).waiting).toEqual([grant('r1')])
    online = true
    expect(await new GrantOutbox(tokens, storage).flush()).toEqual([])
    expect(new GrantOutbox(tokens, storage).waiting).toEqual([])
    expect(sent.filter((r) => r.documentId === 'r1')).toHaveLength(2)
  })

  it('keeps a grant for a document the relay has not seen yet (409)', async () => {
    let registered = false
    const { tokens } = relay(() =>
      registered ? null : new ApiError(409, 'document not yet on the relay'),
    )
    const outbox = new GrantOutbox(tokens, memory())
    await outbox.share(grant('r2'))
    expect(outbox.waiting).toHaveLength(1)
    registered = true
    await outbox.flush()
    expect(outbox.waiting).toHaveLength(0)
  })

  it('reports and drops a grant the relay refuses', async () => {
    const { tokens } = relay((r) =>
      r.documentId === 'bad'
        ? new ApiError(403, 'only the owning agency shares this document')
        : null,
    )
    const outbox = new GrantOutbox(tokens, memory())
    const failures = await outbox.share(grant('bad'))
    expect(failures).toEqual([
      { ...grant('bad'), error: 'only the owning agency shares this document' },
    ])
    expect(outbox.waiting).toEqual([])
  })

  it('a newer decision for the same document and agency replaces the waiting one', async () => {
    const { tokens } = relay(() => new TypeError('offline'))
    const outbox = new GrantOutbox(tokens, memory())
    await outbox.share(grant('r3'))
    await outbox.share({ ...grant('r3'), level: 'read' })
    expect(outbox.waiting).toEqual([{ ...grant('r3'), level: 'read' }])
  })

  it('a revocation replaces a grant still waiting and goes to the revoke route', async () => {
    const storage = memory()
    let online = false
    const paths: string[] = []
    const tokens = {
      api: async (path: string) => {
        if (!online) throw new TypeError('Failed to fetch')
        paths.push(path)
        return {}
      },
    } as unknown as Tokens
    const outbox = new GrantOutbox(tokens, storage)
    await outbox.share(grant('r1', 'zofia'))
    await outbox.share({ ...grant('r1', 'zofia'), level: 'none' })
    expect(outbox.waiting).toEqual([{ ...grant('r1', 'zofia'), level: 'none' }])
    online = true
    expect(await outbox.flush()).toEqual([])
    expect(paths).toEqual(['/api/grants/revoke'])
    expect(outbox.waiting).toEqual([])
  })
})
