import { A } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import { type DuePurge, fetchDuePurges, setLegalHold } from '../../sync/lifecycle-api.ts'
import { registerMessages } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { common } from '../i18n/messages/common.ts'
import { retention } from '../i18n/messages/retention.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'

registerMessages(common, retention)

/**
 * The coordinator's purges due in the next 30 days (R35): each with its print and export (on
 * the document's own screen) before it goes, and a legal hold to place or lift (R34).
 */
export const RetentionPanel = () => {
  const { t, formatDate } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const [due, { refetch }] = createResource(() => fetchDuePurges(sync.tokens))
  const [notice, setNotice] = createSignal('')
  const [busy, setBusy] = createSignal<string | null>(null)
  const title = (p: DuePurge) =>
    ws.entries().find((e) => e.id === p.documentId)?.title ??
    t('retention.untitled', { id: p.documentId })
  const toggle = async (p: DuePurge) => {
    setBusy(p.documentId)
    try {
      await setLegalHold(sync.tokens, p.documentId, !p.held)
      setNotice(t(p.held ? 'retention.holdLifted' : 'retention.holdPlaced'))
      await refetch()
    } catch (err) {
      setNotice(t('error.generic', { message: err instanceof Error ? err.message : '?' }))
    } finally {
      setBusy(null)
    }
  }
  return (
    <section class="sa-panel" aria-labelledby="admin-retention-title" data-testid="retention">
      <h2 id="admin-retention-title" tabindex="-1">
        {t('retention.heading')}
      </h2>
      <p class="sa-muted">{t('retention.help')}</p>
      <p class="sa-notice" role="status" data-testid="retention-notice">
        {notice()}
      </p>
      <Show when={due()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="sa-muted">{t('retention.empty')}</p>}>
            <ul class="sa-list" data-testid="retention-list">
              <For each={list()}>
                {(p) => (
                  <li
                    class="admin-row"
                    data-testid={`purge-${p.documentId}`}
                    data-held={String(p.held)}
                  >
                    <div class="admin-row-head">
                      <span class="admin-row-title">{title(p)}</span>
                      <span class="sa-badge">{t(`retention.kind.${p.kind ?? 'unknown'}`)}</span>
                    </div>
                    <p class="sa-muted">
                      {t('retention.closed', { date: formatDate(new Date(p.closedAt)) })} ·{' '}
                      {p.held
                        ? t('retention.held')
                        : t('retention.purgeAt', { date: formatDate(new Date(p.purgeAt)) })}
                    </p>
                    <div class="actions">
                      <A class="button secondary" href={`/documents/${p.documentId}/print`}>
                        {t('retention.print')}
                      </A>
                      <A class="button secondary" href={`/documents/${p.documentId}`}>
                        {t('retention.open')}
                      </A>
                      <button
                        type="button"
                        class={p.held ? 'secondary' : 'danger'}
                        disabled={busy() === p.documentId}
                        onClick={() => void toggle(p)}
                        data-testid={`purge-${p.documentId}-hold`}
                      >
                        {t(p.held ? 'retention.lift' : 'retention.hold')}
                      </button>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  )
}
