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
  createPlan,
  ensurePlan,
  hasPlan,
  ModelError,
  observePlan,
  type Plan,
  readMeta,
  readPlan,
  type RoleActor,
  setSummary,
  withDisputes,
} from '../../model/index.ts'
import { isFamilyAuthor } from '../../model/plan-store.ts'
import { planSummary } from '../../model/plan-summary.ts'
import { DocumentGate } from '../components/document-gate.tsx'
import { PartBoundary } from '../components/part-boundary.tsx'
import { DocStatusLine, ReadOnlyNotice } from '../components/doc-status-line.tsx'
import { PLAN_TEXT_LABELS } from '../components/plan-labels.ts'
import { PresenceList } from '../components/presence-list.tsx'
import { PlanActionsSection } from '../components/plan-actions.tsx'
import { PlanAnalysis, PlanMainGoal } from '../components/plan-analysis.tsx'
import { PlanApproval } from '../components/plan-approval.tsx'
import { PlanCommitments } from '../components/plan-commitments.tsx'
import type { PlanCtx } from '../components/plan-common.tsx'
import { PlanDetails } from '../components/plan-details.tsx'
import { PlanMeetings } from '../components/plan-meetings.tsx'
import { PlanParticipants } from '../components/plan-participants.tsx'
import { PlanProblems } from '../components/plan-problems.tsx'
import { PlanReviews } from '../components/plan-reviews.tsx'
import { createNow } from '../components/referral-common.tsx'
import { SharePanel } from '../components/share-panel.tsx'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { useI18n } from '../i18n/i18n.tsx'
import { createOpenDocument, createPresence, readOrNull } from '../state/create-open-document.ts'
import { useSync } from '../state/session.tsx'
import { createSummaryCache } from '../state/create-summary-cache.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-b.css'
import { common } from '../i18n/messages/common.ts'
import { documents } from '../i18n/messages/documents.ts'
import { openDocument } from '../i18n/messages/document.ts'
import { plan } from '../i18n/messages/plan.ts'

registerMessages(common, documents, openDocument, plan)

/** How often to look again for a structure that is expected from the relay. */
const STRUCTURE_POLL_MS = 1500
/** The longest a change waits before the plan is read again. */
const READ_MS = 150

/** What the presence list says someone is in, by the field names the editor announces. */
const presenceLabel = (field: string | null): MessageKey | undefined => {
  if (field === null) return undefined
  const text = (PLAN_TEXT_LABELS as Record<string, MessageKey | undefined>)[field]
  if (text) return text
  const kind = field.split(':')[0]
  const byKind: Record<string, MessageKey> = {
    action: 'plan.presence.action',
    goal: 'plan.presence.goal',
    problem: 'plan.presence.problem',
    meeting: 'plan.presence.meeting',
  }
  return kind ? byKind[kind] : undefined
}

/**
 * `/documents/:id` for a family team meeting plan (kontrakt socjalny): every section, folding
 * away for a phone, editable by the plan's parties during the meeting, read-only for everyone
 * else. Opened from this device's storage first; works offline.
 */
export default function PlanScreen(props: { id: string }) {
  const id = props.id
  const { t, locale, formatDate } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const open = createOpenDocument(id)
  const { conn, ready, status } = open
  const now = createNow()

  // Read again after every transaction (FP25). My own changes to the plan's records are read at
  // once, so the next tap builds on them (two quick taps on the languages must not undo the
  // first); typing and remote changes at most every READ_MS: on a slow phone a whole read per
  // keystroke would make typing lag, and the texts need no re-read.
  const [version, setVersion] = createSignal(0)
  let readTimer: ReturnType<typeof setTimeout> | undefined
  const readNow = () => {
    clearTimeout(readTimer)
    readTimer = undefined
    setVersion((v) => v + 1)
  }
  onCleanup(
    observePlan(conn.doc, (change) => {
      if (change.local && !change.textOnly) return readNow()
      readTimer ??= setTimeout(readNow, READ_MS)
    }),
  )
  onCleanup(() => clearTimeout(readTimer))
  const [recheck, setRecheck] = createSignal(0)
  const [error, setError] = createSignal<string | null>(null)
  const meta = createMemo(() => {
    version()
    recheck()
    status()
    return ready() ? readMeta(conn.doc) : undefined
  })
  const plan = createMemo<Plan | undefined>(() => {
    version()
    recheck()
    if (!ready() || !hasPlan(conn.doc)) return undefined
    return readOrNull(() => readPlan(conn.doc, now())) ?? undefined
  })

  const entry = createMemo(() => ws.entries().find((e) => e.id === id))
  const member = () => ws.me()
  const observer = () => member()?.role === 'observer'
  const readOnly = () =>
    !member() || observer() || status().readOnly || status().state === 'refused'

  // The new-plan form writes genesis and header on the creator's device. Here, only for a plan
  // that lacks them (made by an older version), on a device of the owner agency once in step
  // with a relay that has none: a device that had not yet received the plan (the creator on a
  // new phone, say) would write a second header and status that never saw the real ones, and
  // the plan would open disputed. Everyone else waits for the relay.
  createEffect(() => {
    if (!ready() || plan()) return
    const e = entry()
    const m = member()
    const owner = e?.kind === 'plan' && m && m.role !== 'observer' && e.ownerAgencyId === m.agencyId
    if (!owner || status().state !== 'synced') {
      const timer = setInterval(() => setRecheck((n) => n + 1), STRUCTURE_POLL_MS)
      onCleanup(() => clearInterval(timer))
      return
    }
    untrack(() => {
      try {
        ensurePlan(conn.doc)
        if (!hasPlan(conn.doc)) {
          createPlan(
            conn.doc,
            { id, variant: 'family-team-plan', languages: [locale()] },
            { memberId: m.id, agencyId: m.agencyId },
          )
        }
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err))
      }
      setRecheck((n) => n + 1)
    })
  })

  // The workspace's summary is a cache of this plan (I7, FP28): refreshed after my writes and
  // whenever the plan is in step with the relay, so a stale offline copy never overwrites it.
  const refreshSummary = (p: Plan) => {
    const m = member()
    if (!m || m.role === 'observer' || status().readOnly) return
    try {
      setSummary(sync.workspace.doc, id, withDisputes(planSummary(p), conn.doc))
    } catch (err) {
      if (!(err instanceof ModelError)) throw err
    }
  }
  createSummaryCache({ sync, id, current: plan, status, refresh: refreshSummary })

  const presence = createPresence(open)
  const actor = createMemo((): RoleActor | undefined => {
    const m = member()
    return m ? { memberId: m.id, agencyId: m.agencyId, role: m.role } : undefined
  })

  const ctxFor = (me: RoleActor): PlanCtx => ({
    conn,
    documentId: id,
    plan: () => plan() as Plan,
    me,
    now,
    readOnly,
    party: () => plan()?.parties.includes(me.agencyId) ?? false,
    lead: () => plan()?.leadAgencyId === me.agencyId,
    familyAuthor: () => (version(), isFamilyAuthor(conn.doc, me)),
    peers: presence.peers,
    focus: presence.setField,
    onWrite: () => {
      const p = readOrNull(() => readPlan(conn.doc, new Date()))
      if (p) refreshSummary(p)
    },
  })

  return (
    <article class="screen document-screen plan-screen" aria-labelledby="document-title">
      <A href="/documents" class="back-link">
        {t('document.back')}
      </A>
      <h1 id="document-title" data-testid="document-title">
        {entry()?.title ?? t('document.untitled')}
      </h1>
      <Show when={entry()}>
        {(e) => (
          <p class="document-meta">
            <span class="kind-label">{t('kind.plan')}</span>
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
      <DocStatusLine status={status()} />
      <ReadOnlyNotice
        status={status()}
        observer={observer()}
        observerText="document.readOnly.observer"
      />
      <PresenceList
        peers={presence.peers()}
        headingId="presence-heading"
        fieldLabel={presenceLabel}
      />
      <Show when={error()}>
        <p class="field-error" role="alert">
          {t('error.generic', { message: error() ?? '' })}
        </p>
      </Show>

      <DocumentGate
        kind="plan"
        ready={ready()}
        meta={meta()}
        refused={status().state === 'refused'}
      >
        <Switch>
          <Match when={plan() && actor()}>{(me) => <PlanBody ctx={ctxFor(me())} id={id} />}</Match>
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
      </DocumentGate>
      <SharePanel documentId={id} />
    </article>
  )
}

const PlanBody = (props: { ctx: PlanCtx; id: string }) => {
  const { t } = useI18n()
  const ctx = props.ctx
  return (
    <>
      <Show when={!ctx.readOnly() && !ctx.party()}>
        <p class="notice" data-testid="plan-not-party">
          {t('plan.notParty')}
        </p>
      </Show>
      <nav class="plan-tools" aria-label={t('plan.tools.label')}>
        <A
          href={`/documents/${props.id}/print`}
          class="button secondary"
          data-testid="plan-print-link"
        >
          {t('plan.tools.print')}
        </A>
        <A href="/actions" class="button secondary">
          {t('plan.tools.myActions')}
        </A>
      </nav>
      <PartBoundary>
        <PlanDetails ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanParticipants ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanAnalysis ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanProblems ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanMainGoal ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanActionsSection ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanCommitments ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanMeetings ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanReviews ctx={ctx} />
      </PartBoundary>
      <PartBoundary>
        <PlanApproval ctx={ctx} />
      </PartBoundary>
    </>
  )
}
