import { createSignal, For, Show } from 'solid-js'
import {
  acknowledgePlan,
  type ApprovalValue,
  approvePlan,
  PLAN_FIELDS,
  requestApproval,
  returnPlan,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import {
  candidatesOf,
  createPlanAction,
  writeThen,
  DecisionValue,
  mayEdit,
  type PlanCtx,
  PlanDispute,
  PlanSection,
  ProblemAlert,
  usePlanNames,
} from './plan-common.tsx'
import { Attributed } from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(plan, referral)

/** FP22, FP23: each participant's acknowledgement of this version, and the supervisor's approval. */
export const PlanApproval = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const p = () => ctx.plan()
  const action = createPlanAction()
  const [comments, setComments] = createSignal('')
  const doc = ctx.conn.doc
  const write = (fn: () => void) => writeThen(action, fn, ctx)
  const approvalLabel = (v: ApprovalValue) =>
    t(`plan.approval.${v.state}`) + (v.comments ? ` — ${v.comments}` : '')
  const approval = () => p().approval
  const requested = () =>
    approval().state === 'settled' &&
    (approval() as { value: ApprovalValue }).value.state === 'requested'
  const supervisor = () => !ctx.readOnly() && ctx.me.role === 'supervisor'
  // A professional acknowledges as themselves; the family's by the representative or lead worker.
  const mayAcknowledge = (pid: string) => {
    const x = p().participants.find((y) => y.id === pid)
    if (!x || ctx.readOnly()) return false
    return x.kind === 'professional' ? x.memberId === ctx.me.memberId : ctx.familyAuthor()
  }
  return (
    <PlanSection id="approval" title={t('plan.section.approval')} ctx={ctx}>
      <h3>{t('plan.ack.heading')}</h3>
      <p class="field-hint">{t('plan.ack.hint')}</p>
      <ul class="plan-list" data-testid="plan-acks">
        <For each={p().acknowledgements}>
          {(a) => (
            <li data-testid="plan-ack" data-state={a.state}>
              <span>
                {names.participant(p(), a.participantId)}: {t(`plan.ack.${a.state}`)}
                <Show when={a.latest}>
                  {(l) => (
                    <>
                      {' '}
                      <Attributed
                        by={{
                          memberId: l().recordedBy,
                          agencyId: l().recordedByAgency,
                          at: l().at,
                        }}
                        text="referral.by"
                        class="rf-by"
                      />
                    </>
                  )}
                </Show>
              </span>
              <Show when={mayAcknowledge(a.participantId) && a.state !== 'current'}>
                <button
                  type="button"
                  class="secondary small"
                  onClick={() => write(() => acknowledgePlan(doc, a.participantId, ctx.me))}
                  data-testid={`plan-ack-${a.participantId}`}
                >
                  {t('plan.ack.record')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <h3>{t('plan.approval.heading')}</h3>
      <p>
        <DecisionValue field={approval()} render={approvalLabel} testId="plan-approval" />
        <Show
          when={
            approval().state === 'settled' &&
            !approval().approvedCurrent &&
            (approval() as { value: ApprovalValue }).value.state === 'approved'
          }
        >
          {' '}
          <strong class="badge badge-overdue" data-testid="plan-approval-outdated">
            {t('plan.approval.outdated')}
          </strong>
        </Show>
      </p>
      <Show when={approval().state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={PLAN_FIELDS.approval}
          name={t('plan.approval.heading')}
          candidates={candidatesOf(approval(), approvalLabel)}
          testId="dispute-approval"
        />
      </Show>
      <ol class="plan-history">
        <For each={approval().history}>
          {(h) => (
            <li>
              {approvalLabel(h)} <Attributed by={h} text="referral.by" class="rf-by" />
            </li>
          )}
        </For>
      </ol>
      <Show when={mayEdit(ctx) && ctx.lead() && !requested() && approval().state !== 'disputed'}>
        <button
          type="button"
          class="secondary"
          onClick={() => write(() => requestApproval(doc, ctx.me))}
          data-testid="plan-request-approval"
        >
          {t('plan.approval.request')}
        </button>
      </Show>
      <Show when={supervisor() && requested()}>
        <div class="plan-add">
          <div class="field">
            <label for="plan-approval-comments">{t('plan.approval.comments')}</label>
            <textarea
              id="plan-approval-comments"
              rows={2}
              value={comments()}
              onInput={(e) => setComments(e.currentTarget.value)}
              data-testid="plan-approval-comments"
            />
          </div>
          <div class="actions">
            <button
              type="button"
              class="primary"
              onClick={() => write(() => approvePlan(doc, ctx.me))}
              data-testid="plan-approve"
            >
              {t('plan.approval.approve')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => write(() => returnPlan(doc, ctx.me, comments())) && setComments('')}
              data-testid="plan-return"
            >
              {t('plan.approval.return')}
            </button>
          </div>
        </div>
      </Show>
      <Show when={requested() && !supervisor()}>
        <p class="field-hint">{t('plan.approval.waiting')}</p>
      </Show>
      <ProblemAlert problem={action.problem()} testId="plan-approval-error" />
    </PlanSection>
  )
}
