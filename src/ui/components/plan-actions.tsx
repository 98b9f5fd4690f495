import { createSignal, For, Show } from 'solid-js'
import {
  addAction,
  addGoal,
  deadlineInForce,
  GOAL_PROGRESS,
  type GoalProgress,
  goalField,
  type PlanAction,
  type PlanGoal,
  setGoalProgress,
  setGoalTarget,
  updateGoal,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { PlanActionRow } from './plan-action.tsx'
import {
  candidatesOf,
  createIds,
  createPlanAction,
  writeThen,
  DecisionValue,
  mayEdit,
  partyOptions,
  type PlanCtx,
  PlanDispute,
  PlanSection,
  PlanSelect,
  ProblemAlert,
  RecordInput,
  refFromKey,
  usePlanNames,
} from './plan-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

type Sort = 'date' | 'who'

/** FP11, FP12: specific goals with indicator, target date and progress, and their actions. */
export const PlanActionsSection = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const ctx = props.ctx
  const ids = createIds(() => ctx.plan().goals)
  const [sort, setSort] = createSignal<Sort>('date')
  return (
    <PlanSection
      id="goals"
      title={t('plan.section.goals')}
      ctx={ctx}
      fields={(f) => f.startsWith('action:') || f.startsWith('goal:')}
    >
      <fieldset class="plan-sort">
        <legend>{t('plan.sort.label')}</legend>
        <label class="plan-check">
          <input
            type="radio"
            name="plan-sort"
            checked={sort() === 'date'}
            onChange={() => setSort('date')}
            data-testid="plan-sort-date"
          />
          <span>{t('plan.sort.date')}</span>
        </label>
        <label class="plan-check">
          <input
            type="radio"
            name="plan-sort"
            checked={sort() === 'who'}
            onChange={() => setSort('who')}
            data-testid="plan-sort-who"
          />
          <span>{t('plan.sort.who')}</span>
        </label>
      </fieldset>
      <Show when={ids().length === 0}>
        <p class="plan-muted">{t('plan.goals.none')}</p>
      </Show>
      <For each={ids()}>
        {(id, i) => (
          <Show when={ctx.plan().goals.some((g) => g.id === id)}>
            <GoalCard
              ctx={ctx}
              n={i() + 1}
              goal={() => ctx.plan().goals.find((g) => g.id === id) as PlanGoal}
              sort={sort()}
            />
          </Show>
        )}
      </For>
      <Show when={mayEdit(ctx)}>
        <AddGoal ctx={ctx} />
      </Show>
    </PlanSection>
  )
}

const GoalCard = (props: { ctx: PlanCtx; n: number; goal: () => PlanGoal; sort: Sort }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const g = () => props.goal()
  const id = g().id
  const action = createPlanAction()
  const write = (fn: () => void) => writeThen(action, fn, ctx)
  const who = (a: PlanAction) =>
    a.responsible.state === 'settled' ? names.party(ctx.plan(), a.responsible.value) : '\uffff'
  const sorted = () => {
    const list = [...g().actions]
    if (props.sort === 'who') {
      list.sort(
        (a, b) =>
          who(a).localeCompare(who(b)) ||
          (deadlineInForce(a.deadline) ?? '\uffff').localeCompare(
            deadlineInForce(b.deadline) ?? '\uffff',
          ),
      )
    }
    return list
  }
  const actionIds = createIds(sorted)
  const progressLabel = (v: GoalProgress) => t(`plan.progress.${v}`)
  return (
    <article
      class="plan-goal"
      data-testid="plan-goal"
      data-id={id}
      aria-labelledby={`goal-h-${id}`}
    >
      <h3 id={`goal-h-${id}`}>
        {t('plan.goals.heading', { n: props.n })}: {g().text}
      </h3>
      <RecordInput
        ctx={ctx}
        id={`goal-text-${id}`}
        testId={`goal-text-${id}`}
        label={t('plan.goals.text')}
        value={g().text}
        presence={`goal:${id}:text`}
        onSave={(v) => updateGoal(ctx.conn.doc, id, { text: v }, ctx.me)}
      />
      <RecordInput
        ctx={ctx}
        id={`goal-indicator-${id}`}
        testId={`goal-indicator-${id}`}
        label={t('plan.goals.indicator')}
        value={g().indicator}
        presence={`goal:${id}:indicator`}
        onSave={(v) => updateGoal(ctx.conn.doc, id, { indicator: v }, ctx.me)}
      />
      <div class="plan-grid">
        <div class="field">
          <label for={`goal-target-${id}`}>{t('plan.goals.target')}</label>
          <input
            id={`goal-target-${id}`}
            type="date"
            value={
              g().targetDate.state === 'settled'
                ? ((g().targetDate as { value: string | null }).value ?? '')
                : ''
            }
            readOnly={!mayEdit(ctx)}
            disabled={g().targetDate.state === 'disputed'}
            onChange={(e) => {
              const v = e.currentTarget.value
              write(() => setGoalTarget(ctx.conn.doc, id, v === '' ? null : v, ctx.me))
            }}
            data-testid={`goal-target-${id}`}
          />
        </div>
        <PlanSelect
          id={`goal-progress-${id}`}
          testId={`goal-progress-${id}`}
          label={t('plan.goals.progress')}
          value={g().progress.state === 'settled' ? (g().progress as { value: string }).value : ''}
          placeholder={g().progress.state === 'disputed' ? t('plan.dispute.badge') : undefined}
          disabled={!mayEdit(ctx) || g().progress.state === 'disputed'}
          options={GOAL_PROGRESS.map((v) => ({ value: v, label: progressLabel(v) }))}
          onChange={(v) =>
            write(() => setGoalProgress(ctx.conn.doc, id, v as GoalProgress, ctx.me))
          }
        />
      </div>
      <p class="visually-hidden">
        <DecisionValue
          field={g().progress}
          render={progressLabel}
          testId={`goal-progress-value-${id}`}
        />
      </p>
      <Show when={g().targetDate.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={goalField(id, 'targetDate')}
          name={t('plan.goals.target')}
          candidates={candidatesOf(g().targetDate, (d) =>
            d ? names.day(d) : t('plan.value.none'),
          )}
          testId={`dispute-goal-target-${id}`}
        />
      </Show>
      <Show when={g().progress.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={goalField(id, 'progress')}
          name={t('plan.goals.progress')}
          candidates={candidatesOf(g().progress, progressLabel)}
          testId={`dispute-goal-progress-${id}`}
        />
      </Show>
      <ProblemAlert problem={action.problem()} testId={`goal-error-${id}`} />
      <h4>{t('plan.actions.heading')}</h4>
      <Show
        when={actionIds().length > 0}
        fallback={<p class="plan-muted">{t('plan.actions.none')}</p>}
      >
        <ul class="plan-actions" data-testid={`plan-actions-${id}`}>
          <For each={actionIds()}>
            {(aid) => (
              <Show when={g().actions.some((a) => a.id === aid)}>
                <PlanActionRow
                  ctx={ctx}
                  action={() => g().actions.find((a) => a.id === aid) as PlanAction}
                />
              </Show>
            )}
          </For>
        </ul>
      </Show>
      <Show when={mayEdit(ctx)}>
        <AddAction ctx={ctx} goalId={id} />
      </Show>
    </article>
  )
}

const AddGoal = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [text, setText] = createSignal('')
  const [indicator, setIndicator] = createSignal('')
  const [target, setTarget] = createSignal('')
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      addGoal(
        props.ctx.conn.doc,
        { text: text(), indicator: indicator(), ...(target() !== '' && { targetDate: target() }) },
        props.ctx.me,
      )
    })
    if (ok) {
      setText('')
      setIndicator('')
      setTarget('')
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={add} novalidate aria-labelledby="plan-add-goal-h">
      <h3 id="plan-add-goal-h">{t('plan.goals.new')}</h3>
      <div class="field">
        <label for="plan-new-goal">{t('plan.goals.text')}</label>
        <input
          id="plan-new-goal"
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          data-testid="plan-new-goal"
        />
      </div>
      <div class="plan-grid">
        <div class="field">
          <label for="plan-new-goal-indicator">{t('plan.goals.indicator')}</label>
          <input
            id="plan-new-goal-indicator"
            value={indicator()}
            onInput={(e) => setIndicator(e.currentTarget.value)}
            data-testid="plan-new-goal-indicator"
          />
        </div>
        <div class="field">
          <label for="plan-new-goal-target">{t('plan.goals.target')}</label>
          <input
            id="plan-new-goal-target"
            type="date"
            value={target()}
            onInput={(e) => setTarget(e.currentTarget.value)}
            data-testid="plan-new-goal-target"
          />
        </div>
      </div>
      <ProblemAlert problem={action.problem()} testId="plan-add-goal-error" />
      <button type="submit" class="secondary" data-testid="plan-add-goal">
        {t('plan.goals.add')}
      </button>
    </form>
  )
}

const AddAction = (props: { ctx: PlanCtx; goalId: string }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const action = createPlanAction()
  const [what, setWhat] = createSignal('')
  const [who, setWho] = createSignal('')
  const [deadline, setDeadline] = createSignal('')
  const gid = props.goalId
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    const responsible = refFromKey(who())
    if (!responsible) return action.setProblem({ key: 'plan.error.invalid-participant' })
    const ok = action.run(() => {
      addAction(
        props.ctx.conn.doc,
        {
          goalId: gid,
          what: what(),
          responsible,
          ...(deadline() !== '' && { deadline: deadline() }),
        },
        props.ctx.me,
      )
    })
    if (ok) {
      setWhat('')
      setDeadline('')
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={add} novalidate aria-label={t('plan.actions.new')}>
      <div class="field">
        <label for={`new-action-what-${gid}`}>{t('plan.actions.new')}</label>
        <input
          id={`new-action-what-${gid}`}
          value={what()}
          onInput={(e) => setWhat(e.currentTarget.value)}
          data-testid={`new-action-what-${gid}`}
        />
      </div>
      <div class="plan-grid">
        <PlanSelect
          id={`new-action-who-${gid}`}
          testId={`new-action-who-${gid}`}
          label={t('plan.action.who')}
          value={who()}
          placeholder={t('plan.action.chooseWho')}
          options={partyOptions(props.ctx.plan(), (r) => names.party(props.ctx.plan(), r))}
          onChange={setWho}
        />
        <div class="field">
          <label for={`new-action-deadline-${gid}`}>{t('plan.action.deadline')}</label>
          <input
            id={`new-action-deadline-${gid}`}
            type="date"
            value={deadline()}
            onInput={(e) => setDeadline(e.currentTarget.value)}
            data-testid={`new-action-deadline-${gid}`}
          />
        </div>
      </div>
      <ProblemAlert problem={action.problem()} testId={`new-action-error-${gid}`} />
      <button type="submit" class="secondary" data-testid={`new-action-add-${gid}`}>
        {t('plan.actions.add')}
      </button>
    </form>
  )
}
