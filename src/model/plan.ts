import * as Y from 'yjs'
import { ensureStructure } from './document.ts'
import { requireFamilyAuthor, requireParty } from './plan-store.ts'
import { createTextFields, TEXT_MAP, type TextField, textField } from './text-field.ts'
import type { Actor } from './types.ts'

/**
 * The text fields the plan screen shows so far (the situation analysis and the main goal), in
 * their order on screen; ALL_PLAN_TEXT_FIELDS has every field of the plan.
 */
export const PLAN_TEXT_FIELDS = [
  'situation.causes',
  'situation.resources',
  'situation.limitations',
  'goal.family',
  'goal.professional',
] as const
export type PlanTextField = (typeof PLAN_TEXT_FIELDS)[number]

/**
 * The family team meeting plan's collaborative text (kontrakt socjalny), in the order the
 * sections appear in print: the situation analysis (causes; capabilities and resources of the
 * family and of its environment; personal and environmental limitations), the three columns
 * (what worries us, what is working well, what needs to happen), the family's own view, and the
 * main goal in the family's words with its professional restatement.
 */
export const ALL_PLAN_TEXT_FIELDS = [
  'situation.causes',
  'situation.resources',
  'situation.resources.environment',
  'situation.limitations',
  'situation.limitations.environment',
  'situation.worries',
  'situation.working-well',
  'situation.needs-to-happen',
  'family.view',
  'goal.family',
  'goal.professional',
] as const
export type AnyPlanTextField = (typeof ALL_PLAN_TEXT_FIELDS)[number]

/** FP15: the family's own sections, written only by its representative and the lead worker. */
export const FAMILY_TEXT_FIELDS: readonly AnyPlanTextField[] = ['family.view', 'goal.family']

/**
 * FP1: the first genesis, frozen as it shipped: changing it would write other content under the
 * struct ids that existing plans already hold. 'situation.resources' is the family's resources,
 * 'situation.limitations' the personal ones.
 */
const GENESIS_FIELDS: readonly AnyPlanTextField[] = [
  'situation.causes',
  'situation.resources',
  'situation.limitations',
  'goal.family',
  'goal.professional',
]

/**
 * FP1: the fields added later, as numbered extensions of the genesis. Each is built like a
 * genesis (deterministically, on a throwaway doc) under its own fixed client id, so every device
 * that adds it produces identical structs, and a plan created before it gets it when next opened.
 * Never edit a shipped extension: append a new one with a new name.
 */
const EXTENSIONS: readonly { name: string; fields: readonly AnyPlanTextField[] }[] = [
  {
    name: 'plan/analysis@2',
    fields: [
      'situation.resources.environment',
      'situation.limitations.environment',
      'situation.worries',
      'situation.working-well',
      'situation.needs-to-happen',
      'family.view',
    ],
  },
]

/** Gives a new or opened document the plan's structure, exactly once across devices (S1, FP1). */
export const ensurePlan = (doc: Y.Doc): void => {
  ensureStructure(doc, 'plan', (genesis) => createTextFields(genesis, GENESIS_FIELDS))
  const text = doc.getMap<unknown>(TEXT_MAP)
  for (const { name, fields } of EXTENSIONS) {
    if (fields.every((f) => text.get(f) instanceof Y.Text)) continue
    const genesis = new Y.Doc()
    genesis.clientID = extensionClientId(name)
    genesis.transact(() => createTextFields(genesis, fields))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(genesis))
    genesis.destroy()
  }
}

/**
 * A plan text field with no check of who writes (FP16: the UI must write family sections
 * through planTextAs; this stays for screens that have not moved yet).
 */
export const planText = (doc: Y.Doc, field: AnyPlanTextField): TextField => textField(doc, field)

/**
 * FP15: a plan text field whose writes are refused (ModelError) for anyone but the family's
 * representative and the lead worker in a family section (`family-authored`), and for anyone
 * not of a party to the plan elsewhere (`not-a-party`).
 */
export function planTextAs(doc: Y.Doc, field: AnyPlanTextField, actor: Actor): TextField {
  const inner = textField(doc, field)
  const family = FAMILY_TEXT_FIELDS.includes(field)
  return {
    ...inner,
    write: (value, caret) => {
      if (family) requireFamilyAuthor(doc, actor)
      else requireParty(doc, actor)
      inner.write(value, caret)
    },
  }
}

/** FNV-1a of the extension's name, as genesisClientId does for "kind@version" (S4). */
export function extensionClientId(name: string): number {
  let hash = 0x811c9dc5
  for (const ch of name) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193)
  return hash >>> 0
}
