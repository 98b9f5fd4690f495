import { A } from '@solidjs/router'
import { createMemo, createResource, createSignal, For, Show } from 'solid-js'
import { contentAt, replayHistory } from '../../model/history-diff.ts'
import { historyItems } from '../../model/history-fields.ts'
import { fetchHistory, type HistoryEntry } from '../../sync/history-api.ts'
import { ApiError } from '../../sync/session.ts'
import { DocumentRoute } from '../components/document-route.tsx'
import { HistoryAccessLog } from '../components/history-access-log.tsx'
import { HistoryChanges } from '../components/history-changes.tsx'
import { HistorySnapshot } from '../components/history-snapshot.tsx'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { isUnreachable } from '../state/network.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import '../components/history.css'
import { registerMessages } from '../i18n/catalog.ts'
import { history } from '../i18n/messages/history.ts'
import { openDocument } from '../i18n/messages/document.ts'

registerMessages(history, openDocument)

/** Entries shown at first and added by each "show earlier changes". */
const PAGE = 50

const describe = (err: unknown): Problem =>
  isUnreachable(err)
    ? { key: 'history.error.unreachable' }
    : err instanceof ApiError && err.status === 403
      ? { key: 'history.error.forbidden' }
      : { key: 'history.error.failed', params: { message: (err as Error).message } }

/** `/documents/:id/history`: who changed what and when, as the relay recorded it. */
export default function HistoryScreen() {
  const { t } = useI18n()
  return (
    <DocumentRoute
      invalid={
        <section class="screen">
          <p class="notice">{t('document.invalidId')}</p>
        </section>
      }
    >
      {(id) => <DocumentHistory id={id} />}
    </DocumentRoute>
  )
}

const DocumentHistory = (props: { id: string }) => {
  const id = props.id
  const { t, formatDateTime } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const [page, { refetch }] = createResource(() => fetchHistory(sync.tokens, id))
  const updates = createMemo(() => page()?.entries.map((e) => e.update) ?? [])
  // Each entry's changes, with actions, goals and parties named as the document now names them.
  const steps = createMemo(() => {
    const p = page()
    if (!p) return []
    const latest = contentAt(p.base, updates(), updates().length)
    return replayHistory(p.base, updates()).map((changes) => historyItems(changes, latest))
  })
  const [shown, setShown] = createSignal(PAGE)
  const [viewing, setViewing] = createSignal<number | null>(null)
  const newestFirst = createMemo(() =>
    (page()?.entries ?? []).map((entry, index) => ({ entry, index })).reverse(),
  )

  const entry = createMemo(() => ws.entries().find((e) => e.id === id))
  const me = () => ws.me()
  const mayAudit = () =>
    me()?.role === 'coordinator' &&
    entry() !== undefined &&
    entry()?.ownerAgencyId === me()?.agencyId

  const who = (e: HistoryEntry): string => {
    if (e.source === 'relay') return t('history.entry.relay')
    if (e.source === 'baseline' || e.memberId === null) return t('history.entry.baseline')
    return t('history.entry.member', {
      member: ws.member(e.memberId)?.displayName ?? e.memberId,
      agency: ws.agency(e.agencyId ?? '')?.name ?? e.agencyId ?? '',
    })
  }

  /** What an event entry says happened; never what an erasure removed (R30). */
  const event = (e: HistoryEntry): string | null => {
    if (e.source === 'legal-hold') {
      return t(e.note === 'placed' ? 'history.event.holdPlaced' : 'history.event.holdLifted')
    }
    if (e.source !== 'erasure') return null
    const field = e.note === 'identity/details' ? t('history.event.identity') : (e.note ?? '')
    return t('history.event.erasure', { field })
  }

  return (
    <article class="screen history-screen" aria-labelledby="history-title">
      <A href={`/documents/${id}`} class="back-link">
        {t('history.back')}
      </A>
      <h1 id="history-title">{t('history.title')}</h1>
      <Show when={entry()}>{(e) => <p class="document-meta">{e().title}</p>}</Show>
      <p class="field-hint">{t('history.intro')}</p>

      <Show when={page.loading}>
        <p class="empty-state">{t('history.loading')}</p>
      </Show>
      <Show when={page.error}>
        {(err) => {
          const p = describe(err())
          return (
            <div class="notice" role="alert">
              <p>{t(p.key, p.params)}</p>
              <button type="button" class="button secondary" onClick={() => void refetch()}>
                {t('history.retry')}
              </button>
            </div>
          )
        }}
      </Show>
      <Show when={!page.error && page()}>
        {(p) => (
          <Show
            when={p().entries.length > 0}
            fallback={<p class="empty-state">{t('history.empty')}</p>}
          >
            <ol class="history-timeline" data-testid="doc-history">
              <For each={newestFirst().slice(0, shown())}>
                {({ entry: e, index }) => (
                  <li
                    class="history-entry"
                    data-testid="doc-history-entry"
                    data-member={e.memberId ?? ''}
                  >
                    <header>
                      <strong data-testid="doc-history-who">{who(e)}</strong>
                      <time datetime={e.at}>
                        {e.from === e.at
                          ? formatDateTime(e.at)
                          : t('history.entry.period', {
                              from: formatDateTime(e.from),
                              to: formatDateTime(e.at),
                            })}
                      </time>
                    </header>
                    <Show
                      when={event(e)}
                      fallback={<HistoryChanges items={steps()[index] ?? []} />}
                    >
                      {(text) => <p data-testid="doc-history-event">{text()}</p>}
                    </Show>
                    <Show
                      when={viewing() === index}
                      fallback={
                        <button
                          type="button"
                          class="button secondary"
                          data-testid="history-view"
                          onClick={() => setViewing(index)}
                        >
                          {t('history.view')}
                        </button>
                      }
                    >
                      <HistorySnapshot
                        content={contentAt(p().base, updates(), index + 1)}
                        heading={t('history.view.heading', { date: formatDateTime(e.at) })}
                        onClose={() => setViewing(null)}
                      />
                    </Show>
                  </li>
                )}
              </For>
            </ol>
            <Show when={shown() < p().entries.length}>
              <button
                type="button"
                class="button secondary"
                onClick={() => setShown((n) => n + PAGE)}
              >
                {t('history.showMore')}
              </button>
            </Show>
            <Show when={p().total > p().entries.length}>
              <p class="field-hint">
                {t('history.older', { count: p().total - p().entries.length })}
              </p>
            </Show>
          </Show>
        )}
      </Show>
      <Show when={mayAudit()}>
        <HistoryAccessLog documentId={id} />
      </Show>
    </article>
  )
}
