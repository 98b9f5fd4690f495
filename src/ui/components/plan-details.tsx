import { createSignal, For, Show } from 'solid-js'
import {
  PLAN_FIELDS,
  PLAN_LANGUAGES,
  PLAN_REASON_REQUIRED,
  PLAN_TRANSITIONS,
  PLAN_VARIANTS,
  type PlanStatus,
  type PlanVariant,
  setPlanDetails,
  setPlanPeriod,
  setPlanStatus,
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
  PlanSelect,
  ProblemAlert,
  usePlanNames,
} from './plan-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { languageName } from '../i18n/language-names.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

/** FP3, FP4, FP6: variant, lead worker, languages, period and status. */
export const PlanDetails = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const p = () => ctx.plan()
  const action = createPlanAction()
  const lead = () => mayEdit(ctx) && ctx.lead()
  const write = (fn: () => void) => writeThen(action, fn, ctx)
  const me = ctx.me
  const doc = ctx.conn.doc
  const day = (d: string) => names.day(d)
  const statusLabel = (s: { status: PlanStatus; reason?: string }) =>
    t(`plan.status.${s.status}`) + (s.reason ? ` — ${s.reason}` : '')

  return (
    <PlanSection id="details" title={t('plan.section.details')} ctx={ctx} open>
      <dl class="plan-facts">
        <div>
          <dt>{t('plan.field.status')}</dt>
          <dd>
            <DecisionValue field={p().status} render={statusLabel} testId="plan-status" />
          </dd>
        </div>
        <div>
          <dt>{t('plan.field.period')}</dt>
          <dd>
            <DecisionValue
              field={p().period}
              render={(v) => `${day(v.from)} – ${day(v.to)}`}
              testId="plan-period"
            />
          </dd>
        </div>
        <div>
          <dt>{t('plan.field.leadAgency')}</dt>
          <dd>{names.agency(p().leadAgencyId)}</dd>
        </div>
      </dl>
      <Show when={p().status.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={PLAN_FIELDS.status}
          name={t('plan.field.status')}
          candidates={candidatesOf(p().status, statusLabel)}
          testId="dispute-plan-status"
        />
      </Show>
      <Show when={p().period.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={PLAN_FIELDS.period}
          name={t('plan.field.period')}
          candidates={candidatesOf(p().period, (v) => `${day(v.from)} – ${day(v.to)}`)}
          testId="dispute-plan-period"
        />
      </Show>
      <div class="plan-grid">
        <PlanSelect
          id="plan-variant"
          testId="plan-variant"
          label={t('plan.field.variant')}
          value={p().variant ?? ''}
          disabled={!lead()}
          placeholder={t('plan.value.none')}
          options={PLAN_VARIANTS.map((v) => ({ value: v, label: t(`plan.variant.${v}`) }))}
          onChange={(v) => write(() => setPlanDetails(doc, { variant: v as PlanVariant }, me))}
        />
        <PlanSelect
          id="plan-lead-worker"
          testId="plan-lead-worker"
          label={t('plan.field.leadWorker')}
          value={p().leadWorkerId}
          disabled={!lead()}
          options={leadWorkers(ctx).map((id) => ({ value: id, label: names.member(id) }))}
          onChange={(v) => write(() => setPlanDetails(doc, { leadWorkerId: v }, me))}
        />
        <PlanSelect
          id="plan-representative"
          testId="plan-representative"
          label={t('plan.field.representative')}
          value={p().representativeId ?? ''}
          disabled={!lead()}
          placeholder={t('plan.value.none')}
          options={p()
            .participants.filter((x) => x.kind === 'family')
            .map((x) => ({ value: x.id, label: names.participant(p(), x.id) }))}
          onChange={(v) => write(() => setPlanDetails(doc, { representativeId: v || null }, me))}
        />
      </div>
      <fieldset class="plan-languages" disabled={!lead()}>
        <legend>{t('plan.field.languages')}</legend>
        <p class="field-hint">{t('plan.hint.languages')}</p>
        <For each={[...new Set([...PLAN_LANGUAGES, ...p().languages])]}>
          {(l) => (
            <label class="plan-check">
              <input
                type="checkbox"
                checked={p().languages.includes(l)}
                data-testid={`plan-language-${l}`}
                onChange={(e) => {
                  const on = e.currentTarget.checked
                  const next = on ? [...p().languages, l] : p().languages.filter((x) => x !== l)
                  if (!write(() => setPlanDetails(doc, { languages: next }, me))) {
                    e.currentTarget.checked = !on
                  }
                }}
              />
              <span lang={l}>{languageName(l)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={mayEdit(ctx)}>
        <PeriodEditor ctx={ctx} />
      </Show>
      <Show when={lead()}>
        <StatusEditor ctx={ctx} />
      </Show>
      <ProblemAlert problem={action.problem()} testId="plan-details-error" />
    </PlanSection>
  )
}

/** The lead agency's members who may lead the plan. */
const leadWorkers = (ctx: PlanCtx): string[] => {
  const p = ctx.plan()
  const ids = new Set([p.leadWorkerId])
  for (const x of p.participants) {
    if (x.kind === 'professional' && x.agencyId === p.leadAgencyId) ids.add(x.memberId)
  }
  return [...ids]
}

const PeriodEditor = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const settled = () => {
    const f = props.ctx.plan().period
    return f.state === 'settled' ? f.value : undefined
  }
  const [from, setFrom] = createSignal(settled()?.from ?? '')
  const [to, setTo] = createSignal(settled()?.to ?? '')
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() =>
      setPlanPeriod(props.ctx.conn.doc, { from: from(), to: to() }, props.ctx.me),
    )
    if (ok) props.ctx.onWrite()
  }
  return (
    <form class="plan-inline-form" onSubmit={save} novalidate>
      <div class="field">
        <label for="plan-period-from">{t('plan.field.periodFrom')}</label>
        <input
          id="plan-period-from"
          type="date"
          value={from()}
          onInput={(e) => setFrom(e.currentTarget.value)}
          data-testid="plan-period-from"
        />
      </div>
      <div class="field">
        <label for="plan-period-to">{t('plan.field.periodTo')}</label>
        <input
          id="plan-period-to"
          type="date"
          value={to()}
          onInput={(e) => setTo(e.currentTarget.value)}
          data-testid="plan-period-to"
        />
      </div>
      <button type="submit" class="secondary" data-testid="plan-period-save">
        {t('plan.period.save')}
      </button>
      <ProblemAlert problem={action.problem()} testId="plan-period-error" />
    </form>
  )
}

/** FP4: the lead agency moves the plan along the status table, with a reason where required. */
const StatusEditor = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [to, setTo] = createSignal<PlanStatus | ''>('')
  const [reason, setReason] = createSignal('')
  const next = (): readonly PlanStatus[] => {
    const s = props.ctx.plan().status
    return s.state === 'settled' ? PLAN_TRANSITIONS[s.value.status] : []
  }
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const target = to()
    if (target === '') return
    const ok = action.run(() => {
      setPlanStatus(props.ctx.conn.doc, target, props.ctx.me, reason().trim() || undefined)
    })
    if (ok) {
      setTo('')
      setReason('')
      props.ctx.onWrite()
    }
  }
  return (
    <Show when={next().length > 0}>
      <form class="plan-inline-form" onSubmit={save} novalidate>
        <PlanSelect
          id="plan-status-to"
          testId="plan-status-to"
          label={t('plan.status.change')}
          value={to()}
          placeholder={t('plan.status.choose')}
          options={next().map((s) => ({ value: s, label: t(`plan.status.${s}`) }))}
          onChange={(v) => setTo(v as PlanStatus)}
        />
        <Show when={to() !== '' && PLAN_REASON_REQUIRED.includes(to() as PlanStatus)}>
          <div class="field">
            <label for="plan-status-reason">{t('plan.field.reason')}</label>
            <input
              id="plan-status-reason"
              value={reason()}
              onInput={(e) => setReason(e.currentTarget.value)}
              data-testid="plan-status-reason"
            />
          </div>
        </Show>
        <button type="submit" class="secondary" data-testid="plan-status-save">
          {t('plan.status.save')}
        </button>
        <ProblemAlert problem={action.problem()} testId="plan-status-error" />
      </form>
    </Show>
  )
}
