import { createSignal, For, Show } from 'solid-js'
import {
  GOAL_PROGRESS,
  type GoalProgress,
  type PlanReview,
  recordAmendment,
  recordAssessment,
  scheduleReview,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import {
  createPlanAction,
  mayEdit,
  type PlanCtx,
  PlanSection,
  ProblemAlert,
  ParticipantChecklist,
  usePlanNames,
} from './plan-common.tsx'
import { Attributed } from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(plan, referral)

/** FP18, FP19: review dates with each party's assessment, and amendments with their reasons. */
export const PlanReviews = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const p = () => ctx.plan()
  const action = createPlanAction()
  const [date, setDate] = createSignal('')
  const schedule = (e: SubmitEvent) => {
    e.preventDefault()
    if (action.run(() => scheduleReview(ctx.conn.doc, { date: date() }, ctx.me))) {
      setDate('')
      ctx.onWrite()
    }
  }
  return (
    <PlanSection id="reviews" title={t('plan.section.reviews')} ctx={ctx}>
      <Show when={p().reviews.length === 0}>
        <p class="plan-muted">{t('plan.reviews.none')}</p>
      </Show>
      <For each={p().reviews}>{(r) => <ReviewCard ctx={ctx} review={r} />}</For>
      <Show when={mayEdit(ctx)}>
        <form class="plan-add plan-inline-form" onSubmit={schedule} novalidate>
          <div class="field">
            <label for="plan-review-date">{t('plan.reviews.date')}</label>
            <input
              id="plan-review-date"
              type="date"
              value={date()}
              onInput={(e) => setDate(e.currentTarget.value)}
              data-testid="plan-review-date"
            />
          </div>
          <button type="submit" class="secondary" data-testid="plan-add-review">
            {t('plan.reviews.add')}
          </button>
        </form>
      </Show>
      <ProblemAlert problem={action.problem()} testId="plan-reviews-error" />
      <h3>{t('plan.amendments.heading')}</h3>
      <Show
        when={p().amendments.length > 0}
        fallback={<p class="plan-muted">{t('plan.amendments.none')}</p>}
      >
        <ul class="plan-list" data-testid="plan-amendments">
          <For each={p().amendments}>
            {(a) => (
              <li>
                <span>
                  <strong>{a.what}</strong> — {t('plan.amendments.why', { why: a.why })}
                  <br />
                  {t('plan.amendments.agreedBy', {
                    names: a.agreedBy.map((id) => names.participant(p(), id)).join(', '),
                  })}
                  <br />
                  <Attributed by={a} text="referral.by" class="rf-by" />
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={mayEdit(ctx)}>
        <AddAmendment ctx={ctx} />
      </Show>
    </PlanSection>
  )
}

const ReviewCard = (props: { ctx: PlanCtx; review: PlanReview }) => {
  const { t } = useI18n()
  const names = usePlanNames()
  const ctx = props.ctx
  const goalText = (id: string) => ctx.plan().goals.find((g) => g.id === id)?.text ?? id
  return (
    <article class="plan-review" data-testid="plan-review">
      <h3>{t('plan.reviews.on', { date: names.day(props.review.date) })}</h3>
      <For each={props.review.assessments}>
        {(a) => (
          <div class="plan-assessment">
            <Attributed by={{ ...a, at: a.at }} text="referral.by" class="rf-by" />
            <ul>
              <For each={a.progress}>
                {(pg) => (
                  <li>
                    {goalText(pg.goalId)}: {t(`plan.progress.${pg.progress}`)}
                    <Show when={pg.note}>{(n) => <> — {n()}</>}</Show>
                  </li>
                )}
              </For>
            </ul>
            <Show when={a.note}>{(n) => <p>{n()}</p>}</Show>
          </div>
        )}
      </For>
      <Show when={mayEdit(ctx) && ctx.plan().goals.length > 0}>
        <AddAssessment ctx={ctx} reviewId={props.review.id} />
      </Show>
    </article>
  )
}

const AddAssessment = (props: { ctx: PlanCtx; reviewId: string }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [progress, setProgress] = createSignal<Record<string, GoalProgress | ''>>({})
  const [note, setNote] = createSignal('')
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const list = Object.entries(progress()).flatMap(([goalId, v]) =>
      v === '' ? [] : [{ goalId, progress: v }],
    )
    const ok = action.run(() => {
      recordAssessment(
        props.ctx.conn.doc,
        props.reviewId,
        { progress: list, ...(note().trim() !== '' && { note: note().trim() }) },
        props.ctx.me,
      )
    })
    if (ok) {
      setProgress({})
      setNote('')
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={save} novalidate>
      <h4>{t('plan.reviews.assess')}</h4>
      <For each={props.ctx.plan().goals}>
        {(g) => (
          <div class="field">
            <label for={`assess-${props.reviewId}-${g.id}`}>{g.text}</label>
            <select
              id={`assess-${props.reviewId}-${g.id}`}
              onChange={(e) =>
                setProgress((p) => ({ ...p, [g.id]: e.currentTarget.value as GoalProgress }))
              }
            >
              <option value="">{t('plan.reviews.notAssessed')}</option>
              <For each={GOAL_PROGRESS}>
                {(v) => <option value={v}>{t(`plan.progress.${v}`)}</option>}
              </For>
            </select>
          </div>
        )}
      </For>
      <div class="field">
        <label for={`assess-note-${props.reviewId}`}>{t('plan.reviews.note')}</label>
        <input
          id={`assess-note-${props.reviewId}`}
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </div>
      <ProblemAlert problem={action.problem()} testId={`assess-error-${props.reviewId}`} />
      <button type="submit" class="secondary">
        {t('plan.reviews.saveAssessment')}
      </button>
    </form>
  )
}

const AddAmendment = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  const action = createPlanAction()
  const [what, setWhat] = createSignal('')
  const [why, setWhy] = createSignal('')
  const [agreed, setAgreed] = createSignal<string[]>([])
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      recordAmendment(
        props.ctx.conn.doc,
        { what: what(), why: why(), agreedBy: agreed() },
        props.ctx.me,
      )
    })
    if (ok) {
      setWhat('')
      setWhy('')
      setAgreed([])
      props.ctx.onWrite()
    }
  }
  return (
    <form class="plan-add" onSubmit={save} novalidate aria-labelledby="plan-add-amendment-h">
      <h4 id="plan-add-amendment-h">{t('plan.amendments.new')}</h4>
      <div class="field">
        <label for="plan-amendment-what">{t('plan.amendments.what')}</label>
        <input
          id="plan-amendment-what"
          value={what()}
          onInput={(e) => setWhat(e.currentTarget.value)}
          data-testid="plan-amendment-what"
        />
      </div>
      <div class="field">
        <label for="plan-amendment-why">{t('plan.amendments.whyLabel')}</label>
        <input
          id="plan-amendment-why"
          value={why()}
          onInput={(e) => setWhy(e.currentTarget.value)}
          data-testid="plan-amendment-why"
        />
      </div>
      <ParticipantChecklist
        ctx={props.ctx}
        legend={t('plan.amendments.agreedByLabel')}
        chosen={agreed()}
        onChange={setAgreed}
      />
      <ProblemAlert problem={action.problem()} testId="plan-add-amendment-error" />
      <button type="submit" class="secondary" data-testid="plan-add-amendment">
        {t('plan.amendments.add')}
      </button>
    </form>
  )
}
