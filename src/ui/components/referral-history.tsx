import { For, Show } from 'solid-js'
import type { Referral } from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { DecidedBy } from './dispute.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(referral)

/**
 * Every status change (RF11), oldest first in causal order: who, for which agency, when, why,
 * and for a resolution its rationale. Concurrent changes both appear: nothing is overwritten.
 */
export const ReferralHistory = (props: { referral: () => Referral }) => {
  const { t } = useI18n()
  const history = () => props.referral().history
  return (
    <section class="rf-panel rf-history" aria-labelledby="referral-history-heading">
      <h2 id="referral-history-heading">{t('referral.history.heading')}</h2>
      <Show
        when={history().length > 0}
        fallback={<p class="field-hint">{t('referral.history.empty')}</p>}
      >
        <ol class="rf-timeline" data-testid="referral-history">
          <For each={history()}>
            {(change) => (
              <li data-testid="history-item" data-status={change.status}>
                <strong>{t(`referral.status.${change.status}`)}</strong> <DecidedBy by={change} />
                <Show when={change.reason}>
                  {(reason) => (
                    <p class="rf-reason">{t('referral.statusBar.reason', { reason: reason() })}</p>
                  )}
                </Show>
                <Show when={change.resolution}>
                  {(r) => (
                    <p class="rf-reason" data-testid="history-resolution">
                      {t('referral.history.resolution', { rationale: r().rationale })}
                    </p>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  )
}
