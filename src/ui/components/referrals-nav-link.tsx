import { A } from '@solidjs/router'
import { lazy, Suspense } from 'solid-js'
import type { SyncClient } from '../../sync/sync-client.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { common } from '../i18n/messages/common.ts'
import './referral.css'

registerMessages(common)

const ReferralsNavBadge = lazy(() => import('./referrals-nav-badge.tsx'))

/** "Referrals" in the navigation, with how many referrals wait for my agency's action. */
export const ReferralsNavLink = (props: { sync: SyncClient }) => {
  const { t } = useI18n()
  return (
    <A href="/referrals" data-testid="nav-referrals">
      {t('nav.referrals')}
      {/* Its own boundary: the badge arriving must never blank the rest of the page. */}
      <Suspense>
        <ReferralsNavBadge sync={props.sync} />
      </Suspense>
    </A>
  )
}
