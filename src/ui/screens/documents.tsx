import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import {
  addEntry,
  type Actor,
  filterEntries,
  type IndexEntry,
  type IndexFilter,
  randomId,
  TITLE_MAX_LENGTH,
} from '../../model/index.ts'
import { createPlan } from '../../model/plan-details.ts'
import { FilterChips } from '../components/filter-chips.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { createSyncStatus } from '../state/create-sync-status.ts'
import { createLocally } from '../state/create-open-document.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-b.css'
import { registerMessages } from '../i18n/catalog.ts'
import { documents } from '../i18n/messages/documents.ts'

registerMessages(documents)

const FILTERS: readonly IndexFilter[] = [
  'all',
  'mine',
  'my-agency',
  'shared-with-my-agency',
  'needs-my-action',
]

const one = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? '') : (v ?? '')

/** The partnership's documents: filter, search, open, and start a new family plan. */
export default function DocumentsScreen() {
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const [loaded, setLoaded] = createSignal(false)
  void sync.workspace.ready.then(() => setLoaded(true))
  // The filter and search live in the address, so Back from a document restores the view.
  const [params, setParams] = useSearchParams()
  const filter = (): IndexFilter => {
    const f = one(params.show) as IndexFilter
    return FILTERS.includes(f) ? f : 'all'
  }
  const query = () => one(params.q)
  const me = createMemo((): Actor => ({
    memberId: sync.session.memberId,
    agencyId: ws.me()?.agencyId ?? '',
  }))
  const count = (f: IndexFilter) => filterEntries(ws.entries(), f, me(), query()).length
  const shown = createMemo(() => filterEntries(ws.entries(), filter(), me(), query()))
  const reset = () => setParams({ show: undefined, q: undefined }, { replace: true })

  return (
    <section class="screen documents-screen" aria-labelledby="documents-heading">
      <h1 id="documents-heading">{t('documents.heading')}</h1>
      <NewPlanForm />

      <div class="documents-tools">
        <FilterChips
          legend={t('documents.filter.label')}
          name="documents-filter"
          options={FILTERS}
          selected={filter()}
          onSelect={(f) => setParams({ show: f === 'all' ? undefined : f }, { replace: true })}
          testId={(f) => `filter-${f}`}
        >
          {(f) => (
            <>
              {t(`documents.filter.${f}`)} <span class="chip-count">({count(f)})</span>
            </>
          )}
        </FilterChips>
        <div class="search-box">
          <label for="documents-search">{t('documents.search.label')}</label>
          <input
            id="documents-search"
            type="search"
            autocomplete="off"
            value={query()}
            onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })}
            aria-describedby="documents-search-hint"
            data-testid="documents-search"
          />
          <p id="documents-search-hint" class="field-hint">
            {t('documents.search.hint')}
          </p>
        </div>
      </div>

      <p class="documents-count" aria-live="polite" data-testid="documents-count">
        <Show when={loaded()}>{t('documents.count', { count: shown().length })}</Show>
      </p>

      <Switch>
        <Match when={!loaded()}>
          <p class="empty-state">{t('documents.loading')}</p>
        </Match>
        <Match when={ws.entries().length === 0}>
          <NoDocuments />
        </Match>
        <Match when={shown().length === 0}>
          <div class="empty-state" data-testid="documents-empty">
            <p>
              {query()
                ? t('documents.empty.search', { query: query() })
                : t('documents.empty.filter')}
            </p>
            <button type="button" class="secondary" onClick={reset}>
              {t('documents.empty.reset')}
            </button>
          </div>
        </Match>
        <Match when={shown().length > 0}>
          <ul class="document-list" data-testid="documents-list">
            <For each={shown()}>{(entry) => <EntryItem entry={entry} me={me()} />}</For>
          </ul>
        </Match>
      </Switch>
    </section>
  )
}

const NoDocuments = () => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const status = createSyncStatus(useSync())
  return (
    <div class="empty-state" data-testid="documents-empty">
      <p>{t('documents.empty.none')}</p>
      <Show when={ws.me() && ws.me()?.role !== 'observer'}>
        <p>{t('documents.empty.noneCreate')}</p>
      </Show>
      <Show when={status().state !== 'synced'}>
        <p>{t('documents.empty.noneOffline')}</p>
      </Show>
    </div>
  )
}

const EntryItem = (props: { entry: IndexEntry; me: Actor }) => {
  const { t, formatDate } = useI18n()
  const ws = useWorkspace()
  const owner = () => ws.agency(props.entry.ownerAgencyId)?.name ?? props.entry.ownerAgencyId
  const needsAction = () => props.entry.needsActionBy.includes(props.me.agencyId)
  const shared = () =>
    props.entry.ownerAgencyId !== props.me.agencyId &&
    props.entry.sharedWith.includes(props.me.agencyId)
  return (
    <li class="document-entry" data-testid="document-entry" data-id={props.entry.id}>
      <A href={`/documents/${props.entry.id}`} class="document-link">
        {props.entry.title}
      </A>
      <p class="document-meta">
        <span class="kind-label">{t(`kind.${props.entry.kind}`)}</span>
        <span>{t('documents.entry.ownedBy', { agency: owner() })}</span>
        <span>
          <time datetime={props.entry.createdAt}>
            {t('documents.entry.created', { date: formatDate(props.entry.createdAt) })}
          </time>
        </span>
      </p>
      <Show when={needsAction() || shared()}>
        <p class="document-badges">
          <Show when={needsAction()}>
            <span class="badge badge-action">{t('documents.entry.needsAction')}</span>
          </Show>
          <Show when={shared()}>
            <span class="badge">{t('documents.entry.shared')}</span>
          </Show>
        </p>
      </Show>
    </li>
  )
}

/**
 * Starts a family plan entirely on this device: the document and its index entry are written
 * locally and reach the relay whenever it is reachable.
 */
const NewPlanForm = () => {
  const { t, locale } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const navigate = useNavigate()
  const [title, setTitle] = createSignal('')
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  let input!: HTMLInputElement

  const submit = async (e: SubmitEvent) => {
    e.preventDefault()
    const me = ws.me()
    const text = title().trim()
    if (!me || busy()) return
    if (text === '' || text.length > TITLE_MAX_LENGTH) {
      setError(
        text === ''
          ? t('documents.new.errorEmpty')
          : t('documents.new.errorLong', { count: TITLE_MAX_LENGTH }),
      )
      input.focus()
      return
    }
    setError(null)
    setBusy(true)
    const id = randomId()
    try {
      await createLocally(sync, id, (conn) => {
        // The plan's header too: a plan made offline is complete before anyone opens it.
        createPlan(
          conn.doc,
          { id, variant: 'family-team-plan', languages: [locale()] },
          { memberId: me.id, agencyId: me.agencyId },
        )
        addEntry(
          sync.workspace.doc,
          { kind: 'plan', title: text },
          { memberId: me.id, agencyId: me.agencyId },
          { id },
        )
        setTitle('')
        navigate(`/documents/${id}`)
      })
    } catch (err) {
      setError(
        t('documents.new.failed', { message: err instanceof Error ? err.message : String(err) }),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <Switch>
      <Match when={!ws.me()}>
        <p class="notice" data-testid="new-plan-unavailable">
          {t('documents.new.noMembership')}
        </p>
      </Match>
      <Match when={ws.me()?.role === 'observer'}>
        <p class="notice" data-testid="new-plan-unavailable">
          {t('documents.new.observer')}
        </p>
      </Match>
      <Match when={ws.me()}>
        <form
          class="new-plan"
          onSubmit={(e) => void submit(e)}
          novalidate
          aria-labelledby="new-plan-heading"
          data-testid="new-plan-form"
        >
          <h2 id="new-plan-heading">{t('documents.new.heading')}</h2>
          <label for="new-plan-title">{t('documents.new.titleLabel')}</label>
          <p id="new-plan-hint" class="field-hint">
            {t('documents.new.titleHint')}
          </p>
          <div class="new-plan-row">
            <input
              id="new-plan-title"
              ref={input}
              type="text"
              autocomplete="off"
              maxLength={TITLE_MAX_LENGTH}
              value={title()}
              onInput={(e) => {
                setTitle(e.currentTarget.value)
                setError(null)
              }}
              aria-describedby={error() ? 'new-plan-hint new-plan-error' : 'new-plan-hint'}
              aria-invalid={error() ? 'true' : undefined}
              data-testid="new-plan-title"
            />
            <button type="submit" class="primary" disabled={busy()} data-testid="new-plan-submit">
              {busy() ? t('documents.new.creating') : t('documents.new.submit')}
            </button>
          </div>
          <Show when={error()}>
            <p id="new-plan-error" class="field-error" role="alert" data-testid="new-plan-error">
              {error()}
            </p>
          </Show>
        </form>
      </Match>
    </Switch>
  )
}
