import type * as Y from 'yjs'
import { withDisputes } from '../src/model/dispute-digest.ts'
import type { DocumentSummary } from '../src/model/doc-summary.ts'
import { createReferral, type NewReferral } from '../src/model/referral.ts'
import { addResponsibility, fulfilResponsibility } from '../src/model/referral-commitments.ts'
import { setDataSharing, setLegalBasis } from '../src/model/referral-consent.ts'
import { recordOutcome } from '../src/model/referral-outcome.ts'
import { readReferral } from '../src/model/referral-read.ts'
import { agenciesToAct, digestAsSummary, referralDigest } from '../src/model/referral-summary.ts'
import type { ReferralStatus } from '../src/model/referral-status.ts'
import type { DataCategory, LegalBasis } from '../src/model/referral-vocab.ts'
import { setStatus } from '../src/model/referral-workflow.ts'
import { uuid as directoryId } from './seed-directory.ts'
import { type DemoSeeder, demoActor, demoDocumentId } from './seed-writer.ts'

// The demo's referrals, one in each state a partner meets: sent and awaiting an answer, past its
// respond-by date, accepted, in progress (the family of the demo plan) and completed with its
// outcome. Person codes are pseudonymous; the texts are invented.

interface DemoReferral extends Omit<NewReferral, 'id' | 'respondBy' | 'completeBy'> {
  code: string
  by: string
  /** Days from now (negative: back) when it was drafted and sent. */
  sent: number
  respondBy?: number
  completeBy?: number
  legalBasis: LegalBasis
  shares: DataCategory[]
  /** Later status changes: by whom, to what, how many days from now. */
  steps?: [string, ReferralStatus, number][]
  then?: (doc: Y.Doc, s: DemoSeeder) => void
}

const service = (n: number, name: string) => ({ id: directoryId(n), name })

const REFERRALS: DemoReferral[] = [
  {
    code: 'R-2026-017',
    by: 'tomasz',
    receivingAgencyId: 'mops',
    person: { kind: 'person', code: 'R-2026-017' },
    urgency: 'urgent',
    sent: -40,
    respondBy: -39,
    reason:
      'Podczas interwencji domowej stwierdzono, że starszy mężczyzna mieszka sam, w zimnym ' +
      'mieszkaniu, bez opału i z ograniczoną sprawnością.',
    request: 'Prosimy o pilną ocenę potrzeb i zapewnienie pomocy (opał, usługi opiekuńcze).',
    legalBasis: { basis: 'vital-interests' },
    shares: ['contact', 'health'],
    steps: [
      ['marek', 'accepted', -39],
      ['anna', 'in-progress', -38],
      ['anna', 'completed', -8],
    ],
    then: (doc, s) =>
      recordOutcome(
        doc,
        {
          code: 'achieved',
          note: 'Przyznano zasiłek celowy na opał i usługi opiekuńcze 3 razy w tygodniu.',
        },
        demoActor('anna'),
        { now: s.at(-8, 11) },
      ),
  },
  {
    code: 'R-2026-029',
    by: 'anna',
    receivingAgencyId: 'fundacja',
    service: service(34, 'Terapia dla rodzin'),
    person: { kind: 'family', code: 'R-2026-029' },
    sent: -30,
    respondBy: -23,
    completeBy: 60,
    reason:
      'Rodzina po rozstaniu rodziców; częste konflikty między matką a 12-letnim synem, który ' +
      'opuszcza lekcje.',
    request: 'Prosimy o przyjęcie matki i syna na terapię rodzinną, po południu.',
    legalBasis: { basis: 'consent' },
    shares: ['contact', 'family-situation', 'education'],
    steps: [
      ['piotr', 'accepted', -27],
      ['ewa', 'in-progress', -21],
    ],
    then: (doc, s) => {
      const anna = demoActor('anna')
      const info = { agencyId: 'mops', what: 'Przekazać fundacji opinię szkoły', dueBy: s.day(-14) }
      const { id } = addResponsibility(doc, info, anna)
      fulfilResponsibility(doc, id, anna, { now: s.at(-16) })
    },
  },
  {
    code: 'R-2026-036',
    by: 'katarzyna',
    receivingAgencyId: 'mops',
    person: { kind: 'person', code: 'R-2026-036' },
    sent: -10,
    respondBy: -3,
    completeBy: 30,
    reason:
      'Uczeń klasy 5 często przychodzi głodny i bez przyborów; wychowawczyni widzi, że wycofuje ' +
      'się z kontaktów z rówieśnikami.',
    request: 'Prosimy o rozeznanie sytuacji rodziny i wsparcie (dożywianie, stypendium szkolne).',
    legalBasis: { basis: 'public-task' },
    shares: ['contact', 'education'],
    steps: [['marek', 'accepted', -4]],
    then: (doc, s) => {
      const visit = { agencyId: 'mops', what: 'Wizyta w domu rodziny', dueBy: s.day(7) }
      addResponsibility(doc, { ...visit, contact: 'Anna, MOPS' }, demoActor('marek'))
    },
  },
  {
    code: 'R-2026-038',
    by: 'anna',
    receivingAgencyId: 'nadzieja',
    service: service(37, 'Punkt konsultacyjny ds. przemocy'),
    person: { kind: 'person', code: 'R-2026-038' },
    urgency: 'urgent',
    sent: -6,
    respondBy: -5,
    reason:
      'Kobieta zgłosiła przemoc psychiczną ze strony partnera; obawia się o siebie i o córkę.',
    request: 'Prosimy o pilną konsultację i pomoc w przygotowaniu planu bezpieczeństwa.',
    legalBasis: { basis: 'legal-obligation', note: 'Procedura „Niebieskie Karty”' },
    shares: ['contact', 'violence'],
  },
  {
    code: 'R-2026-041',
    by: 'anna',
    receivingAgencyId: 'fundacja',
    service: service(34, 'Terapia dla rodzin'),
    person: { kind: 'family', code: 'R-2026-041' },
    sent: -2,
    respondBy: 5,
    reason: 'Ojciec samotnie wychowuje dwoje dzieci po śmierci żony; dzieci źle śpią i płaczą.',
    request: 'Prosimy o wsparcie psychologiczne dla dzieci i konsultacje dla ojca.',
    legalBasis: { basis: 'consent' },
    shares: ['contact', 'family-situation', 'health'],
  },
]

/** A referral's document, sharing with the receiving agency, index entry and summary. */
function seedReferral(s: DemoSeeder, r: DemoReferral): void {
  const id = demoDocumentId(`referral/${r.code}`)
  const { code, by: author, sent, respondBy, completeBy, legalBasis, shares, ...rest } = r
  const { steps = [], then, ...draft } = rest
  const by = demoActor(author)
  let needsActionBy: string[] = []
  let summary: DocumentSummary = {}
  s.document(id, by, (doc) => {
    const created = s.at(sent, 8)
    createReferral(
      doc,
      {
        ...draft,
        id,
        ...(respondBy !== undefined && { respondBy: s.day(respondBy) }),
        ...(completeBy !== undefined && { completeBy: s.day(completeBy) }),
      },
      by,
      { now: created },
    )
    setLegalBasis(doc, legalBasis, by, { now: created })
    setDataSharing(doc, r.receivingAgencyId, shares, by, { now: created })
    setStatus(doc, 'requested', by, undefined, { now: s.at(sent) })
    for (const [member, status, day] of steps) {
      setStatus(doc, status, demoActor(member), undefined, { now: s.at(day, 10) })
    }
    then?.(doc, s)
    const referral = readReferral(doc, s.now)
    summary = withDisputes(digestAsSummary(referralDigest(referral)), doc)
    needsActionBy = agenciesToAct(referral, s.now)
  })
  s.share(id, 'agency', r.receivingAgencyId, 'write')
  s.list({
    id,
    entry: { kind: 'referral', title: code, sharedWith: [r.receivingAgencyId], needsActionBy },
    by,
    at: s.at(sent, 8),
    summary,
  })
}

export function seedDemoReferrals(s: DemoSeeder): void {
  for (const r of REFERRALS) seedReferral(s, r)
}

/** The in-progress referral through which the demo plan's therapy is carried out. */
export const DEMO_THERAPY_REFERRAL = demoDocumentId('referral/R-2026-029')
