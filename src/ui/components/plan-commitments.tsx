import { createSignal, For, Show } from 'solid-js'
import {
  addCommitment,
  addContingency,
  COMMITMENT_TYPES,
  type CommitmentType,
  type PlanSide,
  removePlanEntry,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import {
  createPlanAction,
  mayEdit,
  type PlanCtx,
  PlanSection,
  PlanSelect,
  ProblemAlert,
  usePlanNames,
} from './plan-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

/** FP14: obligations of each side, bottom lines, consequences, and the contingency plan. */
export const PlanCommitments = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const p = () => ctx.plan()
  const action = createPlanAction()
  const sideLabel = (s: PlanSide) =>
    s.kind === 'family' ? t('plan.side.family') : names.agency(s.agencyId)
  const remove = (list: 'commitments' | 'contingency', id: string) =>
    action.run(() => removePlanEntry(ctx.conn.doc, list, id, ctx.me)) && ctx.onWrite()
  return (
    <PlanSection id="commitments" title={t('plan.section.commitments')} ctx={ctx}>
      <For each={COMMITMENT_TYPES}>
        {(type) => (
          <>
            <h3>{t(`plan.commitment.${type}`)}</h3>
            <Show
              when={p().commitments.some((c) => c.type === type)}
              fallback={<p class="plan-muted">{t('plan.value.none')}</p>}
            >
              <ul class="plan-list" data-testid={`plan-commitments-${type}`}>
                <For each={p().commitments.filter((c) => c.type === type)}>
                  {(c) => (
                    <li>
                      <span>
                        <strong>{sideLabel(c.side)}:</strong> {c.text}
                      </span>
                      <Show when={mayEdit(ctx)}>
                        <button
                          type="button"
                          class="secondary small"
                          onClick={() => remove('commitments', c.id)}
                          aria-label={t('plan.removeNamed', { text: c.text })}
                        >
                          {t('plan.remove')}
                        </button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </For>
      <Show when={mayEdit(ctx)}>
        <AddCommitment ctx={ctx} sideLabel={sideLabel} />
      </Show>
      <h3>{t('plan.contingency.heading')}</h3>
      <Show
        when={p().contingency.length > 0}
        fallback={<p class="plan-muted">{t('plan.value.none')}</p>}
      >
        <ul class="plan-list" data-testid="plan-contingency">
          <For each={p().contingency}>
            {(c) => (
              <li>
                <span>
                  {t('plan.contingency.entry', { if: c.trigger, then: c.response, call: c.call })}
                </span>
                <Show when={mayEdit(ctx)}>
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => remove('contingency', c.id)}
                    aria-label={t('plan.removeNamed', { text: c.trigger })}
                  >
                    {t('plan.remove')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <ProblemAlert problem={action.problem()} testId="plan-commitments-error" />
      <Show when={mayEdit(ctx)}>
        <AddContingency ctx={ctx} />
      </Show>
    </PlanSection>
  )
}

const AddCommitment = (props: { ctx: PlanCtx; sideLabel: (s: PlanSide) => string }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [side, setSide] = createSignal('family')
  const [type, setType] = createSignal<CommitmentType>('obligation')
  const [text, setText] = createSignal('')
  const sides = (): PlanSide[] => [
    { kind: 'family' },
    ...props.ctx.plan().parties.map((agencyId): PlanSide => ({ kind: 'agency', agencyId })),
  ]
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const s: PlanSide =
      side() === 'family' ? { kind: 'family' } : { kind: 'agency', agencyId: side() }
    const ok = action.run(() => {
      addCommitment(props.ctx.conn.doc, { side: s, type: type(), text: text() }, props.ctx.me)
    })
    if (ok) {
      setText('')
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={add} novalidate aria-labelledby="plan-add-commitment-h">
      <h3 id="plan-add-commitment-h">{t('plan.commitment.new')}</h3>
      <div class="plan-grid">
        <PlanSelect
          id="plan-commitment-side"
          testId="plan-commitment-side"
          label={t('plan.commitment.side')}
          value={side()}
          options={sides().map((s) => ({
            value: s.kind === 'family' ? 'family' : s.agencyId,
            label: props.sideLabel(s),
          }))}
          onChange={setSide}
        />
        <PlanSelect
          id="plan-commitment-type"
          testId="plan-commitment-type"
          label={t('plan.commitment.type')}
          value={type()}
          options={COMMITMENT_TYPES.map((c) => ({ value: c, label: t(`plan.commitment.${c}`) }))}
          onChange={(v) => setType(v as CommitmentType)}
        />
      </div>
      <div class="field">
        <label for="plan-commitment-text">{t('plan.commitment.text')}</label>
        <textarea
          id="plan-commitment-text"
          rows={2}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid="plan-commitment-text"
        />
      </div>
      <ProblemAlert problem={action.problem()} testId="plan-add-commitment-error" />
      <button type="submit" class="secondary" data-testid="plan-add-commitment">
        {t('plan.add')}
      </button>
    </form>
  )
}

const AddContingency = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [trigger, setTrigger] = createSignal('')
  const [response, setResponse] = createSignal('')
  const [call, setCall] = createSignal('')
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      addContingency(
        props.ctx.conn.doc,
        { trigger: trigger(), response: response(), call: call() },
        props.ctx.me,
      )
    })
    if (ok) {
      setTrigger('')
      setResponse('')
      setCall('')
      props.ctx.onWrite()
    }
  }
  const input = (id: string, label: string, value: () => string, set: (v: string) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} value={value()} onInput={(e) => set(e.currentTarget.value)} data-testid={id} />
    </div>
  )
  return (
    <form class="plan-add" onSubmit={add} novalidate aria-labelledby="plan-add-contingency-h">
      <h3 id="plan-add-contingency-h">{t('plan.contingency.new')}</h3>
      {input('plan-contingency-if', t('plan.contingency.if'), trigger, setTrigger)}
      {input('plan-contingency-then', t('plan.contingency.then'), response, setResponse)}
      {input('plan-contingency-call', t('plan.contingency.call'), call, setCall)}
      <ProblemAlert problem={action.problem()} testId="plan-add-contingency-error" />
      <button type="submit" class="secondary" data-testid="plan-add-contingency">
        {t('plan.add')}
      </button>
    </form>
  )
}
