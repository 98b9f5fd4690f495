import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import { dashboard, type Dashboard, type Responsible } from '../../model/dashboard.ts'
import { DashboardFigure, type FigureRow } from '../components/dashboard-figure.tsx'
import { useI18n } from '../i18n/i18n.tsx'
import { createDashboardSource } from '../state/create-dashboard.ts'
import { useSync } from '../state/session.tsx'
import { useWorkspace } from '../state/workspace-context.tsx'
import './dashboard.css'
import { registerMessages } from '../i18n/catalog.ts'
import { dashboard as dashboardMessages } from '../i18n/messages/dashboard.ts'
import { referral } from '../i18n/messages/referral.ts'

registerMessages(dashboardMessages, referral)

const DAY_MS = 86_400_000
/** The period shown first: the last 90 days, today included. */
const DEFAULT_DAYS = 90
const BAR = '#1d4f73' // --brand: 8.7:1 on white
const BREACHED = '#a51d1d' // --danger: 7.5:1 on white
const IN_TIME = '#1e6b3a' // green: 6.5:1 on white

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v)
const utcDay = (d: Date) => d.toISOString().slice(0, 10)
/** Days with one decimal, as the table and the CSV show them. */
const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10
const sum = (rows: readonly FigureRow[]) => rows.reduce((n, r) => n + (r.values[0] ?? 0), 0)

/** `/dashboard`: how the partnership is doing, from the documents the member may read (DB1–DB9). */
export default function DashboardScreen() {
  const { t, formatDate } = useI18n()
  // Noon UTC: the calendar day is the same in every time zone from Kyrgyzstan to Poland.
  const formatDay = (day: string) => formatDate(`${day}T12:00:00Z`)
  const sync = useSync()
  const ws = useWorkspace()
  const source = createDashboardSource(sync, ws)
  const today = utcDay(new Date())
  const [from, setFrom] = createSignal(utcDay(new Date(Date.now() - (DEFAULT_DAYS - 1) * DAY_MS)))
  const [to, setTo] = createSignal(today)
  const [agencyId, setAgencyId] = createSignal('')
  const periodOk = () => isDate(from()) && isDate(to()) && from() <= to()

  const figures = createMemo((): Dashboard | undefined => {
    if (!periodOk() || !ws.me()) return undefined
    return dashboard({
      entries: ws.entries(),
      summaries: source.summaries(),
      readable: source.readable(),
      period: { from: from(), to: to() },
      now: source.now(),
      ...(agencyId() !== '' && { agencyId: agencyId() }),
    })
  })
  const fileName = (figure: string) =>
    `mosty-${figure}-${from()}-${to()}${agencyId() ? `-${agencyId()}` : ''}.csv`

  return (
    <section class="screen dashboard-screen" aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">{t('dashboard.heading')}</h1>
      <p class="field-hint">{t('dashboard.lead')}</p>
      <Switch>
        <Match when={!source.loaded()}>
          <p class="empty-state">{t('dashboard.loading')}</p>
        </Match>
        <Match when={!ws.me()}>
          <p class="notice" data-testid="dashboard-no-membership">
            {t('dashboard.noMembership')}
          </p>
        </Match>
        <Match when={ws.me()}>
          <fieldset class="dashboard-filters">
            <legend>{t('dashboard.filters')}</legend>
            <div class="field">
              <label for="dashboard-from">{t('dashboard.from')}</label>
              <input
                id="dashboard-from"
                type="date"
                value={from()}
                max={to()}
                aria-invalid={!periodOk()}
                onChange={(e) => setFrom(e.currentTarget.value)}
                data-testid="dashboard-from"
              />
            </div>
            <div class="field">
              <label for="dashboard-to">{t('dashboard.to')}</label>
              <input
                id="dashboard-to"
                type="date"
                value={to()}
                min={from()}
                aria-invalid={!periodOk()}
                onChange={(e) => setTo(e.currentTarget.value)}
                data-testid="dashboard-to"
              />
            </div>
            <div class="field">
              <label for="dashboard-agency">{t('dashboard.agency')}</label>
              <select
                id="dashboard-agency"
                value={agencyId()}
                onChange={(e) => setAgencyId(e.currentTarget.value)}
                data-testid="dashboard-agency"
              >
                <option value="">{t('dashboard.agency.all')}</option>
                <For each={ws.agencies()}>{(a) => <option value={a.id}>{a.name}</option>}</For>
              </select>
            </div>
          </fieldset>
          <p class="documents-count" aria-live="polite" data-testid="dashboard-readable">
            <Show when={periodOk()}>
              <span data-testid="dashboard-period">
                {t('dashboard.period', { from: formatDay(from()), to: formatDay(to()) })}
              </span>
              {' · '}
            </Show>
            {t('dashboard.readable', { count: source.readable().size })}
            <Show when={source.grantsUnknown()}> {t('dashboard.grantsOffline')}</Show>
          </p>
          <Show
            when={figures()}
            fallback={
              <p class="error" role="alert" data-testid="dashboard-period-invalid">
                {t('dashboard.periodInvalid')}
              </p>
            }
          >
            {(f) => <Figures figures={f()} fileName={fileName} />}
          </Show>
        </Match>
      </Switch>
    </section>
  )
}

const Figures = (props: { figures: Dashboard; fileName: (figure: string) => string }) => {
  const { t, formatNumber } = useI18n()
  const ws = useWorkspace()
  const agencyName = (id: string) => ws.agency(id)?.name ?? id
  const who = (r: Responsible) =>
    r.kind === 'family' ? t('dashboard.family') : agencyName(r.agencyId)

  const statusRows = (): FigureRow[] =>
    props.figures.referralsByStatus
      .filter((s) => s.count > 0)
      .map((s) => ({ key: s.status, label: t(`referral.status.${s.status}`), values: [s.count] }))
  const acceptance = () => props.figures.acceptance
  const acceptanceRows = (): FigureRow[] =>
    acceptance().byAgency.map((a) => ({
      key: a.agencyId,
      label: agencyName(a.agencyId),
      values: [a.count, days(a.medianMs)],
    }))
  const responseRows = (): FigureRow[] =>
    props.figures.overdueResponses.byAgency.map((a) => ({
      key: a.agencyId,
      label: agencyName(a.agencyId),
      values: [a.count],
    }))
  const inTime = () => props.figures.responsesInTime
  const inTimeRows = (): FigureRow[] =>
    inTime().byAgency.map((a) => ({
      key: a.agencyId,
      label: agencyName(a.agencyId),
      values: [a.due, a.inTime],
    }))
  const actionRows = (): FigureRow[] =>
    props.figures.overdueActions.byResponsible.map((r) => ({
      key: r.responsible.kind === 'family' ? 'family' : r.responsible.agencyId,
      label: who(r.responsible),
      values: [r.count],
    }))
  const mediations = () => props.figures.openMediations
  const mediationRows = (): FigureRow[] =>
    mediations().byStage.map((s) => ({
      key: String(s.stage),
      label: t(`dashboard.stage.${s.stage}`),
      values: [s.open, s.breached],
    }))

  return (
    <div class="dashboard-figures">
      <DashboardFigure
        id="status"
        heading={t('dashboard.status.heading')}
        hint={t('dashboard.status.hint')}
        columns={[t('dashboard.col.status'), t('dashboard.col.count')]}
        rows={statusRows()}
        total={[sum(statusRows())]}
        chart={[{ column: 0, color: BAR }]}
        fileName={props.fileName('referrals-by-status')}
      />
      <DashboardFigure
        id="acceptance"
        heading={t('dashboard.acceptance.heading')}
        hint={t('dashboard.acceptance.hint')}
        columns={[
          t('dashboard.col.agency'),
          t('dashboard.col.accepted'),
          t('dashboard.col.medianDays'),
        ]}
        rows={acceptanceRows()}
        chart={[{ column: 1, color: BAR }]}
        fileName={props.fileName('time-to-acceptance')}
        summary={
          <Show when={acceptance().medianMs !== null}>
            <p class="dashboard-headline" data-testid="dashboard-acceptance-median">
              {t('dashboard.acceptance.overall', {
                median: t('dashboard.days', { count: days(acceptance().medianMs ?? 0) }),
                count: formatNumber(acceptance().count),
              })}
            </p>
          </Show>
        }
      />
      <DashboardFigure
        id="responses"
        heading={t('dashboard.responses.heading')}
        hint={t('dashboard.responses.hint')}
        columns={[t('dashboard.col.agency'), t('dashboard.col.count')]}
        rows={responseRows()}
        total={[props.figures.overdueResponses.total]}
        chart={[{ column: 0, color: BREACHED }]}
        fileName={props.fileName('overdue-responses')}
      />
      <DashboardFigure
        id="in-time"
        heading={t('dashboard.inTime.heading')}
        hint={t('dashboard.inTime.hint')}
        columns={[t('dashboard.col.agency'), t('dashboard.col.due'), t('dashboard.col.inTime')]}
        rows={inTimeRows()}
        total={[inTime().due, inTime().inTime]}
        chart={[
          { column: 0, color: BAR },
          { column: 1, color: IN_TIME },
        ]}
        fileName={props.fileName('responses-in-time')}
        summary={
          <Show when={inTime().due > 0}>
            <p class="dashboard-headline" data-testid="dashboard-in-time-overall">
              {t('dashboard.inTime.overall', {
                inTime: formatNumber(inTime().inTime),
                due: formatNumber(inTime().due),
              })}
            </p>
          </Show>
        }
      />
      <DashboardFigure
        id="actions"
        heading={t('dashboard.actions.heading')}
        hint={t('dashboard.actions.hint')}
        columns={[t('dashboard.col.responsible'), t('dashboard.col.count')]}
        rows={actionRows()}
        total={[props.figures.overdueActions.total]}
        chart={[{ column: 0, color: BREACHED }]}
        fileName={props.fileName('overdue-actions')}
      />
      <DashboardFigure
        id="mediations"
        heading={t('dashboard.mediations.heading')}
        hint={t('dashboard.mediations.hint')}
        columns={[t('dashboard.col.stage'), t('dashboard.col.open'), t('dashboard.col.breached')]}
        rows={mediationRows()}
        total={[mediations().total, mediations().breached]}
        chart={[
          { column: 0, color: BAR },
          { column: 1, color: BREACHED },
        ]}
        fileName={props.fileName('open-mediations')}
      />
    </div>
  )
}
