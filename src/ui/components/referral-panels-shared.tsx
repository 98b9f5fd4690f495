import { createMemo, createSignal, For, type JSX, onCleanup, Show } from 'solid-js'
import type { Attribution, FieldState, ModelErrorCode, Referral } from '../../model/index.ts'
import { ModelError } from '../../model/index.ts'
import type { MessageKey } from '../i18n/catalog.ts'
import { type Params, useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './referral-panels.css'

// Pieces shared by the referral panels (consent, responsibilities, sign-offs, export).

export type Side = 'referrer' | 'receiver'

/** Which party an agency acts for, or undefined for an agency that is not a party (RF1). */
export const sideOf = (referral: Referral, agencyId: string): Side | undefined =>
  agencyId === referral.parties.referringAgencyId
    ? 'referrer'
    : agencyId === referral.parties.receivingAgencyId
      ? 'receiver'
      : undefined

/** Today's calendar date in UTC, the day every device agrees on (RF17). */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10)

/** A date (YYYY-MM-DD) has passed once the UTC day after it has begun (RF17). */
export const datePassed = (date: string, now: Date = new Date()): boolean => date < todayUtc(now)

/**
 * A calendar date as a local Date at midnight, so that a date formatter in any time zone shows
 * the same day (new Date('2026-03-08') would be UTC midnight: the 7th west of Greenwich).
 */
export const localDay = (date: string): Date => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

/** The value for an <input type="datetime-local"> showing `at` in the device's zone. */
export const localDateTimeValue = (at: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}`
  )
}

/** The current time, renewed every minute: consents expire and deadlines pass while open. */
export const createNow = (everyMs = 60_000): (() => Date) => {
  const [now, setNow] = createSignal(new Date())
  const timer = setInterval(() => setNow(new Date()), everyMs)
  onCleanup(() => clearInterval(timer))
  return now
}

/** A refusal kept as a message key, so that it follows a change of language. */
export interface Problem {
  key: MessageKey
  params?: Params
}

/** The refusals these panels can meet; any other (a newer model's) is named by its code. */
const KNOWN_ERRORS = [
  'invalid-id',
  'invalid-name',
  'not-found',
  'duplicate-id',
  'invalid-value',
  'field-disputed',
  'not-a-party',
  'wrong-side',
  'invalid-status',
  'reason-required',
  'invalid-date',
  'invalid-legal-basis',
  'invalid-data-category',
  'invalid-consent',
  'identity-not-allowed',
  'invalid-key',
] as const satisfies readonly ModelErrorCode[]

const isKnownError = (code: ModelErrorCode): code is (typeof KNOWN_ERRORS)[number] =>
  (KNOWN_ERRORS as readonly string[]).includes(code)

/** A refusal as a sentence for a person; `overrides` words a code for one action. */
export const problemOf = (
  err: unknown,
  overrides: Partial<Record<ModelErrorCode, MessageKey>> = {},
): Problem => {
  if (!(err instanceof ModelError)) {
    return {
      key: 'panels.error.unexpected',
      params: { message: err instanceof Error ? err.message : String(err) },
    }
  }
  const override = overrides[err.code]
  if (override) return { key: override }
  if (isKnownError(err.code)) return { key: `panels.error.${err.code}` }
  return { key: 'panels.error.refused', params: { code: err.code } }
}

/**
 * Runs writes through the model and keeps the last refusal for an alert. `run` returns whether
 * the write went through; anything but a ModelError is still shown, never swallowed silently.
 */
export const createAction = (overrides: Partial<Record<ModelErrorCode, MessageKey>> = {}) => {
  const [problem, setProblem] = createSignal<Problem | null>(null)
  const run = (write: () => void): boolean => {
    try {
      write()
      setProblem(null)
      return true
    } catch (err) {
      setProblem(problemOf(err, overrides))
      return false
    }
  }
  const runAsync = async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write()
      setProblem(null)
      return true
    } catch (err) {
      setProblem(problemOf(err, overrides))
      return false
    }
  }
  return { problem, setProblem, run, runAsync }
}

export const ErrorAlert = (props: { problem: Problem | null; testId: string }) => {
  const { t } = useI18n()
  return (
    <Show when={props.problem}>
      {(p) => (
        <p class="rp-alert" role="alert" data-testid={props.testId}>
          {t(p().key, p().params)}
        </p>
      )}
    </Show>
  )
}

/** Names of agencies and members from the partnership's directory, the id when unknown. */
export const useNames = () => {
  const ws = useWorkspace()
  return {
    agency: (id: string) => ws.agency(id)?.name ?? id,
    member: (id: string) => ws.member(id)?.displayName ?? id,
  }
}

/** "by Anna (MOPS), 8 Mar 2026, 10:15" for a decision or a record. */
export const ByLine = (props: { by: Pick<Attribution, 'memberId' | 'agencyId' | 'at'> }) => {
  const { t, formatDateTime } = useI18n()
  const names = useNames()
  return (
    <span class="rp-by">
      {t('panels.by', {
        member: names.member(props.by.memberId),
        agency: names.agency(props.by.agencyId),
      })}
      {', '}
      <time datetime={props.by.at}>{formatDateTime(props.by.at)}</time>
    </span>
  )
}

/**
 * A decision field as it stands: empty, settled (with who decided), disputed with every
 * candidate (D4: no decision is hidden behind another), or unreadable.
 */
export function DecisionView<T>(props: {
  field: FieldState<T>
  render: (value: T) => JSX.Element
  empty: string
  testId: string
}) {
  const { t } = useI18n()
  const candidates = createMemo(() =>
    props.field.state === 'disputed' ? props.field.candidates : [],
  )
  return (
    <div class="rp-decision" data-testid={props.testId} data-state={props.field.state}>
      <Show when={props.field.state === 'empty'}>
        <p class="rp-muted">{props.empty}</p>
      </Show>
      <Show when={props.field.state === 'unreadable'}>
        <p class="rp-muted">{t('panels.decision.unreadable')}</p>
      </Show>
      <Show when={props.field.state === 'settled' && props.field}>
        {(f) => {
          const settled = () => f() as Extract<FieldState<T>, { state: 'settled' }>
          return (
            <p>
              {props.render(settled().value)} <ByLine by={settled().by} />
            </p>
          )
        }}
      </Show>
      <Show when={props.field.state === 'disputed'}>
        <div class="rp-dispute" role="group" aria-label={t('panels.decision.disputed')}>
          <p>
            <strong class="rp-badge rp-badge--warn">{t('panels.decision.disputed')}</strong>{' '}
            {t('panels.decision.disputedHint')}
          </p>
          <ul class="rp-list">
            <For each={candidates()}>
              {(c) => (
                <li data-testid={`${props.testId}-candidate`}>
                  {props.render(c.value)} <ByLine by={c} />
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </div>
  )
}

/**
 * Ids of a list whose objects are new on every read of the referral, so that a row (and the
 * input focused in it) survives someone else's change: iterate the ids, look each record up.
 */
export const createIds = <T,>(list: () => readonly T[], id: (item: T) => string) =>
  createMemo(() => list().map(id), [], {
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  })
