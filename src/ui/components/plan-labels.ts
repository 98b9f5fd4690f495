import type { AnyPlanTextField } from '../../model/index.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(plan)

/** Every text of a plan by its label, as its section shows it (and its history and presence). */
export const PLAN_TEXT_LABELS: Record<AnyPlanTextField, MessageKey> = {
  'situation.causes': 'plan.field.situation.causes',
  'situation.resources': 'plan.field.situation.resources',
  'situation.resources.environment': 'plan.field.situation.resources.environment',
  'situation.limitations': 'plan.field.situation.limitations',
  'situation.limitations.environment': 'plan.field.situation.limitations.environment',
  'situation.worries': 'plan.field.situation.worries',
  'situation.working-well': 'plan.field.situation.working-well',
  'situation.needs-to-happen': 'plan.field.situation.needs-to-happen',
  'family.view': 'plan.field.family.view',
  'goal.family': 'plan.field.goal.family',
  'goal.professional': 'plan.field.goal.professional',
}
