import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js'
import { ModelError, updateEntry } from '../../model/index.ts'
import { ApiError, RevokedError } from '../../sync/session.ts'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { type Problem, useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument } from '../state/create-open-document.ts'
import { createOnline, isUnreachable } from '../state/network.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import '../screens/screens-a.css'
import { common } from '../i18n/messages/common.ts'
import { share } from '../i18n/messages/share.ts'

registerMessages(common, share)

// What the relay answers (sync-server/api.ts: POST /api/grants, /api/grants/revoke,
// /api/grants/list). The relay's grants are the authority; the index's sharedWith only lets
// the partner agency find the document in its list.
type Level = 'read' | 'write'
type Choice = Level | 'none'
interface Grant {
  subjectKind: 'agency' | 'member'
  subjectId: string
  level: Level
}
interface GrantList {
  ownerAgencyId: string | null
  grants: Grant[]
}

const CHOICES: readonly Choice[] = ['none', 'read', 'write']

const describe = (err: unknown, fallback403: MessageKey): Problem => {
  if (isUnreachable(err)) return { key: 'share.error.unreachable' }
  if (err instanceof RevokedError) return { key: 'share.error.revoked' }
  if (err instanceof ApiError && err.status === 403) return { key: fallback403 }
  return {
    key: 'share.error.failed',
    params: { message: err instanceof Error ? err.message : String(err) },
  }
}

const agencyGrants = (grants: readonly Grant[], owner: string | undefined): string[] =>
  [
    ...new Set(
      grants
        .filter((g) => g.subjectKind === 'agency' && g.subjectId !== owner)
        .map((g) => g.subjectId),
    ),
  ].sort()

/**
 * "Shared with": which other agencies of the partnership may read or edit this document. Members
 * of the owning agency who are not observers change it (online only); everyone else who may
 * read the document sees it read-only.
 */
export const SharePanel = (props: { documentId: string }) => {
  const documentId = props.documentId
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const online = createOnline()
  const { status: docStatus } = createOpenDocument(documentId)
  const docSynced = createMemo(() => docStatus().state === 'synced')

  const [open, setOpen] = createSignal(false)
  const [list, setList] = createSignal<GrantList | null>(null)
  const [loading, setLoading] = createSignal(false)
  const [problem, setProblem] = createSignal<Problem | null>(null)
  const [chosen, setChosen] = createSignal<Record<string, Choice>>({})
  const [saved, setSaved] = createSignal<{ agencyId: string; choice: Choice } | null>(null)

  const entry = createMemo(() => ws.entries().find((e) => e.id === documentId))
  const owner = (): string | undefined => list()?.ownerAgencyId ?? entry()?.ownerAgencyId
  const me = () => ws.me()
  const ownAgency = () => me() !== undefined && me()?.agencyId === owner()
  const mayChange = () => ownAgency() && me()?.role !== 'observer'
  const others = createMemo(() => ws.agencies().filter((a) => a.id !== owner()))
  const agencyName = (id: string) => ws.agency(id)?.name ?? id

  const level = (agencyId: string): Choice =>
    chosen()[agencyId] ??
    list()?.grants.find((g) => g.subjectKind === 'agency' && g.subjectId === agencyId)?.level ??
    'none'
  const sharedCount = () => {
    const l = list()
    return l ? agencyGrants(l.grants, owner()).length : (entry()?.sharedWith ?? []).length
  }

  // Requests go to the relay one after another, so that the last answer holds every change.
  let queue: Promise<void> = Promise.resolve()
  const enqueue = (task: () => Promise<void>) => {
    queue = queue.then(task)
  }

  const load = async () => {
    setLoading(true)
    try {
      setList(await sync.tokens.api<GrantList>('/api/grants/list', { documentId }))
      setProblem(null)
    } catch (err) {
      // Refused to its own agency, a document is not yet registered: it has not been sent.
      setProblem(describe(err, ownAgency() ? 'share.error.notOnServer' : 'share.error.noAccess'))
    } finally {
      setLoading(false)
    }
  }
  // Loaded when opened and online, and again once the document reaches the relay (not when
  // its socket drops: that happens first when the network goes away).
  createEffect(
    on([open, online, docSynced], ([isOpen, isOnline, synced], prev) => {
      const dropped = prev !== undefined && prev[2] && !synced
      if (isOpen && isOnline && !dropped) enqueue(load)
    }),
  )

  /** Records the agencies in the index entry, so the "shared with my agency" filter finds it. */
  const recordInIndex = (grants: readonly Grant[]) => {
    const current = entry()
    if (!current) return
    const sharedWith = agencyGrants(grants, owner())
    if ([...current.sharedWith].sort().join('\n') === sharedWith.join('\n')) return
    try {
      updateEntry(sync.workspace.doc, documentId, { sharedWith })
    } catch (err) {
      if (!(err instanceof ModelError)) throw err
      setProblem({ key: 'share.error.failed', params: { message: err.message } })
    }
  }

  const apply = async (agencyId: string, choice: Choice) => {
    const body = { documentId, subjectKind: 'agency', subjectId: agencyId }
    try {
      const r =
        choice === 'none'
          ? await sync.tokens.api<{ grants: Grant[] }>('/api/grants/revoke', body)
          : await sync.tokens.api<{ grants: Grant[] }>('/api/grants', { ...body, level: choice })
      setList((l) => ({ ownerAgencyId: l?.ownerAgencyId ?? owner() ?? null, grants: r.grants }))
      setProblem(null)
      setSaved({ agencyId, choice })
      recordInIndex(r.grants)
    } catch (err) {
      setSaved(null)
      setProblem(describe(err, 'share.error.forbidden'))
    } finally {
      // The select shows the relay's answer again (or what was chosen after this change).
      setChosen((c) => {
        if (c[agencyId] !== choice) return c
        const rest = { ...c }
        delete rest[agencyId]
        return rest
      })
    }
  }
  const change = (agencyId: string, choice: Choice) => {
    setChosen((c) => ({ ...c, [agencyId]: choice }))
    setSaved(null)
    enqueue(() => apply(agencyId, choice))
  }

  const bodyId = `share-body-${documentId}`
  const hintId = `share-hint-${documentId}`
  return (
    <section
      class="sa-screen sa-panel share-panel"
      aria-labelledby={`share-toggle-${documentId}`}
      data-testid="share-panel"
    >
      <h2>
        <button
          type="button"
          id={`share-toggle-${documentId}`}
          class="secondary"
          aria-expanded={open()}
          aria-controls={bodyId}
          onClick={() => setOpen((o) => !o)}
          data-testid="share-toggle"
        >
          {t('share.toggle', {
            summary:
              sharedCount() === 0
                ? t('share.summary.none')
                : t('share.summary.count', { count: sharedCount() }),
          })}
        </button>
      </h2>
      <div id={bodyId} hidden={!open()}>
        <Show
          when={mayChange()}
          fallback={
            <Show when={owner()}>
              {(o) => (
                <p class="sa-muted" data-testid="share-readonly">
                  {ownAgency()
                    ? t('share.readOnly.observer')
                    : t('share.readOnly.otherAgency', { agency: agencyName(o()) })}
                </p>
              )}
            </Show>
          }
        >
          <p id={hintId} class="sa-muted">
            {t('share.hint')}
          </p>
        </Show>
        <Show when={!online()}>
          <p class="sa-warning" data-testid="share-offline">
            {t('share.offline')}
          </p>
        </Show>
        <Show when={online() || problem()?.key !== 'share.error.unreachable' ? problem() : null}>
          {(p) => (
            <div class="sa-alert" role="alert" data-testid="share-error">
              <p>{t(p().key, p().params)}</p>
              <Show when={online() && list() === null}>
                <div class="actions">
                  <button type="button" disabled={loading()} onClick={() => enqueue(load)}>
                    {t('share.retry')}
                  </button>
                </div>
              </Show>
            </div>
          )}
        </Show>
        <Show
          when={list()}
          fallback={
            <Show
              when={loading()}
              fallback={
                <p data-testid="share-from-index">
                  {(entry()?.sharedWith ?? []).length === 0
                    ? t('share.fromIndexNone')
                    : t('share.fromIndex', {
                        agencies: (entry()?.sharedWith ?? []).map(agencyName).join(', '),
                      })}
                </p>
              }
            >
              <p class="sa-muted">{t('common.loading')}</p>
            </Show>
          }
        >
          <Show when={others().length > 0} fallback={<p>{t('share.noAgencies')}</p>}>
            <ul class="sa-list">
              <For each={others()}>
                {(agency) => {
                  const selectId = `share-${documentId}-${agency.id}`
                  return (
                    <li class="admin-row">
                      <label for={selectId} class="admin-row-title">
                        {agency.name}
                      </label>
                      <p class="sa-muted">{t(`agencyType.${agency.type}`)}</p>
                      <select
                        id={selectId}
                        value={level(agency.id)}
                        disabled={!mayChange() || !online()}
                        aria-describedby={mayChange() ? hintId : undefined}
                        aria-busy={chosen()[agency.id] !== undefined}
                        onChange={(e) => change(agency.id, e.currentTarget.value as Choice)}
                        data-testid={`share-${agency.id}`}
                        data-level={level(agency.id)}
                      >
                        <For each={CHOICES}>
                          {(c) => (
                            <option value={c} selected={c === level(agency.id)}>
                              {t(`share.level.${c}`)}
                            </option>
                          )}
                        </For>
                      </select>
                    </li>
                  )
                }}
              </For>
            </ul>
          </Show>
        </Show>
        <p class="sa-notice" role="status" data-testid="share-status">
          <Show when={saved()}>
            {(s) =>
              t('share.saved', {
                agency: agencyName(s().agencyId),
                level: t(`share.level.${s().choice}`),
              })
            }
          </Show>
        </p>
      </div>
    </section>
  )
}
