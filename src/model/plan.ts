import type * as Y from 'yjs'
import { ensureStructure } from './document.ts'
import { createTextFields, type TextField, textField } from './text-field.ts'

/**
 * The family team meeting plan (kontrakt socjalny): so far its situation analysis and main goal
 * as collaborative text. The sections appear in this order on screen and in print.
 */
export const PLAN_TEXT_FIELDS = [
  'situation.causes',
  'situation.resources',
  'situation.limitations',
  'goal.family',
  'goal.professional',
] as const
export type PlanTextField = (typeof PLAN_TEXT_FIELDS)[number]

/** Gives a new or empty document the plan's structure, exactly once across devices. */
export const ensurePlan = (doc: Y.Doc): void => {
  ensureStructure(doc, 'plan', (genesis) => createTextFields(genesis, PLAN_TEXT_FIELDS))
}

export const planText = (doc: Y.Doc, field: PlanTextField): TextField => textField(doc, field)
