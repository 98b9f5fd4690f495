import type { Actor, Referral } from '../../model/index.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'

export interface ReferralPanelProps {
  conn: DocConnection
  referral: () => Referral
  me: Actor
  readOnly: boolean
}
