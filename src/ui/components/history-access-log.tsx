import { createResource, For, Show } from 'solid-js'
import { fetchAccessLog } from '../../sync/history-api.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { history } from '../i18n/messages/history.ts'

registerMessages(history)

/** Who opened the document and when: for coordinators of the owning agency (the relay checks). */
export const HistoryAccessLog = (props: { documentId: string }) => {
  const { t, formatDateTime } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const [opens] = createResource(() => fetchAccessLog(sync.tokens, props.documentId))
  return (
    <section class="history-access" aria-labelledby="history-access-heading">
      <h2 id="history-access-heading">{t('history.access.heading')}</h2>
      <p class="field-hint">{t('history.access.intro')}</p>
      <Show when={opens.error}>
        <p class="field-error" role="alert">
          {t('history.error.failed', { message: String((opens.error as Error).message) })}
        </p>
      </Show>
      <Show when={opens()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p>{t('history.access.empty')}</p>}>
            <div class="history-table-wrap">
              <table class="history-table" data-testid="history-access-log">
                <thead>
                  <tr>
                    <th scope="col">{t('history.access.when')}</th>
                    <th scope="col">{t('history.access.member')}</th>
                    <th scope="col">{t('history.access.agency')}</th>
                    <th scope="col">{t('history.access.access')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(o) => (
                      <tr data-testid="history-access-row" data-member={o.memberId}>
                        <td>
                          <time datetime={o.at}>{formatDateTime(o.at)}</time>
                        </td>
                        <td>{ws.member(o.memberId)?.displayName ?? o.memberId}</td>
                        <td>{ws.agency(o.agencyId)?.name ?? o.agencyId}</td>
                        <td>{t(`history.access.${o.access}`)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Show>
    </section>
  )
}
