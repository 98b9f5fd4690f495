import { For, type JSX, Show } from 'solid-js'
import {
  consentState,
  type FieldState,
  identifyingDetailsFor,
  type LegalBasis,
  loopClosed,
  type Referral,
  type StatusValue,
} from '../../model/index.ts'
import { roleText, scopeText } from '../components/referral-consent.tsx'
import { commitmentOverdue } from '../components/referral-responsibilities.tsx'
import type { Verified } from '../components/referral-signoffs.tsx'
import { registerMessages, type MessageKey } from '../i18n/catalog.ts'
import type { Locale } from '../i18n/define.ts'
import { type Params, useI18n } from '../i18n/i18n.tsx'
import { intlLocale } from '../i18n/translate.ts'
import { useWorkspace } from '../state/workspace-context.tsx'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(referralPanels)

// The agreement as printed: every label, code and date in the reader's language (which may not be
// the interface's); what people wrote is printed as they wrote it, as text, never as HTML.

export interface PrintoutProps {
  referral: Referral
  locale: Locale
  viewerAgencyId: string
  verified: Verified[] | null
  hash: string | null
}

const useFormat = (props: { locale: Locale }) => {
  const { tIn } = useI18n()
  return {
    tr: (key: MessageKey, params?: Params) => tIn(props.locale, key, params),
    /** A calendar date (YYYY-MM-DD), the same day in every time zone. */
    day: (date: string) =>
      new Intl.DateTimeFormat(intlLocale(props.locale), {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${date}T00:00:00Z`)),
    instant: (iso: string) =>
      new Intl.DateTimeFormat(intlLocale(props.locale), {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(iso)),
  }
}

export const Printout = (props: PrintoutProps) => {
  const f = useFormat(props)
  const ws = useWorkspace()
  const agency = (id: string) => ws.agency(id)?.name ?? id
  const member = (id: string) => ws.member(id)?.displayName ?? id
  const by = (a: { memberId: string; agencyId: string }) =>
    f.tr('panels.by', { member: member(a.memberId), agency: agency(a.agencyId) })
  const r = () => props.referral

  /** A decision field as one line: its value, every candidate when disputed, or "not set". */
  const decision = <T,>(field: FieldState<T>, text: (v: T) => string): string => {
    switch (field.state) {
      case 'empty':
        return f.tr('panels.print.notSet')
      case 'unreadable':
        return f.tr('panels.decision.unreadable')
      case 'settled':
        return text(field.value)
      case 'disputed':
        return f.tr('panels.print.disputed', {
          values: field.candidates.map((c) => `${text(c.value)} (${by(c)})`).join(' / '),
        })
    }
  }
  const basis = (b: LegalBasis) =>
    b.note ? `${f.tr(`panels.basis.${b.basis}`)} — ${b.note}` : f.tr(`panels.basis.${b.basis}`)
  const status = (s: StatusValue) =>
    s.reason
      ? `${f.tr(`panels.status.${s.status}`)} — ${s.reason}`
      : f.tr(`panels.status.${s.status}`)
  const deadline = (d: string | null) => (d === null ? f.tr('panels.print.notSet') : f.day(d))
  const details = () => identifyingDetailsFor(r(), props.viewerAgencyId) ?? undefined
  const now = new Date()

  return (
    <article
      class="rp-print"
      lang={props.locale}
      data-testid="referral-print"
      data-locale={props.locale}
    >
      <header class="rp-print-head">
        <h1 id="rp-print-title" data-testid="print-title">
          {f.tr('panels.print.title')}
        </h1>
        <p>
          {f.tr(`panels.personKind.${r().person.kind}`)}: <strong>{r().person.code}</strong>
        </p>
        <p class="rp-print-small">
          {f.tr('panels.print.reference', { id: r().id, date: f.instant(r().createdAt) })}
        </p>
      </header>

      <Section title={f.tr('panels.print.parties')}>
        <dl class="rp-print-facts">
          <dt>{f.tr('panels.side.referrer')}</dt>
          <dd>{agency(r().parties.referringAgencyId)}</dd>
          <dt>{f.tr('panels.print.worker')}</dt>
          <dd>{member(r().parties.referringMemberId)}</dd>
          <dt>{f.tr('panels.side.receiver')}</dt>
          <dd>{agency(r().parties.receivingAgencyId)}</dd>
          <dt>{f.tr('panels.print.service')}</dt>
          <dd>{r().service?.name ?? r().service?.id ?? f.tr('panels.print.notSet')}</dd>
        </dl>
      </Section>

      <Section title={f.tr('panels.print.person')}>
        <p>
          {f.tr('panels.identity.code', {
            kind: f.tr(`panels.personKind.${r().person.kind}`),
            code: r().person.code,
          })}
        </p>
        <Show
          when={details()}
          fallback={<p class="rp-print-small">{f.tr('panels.print.identityNotShown')}</p>}
        >
          {(d) => (
            <dl class="rp-print-facts" data-testid="print-identity">
              <Show when={d().name}>
                <dt>{f.tr('panels.identity.name')}</dt>
                <dd>{d().name}</dd>
              </Show>
              <Show when={d().dateOfBirth}>
                {(dob) => (
                  <>
                    <dt>{f.tr('panels.identity.dateOfBirth')}</dt>
                    <dd>{f.day(dob())}</dd>
                  </>
                )}
              </Show>
              <Show when={d().address}>
                <dt>{f.tr('panels.identity.address')}</dt>
                <dd>{d().address}</dd>
              </Show>
              <Show when={d().phone}>
                <dt>{f.tr('panels.identity.phone')}</dt>
                <dd>{d().phone}</dd>
              </Show>
            </dl>
          )}
        </Show>
      </Section>

      <Section title={f.tr('panels.print.reason')}>
        <Text value={r().reason} empty={f.tr('panels.print.notWritten')} testId="print-reason" />
      </Section>
      <Section title={f.tr('panels.print.request')}>
        <Text value={r().request} empty={f.tr('panels.print.notWritten')} testId="print-request" />
      </Section>

      <Section title={f.tr('panels.print.terms')}>
        <dl class="rp-print-facts">
          <dt>{f.tr('panels.print.urgency')}</dt>
          <dd data-testid="print-urgency">
            {decision(r().urgency, (u) => f.tr(`panels.urgency.${u}`))}
          </dd>
          <dt>{f.tr('panels.print.respondBy')}</dt>
          <dd>{decision(r().respondBy, deadline)}</dd>
          <dt>{f.tr('panels.print.completeBy')}</dt>
          <dd>{decision(r().completeBy, deadline)}</dd>
        </dl>
      </Section>

      <Section title={f.tr('panels.consent.heading')}>
        <Show when={r().consents.length > 0} fallback={<p>{f.tr('panels.consent.none')}</p>}>
          <ul class="rp-print-list">
            <For each={r().consents}>
              {(c) => (
                <li>
                  <strong>
                    {f.tr(c.given ? 'panels.consent.givenBy' : 'panels.consent.refusedBy', {
                      code: c.givenBy.code,
                      role: roleText(c.givenBy.role, f.tr),
                    })}
                  </strong>{' '}
                  ({f.tr(`panels.consentState.${consentState(c, now)}`)}) — {f.instant(c.givenAt)}
                  <br />
                  {f.tr('panels.consent.scope')}:{' '}
                  {c.scope.map((s) => scopeText(s, f.tr)).join('; ')}
                  <br />
                  {f.tr('panels.consent.expires')}:{' '}
                  {c.expiresOn ? f.day(c.expiresOn) : f.tr('panels.consent.noExpiry')}
                  <Show when={c.withdrawal}>
                    {(w) => (
                      <>
                        <br />
                        {f.tr('panels.consent.withdrawnBecause', { reason: w().reason })} —{' '}
                        {f.instant(w().at)}
                      </>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Section>

      <Section title={f.tr('panels.basis.heading')}>
        <p data-testid="print-basis">{decision(r().legalBasis, basis)}</p>
        <h3>{f.tr('panels.sharing.heading')}</h3>
        <Show when={r().sharing.length > 0} fallback={<p>{f.tr('panels.sharing.undecided')}</p>}>
          <dl class="rp-print-facts">
            <For each={r().sharing}>
              {(s) => (
                <>
                  <dt>{agency(s.recipientAgencyId)}</dt>
                  <dd>
                    {decision(s.categories, (cats) =>
                      cats.length === 0
                        ? f.tr('panels.sharing.nothing')
                        : cats.map((c) => f.tr(`panels.category.${c}`)).join(', '),
                    )}
                  </dd>
                </>
              )}
            </For>
          </dl>
        </Show>
      </Section>

      <Section title={f.tr('panels.duties.heading')}>
        <Show when={r().responsibilities.length > 0} fallback={<p>{f.tr('panels.duties.none')}</p>}>
          <table class="rp-print-table">
            <thead>
              <tr>
                <th scope="col">{f.tr('panels.duties.agency')}</th>
                <th scope="col">{f.tr('panels.duties.what')}</th>
                <th scope="col">{f.tr('panels.duties.dueBy')}</th>
                <th scope="col">{f.tr('panels.print.state')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().responsibilities}>
                {(d) => (
                  <tr>
                    <td>{agency(d.agencyId)}</td>
                    <td>
                      {d.what}
                      <Show when={d.contact}>
                        <br />
                        <span class="rp-print-small">
                          {f.tr('panels.duties.contact')}: {d.contact}
                        </span>
                      </Show>
                    </td>
                    <td>{d.dueBy ? f.day(d.dueBy) : f.tr('panels.duties.noDate')}</td>
                    <td>
                      {d.fulfilled
                        ? `${f.tr('panels.duties.state.done')} ${f.instant(d.fulfilled.at)}`
                        : commitmentOverdue(d, now)
                          ? f.tr('panels.duties.state.overdue')
                          : f.tr('panels.duties.state.open')}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
        <Show when={r().contacts.length > 0}>
          <h3>{f.tr('panels.contacts.heading')}</h3>
          <ul class="rp-print-list">
            <For each={r().contacts}>
              {(c) => (
                <li>
                  {agency(c.agencyId)}: <strong>{c.name}</strong>
                  {c.phone ? `, ${f.tr('panels.contacts.phone')} ${c.phone}` : ''}
                  {c.email ? `, ${f.tr('panels.contacts.email')} ${c.email}` : ''}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Section>

      <Section title={f.tr('panels.print.status')}>
        <p data-testid="print-status">{decision(r().status, status)}</p>
        <Show when={r().history.length > 0}>
          <table class="rp-print-table">
            <caption>{f.tr('panels.print.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{f.tr('panels.print.when')}</th>
                <th scope="col">{f.tr('panels.print.status')}</th>
                <th scope="col">{f.tr('panels.print.who')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().history}>
                {(h) => (
                  <tr>
                    <td>{f.instant(h.at)}</td>
                    <td>
                      {status(h)}
                      <Show when={h.resolution}>
                        {(res) => (
                          <>
                            <br />
                            <span class="rp-print-small">
                              {f.tr('panels.print.resolution', { rationale: res().rationale })}
                            </span>
                          </>
                        )}
                      </Show>
                    </td>
                    <td>{by(h)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Section>

      <Section title={f.tr('panels.print.outcome')}>
        <p data-testid="print-outcome">
          {decision(r().outcome, (o) => f.tr(`panels.outcome.${o}`))}
        </p>
        <Show when={r().outcomeNote.trim() !== ''}>
          <Text value={r().outcomeNote} empty="" testId="print-outcome-note" />
        </Show>
        <p>{f.tr(loopClosed(r()) ? 'panels.print.loopClosed' : 'panels.print.loopOpen')}</p>
      </Section>

      <Section title={f.tr('panels.signoff.heading')}>
        <p class="rp-print-small">{f.tr('panels.signoff.explain')}</p>
        <Show when={props.hash}>
          {(h) => (
            <p class="rp-print-small">
              {f.tr('panels.signoff.fingerprint')} <code>{h()}</code>
            </p>
          )}
        </Show>
        <Show when={props.verified} fallback={<p>{f.tr('panels.signoff.checking')}</p>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p>{f.tr('panels.signoff.none')}</p>}>
              <ul class="rp-print-list">
                <For each={list()}>
                  {(v) => (
                    <li data-testid="print-signoff" data-status={v.result}>
                      {by(v.signOff)}, {f.instant(v.signOff.at)}:{' '}
                      <strong>{f.tr(`panels.signoff.status.${v.result}`)}</strong>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
      </Section>

      <footer class="rp-print-foot rp-print-small">
        {f.tr('panels.print.printed', { date: f.instant(now.toISOString()) })}
      </footer>
    </article>
  )
}

const Section = (props: { title: string; children: JSX.Element }) => (
  <section class="rp-print-section">
    <h2>{props.title}</h2>
    {props.children}
  </section>
)

/** What someone wrote, as plain text with its line breaks. */
const Text = (props: { value: string; empty: string; testId: string }) => (
  <p class="rp-print-text" data-testid={props.testId}>
    {props.value.trim() === '' ? props.empty : props.value}
  </p>
)
