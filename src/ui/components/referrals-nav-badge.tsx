import { Show } from 'solid-js'
import type { SyncClient } from '../../sync/sync-client.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { common } from '../i18n/messages/common.ts'
import { createReferralInbox } from '../state/referral-inbox.ts'
import { useWorkspace } from '../state/workspace-context.tsx'

registerMessages(common)

/** How many referrals wait for my agency's action (loaded after the app shell: it needs the model). */
export default function ReferralsNavBadge(props: { sync: SyncClient }) {
  const { t, formatNumber } = useI18n()
  const inbox = createReferralInbox(props.sync, useWorkspace())
  const count = () => inbox()?.counts.needsAction ?? 0
  return (
    <Show when={count() > 0}>
      <span class="nav-badge" data-testid="nav-referrals-count" data-count={count()}>
        <span aria-hidden="true">{formatNumber(count())}</span>
        <span class="visually-hidden">{t('nav.referralsBadge', { count: count() })}</span>
      </span>
    </Show>
  )
}
