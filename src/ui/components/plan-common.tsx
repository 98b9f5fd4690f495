import { createMemo, For, type JSX, Match, Show, Switch } from 'solid-js'
import {
  type FieldState,
  type Json,
  ModelError,
  type ModelErrorCode,
  type Plan,
  type PlanPartyRef,
  resolvePlanDispute,
  type RoleActor,
} from '../../model/index.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'
import type { Presence } from '../../sync/presence.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { EditingMarker, editorsIn } from './presence-list.tsx'
import { createActionWith, ProblemAlert, useReferralFormat } from './referral-common.tsx'
import { Dispute, type DisputeCandidate } from './dispute.tsx'
import './plan.css'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

// What every section of the plan editor shares: the open plan and who is looking at it, the
// collapsible section, a decision field's value with its dispute, and the model's refusals.

export interface PlanCtx {
  conn: DocConnection
  documentId: string
  plan: () => Plan
  me: RoleActor
  now: () => Date
  /** Observer, read-only grant or refused: nothing is written. */
  readOnly: () => boolean
  /** FP2: my agency is a party (leads or has a professional among the participants). */
  party: () => boolean
  /** FP3: my agency leads the plan. */
  lead: () => boolean
  /** FP15: I write the family's own sections. */
  familyAuthor: () => boolean
  peers: () => Presence[]
  /** The field I am in, for presence (null: none). */
  focus: (field: string | null) => void
  /** After each of my writes: refreshes the workspace summary. */
  onWrite: () => void
}

/** May write the plan's ordinary parts: not read-only and of a party. */
export const mayEdit = (ctx: PlanCtx) => !ctx.readOnly() && ctx.party()

const ERRORS: Partial<Record<ModelErrorCode, MessageKey>> = {
  'not-a-party': 'plan.error.not-a-party',
  'wrong-side': 'plan.error.wrong-side',
  'family-authored': 'plan.error.family-authored',
  'invalid-transition': 'plan.error.invalid-transition',
  'reason-required': 'plan.error.reason-required',
  'field-disputed': 'plan.error.field-disputed',
  'approval-required': 'plan.error.approval-required',
  'not-supervisor': 'plan.error.not-supervisor',
  'invalid-date': 'plan.error.invalid-date',
  'invalid-period': 'plan.error.invalid-period',
  'invalid-participant': 'plan.error.invalid-participant',
  'invalid-person-code': 'plan.error.invalid-person-code',
  'invalid-language': 'plan.error.invalid-language',
  'invalid-value': 'plan.error.invalid-value',
  'rationale-required': 'plan.error.rationale-required',
}

const planProblem = (err: unknown): Problem => {
  const key = err instanceof ModelError ? ERRORS[err.code] : undefined
  if (key) return { key }
  return {
    key: 'plan.error.other',
    params: { message: err instanceof Error ? err.message : String(err) },
  }
}

/** Runs a write through the model; keeps its refusal, in the plan's words, for an alert. */
export const createPlanAction = () => createActionWith(planProblem)

export { ProblemAlert }

/** Runs a write; after one that went through, tells the plan (summary refresh). Says which. */
export const writeThen = (
  action: ReturnType<typeof createPlanAction>,
  write: () => void,
  ctx: Pick<PlanCtx, 'onWrite'>,
): boolean => {
  const ok = action.run(write)
  if (ok) ctx.onWrite()
  return ok
}

/**
 * A part of the plan that folds away (details/summary: keyboard and screen readers know it),
 * with who is editing inside it shown on its summary while it is folded.
 */
export const PlanSection = (props: {
  id: string
  title: string
  ctx: PlanCtx
  /** Presence field prefixes inside this section. */
  fields?: (field: string) => boolean
  open?: boolean
  children: JSX.Element
}) => {
  const editors = () => [
    ...new Set(
      props.ctx
        .peers()
        .filter((p) => p.field !== null && (props.fields?.(p.field) ?? false))
        .map((p) => p.name),
    ),
  ]
  return (
    <details class="plan-sec" open={props.open} data-testid={`plan-section-${props.id}`}>
      <summary data-testid={`plan-section-${props.id}-toggle`}>
        <h2 id={`plan-sec-${props.id}`}>{props.title}</h2>
        <EditingMarker names={editors()} />
      </summary>
      <div class="plan-sec-body" role="group" aria-labelledby={`plan-sec-${props.id}`}>
        {props.children}
      </div>
    </details>
  )
}

/** Opens a section programmatically (e.g. a link to an action). */
export const openSection = (id: string) => {
  const el = document.querySelector<HTMLDetailsElement>(`[data-testid="plan-section-${id}"]`)
  if (el) el.open = true
}

/** Names for the people and sides of a plan, from the plan and the partnership's directory. */
export const usePlanNames = () => {
  const { t } = useI18n()
  const format = useReferralFormat()
  const participant = (plan: Plan, id: string) => {
    const p = plan.participants.find((x) => x.id === id)
    if (!p) return id
    return p.kind === 'family'
      ? `${p.code} (${t(`plan.familyRole.${p.familyRole}`)})`
      : `${format.member(p.memberId)} (${format.agency(p.agencyId)})`
  }
  const party = (plan: Plan, ref: PlanPartyRef | undefined) => {
    if (!ref) return t('plan.value.none')
    if (ref.kind === 'family') return participant(plan, ref.participantId)
    return ref.memberId
      ? `${format.member(ref.memberId)} (${format.agency(ref.agencyId)})`
      : format.agency(ref.agencyId)
  }
  return { ...format, participant, party }
}

/** Every way to name who does or checks something: family members, party agencies, their staff. */
export const partyOptions = (
  plan: Plan,
  label: (ref: PlanPartyRef) => string,
): { value: string; label: string }[] => {
  const refs: PlanPartyRef[] = [
    ...plan.participants.flatMap((p): PlanPartyRef[] =>
      p.kind === 'family' ? [{ kind: 'family', participantId: p.id }] : [],
    ),
    ...plan.parties.map((agencyId): PlanPartyRef => ({ kind: 'professional', agencyId })),
    ...plan.participants.flatMap((p): PlanPartyRef[] =>
      p.kind === 'professional'
        ? [{ kind: 'professional', agencyId: p.agencyId, memberId: p.memberId }]
        : [],
    ),
  ]
  return refs.map((ref) => ({ value: refKey(ref), label: label(ref) }))
}

/** A party reference as an option value (stable, compares equal for equal references). */
export const refKey = (ref: PlanPartyRef): string =>
  ref.kind === 'family'
    ? `family:${ref.participantId}`
    : `professional:${ref.agencyId}:${ref.memberId ?? ''}`

export const refFromKey = (key: string): PlanPartyRef | undefined => {
  const [kind, a, b] = key.split(':')
  if (kind === 'family' && a) return { kind: 'family', participantId: a }
  if (kind === 'professional' && a) {
    return b
      ? { kind: 'professional', agencyId: a, memberId: b }
      : { kind: 'professional', agencyId: a }
  }
  return undefined
}

/** A settled value as text; "disputed" as a badge (the dispute itself is shown by PlanDispute). */
export function DecisionValue<T>(props: {
  field: FieldState<T>
  render: (value: T) => string
  testId?: string
}) {
  const { t } = useI18n()
  return (
    <span data-testid={props.testId} data-state={props.field.state}>
      <Switch fallback={<span class="plan-muted">{t('plan.value.none')}</span>}>
        <Match when={props.field.state === 'settled' && props.field}>
          {(f) => <>{props.render((f() as { value: T }).value)}</>}
        </Match>
        <Match when={props.field.state === 'disputed'}>
          <strong class="badge badge-overdue">{t('plan.dispute.badge')}</strong>
        </Match>
        <Match when={props.field.state === 'unreadable'}>
          <span class="plan-muted">{t('plan.value.unreadable')}</span>
        </Match>
      </Switch>
    </span>
  )
}

/** A disputed field's candidates, labelled. */
export function candidatesOf<T>(
  field: FieldState<T>,
  label: (v: T) => string,
  detail?: (v: T) => string | undefined,
): DisputeCandidate[] {
  if (field.state !== 'disputed') return []
  return field.candidates.map((c) => ({
    value: c.value as unknown as Json,
    label: label(c.value),
    ...(detail?.(c.value) !== undefined && { detail: detail(c.value) }),
    by: c,
  }))
}

/**
 * A disputed plan field (D4): a supervisor settles it with a rationale (FP7, D10); everyone else
 * is told it waits for them.
 */
export const PlanDispute = (props: {
  ctx: PlanCtx
  field: string
  name: string
  candidates: DisputeCandidate[]
  testId: string
}) => (
  <Dispute
    texts="plan.dispute"
    name={props.name}
    candidates={props.candidates}
    mayResolve={!props.ctx.readOnly() && props.ctx.me.role === 'supervisor'}
    wait="plan.dispute.waitForSupervisor"
    action={createPlanAction()}
    settle={(value, rationale) =>
      resolvePlanDispute(props.ctx.conn.doc, props.field, value, props.ctx.me, { rationale })
    }
    onSettled={props.ctx.onWrite}
    testId={props.testId}
  />
)

/**
 * The ids of a list, as a memo that changes only when the ids do: rows keyed by id keep their
 * DOM (and the focus in their inputs) while the plan is read again after every keystroke.
 */
export const createIds = (list: () => readonly { id: string }[]) =>
  createMemo(() => list().map((x) => x.id), [], {
    equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]),
  })

/** The names of those in a presence field, next to its label. */
export const Editing = (props: { ctx: PlanCtx; field: string; testId?: string }) => (
  <EditingMarker names={editorsIn(props.ctx.peers(), props.field)} testId={props.testId} />
)

/**
 * A one-line text bound to a record's field: typed locally, written on change (blur or Enter),
 * refused writes announced. Presence follows the focus.
 */
export const RecordInput = (props: {
  ctx: PlanCtx
  id: string
  label: string
  value: string
  presence: string
  testId: string
  readOnly?: boolean
  type?: 'text' | 'date' | 'datetime-local' | 'number'
  multiline?: boolean
  onSave: (value: string) => void
  hint?: string
}) => {
  const action = createPlanAction()
  const readOnly = () => props.readOnly ?? !mayEdit(props.ctx)
  const save = (value: string) => {
    if (value === props.value) return
    if (action.run(() => props.onSave(value))) props.ctx.onWrite()
  }
  const common = {
    id: props.id,
    'data-testid': props.testId,
    'aria-describedby': props.hint ? `${props.id}-hint` : undefined,
    onFocus: () => props.ctx.focus(props.presence),
    onBlur: () => props.ctx.focus(null),
  }
  return (
    <div class="field">
      <label for={props.id}>
        {props.label} <Editing ctx={props.ctx} field={props.presence} />
      </label>
      <Show
        when={props.multiline}
        fallback={
          <input
            {...common}
            type={props.type ?? 'text'}
            value={props.value}
            readOnly={readOnly()}
            onChange={(e) => save(e.currentTarget.value)}
          />
        }
      >
        <textarea
          {...common}
          rows={2}
          value={props.value}
          readOnly={readOnly()}
          onChange={(e) => save(e.currentTarget.value)}
        />
      </Show>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <ProblemAlert problem={action.problem()} testId={`${props.testId}-error`} />
    </div>
  )
}

/** A select of fixed values whose labels come from the catalog. */
export const PlanSelect = (props: {
  id: string
  label: JSX.Element
  value: string
  options: readonly { value: string; label: string }[]
  onChange: (value: string) => void
  disabled?: boolean
  testId: string
  placeholder?: string
}) => (
  <div class="field">
    <label for={props.id}>{props.label}</label>
    <select
      id={props.id}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      data-testid={props.testId}
    >
      <Show when={props.placeholder !== undefined}>
        <option value="" selected={props.value === ''}>
          {props.placeholder}
        </option>
      </Show>
      <For each={props.options}>
        {(o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        )}
      </For>
    </select>
  </div>
)

/** Tick the plan's participants (who is invited, who agreed): a fieldset of checkboxes. */
export const ParticipantChecklist = (props: {
  ctx: PlanCtx
  legend: string
  chosen: string[]
  onChange: (chosen: string[]) => void
  testIdPrefix?: string
}) => {
  const names = usePlanNames()
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <For each={props.ctx.plan().participants}>
        {(x) => (
          <label class="plan-check">
            <input
              type="checkbox"
              checked={props.chosen.includes(x.id)}
              onChange={(e) =>
                props.onChange(
                  e.currentTarget.checked
                    ? [...props.chosen, x.id]
                    : props.chosen.filter((y) => y !== x.id),
                )
              }
              data-testid={props.testIdPrefix && `${props.testIdPrefix}${x.id}`}
            />
            <span>{names.participant(props.ctx.plan(), x.id)}</span>
          </label>
        )}
      </For>
    </fieldset>
  )
}
