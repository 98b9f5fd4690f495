import { PLAN_TEXT_LABELS } from './plan-labels.ts'
import { For, Show } from 'solid-js'
import { type AnyPlanTextField, FAMILY_TEXT_FIELDS, planTextAs } from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { readOrNull } from '../state/create-open-document.ts'
import { Editing, mayEdit, type PlanCtx, PlanSection } from './plan-common.tsx'
import { TextFieldEditor } from './text-field.tsx'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

const HINTS: Partial<Record<AnyPlanTextField, MessageKey>> = {
  'goal.family': 'plan.hint.goal.family',
  'family.view': 'plan.hint.family.view',
  'situation.worries': 'plan.hint.columns',
}

/**
 * One text of the plan, written through planTextAs (FP15): the family's own sections are
 * editable only by the lead worker and the family's representative; others read them, told why.
 */
const PlanText = (props: { ctx: PlanCtx; field: AnyPlanTextField }) => {
  const { t } = useI18n()
  const f = props.field
  const family = FAMILY_TEXT_FIELDS.includes(f)
  const field = readOrNull(() => planTextAs(props.ctx.conn.doc, f, props.ctx.me))
  const writable = () => mayEdit(props.ctx) && (!family || props.ctx.familyAuthor())
  const hint = () => {
    const parts = [HINTS[f] ? t(HINTS[f]) : undefined]
    if (family && !props.ctx.familyAuthor() && !props.ctx.readOnly()) {
      parts.push(t('plan.familyAuthored.readOnly'))
    }
    return parts.filter(Boolean).join(' ') || undefined
  }
  return (
    <Show when={field}>
      {(tf) => (
        <div class="plan-text" data-family={family ? 'true' : undefined}>
          <TextFieldEditor
            id={`plan-${f.replaceAll('.', '-')}`}
            field={tf()}
            label={t(PLAN_TEXT_LABELS[f])}
            hint={hint()}
            readOnly={!writable()}
            testId={`field-${f}`}
            onFocusChange={(on) => props.ctx.focus(on ? f : null)}
            aside={<Editing ctx={props.ctx} field={f} testId={`editing-${f}`} />}
          />
          <Show when={family && !props.ctx.familyAuthor()}>
            <p class="visually-hidden" data-testid={`family-authored-${f}`}>
              {t('plan.familyAuthored.readOnly')}
            </p>
          </Show>
        </div>
      )}
    </Show>
  )
}

const ANALYSIS: AnyPlanTextField[] = [
  'situation.causes',
  'situation.resources',
  'situation.resources.environment',
  'situation.limitations',
  'situation.limitations.environment',
]
const COLUMNS: AnyPlanTextField[] = [
  'situation.worries',
  'situation.working-well',
  'situation.needs-to-happen',
]

/** The situation analysis, the three columns and the family's own view. */
export const PlanAnalysis = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  return (
    <PlanSection
      id="situation"
      title={t('plan.section.situation')}
      ctx={props.ctx}
      fields={(f) => f.startsWith('situation.') || f === 'family.view'}
      open
    >
      <For each={ANALYSIS}>{(f) => <PlanText ctx={props.ctx} field={f} />}</For>
      <h3>{t('plan.section.columns')}</h3>
      <div class="plan-columns">
        <For each={COLUMNS}>{(f) => <PlanText ctx={props.ctx} field={f} />}</For>
      </div>
      <PlanText ctx={props.ctx} field="family.view" />
    </PlanSection>
  )
}

/** The main goal in the family's words, with the professionals' restatement. */
export const PlanMainGoal = (props: { ctx: PlanCtx }) => {
  const { t } = useI18n()
  return (
    <PlanSection
      id="goal"
      title={t('plan.section.goal')}
      ctx={props.ctx}
      fields={(f) => f.startsWith('goal.')}
      open
    >
      <PlanText ctx={props.ctx} field="goal.family" />
      <PlanText ctx={props.ctx} field="goal.professional" />
    </PlanSection>
  )
}
