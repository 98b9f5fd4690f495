import { A } from '@solidjs/router'
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
} from 'solid-js'
import { DOCUMENT_SCHEMA_VERSION, type DocumentMeta, readMeta } from '../../model/index.ts'
import { ensurePlan, PLAN_TEXT_FIELDS, type PlanTextField, planText } from '../../model/plan.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'
import type { Presence } from '../../sync/presence.ts'
import { DocStatusLine, ReadOnlyNotice } from '../components/doc-status-line.tsx'
import { DocumentRoute } from '../components/document-route.tsx'
import { EditingMarker, editorsIn, PresenceList } from '../components/presence-list.tsx'
import { SharePanel } from '../components/share-panel.tsx'
import { TextFieldEditor } from '../components/text-field.tsx'
import type { MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument, createPresence, readOrNull } from '../state/create-open-document.ts'
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
  const { t } = useI18n()
  const ws = useWorkspace()
  const kindOf = (id: string) => ws.entries().find((e) => e.id === id)?.kind
  return (
    <DocumentRoute
      invalid={
        <section class="screen document-screen">
          <p class="notice">{t('document.invalidId')}</p>
          <A href="/documents">{t('document.back')}</A>
        </section>
      }
    >
      {(id) => (
        <Show when={kindOf(id) === 'referral'} fallback={<OpenDocument id={id} />}>
          <ReferralScreen id={id} />
        </Show>
      )}
    </DocumentRoute>
  )
}

/** How often to look again for a structure that is expected from the relay. */
const STRUCTURE_POLL_MS = 1500

const OpenDocument = (props: { id: string }) => {
  const id = props.id
  const { t, formatDate } = useI18n()
  const ws = useWorkspace()
  const open = createOpenDocument(id)
  const { conn, ready, status } = open

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
  const presence = createPresence(open)

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
      <ReadOnlyNotice
        status={status()}
        observer={observer()}
        observerText="document.readOnly.observer"
      />
      <PresenceList
        peers={presence.peers()}
        headingId="presence-heading"
        fieldLabel={(f) => (isPlanField(f) ? `document.field.${f}` : undefined)}
      />
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

const PlanEditor = (props: {
  conn: DocConnection
  readOnly: boolean
  peers: Presence[]
  onFocusField: (field: string | null) => void
}) => {
  const { t } = useI18n()
  return (
    <For each={SECTIONS}>
      {(section, i) => (
        <section class="plan-section" aria-labelledby={`plan-section-${i()}`}>
          <h2 id={`plan-section-${i()}`}>{t(section.heading)}</h2>
          <For each={section.fields}>
            {(f) => {
              const field = readOrNull(() => planText(props.conn.doc, f))
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
                        <EditingMarker names={editorsIn(props.peers, f)} testId={`editing-${f}`} />
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
