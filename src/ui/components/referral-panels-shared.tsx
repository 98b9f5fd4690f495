import { createMemo, createSignal, For, type JSX, Show } from 'solid-js'
import type { Attribution, FieldState, ModelErrorCode, Referral } from '../../model/index.ts'
import { ModelError } from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { Attributed, createActionWith, type Problem, ProblemAlert } from './referral-common.tsx'
import './referral-panels.css'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

// Pieces shared by the referral panels (consent, responsibilities, sign-offs, export), on top of
// those every referral screen shares (referral-common.tsx).

export { createNow, localDay, type Problem, useNames } from './referral-common.tsx'

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

/** The value for an <input type="datetime-local"> showing `at` in the device's zone. */
export const localDateTimeValue = (at: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}`
  )
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

/** Runs writes through the model (see createActionWith); `overrides` words a code for one action. */
export const createAction = (overrides: Partial<Record<ModelErrorCode, MessageKey>> = {}) =>
  createActionWith((err) => problemOf(err, overrides))

export const ErrorAlert = (props: { problem: Problem | null; testId: string }) => (
  <ProblemAlert problem={props.problem} testId={props.testId} class="rp-alert" />
)

/** "by Anna (MOPS), 8 Mar 2026, 10:15" for a decision or a record. */
export const ByLine = (props: { by: Pick<Attribution, 'memberId' | 'agencyId' | 'at'> }) => (
  <Attributed by={props.by} text="panels.by" class="rp-by" />
)

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

/**
 * A panel's records by id (see createIds), each looked up afresh in the referral; `none` when
 * there are none.
 */
export function RecordList<T>(props: {
  ids: string[]
  record: (id: string) => T | undefined
  none: JSX.Element
  children: (record: () => NonNullable<T>) => JSX.Element
}) {
  return (
    <Show when={props.ids.length > 0} fallback={props.none}>
      <ul class="rp-list rp-records">
        <For each={props.ids}>
          {(id) => <Show when={props.record(id)}>{(record) => props.children(record)}</Show>}
        </For>
      </ul>
    </Show>
  )
}

/**
 * A button, shown while `when` holds, that opens a form under it (and closes it again); the form
 * closes itself by `done`. Whether it is open outlasts the button being hidden for a while.
 */
export const AddToggle = (props: {
  when: boolean
  label: string
  testId: string
  children: (done: () => void) => JSX.Element
}) => {
  const [adding, setAdding] = createSignal(false)
  return (
    <Show when={props.when}>
      <button
        type="button"
        class="secondary"
        aria-expanded={adding()}
        onClick={() => setAdding((a) => !a)}
        data-testid={props.testId}
      >
        {props.label}
      </button>
      <Show when={adding()}>{props.children(() => setAdding(false))}</Show>
    </Show>
  )
}

/** A checkbox with its label, in a panel's list of choices. */
export const Check = (props: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  testId: string
  describedBy?: string
}) => (
  <label class="rp-check">
    <input
      type="checkbox"
      checked={props.checked}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
      aria-describedby={props.describedBy}
      data-testid={props.testId}
    />
    {props.label}
  </label>
)
