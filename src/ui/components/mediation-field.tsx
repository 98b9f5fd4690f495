import { A, useNavigate } from '@solidjs/router'
import { createMemo, createSignal, onCleanup, Show } from 'solid-js'
import {
  linkKindOf,
  listDisputes,
  mediationsOfField,
  observeDecisions,
  readDecision,
} from '../../model/index.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { useSync } from '../state/session.tsx'
import {
  createSummaries,
  type DisputedSource,
  maySendToMediation,
  mediatorFor,
  openMediationOn,
} from '../state/mediation-state.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import { createMediationAction } from './mediation-common.tsx'
import { ProblemAlert } from './referral-common.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { mediation } from '../i18n/messages/mediation.ts'

registerMessages(mediation)

// Beside a decision field of any document (a referral's terms and status, a plan's action
// deadline, responsible or status): the way from a dispute to mediation and back.

/**
 * "Send to mediation" for a dispute, in one action, for its parties and supervisors; once an open
 * mediation links the field, a link to its log instead. `testId` names the field, e.g.
 * `dispute-respondBy`.
 */
export const SendToMediation = (props: { source: DisputedSource; testId: string }) => {
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const navigate = useNavigate()
  const summaries = createSummaries(sync)
  const action = createMediationAction()
  const [busy, setBusy] = createSignal(false)
  const open = createMemo(() =>
    mediationsOfField(summaries(), props.source.documentId, props.source.field),
  )
  const send = async () => {
    if (busy()) return
    setBusy(true)
    let id = ''
    const done = await action.runAsync(async () => {
      id = await openMediationOn(sync, ws, props.source, (n) => t('mediation.indexTitle', { n }))
    })
    setBusy(false)
    if (done) navigate(`/documents/${id}`)
  }
  return (
    <div class="md-send" data-testid={`${props.testId}-mediation`}>
      <Show
        when={open()[0]}
        fallback={
          <Show when={maySendToMediation(ws.me(), props.source)}>
            <Show
              when={mediatorFor(ws)}
              fallback={<p class="field-hint">{t('mediation.open.noSupervisor')}</p>}
            >
              <button
                type="button"
                class="secondary"
                disabled={busy()}
                onClick={() => void send()}
                data-testid={`${props.testId}-open-mediation`}
              >
                {t('mediation.open.action')}
              </button>
              <ProblemAlert problem={action.problem()} testId={`${props.testId}-mediation-error`} />
            </Show>
          </Show>
        }
      >
        {(id) => (
          <p>
            <strong class="badge">{t('mediation.open.inMediation')}</strong>{' '}
            <A href={`/documents/${id()}`} data-testid={`${props.testId}-mediation-link`}>
              {t('mediation.open.toLog')}
            </A>
          </p>
        )}
      </Show>
    </div>
  )
}

/** A decision field of an open document, renewed on every assertion, local or remote. */
const createDecision = (conn: DocConnection, field: string) => {
  const [version, setVersion] = createSignal(0)
  onCleanup(observeDecisions(conn.doc, () => setVersion((v) => v + 1)))
  return createMemo(() => (version(), readDecision(conn.doc, field)))
}

/** Once a mediation settled the field (MD12): its rationale and a link to the log. */
export const MediationDecided = (props: { conn: DocConnection; field: string; testId: string }) => {
  const { t } = useI18n()
  const state = createDecision(props.conn, props.field)
  const decided = createMemo(() => {
    const s = state()
    return s.state === 'settled' && s.by.note?.mediationId
      ? { mediationId: s.by.note.mediationId, rationale: s.by.note.rationale ?? '' }
      : undefined
  })
  return (
    <Show when={decided()}>
      {(m) => (
        <p class="md-decided" data-testid={`${props.testId}-decided`}>
          {t('mediation.decided.lead')} <q>{m().rationale}</q>{' '}
          <A href={`/documents/${m().mediationId}`} data-testid={`${props.testId}-decided-link`}>
            {t('mediation.decided.toLog')}
          </A>
        </p>
      )}
    </Show>
  )
}

/**
 * Under a decision field of an open document (e.g. a plan action's deadline): while disputed,
 * "send to mediation" or the link to its log; once settled by a mediation, its decision.
 */
export const MediationForField = (props: {
  conn: DocConnection
  documentId: string
  documentKind: string
  field: string
  testId: string
}) => {
  const state = createDecision(props.conn, props.field)
  const dispute = createMemo(() =>
    state().state === 'disputed'
      ? listDisputes(props.conn.doc).find((d) => d.field === props.field)
      : undefined,
  )
  return (
    <>
      <Show when={dispute()}>
        {(d) => (
          <SendToMediation
            source={{
              documentId: props.documentId,
              documentKind: props.documentKind,
              field: props.field,
              linkKind: linkKindOf(props.documentKind, props.field),
              candidates: d().candidates,
            }}
            testId={props.testId}
          />
        )}
      </Show>
      <MediationDecided conn={props.conn} field={props.field} testId={props.testId} />
    </>
  )
}
