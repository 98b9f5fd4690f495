import { createSignal, createUniqueId, type JSX, Show } from 'solid-js'
import {
  type Actor,
  type Json,
  type Mediation,
  ModelError,
  type ModelErrorCode,
  type StageMove,
} from '../../model/index.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { SubmitActions } from './form-fields.tsx'
import { createActionWith, localDay, ProblemAlert, useNames } from './referral-common.tsx'
import './mediation.css'
import { mediation } from '../i18n/messages/mediation.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(mediation, referral)

// Pieces shared by the mediation log, the supervisor's console and "send to mediation" beside a
// disputed field: refusals in words, names of decision fields and their values, time left.

const ERRORS: Partial<Record<ModelErrorCode, MessageKey>> = {
  'not-a-party': 'mediation.error.not-a-party',
  'not-mediator': 'mediation.error.not-mediator',
  'not-your-position': 'mediation.error.not-your-position',
  'reason-required': 'mediation.error.reason-required',
  'rationale-required': 'mediation.error.rationale-required',
  'invalid-transition': 'mediation.error.invalid-transition',
  'mediation-closed': 'mediation.error.mediation-closed',
  'decision-required': 'mediation.error.decision-required',
  'not-disputed': 'mediation.error.not-disputed',
  'invalid-field': 'mediation.error.invalid-field',
  'invalid-party': 'mediation.error.invalid-party',
  'invalid-date': 'mediation.error.invalid-date',
  'invalid-value': 'mediation.error.invalid-value',
  'invalid-status': 'mediation.error.invalid-value',
}

export const mediationProblem = (err: unknown): Problem => {
  const key = err instanceof ModelError ? ERRORS[err.code] : undefined
  if (key) return { key }
  return {
    key: 'mediation.error.other',
    params: { message: err instanceof Error ? err.message : String(err) },
  }
}

export const createMediationAction = () => createActionWith(mediationProblem)

/** Names of the decision fields of referrals and plans; other fields show their own name. */
const FIELD_NAMES: [RegExp, MessageKey][] = [
  [/^referral\.status$/, 'mediation.field.referralStatus'],
  [/^referral\.urgency$/, 'mediation.field.referralUrgency'],
  [/^referral\.respondBy$/, 'mediation.field.respondBy'],
  [/^referral\.completeBy$/, 'mediation.field.completeBy'],
  [/^referral\.legalBasis$/, 'mediation.field.legalBasis'],
  [/^referral\.outcome$/, 'mediation.field.referralOutcome'],
  [/^referral\.sharing\./, 'mediation.field.sharing'],
  [/^plan\.status$/, 'mediation.field.planStatus'],
  [/^plan\.period$/, 'mediation.field.planPeriod'],
  [/^plan\.problems\./, 'mediation.field.planProblems'],
  [/^plan\.approval$/, 'mediation.field.planApproval'],
  [/^plan\.action\.[^.]+\.deadline$/, 'mediation.field.actionDeadline'],
  [/^plan\.action\.[^.]+\.responsible$/, 'mediation.field.actionResponsible'],
  [/^plan\.action\.[^.]+\.status$/, 'mediation.field.actionStatus'],
  [/^plan\.goal\./, 'mediation.field.goal'],
  [/^plan\.problem\./, 'mediation.field.familyPosition'],
]

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

const REFERRAL_STATUSES = new Set([
  'draft',
  'requested',
  'accepted',
  'rejected',
  'in-progress',
  'on-hold',
  'completed',
  'failed',
  'cancelled',
  'entered-in-error',
])

/** Field names, candidate values and durations in the chosen language. */
export const useMediationFormat = () => {
  const { t, formatDate, formatNumber } = useI18n()
  const names = useNames()
  const fieldLabel = (field: string): string => {
    const key = FIELD_NAMES.find(([re]) => re.test(field))?.[1]
    return key ? t(key) : field
  }
  const valueLabel = (field: string, value: Json | undefined): string => {
    if (value === undefined) return t('mediation.value.withheld')
    if (value === null) return t('mediation.value.none')
    if (typeof value === 'string') {
      if (ISO_DATE.test(value)) return formatDate(localDay(value))
      if (field === 'referral.urgency' && (value === 'routine' || value === 'urgent')) {
        return t(`referral.urgency.${value}`)
      }
      return value
    }
    if (typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value)
    const status = value.status
    if (typeof status === 'string') {
      return field === 'referral.status' && REFERRAL_STATUSES.has(status)
        ? t(`referral.status.${status}` as MessageKey)
        : status
    }
    if (value.kind === 'family') return t('mediation.value.family')
    if (typeof value.agencyId === 'string') {
      const member = typeof value.memberId === 'string' ? ` · ${names.member(value.memberId)}` : ''
      return `${names.agency(value.agencyId)}${member}`
    }
    if (typeof value.from === 'string' && typeof value.to === 'string') {
      return `${valueLabel(field, value.from)} – ${valueLabel(field, value.to)}`
    }
    return JSON.stringify(value)
  }
  /** "3 days", "5 hours", "12 minutes": the larger unit that is at least 1 (2 for days). */
  const duration = (ms: number): string => {
    const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000))
    const hours = Math.floor(minutes / 60)
    if (hours >= 48) return t('mediation.duration.days', { count: Math.floor(hours / 24) })
    if (hours >= 1) return t('mediation.duration.hours', { count: hours })
    return t('mediation.duration.minutes', { count: minutes })
  }
  return { ...names, fieldLabel, valueLabel, duration, number: formatNumber }
}

/** The deadline of the current stage as time left, or how long ago it was breached. */
export const TimeLeftText = (props: { deadline: string; msLeft: number; testId: string }) => {
  const { t, formatDateTime } = useI18n()
  const format = useMediationFormat()
  const breached = () => props.msLeft <= 0
  return (
    <span class="md-deadline" data-testid={props.testId} data-breached={breached()}>
      <Show
        when={breached()}
        fallback={t('mediation.deadline.left', { left: format.duration(props.msLeft) })}
      >
        <strong class="badge badge-overdue">{t('mediation.deadline.breached')}</strong>{' '}
        {t('mediation.deadline.ago', { ago: format.duration(props.msLeft) })}
      </Show>{' '}
      <span class="md-muted">
        (<time datetime={props.deadline}>{formatDateTime(props.deadline)}</time>)
      </span>
    </span>
  )
}

export const stageName = (stage: StageMove['to']): MessageKey => `mediation.stage.${stage}`

/**
 * A short form with one text area, for a proposal, a learning point or a reason: submit writes
 * through the model (`write` returns whether it went through) and empties it.
 */
export const NoteForm = (props: {
  label: string
  submit: string
  testId: string
  write: (text: string) => boolean
  problem: Problem | null
  children?: JSX.Element
}) => {
  const uid = createUniqueId()
  const [text, setText] = createSignal('')
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault()
    if (props.write(text().trim())) setText('')
  }
  return (
    <form class="md-form" onSubmit={onSubmit} novalidate>
      {props.children}
      <div class="field">
        <label for={uid}>{props.label}</label>
        <textarea
          id={uid}
          rows={3}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid={`${props.testId}-text`}
        />
      </div>
      <ProblemAlert problem={props.problem} testId={`${props.testId}-error`} />
      <SubmitActions label={props.submit} testId={`${props.testId}-submit`} />
    </form>
  )
}

/** What every part of the mediation log screen gets. */
export interface MediationPanelProps {
  conn: DocConnection
  mediation: () => Mediation
  me: Actor
  /** The mediator writes sessions, actions, the decision and the outcome. */
  mediator: boolean
  /** A member of a party's agency (the mediator never counts as one). */
  party: boolean
  /** Nothing may be written: an observer, a read grant, or refused. */
  readOnly: boolean
  /** After each of my writes: the summary in the workspace is refreshed (I7). */
  onWrite: () => void
}
