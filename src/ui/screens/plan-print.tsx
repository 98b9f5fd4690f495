import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import {
  ALL_PLAN_TEXT_FIELDS,
  type AnyPlanTextField,
  COMMITMENT_TYPES,
  deadlineInForce,
  type FieldState,
  hasPlan,
  observePlan,
  type Plan,
  type PlanPartyRef,
  readPlan,
} from '../../model/index.ts'
import { localDay, useNames } from '../components/referral-common.tsx'
import { PLAN_TEXT_LABELS } from '../components/plan-labels.ts'
import { PrintShell } from '../components/print-shell.tsx'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import { LOCALES, type Locale } from '../i18n/define.ts'
import { type Params, useI18n } from '../i18n/i18n.tsx'
import { intlLocale } from '../i18n/translate.ts'
import { createOpenDocument, readOrNull } from '../state/create-open-document.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import { plan } from '../i18n/messages/plan.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(plan, referralPanels)

/** The plan's languages that have a catalog, in the plan's order; else the interface's. */
export const printLocales = (plan: Plan | undefined, fallback: Locale): Locale[] => {
  const list = (plan?.languages ?? []).filter((l): l is Locale =>
    (LOCALES as readonly string[]).includes(l),
  )
  return list.length > 0 ? list : [fallback]
}

/**
 * `/documents/:id/print` for a plan: the plan on A4 in the FAMILY's language (the plan's
 * language field), whatever the language of the worker's interface. Only the words the people
 * typed stay as they were typed.
 */
export const PlanPrint = (props: { id: string }) => {
  const { locale } = useI18n()
  const { conn, ready } = createOpenDocument(props.id)
  const [version, setVersion] = createSignal(0)
  onCleanup(observePlan(conn.doc, () => setVersion((v) => v + 1)))
  const plan = createMemo<Plan | undefined>(() => {
    version()
    if (!ready() || !hasPlan(conn.doc)) return undefined
    return readOrNull(() => readPlan(conn.doc)) ?? undefined
  })
  const [chosen, setChosen] = createSignal<Locale | null>(null)
  const lang = () => chosen() ?? printLocales(plan(), locale())[0] ?? locale()
  return (
    <PrintShell
      id={props.id}
      titleId="plan-print-title"
      locales={printLocales(plan(), locale())}
      lang={lang()}
      onLang={setChosen}
      languageTestId="plan-print-language"
      hint="plan.print.languageHint"
      ready={ready()}
      document={plan()}
    >
      {(p) => <PlanPrintout plan={p} locale={lang()} />}
    </PrintShell>
  )
}

const PlanPrintout = (props: { plan: Plan; locale: Locale }) => {
  const { tIn } = useI18n()
  const names = useNames()
  const ws = useWorkspace()
  const tt = (key: MessageKey, params?: Params) => tIn(props.locale, key, params)
  const day = (d: string) =>
    new Intl.DateTimeFormat(intlLocale(props.locale), { dateStyle: 'long' }).format(localDay(d))
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(props.locale), {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(iso))
  const p = () => props.plan
  const value = <T,>(f: FieldState<T>, render: (v: T) => string) =>
    f.state === 'settled'
      ? render(f.value)
      : f.state === 'disputed'
        ? `${tt('plan.dispute.badge')}: ${f.candidates.map((c) => render(c.value)).join(' / ')}`
        : '—'
  const participant = (id: string) => {
    const x = p().participants.find((y) => y.id === id)
    if (!x) return id
    return x.kind === 'family'
      ? `${x.code} (${tt(`plan.familyRole.${x.familyRole}`)})`
      : `${names.member(x.memberId)} — ${names.agency(x.agencyId)}, ${x.role}`
  }
  const party = (ref: PlanPartyRef | undefined) =>
    !ref
      ? '—'
      : ref.kind === 'family'
        ? participant(ref.participantId)
        : ref.memberId
          ? `${names.member(ref.memberId)} (${names.agency(ref.agencyId)})`
          : names.agency(ref.agencyId)
  const text = (f: AnyPlanTextField) => p().text[f].trim()
  return (
    <article class="rp-printout plan-printout" lang={props.locale} data-testid="plan-printout">
      <h1 id="plan-print-title" data-testid="plan-print-title">
        {tt('plan.print.title')}
      </h1>
      <p>
        {ws.entries().find((e) => e.id === p().id)?.title ?? ''} ·{' '}
        <Show when={p().variant}>{(v) => tt(`plan.variant.${v()}`)}</Show>
      </p>
      <dl>
        <dt>{tt('plan.field.leadAgency')}</dt>
        <dd>
          {names.agency(p().leadAgencyId)} — {names.member(p().leadWorkerId)}
        </dd>
        <dt>{tt('plan.field.period')}</dt>
        <dd>{value(p().period, (v) => `${day(v.from)} – ${day(v.to)}`)}</dd>
        <dt>{tt('plan.field.status')}</dt>
        <dd>{value(p().status, (v) => tt(`plan.status.${v.status}`))}</dd>
      </dl>

      <h2 data-testid="plan-print-heading">{tt('plan.section.participants')}</h2>
      <ul>
        <For each={p().participants}>{(x) => <li>{participant(x.id)}</li>}</For>
      </ul>

      <h2 data-testid="plan-print-heading">{tt('plan.section.situation')}</h2>
      <For each={ALL_PLAN_TEXT_FIELDS.filter((f) => !f.startsWith('goal.'))}>
        {(f) => (
          <Show when={text(f)}>
            <h3>{tt(PLAN_TEXT_LABELS[f])}</h3>
            <p class="rp-text">{text(f)}</p>
          </Show>
        )}
      </For>

      <h2 data-testid="plan-print-heading">{tt('plan.section.problems')}</h2>
      <ol>
        <For each={p().problems}>
          {(pr) => (
            <li>
              {pr.text}
              <Show when={pr.selected}> — {tt('plan.problems.selected')}</Show>
              <Show when={pr.disputedByFamily}> — {tt('plan.problems.familyDisputes')}</Show>
            </li>
          )}
        </For>
      </ol>

      <h2 data-testid="plan-print-heading">{tt('plan.section.goal')}</h2>
      <h3>{tt('plan.field.goal.family')}</h3>
      <p class="rp-text">{text('goal.family')}</p>
      <h3>{tt('plan.field.goal.professional')}</h3>
      <p class="rp-text">{text('goal.professional')}</p>

      <h2 data-testid="plan-print-heading">{tt('plan.section.goals')}</h2>
      <For each={p().goals}>
        {(g, i) => (
          <section>
            <h3>
              {tt('plan.goals.heading', { n: i() + 1 })}: {g.text}
            </h3>
            <p>
              {tt('plan.goals.indicator')}: {g.indicator} · {tt('plan.goals.target')}:{' '}
              {value(g.targetDate, (d) => (d ? day(d) : '—'))} · {tt('plan.goals.progress')}:{' '}
              {value(g.progress, (v) => tt(`plan.progress.${v}`))}
            </p>
            <table class="rp-table">
              <thead>
                <tr>
                  <th scope="col">{tt('plan.action.what')}</th>
                  <th scope="col">{tt('plan.action.who')}</th>
                  <th scope="col">{tt('plan.action.deadline')}</th>
                  <th scope="col">{tt('plan.action.checker')}</th>
                  <th scope="col">{tt('plan.action.status')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={g.actions}>
                  {(a) => (
                    <tr>
                      <td>{a.what}</td>
                      <td>{value(a.responsible, party)}</td>
                      <td>
                        {deadlineInForce(a.deadline)
                          ? day(deadlineInForce(a.deadline) as string)
                          : '—'}
                        <Show when={a.overdue}> ({tt('plan.action.overdue')})</Show>
                      </td>
                      <td>{party(a.checker)}</td>
                      <td>
                        {value(
                          a.status,
                          (s) =>
                            tt(`plan.actionStatus.${s.status}`) +
                            (s.reason ? ` — ${s.reason}` : ''),
                        )}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        )}
      </For>

      <h2 data-testid="plan-print-heading">{tt('plan.section.commitments')}</h2>
      <For each={COMMITMENT_TYPES}>
        {(type) => (
          <Show when={p().commitments.some((c) => c.type === type)}>
            <h3>{tt(`plan.commitment.${type}`)}</h3>
            <ul>
              <For each={p().commitments.filter((c) => c.type === type)}>
                {(c) => (
                  <li>
                    {c.side.kind === 'family'
                      ? tt('plan.side.family')
                      : names.agency(c.side.agencyId)}
                    : {c.text}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </For>
      <h3>{tt('plan.contingency.heading')}</h3>
      <ul>
        <For each={p().contingency}>
          {(c) => (
            <li>
              {tt('plan.contingency.entry', { if: c.trigger, then: c.response, call: c.call })}
            </li>
          )}
        </For>
      </ul>

      <h2 data-testid="plan-print-heading">{tt('plan.section.meetings')}</h2>
      <ul>
        <For each={p().meetings}>
          {(m) => (
            <li>
              {when(m.start)}, {m.place} — {m.attendees.map(participant).join(', ')}
              <Show when={m.agenda.length > 0}>
                <br />
                {tt('plan.meetings.agenda')}: {m.agenda.join('; ')}
              </Show>
            </li>
          )}
        </For>
        <For each={p().reviews}>
          {(r) => <li>{tt('plan.reviews.on', { date: day(r.date) })}</li>}
        </For>
      </ul>

      <Show when={p().amendments.length > 0}>
        <h2 data-testid="plan-print-heading">{tt('plan.amendments.heading')}</h2>
        <ul>
          <For each={p().amendments}>
            {(a) => (
              <li>
                {a.what} — {tt('plan.amendments.why', { why: a.why })}
              </li>
            )}
          </For>
        </ul>
      </Show>

      <h2 data-testid="plan-print-heading">{tt('plan.ack.heading')}</h2>
      <table class="rp-table">
        <tbody>
          <For each={p().participants}>
            {(x) => (
              <tr>
                <td>{participant(x.id)}</td>
                <td>{tt('plan.print.signature')} ____________________</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p>
        {tt('plan.approval.heading')}: {value(p().approval, (v) => tt(`plan.approval.${v.state}`))}
      </p>
      <p class="rp-muted">{tt('plan.print.version', { hash: p().contentHash.slice(0, 12) })}</p>
    </article>
  )
}
