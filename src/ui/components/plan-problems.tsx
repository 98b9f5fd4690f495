import { createSignal, For, Show } from 'solid-js'
import {
  addProblem,
  type FamilyPosition,
  PLAN_FIELDS,
  type PlanProblem,
  rankProblems,
  removeProblem,
  selectProblems,
  setFamilyPosition,
  updateProblem,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import {
  candidatesOf,
  createIds,
  createPlanAction,
  DecisionValue,
  mayEdit,
  type PlanCtx,
  PlanDispute,
  PlanSection,
  ProblemAlert,
  RecordInput,
} from './plan-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

/** FP8–FP10: problems listed, ranked, the most important selected, the family's position kept. */
export const PlanProblems = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const ctx = props.ctx
  const p = () => ctx.plan()
  const ids = createIds(() => p().problems)
  const action = createPlanAction()
  const [text, setText] = createSignal('')
  const textOf = (id: string) => p().problems.find((x) => x.id === id)?.text ?? id
  const order = () => p().problems.map((x) => x.id)

  const move = (id: string, by: -1 | 1) => {
    const list = order()
    const i = list.indexOf(id)
    const j = i + by
    if (i < 0 || j < 0 || j >= list.length) return
    const next = [...list]
    ;[next[i], next[j]] = [next[j] as string, next[i] as string]
    if (action.run(() => rankProblems(ctx.conn.doc, next, ctx.me))) ctx.onWrite()
  }
  const toggle = (id: string, on: boolean) => {
    const current = p()
      .problems.filter((x) => x.selected)
      .map((x) => x.id)
    const next = on ? [...current, id] : current.filter((x) => x !== id)
    if (action.run(() => selectProblems(ctx.conn.doc, next, ctx.me))) ctx.onWrite()
  }
  const add = (e: SubmitEvent) => {
    e.preventDefault()
    if (action.run(() => addProblem(ctx.conn.doc, text(), ctx.me))) {
      setText('')
      ctx.onWrite()
    }
  }
  const idList = (v: string[]) => v.map((id) => textOf(id)).join(' · ') || t('plan.value.none')

  return (
    <PlanSection
      id="problems"
      title={t('plan.section.problems')}
      ctx={ctx}
      fields={(f) => f.startsWith('problem:')}
    >
      <p class="field-hint">{t('plan.problems.hint')}</p>
      <Show when={p().ranking.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={PLAN_FIELDS.ranking}
          name={t('plan.problems.ranking')}
          candidates={candidatesOf(p().ranking, idList)}
          testId="dispute-ranking"
        />
      </Show>
      <Show when={p().selection.state === 'disputed'}>
        <PlanDispute
          ctx={ctx}
          field={PLAN_FIELDS.selection}
          name={t('plan.problems.selection')}
          candidates={candidatesOf(p().selection, idList)}
          testId="dispute-selection"
        />
      </Show>
      <ol class="plan-problems" data-testid="plan-problems">
        <For each={ids()}>
          {(id, i) => {
            const pr = () => p().problems.find((x) => x.id === id) as PlanProblem
            return (
              <Show when={p().problems.some((x) => x.id === id)}>
                <li
                  class="plan-problem"
                  data-testid="plan-problem"
                  data-id={id}
                  data-selected={pr().selected}
                  data-family-disputed={pr().disputedByFamily}
                >
                  <div class="plan-problem-head">
                    <span class="plan-rank" data-testid="plan-problem-rank">
                      {pr().rank !== undefined ? `${pr().rank}.` : t('plan.problems.unranked')}
                    </span>
                    <Show when={pr().selected}>
                      <strong class="badge badge-done">{t('plan.problems.selected')}</strong>
                    </Show>
                    <Show when={pr().disputedByFamily}>
                      <strong
                        class="badge badge-overdue"
                        data-testid="plan-problem-family-disputes"
                      >
                        {t('plan.problems.familyDisputes')}
                      </strong>
                    </Show>
                  </div>
                  <RecordInput
                    ctx={ctx}
                    id={`plan-problem-${id}`}
                    testId={`plan-problem-text-${id}`}
                    label={t('plan.problems.text', { n: i() + 1 })}
                    value={pr().text}
                    presence={`problem:${id}`}
                    onSave={(v) => updateProblem(ctx.conn.doc, id, v, ctx.me)}
                  />
                  <FamilyPositionView ctx={ctx} problem={pr} />
                  <Show when={mayEdit(ctx)}>
                    <div class="plan-row-tools">
                      <label class="plan-check">
                        <input
                          type="checkbox"
                          checked={pr().selected}
                          disabled={p().selection.state === 'disputed'}
                          onChange={(e) => toggle(id, e.currentTarget.checked)}
                          data-testid={`plan-problem-select-${id}`}
                        />
                        <span>{t('plan.problems.select')}</span>
                      </label>
                      <button
                        type="button"
                        class="secondary small"
                        disabled={i() === 0 || p().ranking.state === 'disputed'}
                        onClick={() => move(id, -1)}
                        aria-label={t('plan.problems.up', { text: pr().text })}
                        data-testid={`plan-problem-up-${id}`}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class="secondary small"
                        disabled={i() === ids().length - 1 || p().ranking.state === 'disputed'}
                        onClick={() => move(id, 1)}
                        aria-label={t('plan.problems.down', { text: pr().text })}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        class="secondary small"
                        onClick={() =>
                          action.run(() => removeProblem(ctx.conn.doc, id, ctx.me)) && ctx.onWrite()
                        }
                        aria-label={t('plan.problems.remove', { text: pr().text })}
                      >
                        {t('plan.remove')}
                      </button>
                    </div>
                  </Show>
                </li>
              </Show>
            )
          }}
        </For>
      </ol>
      <ProblemAlert problem={action.problem()} testId="plan-problems-error" />
      <Show when={mayEdit(ctx)}>
        <form class="plan-add plan-inline-form" onSubmit={add} novalidate>
          <div class="field">
            <label for="plan-new-problem">{t('plan.problems.new')}</label>
            <input
              id="plan-new-problem"
              value={text()}
              onInput={(e) => setText(e.currentTarget.value)}
              data-testid="plan-new-problem"
            />
          </div>
          <button type="submit" class="secondary" data-testid="plan-add-problem">
            {t('plan.add')}
          </button>
        </form>
      </Show>
    </PlanSection>
  )
}

/** FP10: the family agrees or disagrees (with a comment); written from the family's side only. */
const FamilyPositionView = (props: { ctx: PlanCtx; problem: () => PlanProblem }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [comment, setComment] = createSignal('')
  const label = (v: FamilyPosition) =>
    t(`plan.position.${v.position}`) + (v.comment ? ` — ${v.comment}` : '')
  const set = (position: FamilyPosition['position']) => {
    const c = comment().trim()
    const value: FamilyPosition = c === '' ? { position } : { position, comment: c }
    const id = props.problem().id
    if (action.run(() => setFamilyPosition(props.ctx.conn.doc, id, value, props.ctx.me))) {
      setComment('')
      props.ctx.onWrite()
    }
  }
  const field = () => props.problem().familyPosition
  return (
    <div class="plan-position">
      <p>
        {t('plan.position.label')}:{' '}
        <DecisionValue
          field={field()}
          render={label}
          testId={`plan-position-${props.problem().id}`}
        />
      </p>
      <Show when={field().state === 'disputed'}>
        <PlanDispute
          ctx={props.ctx}
          field={`plan.problem.${props.problem().id}.family`}
          name={t('plan.position.label')}
          candidates={candidatesOf(field(), label)}
          testId={`dispute-position-${props.problem().id}`}
        />
      </Show>
      <Show
        when={!props.ctx.readOnly() && props.ctx.familyAuthor() && field().state !== 'disputed'}
      >
        <div class="plan-inline-form">
          <div class="field">
            <label for={`plan-position-comment-${props.problem().id}`}>
              {t('plan.position.comment')}
            </label>
            <input
              id={`plan-position-comment-${props.problem().id}`}
              value={comment()}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
          </div>
          <button type="button" class="secondary small" onClick={() => set('agrees')}>
            {t('plan.position.agrees')}
          </button>
          <button
            type="button"
            class="secondary small"
            onClick={() => set('disagrees')}
            data-testid={`plan-position-disagree-${props.problem().id}`}
          >
            {t('plan.position.disagrees')}
          </button>
        </div>
      </Show>
      <ProblemAlert
        problem={action.problem()}
        testId={`plan-position-error-${props.problem().id}`}
      />
    </div>
  )
}
