import { A } from '@solidjs/router'
import { Show } from 'solid-js'
import type { SyncClient } from '../../sync/sync-client.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createReferralInbox } from '../state/referral-inbox.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import './referral.css'

/** "Referrals" in the navigation, with how many referrals wait for my agency's action. */
export const ReferralsNavLink = (props: { sync: SyncClient }) => {
  const { t, formatNumber } = useI18n()
  const inbox = createReferralInbox(props.sync, useWorkspace())
  const count = () => inbox()?.counts.needsAction ?? 0
  return (
    <A href="/referrals" data-testid="nav-referrals">
      {t('nav.referrals')}
      <Show when={count() > 0}>
        <span class="nav-badge" data-testid="nav-referrals-count" data-count={count()}>
          <span aria-hidden="true">{formatNumber(count())}</span>
          <span class="visually-hidden">{t('nav.referralsBadge', { count: count() })}</span>
        </span>
      </Show>
    </A>
  )
}
