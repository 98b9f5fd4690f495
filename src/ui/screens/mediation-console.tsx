import { A } from '@solidjs/router'
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import {
  type ConsoleRow,
  consoleItemsFromSummaries,
  type DisputeOnConsole,
  disputesNotInMediation,
  hasMediation,
  observeMediation,
  readMediation,
  supervisorConsole,
} from '../../model/index.ts'
import { stageName, TimeLeftText, useMediationFormat } from '../components/mediation-common.tsx'
import { SendToMediation } from '../components/mediation-field.tsx'
import { Attributed, createNow } from '../components/referral-common.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument, readOrNull } from '../state/create-open-document.ts'
import { createSummaries } from '../state/mediation-state.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { documents } from '../i18n/messages/documents.ts'
import { mediation } from '../i18n/messages/mediation.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(documents, mediation, referral)

/**
 * `/mediation`, the supervisor's console (MD16, MD17), from the workspace's summaries alone:
 * open mediations by stage, breached deadlines first; disputes not yet in mediation, each with
 * its candidates and "open mediation"; and the mediations closed in the last 30 days with their
 * learning points. Everyone may look; the logs themselves open only for their parties and mediator.
 */
export default function MediationConsole() {
  const { t, formatNumber } = useI18n()
  const sync = useSync()
  const summaries = createSummaries(sync)
  const now = createNow()
  const board = createMemo(() => supervisorConsole(consoleItemsFromSummaries(summaries()), now()))
  const disputes = createMemo(() => disputesNotInMediation(summaries()))
  const openCount = () => board().open.reduce((n, s) => n + s.rows.length, 0)
  return (
    <section class="screen mediation-console" aria-labelledby="console-heading">
      <h1 id="console-heading">{t('mediation.console.heading')}</h1>
      <p class="field-hint">{t('mediation.console.lead')}</p>

      <section aria-labelledby="console-disputes" class="md-panel">
        <h2 id="console-disputes">
          {t('mediation.console.disputes')}{' '}
          <span
            class="md-count"
            data-testid="console-disputes-count"
            data-count={disputes().length}
          >
            {formatNumber(disputes().length)}
          </span>
        </h2>
        <ul class="md-list" data-testid="console-disputes">
          <For
            each={disputes()}
            fallback={<li class="md-muted">{t('mediation.console.noDisputes')}</li>}
          >
            {(d) => <DisputeRow dispute={d} />}
          </For>
        </ul>
      </section>

      <section aria-labelledby="console-open" class="md-panel">
        <h2 id="console-open">
          {t('mediation.console.open')}{' '}
          <span class="md-count" data-testid="console-open-count" data-count={openCount()}>
            {formatNumber(openCount())}
          </span>
        </h2>
        <For each={board().open}>
          {(group) => (
            <Show when={group.rows.length > 0}>
              <h3>
                {t('mediation.stage.current', { stage: group.stage })} {t(stageName(group.stage))}
              </h3>
              <ul class="md-list" data-testid={`console-stage-${group.stage}`}>
                <For each={group.rows}>{(row) => <MediationRow row={row} />}</For>
              </ul>
            </Show>
          )}
        </For>
        <Show when={openCount() === 0}>
          <p class="md-muted">{t('mediation.console.noOpen')}</p>
        </Show>
      </section>

      <section aria-labelledby="console-closed" class="md-panel">
        <h2 id="console-closed">{t('mediation.console.closed')}</h2>
        <ul class="md-list" data-testid="console-closed">
          <For
            each={board().recentlyClosed}
            fallback={<li class="md-muted">{t('mediation.console.noClosed')}</li>}
          >
            {(row) => <MediationRow row={row} closed />}
          </For>
        </ul>
      </section>
    </section>
  )
}

const DisputeRow = (props: { dispute: DisputeOnConsole }) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const format = useMediationFormat()
  const d = () => props.dispute
  const entry = () => ws.entries().find((e) => e.id === d().documentId)
  return (
    <li
      class="md-row"
      data-testid="console-dispute"
      data-document={d().documentId}
      data-field={d().field}
    >
      <p>
        <strong>{format.fieldLabel(d().field)}</strong> —{' '}
        <A href={`/documents/${d().documentId}`}>
          {t(`mediation.linkKind.${d().linkKind}`)}: {entry()?.title ?? t('mediation.link.unknown')}
        </A>
      </p>
      <ul class="md-candidates">
        <For each={d().candidates}>
          {(c) => (
            <li data-testid="console-candidate">
              <strong>{format.valueLabel(d().field, c.value)}</strong>
              <br />
              <Attributed by={c} text="referral.by" class="rf-by" />
            </li>
          )}
        </For>
      </ul>
      <SendToMediation source={d()} testId={`console-dispute-${d().field.replace(/\./g, '-')}`} />
    </li>
  )
}

const MediationRow = (props: { row: ConsoleRow; closed?: boolean }) => {
  const { t, formatDateTime } = useI18n()
  const ws = useWorkspace()
  const format = useMediationFormat()
  const r = () => props.row
  const title = () => ws.entries().find((e) => e.id === r().id)?.title ?? t('kind.mediation')
  return (
    <li
      class="md-row"
      data-testid={props.closed ? 'console-closed-row' : 'console-mediation'}
      data-id={r().id}
      data-breached={r().breached}
    >
      <p>
        <A href={`/documents/${r().id}`} data-testid="console-mediation-link">
          {title()}
        </A>
        <Show when={r().digest.urgency === 'urgent'}>
          {' '}
          <strong class="badge">{t('mediation.urgency.urgent')}</strong>
        </Show>
      </p>
      <p class="md-muted">
        {r().digest.partyAgencyIds.map(format.agency).join(' · ')}
        <Show when={r().digest.category && r().digest.category !== 'disputed'}>
          {' — '}
          {t(`mediation.category.${r().digest.category as 'other'}`)}
        </Show>
      </p>
      <Show when={!props.closed && r().digest.deadline !== null && r().msLeft !== null}>
        <p>
          <TimeLeftText
            deadline={r().digest.deadline as string}
            msLeft={r().msLeft as number}
            testId="console-deadline"
          />
        </p>
      </Show>
      <Show when={props.closed}>
        <p>
          <Show when={r().digest.outcome && r().digest.outcome !== 'disputed'}>
            <strong class="badge">
              {t(`mediation.outcome.${r().digest.outcome as 'resolved'}`)}
            </strong>{' '}
          </Show>
          <Show when={r().digest.closedAt}>
            {(at) => <time datetime={at()}>{formatDateTime(at())}</time>}
          </Show>
        </p>
        <Show when={r().digest.learningPoints > 0}>
          <LearningPoints
            id={r().id}
            count={r().digest.learningPoints}
            partyAgencyIds={r().digest.partyAgencyIds}
          />
        </Show>
      </Show>
    </li>
  )
}

/**
 * A closed log's learning points: their text stays in the log (MD15), so it is read from the log
 * by those who may open it (its parties and the supervisor); others see how many there are.
 */
const LearningPoints = (props: { id: string; count: number; partyAgencyIds: string[] }) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const me = () => ws.me()
  const mayOpen = () =>
    me()?.role === 'supervisor' || props.partyAgencyIds.includes(me()?.agencyId ?? '')
  return (
    <Show
      when={mayOpen()}
      fallback={
        <p class="md-muted">{t('mediation.console.learningCount', { count: props.count })}</p>
      }
    >
      <LearningFromLog id={props.id} count={props.count} />
    </Show>
  )
}

const LearningFromLog = (props: { id: string; count: number }) => {
  const { t } = useI18n()
  const open = createOpenDocument(props.id)
  const [version, setVersion] = createSignal(0)
  onCleanup(observeMediation(open.conn.doc, () => setVersion((v) => v + 1)))
  const points = createMemo(() => {
    version()
    if (!open.ready() || !hasMediation(open.conn.doc)) return undefined
    return readOrNull(() => readMediation(open.conn.doc))?.learningPoints
  })
  return (
    <Show
      when={points()}
      fallback={
        <p class="md-muted">{t('mediation.console.learningCount', { count: props.count })}</p>
      }
    >
      {(list) => (
        <ul class="md-learning" data-testid="console-learning">
          <For each={list()}>{(p) => <li class="md-text">{p.text}</li>}</For>
        </ul>
      )}
    </Show>
  )
}
