import { A } from '@solidjs/router'
import {
  createEffect,
  createMemo,
  createSignal,
  lazy,
  Match,
  onCleanup,
  Show,
  Switch,
} from 'solid-js'
import {
  DOCUMENT_SCHEMA_VERSION,
  type DocumentKind,
  type DocumentMeta,
  readMeta,
} from '../../model/index.ts'
import { DocStatusLine } from '../components/doc-status-line.tsx'
import { DocumentRoute } from '../components/document-route.tsx'
import { HistoryLink } from '../components/history-link.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { openDocument } from '../i18n/messages/document.ts'
import { createOpenDocument } from '../state/create-open-document.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-b.css'

registerMessages(openDocument)

/** A referral agreement has its own editor (loaded when one is opened). */
const ReferralScreen = lazy(() => import('./referral.tsx'))
/** So has a family team meeting plan. */
const PlanScreen = lazy(() => import('./plan.tsx'))
/** And a mediation log. */
const MediationScreen = lazy(() => import('./mediation.tsx'))

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
        <>
          <Show when={kindOf(id)} fallback={<UnlistedDocument id={id} />}>
            {(kind) => <KindScreen kind={kind()} id={id} />}
          </Show>
          <p class="history-link">
            <HistoryLink documentId={id} />
          </p>
        </>
      )}
    </DocumentRoute>
  )
}

/** Each kind of document has its own screen, loaded when one is opened. */
const KindScreen = (props: { kind: DocumentKind; id: string }) => (
  <Switch>
    <Match when={props.kind === 'referral'}>
      <ReferralScreen id={props.id} />
    </Match>
    <Match when={props.kind === 'plan'}>
      <PlanScreen id={props.id} />
    </Match>
    <Match when={props.kind === 'mediation'}>
      <MediationScreen id={props.id} />
    </Match>
  </Switch>
)

/** How often to look again for a structure that is expected from the relay. */
const STRUCTURE_POLL_MS = 1500

/**
 * A document the partnership's index does not list (yet): opened by a link before the index
 * synced, or created on another device. Its own envelope names its kind once storage or the
 * relay brings it; until then this says what it is waiting for.
 */
const UnlistedDocument = (props: { id: string }) => {
  const id = props.id
  const { t } = useI18n()
  const { conn, ready, status } = createOpenDocument(id)
  const [recheck, setRecheck] = createSignal(0)
  const meta = createMemo<DocumentMeta | undefined>(
    () => {
      recheck()
      status()
      return ready() ? readMeta(conn.doc) : undefined
    },
    undefined,
    { equals: (a, b) => a?.kind === b?.kind && a?.schemaVersion === b?.schemaVersion },
  )
  createEffect(() => {
    if (!ready() || meta()) return
    const timer = setInterval(() => setRecheck((n) => n + 1), STRUCTURE_POLL_MS)
    onCleanup(() => clearInterval(timer))
  })

  return (
    <Show
      when={meta()}
      fallback={
        <article class="screen document-screen" aria-labelledby="document-title">
          <A href="/documents" class="back-link">
            {t('document.back')}
          </A>
          <h1 id="document-title" data-testid="document-title">
            {t('document.untitled')}
          </h1>
          <DocStatusLine status={status()} />
          <Switch>
            <Match when={!ready()}>
              <p class="empty-state">{t('document.loading')}</p>
            </Match>
            <Match when={status().state === 'refused'}>{null}</Match>
            <Match when={status().state === 'offline'}>
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
      }
    >
      {(m) => (
        <Show
          when={m().schemaVersion <= DOCUMENT_SCHEMA_VERSION}
          fallback={<p class="notice">{t('document.schemaTooNew')}</p>}
        >
          <KindScreen kind={m().kind} id={id} />
        </Show>
      )}
    </Show>
  )
}
