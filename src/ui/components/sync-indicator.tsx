import { Show } from 'solid-js'
import { useI18n } from '../i18n/i18n.tsx'
import { createSyncStatus } from '../state/create-sync-status.ts'
import { useSync } from '../state/session.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'

registerMessages(common)

const kilobytes = (locale: string, bytes: number): string =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes / 1000)

/**
 * The one place that shows the device's connection and unsaved changes, always visible; on a
 * slow link, how far saving has got (documents saved on the server, bytes left to send) and how
 * many documents are in step, so that a long sync is never a frozen "connecting".
 */
export const SyncIndicator = () => {
  const { t, locale } = useI18n()
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
      <Show when={status().state !== 'offline' ? status().saving : null}>
        {(saving) => (
          <span class="sync-progress" data-testid="sync-saving" data-saved={saving().saved}>
            {' '}
            · {t('status.saving', { saved: saving().saved, count: saving().of })}
            <Show when={saving().bytesToSend > 0}>
              {' '}
              · {t('status.toSend', { size: kilobytes(locale(), saving().bytesToSend) })}
            </Show>
          </span>
        )}
      </Show>
      <Show when={status().state === 'connecting' && status().documents}>
        {(documents) => (
          <span class="sync-progress" data-testid="sync-documents">
            {' '}
            · {t('status.documents', { synced: documents().synced, count: documents().of })}
          </span>
        )}
      </Show>
      <Show when={status().revoked}>
        <strong class="sync-revoked" data-testid="sync-revoked">
          {t('status.revoked')}
        </strong>
      </Show>
    </div>
  )
}
