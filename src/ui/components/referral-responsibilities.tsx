import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js'
import {
  addContactPoint,
  addResponsibility,
  type ContactPoint,
  fulfilResponsibility,
  removeContactPoint,
  removeResponsibility,
  type Responsibility,
} from '../../model/index.ts'
import { useI18n } from '../i18n/i18n.tsx'
import type { ReferralPanelProps } from './referral-panel.ts'
import { InputField, SubmitActions } from './form-fields.tsx'
import {
  AddToggle,
  ByLine,
  createAction,
  createIds,
  createNow,
  datePassed,
  ErrorAlert,
  localDay,
  RecordList,
  sideOf,
  useNames,
} from './referral-panels-shared.tsx'
import { registerMessages } from '../i18n/catalog.ts'
import { common } from '../i18n/messages/common.ts'
import { referralPanels } from '../i18n/messages/referral-panels.ts'

registerMessages(common, referralPanels)

/** A commitment not done whose due date has passed (RF17: the UTC day after it has begun). */
export const commitmentOverdue = (r: Responsibility, now: Date): boolean =>
  r.fulfilled === undefined && r.dueBy !== undefined && datePassed(r.dueBy, now)

/**
 * Each party's commitments and contact points (RF16): either party records a commitment of
 * either agency; only the responsible agency marks it done; a party edits only its own
 * agency's contact points.
 */
export const ReferralResponsibilities = (props: ReferralPanelProps) => {
  const { t } = useI18n()
  const id = createUniqueId()
  const isParty = () => sideOf(props.referral(), props.me.agencyId) !== undefined
  // The two parties first, then any other agency a commitment names.
  const agencies = createIds(
    () => [
      ...new Set([
        props.referral().parties.referringAgencyId,
        props.referral().parties.receivingAgencyId,
        ...props.referral().responsibilities.map((r) => r.agencyId),
      ]),
    ],
    (a) => a,
  )
  return (
    <section class="rp-panel" aria-labelledby={`${id}-h`} data-testid="referral-responsibilities">
      <h2 id={`${id}-h`}>{t('panels.duties.heading')}</h2>
      <For each={agencies()}>
        {(agencyId) => <AgencyDuties panel={props} agencyId={agencyId} />}
      </For>
      <Show when={!props.readOnly && isParty()}>
        <AddCommitment panel={props} />
      </Show>
    </section>
  )
}

const AgencyDuties = (props: { panel: ReferralPanelProps; agencyId: string }) => {
  const { t } = useI18n()
  const names = useNames()
  const now = createNow()
  const id = createUniqueId()
  const referral = () => props.panel.referral()
  const side = () => sideOf(referral(), props.agencyId)
  const mine = () => props.panel.me.agencyId === props.agencyId
  const canEdit = () =>
    !props.panel.readOnly && sideOf(referral(), props.panel.me.agencyId) !== undefined
  const dutyIds = createIds(
    () => referral().responsibilities.filter((r) => r.agencyId === props.agencyId),
    (r) => r.id,
  )
  const contactIds = createIds(
    () => referral().contacts.filter((c) => c.agencyId === props.agencyId),
    (c) => c.id,
  )
  const duty = (rid: string) => referral().responsibilities.find((r) => r.id === rid)
  const contact = (cid: string) => referral().contacts.find((c) => c.id === cid)
  return (
    <section
      class="rp-box"
      aria-labelledby={`${id}-h`}
      data-testid="duties-agency"
      data-agency={props.agencyId}
    >
      <h3 id={`${id}-h`}>
        {names.agency(props.agencyId)}
        <Show when={side()}>
          {(s) => <span class="rp-role"> — {t(`panels.side.${s()}`)}</span>}
        </Show>
      </h3>
      <h4>{t('panels.duties.commitments')}</h4>
      <RecordList
        ids={dutyIds()}
        record={duty}
        none={<p class="rp-muted">{t('panels.duties.none')}</p>}
      >
        {(r) => (
          <Commitment
            panel={props.panel}
            duty={r()}
            overdue={commitmentOverdue(r(), now())}
            canFulfil={!props.panel.readOnly && mine()}
            canRemove={canEdit()}
          />
        )}
      </RecordList>
      <Show when={side() !== undefined}>
        <h4>{t('panels.contacts.heading')}</h4>
        <RecordList
          ids={contactIds()}
          record={contact}
          none={<p class="rp-muted">{t('panels.contacts.none')}</p>}
        >
          {(c) => (
            <Contact
              panel={props.panel}
              contact={c()}
              canRemove={!props.panel.readOnly && mine()}
            />
          )}
        </RecordList>
        <AddToggle
          when={!props.panel.readOnly && mine()}
          label={t('panels.contacts.add')}
          testId="contact-add-toggle"
        >
          {(done) => <AddContact panel={props.panel} onDone={done} />}
        </AddToggle>
      </Show>
    </section>
  )
}

const Commitment = (props: {
  panel: ReferralPanelProps
  duty: Responsibility
  overdue: boolean
  canFulfil: boolean
  canRemove: boolean
}) => {
  const { t, formatDate } = useI18n()
  const action = createAction()
  const [confirming, setConfirming] = createSignal(false)
  const r = () => props.duty
  const state = () => (r().fulfilled ? 'done' : props.overdue ? 'overdue' : 'open')
  return (
    <li class="rp-record" data-testid="commitment" data-id={r().id} data-state={state()}>
      <p class="rp-record-head">
        <strong data-testid="commitment-what">{r().what}</strong>{' '}
        <Show when={state() !== 'open'}>
          <span class={`rp-badge rp-badge--${state()}`} data-testid="commitment-state">
            {t(`panels.duties.state.${state() as 'done' | 'overdue'}`)}
          </span>
        </Show>
      </p>
      <dl class="rp-facts">
        <dt>{t('panels.duties.dueBy')}</dt>
        <dd>
          {r().dueBy ? (
            <time datetime={r().dueBy}>{formatDate(localDay(r().dueBy as string))}</time>
          ) : (
            t('panels.duties.noDate')
          )}
        </dd>
        <Show when={r().contact}>
          <dt>{t('panels.duties.contact')}</dt>
          <dd>{r().contact}</dd>
        </Show>
        <Show when={r().fulfilled}>
          {(f) => (
            <>
              <dt>{t('panels.duties.doneBy')}</dt>
              <dd>
                <ByLine by={f()} />
              </dd>
            </>
          )}
        </Show>
      </dl>
      <div class="actions">
        <Show when={props.canFulfil && !r().fulfilled}>
          <button
            type="button"
            class="primary"
            onClick={() =>
              action.run(() => fulfilResponsibility(props.panel.conn.doc, r().id, props.panel.me))
            }
            data-testid="commitment-done"
          >
            {t('panels.duties.markDone')}
          </button>
        </Show>
        <Show when={props.canRemove && !confirming()}>
          <button
            type="button"
            class="danger"
            onClick={() => setConfirming(true)}
            data-testid="commitment-remove"
          >
            {t('panels.duties.remove')}
          </button>
        </Show>
      </div>
      <Show when={confirming()}>
        <div class="rp-confirm" role="group" aria-label={t('panels.duties.removeConfirm')}>
          <p>{t('panels.duties.removeConfirm')}</p>
          <div class="actions">
            <button
              type="button"
              class="danger"
              onClick={() => {
                if (
                  action.run(() =>
                    removeResponsibility(props.panel.conn.doc, r().id, props.panel.me),
                  )
                )
                  setConfirming(false)
              }}
              data-testid="commitment-remove-confirm"
            >
              {t('panels.duties.removeYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      </Show>
      <ErrorAlert problem={action.problem()} testId="commitment-error" />
    </li>
  )
}

const Contact = (props: {
  panel: ReferralPanelProps
  contact: ContactPoint
  canRemove: boolean
}) => {
  const { t } = useI18n()
  const action = createAction()
  const c = () => props.contact
  return (
    <li class="rp-record" data-testid="contact" data-id={c().id}>
      <p class="rp-record-head">
        <strong>{c().name}</strong>
      </p>
      <Show when={c().phone}>
        {(phone) => (
          <p>
            {t('panels.contacts.phone')}:{' '}
            <a href={`tel:${phone().replace(/[^\d+]/g, '')}`}>{phone()}</a>
          </p>
        )}
      </Show>
      <Show when={c().email}>
        {(email) => (
          <p>
            {t('panels.contacts.email')}: <a href={`mailto:${email()}`}>{email()}</a>
          </p>
        )}
      </Show>
      <Show when={props.canRemove}>
        <button
          type="button"
          class="danger"
          onClick={() =>
            action.run(() => removeContactPoint(props.panel.conn.doc, c().id, props.panel.me))
          }
          aria-label={t('panels.contacts.removeNamed', { name: c().name })}
          data-testid="contact-remove"
        >
          {t('panels.contacts.remove')}
        </button>
      </Show>
      <ErrorAlert problem={action.problem()} testId="contact-error" />
    </li>
  )
}

const AddContact = (props: { panel: ReferralPanelProps; onDone: () => void }) => {
  const { t } = useI18n()
  const id = createUniqueId()
  const action = createAction()
  const [name, setName] = createSignal('')
  const [phone, setPhone] = createSignal('')
  const [email, setEmail] = createSignal('')
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      addContactPoint(
        props.panel.conn.doc,
        { name: name(), phone: phone(), email: email() },
        props.panel.me,
      )
    })
    if (ok) props.onDone()
  }
  return (
    <form class="rp-form" onSubmit={submit} data-testid="contact-form">
      <InputField
        id={`${id}-name`}
        label={t('panels.contacts.name')}
        required
        value={name()}
        onInput={setName}
        testId="contact-name"
      />
      <InputField
        id={`${id}-phone`}
        label={t('panels.contacts.phone')}
        type="tel"
        value={phone()}
        onInput={setPhone}
        testId="contact-phone"
      />
      <InputField
        id={`${id}-email`}
        label={t('panels.contacts.email')}
        type="email"
        value={email()}
        onInput={setEmail}
        testId="contact-email"
      />
      <ErrorAlert problem={action.problem()} testId="contact-form-error" />
      <SubmitActions
        label={t('panels.contacts.save')}
        testId="contact-submit"
        onCancel={() => props.onDone()}
      />
    </form>
  )
}

const AddCommitment = (props: { panel: ReferralPanelProps }) => {
  const { t } = useI18n()
  const names = useNames()
  const id = createUniqueId()
  const action = createAction()
  const parties = createMemo(() => {
    const p = props.panel.referral().parties
    return [p.referringAgencyId, p.receivingAgencyId]
  })
  const [agencyId, setAgencyId] = createSignal<string | null>(null)
  const [what, setWhat] = createSignal('')
  const [dueBy, setDueBy] = createSignal('')
  const [contact, setContact] = createSignal('')
  const chosen = () => agencyId() ?? props.panel.me.agencyId
  const submit = (e: SubmitEvent) => {
    e.preventDefault()
    const ok = action.run(() => {
      addResponsibility(
        props.panel.conn.doc,
        {
          agencyId: chosen(),
          what: what(),
          ...(dueBy() !== '' && { dueBy: dueBy() }),
          ...(contact().trim() !== '' && { contact: contact() }),
        },
        props.panel.me,
      )
    })
    if (ok) {
      setWhat('')
      setDueBy('')
      setContact('')
    }
  }
  return (
    <form
      class="rp-form rp-box"
      onSubmit={submit}
      aria-labelledby={`${id}-h`}
      data-testid="commitment-form"
    >
      <h3 id={`${id}-h`}>{t('panels.duties.add')}</h3>
      <div class="field">
        <label for={`${id}-agency`}>{t('panels.duties.agency')}</label>
        <select
          id={`${id}-agency`}
          value={chosen()}
          onChange={(e) => setAgencyId(e.currentTarget.value)}
          data-testid="commitment-agency"
        >
          <For each={parties()}>
            {(a) => (
              <option value={a} selected={a === chosen()}>
                {names.agency(a)}
              </option>
            )}
          </For>
        </select>
      </div>
      <InputField
        id={`${id}-what`}
        label={t('panels.duties.what')}
        required
        value={what()}
        onInput={setWhat}
        testId="commitment-what-input"
      />
      <InputField
        id={`${id}-due`}
        label={t('panels.duties.dueByOptional')}
        type="date"
        value={dueBy()}
        onInput={setDueBy}
        testId="commitment-due"
      />
      <InputField
        id={`${id}-contact`}
        label={t('panels.duties.contactOptional')}
        value={contact()}
        onInput={setContact}
        testId="commitment-contact"
      />
      <ErrorAlert problem={action.problem()} testId="commitment-form-error" />
      <SubmitActions label={t('panels.duties.addSubmit')} testId="commitment-submit" />
    </form>
  )
}
