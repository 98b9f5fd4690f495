import type { Dispute } from '../src/model/decision.ts'
import type { DocumentSummary } from '../src/model/doc-summary.ts'
import { categoryOfField } from '../src/model/mediation-disputes.ts'
import { positionText } from '../src/model/mediation-parties.ts'
import { mediationGrants, readMediation } from '../src/model/mediation-read.ts'
import { recordSession } from '../src/model/mediation-records.ts'
import { moveStage } from '../src/model/mediation-stage.ts'
import { mediationSummary } from '../src/model/mediation-summary.ts'
import { openMediation } from '../src/model/mediation.ts'
import { type DemoSeeder, demoActor, demoDocumentId } from './seed-writer.ts'

// The demo's open mediation: who arranges the family's travel to therapy, disputed between mops
// and fundacja in the demo plan, sent to Zofia (the partnership's supervisor) by Anna and moved
// up to the line managers (stage 2) by Fundacja's coordinator. Visible to the two agencies and
// to Zofia only, through the grants the app sends (MD13, R21).

export const DEMO_MEDIATION = demoDocumentId('mediation/R-2026-029/travel')

const POSITIONS: Record<string, [string, string]> = {
  mops: [
    'anna',
    'Terapia odbywa się w fundacji, więc dojazd powinien być częścią jej oferty; ośrodek nie ' +
      'ma środków na bilety w tym kwartale.',
  ],
  fundacja: [
    'ewa',
    'Fundacja nie finansuje dojazdów; zasiłek celowy na bilety to zadanie ośrodka pomocy ' +
      'społecznej.',
  ],
}

export function seedDemoMediation(
  s: DemoSeeder,
  source: { documentId: string; dispute: Dispute },
): void {
  const anna = demoActor('anna')
  const zofia = demoActor('zofia')
  let summary: DocumentSummary = {}
  let grants: ReturnType<typeof mediationGrants> = []
  s.document(DEMO_MEDIATION, anna, (doc) => {
    const field = source.dispute.field
    openMediation(
      doc,
      {
        id: DEMO_MEDIATION,
        dispute: source.dispute,
        sourceDocumentId: source.documentId,
        sourceKind: 'action',
        mediator: { memberId: zofia.memberId, agencyId: zofia.agencyId },
        category: categoryOfField(field),
      },
      anna,
      { now: s.at(-4) },
    )
    for (const party of readMediation(doc, s.now).parties) {
      const [member, words] = POSITIONS[party.agencyId] ?? []
      if (member && words) positionText(doc, party.id, demoActor(member)).write(words)
    }
    recordSession(
      doc,
      {
        date: s.day(-3),
        attendees: [
          { agencyId: 'mops', memberId: 'anna' },
          { agencyId: 'fundacja', memberId: 'ewa' },
        ],
        notes:
          'Strony podtrzymują stanowiska. Do sprawdzenia: czy dojazd może pokryć zasiłek celowy.',
      },
      zofia,
      { now: s.at(-3, 13) },
    )
    moveStage(
      doc,
      { to: 2, reason: 'Pracownicy nie doszli do porozumienia; decyzja należy do koordynatorów.' },
      demoActor('piotr'),
      { now: s.at(-2, 10) },
    )
    const mediation = readMediation(doc, s.now)
    summary = mediationSummary(mediation)
    grants = mediationGrants(mediation)
  })
  // The log's owner (mops) needs no grant of its own; the mediator, a member of another agency,
  // gets write on the plan from mops at once, since mops owns it (R21).
  for (const g of grants) {
    if (g.subjectKind === 'agency' && g.subjectId === anna.agencyId) continue
    s.share(g.documentId, g.subjectKind, g.subjectId, g.level)
  }
  s.share(source.documentId, 'member', zofia.memberId, 'write')
  s.list({
    id: DEMO_MEDIATION,
    entry: {
      kind: 'mediation',
      title: `Mediacja ${DEMO_MEDIATION.slice(0, 6)}`,
      sharedWith: ['fundacja'],
    },
    by: anna,
    at: s.at(-4),
    summary,
  })
}
