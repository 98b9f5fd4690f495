import type * as Y from 'yjs'
import { type Dispute, listDisputes } from '../src/model/decision.ts'
import { withDisputes } from '../src/model/dispute-digest.ts'
import type { DocumentSummary } from '../src/model/doc-summary.ts'
import { planTextAs } from '../src/model/plan.ts'
import { addAction, setActionDeadline, setActionResponsible } from '../src/model/plan-actions.ts'
import { setActionStatus } from '../src/model/plan-actions.ts'
import { approvePlan, requestApproval } from '../src/model/plan-approval.ts'
import { createPlan, setPlanStatus } from '../src/model/plan-details.ts'
import { addGoal } from '../src/model/plan-goals.ts'
import { addParticipant } from '../src/model/plan-participants.ts'
import { addProblem } from '../src/model/plan-problems.ts'
import { readPlan } from '../src/model/plan-read.ts'
import { planSummary } from '../src/model/plan-summary.ts'
import { actionField, type PartyRef } from '../src/model/plan-vocab.ts'
import { seedDemoMediation } from './seed-mediation.ts'
import { DEMO_THERAPY_REFERRAL } from './seed-referrals.ts'
import { concurrently, type DemoSeeder, demoActor, demoDocumentId } from './seed-writer.ts'

// The demo's family team plan, led by mops (Anna) with fundacja (Ewa) as a party: approved and
// active, one action overdue, one action's deadline disputed between the two agencies (on the
// supervisor's console), and who organises the family's travel disputed too, which is in
// mediation (seed-mediation.ts).

export const DEMO_PLAN = demoDocumentId('plan/R-2026-029')
const action = (name: string) => demoDocumentId(`plan/R-2026-029/${name}`)
/** The actions: the school meeting (overdue), the therapy (deadline disputed), the travel. */
export const DEMO_ACTIONS = {
  school: action('school'),
  therapy: action('therapy'),
  travel: action('travel'),
}

function writePlan(doc: Y.Doc, s: DemoSeeder): void {
  const anna = demoActor('anna')
  const ewa = demoActor('ewa')
  const started = s.at(-28)
  createPlan(
    doc,
    {
      id: DEMO_PLAN,
      variant: 'family-team-plan',
      languages: ['pl'],
      period: { from: s.day(-28), to: s.day(150) },
    },
    anna,
    { now: started },
  )
  const mother = { kind: 'family', code: 'R-2026-029-M', familyRole: 'parent' } as const
  const son = { kind: 'family', code: 'R-2026-029-S', familyRole: 'child' } as const
  const worker = { kind: 'professional', agencyId: 'mops', memberId: 'anna' } as const
  const { id: motherId } = addParticipant(doc, mother, anna)
  addParticipant(doc, son, anna)
  addParticipant(doc, { ...worker, role: 'pracownica socjalna', facilitator: true }, anna)
  const therapist = { kind: 'professional', agencyId: 'fundacja', memberId: 'ewa' } as const
  addParticipant(doc, { ...therapist, role: 'terapeutka rodzinna' }, anna)
  planTextAs(doc, 'situation.causes', anna).write(
    'Po rozstaniu rodziców matka pracuje na dwie zmiany; syn (12 lat) opuszcza lekcje, ' +
      'w domu dochodzi do kłótni.',
  )
  planTextAs(doc, 'situation.resources', anna).write(
    'Matka chce współpracować; babcia mieszka blisko i może odbierać syna ze szkoły.',
  )
  planTextAs(doc, 'goal.family', anna).write('Chcemy rozmawiać ze sobą bez krzyku.')
  const truancy = addProblem(doc, 'Syn często opuszcza lekcje', anna, { now: started })
  const conflict = addProblem(doc, 'Konflikty między matką a synem', anna, { now: started })
  const school = addGoal(
    doc,
    {
      text: 'Syn regularnie chodzi do szkoły',
      indicator: 'Frekwencja co najmniej 90% w miesiącu',
      problemIds: [truancy.id],
    },
    anna,
    { now: started },
  )
  const talk = addGoal(
    doc,
    {
      text: 'Matka i syn rozmawiają o konfliktach bez przemocy',
      indicator: 'Udział w 8 spotkaniach terapii rodzinnej',
      problemIds: [conflict.id],
      targetDate: s.day(120),
    },
    anna,
    { now: started },
  )
  const add = (id: string, goalId: string, what: string, responsible: PartyRef, days: number) =>
    addAction(doc, { goalId, what, responsible, deadline: s.day(days) }, anna, { id, now: started })
  add(
    DEMO_ACTIONS.school,
    school.id,
    'Spotkanie z pedagożką szkolną w sprawie frekwencji',
    worker,
    -5,
  )
  const therapy = { goalId: talk.id, what: 'Cykl spotkań terapii rodzinnej w Fundacji Most' }
  addAction(
    doc,
    { ...therapy, responsible: therapist, deadline: s.day(21), referralId: DEMO_THERAPY_REFERRAL },
    anna,
    { id: DEMO_ACTIONS.therapy, now: started },
  )
  const family = { kind: 'family', participantId: motherId } as const
  add(DEMO_ACTIONS.travel, talk.id, 'Dojazd matki i syna na terapię', family, 10)

  requestApproval(doc, anna, s.at(-26))
  approvePlan(doc, demoActor('zofia'), s.at(-25))
  setPlanStatus(doc, 'active', anna, undefined, { now: s.at(-25, 12) })
  setActionStatus(doc, DEMO_ACTIONS.therapy, 'in-progress', ewa, undefined, s.at(-21))

  // Offline on both sides at once: mops brings the therapy's end forward, fundacja moves it back.
  concurrently(
    doc,
    (copy) => setActionDeadline(copy, DEMO_ACTIONS.therapy, s.day(14), anna, s.at(-7)),
    (copy) => setActionDeadline(copy, DEMO_ACTIONS.therapy, s.day(35), ewa, s.at(-7, 15)),
  )
  // The mother cannot pay for the journeys: each agency thinks the other should arrange them.
  concurrently(
    doc,
    (copy) => setActionResponsible(copy, DEMO_ACTIONS.travel, therapist, anna, s.at(-6)),
    (copy) => setActionResponsible(copy, DEMO_ACTIONS.travel, worker, ewa, s.at(-6, 14)),
  )
}

export function seedDemoPlan(s: DemoSeeder): void {
  const anna = demoActor('anna')
  let summary: DocumentSummary = {}
  let travel: Dispute | undefined
  s.document(DEMO_PLAN, anna, (doc) => {
    writePlan(doc, s)
    summary = withDisputes(planSummary(readPlan(doc, s.now)), doc)
    const field = actionField(DEMO_ACTIONS.travel, 'responsible')
    travel = listDisputes(doc).find((d) => d.field === field)
  })
  s.share(DEMO_PLAN, 'agency', 'fundacja', 'write')
  s.list({
    id: DEMO_PLAN,
    entry: { kind: 'plan', title: 'Plan rodziny R-2026-029', sharedWith: ['fundacja'] },
    by: anna,
    at: s.at(-28),
    summary,
  })
  if (!travel) throw new Error('the demo plan lacks its disputed travel action')
  seedDemoMediation(s, { documentId: DEMO_PLAN, dispute: travel })
}
