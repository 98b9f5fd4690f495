import { ModelError } from './errors.ts'
import type { ModelErrorCode } from './errors.ts'

// Small guards shared by the typed writers; each throws a ModelError with a code the UI
// can act on.

export function requireText(value: unknown, code: ModelErrorCode, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ModelError(code, `${what} must be a non-empty string`)
  }
  return value.trim()
}

export function requireOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  code: ModelErrorCode,
  what: string,
): T {
  if (!allowed.includes(value as T)) {
    throw new ModelError(code, `${what} must be one of ${allowed.join(', ')}; got ${String(value)}`)
  }
  return value as T
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/

/** An instant as written by Date#toISOString, the only time format the model stores. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))
}
