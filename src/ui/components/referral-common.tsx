import { createSignal, For, onCleanup, Show } from 'solid-js'
import {
  type Attribution,
  ModelError,
  type ModelErrorCode,
  URGENCIES,
  type Urgency,
} from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './referral.css'
import { referral } from '../i18n/messages/referral.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referral, referralPanels)

// Small pieces shared by the referral inbox, the new-referral form, the referral editor and (through
// referral-panels-shared.tsx) the referral panels.

export type { Problem } from '../i18n/i18n.tsx'

/** The model's refusals a referral screen can meet, each with a sentence for a person. */
const ERRORS: Partial<Record<ModelErrorCode, MessageKey>> = {
  'not-a-party': 'referral.error.not-a-party',
  'wrong-side': 'referral.error.wrong-side',
  'invalid-transition': 'referral.error.invalid-transition',
  'reason-required': 'referral.error.reason-required',
  'field-disputed': 'referral.error.field-disputed',
  'not-disputed': 'referral.error.not-disputed',
  'rationale-required': 'referral.error.rationale-required',
  'invalid-status': 'referral.error.invalid-status',
  'not-draft': 'referral.error.not-draft',
  'invalid-date': 'referral.error.invalid-date',
  'invalid-urgency': 'referral.error.invalid-urgency',
  'invalid-person-code': 'referral.error.invalid-person-code',
  'invalid-party': 'referral.error.invalid-party',
  'invalid-outcome': 'referral.error.invalid-outcome',
  'outcome-too-early': 'referral.error.outcome-too-early',
  'not-found': 'referral.error.not-found',
  'invalid-id': 'referral.error.invalid-service',
  'invalid-name': 'referral.error.invalid-service',
  'invalid-title': 'referral.error.invalid-person-code',
}

/** A refused write as a translated problem; anything but a ModelError keeps its message. */
export const problemOf = (err: unknown): Problem => {
  const key = err instanceof ModelError ? ERRORS[err.code] : undefined
  if (key) return { key }
  return {
    key: 'referral.error.other',
    params: { message: err instanceof Error ? err.message : String(err) },
  }
}

/**
 * Runs writes through the model and keeps the last refusal, worded by `toProblem`, for an alert.
 * `run` returns whether the write went through; anything but a ModelError is still shown, never
 * swallowed silently.
 */
export const createActionWith = (toProblem: (err: unknown) => Problem) => {
  const [problem, setProblem] = createSignal<Problem | null>(null)
  const run = (write: () => void): boolean => {
    try {
      write()
      setProblem(null)
      return true
    } catch (err) {
      setProblem(toProblem(err))
      return false
    }
  }
  const runAsync = async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write()
      setProblem(null)
      return true
    } catch (err) {
      setProblem(toProblem(err))
      return false
    }
  }
  return { problem, setProblem, run, runAsync }
}

/** Runs a write through the model; keeps its refusal for an alert. Returns whether it went through. */
export const createAction = () => createActionWith(problemOf)

export const ProblemAlert = (props: {
  problem: Problem | null
  testId: string
  id?: string
  class?: string
}) => {
  const { t } = useI18n()
  return (
    <Show when={props.problem}>
      {(p) => (
        <p
          class={props.class ?? 'field-error rf-alert'}
          role="alert"
          id={props.id}
          data-testid={props.testId}
        >
          {t(p().key, p().params)}
        </p>
      )}
    </Show>
  )
}

/**
 * A calendar date (YYYY-MM-DD) as a local midnight, so that the locale's formatter shows the
 * same day in every time zone (new Date('2026-03-08') is UTC midnight: the 7th in the Americas).
 */
export const localDay = (date: string): Date => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1)
}

/** Names of agencies and members from the partnership's directory, the id when unknown. */
export const useNames = () => {
  const ws = useWorkspace()
  return {
    agency: (id: string) => ws.agency(id)?.name ?? id,
    member: (id: string) => ws.member(id)?.displayName ?? id,
  }
}

/** Names from the partnership's directory, the id when unknown, and dates for the locale. */
export const useReferralFormat = () => {
  const { formatDate } = useI18n()
  return {
    ...useNames(),
    day: (date: string) => formatDate(localDay(date)),
  }
}

/**
 * "Anna (MOPS), 8 Mar 2026, 10:15": who decided or recorded, for which agency, when; `text` is
 * the message for the member and agency.
 */
export const Attributed = (props: {
  by: Pick<Attribution, 'memberId' | 'agencyId' | 'at'>
  text: 'referral.by' | 'panels.by'
  class: string
}) => {
  const { t, formatDateTime } = useI18n()
  const names = useNames()
  return (
    <span class={props.class}>
      {t(props.text, {
        member: names.member(props.by.memberId),
        agency: names.agency(props.by.agencyId),
      })}
      {', '}
      <time datetime={props.by.at}>{formatDateTime(props.by.at)}</time>
    </span>
  )
}

/**
 * The current time, renewed every minute: deadlines pass and consents expire while a screen
 * stays open.
 */
export const createNow = (everyMs = 60_000): (() => Date) => {
  const [now, setNow] = createSignal(new Date())
  const timer = setInterval(() => setNow(new Date()), everyMs)
  onCleanup(() => clearInterval(timer))
  return now
}

/** A deadline with its "overdue" marker (in words, not colour alone). */
export const Deadline = (props: {
  label: MessageKey
  date: string | null
  overdue: boolean
  testId: string
}) => {
  const { t } = useI18n()
  const format = useReferralFormat()
  return (
    <Show when={props.date}>
      {(date) => (
        <span class="rf-deadline" data-testid={props.testId} data-overdue={props.overdue}>
          {t(props.label, { date: format.day(date()) })}
          <Show when={props.overdue}>
            {' '}
            <strong class="badge badge-overdue" data-testid={`${props.testId}-overdue`}>
              {t('referral.overdue')}
            </strong>
          </Show>
        </span>
      )}
    </Show>
  )
}

export const UrgencyLabel = (props: { urgency: Urgency | 'disputed' | null }) => {
  const { t } = useI18n()
  return (
    <Show when={props.urgency}>
      {(u) => (
        <span class="rf-urgency" data-urgency={u()}>
          {t(`referral.urgency.${u()}`)}
        </span>
      )}
    </Show>
  )
}

/** How urgent a referral is (RF6), as a select; `id` is also its test id. */
export const UrgencyField = (props: {
  id: string
  value: Urgency
  onChange: (urgency: Urgency) => void
  ref?: HTMLSelectElement | ((el: HTMLSelectElement) => void)
}) => {
  const { t } = useI18n()
  return (
    <div class="field">
      <label for={props.id}>{t('referral.field.urgency')}</label>
      <select
        id={props.id}
        ref={props.ref}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as Urgency)}
        data-testid={props.id}
      >
        <For each={URGENCIES}>
          {(u) => (
            <option value={u} selected={u === props.value}>
              {t(`referral.urgency.${u}`)}
            </option>
          )}
        </For>
      </select>
    </div>
  )
}
