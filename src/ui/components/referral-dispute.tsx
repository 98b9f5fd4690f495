import { type ReferralDecisionField, resolveReferralDispute } from '../../model/index.ts'
import { parseRoom } from '../../sync/protocol.ts'
import { Dispute, type DisputeCandidate } from './dispute.tsx'
import { SendToMediation } from './mediation-field.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { createAction } from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(referral)

/**
 * A disputed referral decision field (D4, RF5), settled with a rationale by those who may (D10)
 * or sent to mediation. Mediation decides for both parties, so the side rule does not apply.
 */
export const DisputedField = (
  props: Pick<ReferralPanelProps, 'conn' | 'me'> & {
    field: ReferralDecisionField
    /** The field's name for a person, e.g. "Status". */
    name: string
    candidates: DisputeCandidate[]
    mayResolve: boolean
    onWrite: () => void
    testId: string
  },
) => (
  <Dispute
    texts="referral.dispute"
    name={props.name}
    candidates={props.candidates}
    mayResolve={props.mayResolve}
    wait="referral.dispute.waitForMediation"
    rationaleHint="referral.dispute.rationaleHint"
    action={createAction()}
    settle={(value, rationale) =>
      resolveReferralDispute(props.conn.doc, props.field, value, props.me, { rationale })
    }
    onSettled={props.onWrite}
    testId={props.testId}
  >
    <SendToMediation
      source={{
        documentId: parseRoom(props.conn.room)?.documentId ?? '',
        documentKind: 'referral',
        field: props.field,
        linkKind: 'referral',
        candidates: props.candidates.map((c) => c.by),
      }}
      testId={props.testId}
    />
  </Dispute>
)
