import { A } from '@solidjs/router'
import {
  createEffect,
  createMemo,
  createSignal,
  Match,
  onCleanup,
  Show,
  Switch,
  untrack,
} from 'solid-js'
import {
  type Actor,
  hasMediation,
  type Mediation,
  mediationSummary,
  ModelError,
  observeMediation,
  readMediation,
  readMeta,
  setSummary,
} from '../../model/index.ts'
import { DocumentGate } from '../components/document-gate.tsx'
import { DocStatusLine, ReadOnlyNotice } from '../components/doc-status-line.tsx'
import type { MediationPanelProps } from '../components/mediation-common.tsx'
import { MediationDecision } from '../components/mediation-decision.tsx'
import { MediationFacts } from '../components/mediation-facts.tsx'
import { MediationPositions } from '../components/mediation-positions.tsx'
import { MediationRecords } from '../components/mediation-records.tsx'
import { MediationStage } from '../components/mediation-stage.tsx'
import { PresenceList } from '../components/presence-list.tsx'
import { createNow } from '../components/referral-common.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument, createPresence, readOrNull } from '../state/create-open-document.ts'
import {
  grantMediatorOnSources,
  releaseMediatorOnSources,
  shareMediation,
} from '../state/mediation-state.ts'
import { useSync } from '../state/session.tsx'
import { createSummaryCache } from '../state/create-summary-cache.ts'
import { createHolidayCalendar } from '../state/holiday-calendar.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { documents } from '../i18n/messages/documents.ts'
import { mediation } from '../i18n/messages/mediation.ts'
import { openDocument } from '../i18n/messages/document.ts'
import { referrals } from '../i18n/messages/referrals.ts'

registerMessages(documents, mediation, openDocument, referrals)

/**
 * `/documents/:id` for a mediation log: parties and mediator, the records it concerns, stage and
 * deadline, positions, sessions, proposals, the decision and its application to the disputed
 * field, actions, outcome and learning points. Only the parties and the mediator can open it:
 * the relay refuses everyone else (MD13).
 */
export default function MediationScreen(props: { id: string }) {
  const id = props.id
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const open = createOpenDocument(id)
  const { conn, ready, status } = open
  const now = createNow()

  const [version, setVersion] = createSignal(0)
  onCleanup(observeMediation(conn.doc, () => setVersion((v) => v + 1)))
  // Deadlines skip the workspace's public holidays (W7, MD6): the log is read once they are here.
  const holidays = createHolidayCalendar(sync)
  const read = (at: Date): Mediation | undefined => {
    const calendar = holidays()
    return calendar && hasMediation(conn.doc)
      ? (readOrNull(() => readMediation(conn.doc, at, calendar)) ?? undefined)
      : undefined
  }
  const mediation = createMemo(() => (version(), ready() ? read(now()) : undefined))
  const meta = createMemo(() => (version(), ready() ? readMeta(conn.doc) : undefined))

  const entry = createMemo(() => ws.entries().find((e) => e.id === id))
  const member = () => ws.me()
  const actor = createMemo((): Actor | undefined => {
    const m = member()
    return m ? { memberId: m.id, agencyId: m.agencyId } : undefined
  })
  const observer = () => member()?.role === 'observer'
  const readOnly = () =>
    !member() || observer() || status().readOnly || status().state === 'refused'
  const isMediator = () => {
    const m = mediation()
    const me = actor()
    return !!m && !!me && m.mediator.memberId === me.memberId && m.mediator.agencyId === me.agencyId
  }
  const isParty = () =>
    !isMediator() && !!mediation()?.parties.some((p) => p.agencyId === actor()?.agencyId)

  // The summary is a cache of the log (I7, MD15): refreshed after my writes and whenever the log
  // is in step with the relay, so a stale copy opened offline never overwrites a newer one.
  const refresh = (m: Mediation) => {
    if (!member() || observer()) return
    try {
      setSummary(sync.workspace.doc, id, mediationSummary(m))
    } catch (err) {
      if (!(err instanceof ModelError)) throw err
    }
  }
  createSummaryCache({
    sync,
    id,
    current: () => (member() ? mediation() : undefined),
    status,
    refresh,
  })
  const onWrite = () => {
    const m = read(new Date())
    if (m) refresh(m)
  }

  // MD13: the owner's device keeps the log shared with every party and the mediator (a party
  // added later included); the owner of a linked source document lets the mediator write there.
  const grantsKey = createMemo(() => {
    const m = mediation()
    if (!m || status().state !== 'synced') return ''
    return JSON.stringify([m.parties.map((p) => p.agencyId).sort(), m.links, m.closed])
  })
  createEffect(() => {
    if (grantsKey() === '') return
    untrack(() => {
      const m = mediation()
      const me = member()
      if (!m || !me || me.role === 'observer') return
      if (entry()?.ownerAgencyId === me.agencyId) shareMediation(sync, m, me.agencyId)
      grantMediatorOnSources(sync, m, me)
      releaseMediatorOnSources(sync, m, me)
    })
  })

  const presence = createPresence(open)

  return (
    <article class="screen document-screen mediation-screen" aria-labelledby="mediation-title">
      <A href="/mediation" class="back-link">
        {t('mediation.back')}
      </A>
      <h1 id="mediation-title" data-testid="mediation-title">
        {entry()?.title ?? t('kind.mediation')}
      </h1>
      <p class="document-meta">
        <span class="kind-label">{t('kind.mediation')}</span>
      </p>
      <DocStatusLine status={status()} forbidden="mediation.refused.forbidden" />
      <ReadOnlyNotice
        status={status()}
        observer={observer()}
        observerText="mediation.readOnly.observer"
      />
      <PresenceList
        peers={presence.peers()}
        headingId="mediation-presence"
        fieldLabel={() => undefined}
      />

      <DocumentGate
        kind="mediation"
        ready={ready()}
        meta={meta()}
        refused={status().state === 'refused'}
      >
        <Switch>
          <Match when={!mediation()}>
            <p class="empty-state" data-testid="mediation-waiting">
              {t('document.waiting')}
            </p>
          </Match>
          <Match when={mediation() && actor()}>
            {(me) => {
              const panel: MediationPanelProps = {
                conn,
                mediation: () => mediation() as Mediation,
                me: me(),
                get mediator() {
                  return isMediator()
                },
                get party() {
                  return isParty()
                },
                get readOnly() {
                  return readOnly()
                },
                onWrite,
              }
              return (
                <>
                  <Show when={isMediator()}>
                    <p class="notice md-role" data-testid="mediation-role-mediator">
                      {t('mediation.role.mediator')}
                    </p>
                  </Show>
                  <MediationFacts {...panel} />
                  <MediationStage {...panel} />
                  <MediationPositions {...panel} />
                  <MediationRecords {...panel} kind="sessions" />
                  <MediationRecords {...panel} kind="proposals" />
                  <MediationDecision {...panel} />
                  <MediationRecords {...panel} kind="actions" />
                  <MediationRecords {...panel} kind="learningPoints" />
                </>
              )
            }}
          </Match>
          <Match when={true}>
            <p class="empty-state">{t('referrals.noMembership')}</p>
          </Match>
        </Switch>
      </DocumentGate>
    </article>
  )
}
