import { A } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import {
  ACTION_STATUSES,
  type ActionStatus,
  type ActionStatusValue,
  actionField,
  deadlineInForce,
  type PlanAction,
  setActionDeadline,
  setActionResponsible,
  setActionStatus,
  updateAction,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { MediationForField } from './mediation-field.tsx'
import { MAY_REFER, NewReferralForm } from './new-referral.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import {
  candidatesOf,
  createPlanAction,
  writeThen,
  Editing,
  mayEdit,
  partyOptions,
  type PlanCtx,
  PlanDispute,
  PlanSelect,
  ProblemAlert,
  RecordInput,
  refFromKey,
  refKey,
  usePlanNames,
} from './plan-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(common, plan)

/** An action's decision fields (FP rules): each may go to mediation when disputed. */
const DECISION_PARTS = ['deadline', 'responsible', 'status'] as const

/**
 * One action under a goal (FP12): what, who (a decision field), by when (a decision field, with
 * the stable test id `action-deadline-<id>`), who checks, status with the reason when not done,
 * and the referral agreement it is carried out through. An overdue action (FP24) stands out in
 * words as well as colour.
 */
export const PlanActionRow = (props: { ctx: PlanCtx; action: () => PlanAction }) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const names = usePlanNames()
  const ctx = props.ctx
  const a = () => props.action()
  const id = a().id
  const doc = ctx.conn.doc
  const action = createPlanAction()
  const write = (fn: () => void) => writeThen(action, fn, ctx)
  const party = (ref: Parameters<typeof names.party>[1]) => names.party(ctx.plan(), ref)
  const statusLabel = (s: ActionStatusValue) => t(`plan.actionStatus.${s.status}`)
  const options = () => partyOptions(ctx.plan(), party)
  const settled = <T,>(f: { state: string; value?: T }) =>
    f.state === 'settled' ? f.value : undefined
  const deadline = () => deadlineInForce(a().deadline)
  const responsibleKey = () => {
    const r = a().responsible
    return r.state === 'settled' ? refKey(r.value) : ''
  }
  const [pending, setPending] = createSignal<ActionStatus | null>(null)
  const [reason, setReason] = createSignal('')
  const referrals = () => ws.entries().filter((e) => e.kind === 'referral')
  const [referring, setReferring] = createSignal(false)
  /** The partner agency responsible for the action, if another agency: where to refer. */
  const referredAgency = () => {
    const r = a().responsible
    return r.state === 'settled' &&
      r.value.kind === 'professional' &&
      r.value.agencyId !== ctx.me.agencyId
      ? r.value.agencyId
      : undefined
  }

  const saveStatus = (status: ActionStatus, why?: string) =>
    write(() => setActionStatus(doc, id, status, ctx.me, why))

  return (
    <li
      id={`action-${id}`}
      class="plan-action"
      classList={{ 'plan-action--overdue': a().overdue }}
      data-testid="plan-action"
      data-id={id}
      data-overdue={a().overdue}
    >
      <p class="plan-action-head">
        <Show when={a().overdue}>
          <strong class="badge badge-overdue" data-testid={`action-overdue-${id}`}>
            {t('plan.action.overdue')}
          </strong>{' '}
        </Show>
        <span>
          {t('plan.action.summary', {
            who:
              a().responsible.state === 'disputed'
                ? t('plan.dispute.badge')
                : party(settled(a().responsible as never)),
            date: deadline() ? names.day(deadline() as string) : t('plan.action.noDeadline'),
          })}
        </span>
      </p>
      <RecordInput
        ctx={ctx}
        id={`action-what-${id}`}
        testId={`action-what-${id}`}
        label={t('plan.action.what')}
        value={a().what}
        presence={`action:${id}:what`}
        onSave={(v) => updateAction(doc, id, { what: v }, ctx.me)}
      />
      <div class="plan-grid">
        <PlanSelect
          id={`action-who-${id}`}
          testId={`action-who-${id}`}
          label={t('plan.action.who')}
          value={responsibleKey()}
          placeholder={a().responsible.state === 'disputed' ? t('plan.dispute.badge') : undefined}
          disabled={!mayEdit(ctx) || a().responsible.state === 'disputed'}
          options={options()}
          onChange={(v) => {
            const ref = refFromKey(v)
            if (ref) write(() => setActionResponsible(doc, id, ref, ctx.me))
          }}
        />
        <div class="field">
          <label for={`action-deadline-${id}`}>
            {t('plan.action.deadline')} <Editing ctx={ctx} field={`action:${id}:deadline`} />
          </label>
          <input
            id={`action-deadline-${id}`}
            type="date"
            value={
              a().deadline.state === 'settled'
                ? ((a().deadline as { value: string | null }).value ?? '')
                : ''
            }
            readOnly={!mayEdit(ctx)}
            disabled={a().deadline.state === 'disputed'}
            onFocus={() => ctx.focus(`action:${id}:deadline`)}
            onBlur={() => ctx.focus(null)}
            onChange={(e) => {
              const v = e.currentTarget.value
              write(() => setActionDeadline(doc, id, v === '' ? null : v, ctx.me))
            }}
            data-testid={`action-deadline-${id}`}
          />
        </div>
        <PlanSelect
          id={`action-checker-${id}`}
          testId={`action-checker-${id}`}
          label={t('plan.action.checker')}
          value={a().checker ? refKey(a().checker as never) : ''}
          placeholder={t('plan.value.none')}
          disabled={!mayEdit(ctx)}
          options={options()}
          onChange={(v) =>
            write(() => updateAction(doc, id, { checker: refFromKey(v) ?? null }, ctx.me))
          }
        />
        <PlanSelect
          id={`action-status-${id}`}
          testId={`action-status-${id}`}
          label={t('plan.action.status')}
          value={
            pending() ??
            (a().status.state === 'settled'
              ? (a().status as { value: ActionStatusValue }).value.status
              : '')
          }
          placeholder={a().status.state === 'disputed' ? t('plan.dispute.badge') : undefined}
          disabled={!mayEdit(ctx) || a().status.state === 'disputed'}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`plan.actionStatus.${s}`) }))}
          onChange={(v) => {
            if (v === 'not-done') return setPending('not-done')
            setPending(null)
            saveStatus(v as ActionStatus)
          }}
        />
      </div>
      <Show when={pending() === 'not-done'}>
        <form
          class="plan-inline-form"
          novalidate
          onSubmit={(e) => {
            e.preventDefault()
            if (saveStatus('not-done', reason().trim())) {
              setPending(null)
              setReason('')
            }
          }}
        >
          <div class="field">
            <label for={`action-reason-${id}`}>{t('plan.action.reason')}</label>
            <input
              id={`action-reason-${id}`}
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
              data-testid={`action-reason-${id}`}
            />
          </div>
          <button type="submit" class="secondary small" data-testid={`action-reason-save-${id}`}>
            {t('plan.save')}
          </button>
          <button type="button" class="secondary small" onClick={() => setPending(null)}>
            {t('common.cancel')}
          </button>
        </form>
      </Show>
      <Show
        when={
          a().status.state === 'settled' &&
          (a().status as { value: ActionStatusValue }).value.reason
        }
      >
        {(why) => (
          <p class="plan-reason" data-testid={`action-why-${id}`}>
            {t('plan.action.reasonShown', { reason: why() })}
          </p>
        )}
      </Show>
      <Show when={a().responsible.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={actionField(id, 'responsible')}
          name={t('plan.action.who')}
          candidates={candidatesOf(a().responsible, party)}
          testId={`dispute-action-responsible-${id}`}
        />
      </Show>
      <Show when={a().deadline.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={actionField(id, 'deadline')}
          name={t('plan.action.deadline')}
          candidates={candidatesOf(a().deadline, (d) =>
            d ? names.day(d) : t('plan.action.noDeadline'),
          )}
          testId={`dispute-action-deadline-${id}`}
        />
      </Show>
      <Show when={a().status.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={actionField(id, 'status')}
          name={t('plan.action.status')}
          candidates={candidatesOf(a().status, statusLabel, (s) => s.reason)}
          testId={`dispute-action-status-${id}`}
        />
      </Show>
      <For each={DECISION_PARTS}>
        {(part) => (
          <MediationForField
            conn={ctx.conn}
            documentId={ctx.documentId}
            documentKind="plan"
            field={actionField(id, part)}
            testId={`dispute-action-${part}-${id}`}
          />
        )}
      </For>
      <div class="plan-referral">
        <Show
          when={a().referralId}
          fallback={
            <Show when={mayEdit(ctx) && (MAY_REFER as readonly string[]).includes(ctx.me.role)}>
              <Show
                when={referring()}
                fallback={
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => setReferring(true)}
                    data-testid={`action-start-referral-${id}`}
                  >
                    {t('plan.action.startReferral')}
                  </button>
                }
              >
                <NewReferralForm
                  onCancel={() => setReferring(false)}
                  onCreated={(rid) => {
                    setReferring(false)
                    write(() => updateAction(doc, id, { referralId: rid }, ctx.me))
                  }}
                  receivingAgencyId={referredAgency()}
                  request={a().what}
                />
              </Show>
            </Show>
          }
        >
          {(rid) => (
            <A href={`/documents/${rid()}`} data-testid={`action-referral-link-${id}`}>
              {t('plan.action.referral', {
                title: ws.entries().find((e) => e.id === rid())?.title ?? rid(),
              })}
            </A>
          )}
        </Show>
        <Show when={mayEdit(ctx) && referrals().length > 0}>
          <PlanSelect
            id={`action-referral-${id}`}
            testId={`action-referral-${id}`}
            label={t('plan.action.linkReferral')}
            value={a().referralId ?? ''}
            placeholder={t('plan.value.none')}
            options={referrals().map((e) => ({ value: e.id, label: e.title }))}
            onChange={(v) => write(() => updateAction(doc, id, { referralId: v || null }, ctx.me))}
          />
        </Show>
      </div>
      <ProblemAlert problem={action.problem()} testId={`action-error-${id}`} />
    </li>
  )
}
