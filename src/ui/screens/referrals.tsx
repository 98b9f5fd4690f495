import { A, useSearchParams } from '@solidjs/router'
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import type { ActionReason } from '../../model/index.ts'
import type { InboxRow } from '../../model/referral-summary.ts'
import { MAY_REFER, NewReferralForm } from '../components/new-referral.tsx'
import { Deadline, UrgencyLabel, useReferralFormat } from '../components/referral-common.tsx'
import { FilterChips } from '../components/filter-chips.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { createReferralInbox } from '../state/referral-inbox.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './screens-b.css'
import { registerMessages } from '../i18n/catalog.ts'
import { referral } from '../i18n/messages/referral.ts'
import { referrals } from '../i18n/messages/referrals.ts'

registerMessages(referral, referrals)

const TABS = ['action', 'received', 'sent'] as const
type Tab = (typeof TABS)[number]

const one = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? '') : (v ?? '')

/** `/referrals`: my agency's referrals, sent, received and needing its action (RF23). */
export default function ReferralsScreen() {
  const { t, formatNumber } = useI18n()
  const sync = useSync()
  const ws = useWorkspace()
  const inbox = createReferralInbox(sync, ws)
  const [loaded, setLoaded] = createSignal(false)
  void sync.workspace.ready.then(() => setLoaded(true))
  // The tab lives in the address, so Back from a referral returns to the same list.
  const [params, setParams] = useSearchParams()
  const tab = (): Tab => {
    const value = one(params.tab) as Tab
    return TABS.includes(value) ? value : 'action'
  }
  const [creating, setCreating] = createSignal(false)
  let toggle: HTMLButtonElement | undefined
  const closeForm = () => {
    setCreating(false)
    toggle?.focus()
  }
  const mayRefer = () => (MAY_REFER as readonly string[]).includes(ws.me()?.role ?? '')

  const counts = (): Record<Tab, number> => {
    const c = inbox()?.counts
    return { action: c?.needsAction ?? 0, received: c?.received ?? 0, sent: c?.sent ?? 0 }
  }
  const rows = createMemo((): { row: InboxRow; reasons: ActionReason[] }[] => {
    const box = inbox()
    if (!box) return []
    if (tab() === 'action') {
      return box.needsAction.map((e) => ({ row: e.referral, reasons: e.reasons }))
    }
    return (tab() === 'sent' ? box.sent : box.received).map((row) => ({ row, reasons: [] }))
  })

  return (
    <section class="screen documents-screen referrals-screen" aria-labelledby="referrals-heading">
      <h1 id="referrals-heading">{t('referrals.heading')}</h1>

      <Switch>
        <Match when={!ws.me()}>
          <p class="notice" data-testid="referrals-no-membership">
            {t('referrals.noMembership')}
          </p>
        </Match>
        <Match when={creating()}>
          <NewReferralForm onCancel={closeForm} />
        </Match>
        <Match when={mayRefer()}>
          <div class="actions">
            <button
              type="button"
              class="primary"
              ref={toggle}
              onClick={() => setCreating(true)}
              data-testid="new-referral-toggle"
            >
              {t('referrals.new.open')}
            </button>
          </div>
        </Match>
        <Match when={ws.me()?.role === 'observer'}>
          <p class="notice" data-testid="new-referral-unavailable">
            {t('referrals.new.observer')}
          </p>
        </Match>
      </Switch>

      <FilterChips
        legend={t('referrals.tabs.label')}
        class="rf-tabs"
        name="referrals-tab"
        options={TABS}
        selected={tab()}
        onSelect={(value) =>
          setParams({ tab: value === 'action' ? undefined : value }, { replace: true })
        }
        testId={(value) => `referrals-tab-${value}`}
      >
        {(value) => (
          <>
            {t(`referrals.tab.${value}`)}{' '}
            <span
              class="chip-count"
              data-testid={`referrals-count-${value}`}
              data-count={counts()[value]}
            >
              ({formatNumber(counts()[value])})
            </span>
          </>
        )}
      </FilterChips>

      <p class="documents-count" aria-live="polite" data-testid="referrals-summary">
        <Show when={loaded() && inbox()}>
          {(box) => (
            <>
              {t('referrals.count', { count: rows().length })}
              <Show when={box().counts.overdue > 0}>
                {' · '}
                <strong data-testid="referrals-overdue" data-count={box().counts.overdue}>
                  {t('referrals.overdueCount', { count: box().counts.overdue })}
                </strong>
              </Show>
            </>
          )}
        </Show>
      </p>

      <Switch>
        <Match when={!loaded()}>
          <p class="empty-state">{t('referrals.loading')}</p>
        </Match>
        <Match when={rows().length === 0}>
          <p class="empty-state" data-testid="referrals-empty">
            {t(`referrals.empty.${tab()}`)}
          </p>
        </Match>
        <Match when={rows().length > 0}>
          <ul class="document-list" data-testid="referrals-list">
            <For each={rows()}>{(r) => <ReferralRow row={r.row} reasons={r.reasons} />}</For>
          </ul>
        </Match>
      </Switch>
    </section>
  )
}

const ReferralRow = (props: { row: InboxRow; reasons: ActionReason[] }) => {
  const { t } = useI18n()
  const ws = useWorkspace()
  const format = useReferralFormat()
  const digest = () => props.row.digest
  const mine = () => ws.me()?.agencyId
  const sent = () => digest().referringAgencyId === mine()
  const other = () => (sent() ? digest().receivingAgencyId : digest().referringAgencyId)
  const awaitingResponse = () => digest().status === 'draft' || digest().status === 'requested'
  return (
    <li
      class="document-entry rf-row"
      data-testid="referral-row"
      data-id={props.row.id}
      data-status={digest().status}
    >
      <A href={`/documents/${props.row.id}`} class="document-link" data-testid="referral-row-link">
        {props.row.entry.title}
      </A>
      <p class="document-meta">
        <span>
          {sent()
            ? t('referrals.row.to', { agency: format.agency(other()) })
            : t('referrals.row.from', { agency: format.agency(other()) })}
        </span>
        <Show when={digest().service}>{(s) => <span>{s()}</span>}</Show>
      </p>
      <p class="document-badges">
        <span
          class="badge rf-status"
          data-status={digest().status}
          data-testid="referral-row-status"
        >
          {t(`referral.status.${digest().status}`)}
        </span>
        <Show when={digest().urgency}>
          <span class="badge" data-testid="referral-row-urgency">
            <UrgencyLabel urgency={digest().urgency} />
          </span>
        </Show>
        <Show when={digest().loopClosed}>
          <span class="badge badge-done" data-testid="referral-row-loop-closed">
            {t('referral.loopClosed')}
          </span>
        </Show>
        <Show when={props.row.overdue}>
          <strong class="badge badge-overdue" data-testid="referral-row-overdue">
            {t('referral.overdue')}
          </strong>
        </Show>
      </p>
      <p class="document-meta">
        <Show
          when={awaitingResponse()}
          fallback={
            <Deadline
              label="referral.deadline.completeBy"
              date={digest().completeBy}
              overdue={false}
              testId="referral-row-complete-by"
            />
          }
        >
          <Deadline
            label="referral.deadline.respondBy"
            date={digest().respondBy}
            overdue={false}
            testId="referral-row-respond-by"
          />
        </Show>
      </p>
      <Show when={props.reasons.length > 0}>
        <ul class="rf-reasons" data-testid="referral-row-reasons">
          <For each={props.reasons}>
            {(reason) => (
              <li class="badge badge-action" data-reason={reason}>
                {t(`referral.reason.${reason}`)}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </li>
  )
}
