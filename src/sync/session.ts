/**
 * The device's enrolment and its short-lived relay tokens. The device secret never leaves this
 * device except to the relay's token endpoint; tokens are refreshed before they expire.
 */
export interface Session {
  workspaceId: string
  memberId: string
  deviceId: string
  deviceSecret: string
}

interface Credentials extends Session {
  token: string
  expiresAt: number
}

const SESSION_KEY = 'mosty:session'
/** Refresh a token this long before it expires, so a reconnect never presents a stale one. */
const REFRESH_MARGIN_MS = 5 * 60_000

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The device was revoked or its member removed: its local data should be wiped. */
export class RevokedError extends ApiError {}

const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
  const res = await fetch(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  return parse<T>(res)
}

const parse = async <T>(res: Response): Promise<T> => {
  const data = (await res.json().catch(() => ({}))) as { error?: string }
  if (res.status === 410) throw new RevokedError(410, data.error ?? 'revoked')
  if (!res.ok) throw new ApiError(res.status, data.error ?? `HTTP ${res.status}`)
  return data as T
}

export const loadSession = (): Session | null => {
  const raw = localStorage.getItem(SESSION_KEY)
  if (!raw) return null
  try {
    const s = JSON.parse(raw) as Session
    return s.deviceId && s.deviceSecret ? s : null
  } catch {
    return null
  }
}

const store = (c: Credentials): Session => {
  const session: Session = {
    workspaceId: c.workspaceId,
    memberId: c.memberId,
    deviceId: c.deviceId,
    deviceSecret: c.deviceSecret,
  }
  localStorage.setItem(SESSION_KEY, JSON.stringify(session))
  return session
}

/** Enrols this device with a one-time invitation code. */
export const enrolWithCode = async (code: string, label: string): Promise<Session> =>
  store(await post<Credentials>('/api/enrol', { code, label }))

/** Enrols this device as a member of the demo partnership (only when the relay offers it). */
export const enrolDemo = async (memberId: string, label: string): Promise<Session> =>
  store(await post<Credentials>('/api/demo/enrol', { memberId, label }))

export const fetchDemoDirectory = async (): Promise<{
  members: { id: string; displayName: string; agencyId: string; role: string }[]
  agencies: { id: string; name: string; type: string }[]
}> => parse(await fetch('/api/demo'))

/** Hands out a valid relay token, refreshing it from the device secret when needed. */
export class Tokens {
  private token: string | null = null
  private expiresAt = 0
  private inflight: Promise<string> | null = null

  constructor(readonly session: Session) {}

  async get(): Promise<string> {
    if (this.token && Date.now() < this.expiresAt - REFRESH_MARGIN_MS) return this.token
    return this.refresh()
  }

  /** The relay refused the token (expired early, clock skew): the next get() fetches a new one. */
  invalidate(): void {
    this.token = null
  }

  refresh(): Promise<string> {
    this.inflight ??= post<{ token: string; expiresAt: number }>('/api/token', {
      deviceId: this.session.deviceId,
      deviceSecret: this.session.deviceSecret,
    })
      .then((r) => {
        this.token = r.token
        this.expiresAt = r.expiresAt
        return r.token
      })
      .finally(() => {
        this.inflight = null
      })
    return this.inflight
  }

  /** An authenticated call to the relay's API. */
  async api<T>(path: string, body?: unknown): Promise<T> {
    const token = await this.get()
    if (body === undefined) {
      return parse<T>(await fetch(path, { headers: { Authorization: `Bearer ${token}` } }))
    }
    return post<T>(path, body, token)
  }
}

/** Log out: forget the enrolment and wipe every document this device holds. */
export const wipeDevice = async (): Promise<void> => {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('mosty:')) localStorage.removeItem(key)
  }
  const dbs = await indexedDB.databases()
  await Promise.all(
    dbs
      .filter((d) => d.name?.startsWith('mosty:'))
      .map(
        (d) =>
          new Promise<void>((resolve) => {
            const req = indexedDB.deleteDatabase(d.name as string)
            req.onsuccess = req.onerror = req.onblocked = () => resolve()
          }),
      ),
  )
}
