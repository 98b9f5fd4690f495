import { A, useParams } from '@solidjs/router'
import {
  createEffect,
  createMemo,
  createSignal,
  For,
  lazy,
  Match,
  onCleanup,
  Show,
  Switch,
  untrack,
} from 'solid-js'
import {
  DOCUMENT_SCHEMA_VERSION,
  type DocumentMeta,
  ModelError,
  readMeta,
} from '../../model/index.ts'
import { ensurePlan, PLAN_TEXT_FIELDS, type PlanTextField, planText } from '../../model/plan.ts'
import type { DocConnection, DocStatus } from '../../sync/doc-connection.ts'
import { type Presence, PresenceChannel } from '../../sync/presence.ts'
import { CLOSE, isValidId } from '../../sync/protocol.ts'
import { SharePanel } from '../components/share-panel.tsx'
import { TextFieldEditor } from '../components/text-field.tsx'
import type { MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createDocStatus } from '../state/create-sync-status.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-b.css'

const SECTIONS: { heading: MessageKey; fields: PlanTextField[] }[] = [
  {
    heading: 'document.section.situation',
    fields: ['situation.causes', 'situation.resources', 'situation.limitations'],
  },
  { heading: 'document.section.goal', fields: ['goal.family', 'goal.professional'] },
]

const HINTS: Partial<Record<PlanTextField, MessageKey>> = {
  'goal.family': 'document.hint.goal.family',
}

const isPlanField = (f: string | null): f is PlanTextField =>
  (PLAN_TEXT_FIELDS as readonly (string | null)[]).includes(f)

/** A referral agreement has its own editor (loaded when one is opened). */
const ReferralScreen = lazy(() => import('./referral.tsx'))

/** `/documents/:id`: one document, opened from this device's storage first. */
export default function DocumentScreen() {
  const params = useParams()
  const { t } = useI18n()
  const ws = useWorkspace()
  const kindOf = (id: string) => ws.entries().find((e) => e.id === id)?.kind
  return (
    <Show when={params.id} keyed>
      {(id) => (
        <Show
          when={isValidId(id)}
          fallback={
            <section class="screen document-screen">
              <p class="notice">{t('document.invalidId')}</p>
              <A href="/documents">{t('document.back')}</A>
            </section>
          }
        >
          <Show when={kindOf(id) === 'referral'} fallback={<OpenDocument id={id} />}>
            <ReferralScreen id={id} />
          </Show>
        </Show>
      )}
    </Show>
  )
}

/** How often to look again for a structure that is expected from the relay. */
const STRUCTURE_POLL_MS = 1500

const OpenDocument = (props: { id: string }) => {
  const id = props.id
  const { t, formatDate } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const conn = sync.acquire(id)
  onCleanup(() => sync.release(id))
  const status = createDocStatus(conn)

  const [ready, setReady] = createSignal(false)
  let disposed = false
  onCleanup(() => (disposed = true))
  void conn.ready.then(() => !disposed && setReady(true))

  const entry = createMemo(() => ws.entries().find((e) => e.id === id))
  const me = createMemo(() => ws.me())
  const observer = () => me()?.role === 'observer'

  // The structure is read again whenever anything may have brought it: storage loaded, a sync
  // with the relay, or a poll while it is awaited from another device.
  const [recheck, setRecheck] = createSignal(0)
  const [error, setError] = createSignal<string | null>(null)
  const meta = createMemo<DocumentMeta | undefined>(
    () => {
      recheck()
      status()
      return ready() ? readMeta(conn.doc) : undefined
    },
    undefined,
    { equals: (a, b) => a?.kind === b?.kind && a?.schemaVersion === b?.schemaVersion },
  )

  // A plan without structure gets it here only on a device of its owner agency (the creator's
  // device normally did it already). Genesis is deterministic, so a second device doing it
  // before it synced converges with the relay's copy. Other agencies, observers and read-only
  // members wait for the relay instead of writing a change they could never have confirmed.
  createEffect(() => {
    if (!ready() || meta()) return
    const e = entry()
    const m = me()
    if (e?.kind !== 'plan' || !m || m.role === 'observer' || e.ownerAgencyId !== m.agencyId) {
      const timer = setInterval(() => setRecheck((n) => n + 1), STRUCTURE_POLL_MS)
      onCleanup(() => clearInterval(timer))
      return
    }
    try {
      ensurePlan(conn.doc)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
    setRecheck((n) => n + 1)
  })

  const readOnly = () => observer() || status().readOnly || status().state === 'refused'
  const presence = createPresence(conn, ready)

  return (
    <article class="screen document-screen" aria-labelledby="document-title">
      <A href="/documents" class="back-link">
        {t('document.back')}
      </A>
      <h1 id="document-title" data-testid="document-title">
        {entry()?.title ?? t('document.untitled')}
      </h1>
      <Show when={entry()}>
        {(e) => (
          <p class="document-meta">
            <span class="kind-label">{t(`kind.${e().kind}`)}</span>
            <span>
              {t('documents.entry.ownedBy', {
                agency: ws.agency(e().ownerAgencyId)?.name ?? e().ownerAgencyId,
              })}
            </span>
            <span>
              <time datetime={e().createdAt}>
                {t('documents.entry.created', { date: formatDate(e().createdAt) })}
              </time>
            </span>
          </p>
        )}
      </Show>
      <SharePanel documentId={id} />
      <DocStatusLine status={status()} />
      <Show when={status().state !== 'refused' && (observer() || status().readOnly)}>
        <p class="notice" data-testid="document-readonly">
          {observer() ? t('document.readOnly.observer') : t('document.readOnly.grant')}
        </p>
      </Show>
      <PresenceList peers={presence.peers()} />
      <Show when={error()}>
        <p class="field-error" role="alert">
          {t('error.generic', { message: error() ?? '' })}
        </p>
      </Show>

      <Switch>
        <Match when={!ready()}>
          <p class="empty-state">{t('document.loading')}</p>
        </Match>
        <Match when={meta()?.kind === 'plan' && meta()}>
          {(m) => (
            <Show
              when={m().schemaVersion <= DOCUMENT_SCHEMA_VERSION}
              fallback={<p class="notice">{t('document.schemaTooNew')}</p>}
            >
              <PlanEditor
                conn={conn}
                readOnly={readOnly()}
                peers={presence.peers()}
                onFocusField={presence.setField}
              />
            </Show>
          )}
        </Match>
        <Match when={meta()}>
          <p class="notice">{t('document.wrongKind')}</p>
        </Match>
        <Match when={status().state === 'refused'}>{null}</Match>
        <Match when={!entry()}>
          <div class="empty-state" data-testid="document-not-here">
            <p>{t('document.notHere')}</p>
            <p>{t('document.notHereHint')}</p>
          </div>
        </Match>
        <Match when={true}>
          <p class="empty-state" data-testid="document-waiting">
            {t('document.waiting')}
          </p>
        </Match>
      </Switch>
    </article>
  )
}

/**
 * Who else has this document open and in which field. The channel exists once the relay
 * connection does (after local storage loaded) and is rebuilt if my display name arrives later.
 */
const createPresence = (conn: DocConnection, ready: () => boolean) => {
  const sync = useSync()
  const ws = useWorkspace()
  const [peers, setPeers] = createSignal<Presence[]>([])
  const [field, setFieldSignal] = createSignal<string | null>(null)
  let channel: PresenceChannel | null = null
  const name = createMemo(() => ws.me()?.displayName ?? sync.session.memberId)

  createEffect(() => {
    const provider = ready() ? conn.provider : null
    if (!provider) return
    const ch = new PresenceChannel(provider.awareness, {
      memberId: sync.session.memberId,
      name: name(),
    })
    channel = ch
    const current = untrack(field)
    if (current !== null) ch.setField(current)
    setPeers(ch.peers())
    const off = ch.onChange(() => setPeers(ch.peers()))
    onCleanup(() => {
      off()
      ch.destroy()
      // Leave no "editing" marker behind if the connection outlives this screen.
      ch.setField(null)
      channel = null
    })
  })

  return {
    peers,
    setField: (f: string | null) => {
      setFieldSignal(f)
      channel?.setField(f)
    },
  }
}

const DocStatusLine = (props: { status: DocStatus }) => {
  const { t } = useI18n()
  const refusal = (): string => {
    const code = props.status.refusal?.code ?? 0
    if (code === CLOSE.FORBIDDEN) return t('document.refused.forbidden')
    if (code === CLOSE.REVOKED) return t('document.refused.revoked')
    if (code === CLOSE.BAD_ROOM) return t('document.refused.badRoom')
    if (code === CLOSE.TOO_LARGE) return t('document.refused.tooLarge')
    return t('document.refused.other', { code: String(code) })
  }
  return (
    <div
      class="doc-status"
      data-state={props.status.state}
      data-testid="doc-status"
      aria-label={t('document.status.label')}
      role="group"
    >
      <span class="sync-dot" aria-hidden="true" />
      <Show
        when={props.status.state === 'refused'}
        fallback={<span data-testid="doc-state">{t(`status.${props.status.state}`)}</span>}
      >
        <strong role="alert" data-testid="doc-refused">
          {refusal()}
        </strong>
      </Show>
      <Show when={props.status.pending > 0}>
        <span class="doc-pending" data-testid="doc-pending" data-count={props.status.pending}>
          {t('status.pending', { count: props.status.pending })}
        </span>
      </Show>
    </div>
  )
}

const PresenceList = (props: { peers: Presence[] }) => {
  const { t } = useI18n()
  return (
    <Show when={props.peers.length > 0}>
      <div class="presence" data-testid="presence">
        <h2 id="presence-heading" class="presence-heading">
          {t('document.presence.label')}
        </h2>
        <ul aria-labelledby="presence-heading">
          <For each={props.peers}>
            {(p) => (
              <li data-testid="presence-peer">
                {isPlanField(p.field)
                  ? t('document.presence.inField', {
                      name: p.name,
                      field: t(`document.field.${p.field}`),
                    })
                  : t('document.presence.reading', { name: p.name })}
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  )
}

const PlanEditor = (props: {
  conn: DocConnection
  readOnly: boolean
  peers: Presence[]
  onFocusField: (field: string | null) => void
}) => {
  const { t, locale } = useI18n()
  const editorsOf = (f: PlanTextField) => [
    ...new Set(props.peers.filter((p) => p.field === f).map((p) => p.name)),
  ]
  const names = (list: string[]) =>
    new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(list)
  return (
    <For each={SECTIONS}>
      {(section, i) => (
        <section class="plan-section" aria-labelledby={`plan-section-${i()}`}>
          <h2 id={`plan-section-${i()}`}>{t(section.heading)}</h2>
          <For each={section.fields}>
            {(f) => {
              const field = (() => {
                try {
                  return planText(props.conn.doc, f)
                } catch (err) {
                  if (err instanceof ModelError) return null
                  throw err
                }
              })()
              const editors = () => editorsOf(f)
              return (
                <Show when={field}>
                  {(tf) => (
                    <TextFieldEditor
                      id={`plan-${f.replace('.', '-')}`}
                      field={tf()}
                      label={t(`document.field.${f}`)}
                      hint={HINTS[f] ? t(HINTS[f]) : undefined}
                      readOnly={props.readOnly}
                      testId={`field-${f}`}
                      onFocusChange={(on) => props.onFocusField(on ? f : null)}
                      aside={
                        <Show when={editors().length > 0}>
                          <span class="editing-marker" data-testid={`editing-${f}`}>
                            {t('document.editing', {
                              count: editors().length,
                              names: names(editors()),
                            })}
                          </span>
                        </Show>
                      }
                    />
                  )}
                </Show>
              )
            }}
          </For>
        </section>
      )}
    </For>
  )
}
