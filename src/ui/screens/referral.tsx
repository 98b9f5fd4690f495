import { A } from '@solidjs/router'
import { createMemo, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js'
import {
  type Actor,
  type FieldState,
  getEntry,
  hasReferral,
  ModelError,
  observeReferral,
  readMeta,
  readReferral,
  type Referral,
  type ReferralDecisionField,
  REFERRAL_FIELDS,
  type ReferralTextField,
  referralText,
  setTerms,
  setSummary,
  type Side,
  type Terms,
  type TextField,
  updateEntry,
  updateReferral,
  type Urgency,
  withDisputes,
} from '../../model/index.ts'
import {
  agenciesToAct,
  digestAsSummary,
  overdueParts,
  referralDigest,
} from '../../model/referral-summary.ts'
import type { DocConnection } from '../../sync/doc-connection.ts'
import type { Presence } from '../../sync/presence.ts'
import { DocumentGate } from '../components/document-gate.tsx'
import { PartBoundary } from '../components/part-boundary.tsx'
import { DocStatusLine, ReadOnlyNotice } from '../components/doc-status-line.tsx'
import { EditingMarker, editorsIn, PresenceList } from '../components/presence-list.tsx'
import {
  createAction,
  createNow,
  Deadline,
  ProblemAlert,
  UrgencyField,
  useReferralFormat,
} from '../components/referral-common.tsx'
import { InputField } from '../components/form-fields.tsx'
import { MediationDecided } from '../components/mediation-field.tsx'
import { ReferralConsent } from '../components/referral-consent.tsx'
import type { DisputeCandidate } from '../components/dispute.tsx'
import { DisputedField } from '../components/referral-dispute.tsx'
import { ReferralExport } from '../components/referral-export.tsx'
import { ReferralHistory } from '../components/referral-history.tsx'
import { ReferralOutcome } from '../components/referral-outcome.tsx'
import type { ReferralPanelProps } from '../components/referral-panel.ts'
import { sideOf } from '../components/referral-panels-shared.tsx'
import { ReferralResponsibilities } from '../components/referral-responsibilities.tsx'
import { ReferralSignOffs } from '../components/referral-signoffs.tsx'
import { ReferralStatusBar } from '../components/referral-status-bar.tsx'
import { SharePanel } from '../components/share-panel.tsx'
import { TextFieldEditor } from '../components/text-field.tsx'
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
import { referral } from '../i18n/messages/referral.ts'
import { referrals } from '../i18n/messages/referrals.ts'
import { EraseField } from '../components/erase-field.tsx'

registerMessages(common, documents, openDocument, referral, referrals)

const TEXT_FIELDS: { field: ReferralTextField; label: MessageKey; presence: string }[] = [
  { field: 'reason', label: 'referral.field.reason', presence: 'reason' },
  { field: 'request', label: 'referral.field.request', presence: 'request' },
]

const PRESENCE_FIELDS: Record<string, MessageKey> = {
  reason: 'referral.field.reason',
  request: 'referral.field.request',
  'outcome.note': 'referral.field.outcomeNote',
}

/** How often the outbox is looked at while a grant for this referral waits in it. */
const GRANT_POLL_MS = 1500

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x))

/**
 * `/documents/:id` for a referral agreement: its parties and terms, the status bar, the
 * referrer's words, the outcome, the history and the panels for consent, responsibilities,
 * sign-offs and export. Opened from this device's storage first; works offline.
 */
export default function ReferralScreen(props: { id: string }) {
  const id = props.id
  const { t } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const format = useReferralFormat()
  const open = createOpenDocument(id)
  const { conn, ready, status } = open
  const now = createNow()

  // Every transaction that touched the referral, local or remote (RF22), reads it again.
  const [version, setVersion] = createSignal(0)
  onCleanup(observeReferral(conn.doc, () => setVersion((v) => v + 1)))
  const read = (at: Date): Referral | undefined => {
    if (!hasReferral(conn.doc)) return undefined
    // Half-arrived (parties before the genesis): wait for the rest.
    return readOrNull(() => readReferral(conn.doc, at)) ?? undefined
  }
  const referral = createMemo(() => {
    version()
    return ready() ? read(now()) : undefined
  })
  const meta = createMemo(() => (version(), ready() ? readMeta(conn.doc) : undefined))

  const entry = createMemo(() => ws.entries().find((e) => e.id === id))
  const member = () => ws.me()
  const actor = createMemo((): Actor | undefined => {
    const m = member()
    return m ? { memberId: m.id, agencyId: m.agencyId } : undefined
  })
  const side = (): Side | undefined => {
    const r = referral()
    const agencyId = member()?.agencyId
    if (!r || agencyId === undefined) return undefined
    return sideOf(r, agencyId)
  }
  const observer = () => member()?.role === 'observer'
  const readOnly = () =>
    !member() || observer() || status().readOnly || status().state === 'refused'
  const mayResolve = () => !readOnly() && (side() !== undefined || member()?.role === 'supervisor')

  // The workspace's summary and the index entry's "needs action" are caches of this document
  // (I7): refreshed after each of my writes, and whenever the document is in step with the
  // relay, so that a stale copy opened offline never overwrites a newer summary.
  const refreshCaches = (r: Referral) => {
    const m = member()
    if (!m || m.role === 'observer') return
    const workspace = sync.workspace.doc
    try {
      setSummary(workspace, id, withDisputes(digestAsSummary(referralDigest(r)), conn.doc))
      const current = getEntry(workspace, id)
      const needs = agenciesToAct(r, new Date())
      if (current && !sameSet(current.needsActionBy, needs)) {
        updateEntry(workspace, id, { needsActionBy: needs })
      }
    } catch (err) {
      if (!(err instanceof ModelError)) throw err
    }
  }
  createSummaryCache({
    sync,
    id,
    current: () => (member() ? referral() : undefined),
    status,
    refresh: refreshCaches,
  })
  const onWrite = () => {
    const r = read(new Date())
    if (r) refreshCaches(r)
  }

  // The receiving agency's access, queued when the referral was made, until the relay takes it.
  const [grantWaiting, setGrantWaiting] = createSignal<string[]>([])
  const checkOutbox = () =>
    setGrantWaiting(
      sync.grants.waiting
        .filter((g) => g.documentId === id && g.subjectKind === 'agency')
        .map((g) => g.subjectId),
    )
  checkOutbox()
  const outboxTimer = setInterval(checkOutbox, GRANT_POLL_MS)
  onCleanup(() => clearInterval(outboxTimer))

  const presence = createPresence(open)
  const title = () => referral()?.person.code ?? entry()?.title ?? t('document.untitled')

  const panelProps = (r: () => Referral, me: Actor): ReferralPanelProps => ({
    conn,
    referral: r,
    me,
    get readOnly() {
      return readOnly()
    },
  })

  return (
    <article class="screen document-screen referral-screen" aria-labelledby="referral-title">
      <A href="/referrals" class="back-link">
        {t('referral.back')}
      </A>
      <h1 id="referral-title" data-testid="referral-title">
        {title()}
      </h1>
      <p class="document-meta">
        <span class="kind-label">{t('kind.referral')}</span>
        <Show when={referral()}>{(r) => <span>{t(`referral.kind.${r().person.kind}`)}</span>}</Show>
        <Show when={entry()}>
          {(e) => (
            <span>
              {t('documents.entry.ownedBy', { agency: format.agency(e().ownerAgencyId) })}
            </span>
          )}
        </Show>
      </p>
      <DocStatusLine status={status()} forbidden="referral.refused.forbidden" />
      <ReadOnlyNotice
        status={status()}
        observer={observer()}
        observerText="referral.readOnly.observer"
      />
      <Show when={grantWaiting().length > 0}>
        <p class="notice" data-testid="referral-grant-waiting">
          {t('referral.grantWaiting', {
            agency: grantWaiting().map(format.agency).join(', '),
          })}
        </p>
      </Show>
      <PresenceList
        peers={presence.peers()}
        headingId="referral-presence-heading"
        fieldLabel={(f) => (f === null ? undefined : PRESENCE_FIELDS[f])}
      />

      <DocumentGate
        kind="referral"
        ready={ready()}
        meta={meta()}
        refused={status().state === 'refused'}
      >
        <Switch>
          <Match when={!referral()}>
            <p class="empty-state" data-testid="referral-waiting">
              {t('document.waiting')}
            </p>
          </Match>
          <Match when={referral() && actor()}>
            {(me) => {
              const r = () => referral() as Referral
              const props = panelProps(r, me())
              return (
                <>
                  <ReferralFacts
                    referral={r}
                    now={now}
                    conn={conn}
                    me={me()}
                    side={side()}
                    readOnly={readOnly()}
                    mayResolve={mayResolve()}
                    onWrite={onWrite}
                  />
                  <ReferralStatusBar
                    {...props}
                    side={side()}
                    mayResolve={mayResolve()}
                    onWrite={onWrite}
                  />
                  <ReferralTexts
                    conn={conn}
                    me={me()}
                    side={side()}
                    readOnly={readOnly()}
                    referral={r}
                    onFocusField={presence.setField}
                    peers={presence.peers()}
                  />
                  <ReferralOutcome
                    {...props}
                    side={side()}
                    mayResolve={mayResolve()}
                    onWrite={onWrite}
                    onFocusField={presence.setField}
                  />
                  <PartBoundary>
                    <ReferralConsent {...props} />
                  </PartBoundary>
                  <PartBoundary>
                    <ReferralResponsibilities {...props} />
                  </PartBoundary>
                  <PartBoundary>
                    <ReferralSignOffs {...props} />
                  </PartBoundary>
                  <ReferralHistory referral={r} />
                  <section class="rf-panel" aria-labelledby="referral-output-heading">
                    <h2 id="referral-output-heading">{t('referral.output.heading')}</h2>
                    <p>
                      <A
                        href={`/documents/${id}/print`}
                        class="button secondary"
                        data-testid="referral-print-link"
                      >
                        {t('referral.output.print')}
                      </A>
                    </p>
                    <PartBoundary>
                      <ReferralExport {...props} />
                    </PartBoundary>
                  </section>
                </>
              )
            }}
          </Match>
          <Match when={true}>
            <p class="empty-state">{t('referrals.noMembership')}</p>
          </Match>
        </Switch>
      </DocumentGate>
      <SharePanel documentId={id} />
    </article>
  )
}

type FactsProps = {
  referral: () => Referral
  now: () => Date
  conn: DocConnection
  me: Actor
  side: Side | undefined
  readOnly: boolean
  mayResolve: boolean
  onWrite: () => void
}

/** Who refers whom to whom, for what, how urgently and by when; disputed terms with every side. */
const ReferralFacts = (props: FactsProps) => {
  const { t } = useI18n()
  const format = useReferralFormat()
  const r = () => props.referral()
  const overdue = createMemo(() => overdueParts(r(), props.now()))
  const service = () => r().service?.name ?? r().service?.id
  const dateLabel = (value: string | null) =>
    value === null ? t('referral.deadline.none') : format.day(value)
  const candidates = <T,>(state: FieldState<T>, label: (v: T) => string): DisputeCandidate[] =>
    state.state === 'disputed'
      ? state.candidates.map((c) => ({ value: c.value as never, label: label(c.value), by: c }))
      : []
  const TERMS: {
    field: ReferralDecisionField
    name: MessageKey
    candidates: () => DisputeCandidate[]
  }[] = [
    {
      field: REFERRAL_FIELDS.urgency,
      name: 'referral.field.urgency',
      candidates: () => candidates(r().urgency, (u) => t(`referral.urgency.${u}`)),
    },
    {
      field: REFERRAL_FIELDS.respondBy,
      name: 'referral.field.respondBy',
      candidates: () => candidates(r().respondBy, dateLabel),
    },
    {
      field: REFERRAL_FIELDS.completeBy,
      name: 'referral.field.completeBy',
      candidates: () => candidates(r().completeBy, dateLabel),
    },
  ]
  // Keyed by field name, so a resolution being typed survives others' changes to the referral.
  const disputed = createMemo(
    () => TERMS.filter((term) => r().disputedFields.includes(term.field)),
    [],
    { equals: (a, b) => a.length === b.length && a.every((x, i) => x === b[i]) },
  )

  return (
    <section class="rf-panel rf-facts-panel" aria-labelledby="referral-facts-heading">
      <h2 id="referral-facts-heading" class="visually-hidden">
        {t('referral.facts.heading')}
      </h2>
      <dl class="rf-facts" data-testid="referral-facts">
        <div>
          <dt>{t('referral.field.from')}</dt>
          <dd data-testid="referral-from">
            {format.agency(r().parties.referringAgencyId)}
            <span class="rf-by"> · {format.member(r().parties.referringMemberId)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('referral.field.to')}</dt>
          <dd data-testid="referral-to">{format.agency(r().parties.receivingAgencyId)}</dd>
        </div>
        <div>
          <dt>{t('referral.field.service')}</dt>
          <dd data-testid="referral-service">{service() ?? t('referral.service.none')}</dd>
        </div>
        <div>
          <dt>{t('referral.field.urgency')}</dt>
          <dd data-testid="referral-urgency">
            <FieldValue field={r().urgency} render={(u) => t(`referral.urgency.${u}`)} />
          </dd>
        </div>
        <div>
          <dt>{t('referral.field.respondBy')}</dt>
          <dd>
            <DateValue
              field={r().respondBy}
              overdue={overdue().respondBy}
              testId="referral-respond-by"
            />
          </dd>
        </div>
        <div>
          <dt>{t('referral.field.completeBy')}</dt>
          <dd>
            <DateValue
              field={r().completeBy}
              overdue={overdue().completeBy}
              testId="referral-complete-by"
            />
          </dd>
        </div>
      </dl>
      <Show when={overdue().commitments}>
        <p class="notice" data-testid="referral-commitments-overdue">
          <strong class="badge badge-overdue">{t('referral.overdue')}</strong>{' '}
          {t('referral.commitmentsOverdue')}
        </p>
      </Show>
      <For each={disputed()}>
        {(d) => (
          <DisputedField
            conn={props.conn}
            me={props.me}
            field={d.field}
            name={t(d.name)}
            candidates={d.candidates()}
            mayResolve={props.mayResolve}
            onWrite={props.onWrite}
            testId={`dispute-${d.field.replace('referral.', '')}`}
          />
        )}
      </For>
      <For each={[REFERRAL_FIELDS.status, ...TERMS.map((term) => term.field)]}>
        {(field) => (
          <MediationDecided
            conn={props.conn}
            field={field}
            testId={`dispute-${field.replace('referral.', '')}`}
          />
        )}
      </For>
      <Show when={props.side && !props.readOnly}>
        <TermsEditor {...props} />
      </Show>
    </section>
  )
}

function FieldValue<T>(props: { field: FieldState<T>; render: (value: T) => string }) {
  const { t } = useI18n()
  return (
    <Switch fallback={<span class="rf-muted">{t('referral.value.none')}</span>}>
      <Match when={props.field.state === 'settled' && props.field}>
        {(f) => <>{props.render((f() as { value: T }).value)}</>}
      </Match>
      <Match when={props.field.state === 'disputed'}>
        <strong class="badge badge-overdue">{t('referral.dispute.badge')}</strong>
      </Match>
      <Match when={props.field.state === 'unreadable'}>
        <span class="rf-muted">{t('referral.value.unreadable')}</span>
      </Match>
    </Switch>
  )
}

const DateValue = (props: {
  field: FieldState<string | null>
  overdue: boolean
  testId: string
}) => {
  const { t } = useI18n()
  const date = () => (props.field.state === 'settled' ? props.field.value : null)
  return (
    <Show
      when={date()}
      fallback={
        <span data-testid={props.testId}>
          <FieldValue field={props.field} render={() => t('referral.deadline.none')} />
        </span>
      }
    >
      <Deadline
        label="referral.deadline.date"
        date={date()}
        overdue={props.overdue}
        testId={props.testId}
      />
    </Show>
  )
}

/** Either party amends urgency, deadlines and the service (RF6, RF7); only changes are written. */
const TermsEditor = (props: FactsProps) => {
  const { t } = useI18n()
  const action = createAction()
  const [open, setOpen] = createSignal(false)
  const settledOr = <T,>(f: FieldState<T>, fallback: T): T =>
    f.state === 'settled' ? f.value : fallback
  const [urgency, setUrgency] = createSignal<Urgency>('routine')
  const [respondBy, setRespondBy] = createSignal('')
  const [completeBy, setCompleteBy] = createSignal('')
  const [service, setService] = createSignal('')
  const [saved, setSaved] = createSignal(false)
  let toggle: HTMLButtonElement | undefined
  let first: HTMLInputElement | undefined
  const close = () => {
    setOpen(false)
    toggle?.focus()
  }
  const start = () => {
    const r = props.referral()
    setUrgency(settledOr(r.urgency, 'routine'))
    setRespondBy(settledOr(r.respondBy, null) ?? '')
    setCompleteBy(settledOr(r.completeBy, null) ?? '')
    setService(r.service?.name ?? r.service?.id ?? '')
    setSaved(false)
    action.setProblem(null)
    setOpen(true)
    first?.focus()
  }
  const save = (e: SubmitEvent) => {
    e.preventDefault()
    const r = props.referral()
    const terms: Terms = {}
    if (r.urgency.state !== 'settled' || r.urgency.value !== urgency()) terms.urgency = urgency()
    const dates = [
      ['respondBy', r.respondBy, respondBy()],
      ['completeBy', r.completeBy, completeBy()],
    ] as const
    for (const [key, field, value] of dates) {
      const current = settledOr(field, null) ?? ''
      if (field.state !== 'disputed' && current !== value) terms[key] = value === '' ? null : value
    }
    const currentService = r.service?.name ?? r.service?.id ?? ''
    const done = action.run(() => {
      if (Object.keys(terms).length > 0) setTerms(props.conn.doc, terms, props.me)
      if (service().trim() !== currentService) {
        updateReferral(
          props.conn.doc,
          { service: service().trim() === '' ? null : { name: service().trim() } },
          props.me,
        )
      }
    })
    if (done) {
      props.onWrite()
      setSaved(true)
      close()
    }
  }
  return (
    <div class="rf-terms">
      <Show
        when={open()}
        fallback={
          <p>
            <button
              type="button"
              class="secondary"
              ref={toggle}
              onClick={start}
              data-testid="terms-toggle"
            >
              {t('referral.terms.change')}
            </button>{' '}
            <span role="status" class="field-hint">
              {saved() ? t('referral.terms.saved') : ''}
            </span>
          </p>
        }
      >
        <form
          id="referral-terms-form"
          class="rf-terms-form"
          onSubmit={save}
          novalidate
          aria-labelledby="referral-terms-heading"
          data-testid="terms-form"
        >
          <h3 id="referral-terms-heading">{t('referral.terms.heading')}</h3>
          <p class="field-hint">{t('referral.terms.hint')}</p>
          <InputField
            id="terms-service"
            testId="terms-service"
            label={t('referral.field.service')}
            ref={first}
            type="text"
            maxLength={120}
            value={service()}
            onInput={setService}
          />
          <div class="rf-new-row">
            <UrgencyField id="terms-urgency" value={urgency()} onChange={setUrgency} />
            <InputField
              id="terms-respond-by"
              testId="terms-respond-by"
              type="date"
              label={t('referral.field.respondBy')}
              value={respondBy()}
              onInput={setRespondBy}
            />
            <InputField
              id="terms-complete-by"
              testId="terms-complete-by"
              type="date"
              label={t('referral.field.completeBy')}
              value={completeBy()}
              onInput={setCompleteBy}
            />
          </div>
          <ProblemAlert problem={action.problem()} testId="terms-error" />
          <div class="actions">
            <button type="submit" class="primary" data-testid="terms-save">
              {t('common.save')}
            </button>
            <button type="button" class="secondary" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </div>
  )
}

/** The referrer's words (RF7): editable by the referring agency, read by everyone else. */
const ReferralTexts = (props: {
  conn: DocConnection
  me: Actor
  side: Side | undefined
  readOnly: boolean
  referral: () => Referral
  peers: Presence[]
  onFocusField: (field: string | null) => void
}) => {
  const { t } = useI18n()
  const writer = () => props.side === 'referrer' && !props.readOnly
  return (
    <section class="rf-panel" aria-labelledby="referral-texts-heading">
      <h2 id="referral-texts-heading">{t('referral.texts.heading')}</h2>
      <Show when={!writer()}>
        <p class="field-hint">{t('referral.texts.byReferrer')}</p>
      </Show>
      <For each={TEXT_FIELDS}>
        {(f) => {
          const field = readOrNull(() => referralText(props.conn.doc, f.field, props.me))
          return (
            <>
              <Show when={field}>
                {(tf) => (
                  <TextFieldEditor
                    id={`referral-${f.field}`}
                    field={tf() as TextField}
                    label={t(f.label)}
                    readOnly={!writer()}
                    testId={`field-${f.field}`}
                    onFocusChange={(on) => props.onFocusField(on ? f.presence : null)}
                    aside={<EditingMarker names={editorsIn(props.peers, f.presence)} />}
                  />
                )}
              </Show>
              <Show when={writer()}>
                <EraseField
                  conn={props.conn}
                  field={`text/${f.field}`}
                  what={t(f.label)}
                  testId={`erase-${f.field}`}
                />
              </Show>
            </>
          )
        }}
      </For>
    </section>
  )
}
