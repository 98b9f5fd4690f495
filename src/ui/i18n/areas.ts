import { admin } from './messages/admin.ts'
import { common } from './messages/common.ts'
import { dashboard } from './messages/dashboard.ts'
import { directory } from './messages/directory.ts'
import { openDocument } from './messages/document.ts'
import { documents } from './messages/documents.ts'
import { erasure } from './messages/erasure.ts'
import { history } from './messages/history.ts'
import { mediation } from './messages/mediation.ts'
import { plan } from './messages/plan.ts'
import { referralPanels } from './messages/referral-panels.ts'
import { referral } from './messages/referral.ts'
import { referrals } from './messages/referrals.ts'
import { retention } from './messages/retention.ts'
import { settings } from './messages/settings.ts'
import { share } from './messages/share.ts'
import { welcome } from './messages/welcome.ts'
import { workspace } from './messages/workspace.ts'

/**
 * Every message area, by its export name; an area adds itself here. Only types and tests import
 * this: the app loads an area with the modules that use it (see registerMessages).
 */
export const AREAS = {
  admin,
  common,
  dashboard,
  directory,
  openDocument,
  documents,
  erasure,
  history,
  mediation,
  plan,
  referralPanels,
  referral,
  referrals,
  retention,
  settings,
  share,
  welcome,
  workspace,
}
