import { Show } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { createSyncStatus } from '../state/create-sync-status.ts'
import { useSync } from '../state/session.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'

registerMessages(common)

/** The one place that shows the device's connection and unsaved changes, always visible. */
export const SyncIndicator = () => {
  const { t } = useI18n()
  const status = createSyncStatus(useSync())
  return (
    <div class="sync-indicator" data-state={status().state} role="status" aria-live="polite">
      <span class="sync-dot" aria-hidden="true" />
      <span data-testid="sync-state">{t(`status.${status().state}`)}</span>
      <Show
        when={status().pending > 0}
        fallback={
          <Show when={status().state === 'synced'}>
            <span class="sync-saved"> · {t('status.allSaved')}</span>
          </Show>
        }
      >
        <span class="sync-pending" data-testid="sync-pending" data-count={status().pending}>
          {' '}
          · {t('status.pending', { count: status().pending })}
        </span>
      </Show>
      <Show when={status().revoked}>
        <strong class="sync-revoked" data-testid="sync-revoked">
          {t('status.revoked')}
        </strong>
      </Show>
    </div>
  )
}
