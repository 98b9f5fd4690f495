import type { IndexEntry } from './doc-index.ts'
import type { DocumentSummary } from './doc-summary.ts'
import { compareCodeUnits } from './order.ts'
import { deadlineInForce, myActions } from './plan-overdue.ts'
import type { ActionOwner, MyAction, PlanForActions } from './plan-overdue.ts'
import type { Plan, PlanAction } from './plan-read.ts'
import { ACTION_STATUSES, PLAN_STATUSES } from './plan-vocab.ts'
import type { ActionStatus, PartyRef, PlanStatus } from './plan-vocab.ts'
import type { Attribution, FieldState } from './referral-vocab.ts'
import { isIsoDate } from './referral-store.ts'
import { isRecord } from './validate.ts'

// A plan's summary in the workspace (I7, FP28): what "my actions" across plans needs without
// opening every plan. Nothing about the family: no action or goal text, no participant codes,
// no family member's account. A professional responsible is named by agency and member id (staff
// of the partnership, already in the directory); a family member only as "the family". It holds
// inputs (deadlines in force, statuses), never conclusions that depend on the date: whether an
// action is overdue is decided by the reader with FP24, through myActions (FP26).

export const PLAN_SUMMARY_VERSION = 1

type Who = { kind: 'family' } | { kind: 'professional'; agencyId: string; memberId?: string }

export interface PlanDigestAction {
  id: string
  goalId: string
  /** The deadline in force (FP24), YYYY-MM-DD, or null. */
  deadline: string | null
  /** The settled status, or every candidate's while disputed; empty when unreadable. */
  status: ActionStatus[]
  /** The settled responsible party, or every candidate while disputed. */
  responsible: Who[]
}

export type PlanDigest = {
  kind: 'plan'
  v: typeof PLAN_SUMMARY_VERSION
  leadAgencyId: string
  parties: string[]
  /** The settled plan status, or every candidate's while disputed. */
  status: PlanStatus[]
  actions: PlanDigestAction[]
}

const statusCodes = <T extends { status: S }, S>(field: FieldState<T>): S[] =>
  field.state === 'settled'
    ? [field.value.status]
    : field.state === 'disputed'
      ? [...new Set(field.candidates.map((c) => c.value.status))]
      : []

const who = (ref: PartyRef): Who =>
  ref.kind === 'family'
    ? { kind: 'family' }
    : {
        kind: 'professional',
        agencyId: ref.agencyId,
        ...(ref.memberId !== undefined && { memberId: ref.memberId }),
      }

/** FP28: the summary of a plan as read from its document. */
export function planDigest(plan: Plan): PlanDigest {
  const actions = plan.goals.flatMap((g) =>
    g.actions.map((a): PlanDigestAction => ({
      id: a.id,
      goalId: g.id,
      deadline: deadlineInForce(a.deadline) ?? null,
      status: statusCodes(a.status),
      responsible:
        a.responsible.state === 'settled'
          ? [who(a.responsible.value)]
          : a.responsible.state === 'disputed'
            ? a.responsible.candidates.map((c) => who(c.value))
            : [],
    })),
  )
  return {
    kind: 'plan',
    v: PLAN_SUMMARY_VERSION,
    leadAgencyId: plan.leadAgencyId,
    parties: [...plan.parties],
    status: statusCodes(plan.status),
    actions: actions.sort((a, b) => compareCodeUnits(a.id, b.id)),
  }
}

/** The digest as a workspace summary (setSummary takes plain JSON objects). */
export const planSummary = (plan: Plan): DocumentSummary =>
  JSON.parse(JSON.stringify(planDigest(plan))) as DocumentSummary

/** A summary written by this version; undefined for anything else. */
export function parsePlanDigest(raw: DocumentSummary | undefined): PlanDigest | undefined {
  if (!isRecord(raw) || raw.kind !== 'plan' || raw.v !== PLAN_SUMMARY_VERSION) return
  const { leadAgencyId, parties, status, actions } = raw
  if (typeof leadAgencyId !== 'string' || !Array.isArray(parties) || !Array.isArray(actions)) return
  return {
    kind: 'plan',
    v: PLAN_SUMMARY_VERSION,
    leadAgencyId,
    parties: parties.filter((p): p is string => typeof p === 'string'),
    status: (Array.isArray(status) ? status : []).filter((s): s is PlanStatus =>
      PLAN_STATUSES.includes(s as PlanStatus),
    ),
    actions: actions.flatMap((a) => {
      if (!isRecord(a) || typeof a.id !== 'string' || typeof a.goalId !== 'string') return []
      const deadline = isIsoDate(a.deadline) ? a.deadline : null
      const codes = Array.isArray(a.status) ? a.status : []
      const refs = Array.isArray(a.responsible) ? a.responsible : []
      return [
        {
          id: a.id,
          goalId: a.goalId,
          deadline,
          status: codes.filter((s): s is ActionStatus => ACTION_STATUSES.includes(s as never)),
          responsible: refs.flatMap((r): Who[] => {
            if (!isRecord(r)) return []
            if (r.kind === 'family') return [{ kind: 'family' }]
            if (r.kind !== 'professional' || typeof r.agencyId !== 'string') return []
            return [
              {
                kind: 'professional',
                agencyId: r.agencyId,
                ...(typeof r.memberId === 'string' && { memberId: r.memberId }),
              },
            ]
          }),
        },
      ]
    }),
  }
}

const ANONYMOUS: Attribution = { assertionId: '', memberId: '', agencyId: '', at: '' }

function field<T>(values: readonly T[]): FieldState<T> {
  if (values.length === 0) return { state: 'empty' }
  if (values.length === 1) return { state: 'settled', value: values[0] as T, by: ANONYMOUS }
  return { state: 'disputed', candidates: values.map((value) => ({ ...ANONYMOUS, value })) }
}

/** The light plan myActions reads (FP26), rebuilt from a summary; family members stay unnamed. */
export function asPlanForActions(id: string, digest: PlanDigest): PlanForActions {
  const refs = (list: readonly Who[]): PartyRef[] =>
    list.map((w) => (w.kind === 'family' ? { kind: 'family', participantId: 'family' } : { ...w }))
  const goalIds = [...new Set(digest.actions.map((a) => a.goalId))]
  return {
    id,
    status: field(digest.status.map((status) => ({ status }))),
    participants: [],
    goals: goalIds.map((goalId) => ({
      id: goalId,
      text: '',
      indicator: '',
      problemIds: [],
      createdAt: '',
      createdBy: '',
      targetDate: { state: 'empty' },
      progress: { state: 'empty' },
      actions: digest.actions
        .filter((a) => a.goalId === goalId)
        .map((a): PlanAction => ({
          id: a.id,
          goalId,
          what: '',
          createdAt: '',
          createdBy: '',
          deadline: a.deadline === null ? { state: 'empty' } : field([a.deadline]),
          responsible: field(refs(a.responsible)),
          status: field(a.status.map((status) => ({ status }))),
          overdue: false,
        })),
    })),
  }
}

/** One row of "my actions" built from the workspace: the plan's index entry and the action. */
export interface MyActionRow extends MyAction {
  entry: IndexEntry
}

/**
 * FP28: "my actions" over the workspace's summaries, for a member or an agency, by FP26's rules;
 * a plan whose summary has not arrived yet is not listed.
 */
export function myActionsFromSummaries(
  entries: readonly IndexEntry[],
  summaries: ReadonlyMap<string, DocumentSummary>,
  owner: ActionOwner,
  opts: { now?: Date; sort?: 'date' | 'who' } = {},
): MyActionRow[] {
  const plans = entries.filter((e) => e.kind === 'plan')
  const light = plans.flatMap((e) => {
    const digest = parsePlanDigest(summaries.get(e.id))
    return digest === undefined ? [] : [asPlanForActions(e.id, digest)]
  })
  return myActions(light, owner, opts).map((row) => ({
    ...row,
    entry: plans.find((e) => e.id === row.planId) as IndexEntry,
  }))
}
