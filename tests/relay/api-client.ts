import { expect } from 'vitest'
import type { RelayProcess } from './harness.ts'

// Calling the relay's JSON API from the relay tests, as the app does.

export interface Reply {
  status: number
  body: Record<string, unknown>
  headers: Headers
}

export interface Credentials {
  workspaceId: string
  memberId: string
  deviceId: string
  deviceSecret: string
  token: string
  expiresAt: number
}

/** Calls the API like the app does; every answer must be JSON and never cached. */
export const call = async (
  relay: RelayProcess,
  route: string,
  opts: { token?: string; body?: unknown; raw?: string; method?: string; auth?: string } = {},
): Promise<Reply> => {
  const payload = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body))
  const headers: Record<string, string> = {}
  if (payload !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.token !== undefined) headers.Authorization = `Bearer ${opts.token}`
  if (opts.auth !== undefined) headers.Authorization = opts.auth
  const res = await fetch(relay.http + route, {
    method: opts.method ?? (payload === undefined ? 'GET' : 'POST'),
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  })
  expect(res.headers.get('cache-control'), `${route}: Cache-Control`).toBe('no-store')
  expect(res.headers.get('content-type')).toBe('application/json')
  const body = (await res.json()) as Record<string, unknown>
  if (res.status !== 200)
    expect(body, `${route}: ${res.status} names its error`).toEqual({
      error: expect.any(String),
    })
  return { status: res.status, body, headers: res.headers }
}

export const demoEnrol = async (relay: RelayProcess, memberId: string): Promise<Credentials> => {
  const r = await call(relay, '/api/demo/enrol', { body: { memberId, label: 'test device' } })
  expect(r.status).toBe(200)
  return r.body as unknown as Credentials
}
